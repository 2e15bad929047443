import { LANGUAGES, t } from '../../i18n';
import type { Language } from '../../i18n';
import { CheckboxField, NumberField, SelectField, TextField } from '../common/fields';
import PolicyMessagesEditor from './PolicyMessagesEditor';
import type { PolicyTabProps } from './tabProps';

/** An empty input means "not set", which the API spells `null`. */
function orNull(value: string): string | null {
  return value.trim() === '' ? null : value;
}

/** Where stuck people get help, and the finer points of how recovery behaves. */
export default function PolicyCustomizationTab({ policy, update }: PolicyTabProps) {
  return (
    <div className="admin-stack">
      <TextField
        id="policy-customization-helpdesk_url"
        type="url"
        label={t('admin.policy.helpdeskUrl')}
        hint={t('admin.policy.helpdeskUrlHint')}
        value={policy.customization.helpdesk_url ?? ''}
        onChange={(value) => update((p) => ({ ...p, customization: { ...p.customization, helpdesk_url: orNull(value) } }))}
      />
      <TextField
        id="policy-customization-helpdesk_email"
        type="email"
        label={t('admin.policy.helpdeskEmail')}
        value={policy.customization.helpdesk_email ?? ''}
        onChange={(value) =>
          update((p) => ({ ...p, customization: { ...p.customization, helpdesk_email: orNull(value) } }))
        }
      />
      <SelectField
        id="policy-customization-default_language"
        label={t('admin.policy.defaultLanguage')}
        hint={t('admin.policy.defaultLanguageHint')}
        value={policy.customization.default_language ?? 'en'}
        options={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
        onChange={(value) =>
          update((p) => ({ ...p, customization: { ...p.customization, default_language: value as Language } }))
        }
      />
      <CheckboxField
        id="policy-unlock_enabled"
        label={t('admin.policy.unlockEnabled')}
        checked={policy.unlock_enabled}
        onChange={(checked) => update((p) => ({ ...p, unlock_enabled: checked }))}
      />
      <CheckboxField
        id="policy-reveal_ineligible"
        label={t('admin.policy.revealIneligible')}
        hint={t('admin.policy.revealIneligibleHint')}
        checked={policy.reveal_ineligible}
        onChange={(checked) => update((p) => ({ ...p, reveal_ineligible: checked }))}
      />
      <CheckboxField
        id="policy-confirm_full_destination"
        label={t('admin.policy.confirmFullDestination')}
        hint={t('admin.policy.confirmFullDestinationHint')}
        checked={policy.confirm_full_destination}
        onChange={(checked) => update((p) => ({ ...p, confirm_full_destination: checked }))}
      />
      <NumberField
        id="policy-recovery_cooldown_hours"
        label={t('admin.policy.cooldownHours')}
        hint={t('admin.policy.cooldownHoursHint')}
        min={0}
        max={720}
        value={policy.recovery_cooldown_hours}
        onChange={(value) => update((p) => ({ ...p, recovery_cooldown_hours: value }))}
      />
      <PolicyMessagesEditor policy={policy} update={update} />
    </div>
  );
}
