import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { t } from '../../i18n';
import { flatFieldLocator, placeFieldErrors } from '../common/fieldErrors';
import { FieldErrorsContext } from '../common/FieldErrorsContext';
import { TextField } from '../common/fields';
import { problemMessage, settle, type AdminProblem, type FieldErrorItem } from '../common/problem';
import { ErrorAlert, StatusRegion } from '../common/StatusMessages';
import { ManagedElsewhere, useManagesUsers } from '../common/directory';
import type { Group } from '../common/types';

const locate = flatFieldLocator('group-create', ['name', 'description']);

/** The groups, with how many members each has, and "new group". */
export default function GroupsPage() {
  const navigate = useNavigate();
  const [groups, setGroups] = useState<Group[] | null>(null);
  const [problem, setProblem] = useState<AdminProblem | null>(null);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrorItem[]>([]);
  const [createProblem, setCreateProblem] = useState<AdminProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const managesUsers = useManagesUsers();

  useEffect(() => {
    let current = true;
    void settle(api.GET('/api/v1/admin/groups')).then((result) => {
      if (!current) return;
      if (result.ok) setGroups(result.data.items);
      else setProblem(result.problem);
    });
    return () => {
      current = false;
    };
  }, []);

  async function create() {
    setBusy(true);
    setCreateProblem(null);
    const result = await settle(
      api.POST('/api/v1/admin/groups', {
        body: { name: name.trim(), description: description.trim() === '' ? null : description.trim() },
      }),
    );
    setBusy(false);
    if (result.ok) {
      navigate(result.data.group_id);
      return;
    }
    if (result.problem.status === 409) {
      setFieldErrors([{ field: 'name', code: result.problem.code, message: problemMessage(result.problem) }]);
    } else if (result.problem.fieldErrors.length > 0) {
      setFieldErrors(result.problem.fieldErrors);
    } else {
      setFieldErrors([]);
      setCreateProblem(result.problem);
    }
  }

  const placed = placeFieldErrors(fieldErrors, locate);
  return (
    <section aria-labelledby="admin-groups-heading">
      <h2 id="admin-groups-heading">{t('admin.groups.title')}</h2>
      {problem !== null && <ErrorAlert message={problemMessage(problem)} />}
      <StatusRegion
        message={groups === null ? (problem === null ? t('admin.common.loading') : '') : t('admin.groups.count', { count: groups.length })}
      />
      {groups !== null && groups.length === 0 && <p>{t('admin.groups.none')}</p>}
      {groups !== null && groups.length > 0 && (
        <div className="admin-table-wrap" role="region" aria-label={t('admin.groups.title')} tabIndex={0}>
          <table className="admin-table">
            <caption className="admin-visually-hidden">{t('admin.groups.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.group.name')}</th>
                <th scope="col">{t('admin.group.description')}</th>
                <th scope="col">{t('admin.group.members')}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((group) => (
                <tr key={group.group_id}>
                  <td>
                    <Link to={group.group_id}>{group.name}</Link>
                  </td>
                  <td>{group.description ?? ''}</td>
                  <td>{group.member_count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {managesUsers === false && <ManagedElsewhere />}
      {managesUsers === true && (
        <section className="admin-card" aria-labelledby="group-create-heading">
          <h3 id="group-create-heading">{t('admin.groups.create')}</h3>
          {createProblem !== null && <ErrorAlert message={problemMessage(createProblem)} />}
          {placed.unplaced.length > 0 && <ErrorAlert message={placed.unplaced.map((e) => e.message).join(' ')} />}
          <FieldErrorsContext.Provider value={placed.byInput}>
            <form
              className="admin-form"
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                void create();
              }}
            >
              <TextField id="group-create-name" label={t('admin.group.name')} required value={name} onChange={setName} />
              <TextField
                id="group-create-description"
                label={t('admin.group.description')}
                value={description}
                onChange={setDescription}
              />
              <div className="admin-actions">
                <button type="submit" className="admin-button admin-button-primary" disabled={busy}>
                  {t('admin.groups.createSubmit')}
                </button>
              </div>
            </form>
          </FieldErrorsContext.Provider>
        </section>
      )}
    </section>
  );
}
