import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueKeys, has, t, tFirst, waitInWords } from './index';

describe('t', () => {
  it('returns the English string for a key', () => {
    expect(t('signin.title')).toBe('Sign in');
  });

  it('fills placeholders and leaves unknown ones alone', () => {
    expect(t('security.status', { registered: 1, required: 2 })).toBe(
      'Methods set up: 1. Required: 2.',
    );
    expect(t('security.status', { registered: 1 })).toContain('{required}');
  });

  it('shows a missing key as itself rather than blank', () => {
    expect(t('no.such.key')).toBe('no.such.key');
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
});

// Every literal key the end-user pages use exists in the catalogue.
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'admin' || name === 'i18n' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') && !name.endsWith('.test.tsx') ? [path] : [];
  });
}

describe('the catalogue', () => {
  it('has every key the user pages ask for', () => {
    const root = join(__dirname, '..');
    const missing: string[] = [];
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\('([a-z0-9_.]+)'/g)) {
        const key = match[1] as string;
        if (!catalogueKeys.includes(key)) missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names every method kind and password strength', () => {
    for (const kind of ['email', 'mobile_sms', 'mobile_voice', 'office_voice', 'authenticator_app', 'security_questions']) {
      expect(has(`method.${kind}`)).toBe(true);
    }
    for (const score of [0, 1, 2, 3, 4]) expect(has(`password.strength.${score}`)).toBe(true);
  });
});
