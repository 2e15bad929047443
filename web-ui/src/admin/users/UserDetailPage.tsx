import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { t } from '../../i18n';
import { flatFieldLocator, placeFieldErrors } from '../common/fieldErrors';
import { FieldErrorsContext } from '../common/FieldErrorsContext';
import { formatDateTime } from '../common/format';
import { problemMessage, settle, type AdminProblem, type FieldErrorItem } from '../common/problem';
import { ConfirmButton, ErrorAlert, StatusRegion } from '../common/StatusMessages';
import { ManagedElsewhere, useManagesUsers } from '../common/directory';
import type { MethodView, User } from '../common/types';
import UserFormFields from './UserFormFields';
import UserMethodsList from './UserMethodsList';
import UserStatusBadges from './UserStatusBadges';
import { changedUserFields, formValuesOf, USER_FIELDS, type UserFormValues } from './userForm';

const locate = flatFieldLocator('user-edit', USER_FIELDS);

/** One user: edit, disable or enable, unlock, ask to register again, see methods, delete. */
export default function UserDetailPage() {
  const { userId = '' } = useParams();
  const navigate = useNavigate();
  const [user, setUser] = useState<User | null>(null);
  const [values, setValues] = useState<UserFormValues | null>(null);
  const [methods, setMethods] = useState<MethodView[] | null>(null);
  const [loadProblem, setLoadProblem] = useState<AdminProblem | null>(null);
  const [problem, setProblem] = useState<AdminProblem | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrorItem[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const managesUsers = useManagesUsers();

  useEffect(() => {
    let current = true;
    const path = { params: { path: { user_id: userId } } };
    void Promise.all([
      settle(api.GET('/api/v1/admin/users/{user_id}', path)),
      settle(api.GET('/api/v1/admin/users/{user_id}/methods', path)),
    ]).then(([userResult, methodsResult]) => {
      if (!current) return;
      if (!userResult.ok) {
        setLoadProblem(userResult.problem);
        return;
      }
      setLoadProblem(null);
      setUser(userResult.data);
      setValues(formValuesOf(userResult.data));
      setMethods(methodsResult.ok ? methodsResult.data.items : null);
    });
    return () => {
      current = false;
    };
  }, [userId]);

  /** Shows the outcome of an action; a changed user replaces the one on screen. */
  function settleAction(result: { ok: true; user?: User } | { ok: false; problem: AdminProblem }, done: string) {
    setBusy(false);
    if (result.ok) {
      setProblem(null);
      if (result.user) {
        setUser(result.user);
        setValues(formValuesOf(result.user));
      }
      setStatus(done);
    } else {
      setStatus('');
      setProblem(result.problem);
    }
  }

  async function save() {
    if (user === null || values === null) return;
    const patch = changedUserFields(user, values);
    if (Object.keys(patch).length === 0) {
      setStatus(t('admin.user.nothingChanged'));
      return;
    }
    setBusy(true);
    const result = await settle(
      api.PATCH('/api/v1/admin/users/{user_id}', { params: { path: { user_id: user.user_id } }, body: patch }),
    );
    if (!result.ok && result.problem.code === 'username_taken') {
      setBusy(false);
      setFieldErrors([{ field: 'username', code: 'username_taken', message: t('admin.problem.username_taken') }]);
      return;
    }
    if (!result.ok && result.problem.fieldErrors.length > 0) {
      setBusy(false);
      setFieldErrors(result.problem.fieldErrors);
      setStatus(t('admin.user.notSaved'));
      return;
    }
    setFieldErrors([]);
    settleAction(result.ok ? { ok: true, user: result.data } : result, t('admin.user.saved'));
  }

  async function setDisabled(disabled: boolean) {
    if (user === null) return;
    setBusy(true);
    const result = await settle(
      api.PATCH('/api/v1/admin/users/{user_id}', { params: { path: { user_id: user.user_id } }, body: { disabled } }),
    );
    settleAction(
      result.ok ? { ok: true, user: result.data } : result,
      disabled ? t('admin.user.disabledDone') : t('admin.user.enabledDone'),
    );
  }

  async function unlock() {
    if (user === null) return;
    setBusy(true);
    const result = await settle(
      api.POST('/api/v1/admin/users/{user_id}/unlock', { params: { path: { user_id: user.user_id } } }),
    );
    settleAction(result.ok ? { ok: true, user: result.data } : result, t('admin.user.unlockedDone'));
  }

  async function requireReregistration() {
    if (user === null) return;
    setBusy(true);
    const result = await settle(
      api.POST('/api/v1/admin/users/{user_id}/require-reregistration', { params: { path: { user_id: user.user_id } } }),
    );
    settleAction(result.ok ? { ok: true } : result, t('admin.user.reregistrationDone'));
  }

  async function remove() {
    if (user === null) return;
    setBusy(true);
    const result = await settle(
      api.DELETE('/api/v1/admin/users/{user_id}', { params: { path: { user_id: user.user_id } } }),
    );
    if (result.ok) {
      navigate('..', { relative: 'path' });
      return;
    }
    settleAction(result, '');
  }

  if (user === null || values === null) {
    return (
      <section aria-labelledby="admin-user-heading">
        <h2 id="admin-user-heading">{t('admin.user.title')}</h2>
        <p>
          <Link to=".." relative="path">
            {t('admin.user.back')}
          </Link>
        </p>
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
    <section aria-labelledby="admin-user-heading">
      <p>
        <Link to=".." relative="path">
          {t('admin.user.back')}
        </Link>
      </p>
      <h2 id="admin-user-heading">{user.display_name}</h2>
      <UserStatusBadges user={user} />
      <dl className="admin-facts">
        <div>
          <dt>{t('admin.user.created')}</dt>
          <dd>{formatDateTime(user.created_at)}</dd>
        </div>
        {user.locked && user.locked_until && (
          <div>
            <dt>{t('admin.user.lockedUntil')}</dt>
            <dd>{formatDateTime(user.locked_until)}</dd>
          </div>
        )}
      </dl>
      <StatusRegion message={status} />
      {problem !== null && <ErrorAlert message={problemMessage(problem)} />}
      {placed.unplaced.length > 0 && <ErrorAlert message={placed.unplaced.map((e) => e.message).join(' ')} />}

      {managesUsers === false && <ManagedElsewhere />}
      {managesUsers === true && (
        <section className="admin-card" aria-labelledby="user-edit-heading">
          <h3 id="user-edit-heading">{t('admin.user.edit')}</h3>
          <FieldErrorsContext.Provider value={placed.byInput}>
            <form
              className="admin-form"
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                void save();
              }}
            >
              <UserFormFields idPrefix="user-edit" mode="edit" values={values} onChange={setValues} />
              <div className="admin-actions">
                <button type="submit" className="admin-button admin-button-primary" disabled={busy}>
                  {t('admin.user.save')}
                </button>
              </div>
            </form>
          </FieldErrorsContext.Provider>
        </section>
      )}

      <section className="admin-card" aria-labelledby="user-actions-heading">
        <h3 id="user-actions-heading">{t('admin.user.actions')}</h3>
        <div className="admin-actions">
          {managesUsers === true && (
            <button type="button" className="admin-button" disabled={busy} onClick={() => void setDisabled(!user.disabled)}>
              {user.disabled ? t('admin.user.enable') : t('admin.user.disable')}
            </button>
          )}
          {user.locked && (
            <button type="button" className="admin-button" disabled={busy} onClick={() => void unlock()}>
              {t('admin.user.unlock')}
            </button>
          )}
          <ConfirmButton
            label={t('admin.user.requireReregistration')}
            question={t('admin.user.requireReregistrationQuestion', { name: user.username })}
            confirmLabel={t('admin.user.requireReregistrationConfirm')}
            disabled={busy}
            onConfirm={() => void requireReregistration()}
          />
          {managesUsers === true && (
            <ConfirmButton
              danger
              label={t('admin.user.delete')}
              question={t('admin.user.deleteQuestion', { name: user.username })}
              confirmLabel={t('admin.user.deleteConfirm')}
              disabled={busy}
              onConfirm={() => void remove()}
            />
          )}
        </div>
      </section>

      <section className="admin-card" aria-labelledby="user-methods-heading">
        <h3 id="user-methods-heading">{t('admin.user.methods')}</h3>
        {methods === null ? <p>{t('admin.user.methodsUnavailable')}</p> : <UserMethodsList methods={methods} />}
      </section>
    </section>
  );
}
