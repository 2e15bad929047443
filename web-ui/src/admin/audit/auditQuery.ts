/** The event families the audit log can be filtered by (the part of `type` before the dot). */
export const AUDIT_FAMILIES = ['sign_in', 'method', 'recovery', 'policy', 'user', 'group'] as const;
export type AuditFamily = (typeof AUDIT_FAMILIES)[number];

/**
 * A date from an `<input type="date">` (`YYYY-MM-DD`, a day in the reader's time zone) as the
 * RFC 3339 instant the API wants: the start of that day, or with `endOfDay` the start of the next
 * day, so that "to 3 March" includes all of 3 March. `undefined` for an empty or invalid input.
 */
export function dateToRfc3339(value: string, endOfDay = false): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day] = match;
  const date = new Date(Number(year), Number(month) - 1, Number(day) + (endOfDay ? 1 : 0));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export interface AuditFilters {
  type: AuditFamily | '';
  userId: string;
  from: string;
  to: string;
}

export const NO_FILTERS: AuditFilters = { type: '', userId: '', from: '', to: '' };

/** The query of `GET /api/v1/admin/audit` for these filters; empty filters are left out. */
export function auditQuery(filters: AuditFilters, cursor: string | null, limit: number) {
  const since = dateToRfc3339(filters.from);
  const until = dateToRfc3339(filters.to, true);
  return {
    ...(filters.type !== '' ? { type: filters.type } : {}),
    ...(filters.userId !== '' ? { user_id: filters.userId } : {}),
    ...(since !== undefined ? { since } : {}),
    ...(until !== undefined ? { until } : {}),
    ...(cursor !== null ? { cursor } : {}),
    limit,
  };
}
