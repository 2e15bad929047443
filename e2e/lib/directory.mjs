// The directory fixtures of the integration tests, for the journeys: `examples/slapd_fixture`
// (OpenLDAP) and `examples/samba_fixture` (a Samba AD DC), built by `make test-e2e`. Each prints
// its settings on one line and runs until its standard input closes.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import {
  signIn, signInRefused, signOut, startRecovery, passCodeStep, fillNewPassword, sentCount, codeSince, enterCode,
} from './journey.mjs';
import { root } from './stack.mjs';

export async function startFixture(name) {
  const target = process.env.CARGO_TARGET_DIR || path.join(root, 'target');
  const child = spawn(path.join(target, 'debug', 'examples', name), [], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: child.stdout });
  const first = await Promise.race([
    new Promise((resolve) => lines.once('line', resolve)),
    new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)))),
  ]);
  const exited = new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
  return {
    ...JSON.parse(first),
    stop: async () => {
      child.stdin.end();
      await Promise.race([exited, new Promise((r) => setTimeout(() => { child.kill('SIGKILL'); r(); }, 20000).unref())]);
    },
  };
}

const ldapEnv = (fixture) => ({ ...process.env, LDAPTLS_CACERT: fixture.ca_file });

/** Whether `password` binds as `dn` in the directory itself: `ldapwhoami` where the server has
 * the Who am I? operation (slapd), a bind by `ldapsearch` where it has not (Samba). */
export function binds(fixture, dn, password, { whoami = true } = {}) {
  const starttls = fixture.url.startsWith('ldap://') ? ['-ZZ'] : [];
  const argv = whoami
    ? ['ldapwhoami', ['-x', ...starttls, '-H', fixture.url, '-D', dn, '-w', password]]
    : ['ldapsearch', ['-x', ...starttls, '-H', fixture.url, '-D', dn, '-w', password, '-b', '', '-s', 'base', '1.1']];
  try {
    execFileSync(argv[0], argv[1], { env: ldapEnv(fixture), stdio: 'ignore', timeout: 10000 });
    return true;
  } catch {
    return false;
  }
}

/** Adds entries as the fixture's service account. */
export function ldapAdd(fixture, ldif) {
  const starttls = fixture.url.startsWith('ldap://') ? ['-ZZ'] : [];
  execFileSync('ldapadd', ['-x', ...starttls, '-H', fixture.url, '-D', fixture.bind_dn, '-w', fixture.bind_password], {
    env: ldapEnv(fixture), input: ldif, stdio: ['pipe', 'ignore', 'inherit'], timeout: 20000,
  });
}

/** `"password"` in UTF-16LE, base64: Active Directory's `unicodePwd`. */
export function unicodePwd(password) {
  return Buffer.from(`"${password}"`, 'utf16le').toString('base64');
}

/**
 * What a person of a directory does through the app, the same on every directory: signs in (a
 * bind), registers the mobile phone the form suggests from the directory, resets a forgotten
 * password through /recover (it must then bind in the directory, the old one not), is locked by
 * the directory's own policy after `lockAfter` wrong passwords on the sign-in page, and unlocks
 * through /recover. `bindsAs(password)` asks the directory itself.
 */
export async function registerResetUnlock({ stack, page, shot }, { person, phone, password, newPassword, lockAfter, bindsAs }) {
  // Registration: the number the directory keeps is suggested, and proved with a code.
  await signIn(page, stack, person, password);
  await page.waitForURL(/\/register$/);
  await page.getByLabel('Method to add').selectOption({ label: 'Mobile phone (text message)' });
  await page.getByRole('button', { name: 'Continue' }).click();
  assert.equal(await page.getByLabel('Phone number').inputValue(), phone);
  await shot('phone-suggested-by-the-directory');
  const before = sentCount(stack, phone);
  await page.getByRole('button', { name: 'Send code' }).click();
  await enterCode(page, await codeSince(stack, phone, before));
  await page.getByRole('status').filter({ hasText: 'Mobile phone (text message) is set up.' }).waitFor();
  await signOut(page);

  // A forgotten password, reset in the directory.
  await page.goto(`${stack.url}/recover`);
  await startRecovery(page, person, 'I forgot my password', { shot });
  await passCodeStep(page, stack, 'Mobile phone (text message)', phone);
  await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
  await fillNewPassword(page, newPassword);
  await page.getByRole('button', { name: 'Reset password' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your password was reset' }).waitFor();
  await shot('reset-in-the-directory');
  assert.equal(bindsAs(newPassword), true, 'the new password binds in the directory');
  assert.equal(bindsAs(password), false, 'the old one does not');

  // Wrong passwords lock the account in the directory (its own policy); the app unlocks it.
  for (let i = 1; i <= lockAfter; i += 1) {
    await signInRefused(page, stack, person, `Wrong password number ${i}`);
  }
  assert.equal(bindsAs(newPassword), false, 'locked in the directory');
  await page.goto(`${stack.url}/recover?purpose=unlock_account`);
  await startRecovery(page, person, "I know my password but still can't sign in");
  await passCodeStep(page, stack, 'Mobile phone (text message)', phone);
  await page.getByRole('button', { name: 'Unlock my account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your account is unlocked' }).waitFor();
  await shot('unlocked-in-the-directory');
  assert.equal(bindsAs(newPassword), true, 'unlocked in the directory');
  await signIn(page, stack, person, newPassword);
  await page.getByRole('heading', { level: 1, name: 'My security info' }).waitFor();
}
