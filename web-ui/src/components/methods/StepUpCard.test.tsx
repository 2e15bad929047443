import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, api } from '../../api/client';
import { mockApi } from '../../test/fetchMock';
import { STEP_UP_EVENT, StepUpCard } from './StepUpCard';

afterEach(() => {
  vi.unstubAllGlobals();
});

const phone = {
  method_id: 'p1',
  kind: 'mobile_sms' as const,
  status: 'active' as const,
  hint: '+1 ••• ••• ••67',
  created_at: '2026-01-01T00:00:00Z',
  activated_at: '2026-01-01T00:00:00Z',
  recovery_from: null,
};
const questions = { ...phone, method_id: 'q1', kind: 'security_questions' as const, hint: 'Security questions' };

describe('StepUpCard', () => {
  it('proves one of the active methods (never security questions) and reports success', async () => {
    const { calls } = mockApi({
      'POST /api/v1/me/step-up/challenges': { status: 202, body: { expires_in: 600, resend_after: 60 } },
      'POST /api/v1/me/step-up': { body: { elevated_until: '2026-01-01T00:10:00Z' } },
    });
    const done = vi.fn();
    render(<StepUpCard methods={[phone, questions]} onDone={done} />);
    expect(screen.queryByRole('button', { name: /Security questions/ })).toBeNull();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /Use Mobile phone/ }));
    await user.type(await screen.findByLabelText('Code'), '123456');
    await user.keyboard('{Enter}');
    await vi.waitFor(() => expect(done).toHaveBeenCalled());
    const proof = calls.find((r) => r.url.endsWith('/api/v1/me/step-up'));
    expect(await proof?.clone().json()).toEqual({ method_id: 'p1', code: '123456' });
  });

  it('is asked for whenever the API answers step_up_required', async () => {
    mockApi({
      'POST /api/v1/me/methods': {
        status: 403,
        body: { type: '', title: '', status: 403, detail: '', code: 'step_up_required' },
      },
    });
    const heard = vi.fn();
    window.addEventListener(STEP_UP_EVENT, heard);
    await call(api.POST('/api/v1/me/methods', { body: { kind: 'authenticator_app' } }));
    window.removeEventListener(STEP_UP_EVENT, heard);
    expect(heard).toHaveBeenCalledTimes(1);
  });
});
