import { t } from '../../i18n';
import { CheckboxField, TextField } from '../common/fields';
import type { UserFormValues } from './userForm';

interface Props {
  idPrefix: string;
  values: UserFormValues;
  onChange: (values: UserFormValues) => void;
  /** Creating asks for an initial password; editing offers to set a new one. */
  mode: 'create' | 'edit';
}

/** The inputs shared by "new user" and the user detail form. */
export default function UserFormFields({ idPrefix, values, onChange, mode }: Props) {
  const set = <K extends keyof UserFormValues>(key: K, value: UserFormValues[K]) => onChange({ ...values, [key]: value });
  return (
    <>
      <TextField
        id={`${idPrefix}-username`}
        label={t('admin.user.username')}
        autoComplete="off"
        required
        value={values.username}
        onChange={(v) => set('username', v)}
      />
      <TextField
        id={`${idPrefix}-display_name`}
        label={t('admin.user.displayName')}
        autoComplete="off"
        required
        value={values.display_name}
        onChange={(v) => set('display_name', v)}
      />
      <TextField
        id={`${idPrefix}-email`}
        type="email"
        label={t('admin.user.email')}
        autoComplete="off"
        required
        value={values.email}
        onChange={(v) => set('email', v)}
      />
      <TextField
        id={`${idPrefix}-mobile_phone`}
        type="tel"
        label={t('admin.user.mobilePhone')}
        hint={mode === 'edit' ? t('admin.user.mobilePhoneEditHint') : t('admin.user.mobilePhoneHint')}
        autoComplete="off"
        value={values.mobile_phone}
        onChange={(v) => set('mobile_phone', v)}
      />
      <TextField
        id={`${idPrefix}-password`}
        type="password"
        label={mode === 'create' ? t('admin.user.initialPassword') : t('admin.user.newPassword')}
        hint={mode === 'create' ? t('admin.user.initialPasswordHint') : t('admin.user.newPasswordHint')}
        autoComplete="new-password"
        value={values.password}
        onChange={(v) => set('password', v)}
      />
      <CheckboxField
        id={`${idPrefix}-is_admin`}
        label={t('admin.user.isAdmin')}
        hint={t('admin.user.isAdminHint')}
        checked={values.is_admin}
        onChange={(v) => set('is_admin', v)}
      />
    </>
  );
}
