// The calls shared by every form that finishes a method with a code.
import { api, call } from '../../api/client';
import type { Problem } from '../../api/client';
import type { ResendResult } from '../CodeEntry';

export async function verifyMethod(methodId: string, code: string): Promise<Problem | null> {
  const outcome = await call(
    api.POST('/api/v1/me/methods/{method_id}/verify', {
      params: { path: { method_id: methodId } },
      body: { code },
    }),
  );
  return outcome.ok ? null : outcome.problem;
}

export async function resendCode(methodId: string): Promise<ResendResult> {
  const outcome = await call(
    api.POST('/api/v1/me/methods/{method_id}/resend', {
      params: { path: { method_id: methodId } },
    }),
  );
  return outcome.ok
    ? { problem: null, resendAfter: outcome.data.resend_after }
    : { problem: outcome.problem, resendAfter: outcome.problem.retryAfter };
}

export async function verifyPasskey(methodId: string, credential: object): Promise<Problem | null> {
  const outcome = await call(
    api.POST('/api/v1/me/methods/{method_id}/verify', {
      params: { path: { method_id: methodId } },
      body: { credential: credential as Record<string, never> },
    }),
  );
  return outcome.ok ? null : outcome.problem;
}
