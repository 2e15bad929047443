// Journey 1: the administrator signs in and sets the self-service password reset policy in the
// UI (scope: a pilot group; two methods; email, SMS and authenticator app; registration at
// sign-in; reconfirm after 180 days; notify on reset), reviews its impact, saves it, and the API
// returns the policy as set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  journey, adminApi, registerAdmin, createUser, createPilotGroup, signIn, ADMIN, ADMIN_PASSWORD,
} from '../lib/journey.mjs';

for (const backend of ['sqlite', 'postgres']) {
  test(`1. the administrator sets the policy (${backend})`, async () => {
    await journey('01-policy', { backend }, async ({ stack, page, shot }) => {
      // Set-up (not the subject): the admin's two methods, a test user in a pilot group, and a
      // starting policy that differs from the target in every field the journey sets.
      const api = await adminApi(stack);
      await registerAdmin(stack, api);
      const userId = await createUser(api);
      const groupId = await createPilotGroup(api, [userId]);
      await createPilotGroup(api, [], 'Later wave');
      const start = (await api('GET', '/api/v1/admin/policy')).body;
      const reset = await api('PUT', '/api/v1/admin/policy', {
        ...start,
        scope: 'all',
        group_ids: [],
        methods_required: 1,
        methods_enabled: ['email'],
        registration: { require_on_sign_in: false, reconfirm_days: 90 },
        notifications: { ...start.notifications, notify_user_on_reset: false },
      });
      assert.equal(reset.status, 200, JSON.stringify(reset.body));

      await signIn(page, stack, ADMIN, ADMIN_PASSWORD);
      await page.getByRole('heading', { level: 1, name: 'My security info' }).waitFor();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Administration' }).click();
      await page.waitForURL(/\/admin\/policy$/);
      await page.getByRole('heading', { level: 2, name: 'Password reset policy' }).waitFor();
      await shot('policy-before');

      // Properties: members of the pilot group only.
      await page.getByRole('tab', { name: 'Properties' }).click();
      await page.getByRole('radio', { name: 'Members of selected groups' }).check();
      await page.getByRole('checkbox', { name: 'Pilot (members: 1)' }).check();
      assert.equal(await page.getByRole('checkbox', { name: 'Later wave (members: 0)' }).isChecked(), false);
      await shot('policy-properties');

      // Methods: email, SMS and authenticator app; two required.
      await page.getByRole('tab', { name: 'Authentication methods' }).click();
      const methods = page.getByRole('group', { name: 'Methods people may use' });
      await methods.getByRole('checkbox', { name: 'Email', exact: true }).check();
      await methods.getByRole('checkbox', { name: 'Mobile phone (text message)', exact: true }).check();
      await methods.getByRole('checkbox', { name: 'Authenticator app', exact: true }).check();
      for (const off of ['Mobile phone (voice call)', 'Office phone (voice call)', 'Security questions']) {
        assert.equal(await methods.getByRole('checkbox', { name: off, exact: true }).isChecked(), false, off);
      }
      await page.getByLabel('Number of methods required to reset').selectOption({ label: 'Two' });
      await shot('policy-methods');

      // Registration: required at sign-in, reconfirm after 180 days.
      await page.getByRole('tab', { name: 'Registration' }).click();
      await page.getByRole('checkbox', { name: 'Require people to register when they sign in' }).check();
      await page.getByLabel('Days before people are asked to confirm their methods again').fill('180');
      await shot('policy-registration');

      // Notifications: tell people when their password is reset.
      await page.getByRole('tab', { name: 'Notifications' }).click();
      await page.getByRole('checkbox', { name: 'Notify people when their password is reset' }).check();

      // The impact review comes before saving.
      await page.getByRole('button', { name: 'Review and save' }).click();
      const impact = page.getByRole('region', { name: 'Before you save: what this policy means today' });
      await impact.waitFor();
      assert.equal(await impact.getByTestId('impact-users_total').innerText(), '2');
      assert.equal(await impact.getByTestId('impact-in_scope').innerText(), '2');
      // The admin has two methods; the pilot user has none yet.
      assert.equal(await impact.getByTestId('impact-unable_to_reset').innerText(), '1');
      await impact.getByText('People in scope who have not registered enough methods and could not reset their password today: 1.').waitFor();
      await shot('policy-impact');
      await impact.getByRole('button', { name: 'Save the policy' }).click();
      await page.getByRole('status').filter({ hasText: 'The policy was saved.' }).waitFor();
      await shot('policy-saved');

      const saved = await api('GET', '/api/v1/admin/policy');
      assert.equal(saved.status, 200);
      const p = saved.body;
      assert.equal(p.scope, 'selected');
      assert.deepEqual(p.group_ids, [groupId]);
      assert.equal(p.methods_required, 2);
      assert.deepEqual([...p.methods_enabled].sort(), ['authenticator_app', 'email', 'mobile_sms']);
      assert.deepEqual(p.registration, { require_on_sign_in: true, reconfirm_days: 180 });
      assert.equal(p.notifications.notify_user_on_reset, true);
      // What the journey did not touch is as it was.
      assert.deepEqual(p.password, start.password);
      assert.equal(p.unlock_enabled, start.unlock_enabled);
    });
  });
}
