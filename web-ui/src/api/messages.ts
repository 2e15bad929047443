// Puts a Problem into words from the catalogue. Pages pass a scope (`signin`, `recover`,
// `security`) so the same `code` can be explained in the words of the page it happens on.
import { t, tFirst, waitInWords } from '../i18n';
import type { FieldError, Problem } from './client';

function waitVars(problem: Problem): Record<string, string | number> {
  return problem.retryAfter === null ? {} : { wait: waitInWords(problem.retryAfter) };
}

/** One sentence for the whole problem. */
export function problemMessage(problem: Problem, scope?: string): string {
  const code = problem.code;
  if (code === 'throttled') {
    return problem.retryAfter === null
      ? t('error.throttled_no_wait')
      : t('error.throttled', waitVars(problem));
  }
  if (code === 'overloaded') {
    return t('error.overloaded', { wait: waitInWords(problem.retryAfter ?? 5) });
  }
  if (code === 'invalid_code' && problem.attemptsLeft !== null) {
    return problem.attemptsLeft === 1
      ? t('field.invalid_code_left_one')
      : t('field.invalid_code_left', { n: problem.attemptsLeft });
  }
  const keys = [
    ...(scope ? [`${scope}.error.${code}`] : []),
    `error.${code}`,
    `field.${code}`,
  ];
  if (code === 'validation_failed' && problem.fieldErrors.length > 0) {
    return t('form.error_summary');
  }
  return tFirst([...keys, problem.status >= 500 ? 'error.server_error' : 'error.unexpected']);
}

/** One sentence for one invalid field. */
export function fieldMessage(error: FieldError): string {
  return tFirst([`field.${error.code}`, `error.${error.code}`, 'error.unexpected']);
}

/** The sentences for one field of the request (the API's dotted `field`). */
export function fieldMessages(problem: Problem | null, field: string): string[] {
  if (!problem) return [];
  return problem.fieldErrors.filter((e) => e.field === field).map(fieldMessage);
}

/** Whether the problem means the code just typed was wrong (shown next to the code field). */
export function isCodeProblem(problem: Problem): boolean {
  return [
    'invalid_code',
    'code_expired',
    'too_many_attempts',
    'no_code_pending',
    'totp_invalid',
    'totp_replayed',
    'recovery_code_invalid',
    'passkey_rejected',
    'passkey_not_requested',
    'wrong_answers',
    'questions_not_asked',
  ].includes(problem.code);
}
