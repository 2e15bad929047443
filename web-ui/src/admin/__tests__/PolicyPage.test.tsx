import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { t } from '../../i18n';
import { policyFixture } from './fixtures';
import { json } from './mockApi';
import { mockApi } from './mockClient';
import { renderAdmin } from './renderAdmin';

vi.mock('../../api/client', async (original) => (await import('./mockClient')).withMockApi(await original()));

const IMPACT = { users_total: 40, in_scope: 25, compliant: 18, unable_to_reset: 7 };

function serve(policy = policyFixture()) {
  mockApi.on('GET /api/v1/admin/policy', () => json(policy, 200, { ETag: '"3"' }));
  mockApi.on('GET /api/v1/admin/groups', () =>
    json({
      items: [
        {
          group_id: '22222222-2222-4222-8222-222222222222',
          name: 'Staff',
          description: null,
          member_count: 4,
          created_at: '2026-11-01T00:00:00Z',
          updated_at: '2026-11-01T00:00:00Z',
        },
      ],
    }),
  );
  mockApi.on('POST /api/v1/admin/policy/impact', () => json(IMPACT));
}

function validationProblem(errors: { field: string; code: string; message: string }[]) {
  return json(
    {
      type: 'urn:sspr:problem:validation_failed',
      title: 'Unprocessable Entity',
      status: 422,
      detail: 'some fields are invalid',
      code: 'validation_failed',
      errors,
    },
    422,
  );
}

/** The error text that an input points at with aria-describedby. */
function describedText(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

async function reviewAndSave(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: t('admin.policy.review') }));
  await user.click(await screen.findByRole('button', { name: t('admin.impact.confirm') }));
}

beforeEach(() => {
  mockApi.reset();
});

describe('the policy page', () => {
  it('shows the impact of the edited policy before saving', async () => {
    serve();
    const user = userEvent.setup();
    renderAdmin('/admin/policy');

    await user.click(await screen.findByRole('tab', { name: t('admin.policy.tab.password') }));
    const minLength = screen.getByLabelText(t('admin.policy.minLength'));
    await user.clear(minLength);
    await user.type(minLength, '15');
    await user.click(screen.getByRole('button', { name: t('admin.policy.review') }));

    const panel = await screen.findByRole('region', { name: t('admin.impact.title') });
    expect(within(panel).getByTestId('impact-users_total').textContent).toBe('40');
    expect(within(panel).getByTestId('impact-in_scope').textContent).toBe('25');
    expect(within(panel).getByTestId('impact-compliant').textContent).toBe('18');
    expect(within(panel).getByTestId('impact-unable_to_reset').textContent).toBe('7');
    expect(within(panel).getByText(t('admin.impact.warning', { count: 7 }))).toBeTruthy();

    // The impact was asked for the edited document, not the saved one; nothing saved yet.
    const [sent] = (await mockApi.bodies('POST /api/v1/admin/policy/impact')) as ReturnType<typeof policyFixture>[];
    expect(sent?.password.min_length).toBe(15);
    expect(mockApi.requests.some((r) => r.method === 'PUT')).toBe(false);
  });

  it('saves the whole document with the version it was based on', async () => {
    serve();
    mockApi.on('PUT /api/v1/admin/policy', async (request) => json(await request.json(), 200, { ETag: '"4"' }));
    const user = userEvent.setup();
    renderAdmin('/admin/policy');
    await screen.findByRole('tab', { name: t('admin.policy.tab.properties') });

    await reviewAndSave(user);

    await screen.findByText(t('admin.policy.saved'));
    const put = mockApi.requests.find((r) => r.method === 'PUT');
    expect(put?.headers.get('If-Match')).toBe('"3"');
    expect(await put?.clone().json()).toEqual(policyFixture());
  });

  it('puts each error of a 422 next to its input and opens the tab of the first one', async () => {
    serve();
    mockApi.on('PUT /api/v1/admin/policy', () =>
      validationProblem([
        { field: 'password.min_length', code: 'out_of_range', message: 'must be between 8 and 256' },
        { field: 'registration.reconfirm_days', code: 'out_of_range', message: 'must be between 0 (never) and 730' },
      ]),
    );
    const user = userEvent.setup();
    renderAdmin('/admin/policy');
    await screen.findByRole('tab', { name: t('admin.policy.tab.properties') });

    await reviewAndSave(user);

    const passwordTab = await screen.findByRole('tab', { name: new RegExp(t('admin.policy.tab.password')) });
    await waitFor(() => expect(passwordTab.getAttribute('aria-selected')).toBe('true'));
    const minLength = screen.getByLabelText(t('admin.policy.minLength'));
    expect(minLength.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(minLength)).toContain('must be between 8 and 256');
    expect(document.activeElement).toBe(minLength);
    // Inputs without errors stay unmarked.
    expect(screen.getByLabelText(t('admin.policy.maxLength')).getAttribute('aria-invalid')).toBeNull();

    // The other error waits on its own tab, which says it has one.
    const registrationTab = screen.getByRole('tab', { name: new RegExp(t('admin.policy.tab.registration')) });
    expect(registrationTab.textContent).toContain(t('admin.policy.tabErrors', { count: 1 }));
    await user.click(registrationTab);
    const reconfirm = screen.getByLabelText(t('admin.policy.reconfirmDays'));
    expect(describedText(reconfirm)).toContain('must be between 0 (never) and 730');
  });

  it('shows an error on the custom question it is about', async () => {
    serve(
      policyFixture({
        security_questions: { register_count: 3, reset_count: 3, custom_questions: ['First pet?', 'Your city?', 'x'] },
      }),
    );
    mockApi.on('POST /api/v1/admin/policy/impact', () =>
      validationProblem([
        {
          field: 'security_questions.custom_questions[2]',
          code: 'length',
          message: 'a question must be 3 to 200 characters',
        },
      ]),
    );
    const user = userEvent.setup();
    renderAdmin('/admin/policy');
    await user.click(await screen.findByRole('button', { name: t('admin.policy.review') }));

    const third = await screen.findByLabelText(t('admin.policy.customQuestion', { number: 3 }));
    expect(third.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(third)).toContain('a question must be 3 to 200 characters');
    const first = screen.getByLabelText(t('admin.policy.customQuestion', { number: 1 }));
    expect(first.getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('tab', { name: new RegExp(t('admin.policy.tab.methods')) }).getAttribute('aria-selected')).toBe(
      'true',
    );
  });

  it('offers to reload when someone else saved first', async () => {
    serve();
    mockApi.on('PUT /api/v1/admin/policy', () =>
      json(
        { type: 'urn:sspr:problem:version_conflict', title: 'Conflict', status: 409, detail: 'x', code: 'version_conflict' },
        409,
      ),
    );
    const user = userEvent.setup();
    renderAdmin('/admin/policy');
    await screen.findByRole('tab', { name: t('admin.policy.tab.properties') });

    await reviewAndSave(user);

    expect(await screen.findByText(t('admin.problem.version_conflict'))).toBeTruthy();
    const policyGets = () => mockApi.requests.filter((r) => r.method === 'GET' && r.url.endsWith('/admin/policy')).length;
    expect(policyGets()).toBe(1);
    await user.click(screen.getByRole('button', { name: t('admin.policy.reload') }));
    await waitFor(() => expect(policyGets()).toBe(2));
    await waitFor(() => expect(screen.queryByText(t('admin.problem.version_conflict'))).toBeNull());
  });

  it('moves between tabs with the arrow keys', async () => {
    serve();
    const user = userEvent.setup();
    renderAdmin('/admin/policy');
    const first = await screen.findByRole('tab', { name: t('admin.policy.tab.properties') });
    first.focus();
    await user.keyboard('{ArrowRight}');
    const methods = screen.getByRole('tab', { name: t('admin.policy.tab.methods') });
    expect(methods.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(methods);
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: t('admin.policy.tab.password') }).getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowRight}');
    expect(first.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(first.id);
  });

  it('offers the groups when the scope is selected groups', async () => {
    serve();
    const user = userEvent.setup();
    renderAdmin('/admin/policy');
    await user.click(await screen.findByLabelText(t('admin.policy.scope.selected')));
    await user.click(screen.getByLabelText(t('admin.policy.groupOption', { name: 'Staff', count: 4 })));
    await user.click(screen.getByRole('button', { name: t('admin.policy.review') }));
    await screen.findByRole('region', { name: t('admin.impact.title') });
    const [sent] = (await mockApi.bodies('POST /api/v1/admin/policy/impact')) as ReturnType<typeof policyFixture>[];
    expect(sent?.scope).toBe('selected');
    expect(sent?.group_ids).toEqual(['22222222-2222-4222-8222-222222222222']);
  });
});
