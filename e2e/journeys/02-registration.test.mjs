// Journey 2: a pilot user whose password was set by an administrator signs in, must choose
// their own password, is sent through registration, registers email (code by email), mobile
// phone (code by text message) and an authenticator app (code computed from the key shown), and
// lands on "My security info".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  journey, adminApi, createUser, createPilotGroup, setPilotPolicy, signIn, fillNewPassword, sentCount, codeSince,
  enterCode, apiAs, USER, USER_PASSWORD, USER_OWN_PASSWORD, USER_EMAIL, USER_PHONE,
} from '../lib/journey.mjs';
import { totp } from '../lib/totp.mjs';

for (const backend of ['sqlite', 'postgres']) {
  test(`2. the user registers at first sign-in (${backend})`, async () => {
    await journey('02-register', { backend }, async ({ stack, page, shot }) => {
      const api = await adminApi(stack);
      const userId = await createUser(api);
      const groupId = await createPilotGroup(api, [userId]);
      await setPilotPolicy(api, groupId, { registration: { require_on_sign_in: true, reconfirm_days: 180 } });

      // First sign-in: the password set by the administrator must be changed first.
      await signIn(page, stack, USER, USER_PASSWORD);
      await page.waitForURL(/\/change-password$/);
      await page.getByText('Your password was set by an administrator. Choose your own password to continue.').waitFor();
      await page.getByLabel('Current password', { exact: true }).fill(USER_PASSWORD);
      await fillNewPassword(page, USER_OWN_PASSWORD);
      await shot('change-password');
      await page.getByRole('button', { name: 'Change password' }).click();

      // Then registration, before anything else.
      await page.waitForURL(/\/register$/);
      await page.getByRole('heading', { level: 1, name: 'Set up your security info' }).waitFor();
      await page.getByText('0 of 2 set up').waitFor();
      await shot('register-start');

      // Email.
      const addKind = async (label) => {
        await page.getByLabel('Method to add').selectOption({ label });
        await page.getByRole('button', { name: 'Continue' }).click();
      };
      await addKind('Email');
      await page.getByLabel('Email address').fill(USER_EMAIL);
      let before = sentCount(stack, USER_EMAIL);
      await page.getByRole('button', { name: 'Send code' }).click();
      await page.getByText(/^We sent a code to /).waitFor();
      await shot('register-email-code');
      await enterCode(page, await codeSince(stack, USER_EMAIL, before));
      await page.getByRole('status').filter({ hasText: 'Email is set up.' }).waitFor();
      await page.getByText('1 of 2 set up').waitFor();

      // Mobile phone (text message).
      await addKind('Mobile phone (text message)');
      await page.getByLabel('Phone number').fill(USER_PHONE);
      before = sentCount(stack, USER_PHONE);
      await page.getByRole('button', { name: 'Send code' }).click();
      await page.getByText(/^We sent a text message with a code to /).waitFor();
      await enterCode(page, await codeSince(stack, USER_PHONE, before));
      await page.getByRole('status').filter({ hasText: 'Mobile phone (text message) is set up.' }).waitFor();
      await page.getByText('2 of 2 set up').waitFor();
      await page.getByText('All set. You can now reset your password yourself.').waitFor();
      await shot('register-enough');

      // Two are enough to go on; the third (the authenticator app) is added on "My security info".
      await page.getByRole('button', { name: 'Continue to my security info' }).click();
      await page.waitForURL(/\/security-info$/);
      await page.getByRole('heading', { level: 1, name: 'My security info' }).waitFor();
      await addKind('Authenticator app');
      await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
      // A change beyond the first set: first prove one of the methods already there.
      await page.getByRole('heading', { level: 2, name: 'Confirm it is you' }).waitFor();
      await shot('step-up');
      before = sentCount(stack, USER_EMAIL);
      await page.getByRole('button', { name: /^Use Email/ }).click();
      await enterCode(page, await codeSince(stack, USER_EMAIL, before));
      await page.getByRole('status').filter({ hasText: 'You can change your security info for the next 10 minutes' }).waitFor();
      await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
      await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
      const key = (await page.locator('code.secret').innerText()).replace(/\s+/g, '');
      assert.match(key, /^[A-Z2-7]{16,}$/);
      await shot('register-app-key');
      await enterCode(page, totp(key), 'The 6-digit code the app shows');
      await page.getByRole('status').filter({ hasText: 'Authenticator app is set up.' }).waitFor();

      await page.getByText('Methods set up: 3. Required: 2.').waitFor();
      await page.getByText('You have enough methods set up to reset your password yourself.').waitFor();
      const list = page.getByRole('list', { name: 'Your methods' });
      for (const name of ['Email', 'Mobile phone (text message)', 'Authenticator app']) {
        await list.getByRole('listitem').filter({ hasText: name }).filter({ hasText: 'Active' }).waitFor();
      }
      assert.equal(await list.getByRole('listitem').count(), 3);
      await shot('security-info');

      const me = await apiAs(stack.url, USER, USER_OWN_PASSWORD);
      const methods = (await me('GET', '/api/v1/me/methods')).body.items;
      assert.deepEqual(methods.map((m) => `${m.kind}:${m.status}`).sort(), ['authenticator_app:active', 'email:active', 'mobile_sms:active']);
    });
  });
}
