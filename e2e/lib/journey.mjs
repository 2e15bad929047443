// Shared steps of the browser journeys: one stack + one browser page per journey, the API
// set-up steps that are not the subject of a journey, and the screens every journey goes through.
import assert from 'node:assert/strict';
import { startStack, apiAs, ADMIN, ADMIN_PASSWORD } from './stack.mjs';
import { launch, page as newPage } from './browser.mjs';

export { ADMIN, ADMIN_PASSWORD, apiAs };

/** Timeout for one UI expectation: generous, since a failure is a failure either way. */
export const T = 15000;

export const USER = 'pat.pilot';
export const USER_NAME = 'Pat Pilot';
export const USER_PASSWORD = 'initial admin-set passphrase 7';
export const USER_OWN_PASSWORD = 'violet harbour lantern quietly 42';
export const USER_EMAIL = 'pat.pilot@home.example';
export const USER_PHONE = '+14155550123';
export const ADMIN_EMAIL = 'it-admin@home.example';
export const ADMIN_PHONE = '+14155550199';

/** A whole journey takes well under a minute; past this it is stuck, and says where. */
export const JOURNEY_TIMEOUT = 180000;

/**
 * Runs `body({stack, page, shot, api})` with a fresh stack and browser page; stops both in any
 * case and keeps the trace only when the journey failed. A journey that fails or runs past
 * JOURNEY_TIMEOUT reports the page it was on and the end of the service's log.
 */
export async function journey(name, { backend = 'sqlite', env = {}, host } = {}, body) {
  const stack = await startStack({ backend, env, host });
  let browser;
  let p;
  let ok = false;
  let timer;
  try {
    browser = await launch();
    p = await newPage(browser, `${name}-${backend}`);
    p.page.setDefaultTimeout(T);
    const stuck = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${name} (${backend}) did not finish within ${JOURNEY_TIMEOUT / 1000} s`)), JOURNEY_TIMEOUT);
    });
    await Promise.race([body({ stack, page: p.page, shot: p.shot, backend }), stuck]);
    ok = true;
  } catch (e) {
    const at = p ? p.page.url() : '(no page)';
    const mails = stack.smtp.mails.map((m) => `${m.to.join(',')}: ${m.subject}`).join('\n  ');
    console.error(`${name} (${backend}) failed on ${at}: ${e.message}\nmails:\n  ${mails}\n`
      + `texts: ${stack.gateway.messages.length}\nthe service's log ends:\n${stack.logTail()}`);
    throw e;
  } finally {
    clearTimeout(timer);
    // Each clean-up step is bounded, so one stuck step cannot keep the run from ending.
    const bounded = (what, promise) => Promise.race([
      promise,
      new Promise((resolve) => setTimeout(() => { console.error(`${what} did not end within 30 s`); resolve(); }, 30000).unref()),
    ]);
    try {
      if (p) await bounded('keeping the trace', p.finish(ok));
    } finally {
      try {
        if (browser) await bounded('closing the browser', browser.close());
      } finally {
        await stack.stop();
      }
    }
  }
}

/** The bootstrap administrator's API client, for set-up steps. */
export async function adminApi(stack) {
  return apiAs(stack.url, ADMIN, ADMIN_PASSWORD);
}

/** How many emails (or text messages) went to this address (or number) so far. */
export function sentCount(stack, destination) {
  return destination.includes('@')
    ? stack.smtp.mailsTo(destination).length
    : stack.gateway.messages.filter((m) => m.To === destination).length;
}

/**
 * The code in the newest verification message to `destination` sent after the first `since`
 * messages (other emails, such as "security info changed" notices, are skipped).
 */
export async function codeSince(stack, destination, since) {
  if (!destination.includes('@')) return stack.gateway.smsCode(destination, since + 1);
  let want = since + 1;
  for (;;) {
    const mails = await stack.smtp.waitFor(destination, want);
    const codes = mails.slice(since).map((m) => m.text.match(/verification code is:\s*(\d+)/)).filter(Boolean);
    if (codes.length > 0) return codes[codes.length - 1][1];
    want = mails.length + 1;
  }
}

/** Adds and verifies a code method (email or mobile_sms) through the API as `api`'s person. */
export async function addCodeMethod(stack, api, kind, destination) {
  const before = sentCount(stack, destination);
  const added = await api('POST', '/api/v1/me/methods', kind === 'email' ? { kind, email: destination } : { kind, phone: destination });
  assert.equal(added.status, 201, `adding ${kind}: ${JSON.stringify(added.body)}`);
  const code = await codeSince(stack, destination, before);
  const verified = await api('POST', `/api/v1/me/methods/${added.body.method_id}/verify`, { code });
  assert.ok(verified.status < 300, `verifying ${kind}: ${verified.status} ${JSON.stringify(verified.body)}`);
  return added.body.method_id;
}

/** The administrator's two methods (administrators always need two), set up through the API. */
export async function registerAdmin(stack, api) {
  await addCodeMethod(stack, api, 'mobile_sms', ADMIN_PHONE);
  await addCodeMethod(stack, api, 'email', ADMIN_EMAIL);
}

/** Creates a user with an administrator-set password; returns its id. */
export async function createUser(api, username = USER, { email = USER_EMAIL, name = USER_NAME, password = USER_PASSWORD } = {}) {
  const res = await api('POST', '/api/v1/admin/users', { username, display_name: name, email, password });
  assert.equal(res.status, 201, `creating ${username}: ${JSON.stringify(res.body)}`);
  return res.body.user_id;
}

/** Creates the pilot group with these members; returns its id. */
export async function createPilotGroup(api, userIds, name = 'Pilot') {
  const res = await api('POST', '/api/v1/admin/groups', { name, description: 'First wave of self-service reset' });
  assert.equal(res.status, 201, `creating the group: ${JSON.stringify(res.body)}`);
  const members = await api('PUT', `/api/v1/admin/groups/${res.body.group_id}/members`, { user_ids: userIds });
  assert.ok(members.status < 300, `adding members: ${members.status} ${JSON.stringify(members.body)}`);
  return res.body.group_id;
}

/** The pilot policy through the API (for journeys whose subject is not the policy page). */
export async function setPilotPolicy(api, groupId, change = {}) {
  const policy = (await api('GET', '/api/v1/admin/policy')).body;
  const res = await api('PUT', '/api/v1/admin/policy', {
    ...policy,
    scope: 'selected',
    group_ids: [groupId],
    methods_required: 2,
    methods_enabled: ['email', 'mobile_sms', 'authenticator_app'],
    ...change,
  });
  assert.equal(res.status, 200, `saving the policy: ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * A pilot user who registered email and mobile phone and chose their own password, all through
 * the API: the starting point of the reset, unlock and refusal journeys.
 */
export async function registeredPilotUser(stack, { username = USER, email = USER_EMAIL, phone = USER_PHONE } = {}) {
  const api = await adminApi(stack);
  const userId = await createUser(api, username, { email });
  const groupId = await createPilotGroup(api, [userId]);
  await setPilotPolicy(api, groupId);
  let user = await apiAs(stack.url, username, USER_PASSWORD);
  const changed = await user('POST', '/api/v1/me/password', { current_password: USER_PASSWORD, new_password: USER_OWN_PASSWORD });
  assert.ok(changed.status < 300, `changing the password: ${changed.status} ${JSON.stringify(changed.body)}`);
  user = await apiAs(stack.url, username, USER_OWN_PASSWORD);
  await addCodeMethod(stack, user, 'email', email);
  await addCodeMethod(stack, user, 'mobile_sms', phone);
  const me = (await user('GET', '/api/v1/me')).body;
  assert.equal(me.registration.compliant, true, `the user is registered: ${JSON.stringify(me.registration)}`);
  return { api, userId, groupId };
}

/** Signs in on the sign-in page; resolves once the app has moved on from it. */
export async function signIn(page, stack, username, password) {
  await page.goto(`${stack.url}/signin`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/(register|security-info|change-password)$/);
}

/** Signs in and expects a refusal: returns the alert's text. */
export async function signInRefused(page, stack, username, password) {
  await page.goto(`${stack.url}/signin`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.locator('#signin-error');
  await alert.waitFor();
  return alert.innerText();
}

/**
 * On /recover: types the username, picks the purpose, solves the proof-of-work CAPTCHA in the
 * browser (waiting for the widget's verified state) and goes on to the first method step.
 */
export async function startRecovery(page, username, purposeLabel = 'I forgot my password', { shot } = {}) {
  await page.getByRole('heading', { level: 1, name: "Can't access your account?" }).waitFor();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel(purposeLabel).check();
  await solveCaptcha(page);
  if (shot) await shot('captcha-solved');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('heading', { level: 1, name: 'Prove it is you' }).waitFor();
}

/** Starts the ALTCHA proof of work and waits for the widget to say it is verified. */
export async function solveCaptcha(page) {
  const widget = page.locator('altcha-widget');
  // A person clicks the label (the box's check mark sits on top of the input itself).
  await widget.getByText("I'm not a robot").click();
  await widget.locator('[data-state="verified"]').waitFor({ timeout: 30000 });
  await widget.getByText('Checked').waitFor();
}

/** Picks a method in the recovery method list by its name (e.g. "Email", "Mobile phone (text message)"). */
export async function pickRecoveryMethod(page, name) {
  await page.getByRole('group', { name: 'Choose a method' }).getByLabel(new RegExp(`^${escape(name)}`)).check();
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Sends the code of the chosen method, waits for the code field; returns the code sent. */
export async function sendRecoveryCode(page, stack, destination) {
  const before = sentCount(stack, destination);
  await page.getByRole('button', { name: 'Send code' }).click();
  await page.getByLabel('Code', { exact: true }).waitFor();
  return codeSince(stack, destination, before);
}

/** Passes one recovery method step with the code sent to `destination`. */
export async function passCodeStep(page, stack, methodName, destination, shot) {
  await pickRecoveryMethod(page, methodName);
  const code = await sendRecoveryCode(page, stack, destination);
  if (shot) await shot(`code-${destination.includes('@') ? 'email' : 'sms'}`);
  await enterCode(page, code);
}

/** The reset of `username` through /recover with email and SMS, up to the new-password step. */
export async function recoverWithEmailAndSms(page, stack, username, purposeLabel, { email = USER_EMAIL, phone = USER_PHONE, shot } = {}) {
  await startRecovery(page, username, purposeLabel, { shot });
  await page.getByText('Step 2 of 4').waitFor();
  if (shot) await shot('methods');
  await passCodeStep(page, stack, 'Email', email, shot);
  await page.getByRole('heading', { level: 1, name: 'Now prove it with a second method' }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Verified. 1 more to go.' }).waitFor();
  await page.getByText('Step 3 of 4').waitFor();
  await passCodeStep(page, stack, 'Mobile phone (text message)', phone);
  await page.getByText('Step 4 of 4').waitFor();
}

/** Fills the new password twice (on /recover or /change-password). */
export async function fillNewPassword(page, password, { newLabel = 'New password', confirmLabel = 'Confirm new password' } = {}) {
  await page.getByLabel(newLabel, { exact: true }).fill(password);
  await page.getByLabel(confirmLabel, { exact: true }).fill(password);
}

/** Signs out with the header button. */
export async function signOut(page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/signin$/);
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByText('You have signed out.').waitFor();
  await page.getByRole('button', { name: 'Sign out' }).waitFor({ state: 'detached' });
}

export async function enterCode(page, code, label = 'Code') {
  await page.getByLabel(label, { exact: true }).fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
}

export function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Waits for an email to `address` whose subject matches `subject`; returns it. */
export async function mailWithSubject(stack, address, subject) {
  for (let want = 1; ; want += 1) {
    const mails = await stack.smtp.waitFor(address, want);
    const found = mails.find((m) => subject.test(m.subject));
    if (found) return found;
    want = mails.length;
  }
}

/** Opens an administration section by its link in the section navigation. */
export async function openAdminSection(page, stack, section, heading) {
  void stack;
  const nav = page.getByRole('navigation', { name: 'Administration sections' });
  if (!(await nav.isVisible().catch(() => false))) {
    await page.getByRole('link', { name: 'Administration' }).click();
    await nav.waitFor();
  }
  await nav.getByRole('link', { name: heading }).click();
  await page.waitForURL(new RegExp(`/admin/${section}$`));
  await page.getByRole('heading', { level: 2, name: heading }).waitFor();
}
