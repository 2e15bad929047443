import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { t } from '../../i18n';
import { policyFixture } from './fixtures';
import { json } from './mockApi';
import { mockApi } from './mockClient';
import { renderAdmin } from './renderAdmin';

vi.mock('../../api/client', async (original) => (await import('./mockClient')).withMockApi(await original()));

function serve() {
  mockApi.on('GET /api/v1/admin/policy', () => json(policyFixture(), 200, { ETag: '"3"' }));
  mockApi.on('GET /api/v1/admin/groups', () => json({ items: [] }));
  mockApi.on('POST /api/v1/admin/policy/impact', () =>
    json({ users_total: 1, in_scope: 1, compliant: 1, unable_to_reset: 0 }),
  );
  mockApi.on('POST /api/v1/admin/messages/preview', async (request) => {
    const body = (await request.json()) as { subject?: string };
    if (body.subject?.includes('nope')) {
      return json(
        {
          type: 'urn:sspr:problem:validation_failed',
          title: 'Unprocessable Entity',
          status: 422,
          detail: 'some fields are invalid',
          code: 'validation_failed',
          errors: [{ field: 'subject', code: 'invalid_template', message: 'line 1: unknown variable `nope`' }],
        },
        422,
      );
    }
    return json({
      variables: ['org', 'code', 'minutes'],
      subject: body.subject ? body.subject.replace('{{ org }}', 'Example Corp') : 'Your Example Corp verification code',
      text: 'Your code is 123456',
      html: '<p>…</p>',
    });
  });
}

beforeEach(() => {
  mockApi.reset();
});

describe('the wording of messages', () => {
  it('previews while typing, names a wrong line, saves with the policy and returns to the built-in wording', async () => {
    serve();
    mockApi.on('PUT /api/v1/admin/policy', async (request) => json(await request.json(), 200, { ETag: '"4"' }));
    const user = userEvent.setup();
    renderAdmin('/admin/policy');
    await user.click(await screen.findByRole('tab', { name: t('admin.policy.tab.customization') }));

    expect(await screen.findByTestId('message-preview-subject')).toHaveTextContent('Your Example Corp verification code');
    expect(screen.getByTestId('message-variables')).toHaveTextContent('{{ org }}, {{ code }}, {{ minutes }}');

    await user.selectOptions(screen.getByLabelText(t('admin.messages.language')), 'de');
    const subject = screen.getByLabelText(t('admin.messages.subject'));
    await user.type(subject, '{{{{ nope }}');
    expect(await screen.findByTestId('message-preview-error')).toHaveTextContent('line 1: unknown variable `nope`');
    await user.clear(subject);
    await user.type(subject, '{{{{ org }}: Ihr Code');
    await waitFor(() => expect(screen.getByTestId('message-preview-subject')).toHaveTextContent('Example Corp: Ihr Code'));

    await user.click(screen.getByRole('button', { name: t('admin.policy.review') }));
    await user.click(await screen.findByRole('button', { name: t('admin.impact.confirm') }));
    await screen.findByText(t('admin.policy.saved'));
    const put = mockApi.requests.filter((r) => r.method === 'PUT').at(-1);
    const saved = (await put?.clone().json()) as { customization: { messages: unknown[] } };
    expect(saved.customization.messages).toEqual([{ notice: 'code_email', language: 'de', subject: '{{ org }}: Ihr Code' }]);

    await user.click(screen.getByRole('button', { name: t('admin.messages.useDefault') }));
    expect(screen.getByLabelText(t('admin.messages.subject'))).toHaveValue('');
    // A text message has no subject.
    await user.selectOptions(screen.getByLabelText(t('admin.messages.notice')), 'code_sms');
    expect(screen.queryByLabelText(t('admin.messages.subject'))).toBeNull();
  });
});
