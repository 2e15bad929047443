import { t } from '../../i18n';
import { formatDateTime } from '../common/format';
import type { AuditEntry } from '../common/types';

/** Event details as compact JSON text (rendered as text, never as markup). */
function detailsText(details: AuditEntry['details']): string {
  const text = JSON.stringify(details);
  return text === '{}' || text === undefined ? '' : text;
}

function person(name: string | null | undefined, id: string | null | undefined): string {
  return name ?? id ?? '';
}

/**
 * The audit rows. Names, user agents and details are whatever people (or attackers) typed or
 * sent, so every one of them is rendered as a React text node: a `<script>` user agent shows up
 * as those characters and is never parsed as markup.
 */
export default function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <div className="admin-table-wrap" role="region" aria-label={t('admin.audit.title')} tabIndex={0}>
      <table className="admin-table admin-audit-table">
        <caption className="admin-visually-hidden">{t('admin.audit.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.audit.at')}</th>
            <th scope="col">{t('admin.audit.type')}</th>
            <th scope="col">{t('admin.audit.outcome')}</th>
            <th scope="col">{t('admin.audit.actor')}</th>
            <th scope="col">{t('admin.audit.target')}</th>
            <th scope="col">{t('admin.audit.ip')}</th>
            <th scope="col">{t('admin.audit.userAgent')}</th>
            <th scope="col">{t('admin.audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </td>
              <td>
                <code>{entry.type}</code>
              </td>
              <td>{entry.outcome === 'success' ? t('admin.audit.success') : entry.outcome === 'failure' ? t('admin.audit.failure') : entry.outcome}</td>
              <td>{person(entry.actor_name, entry.actor_id)}</td>
              <td>{person(entry.target_name, entry.target_id)}</td>
              <td>{entry.ip ?? ''}</td>
              <td>
                <span className="admin-audit-agent">{entry.user_agent ?? ''}</span>
              </td>
              <td>
                <code className="admin-audit-details">{detailsText(entry.details)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
