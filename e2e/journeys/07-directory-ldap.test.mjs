// Journey 7: people kept in OpenLDAP (a real slapd, the integration tests' own fixture). A person
// of the directory signs in through the app (a bind as them), registers the mobile phone the
// form suggests from the directory, resets a forgotten password through /recover — and the new
// password binds in slapd itself (ldapwhoami) — then locks the account in slapd with wrong
// passwords on the sign-in page and unlocks it through /recover.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  journey, apiAs, setPilotPolicy, signIn, signInRefused, signOut, startRecovery, passCodeStep,
  fillNewPassword, sentCount, codeSince, enterCode,
} from '../lib/journey.mjs';
import { binds, startFixture } from '../lib/directory.mjs';

const PERSON = 'lee';
const PHONE = '+14155550301';
const NEW_PASSWORD = 'granite meadow kestrel sings 58';

test('7. a person kept in OpenLDAP registers, resets and unlocks through the app (sqlite)', async () => {
  const slapd = await startFixture('slapd_fixture');
  const dn = slapd.people.find((p) => p.username === PERSON).dn;
  try {
    await journey('07-ldap', { backend: 'sqlite', env: slapd.env }, async ({ stack, page, shot }) => {
      // Dana administers through the directory's sspr-admins group; staff are in scope.
      const api = await apiAs(stack.url, 'dana', slapd.seed_password);
      const groups = (await api('GET', '/api/v1/admin/groups')).body.items;
      const staff = groups.find((g) => g.name === 'staff');
      assert.ok(staff, `the directory's groups: ${JSON.stringify(groups)}`);
      await setPilotPolicy(api, staff.group_id, { methods_required: 1, methods_enabled: ['email', 'mobile_sms'] });

      // Registration: the number the directory keeps is suggested, and proved with a code.
      await signIn(page, stack, PERSON, slapd.seed_password);
      await page.waitForURL(/\/register$/);
      await page.getByLabel('Method to add').selectOption({ label: 'Mobile phone (text message)' });
      await page.getByRole('button', { name: 'Continue' }).click();
      assert.equal(await page.getByLabel('Phone number').inputValue(), PHONE);
      await shot('phone-suggested-by-the-directory');
      const before = sentCount(stack, PHONE);
      await page.getByRole('button', { name: 'Send code' }).click();
      await enterCode(page, await codeSince(stack, PHONE, before));
      await page.getByRole('status').filter({ hasText: 'Mobile phone (text message) is set up.' }).waitFor();
      await signOut(page);

      // A forgotten password, reset in slapd.
      await page.goto(`${stack.url}/recover`);
      await startRecovery(page, PERSON, 'I forgot my password', { shot });
      await passCodeStep(page, stack, 'Mobile phone (text message)', PHONE);
      await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
      await fillNewPassword(page, NEW_PASSWORD);
      await page.getByRole('button', { name: 'Reset password' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your password was reset' }).waitFor();
      await shot('reset-in-the-directory');
      assert.equal(binds(slapd, dn, NEW_PASSWORD), true, 'the new password binds in slapd');
      assert.equal(binds(slapd, dn, slapd.seed_password), false, 'the old one does not');

      // Wrong passwords lock the account in slapd (its password policy); the app unlocks it.
      for (let i = 1; i <= 3; i += 1) {
        await signInRefused(page, stack, PERSON, `wrong password number ${i}`);
      }
      assert.equal(binds(slapd, dn, NEW_PASSWORD), false, 'locked in slapd');
      await page.goto(`${stack.url}/recover?purpose=unlock_account`);
      await startRecovery(page, PERSON, "I know my password but still can't sign in");
      await passCodeStep(page, stack, 'Mobile phone (text message)', PHONE);
      await page.getByRole('button', { name: 'Unlock my account' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your account is unlocked' }).waitFor();
      await shot('unlocked-in-the-directory');
      assert.equal(binds(slapd, dn, NEW_PASSWORD), true, 'unlocked in slapd');
      await signIn(page, stack, PERSON, NEW_PASSWORD);
      await page.getByRole('heading', { level: 1, name: 'My security info' }).waitFor();
    });
  } finally {
    await slapd.stop();
  }
});
