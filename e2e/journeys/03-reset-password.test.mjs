// Journey 3: signed out, the user resets a forgotten password through "Can't access your
// account?": CAPTCHA, two verification steps (email, SMS), a weak password refused with the rules
// shown, a strong one accepted; the new password signs in, the old one no longer does, and the
// "password was reset" email arrives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  journey, registeredPilotUser, recoverWithEmailAndSms, fillNewPassword, signIn, signInRefused, mailWithSubject,
  USER, USER_EMAIL, USER_OWN_PASSWORD,
} from '../lib/journey.mjs';

const NEW_PASSWORD = 'marble falcon orchard drifts 93';
const WEAK_PASSWORD = 'password1234';

for (const backend of ['sqlite', 'postgres']) {
  test(`3. the user resets a forgotten password (${backend})`, async () => {
    await journey('03-reset', { backend }, async ({ stack, page, shot }) => {
      await registeredPilotUser(stack);

      await page.goto(`${stack.url}/signin`);
      await page.getByRole('link', { name: "Can't access your account?" }).click();
      await page.waitForURL(/\/recover$/);
      await shot('recover-start');
      await recoverWithEmailAndSms(page, stack, USER, 'I forgot my password', { shot });

      // The last step: the rules are shown, a weak password is refused by the API.
      await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
      await page.getByText('Your new password must:').waitFor();
      await fillNewPassword(page, WEAK_PASSWORD);
      await page.getByRole('listitem').filter({ hasText: 'be at least 12 characters long' }).filter({ hasText: '(done)' }).waitFor();
      await page.getByRole('listitem').filter({ hasText: 'be hard to guess' }).filter({ hasText: '(not yet)' }).waitFor();
      await page.getByRole('button', { name: 'Reset password' }).click();
      const refusal = page.locator('#recover-new-error');
      await refusal.waitFor();
      const reason = await refusal.innerText();
      assert.match(reason, /too common|too easy to guess/, reason);
      assert.equal(await page.getByLabel('New password', { exact: true }).getAttribute('aria-invalid'), 'true');
      await shot('weak-password-refused');

      await fillNewPassword(page, NEW_PASSWORD);
      await page.getByRole('listitem').filter({ hasText: 'be hard to guess' }).filter({ hasText: '(done)' }).waitFor();
      await page.getByRole('button', { name: 'Reset password' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your password was reset' }).waitFor();
      await page.getByText('Your password was reset — sign in with it.').waitFor();
      await shot('reset-done');

      // The notice email.
      const notice = await mailWithSubject(stack, USER_EMAIL, /password was reset/);
      assert.equal(notice.subject, 'Your Example Corp password was reset');

      // The old password no longer works; the new one does.
      await page.getByRole('link', { name: 'Go to sign in' }).click();
      await page.waitForURL(/\/signin$/);
      const old = await signInRefused(page, stack, USER, USER_OWN_PASSWORD);
      assert.equal(old, 'The username or password is not correct.');
      await shot('old-password-refused');
      await signIn(page, stack, USER, NEW_PASSWORD);
      await page.getByRole('heading', { level: 1, name: 'My security info' }).waitFor();
      await page.getByText('Methods set up: 2. Required: 2.').waitFor();
      await shot('signed-in-with-new-password');
    });
  });
}
