// Takes the screenshots linked from the README (docs/screenshots/admin-*.png): the real API
// serving the built SPA, with a little data, in Debian's Chromium.
//   CARGO_TARGET_DIR=… node e2e/screenshots.mjs
import path from 'node:path';
import { startStack, apiAs, ADMIN, ADMIN_PASSWORD, root } from './lib/stack.mjs';
import { launch } from './lib/browser.mjs';

const out = path.join(root, 'docs', 'screenshots');
const stack = await startStack();
try {
  const api = await apiAs(stack.url, ADMIN, ADMIN_PASSWORD);
  const group = (await api('POST', '/api/v1/admin/groups', { name: 'Pilot', description: 'First wave' })).body;
  const users = [];
  for (const name of ['alice', 'bob', 'carol', 'dave']) {
    users.push((await api('POST', '/api/v1/admin/users', { username: name, display_name: `${name[0].toUpperCase()}${name.slice(1)} Example`, email: `${name}@example.com`, password: 'a long enough user password' })).body);
  }
  await api('PUT', `/api/v1/admin/groups/${group.group_id}/members`, { user_ids: users.slice(0, 3).map((u) => u.user_id) });
  const policy = (await api('GET', '/api/v1/admin/policy')).body;
  await api('PUT', '/api/v1/admin/policy', { ...policy, scope: 'selected', group_ids: [group.group_id], methods_required: 1 });
  // alice registers a phone and resets once, so the charts have something to show.
  const alice = await apiAs(stack.url, 'alice', 'a long enough user password');
  const m = (await alice('POST', '/api/v1/me/methods', { kind: 'mobile_sms', phone: '+14155550100' })).body;
  await alice('POST', `/api/v1/me/methods/${m.method_id}/verify`, { code: await stack.gateway.smsCode('+14155550100') });

  // The administrator registers two methods first (the app sends unregistered people through
  // registration before anything else).
  const sms = (await api('POST', '/api/v1/me/methods', { kind: 'mobile_sms', phone: '+14155550199' })).body;
  await api('POST', `/api/v1/me/methods/${sms.method_id}/verify`, { code: await stack.gateway.smsCode('+14155550199') });
  const mail = (await api('POST', '/api/v1/me/methods', { kind: 'email', email: 'it-admin@home.example' })).body;
  await api('POST', `/api/v1/me/methods/${mail.method_id}/verify`, { code: await stack.smtp.codeFor('it-admin@home.example') });

  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${stack.url}/signin`);
  await page.getByLabel('Username').fill(ADMIN);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/(register|security-info|change-password)/);
  for (const [route, file] of [['/admin/policy', 'admin-policy'], ['/admin/users', 'admin-users'], ['/admin/groups', 'admin-groups'], ['/admin/audit', 'admin-audit'], ['/admin/activity', 'admin-activity']]) {
    await page.goto(`${stack.url}${route}`);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(out, `${file}.png`), fullPage: true });
  }
  await page.goto(`${stack.url}/admin/policy`);
  await page.getByRole('tab', { name: /Authentication methods/ }).click({ timeout: 5000 }).catch(() => {});
  await page.screenshot({ path: path.join(out, 'admin-policy-methods.png'), fullPage: true });
  await browser.close();
  console.log('screenshots written to', out);
} finally {
  await stack.stop();
}
