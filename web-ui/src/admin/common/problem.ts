// Failures of admin API calls, put into words.
import { networkProblem, toProblem, type FieldError, type Problem } from '../../api/client';
import { has, t, tAny } from '../../i18n';

export type FieldErrorItem = FieldError;
export type AdminProblem = Problem;

export type Settled<T> = { ok: true; data: T; response: Response } | { ok: false; problem: AdminProblem };

/**
 * Awaits an openapi-fetch call and folds its three outcomes (data, problem, no answer at all)
 * into one value, so that every admin page handles failures the same way. The body of an error
 * answer is treated as untrusted and read by `toProblem`.
 */
export async function settle<R extends { data?: unknown; error?: unknown; response: Response }>(
  request: Promise<R>,
): Promise<Settled<NonNullable<R['data']>>> {
  let result: R;
  try {
    result = await request;
  } catch {
    return { ok: false, problem: networkProblem() };
  }
  if (result.response.ok) {
    return { ok: true, data: result.data as NonNullable<R['data']>, response: result.response };
  }
  return { ok: false, problem: toProblem(result.error as unknown, result.response) };
}

/**
 * The sentence to show for a problem: the catalogue's words for its stable `code` when there are
 * some (the API's own `detail` is English written for developers), else one chosen by status.
 */
export function problemMessage(problem: AdminProblem): string {
  const key = `admin.problem.${problem.code}`;
  if (has(key)) return tAny(key);
  if (problem.status === 0) return t('admin.problem.network');
  if (problem.status === 401) return t('admin.problem.unauthorized');
  if (problem.status === 403) return t('admin.problem.forbidden');
  if (problem.status === 404) return t('admin.problem.not_found');
  if (problem.status === 429) return t('admin.problem.throttled');
  if (problem.status >= 500) return t('admin.problem.unavailable');
  return t('admin.problem.unexpected', { status: problem.status });
}
