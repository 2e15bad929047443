import { describe, expect, it } from 'vitest';
import { errorsFor, parseRetryAfter, toProblem } from './client';
import { fieldMessages, problemMessage } from './messages';

function answer(status: number, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers });
}

describe('toProblem', () => {
  it('keeps every field error of a validation failure', () => {
    const p = toProblem(
      {
        type: 'urn:sspr:problem:validation_failed',
        title: 'Unprocessable Entity',
        status: 422,
        detail: 'some fields are invalid',
        code: 'validation_failed',
        errors: [
          { field: 'new_password', code: 'too_short', message: 'at least 12' },
          { field: 'new_password', code: 'common_password', message: 'too common' },
        ],
      },
      answer(422),
    );
    expect(p.code).toBe('validation_failed');
    expect(p.status).toBe(422);
    expect(errorsFor(p, 'new_password').map((e) => e.code)).toEqual(['too_short', 'common_password']);
    expect(fieldMessages(p, 'new_password')).toEqual([
      'The password is too short.',
      'This password is too common; choose another.',
    ]);
    expect(errorsFor(p, 'other')).toEqual([]);
  });

  it('reads attempts_left of a wrong code', () => {
    const p = toProblem(
      { type: '', title: '', status: 422, detail: '', code: 'invalid_code', attempts_left: 3 },
      answer(422),
    );
    expect(p.attemptsLeft).toBe(3);
    expect(problemMessage(p)).toBe('That code is not correct. 3 tries left.');
  });

  it('reads the wait from Retry-After', () => {
    const p = toProblem(
      { type: '', title: '', status: 429, detail: '', code: 'throttled' },
      answer(429, { 'Retry-After': '90' }),
    );
    expect(p.retryAfter).toBe(90);
    expect(problemMessage(p)).toBe('Too many attempts. Please wait 2 minutes and try again.');
  });

  it('reads the helpdesk and reason of not_eligible', () => {
    const p = toProblem(
      {
        type: '',
        title: '',
        status: 403,
        detail: '',
        code: 'not_eligible',
        reason: 'not_registered',
        helpdesk: { helpdesk_url: 'https://help.example.org/', helpdesk_email: null },
      },
      answer(403),
    );
    expect(p.reason).toBe('not_registered');
    expect(p.helpdesk?.helpdesk_url).toBe('https://help.example.org/');
    expect(problemMessage(p, 'recover')).toContain('Contact your helpdesk');
  });

  it('makes sense of an answer that is not problem+json', () => {
    expect(toProblem('<html>Bad gateway</html>', answer(502)).code).toBe('server_error');
    expect(toProblem(undefined, undefined).code).toBe('network_error');
  });
});

describe('parseRetryAfter', () => {
  it('accepts seconds and HTTP dates', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:00 GMT', now)).toBe(60);
  });
});
