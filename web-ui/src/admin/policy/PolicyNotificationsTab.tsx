import { t } from '../../i18n';
import { CheckboxField } from '../common/fields';
import type { PolicyTabProps } from './tabProps';

/** Who is told when a password is reset. */
export default function PolicyNotificationsTab({ policy, update }: PolicyTabProps) {
  return (
    <div className="admin-stack">
      <CheckboxField
        id="policy-notifications-notify_user_on_reset"
        label={t('admin.policy.notifyUser')}
        checked={policy.notifications.notify_user_on_reset}
        onChange={(checked) =>
          update((p) => ({ ...p, notifications: { ...p.notifications, notify_user_on_reset: checked } }))
        }
      />
      <CheckboxField
        id="policy-notifications-notify_admins_on_admin_reset"
        label={t('admin.policy.notifyAdmins')}
        checked={policy.notifications.notify_admins_on_admin_reset}
        onChange={(checked) =>
          update((p) => ({ ...p, notifications: { ...p.notifications, notify_admins_on_admin_reset: checked } }))
        }
      />
    </div>
  );
}
