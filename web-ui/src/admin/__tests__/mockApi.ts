// A stand-in for the API in component tests: requests are answered by handlers keyed by
// "METHOD /path", and every request is recorded so tests can look at what was sent.
export type Handler = (request: Request) => Response | Promise<Response>;

export interface MockApi {
  fetch: (request: Request) => Promise<Response>;
  requests: Request[];
  /** The recorded requests for one "METHOD /path". */
  requestsTo: (key: string) => Request[];
  /** Bodies of the recorded requests, parsed as JSON, for one "METHOD /path". */
  bodies: (key: string) => Promise<unknown[]>;
  on: (key: string, handler: Handler) => void;
  reset: () => void;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const contentType = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType, ...headers } });
}

export function createMockApi(): MockApi {
  const handlers = new Map<string, Handler>();
  const requests: Request[] = [];
  return {
    requests,
    async fetch(request: Request) {
      requests.push(request.clone());
      const url = new URL(request.url);
      const handler = handlers.get(`${request.method} ${url.pathname}`);
      if (!handler) {
        return json({ type: 'about:blank', title: 'Not Found', status: 404, detail: url.pathname, code: 'not_found' }, 404);
      }
      return handler(request);
    },
    requestsTo(key: string) {
      return requests.filter((r) => `${r.method} ${new URL(r.url).pathname}` === key);
    },
    async bodies(key: string) {
      const matching = this.requestsTo(key);
      return Promise.all(matching.map((r) => r.clone().json() as Promise<unknown>));
    },
    on(key, handler) {
      handlers.set(key, handler);
    },
    reset() {
      handlers.clear();
      requests.length = 0;
    },
  };
}
