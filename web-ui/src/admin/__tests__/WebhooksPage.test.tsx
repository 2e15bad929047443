import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { t } from '../../i18n';
import { formatDateTime } from '../common/format';
import { json } from './mockApi';
import { mockApi } from './mockClient';
import { renderAdmin } from './renderAdmin';
import type { Webhook, WebhookEvent } from '../common/types';

vi.mock('../../api/client', async (original) => (await import('./mockClient')).withMockApi(await original()));

const ID = '44444444-4444-4444-8444-444444444444';
const HOOK: Webhook = {
  endpoint_id: ID,
  url: 'https://hr.example.com/hooks',
  events: ['password.reset'],
  description: null,
  created_by: 'admin',
  created_at: '2026-12-01T00:00:00Z',
};

beforeEach(() => {
  mockApi.reset();
});

describe('the webhooks page', () => {
  it('adds an endpoint, shows its secret once, lists its deliveries and sends one again', async () => {
    let hooks: Webhook[] = [];
    mockApi.on('GET /api/v1/admin/webhooks', () => json({ items: hooks }));
    mockApi.on('POST /api/v1/admin/webhooks', async (request) => {
      const body = (await request.json()) as { url: string; events: WebhookEvent[] };
      const created: Webhook = { ...HOOK, url: body.url, events: body.events };
      hooks = [created];
      return json({ endpoint: created, secret: 'whsec_abc' }, 201);
    });
    mockApi.on(`GET /api/v1/admin/webhooks/${ID}/deliveries`, () =>
      json({
        items: [
          {
            delivery_id: 'msg_1',
            event: 'password.reset',
            created_at: '2026-12-07T10:00:00Z',
            attempts: 1,
            delivered_at: '2026-12-07T10:00:06Z',
            next_attempt_at: null,
            given_up_at: null,
            last_answer: 'HTTP 200',
          },
          {
            delivery_id: 'msg_2',
            event: 'registration.completed',
            created_at: '2026-12-05T10:00:00Z',
            attempts: 30,
            delivered_at: null,
            next_attempt_at: null,
            given_up_at: '2026-12-06T10:00:00Z',
            last_answer: 'HTTP 500: down',
          },
        ],
      }),
    );
    mockApi.on(`POST /api/v1/admin/webhooks/${ID}/deliveries/msg_1/redeliver`, () => new Response(null, { status: 202 }));
    const user = userEvent.setup();
    renderAdmin('/admin/webhooks');

    expect(await screen.findByText(t('admin.webhooks.none'))).toBeInTheDocument();
    await user.type(screen.getByLabelText(t('admin.webhooks.url')), 'https://hr.example.com/hooks');
    await user.click(screen.getByLabelText(t('admin.webhooks.event.methodAdded')));
    await user.click(screen.getByRole('button', { name: t('admin.webhooks.createSubmit') }));

    expect(await screen.findByTestId('webhook-secret')).toHaveTextContent('whsec_abc');
    const post = mockApi.requests.find((r) => r.method === 'POST');
    expect(await post?.clone().json()).toEqual({
      url: 'https://hr.example.com/hooks',
      events: ['password.reset', 'method.added'],
      description: null,
    });
    await user.click(screen.getByRole('button', { name: t('admin.webhooks.secretSaved') }));
    expect(screen.queryByTestId('webhook-secret')).toBeNull();

    const row = (await screen.findByRole('cell', { name: 'https://hr.example.com/hooks' })).closest('tr') as HTMLElement;
    await user.click(within(row).getByRole('button', { name: t('admin.webhooks.showDeliveries') }));
    expect(await screen.findByText('HTTP 200')).toBeInTheDocument();
    // A delivery that failed for a day says it was given up, not when it is tried next.
    expect(screen.getByText(t('admin.webhooks.gaveUp', { date: formatDateTime('2026-12-06T10:00:00Z') }))).toBeInTheDocument();
    const delivered = screen.getByText('HTTP 200').closest('tr') as HTMLElement;
    await user.click(within(delivered).getByRole('button', { name: t('admin.webhooks.redeliver') }));
    expect(await screen.findByText(t('admin.webhooks.redelivered'))).toBeInTheDocument();
  });
});
