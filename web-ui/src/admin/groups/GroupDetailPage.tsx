import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { t } from '../../i18n';
import { flatFieldLocator, placeFieldErrors } from '../common/fieldErrors';
import { FieldErrorsContext } from '../common/FieldErrorsContext';
import { TextField } from '../common/fields';
import { problemMessage, settle, type AdminProblem, type FieldErrorItem } from '../common/problem';
import { ConfirmButton, ErrorAlert, StatusRegion } from '../common/StatusMessages';
import { ManagedElsewhere, useManagesUsers } from '../common/directory';
import type { GroupDetail, UpdateGroup } from '../common/types';
import GroupMembersEditor from './GroupMembersEditor';

const locate = flatFieldLocator('group-edit', ['name', 'description']);

/** One group: rename, describe, edit members, delete. */
export default function GroupDetailPage() {
  const { groupId = '' } = useParams();
  const navigate = useNavigate();
  const [group, setGroup] = useState<GroupDetail | null>(null);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [loadProblem, setLoadProblem] = useState<AdminProblem | null>(null);
  const [problem, setProblem] = useState<AdminProblem | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrorItem[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const managesUsers = useManagesUsers();

  const show = useCallback((detail: GroupDetail) => {
    setGroup(detail);
    setName(detail.name);
    setDescription(detail.description ?? '');
  }, []);

  useEffect(() => {
    let current = true;
    void settle(api.GET('/api/v1/admin/groups/{group_id}', { params: { path: { group_id: groupId } } })).then(
      (result) => {
        if (!current) return;
        if (result.ok) show(result.data);
        else setLoadProblem(result.problem);
      },
    );
    return () => {
      current = false;
    };
  }, [groupId, show]);

  async function save() {
    if (group === null) return;
    const patch: UpdateGroup = {};
    if (name.trim() !== group.name) patch.name = name.trim();
    const newDescription = description.trim() === '' ? null : description.trim();
    if (newDescription !== (group.description ?? null)) patch.description = newDescription;
    if (Object.keys(patch).length === 0) {
      setStatus(t('admin.group.nothingChanged'));
      return;
    }
    setBusy(true);
    const result = await settle(
      api.PATCH('/api/v1/admin/groups/{group_id}', { params: { path: { group_id: group.group_id } }, body: patch }),
    );
    setBusy(false);
    if (result.ok) {
      show(result.data);
      setFieldErrors([]);
      setProblem(null);
      setStatus(t('admin.group.saved'));
    } else if (result.problem.status === 409) {
      setFieldErrors([{ field: 'name', code: result.problem.code, message: problemMessage(result.problem) }]);
    } else if (result.problem.fieldErrors.length > 0) {
      setFieldErrors(result.problem.fieldErrors);
    } else {
      setProblem(result.problem);
    }
  }

  async function remove() {
    if (group === null) return;
    setBusy(true);
    const result = await settle(
      api.DELETE('/api/v1/admin/groups/{group_id}', { params: { path: { group_id: group.group_id } } }),
    );
    setBusy(false);
    if (result.ok) {
      navigate('..', { relative: 'path' });
    } else {
      setStatus('');
      setProblem(result.problem);
    }
  }

  const back = (
    <p>
      <Link to=".." relative="path">
        {t('admin.group.back')}
      </Link>
    </p>
  );

  if (group === null) {
    return (
      <section aria-labelledby="admin-group-heading">
        {back}
        <h2 id="admin-group-heading">{t('admin.group.title')}</h2>
        {loadProblem === null ? (
          <StatusRegion message={t('admin.common.loading')} />
        ) : (
          <ErrorAlert message={problemMessage(loadProblem)} />
        )}
      </section>
    );
  }

  const placed = placeFieldErrors(fieldErrors, locate);
  return (
    <section aria-labelledby="admin-group-heading">
      {back}
      <h2 id="admin-group-heading">{group.name}</h2>
      <StatusRegion message={status} />
      {problem !== null && <ErrorAlert message={problemMessage(problem)} />}
      {placed.unplaced.length > 0 && <ErrorAlert message={placed.unplaced.map((e) => e.message).join(' ')} />}
      {managesUsers === false && <ManagedElsewhere />}
      {managesUsers === true && (
        <section className="admin-card" aria-labelledby="group-edit-heading">
          <h3 id="group-edit-heading">{t('admin.group.edit')}</h3>
          <FieldErrorsContext.Provider value={placed.byInput}>
            <form
              className="admin-form"
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                void save();
              }}
            >
              <TextField id="group-edit-name" label={t('admin.group.name')} required value={name} onChange={setName} />
              <TextField
                id="group-edit-description"
                label={t('admin.group.description')}
                value={description}
                onChange={setDescription}
              />
              <div className="admin-actions">
                <button type="submit" className="admin-button admin-button-primary" disabled={busy}>
                  {t('admin.group.save')}
                </button>
              </div>
            </form>
          </FieldErrorsContext.Provider>
        </section>
      )}
      <GroupMembersEditor key={group.group_id} group={group} onSaved={show} readOnly={managesUsers !== true} />
      {managesUsers === true && (
        <section className="admin-card" aria-labelledby="group-delete-heading">
          <h3 id="group-delete-heading">{t('admin.group.delete')}</h3>
          <ConfirmButton
            danger
            label={t('admin.group.delete')}
            question={t('admin.group.deleteQuestion', { name: group.name })}
            confirmLabel={t('admin.group.deleteConfirm')}
            disabled={busy}
            onConfirm={() => void remove()}
          />
        </section>
      )}
    </section>
  );
}
