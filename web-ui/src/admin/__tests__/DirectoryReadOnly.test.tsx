import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { t } from '../../i18n';
import { userFixture } from './fixtures';
import { json } from './mockApi';
import { mockApi } from './mockClient';
import { renderAdmin } from './renderAdmin';

vi.mock('../../api/client', async (original) => (await import('./mockClient')).withMockApi(await original()));

const ALICE = userFixture({ locked: true, locked_until: '2026-12-01T10:00:00Z' });
const GROUP_ID = '22222222-2222-4222-8222-222222222222';
const GROUP = {
  group_id: GROUP_ID,
  name: 'Staff',
  description: null,
  member_count: 1,
  created_at: '2026-11-01T00:00:00Z',
  updated_at: '2026-11-01T00:00:00Z',
  members: [{ user_id: ALICE.user_id, username: 'alice', display_name: 'Alice Example' }],
};

function directory(managesUsers: boolean) {
  mockApi.on('GET /api/v1/admin/directory', () =>
    json({ kind: managesUsers ? 'builtin' : 'ldap', capabilities: { manages_users: managesUsers, native_lockout: true, enforces_history: false } }),
  );
  mockApi.on('GET /api/v1/admin/users', () => json({ items: [ALICE], total: 1, page: 1, per_page: 20 }));
  mockApi.on(`GET /api/v1/admin/users/${ALICE.user_id}`, () => json(ALICE));
  mockApi.on(`GET /api/v1/admin/users/${ALICE.user_id}/methods`, () => json({ items: [] }));
  mockApi.on('GET /api/v1/admin/groups', () => json({ items: [GROUP] }));
  mockApi.on(`GET /api/v1/admin/groups/${GROUP_ID}`, () => json(GROUP));
}

beforeEach(() => {
  mockApi.reset();
});

describe('a directory with tools of its own', () => {
  it('lists users without "new user" and says where they are changed', async () => {
    directory(false);
    renderAdmin('/admin/users');
    expect(await screen.findByText(t('admin.directory.managedElsewhere'))).toBeTruthy();
    expect(screen.getByRole('link', { name: 'alice' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: t('admin.users.create') })).toBeNull();
  });

  it('shows a user without the edit form, disable or delete, but keeps unlock and re-registration', async () => {
    directory(false);
    renderAdmin(`/admin/users/${ALICE.user_id}`);
    expect(await screen.findByText(t('admin.directory.managedElsewhere'))).toBeTruthy();
    expect(screen.getByRole('button', { name: t('admin.user.unlock') })).toBeTruthy();
    expect(screen.getByRole('button', { name: t('admin.user.requireReregistration') })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: t('admin.user.edit') })).toBeNull();
    expect(screen.queryByRole('button', { name: t('admin.user.disable') })).toBeNull();
    expect(screen.queryByRole('button', { name: t('admin.user.delete') })).toBeNull();
  });

  it('lists groups and their members without any editing', async () => {
    directory(false);
    const first = renderAdmin('/admin/groups');
    expect(await screen.findByText(t('admin.directory.managedElsewhere'))).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Staff' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: t('admin.groups.create') })).toBeNull();
    first.unmount();

    renderAdmin(`/admin/groups/${GROUP_ID}`);
    expect(await screen.findByText(t('admin.directory.managedElsewhere'))).toBeTruthy();
    expect(screen.getByText('Alice Example')).toBeTruthy();
    expect(screen.queryByRole('button', { name: t('admin.group.removeMemberNamed', { name: 'alice' }) })).toBeNull();
    expect(screen.queryByRole('button', { name: t('admin.group.saveMembers') })).toBeNull();
    expect(screen.queryByRole('heading', { name: t('admin.group.edit') })).toBeNull();
    expect(screen.queryByRole('button', { name: t('admin.group.delete') })).toBeNull();
  });

  it('shows every control when people are managed here', async () => {
    directory(true);
    renderAdmin(`/admin/users/${ALICE.user_id}`);
    expect(await screen.findByRole('heading', { name: t('admin.user.edit') })).toBeTruthy();
    expect(screen.getByRole('button', { name: t('admin.user.delete') })).toBeTruthy();
    expect(screen.queryByText(t('admin.directory.managedElsewhere'))).toBeNull();
  });
});
