import { has, language, tAny } from '../../i18n';

/** A method kind's name in words; an unknown kind (from a newer API) is shown as it is. */
export function methodName(kind: string): string {
  const key = `admin.method.${kind}`;
  return has(key) ? tAny(key) : kind;
}

/** A date-time from the API in the reader's locale; the raw string when it does not parse. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString(language());
}
