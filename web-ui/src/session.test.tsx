import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes, Layout } from './App';
import { SessionProvider } from './session';
import { mockApi, publicConfig } from './test/fetchMock';

function me(passwordChangeRequired: boolean) {
  return {
    user_id: '7f0c2a4e-3d1b-4c5a-9e8f-1a2b3c4d5e6f',
    username: 'nell',
    display_name: 'Nell Example',
    email: 'nell@example.com',
    is_admin: false,
    password_change_required: passwordChangeRequired,
    registration: {
      methods_registered: 1,
      methods_required: 1,
      compliant: true,
      registration_required: false,
      reconfirm_required: false,
      reconfirm_due_at: null,
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the session', () => {
  it('sends someone whose password must be changed to the change-password page when the API says so', async () => {
    // The first `me` is stale: the API knows better and refuses the methods.
    let meCalls = 0;
    mockApi({
      'GET /api/v1/me': () => ({ body: me(meCalls++ > 0) }),
      'GET /api/v1/config/public': { body: publicConfig },
      'GET /api/v1/me/methods': {
        status: 403,
        body: {
          type: 'urn:sspr:problem:password_change_required',
          title: 'Forbidden',
          status: 403,
          detail: '',
          code: 'password_change_required',
        },
      },
    });
    render(
      <MemoryRouter initialEntries={['/security-info']}>
        <SessionProvider>
          <Layout>
            <AppRoutes />
          </Layout>
        </SessionProvider>
      </MemoryRouter>,
    );
    expect(await screen.findByRole('heading', { name: 'Change your password' })).toBeInTheDocument();
    expect(
      screen.getByText('Your password was set by an administrator. Choose your own password to continue.'),
    ).toBeInTheDocument();
  });
});
