import { useState } from 'react';
import { api } from '../../api/client';
import { t } from '../../i18n';
import { problemMessage, settle, type AdminProblem } from '../common/problem';
import { ErrorAlert, StatusRegion } from '../common/StatusMessages';
import UserPicker from '../common/UserPicker';
import type { GroupDetail, Member } from '../common/types';

interface Props {
  group: GroupDetail;
  onSaved: (group: GroupDetail) => void;
  /** Members are listed only: the directory's own tools change them. */
  readOnly?: boolean;
}

/** The member list of a group, edited here and saved as a whole (PUT …/members). */
export default function GroupMembersEditor({ group, onSaved, readOnly = false }: Props) {
  const [members, setMembers] = useState<Member[]>(group.members);
  const [dirty, setDirty] = useState(false);
  const [problem, setProblem] = useState<AdminProblem | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  function change(next: Member[], announcement: string) {
    setMembers(next);
    setDirty(true);
    setStatus(announcement);
  }

  async function save() {
    setBusy(true);
    const result = await settle(
      api.PUT('/api/v1/admin/groups/{group_id}/members', {
        params: { path: { group_id: group.group_id } },
        body: { user_ids: members.map((member) => member.user_id) },
      }),
    );
    setBusy(false);
    if (result.ok) {
      setProblem(null);
      setMembers(result.data.members);
      setDirty(false);
      setStatus(t('admin.group.membersSaved'));
      onSaved(result.data);
    } else {
      setProblem(result.problem);
      setStatus('');
    }
  }

  return (
    <section className="admin-card" aria-labelledby="group-members-heading">
      <h3 id="group-members-heading">{t('admin.group.membersTitle', { count: members.length })}</h3>
      <StatusRegion message={status} />
      {problem !== null && <ErrorAlert message={problemMessage(problem)} />}
      {members.length === 0 ? (
        <p>{t('admin.group.noMembers')}</p>
      ) : (
        <ul className="admin-member-list">
          {members.map((member) => (
            <li key={member.user_id}>
              <span>
                {member.display_name} <span className="admin-muted">({member.username})</span>
              </span>
              {!readOnly && (
                <button
                  type="button"
                  className="admin-button"
                  aria-label={t('admin.group.removeMemberNamed', { name: member.username })}
                  onClick={() =>
                    change(
                      members.filter((m) => m.user_id !== member.user_id),
                      t('admin.group.memberRemoved', { name: member.username }),
                    )
                  }
                >
                  {t('admin.group.removeMember')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <>
          <UserPicker
            id="group-members-picker"
            label={t('admin.group.findUsers')}
            excludeIds={members.map((m) => m.user_id)}
            actionLabel={(user) => t('admin.group.addMemberNamed', { name: user.username })}
            onPick={(user) =>
              change(
                [...members, { user_id: user.user_id, username: user.username, display_name: user.display_name }],
                t('admin.group.memberAdded', { name: user.username }),
              )
            }
          />
          <div className="admin-actions">
            <button type="button" className="admin-button admin-button-primary" disabled={busy || !dirty} onClick={() => void save()}>
              {t('admin.group.saveMembers')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
