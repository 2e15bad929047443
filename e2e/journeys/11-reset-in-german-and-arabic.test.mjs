// Journey 11: a reset entirely in German, and one in Arabic (right to left). The person picks
// the language with the switcher on the reset page; every step speaks it, and the codes arrive
// in it by email and by text (the app asks the service for its language). Before the German
// reset an administrator words the German code email's subject in the Customization tab (the
// live preview names a wrong variable's line, then shows the subject), and the code arrives
// under that subject.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  journey, registeredPilotUser, registerAdmin, signIn, fillNewPassword, sentCount,
  ADMIN, ADMIN_PASSWORD, USER, USER_EMAIL, USER_PHONE,
} from '../lib/journey.mjs';
import { message } from '../lib/catalogue.mjs';

/** The code of the newest email to `address` after the first `since` (on a line of its own). */
async function emailCode(stack, address, since) {
  const mails = await stack.smtp.waitFor(address, since + 1);
  const mail = mails[mails.length - 1];
  const code = mail.text.match(/^\s+(\d{6,8})\s*$/m);
  assert.ok(code, `a code in ${mail.text}`);
  return { code: code[1], mail };
}

/** An administrator words the subject of the code email in `lang`, in the Customization tab. */
async function wordSubject(page, stack, api, lang, wording, expected, shot) {
  await registerAdmin(stack, api);
  await signIn(page, stack, ADMIN, ADMIN_PASSWORD);
  await page.goto(`${stack.url}/admin/policy`);
  await page.getByRole('tab', { name: 'Customization' }).click();
  await page.locator('#policy-messages-notice').selectOption('code_email');
  await page.locator('#policy-messages-language').selectOption(lang);
  const subject = page.getByLabel('Subject', { exact: true });
  await subject.fill('{{ organisation }}: Ihr Code');
  await page.getByTestId('message-preview-error').filter({ hasText: 'line 1: unknown variable `organisation`' }).waitFor();
  await subject.fill(wording);
  await page.getByTestId('message-preview-subject').filter({ hasText: expected }).waitFor();
  await shot('admin-wording');
  await page.getByRole('button', { name: 'Review and save' }).click();
  await page.getByRole('button', { name: 'Save the policy' }).click();
  await page.getByRole('status').filter({ hasText: 'The policy was saved.' }).waitFor();
  const saved = (await api('GET', '/api/v1/admin/policy')).body;
  assert.deepEqual(saved.customization.messages, [{ notice: 'code_email', language: lang, subject: wording }]);
  await page.context().clearCookies();
}

const cases = [
  { lang: 'de', name: 'Deutsch', dir: 'ltr', subject: 'Example Corp: Ihr Code zum Zurücksetzen', wording: '{{ org }}: Ihr Code zum Zurücksetzen', sms: /ist Ihr Bestätigungscode für Example Corp/, password: 'Kupferreiher flüstert jenseits 58' },
  { lang: 'ar', name: 'العربية', dir: 'rtl', subject: 'رمز التحقق الخاص بك من Example Corp', sms: /هو رمز التحقق الخاص بك من Example Corp/, password: 'نخلة القمر تغني بهدوء 58' },
];

for (const c of cases) {
  test(`11. a reset entirely in ${c.name} (sqlite)`, async () => {
    await journey(`11-reset-${c.lang}`, { backend: 'sqlite' }, async ({ stack, page, shot }) => {
      const { api } = await registeredPilotUser(stack);
      const t = (id) => message(c.lang, id);
      if (c.wording) await wordSubject(page, stack, api, c.lang, c.wording, c.subject, shot);

      await page.goto(`${stack.url}/recover`);
      await page.getByRole('combobox', { name: 'Language' }).selectOption(c.lang);
      await page.getByRole('heading', { level: 1, name: t('recover-title') }).waitFor();
      assert.equal(await page.locator('html').getAttribute('dir'), c.dir);
      await page.getByLabel(t('recover-username'), { exact: true }).fill(USER);
      await page.getByLabel(t('recover-purpose-reset_password')).check();
      const widget = page.locator('altcha-widget');
      await widget.getByText(message(c.lang, 'captcha-label')).click();
      await widget.locator('[data-state="verified"]').waitFor({ timeout: 30000 });
      await page.getByRole('button', { name: t('recover-start') }).click();
      await page.getByRole('heading', { level: 1, name: t('recover-verify_title') }).waitFor();
      await shot('methods');

      // Email: the code arrives in the language of the page.
      await page.getByRole('group', { name: t('recover-choose_method') }).getByLabel(new RegExp(`^${t('method-email')}`)).check();
      await page.getByRole('button', { name: t('action-continue') }).click();
      let before = sentCount(stack, USER_EMAIL);
      await page.getByRole('button', { name: t('recover-send_code') }).click();
      const { code, mail } = await emailCode(stack, USER_EMAIL, before);
      assert.equal(mail.subject, c.subject);
      await page.getByLabel(t('code-label'), { exact: true }).fill(code);
      await page.getByRole('button', { name: t('action-verify') }).click();
      await page.getByRole('heading', { level: 1, name: t('recover-verify_second') }).waitFor();

      // Text message: in the language too.
      await page.getByRole('group', { name: t('recover-choose_method') }).getByLabel(new RegExp(`^${t('method-mobile_sms').replace(/[()]/g, '\\$&')}`)).check();
      await page.getByRole('button', { name: t('action-continue') }).click();
      before = sentCount(stack, USER_PHONE);
      await page.getByRole('button', { name: t('recover-send_code') }).click();
      const sms = await stack.gateway.smsCode(USER_PHONE, before + 1);
      const text = stack.gateway.messages.filter((m) => m.To === USER_PHONE).at(-1).Body;
      assert.match(text, c.sms);
      await page.getByLabel(t('code-label'), { exact: true }).fill(sms);
      await page.getByRole('button', { name: t('action-verify') }).click();

      await page.getByRole('heading', { level: 1, name: t('recover-new_password_title') }).waitFor();
      await fillNewPassword(page, c.password, { newLabel: t('password-new'), confirmLabel: t('password-confirm') });
      await page.getByRole('button', { name: t('recover-set_password') }).click();
      await page.getByRole('heading', { level: 1, name: t('recover-done-password_title') }).waitFor();
      await shot('done');
    });
  });
}
