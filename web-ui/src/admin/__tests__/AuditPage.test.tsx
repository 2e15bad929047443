import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { t } from '../../i18n';
import type { AuditEntry } from '../common/types';
import { auditFixture } from './fixtures';
import { json } from './mockApi';
import { mockApi } from './mockClient';
import { renderAdmin } from './renderAdmin';

vi.mock('../../api/client', async (original) => (await import('./mockClient')).withMockApi(await original()));

/** The schema types `details` as an empty object; real rows carry any JSON. */
function detailsOf(value: Record<string, unknown>): AuditEntry['details'] {
  return value as unknown as AuditEntry['details'];
}

const SCRIPT = '<script>alert("owned")</script>';
const IMG = '<img src=x onerror=alert(1)>';

beforeEach(() => {
  mockApi.reset();
});

describe('the audit log', () => {
  it('shows user-controlled values as text, never as markup', async () => {
    mockApi.on('GET /api/v1/admin/audit', () =>
      json({
        items: [auditFixture({ user_agent: SCRIPT, target_name: IMG, details: detailsOf({ note: '<b>bold</b>' }) })],
        next_cursor: null,
      }),
    );
    const { container } = renderAdmin('/admin/audit');

    expect(await screen.findByText(SCRIPT)).toBeTruthy();
    expect(screen.getByText(IMG)).toBeTruthy();
    expect(screen.getByText('{"note":"<b>bold</b>"}')).toBeTruthy();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('loads older events with the cursor and keeps the ones shown', async () => {
    mockApi.on('GET /api/v1/admin/audit', (request) => {
      const cursor = new URL(request.url).searchParams.get('cursor');
      return cursor === null
        ? json({ items: [auditFixture({ id: 'a', target_name: 'first-page' })], next_cursor: 'c2' })
        : json({ items: [auditFixture({ id: 'b', target_name: 'second-page' })], next_cursor: null });
    });
    const user = userEvent.setup();
    renderAdmin('/admin/audit');

    await screen.findByText('first-page');
    await user.click(screen.getByRole('button', { name: t('admin.audit.loadMore') }));
    await screen.findByText('second-page');
    expect(screen.getByText('first-page')).toBeTruthy();
    expect(screen.queryByRole('button', { name: t('admin.audit.loadMore') })).toBeNull();
    const last = mockApi.requests.at(-1);
    expect(new URL(last?.url ?? '').searchParams.get('cursor')).toBe('c2');
  });

  it('sends the chosen filters, with dates as RFC 3339', async () => {
    mockApi.on('GET /api/v1/admin/audit', () => json({ items: [], next_cursor: null }));
    const user = userEvent.setup();
    renderAdmin('/admin/audit');
    await screen.findByText(t('admin.audit.none'));

    await user.selectOptions(screen.getByLabelText(t('admin.audit.type')), 'policy');
    await user.type(screen.getByLabelText(t('admin.audit.from')), '2026-11-01');
    await user.type(screen.getByLabelText(t('admin.audit.to')), '2026-11-02');
    await user.click(screen.getByRole('button', { name: t('admin.audit.apply') }));

    await waitFor(() => expect(mockApi.requestsTo('GET /api/v1/admin/audit').length).toBe(2));
    const query = new URL(mockApi.requestsTo('GET /api/v1/admin/audit')[1]?.url ?? '').searchParams;
    expect(query.get('type')).toBe('policy');
    expect(query.get('since')).toBe(new Date(2026, 10, 1).toISOString());
    expect(query.get('until')).toBe(new Date(2026, 10, 3).toISOString());
    expect(query.get('cursor')).toBeNull();
  });
});
