import { vi } from 'vitest';

export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Stubs fetch with answers chosen by "METHOD /path"; unknown routes answer 404. */
export function mockApi(routes: Record<string, Reply | ((req: Request) => Reply)>) {
  const calls: Request[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const req = input instanceof Request ? input : new Request(String(input));
    calls.push(req);
    const url = new URL(req.url);
    const route = routes[`${req.method} ${url.pathname}`];
    const reply = typeof route === 'function' ? route(req) : route;
    const status = reply?.status ?? (reply ? 200 : 404);
    const problem = status >= 400;
    const body = reply?.body ?? (reply ? {} : { code: 'not_found', status: 404, title: 'Not Found', detail: '', type: '' });
    return new Response(status === 204 ? null : JSON.stringify(body), {
      status,
      headers: {
        'Content-Type': problem ? 'application/problem+json' : 'application/json',
        ...(reply?.headers ?? {}),
      },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, calls };
}

export const publicConfig = {
  captcha: { kind: 'builtin', challenge_url: '/api/v1/captcha/challenge' },
  helpdesk: { helpdesk_url: 'https://help.example.org/', helpdesk_email: null },
  password_rules: { min_length: 12, max_length: 256, min_strength: 3 },
  methods_enabled: ['email', 'mobile_sms', 'authenticator_app', 'security_questions'],
};

export const unauthenticated: Reply = {
  status: 401,
  body: { type: 'urn:sspr:problem:unauthenticated', title: 'Unauthorized', status: 401, detail: '', code: 'unauthenticated' },
};
