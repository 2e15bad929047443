// "Contact your helpdesk": from the problem when it names one, else from the public config.
import type { Helpdesk } from '../api/client';
import { t } from '../i18n';

export function HelpdeskLink({
  helpdesk,
  lead = true,
}: {
  helpdesk: Helpdesk | null | undefined;
  lead?: boolean;
}) {
  const url = helpdesk?.helpdesk_url ?? null;
  const email = helpdesk?.helpdesk_email ?? null;
  if (url) {
    return (
      <p className="helpdesk">
        {lead ? `${t('helpdesk.stuck')} ` : null}
        <a href={url} rel="noopener noreferrer" target="_blank">
          {t('helpdesk.link')}
        </a>
      </p>
    );
  }
  if (email) {
    return (
      <p className="helpdesk">
        <a href={`mailto:${email}`}>{t('helpdesk.email', { email })}</a>
      </p>
    );
  }
  return <p className="helpdesk">{t('helpdesk.none')}</p>;
}
