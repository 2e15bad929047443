import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Layout, AppRoutes } from '../App';
import { SessionProvider } from '../session';
import { mockApi, publicConfig, unauthenticated } from '../test/fetchMock';

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

describe('SignInPage', () => {
  it('says in words that the credentials are wrong, next to the form', async () => {
    const { calls } = mockApi({
      'GET /api/v1/me': unauthenticated,
      'GET /api/v1/config/public': { body: publicConfig },
      'POST /api/v1/auth/sign-in': {
        status: 401,
        body: { type: '', title: 'Unauthorized', status: 401, detail: '', code: 'invalid_credentials' },
      },
    });
    renderAt('/signin');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'alice');
    await user.type(screen.getByLabelText('Password'), 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('The username or password is not correct.');
    expect(screen.getByLabelText('Password')).toHaveValue('');
    const signIn = calls.find((r) => r.url.endsWith('/api/v1/auth/sign-in'));
    expect(signIn?.credentials).toBe('include');
    expect(await signIn?.clone().json()).toEqual({ username: 'alice', password: 'wrong password' });
  });

  it('gives the wait of a locked account and a way to unlock it', async () => {
    mockApi({
      'GET /api/v1/me': unauthenticated,
      'GET /api/v1/config/public': { body: publicConfig },
      'POST /api/v1/auth/sign-in': {
        status: 401,
        headers: { 'Retry-After': '60' },
        body: { type: '', title: 'Unauthorized', status: 401, detail: '', code: 'account_locked' },
      },
    });
    renderAt('/signin');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Username'), 'alice');
    await user.type(screen.getByLabelText('Password'), 'right password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Try again in 1 minute');
    expect(screen.getByRole('link', { name: 'Unlock my account' })).toHaveAttribute(
      'href',
      '/recover?purpose=unlock_account',
    );
  });

  it('sends a signed-out visitor of a private page to sign in', async () => {
    mockApi({ 'GET /api/v1/me': unauthenticated, 'GET /api/v1/config/public': { body: publicConfig } });
    renderAt('/security-info');
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: "Can't access your account?" })).toHaveAttribute('href', '/recover');
  });
});
