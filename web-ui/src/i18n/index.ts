// The message catalogue: every string a person sees comes from here, in the person's language.
// The catalogues are Project Fluent files (`ftl/<language>/{common,user,admin}.ftl`), the format
// the service's own messages use too; a key such as `security.status` is the Fluent message
// `security-status`, and `t(key, vars)` formats it with real plural rules (CLDR, through
// `Intl.PluralRules`) and the language's number formats. `MessageKey` (generated from the
// English catalogue by `npm run gen:i18n`) makes a misspelt or missing key a type error.
import { FluentBundle, FluentResource } from '@fluent/bundle';
import type { FluentVariable } from '@fluent/bundle';
import { negotiateLanguages } from '@fluent/langneg';
import type { MessageKey } from './keys';

export type { MessageKey } from './keys';

/** The languages the app speaks, in the switcher's order, with their own names. */
export const LANGUAGES = [
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'de', name: 'Deutsch', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'es', name: 'Español', dir: 'ltr' },
  { code: 'ar', name: 'العربية', dir: 'rtl' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];
export const DEFAULT_LANGUAGE: Language = 'en';

// English is in the app itself (the fallback for everything); the other languages are loaded
// when first chosen, so a page does not carry five catalogues.
const englishFiles = import.meta.glob('./ftl/en/*.ftl', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;
const otherFiles = import.meta.glob(['./ftl/*/*.ftl', '!./ftl/en/*.ftl'], { query: '?raw', import: 'default' }) as Record<
  string,
  () => Promise<string>
>;

function bundleOf(language: Language, texts: readonly string[]): FluentBundle {
  // Unicode isolation marks keep a left-to-right name readable inside Arabic; other languages
  // need none (and tests compare their text exactly).
  const bundle = new FluentBundle(language, { useIsolating: language === 'ar' });
  for (const text of texts) {
    const errors = bundle.addResource(new FluentResource(text));
    if (errors.length > 0) console.error(`catalogue ${language}:`, errors);
  }
  return bundle;
}

const english = bundleOf(DEFAULT_LANGUAGE, Object.values(englishFiles));
const bundles = new Map<Language, FluentBundle>([[DEFAULT_LANGUAGE, english]]);

/** Loads the catalogue of `language` (once). */
export async function loadLanguage(language: Language): Promise<void> {
  if (bundles.has(language)) return;
  const loads = Object.entries(otherFiles)
    .filter(([path]) => path.startsWith(`./ftl/${language}/`))
    .map(([, load]) => load());
  bundles.set(language, bundleOf(language, await Promise.all(loads)));
}

let current: Language = DEFAULT_LANGUAGE;
const listeners = new Set<() => void>();

export type Vars = Readonly<Record<string, string | number>>;

function idOf(key: string): string {
  return key.replace(/\./g, '-');
}

/** Whether the catalogue has this key (for optional, code-derived keys). */
export function has(key: string): boolean {
  return english.hasMessage(idOf(key));
}

function format(bundle: FluentBundle, key: string, vars?: Vars): string | null {
  const message = bundle.getMessage(idOf(key));
  if (!message?.value) return null;
  const errors: Error[] = [];
  const text = bundle.formatPattern(message.value, vars as Record<string, FluentVariable> | undefined, errors);
  return errors.length > 0 ? null : text;
}

/**
 * The message for `key` in the current language, filled from `vars`; English when the
 * language lacks it (the catalogue test makes sure none does). An unknown key comes back as
 * itself, so a missing string is visible instead of silently blank.
 */
export function t(key: MessageKey, vars?: Vars): string {
  return tAny(key, vars);
}

function bundleIn(language: Language): FluentBundle {
  return bundles.get(language) ?? english;
}

/** [`t`] in `lang` rather than the current language. */
export function tIn(lang: Language, key: MessageKey, vars?: Vars): string {
  return format(bundleIn(lang), key, vars) ?? format(english, key, vars) ?? key;
}

/** [`t`] for a key made at run time (from an API code or kind): not checked by the compiler. */
export function tAny(key: string, vars?: Vars): string {
  return format(bundleIn(current), key, vars) ?? format(english, key, vars) ?? key;
}

/** The first key that exists, for messages chosen by an API `code` with a generic fallback. */
export function tFirst(keys: readonly string[], vars?: Vars): string {
  const key = keys.find(has) ?? keys[keys.length - 1] ?? '';
  return tAny(key, vars);
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

/** The language in use. */
export function language(): Language {
  return current;
}

/** Which of ours best fits what the person asked for (their choice, the browser's list). */
export function negotiate(requested: readonly string[]): Language {
  return matching(requested) ?? DEFAULT_LANGUAGE;
}

/** Which of ours fits what the person asked for, if any does. */
function matching(requested: readonly string[]): Language | null {
  const [best] = negotiateLanguages([...requested], LANGUAGES.map((l) => l.code), { strategy: 'filtering' });
  return LANGUAGES.find((l) => l.code === best)?.code ?? null;
}

function browserLanguages(): readonly string[] {
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/**
 * Switches the language once its catalogue is loaded: the page's `lang` and `dir` follow, and
 * everything subscribed (`onLanguageChange`) re-renders.
 */
export async function setLanguage(next: Language): Promise<void> {
  await loadLanguage(next);
  current = next;
  if (typeof document !== 'undefined') {
    document.documentElement.lang = next;
    document.documentElement.dir = LANGUAGES.find((l) => l.code === next)?.dir ?? 'ltr';
  }
  listeners.forEach((listener) => listener());
}

const COOKIE = 'sspr_lang';

/**
 * The language to start in: the one the person chose on this browser (a cookie, which is no
 * secret), else the best fit for the browser's languages, else English.
 */
export function initialLanguage(): Language {
  if (typeof document === 'undefined') return DEFAULT_LANGUAGE;
  const saved = new RegExp(`(?:^|; )${COOKIE}=([a-z]{2})`).exec(document.cookie)?.[1];
  const known = LANGUAGES.find((l) => l.code === saved);
  if (known) return known.code;
  return negotiate(browserLanguages());
}

/**
 * Whether the language in use was asked for here — chosen on this browser, or one of the
 * browser's own — rather than a fallback the organisation's default may replace.
 */
export function languageChosenHere(): boolean {
  const saved = new RegExp(`(?:^|; )${COOKIE}=([a-z]{2})`).test(document.cookie);
  return saved || matching(browserLanguages()) !== null;
}

/** The person chose `next`: switch to it and remember it on this browser for a year. */
export async function chooseLanguage(next: Language): Promise<void> {
  const secure = window.location.protocol === 'https:' ? '; secure' : '';
  document.cookie = `${COOKIE}=${next}; path=/; max-age=31536000; samesite=lax${secure}`;
  await setLanguage(next);
}

/** Subscribes to language changes (for `useSyncExternalStore`). */
export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Every message id of the English catalogue, as keys (`a.b`), for tests. */
export function catalogueKeys(): string[] {
  return Object.values(englishFiles).flatMap((text) =>
    [...text.matchAll(/^([a-zA-Z][\w-]*) =/gm)].map((m) => (m[1] as string).replace(/-/g, '.')),
  );
}
