// Journey 8: people kept in Active Directory (a real Samba DC over LDAPS, the integration tests'
// own fixture; it needs root). As journey 7: a person of the directory signs in through the app,
// registers the mobile phone the directory keeps, resets a forgotten password — written to
// `unicodePwd`, and it binds in the DC itself — is locked out by the domain's policy after wrong
// passwords on the sign-in page, and unlocks through /recover (`lockoutTime` back to 0).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  journey, apiAs, setPilotPolicy, signIn, signInRefused, signOut, startRecovery, passCodeStep,
  fillNewPassword, sentCount, codeSince, enterCode,
} from '../lib/journey.mjs';
import { binds, ldapAdd, startFixture, unicodePwd } from '../lib/directory.mjs';

const PERSON = 'lee';
const PHONE = '+14155550401';
// The domain's complexity rule wants an upper-case letter too.
const NEW_PASSWORD = 'Granite meadow kestrel sings 58';

test('8. a person kept in Active Directory registers, resets and unlocks through the app (sqlite)', async () => {
  const dc = await startFixture('samba_fixture');
  const dn = `CN=${PERSON},${dc.ou}`;
  ldapAdd(dc, `dn: ${dn}\nobjectClass: user\nsAMAccountName: ${PERSON}\ndisplayName: Lee Person\n`
    + `mail: ${PERSON}@example.org\nmobile: ${PHONE}\nunicodePwd:: ${unicodePwd(dc.seed_password)}\nuserAccountControl: 512\n`);
  try {
    await journey('08-active-directory', { backend: 'sqlite', env: dc.env }, async ({ stack, page, shot }) => {
      // The OU's administrator is the one member of its SSPR Admins group; everyone is in scope.
      const api = await apiAs(stack.url, dc.admin, dc.seed_password);
      await setPilotPolicy(api, null, { scope: 'all', group_ids: [], methods_required: 1, methods_enabled: ['email', 'mobile_sms'] });

      // Registration: the number the directory keeps is suggested, and proved with a code.
      await signIn(page, stack, PERSON, dc.seed_password);
      await page.waitForURL(/\/register$/);
      await page.getByLabel('Method to add').selectOption({ label: 'Mobile phone (text message)' });
      await page.getByRole('button', { name: 'Continue' }).click();
      assert.equal(await page.getByLabel('Phone number').inputValue(), PHONE);
      await shot('phone-suggested-by-active-directory');
      const before = sentCount(stack, PHONE);
      await page.getByRole('button', { name: 'Send code' }).click();
      await enterCode(page, await codeSince(stack, PHONE, before));
      await page.getByRole('status').filter({ hasText: 'Mobile phone (text message) is set up.' }).waitFor();
      await signOut(page);

      // A forgotten password, reset in the DC.
      await page.goto(`${stack.url}/recover`);
      await startRecovery(page, PERSON, 'I forgot my password', { shot });
      await passCodeStep(page, stack, 'Mobile phone (text message)', PHONE);
      await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
      await fillNewPassword(page, NEW_PASSWORD);
      await page.getByRole('button', { name: 'Reset password' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your password was reset' }).waitFor();
      await shot('reset-in-active-directory');
      assert.equal(binds(dc, dn, NEW_PASSWORD, { whoami: false }), true, 'the new password binds in the DC');
      assert.equal(binds(dc, dn, dc.seed_password, { whoami: false }), false, 'the old one does not');

      // Wrong passwords lock the account in the DC (the domain's lockout policy); the app unlocks it.
      for (let i = 1; i <= 3; i += 1) {
        await signInRefused(page, stack, PERSON, `wrong password number ${i}`);
      }
      assert.equal(binds(dc, dn, NEW_PASSWORD, { whoami: false }), false, 'locked in the DC');
      await page.goto(`${stack.url}/recover?purpose=unlock_account`);
      await startRecovery(page, PERSON, "I know my password but still can't sign in");
      await passCodeStep(page, stack, 'Mobile phone (text message)', PHONE);
      await page.getByRole('button', { name: 'Unlock my account' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your account is unlocked' }).waitFor();
      await shot('unlocked-in-active-directory');
      assert.equal(binds(dc, dn, NEW_PASSWORD, { whoami: false }), true, 'unlocked in the DC');
      await signIn(page, stack, PERSON, NEW_PASSWORD);
      await page.getByRole('heading', { level: 1, name: 'My security info' }).waitFor();
    });
  } finally {
    await dc.stop();
  }
});
