// Journey 4: a registered user locks the account with ten wrong passwords on the sign-in page,
// unlocks it through /recover ("I know my password but still can't sign in") without changing the
// password, and signs in with the same password.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  journey, registeredPilotUser, recoverWithEmailAndSms, signIn, USER, USER_OWN_PASSWORD,
} from '../lib/journey.mjs';

test('4. the user unlocks a locked account without a new password (sqlite)', async () => {
  await journey('04-unlock', { backend: 'sqlite' }, async ({ stack, page, shot }) => {
    const { api, userId } = await registeredPilotUser(stack);

    await page.goto(`${stack.url}/signin`);
    const error = page.locator('#signin-error');
    for (let i = 1; i <= 10; i += 1) {
      await page.getByLabel('Username').fill(USER);
      await page.getByLabel('Password', { exact: true }).fill(`wrong password number ${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      // Each answer empties the password field and shows the refusal.
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      await error.waitFor();
      await page.waitForFunction(() => document.querySelector('#signin-password')?.value === '');
    }
    // Now even the right password is refused: the account is locked.
    await page.getByLabel('Password', { exact: true }).fill(USER_OWN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await error.filter({ hasText: /^Your account is locked after too many failed sign-ins\. Try again in .+, or unlock it now\.$/ }).waitFor();
    await shot('locked');
    const locked = (await api('GET', `/api/v1/admin/users/${userId}`)).body;
    assert.ok(locked.locked_until, `the account is locked: ${JSON.stringify(locked)}`);

    await page.getByRole('link', { name: 'Unlock my account' }).click();
    await page.waitForURL(/\/recover\?purpose=unlock_account$/);
    assert.equal(await page.getByLabel("I know my password but still can't sign in").isChecked(), true);
    await recoverWithEmailAndSms(page, stack, USER, "I know my password but still can't sign in", { shot });

    await page.getByRole('heading', { level: 1, name: 'Unlock your account' }).waitFor();
    await page.getByText('You have proved who you are. Unlock your account to sign in again with your current password.').waitFor();
    await shot('unlock-step');
    await page.getByRole('button', { name: 'Unlock my account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account is unlocked' }).waitFor();
    await page.getByText('Your account is unlocked — sign in with your password.').waitFor();
    await shot('unlocked');

    await page.getByRole('link', { name: 'Go to sign in' }).click();
    await page.waitForURL(/\/signin$/);
    await signIn(page, stack, USER, USER_OWN_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'My security info' }).waitFor();
    await shot('signed-in-with-old-password');
  });
});
