import type { UpdateUser, User } from '../common/types';

/** What the user forms edit, as the inputs hold it (empty strings for "none"). */
export interface UserFormValues {
  username: string;
  display_name: string;
  email: string;
  mobile_phone: string;
  password: string;
  is_admin: boolean;
}

export const USER_FIELDS = ['username', 'display_name', 'email', 'mobile_phone', 'password', 'is_admin', 'disabled'];

export function formValuesOf(user: User): UserFormValues {
  return {
    username: user.username,
    display_name: user.display_name,
    email: user.email,
    mobile_phone: user.mobile_phone ?? '',
    password: '',
    is_admin: user.is_admin,
  };
}

/**
 * The PATCH body: only what changed, so that two administrators editing different fields do not
 * undo each other. An emptied phone number is sent as `null`, which removes it; an empty
 * password field means "leave the password alone".
 */
export function changedUserFields(original: User, form: UserFormValues): UpdateUser {
  const patch: UpdateUser = {};
  if (form.username.trim() !== original.username) patch.username = form.username.trim();
  if (form.display_name !== original.display_name) patch.display_name = form.display_name;
  if (form.email.trim() !== original.email) patch.email = form.email.trim();
  const phone = form.mobile_phone.trim();
  if (phone !== (original.mobile_phone ?? '')) patch.mobile_phone = phone === '' ? null : phone;
  if (form.password !== '') patch.password = form.password;
  if (form.is_admin !== original.is_admin) patch.is_admin = form.is_admin;
  return patch;
}
