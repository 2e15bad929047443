import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { t } from '../../i18n';
import { userFixture } from './fixtures';
import { json } from './mockApi';
import { mockApi } from './mockClient';
import { renderAdmin } from './renderAdmin';

vi.mock('../../api/client', async (original) => (await import('./mockClient')).withMockApi(await original()));

const GROUP_ID = '22222222-2222-4222-8222-222222222222';
const GROUP = {
  group_id: GROUP_ID,
  name: 'Staff',
  description: 'Everyone on the payroll',
  member_count: 1,
  created_at: '2026-11-01T00:00:00Z',
  updated_at: '2026-11-01T00:00:00Z',
  members: [{ user_id: 'u-1', username: 'bob', display_name: 'Bob' }],
};

beforeEach(() => {
  mockApi.reset();
});

describe('the groups pages', () => {
  it('edits the members with a user search and saves the whole list', async () => {
    const alice = userFixture();
    mockApi.on(`GET /api/v1/admin/groups/${GROUP_ID}`, () => json(GROUP));
    mockApi.on('GET /api/v1/admin/users', () => json({ items: [alice], total: 1, page: 1, per_page: 10 }));
    mockApi.on(`PUT /api/v1/admin/groups/${GROUP_ID}/members`, () =>
      json({ ...GROUP, member_count: 1, members: [{ user_id: alice.user_id, username: 'alice', display_name: 'Alice' }] }),
    );
    const user = userEvent.setup();
    renderAdmin(`/admin/groups/${GROUP_ID}`);

    await user.click(await screen.findByRole('button', { name: t('admin.group.removeMemberNamed', { name: 'bob' }) }));
    await user.type(screen.getByLabelText(t('admin.group.findUsers')), 'ali{Enter}');
    await user.click(await screen.findByRole('button', { name: t('admin.group.addMemberNamed', { name: 'alice' }) }));
    await user.click(screen.getByRole('button', { name: t('admin.group.saveMembers') }));

    await screen.findByText(t('admin.group.membersSaved'));
    expect(await mockApi.bodies(`PUT /api/v1/admin/groups/${GROUP_ID}/members`)).toEqual([{ user_ids: [alice.user_id] }]);
  });

  it('explains why a group named by the policy cannot be deleted', async () => {
    mockApi.on(`GET /api/v1/admin/groups/${GROUP_ID}`, () => json(GROUP));
    mockApi.on(`DELETE /api/v1/admin/groups/${GROUP_ID}`, () =>
      json({ type: 'urn:sspr:problem:group_in_use', title: 'Conflict', status: 409, detail: 'x', code: 'group_in_use' }, 409),
    );
    const user = userEvent.setup();
    renderAdmin(`/admin/groups/${GROUP_ID}`);

    await user.click(await screen.findByRole('button', { name: t('admin.group.delete') }));
    await user.click(screen.getByRole('button', { name: t('admin.group.deleteConfirm') }));
    await waitFor(() => expect(screen.getByText(t('admin.problem.group_in_use'))).toBeTruthy());
  });
});
