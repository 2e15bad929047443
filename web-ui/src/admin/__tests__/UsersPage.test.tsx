import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { t } from '../../i18n';
import { userFixture } from './fixtures';
import { json } from './mockApi';
import { mockApi } from './mockClient';
import { renderAdmin } from './renderAdmin';

vi.mock('../../api/client', async (original) => (await import('./mockClient')).withMockApi(await original()));

const ALICE = userFixture();
const USER_PATH = `/api/v1/admin/users/${ALICE.user_id}`;

function conflict(code: string) {
  return json({ type: `urn:sspr:problem:${code}`, title: 'Conflict', status: 409, detail: 'x', code }, 409);
}

beforeEach(() => {
  mockApi.reset();
});

describe('the users pages', () => {
  it('lists users, searches and pages', async () => {
    mockApi.on('GET /api/v1/admin/users', (request) => {
      const page = Number(new URL(request.url).searchParams.get('page'));
      return json({ items: [userFixture({ username: `user-on-page-${page}` })], total: 45, page, per_page: 20 });
    });
    const user = userEvent.setup();
    renderAdmin('/admin/users');

    expect(await screen.findByRole('link', { name: 'user-on-page-1' })).toBeTruthy();
    expect(screen.getByText(t('admin.common.pageOf', { page: 1, pages: 3 }))).toBeTruthy();
    await user.click(screen.getByRole('button', { name: t('admin.common.next') }));
    expect(await screen.findByRole('link', { name: 'user-on-page-2' })).toBeTruthy();

    await user.type(screen.getByLabelText(t('admin.users.search')), 'ali');
    await user.click(screen.getByRole('button', { name: t('admin.common.search') }));
    await waitFor(() => {
      const query = new URL(mockApi.requests.at(-1)?.url ?? '').searchParams;
      expect(query.get('search')).toBe('ali');
      expect(query.get('page')).toBe('1');
    });
  });

  it('shows a taken username and invalid fields next to their inputs when creating', async () => {
    mockApi.on('GET /api/v1/admin/users', () => json({ items: [], total: 0, page: 1, per_page: 20 }));
    let answer = conflict('username_taken');
    mockApi.on('POST /api/v1/admin/users', () => answer);
    const user = userEvent.setup();
    renderAdmin('/admin/users');

    await user.click(await screen.findByRole('button', { name: t('admin.users.create') }));
    await user.type(screen.getByLabelText(t('admin.user.username')), 'alice');
    await user.type(screen.getByLabelText(t('admin.user.displayName')), 'Alice');
    await user.type(screen.getByLabelText(t('admin.user.email')), 'alice@example.com');
    await user.click(screen.getByRole('button', { name: t('admin.users.createSubmit') }));

    const username = screen.getByLabelText(t('admin.user.username'));
    await waitFor(() => expect(username.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(username.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      t('admin.problem.username_taken'),
    );
    const [sent] = (await mockApi.bodies('POST /api/v1/admin/users')) as Record<string, unknown>[];
    expect(sent).toEqual({
      username: 'alice',
      display_name: 'Alice',
      email: 'alice@example.com',
      mobile_phone: null,
      password: null,
      is_admin: false,
    });

    answer = json(
      {
        type: 'urn:sspr:problem:validation_failed',
        title: 'Unprocessable Entity',
        status: 422,
        detail: 'x',
        code: 'validation_failed',
        errors: [{ field: 'mobile_phone', code: 'invalid_phone', message: 'not a valid phone number' }],
      },
      422,
    );
    await user.type(screen.getByLabelText(t('admin.user.mobilePhone')), '12');
    await user.click(screen.getByRole('button', { name: t('admin.users.createSubmit') }));
    const phone = screen.getByLabelText(t('admin.user.mobilePhone'));
    await waitFor(() => expect(phone.getAttribute('aria-invalid')).toBe('true'));
    expect(phone.getAttribute('aria-describedby')).toContain('user-create-mobile_phone-error');
    expect(screen.getByText('not a valid phone number')).toBeTruthy();
    expect(username.getAttribute('aria-invalid')).toBeNull();
  });

  it('saves only the changed fields of a user', async () => {
    mockApi.on(`GET ${USER_PATH}`, () => json(ALICE));
    mockApi.on(`GET ${USER_PATH}/methods`, () =>
      json({
        items: [
          {
            method_id: '33333333-3333-4333-8333-333333333333',
            kind: 'email',
            status: 'active',
            hint: 'a***@e***.com',
            created_at: '2026-11-01T10:00:00Z',
          },
        ],
      }),
    );
    mockApi.on(`PATCH ${USER_PATH}`, async (request) => json({ ...ALICE, ...((await request.json()) as object) }));
    const user = userEvent.setup();
    renderAdmin(`/admin/users/${ALICE.user_id}`);

    expect(await screen.findByText('a***@e***.com')).toBeTruthy();
    await user.clear(screen.getByLabelText(t('admin.user.mobilePhone')));
    await user.click(screen.getByRole('button', { name: t('admin.user.save') }));

    await screen.findByText(t('admin.user.saved'));
    expect(await mockApi.bodies(`PATCH ${USER_PATH}`)).toEqual([{ mobile_phone: null }]);
  });

  it('asks before deleting and explains a refusal in words', async () => {
    mockApi.on(`GET ${USER_PATH}`, () => json(ALICE));
    mockApi.on(`GET ${USER_PATH}/methods`, () => json({ items: [] }));
    mockApi.on(`DELETE ${USER_PATH}`, () => conflict('last_admin'));
    const user = userEvent.setup();
    renderAdmin(`/admin/users/${ALICE.user_id}`);

    await user.click(await screen.findByRole('button', { name: t('admin.user.delete') }));
    expect(mockApi.requests.some((r) => r.method === 'DELETE')).toBe(false);
    await user.click(screen.getByRole('button', { name: t('admin.user.deleteConfirm') }));
    expect(await screen.findByText(t('admin.problem.last_admin'))).toBeTruthy();
  });
});
