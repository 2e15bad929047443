import { t } from '../../i18n';
import { CheckboxField, NumberField } from '../common/fields';
import type { PolicyTabProps } from './tabProps';

/** Whether people must register at sign-in, and how often they confirm their methods again. */
export default function PolicyRegistrationTab({ policy, update }: PolicyTabProps) {
  return (
    <div className="admin-stack">
      <CheckboxField
        id="policy-registration-require_on_sign_in"
        label={t('admin.policy.requireOnSignIn')}
        hint={t('admin.policy.requireOnSignInHint')}
        checked={policy.registration.require_on_sign_in}
        onChange={(checked) =>
          update((p) => ({ ...p, registration: { ...p.registration, require_on_sign_in: checked } }))
        }
      />
      <NumberField
        id="policy-registration-reconfirm_days"
        label={t('admin.policy.reconfirmDays')}
        hint={t('admin.policy.reconfirmDaysHint')}
        min={0}
        max={730}
        value={policy.registration.reconfirm_days}
        onChange={(value) => update((p) => ({ ...p, registration: { ...p.registration, reconfirm_days: value } }))}
      />
    </div>
  );
}
