// The one way the SPA talks to the API: a client typed from the generated OpenAPI schema, and
// a parser that turns a problem+json answer into something the pages can show in words.
import createClient from 'openapi-fetch';
import { language } from '../i18n';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type Me = Schemas['Me'];
export type PublicConfig = Schemas['PublicConfig'];
export type PasswordRules = Schemas['PasswordRules'];
export type MethodKind = Schemas['MethodKind'];
export type MethodView = Schemas['MethodView'];
export type Helpdesk = Schemas['CustomizationPolicy'];
/** Every problem `code` the API answers, and every field error's (from the API document). */
export type ErrorCode = Schemas['ErrorCode'];
export type FieldCode = Schemas['FieldCode'];
/**
 * A field error as the app shows it: the API's (a `FieldCode`), or one of the app's own checks
 * made before sending (`not_a_number`, …), hence the open string.
 */
export type FieldError = Omit<Schemas['FieldError'], 'code'> & { code: FieldCode | (string & {}) };

// The session is an HttpOnly cookie: the SPA never sees or stores a token. `credentials` keeps
// the cookie on every call, and no Authorization header is set here (the recovery flow's token
// is added per call, from React state).
export const api = createClient<paths>({
  baseUrl: '',
  credentials: 'include',
  // Looked up at call time, so tests can stub fetch.
  fetch: (request) => globalThis.fetch(request),
});

// The language chosen in the app, so that the codes and messages the API sends are in it too.
api.use({
  onRequest({ request }) {
    request.headers.set('Accept-Language', language());
    return request;
  },
});

/** A failed call, ready to be put into words. */
export interface Problem {
  /** HTTP status; 0 when the API could not be reached at all. */
  status: number;
  /**
   * The stable machine-readable `code` (`invalid_code`, `throttled`, …): an `ErrorCode`, or
   * one of the app's own (`network_error` when the API could not be reached).
   */
  code: ErrorCode | (string & {});
  detail: string;
  /** One entry per invalid field (`errors[]` of the answer). */
  fieldErrors: FieldError[];
  /** For a wrong code: tries left on it. */
  attemptsLeft: number | null;
  /** Seconds to wait, from the `Retry-After` header. */
  retryAfter: number | null;
  /** For `not_eligible`: why. */
  reason: string | null;
  /** Where to get help, when the answer names it. */
  helpdesk: Helpdesk | null;
}

/** Seconds from a `Retry-After` header: delta-seconds, or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number.parseInt(trimmed, 10);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asFieldErrors(value: unknown): FieldError[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((e) => ({
    field: typeof e.field === 'string' ? e.field : '',
    code: typeof e.code === 'string' ? e.code : 'invalid',
    message: typeof e.message === 'string' ? e.message : '',
  }));
}

function asHelpdesk(value: unknown): Helpdesk | null {
  if (!isRecord(value)) return null;
  const url = typeof value.helpdesk_url === 'string' ? value.helpdesk_url : null;
  const email = typeof value.helpdesk_email === 'string' ? value.helpdesk_email : null;
  return url === null && email === null ? null : { helpdesk_url: url, helpdesk_email: email };
}

/**
 * Turns an error answer into a `Problem`. `body` is what openapi-fetch parsed (problem+json,
 * or anything else a proxy may have answered); the response gives the status and Retry-After.
 */
export function toProblem(body: unknown, response: Response | undefined): Problem {
  const status = response?.status ?? 0;
  const b = isRecord(body) ? body : {};
  const fallback = status === 0 ? 'network_error' : status >= 500 ? 'server_error' : 'unexpected';
  return {
    status: typeof b.status === 'number' ? b.status : status,
    code: typeof b.code === 'string' && b.code !== '' ? b.code : fallback,
    detail: typeof b.detail === 'string' ? b.detail : '',
    fieldErrors: asFieldErrors(b.errors),
    attemptsLeft: typeof b.attempts_left === 'number' ? b.attempts_left : null,
    retryAfter: parseRetryAfter(response?.headers.get('Retry-After') ?? null),
    reason: typeof b.reason === 'string' ? b.reason : null,
    helpdesk: asHelpdesk(b.helpdesk),
  };
}

/** The problem of a call that never got an answer (offline, proxy down). */
export function networkProblem(): Problem {
  return toProblem(undefined, undefined);
}

/** The field errors of one field (the dotted `field` path of the API). */
export function errorsFor(problem: Problem | null, field: string): FieldError[] {
  return problem ? problem.fieldErrors.filter((e) => e.field === field) : [];
}

type ProblemListener = (problem: Problem) => void;
const problemListeners = new Set<ProblemListener>();

/**
 * Hears every problem any call answered, wherever it was made; returns the unsubscribe. The
 * session listens for `password_change_required`: a session whose password an administrator set
 * may only change it, and the person is sent to do that from whatever page they were on.
 */
export function onProblem(listener: ProblemListener): () => void {
  problemListeners.add(listener);
  return () => {
    problemListeners.delete(listener);
  };
}

function heard(problem: Problem): Problem {
  for (const listener of problemListeners) listener(problem);
  return problem;
}

export type Outcome<T> =
  | { ok: true; data: T; response: Response }
  | { ok: false; problem: Problem };

/**
 * Awaits an openapi-fetch call and gives either the typed data or a `Problem`, so no page
 * handles a raw Response or a thrown network error itself.
 */
export async function call<T>(
  request: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<Outcome<T>> {
  try {
    const { data, error, response } = await request;
    if (response.ok && error === undefined) {
      return { ok: true, data: data as T, response };
    }
    const problem = heard(toProblem(error, response));
    if (problem.code === 'step_up_required' && typeof window !== 'undefined') {
      // The security info page offers the proof (components/methods/StepUpCard.tsx).
      window.dispatchEvent(new CustomEvent('sspr:step-up-required'));
    }
    return { ok: false, problem };
  } catch {
    return { ok: false, problem: networkProblem() };
  }
}

/** Authorization for one recovery step: the flow token lives only in React state. */
export function bearer(flowToken: string): { Authorization: string } {
  return { Authorization: `Bearer ${flowToken}` };
}
