import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { t } from '../../i18n';
import { json } from './mockApi';
import { mockApi } from './mockClient';
import { renderAdmin } from './renderAdmin';

vi.mock('../../api/client', async (original) => (await import('./mockClient')).withMockApi(await original()));
// jsdom has no canvas; the text alternatives are what is checked here.
vi.mock('react-chartjs-2', () => ({ Bar: () => null, Line: () => null }));

beforeEach(() => {
  mockApi.reset();
});

describe('the activity page', () => {
  it('gives every chart a table of the same numbers', async () => {
    mockApi.on('GET /api/v1/admin/reports/resets', () =>
      json({
        days: 30,
        by_day: [
          { date: '2026-11-24', started: 5, password_resets: 3, unlocks: 1, failed_verifications: 2 },
          { date: '2026-11-25', started: 4, password_resets: 2, unlocks: 0, failed_verifications: 6 },
        ],
        by_method: [{ kind: 'email', verified: 9, failed: 8, password_resets: 5, unlocks: 1 }],
      }),
    );
    mockApi.on('GET /api/v1/admin/reports/registration', () =>
      json({
        users_total: 10,
        users_registered: 4,
        by_method: [{ kind: 'mobile_sms', users: 3 }],
        by_day: [{ date: '2026-11-25', registrations: 2 }],
      }),
    );
    renderAdmin('/admin/activity');

    const byDay = await screen.findByTestId('activity-resets-by-day-table');
    const rows = within(byDay).getAllByRole('row');
    expect(rows[2]?.textContent).toBe('2026-11-25420' + '6');
    const byMethod = screen.getByTestId('activity-resets-by-method-table');
    expect(within(byMethod).getByRole('rowheader').textContent).toBe(t('admin.method.email'));
    const coverage = screen.getByTestId('activity-registration-by-method-table');
    expect(within(coverage).getAllByRole('cell').map((c) => c.textContent)).toEqual(['3', '30%']);
    expect(
      screen.getByText(t('admin.activity.registrationSummary', { registered: 4, total: 10, percent: 40 })),
    ).toBeTruthy();
    expect(new URL(mockApi.requestsTo('GET /api/v1/admin/reports/resets')[0]?.url ?? '').searchParams.get('days')).toBe('30');
  });
});
