// Replaces the real client's `api` with one that talks to `mockApi`, keeping the rest of
// src/api/client.ts (the problem parser) as it is. Use from a test file with:
//   vi.mock('../../api/client', async (original) => (await import('./mockClient')).withMockApi(await original()));
import createClient from 'openapi-fetch';
import type { paths } from '../../api/schema';
import { createMockApi } from './mockApi';

export const mockApi = createMockApi();

export function withMockApi<M extends object>(original: M): M {
  // An absolute base URL: Node's Request refuses relative ones, which the browser resolves.
  const api = createClient<paths>({ baseUrl: 'http://localhost', fetch: (request: Request) => mockApi.fetch(request) });
  return { ...original, api };
}
