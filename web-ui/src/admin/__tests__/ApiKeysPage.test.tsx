import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { t } from '../../i18n';
import { json } from './mockApi';
import { mockApi } from './mockClient';
import { renderAdmin } from './renderAdmin';
import type { ApiKey, ApiKeyScope } from '../common/types';

vi.mock('../../api/client', async (original) => (await import('./mockClient')).withMockApi(await original()));

const KEY_ID = '33333333-3333-4333-8333-333333333333';
const KEY: ApiKey = {
  key_id: KEY_ID,
  name: 'HR portal',
  scopes: ['admin:read', 'audit:read'],
  allowed_addresses: ['10.0.0.0/8'],
  expires_at: null,
  created_by: 'admin',
  created_at: '2026-12-01T00:00:00Z',
  last_used_at: null,
  last_used_from: null,
  revoked_at: null,
};

beforeEach(() => {
  mockApi.reset();
});

describe('the API keys page', () => {
  it('creates a key, shows its secret once, and revokes it after asking', async () => {
    let keys: ApiKey[] = [];
    mockApi.on('GET /api/v1/admin/api-keys', () => json({ items: keys }));
    mockApi.on('POST /api/v1/admin/api-keys', async (request) => {
      const body = (await request.json()) as { name: string; scopes: ApiKeyScope[]; allowed_addresses: string[] };
      const created: ApiKey = { ...KEY, name: body.name, scopes: body.scopes, allowed_addresses: body.allowed_addresses };
      keys = [created];
      return json({ key: created, secret: 'sspr_abc_secret' }, 201);
    });
    mockApi.on(`DELETE /api/v1/admin/api-keys/${KEY_ID}`, () => {
      keys = [{ ...KEY, revoked_at: '2026-12-07T10:00:00Z' }];
      return new Response(null, { status: 204 });
    });
    const user = userEvent.setup();
    renderAdmin('/admin/keys');

    expect(await screen.findByText(t('admin.keys.none'))).toBeInTheDocument();
    await user.type(screen.getByLabelText(t('admin.keys.name')), 'HR portal');
    await user.click(screen.getByLabelText(t('admin.keys.scope.auditRead')));
    await user.type(screen.getByLabelText(t('admin.keys.addresses')), '10.0.0.0/8');
    await user.click(screen.getByRole('button', { name: t('admin.keys.createSubmit') }));

    expect(await screen.findByTestId('api-key-secret')).toHaveTextContent('sspr_abc_secret');
    const post = mockApi.requests.find((r) => r.method === 'POST');
    expect(await post?.clone().json()).toEqual({
      name: 'HR portal',
      scopes: ['admin:read', 'audit:read'],
      expires_at: null,
      allowed_addresses: ['10.0.0.0/8'],
    });
    const row = (await screen.findByRole('cell', { name: 'HR portal' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('admin:read, audit:read')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: t('admin.keys.secretSaved') }));
    expect(screen.queryByTestId('api-key-secret')).toBeNull();

    await user.click(within(row).getByRole('button', { name: t('admin.keys.revoke') }));
    await user.click(await screen.findByRole('button', { name: t('admin.keys.revokeConfirm') }));
    expect(await screen.findByText(t('admin.keys.revoked', { name: 'HR portal' }))).toBeInTheDocument();
  });
});
