import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { t } from '../../i18n';
import { problemMessage, settle, type AdminProblem } from '../common/problem';
import { ErrorAlert, StatusRegion } from '../common/StatusMessages';
import UserPicker from '../common/UserPicker';
import type { AuditEntry, User } from '../common/types';
import AuditTable from './AuditTable';
import { AUDIT_FAMILIES, auditQuery, NO_FILTERS, type AuditFilters } from './auditQuery';

const PAGE_SIZE = 50;

interface Page {
  entries: AuditEntry[];
  nextCursor: string | null;
}

/** The audit log, newest first, filtered by event family, user and dates, loaded page by page. */
export default function AuditPage() {
  const [form, setForm] = useState<AuditFilters>(NO_FILTERS);
  const [formUser, setFormUser] = useState<User | null>(null);
  const [applied, setApplied] = useState<AuditFilters>(NO_FILTERS);
  const [page, setPage] = useState<Page | null>(null);
  const [problem, setProblem] = useState<AdminProblem | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  useEffect(() => {
    let current = true;
    void settle(api.GET('/api/v1/admin/audit', { params: { query: auditQuery(applied, null, PAGE_SIZE) } })).then(
      (result) => {
        if (!current) return;
        if (result.ok) {
          setProblem(null);
          setPage({ entries: result.data.items, nextCursor: result.data.next_cursor ?? null });
        } else {
          setProblem(result.problem);
        }
      },
    );
    return () => {
      current = false;
    };
  }, [applied]);

  async function loadMore() {
    if (page === null || page.nextCursor === null) return;
    setLoadingMore(true);
    const result = await settle(
      api.GET('/api/v1/admin/audit', { params: { query: auditQuery(applied, page.nextCursor, PAGE_SIZE) } }),
    );
    setLoadingMore(false);
    if (result.ok) {
      setProblem(null);
      setPage({ entries: [...page.entries, ...result.data.items], nextCursor: result.data.next_cursor ?? null });
    } else {
      setProblem(result.problem);
    }
  }

  function pickUser(user: User | null) {
    setFormUser(user);
    setForm((f) => ({ ...f, userId: user?.user_id ?? '' }));
  }

  return (
    <section aria-labelledby="admin-audit-heading">
      <h2 id="admin-audit-heading">{t('admin.audit.title')}</h2>
      <form
        className="admin-filters"
        aria-label={t('admin.audit.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          setPage(null);
          setApplied({ ...form });
        }}
      >
        <div className="admin-field">
          <label htmlFor="audit-type">{t('admin.audit.type')}</label>
          <select
            id="audit-type"
            value={form.type}
            onChange={(event) => {
              const value = AUDIT_FAMILIES.find((family) => family === event.target.value);
              setForm((f) => ({ ...f, type: value ?? '' }));
            }}
          >
            <option value="">{t('admin.audit.allTypes')}</option>
            {AUDIT_FAMILIES.map((family) => (
              <option key={family} value={family}>
                {t(`admin.audit.family.${family}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="admin-field">
          <label htmlFor="audit-from">{t('admin.audit.from')}</label>
          <input
            id="audit-from"
            type="date"
            value={form.from}
            onChange={(event) => setForm((f) => ({ ...f, from: event.target.value }))}
          />
        </div>
        <div className="admin-field">
          <label htmlFor="audit-to">{t('admin.audit.to')}</label>
          <input
            id="audit-to"
            type="date"
            value={form.to}
            onChange={(event) => setForm((f) => ({ ...f, to: event.target.value }))}
          />
        </div>
        <div className="admin-audit-user">
          {formUser === null ? (
            <UserPicker
              id="audit-user"
              label={t('admin.audit.user')}
              actionLabel={(user) => t('admin.audit.chooseUser', { name: user.username })}
              onPick={pickUser}
            />
          ) : (
            <p>
              {t('admin.audit.userChosen', { name: formUser.username })}{' '}
              <button type="button" className="admin-button" onClick={() => pickUser(null)}>
                {t('admin.audit.clearUser')}
              </button>
            </p>
          )}
        </div>
        <div className="admin-actions">
          <button type="submit" className="admin-button admin-button-primary">
            {t('admin.audit.apply')}
          </button>
          <button
            type="button"
            className="admin-button"
            onClick={() => {
              pickUser(null);
              setForm(NO_FILTERS);
              setPage(null);
              setApplied({ ...NO_FILTERS });
            }}
          >
            {t('admin.audit.reset')}
          </button>
        </div>
      </form>
      {problem !== null && <ErrorAlert message={problemMessage(problem)} />}
      <StatusRegion
        message={
          page === null
            ? problem === null
              ? t('admin.common.loading')
              : ''
            : t('admin.audit.shown', { count: page.entries.length })
        }
      />
      {page !== null && page.entries.length === 0 && <p>{t('admin.audit.none')}</p>}
      {page !== null && page.entries.length > 0 && <AuditTable entries={page.entries} />}
      {page !== null && page.nextCursor !== null && (
        <div className="admin-actions">
          <button type="button" className="admin-button" disabled={loadingMore} onClick={() => void loadMore()}>
            {loadingMore ? t('admin.common.loading') : t('admin.audit.loadMore')}
          </button>
        </div>
      )}
    </section>
  );
}
