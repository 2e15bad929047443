import { useState } from 'react';
import { api } from '../../api/client';
import { t } from '../../i18n';
import { flatFieldLocator, placeFieldErrors } from '../common/fieldErrors';
import { FieldErrorsContext } from '../common/FieldErrorsContext';
import { problemMessage, settle, type AdminProblem, type FieldErrorItem } from '../common/problem';
import { ErrorAlert } from '../common/StatusMessages';
import type { User } from '../common/types';
import UserFormFields from './UserFormFields';
import { USER_FIELDS, type UserFormValues } from './userForm';

const EMPTY: UserFormValues = { username: '', display_name: '', email: '', mobile_phone: '', password: '', is_admin: false };
const locate = flatFieldLocator('user-create', USER_FIELDS);

interface Props {
  onCreated: (user: User) => void;
  onCancel: () => void;
}

/** "New user": creates an account in the built-in directory. */
export default function UserCreateForm({ onCreated, onCancel }: Props) {
  const [values, setValues] = useState<UserFormValues>(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<FieldErrorItem[]>([]);
  const [problem, setProblem] = useState<AdminProblem | null>(null);
  const [busy, setBusy] = useState(false);

  async function create() {
    setBusy(true);
    setProblem(null);
    const phone = values.mobile_phone.trim();
    const result = await settle(
      api.POST('/api/v1/admin/users', {
        body: {
          username: values.username.trim(),
          display_name: values.display_name,
          email: values.email.trim(),
          mobile_phone: phone === '' ? null : phone,
          password: values.password === '' ? null : values.password,
          is_admin: values.is_admin,
        },
      }),
    );
    setBusy(false);
    if (result.ok) {
      onCreated(result.data);
      return;
    }
    if (result.problem.code === 'username_taken') {
      // Said next to the input that has to change.
      setFieldErrors([{ field: 'username', code: 'username_taken', message: t('admin.problem.username_taken') }]);
    } else if (result.problem.fieldErrors.length > 0) {
      setFieldErrors(result.problem.fieldErrors);
    } else {
      setFieldErrors([]);
      setProblem(result.problem);
    }
  }

  const placed = placeFieldErrors(fieldErrors, locate);
  return (
    <section className="admin-card" aria-labelledby="user-create-heading">
      <h3 id="user-create-heading">{t('admin.users.create')}</h3>
      {problem !== null && <ErrorAlert message={problemMessage(problem)} />}
      {placed.unplaced.length > 0 && (
        <ErrorAlert message={placed.unplaced.map((e) => e.message).join(' ')} />
      )}
      <FieldErrorsContext.Provider value={placed.byInput}>
        <form
          className="admin-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void create();
          }}
        >
          <UserFormFields idPrefix="user-create" mode="create" values={values} onChange={setValues} />
          <div className="admin-actions">
            <button type="submit" className="admin-button admin-button-primary" disabled={busy}>
              {busy ? t('admin.common.working') : t('admin.users.createSubmit')}
            </button>
            <button type="button" className="admin-button" onClick={onCancel}>
              {t('admin.common.cancel')}
            </button>
          </div>
        </form>
      </FieldErrorsContext.Provider>
    </section>
  );
}
