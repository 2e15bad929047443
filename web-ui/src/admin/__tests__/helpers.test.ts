import { describe, expect, it } from 'vitest';
import { auditQuery, dateToRfc3339, NO_FILTERS } from '../audit/auditQuery';
import { parseBannedWords } from '../policy/PolicyPasswordTab';
import { changedUserFields, formValuesOf } from '../users/userForm';
import { userFixture } from './fixtures';

describe('audit filters', () => {
  it('turns a calendar day into the RFC 3339 instant of its local start, or the next day for "to"', () => {
    expect(dateToRfc3339('2026-03-03')).toBe(new Date(2026, 2, 3).toISOString());
    expect(dateToRfc3339('2026-03-03', true)).toBe(new Date(2026, 2, 4).toISOString());
    expect(dateToRfc3339('')).toBeUndefined();
    expect(dateToRfc3339('03/03/2026')).toBeUndefined();
  });

  it('leaves empty filters out of the query', () => {
    expect(auditQuery(NO_FILTERS, null, 50)).toEqual({ limit: 50 });
    expect(
      auditQuery({ type: 'policy', userId: 'u-1', from: '2026-01-01', to: '' }, 'next', 10),
    ).toEqual({ type: 'policy', user_id: 'u-1', since: new Date(2026, 0, 1).toISOString(), cursor: 'next', limit: 10 });
  });
});

describe('banned words', () => {
  it('takes one word per line and ignores blank lines and spaces', () => {
    expect(parseBannedWords(' acme \n\nwidget\n  \n')).toEqual(['acme', 'widget']);
  });
});

describe('user edits', () => {
  it('sends only what changed', () => {
    const user = userFixture();
    expect(changedUserFields(user, formValuesOf(user))).toEqual({});
    expect(changedUserFields(user, { ...formValuesOf(user), display_name: 'Alice B.' })).toEqual({
      display_name: 'Alice B.',
    });
  });

  it('removes the phone number with null when the field is emptied', () => {
    const user = userFixture();
    expect(changedUserFields(user, { ...formValuesOf(user), mobile_phone: '  ' })).toEqual({ mobile_phone: null });
  });

  it('sends a password only when one was typed', () => {
    const user = userFixture({ mobile_phone: null });
    expect(changedUserFields(user, { ...formValuesOf(user), password: 'a new passphrase' })).toEqual({
      password: 'a new passphrase',
    });
  });
});
