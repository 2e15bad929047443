// Journey 9: passkeys, in Chromium with its virtual authenticator (CDP `WebAuthn`, CTAP2, an
// internal platform authenticator with resident keys and user verification). The user adds a
// passkey in "My security info" (after the step-up), then resets a forgotten password with
// it alone (the policy lets a passkey count as two methods). The site is reached as
// `localhost`: WebAuthn needs a domain, not an IP address.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  journey, registeredPilotUser, signIn, startRecovery, pickRecoveryMethod, fillNewPassword, codeSince, sentCount,
  enterCode, USER, USER_EMAIL, USER_OWN_PASSWORD,
} from '../lib/journey.mjs';

const NEW_PASSWORD = 'copper heron whispers beyond 58';

for (const backend of ['sqlite', 'postgres']) {
  test(`9. a passkey is added and resets a password (${backend})`, async () => {
    await journey('09-passkeys', { backend, host: 'localhost' }, async ({ stack, page, shot }) => {
      const { api, groupId } = await registeredPilotUser(stack);
      const policy = (await api('GET', '/api/v1/admin/policy')).body;
      const saved = await api('PUT', '/api/v1/admin/policy', {
        ...policy,
        methods_enabled: [...policy.methods_enabled, 'passkey'],
        passkeys: { counts_as_two: true },
        recovery_cooldown_hours: 0,
        group_ids: [groupId],
      });
      assert.equal(saved.status, 200, JSON.stringify(saved.body));

      const cdp = await page.context().newCDPSession(page);
      await cdp.send('WebAuthn.enable');
      const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
        options: {
          protocol: 'ctap2',
          transport: 'internal',
          hasResidentKey: true,
          hasUserVerification: true,
          isUserVerified: true,
          automaticPresenceSimulation: true,
        },
      });
      const site = { ...stack, url: stack.pageUrl };

      // Add a passkey: a change of security info, so first the step-up with the email code.
      await signIn(page, site, USER, USER_OWN_PASSWORD);
      await page.goto(`${stack.pageUrl}/security-info`);
      await page.getByRole('heading', { level: 1, name: 'My security info' }).waitFor();
      await page.getByLabel('Method to add').selectOption({ label: 'Passkey' });
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByLabel('Name').fill('This laptop');
      await page.getByRole('button', { name: 'Create a passkey' }).click();
      await page.getByRole('heading', { level: 2, name: 'Confirm it is you' }).waitFor();
      const before = sentCount(stack, USER_EMAIL);
      await page.getByRole('button', { name: /^Use Email/ }).click();
      await enterCode(page, await codeSince(stack, USER_EMAIL, before));
      await page.getByRole('status').filter({ hasText: 'You can change your security info for the next 10 minutes' }).waitFor();
      await page.getByRole('button', { name: 'Create a passkey' }).click();
      await page.getByRole('status').filter({ hasText: 'Passkey is set up.' }).waitFor();
      const list = page.getByRole('list', { name: 'Your methods' });
      await list.getByRole('listitem').filter({ hasText: 'This laptop' }).filter({ hasText: 'Active' }).waitFor();
      await shot('passkey-added');
      const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
      assert.equal(credentials.length, 1, 'the authenticator holds one passkey');
      // The person is told, with the passkey's name.
      for (let want = 1; ; want += 1) {
        const mails = await stack.smtp.waitFor(USER_EMAIL, want);
        if (mails.some((m) => m.text.includes('passkey "This laptop" added'))) break;
        want = mails.length;
      }

      // Reset with the passkey alone.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/\/signin$/);
      await page.getByRole('link', { name: "Can't access your account?" }).click();
      await startRecovery(page, USER);
      await pickRecoveryMethod(page, 'Passkey');
      await shot('passkey-step');
      await page.getByRole('button', { name: 'Use my passkey' }).click();
      await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
      await fillNewPassword(page, NEW_PASSWORD);
      await page.getByRole('button', { name: 'Reset password' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your password was reset' }).waitFor();
      await shot('reset-with-passkey');
      const { credentials: after } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
      assert.ok(after[0].signCount >= 1, 'the passkey was used');
      await signIn(page, site, USER, NEW_PASSWORD);
    });
  });
}
