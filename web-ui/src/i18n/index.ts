// The message catalogue: every string a person sees comes from here. `t(key, vars)` looks the
// key up in the merged English catalogue and fills `{name}` placeholders.
import admin from './en/admin';
import common from './en/common';
import user from './en/user';

const catalogue: Readonly<Record<string, string>> = { ...common, ...user, ...admin };

export type Vars = Readonly<Record<string, string | number>>;

/** Whether the catalogue has this key (for optional, code-derived keys). */
export function has(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(catalogue, key);
}

/**
 * The message for `key` with `{name}` placeholders filled from `vars`. An unknown key comes
 * back as itself, so a missing string is visible instead of silently blank.
 */
export function t(key: string, vars?: Vars): string {
  const template = has(key) ? (catalogue[key] as string) : key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole,
  );
}

/** The first key that exists, for messages chosen by an API `code` with a generic fallback. */
export function tFirst(keys: readonly string[], vars?: Vars): string {
  const key = keys.find(has) ?? keys[keys.length - 1] ?? '';
  return t(key, vars);
}

/** A wait in words: "45 seconds", "2 minutes", "1 hour". */
export function waitInWords(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? t('wait.one_second') : t('wait.seconds', { n: seconds });
  if (seconds < 3600) {
    const m = Math.ceil(seconds / 60);
    return m === 1 ? t('wait.one_minute') : t('wait.minutes', { n: m });
  }
  const h = Math.ceil(seconds / 3600);
  return h === 1 ? t('wait.one_hour') : t('wait.hours', { n: h });
}

export const catalogueKeys: readonly string[] = Object.keys(catalogue);
