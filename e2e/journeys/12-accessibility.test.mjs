// Journey 12: no serious or critical WCAG 2.1 A/AA violation (axe-core) on any page — signed
// out, signed in and in the administration (with the policy's Customization tab, where the
// wording of messages is edited) — left to right in English and right to left in Arabic, each
// in the light and the dark theme (the device's `prefers-color-scheme`); and the theme switcher
// overrides the device.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { journey, registeredPilotUser, registerAdmin, signIn, ADMIN, ADMIN_PASSWORD, USER, USER_OWN_PASSWORD } from '../lib/journey.mjs';
import { seriousViolations } from '../lib/axe.mjs';
import { message } from '../lib/catalogue.mjs';

const SIGNED_OUT = ['/signin', '/recover'];
const SIGNED_IN = ['/security-info', '/change-password'];
const ADMIN_PAGES = ['/admin/policy', '/admin/users', '/admin/groups', '/admin/audit', '/admin/activity', '/admin/keys', '/admin/webhooks'];

test('12. every page passes axe, left to right and right to left (sqlite)', async () => {
  await journey('12-accessibility', { backend: 'sqlite' }, async ({ stack, page, shot }) => {
    const { api } = await registeredPilotUser(stack);
    await registerAdmin(stack, api);
    const found = [];
    const axe = async (where) => {
      for (const colorScheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme });
        for (const v of await seriousViolations(page)) found.push(`${where} ${colorScheme}: ${v}`);
      }
      await page.emulateMedia({ colorScheme: 'light' });
    };
    const check = async (paths, lang) => {
      for (const p of paths) {
        await page.goto(`${stack.url}${p}`);
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        assert.equal(await page.locator('html').getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr');
        await axe(`${lang} ${p}`);
        if (p === '/admin/policy') {
          await page.getByRole('tab', { name: message(lang, 'admin-policy-tab-customization') }).click();
          await page.getByTestId('message-preview').waitFor();
          await axe(`${lang} ${p} customization`);
        }
      }
    };
    const inArabic = () => page.context().addCookies([{ name: 'sspr_lang', value: 'ar', url: stack.url }]);

    await check(SIGNED_OUT, 'en');

    // The device says dark: the page is dark; the switcher makes it light, and keeps it so.
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${stack.url}/signin`);
    await page.locator('h1').first().waitFor();
    assert.equal(await background(), 'rgb(20, 23, 28)');
    await shot('signin-dark');
    await page.getByRole('combobox', { name: 'Colours' }).selectOption('light');
    assert.equal(await background(), 'rgb(245, 246, 248)');
    await page.reload();
    await page.locator('h1').first().waitFor();
    assert.equal(await background(), 'rgb(245, 246, 248)');
    await page.getByRole('combobox', { name: 'Colours' }).selectOption('system');
    assert.equal(await background(), 'rgb(20, 23, 28)');
    await page.emulateMedia({ colorScheme: 'light' });

    await inArabic();
    await check(SIGNED_OUT, 'ar');
    await shot('signed-out-rtl');

    await page.context().clearCookies();
    await signIn(page, stack, USER, USER_OWN_PASSWORD);
    await check(SIGNED_IN, 'en');
    await inArabic();
    await check(SIGNED_IN, 'ar');

    await page.context().clearCookies();
    await signIn(page, stack, ADMIN, ADMIN_PASSWORD);
    await check(ADMIN_PAGES, 'en');
    await inArabic();
    await check(ADMIN_PAGES, 'ar');
    await shot('admin-rtl');

    assert.deepEqual(found, []);
  });
});
