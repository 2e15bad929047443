import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@fluent/syntax';
import type { Message, Pattern } from '@fluent/syntax';
import { afterEach, describe, expect, it } from 'vitest';
import { keysSource } from '../../scripts/gen-i18n-keys.mjs';
import { LANGUAGES, catalogueKeys, has, negotiate, setLanguage, t, tAny, tFirst, waitInWords } from './index';

afterEach(async () => {
  await setLanguage('en');
});

describe('t', () => {
  it('returns the English string for a key', () => {
    expect(t('signin.title')).toBe('Sign in');
  });

  it('fills placeholders', () => {
    expect(t('security.status', { registered: 1, required: 2 })).toBe('Methods set up: 1. Required: 2.');
  });

  it('shows a missing key as itself rather than blank', () => {
    expect(tAny('no.such.key')).toBe('no.such.key');
    expect(has('no.such.key')).toBe(false);
  });

  it('picks the first key that exists', () => {
    expect(tFirst(['recover.error.nope', 'error.throttled_no_wait'])).toBe(t('error.throttled_no_wait'));
  });

  it('puts waits into words', () => {
    expect(waitInWords(1)).toBe('1 second');
    expect(waitInWords(45)).toBe('45 seconds');
    expect(waitInWords(60)).toBe('1 minute');
    expect(waitInWords(61)).toBe('2 minutes');
    expect(waitInWords(7200)).toBe('2 hours');
  });

  it('speaks the language chosen, with its own plural rules, and turns the page for Arabic', async () => {
    await setLanguage('de');
    expect(t('signin.title')).not.toBe('Sign in');
    expect(document.documentElement.lang).toBe('de');
    expect(document.documentElement.dir).toBe('ltr');
    await setLanguage('ar');
    expect(document.documentElement.dir).toBe('rtl');
    // Arabic has six plural forms: three seconds and eleven seconds are different words.
    const few = waitInWords(3).replace(/[\d\u2068\u2069٠-٩]/g, '').trim();
    const many = waitInWords(11).replace(/[\d\u2068\u2069٠-٩]/g, '').trim();
    expect(few).not.toBe(many);
  });

  it('picks the language the person asked for, else English', () => {
    expect(negotiate(['de-AT', 'en'])).toBe('de');
    expect(negotiate(['fr-CA'])).toBe('fr');
    expect(negotiate(['pt-BR', 'es-MX'])).toBe('es');
    expect(negotiate(['ar-EG'])).toBe('ar');
    expect(negotiate(['pt-BR'])).toBe('en');
  });
});

/** The catalogues of one language: message id → the variables it uses. */
function catalogue(language: string): Map<string, string> {
  const dir = join(__dirname, 'ftl', language);
  const found = new Map<string, string>();
  for (const file of readdirSync(dir)) {
    const resource = parse(readFileSync(join(dir, file), 'utf8'), { withSpans: false });
    const junk = resource.body.filter((entry) => entry.type === 'Junk');
    expect(junk, `${language}/${file} parses`).toEqual([]);
    for (const entry of resource.body) {
      if (entry.type !== 'Message') continue;
      const message = entry as Message;
      found.set(`${file}:${message.id.name}`, variables(message.value).sort().join(','));
    }
  }
  return found;
}

function variables(node: Pattern | object | null, found: string[] = []): string[] {
  if (!node || typeof node !== 'object') return found;
  const n = node as { type?: string; id?: { name: string } };
  if (n.type === 'VariableReference' && n.id && !found.includes(n.id.name)) found.push(n.id.name);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach((v: object) => variables(v, found));
    else if (value && typeof value === 'object') variables(value as object, found);
  }
  return found;
}

describe('the catalogues', () => {
  const english = catalogue('en');

  it.each(LANGUAGES.filter((l) => l.code !== 'en').map((l) => l.code))(
    'of %s have every English message, with the same placeholders',
    (language) => {
      const other = catalogue(language);
      const problems: string[] = [];
      for (const [id, vars] of english) {
        if (!other.has(id)) problems.push(`missing ${id}`);
        else if (other.get(id) !== vars) problems.push(`${id} uses {${other.get(id)}}, English {${vars}}`);
      }
      for (const id of other.keys()) if (!english.has(id)) problems.push(`not in English: ${id}`);
      expect(problems).toEqual([]);
    },
  );

  it('are what the typed keys say (npm run gen:i18n)', () => {
    expect(readFileSync(join(__dirname, 'keys.ts'), 'utf8')).toBe(keysSource());
    expect(catalogueKeys()).toContain('signin.title');
  });

  it('name every method kind and password strength', () => {
    for (const kind of ['email', 'mobile_sms', 'mobile_voice', 'office_voice', 'authenticator_app', 'security_questions', 'recovery_codes', 'passkey']) {
      expect(has(`method.${kind}`)).toBe(true);
    }
    for (const score of [0, 1, 2, 3, 4]) expect(has(`password.strength.${score}`)).toBe(true);
  });
});
