import { t } from '../../i18n';
import type { User } from '../common/types';

/** Administrator, disabled, locked, must change password: as words, never as colour alone. */
export default function UserStatusBadges({ user }: { user: User }) {
  const labels = [
    user.is_admin ? t('admin.user.badge.admin') : null,
    user.disabled ? t('admin.user.badge.disabled') : null,
    user.locked ? t('admin.user.badge.locked') : null,
    user.must_change_password ? t('admin.user.badge.mustChange') : null,
    !user.password_set ? t('admin.user.badge.noPassword') : null,
  ].filter((label): label is string => label !== null);
  if (labels.length === 0) return <span>{t('admin.user.badge.active')}</span>;
  return (
    <ul className="admin-badges">
      {labels.map((label) => (
        <li key={label} className="admin-badge">
          {label}
        </li>
      ))}
    </ul>
  );
}
