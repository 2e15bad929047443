import { t } from '../../i18n';
import { FieldsetField } from '../common/fields';
import type { Group, Scope } from '../common/types';
import type { PolicyTabProps } from './tabProps';

const SCOPES: readonly Scope[] = ['none', 'selected', 'all'];

interface Props extends PolicyTabProps {
  /** `null` while the groups could not be loaded. */
  groups: Group[] | null;
}

/** Who may use self-service password reset: nobody, members of chosen groups, or everyone. */
export default function PolicyPropertiesTab({ policy, update, groups }: Props) {
  function toggleGroup(groupId: string, checked: boolean) {
    update((p) => ({
      ...p,
      group_ids: checked ? [...p.group_ids, groupId] : p.group_ids.filter((id) => id !== groupId),
    }));
  }

  return (
    <div className="admin-stack">
      <FieldsetField id="policy-scope" legend={t('admin.policy.scope')} hint={t('admin.policy.scopeHint')}>
        {SCOPES.map((scope) => (
          <div className="admin-field-checkbox" key={scope}>
            <input
              type="radio"
              id={`policy-scope-${scope}`}
              name="policy-scope"
              value={scope}
              checked={policy.scope === scope}
              onChange={() => update((p) => ({ ...p, scope }))}
            />
            <label htmlFor={`policy-scope-${scope}`}>{t(`admin.policy.scope.${scope}`)}</label>
          </div>
        ))}
      </FieldsetField>
      {policy.scope === 'selected' && (
        <FieldsetField id="policy-group_ids" legend={t('admin.policy.groups')} hint={t('admin.policy.groupsHint')}>
          {groups === null && <p>{t('admin.policy.groupsUnavailable')}</p>}
          {groups !== null && groups.length === 0 && <p>{t('admin.policy.noGroups')}</p>}
          {groups?.map((group) => (
            <div className="admin-field-checkbox" key={group.group_id}>
              <input
                type="checkbox"
                id={`policy-group-${group.group_id}`}
                checked={policy.group_ids.includes(group.group_id)}
                onChange={(event) => toggleGroup(group.group_id, event.target.checked)}
              />
              <label htmlFor={`policy-group-${group.group_id}`}>
                {t('admin.policy.groupOption', { name: group.name, count: group.member_count })}
              </label>
            </div>
          ))}
        </FieldsetField>
      )}
    </div>
  );
}
