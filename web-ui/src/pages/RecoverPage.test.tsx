import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes, Layout } from '../App';
import { SessionProvider } from '../session';
import { mockApi, publicConfig, unauthenticated } from '../test/fetchMock';

// The real widget is a web component doing proof of work in a worker; here it is a button
// that "solves" the challenge.
vi.mock('../captcha/AltchaWidget', () => ({
  AltchaWidget: ({ challengeUrl, onChange }: { challengeUrl: string; onChange: (p: string | null) => void }) => (
    <button type="button" data-challenge={challengeUrl} onClick={() => onChange('c29sdmVk')}>
      solve captcha
    </button>
  ),
}));

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <SessionProvider>
        <Layout>
          <AppRoutes />
        </Layout>
      </SessionProvider>
    </MemoryRouter>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('RecoverPage, first step', () => {
  it('asks for the username, the purpose and the CAPTCHA', async () => {
    mockApi({ 'GET /api/v1/me': unauthenticated, 'GET /api/v1/config/public': { body: publicConfig } });
    renderAt('/recover');
    expect(screen.getByRole('heading', { level: 1, name: "Can't access your account?" })).toBeInTheDocument();
    expect(screen.getByLabelText('Username')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'I forgot my password' })).toBeChecked();
    expect(screen.getByRole('radio', { name: "I know my password but still can't sign in" })).not.toBeChecked();
    expect(await screen.findByRole('button', { name: 'solve captcha' })).toHaveAttribute(
      'data-challenge',
      '/api/v1/captcha/challenge',
    );
    expect(await screen.findByRole('link', { name: 'Contact your helpdesk' })).toHaveAttribute(
      'href',
      'https://help.example.org/',
    );
  });

  it('preselects unlocking from ?purpose=unlock_account', async () => {
    mockApi({ 'GET /api/v1/me': unauthenticated, 'GET /api/v1/config/public': { body: publicConfig } });
    renderAt('/recover?purpose=unlock_account');
    await screen.findByRole('button', { name: 'solve captcha' });
    expect(screen.getByRole('radio', { name: "I know my password but still can't sign in" })).toBeChecked();
  });

  it('waits for the CAPTCHA, then starts the flow and offers the methods', async () => {
    const { calls } = mockApi({
      'GET /api/v1/me': unauthenticated,
      'GET /api/v1/config/public': { body: publicConfig },
      'POST /api/v1/recovery/flows': {
        status: 201,
        body: {
          flow_id: '3f1c1a9e-0000-4000-8000-000000000001',
          flow_token: 'token-1',
          expires_at: '2026-01-01T00:15:00Z',
          methods_required: 1,
          methods: [{ method_id: '3f1c1a9e-0000-4000-8000-000000000002', kind: 'email', hint: 'a***@e***.org' }],
        },
      },
    });
    renderAt('/recover');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'alice');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Please complete the check above first.')).toBeInTheDocument();

    await user.click(await screen.findByRole('button', { name: 'solve captcha' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Prove it is you' })).toBeInTheDocument();
    expect(screen.getByText('a***@e***.org')).toBeInTheDocument();
    const start = calls.find((r) => r.url.endsWith('/api/v1/recovery/flows'));
    expect(await start?.clone().json()).toEqual({ username: 'alice', purpose: 'reset_password', captcha: 'c29sdmVk' });
  });

  it('offers one phone with "Text me" and "Call me", and sends the channel chosen', async () => {
    const { calls } = mockApi({
      'GET /api/v1/me': unauthenticated,
      'GET /api/v1/config/public': { body: publicConfig },
      'POST /api/v1/recovery/flows': {
        status: 201,
        body: {
          flow_id: 'f2',
          flow_token: 'token-2',
          expires_at: '2026-01-01T00:15:00Z',
          methods_required: 1,
          methods: [{ method_id: 'p1', kind: 'mobile_sms', hint: '+1 ••• ••• ••67', channels: ['sms', 'voice'] }],
        },
      },
      'POST /api/v1/recovery/flows/f2/challenges': { status: 202, body: { kind: 'mobile_sms', expires_in: 600, resend_after: 60 } },
    });
    renderAt('/recover');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'alice');
    await user.click(await screen.findByRole('button', { name: 'solve captcha' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('button', { name: 'Text me' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Call me' }));
    expect(await screen.findByText('You can ask for a new code in 60 s.')).toBeInTheDocument();
    const challenge = calls.find((r) => r.url.endsWith('/f2/challenges'));
    expect(await challenge?.clone().json()).toMatchObject({ method_id: 'p1', channel: 'voice' });
  });

  it('explains a throttled start with the wait', async () => {
    mockApi({
      'GET /api/v1/me': unauthenticated,
      'GET /api/v1/config/public': { body: publicConfig },
      'POST /api/v1/recovery/flows': {
        status: 429,
        headers: { 'Retry-After': '30' },
        body: { type: '', title: 'Too Many Requests', status: 429, detail: '', code: 'throttled' },
      },
    });
    renderAt('/recover');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'alice');
    await user.click(await screen.findByRole('button', { name: 'solve captcha' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please wait 30 seconds');
  });

  it('sends the flow token as Bearer, explains a wrong code, and offers to start again when the flow expired', async () => {
    let verifies = 0;
    const { calls } = mockApi({
      'GET /api/v1/me': unauthenticated,
      'GET /api/v1/config/public': { body: publicConfig },
      'POST /api/v1/recovery/flows': {
        status: 201,
        body: {
          flow_id: 'f1',
          flow_token: 'token-1',
          expires_at: '2026-01-01T00:15:00Z',
          methods_required: 1,
          methods: [{ method_id: 'm1', kind: 'email', hint: 'a***@e***.org' }],
        },
      },
      'POST /api/v1/recovery/flows/f1/challenges': { status: 202, body: { kind: 'email', expires_in: 600, resend_after: 60 } },
      'POST /api/v1/recovery/flows/f1/verify': () => {
        verifies += 1;
        return verifies === 1
          ? { status: 422, body: { type: '', title: '', status: 422, detail: '', code: 'invalid_code', attempts_left: 4 } }
          : { status: 409, body: { type: '', title: '', status: 409, detail: '', code: 'flow_expired' } };
      },
    });
    renderAt('/recover');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'alice');
    await user.click(await screen.findByRole('button', { name: 'solve captcha' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('button', { name: 'Continue' }));
    await user.click(await screen.findByRole('button', { name: 'Send code' }));
    expect(await screen.findByText('You can ask for a new code in 60 s.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send a new code' })).toBeDisabled();

    await user.type(screen.getByLabelText('Code'), '12345678');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    const code = screen.getByLabelText('Code');
    expect(await screen.findByText('That code is not correct. 4 tries left.')).toBeInTheDocument();
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(code.getAttribute('aria-describedby')).toContain('recover-code-code-error');
    const challenge = calls.find((r) => r.url.endsWith('/challenges'));
    expect(challenge?.headers.get('Authorization')).toBe('Bearer token-1');

    await user.type(screen.getByLabelText('Code'), '87654321');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This reset took too long and has expired.');
    await user.click(screen.getByRole('button', { name: 'Start again' }));
    expect(await screen.findByLabelText('Username')).toHaveValue('');
  });
});
