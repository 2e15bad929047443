import { useEffect, useRef } from 'react';
import { t } from '../../i18n';
import type { PolicyImpact } from '../common/types';

interface Props {
  impact: PolicyImpact;
  saving: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * What the edited policy would mean for the directory as it is now, shown before it is saved so
 * that an administrator sees at once when a change would leave people unable to reset.
 */
export default function PolicyImpactPanel({ impact, saving, onConfirm, onCancel }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section className="admin-impact" aria-labelledby="policy-impact-heading">
      <h3 id="policy-impact-heading" ref={heading} tabIndex={-1}>
        {t('admin.impact.title')}
      </h3>
      <dl className="admin-impact-numbers">
        <div>
          <dt>{t('admin.impact.usersTotal')}</dt>
          <dd data-testid="impact-users_total">{impact.users_total}</dd>
        </div>
        <div>
          <dt>{t('admin.impact.inScope')}</dt>
          <dd data-testid="impact-in_scope">{impact.in_scope}</dd>
        </div>
        <div>
          <dt>{t('admin.impact.compliant')}</dt>
          <dd data-testid="impact-compliant">{impact.compliant}</dd>
        </div>
        <div>
          <dt>{t('admin.impact.unableToReset')}</dt>
          <dd data-testid="impact-unable_to_reset">{impact.unable_to_reset}</dd>
        </div>
      </dl>
      {impact.unable_to_reset > 0 ? (
        <p className="admin-warning">{t('admin.impact.warning', { count: impact.unable_to_reset })}</p>
      ) : (
        <p>{t('admin.impact.allCanReset')}</p>
      )}
      <div className="admin-actions">
        <button type="button" className="admin-button admin-button-primary" disabled={saving} onClick={onConfirm}>
          {saving ? t('admin.policy.saving') : t('admin.impact.confirm')}
        </button>
        <button type="button" className="admin-button" disabled={saving} onClick={onCancel}>
          {t('admin.impact.keepEditing')}
        </button>
      </div>
    </section>
  );
}
