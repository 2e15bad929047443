// Journey 12: no serious or critical WCAG 2.1 A/AA violation (axe-core) on any page — signed
// out, signed in and in the administration — left to right in English and right to left in
// Arabic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { journey, registeredPilotUser, registerAdmin, signIn, ADMIN, ADMIN_PASSWORD, USER, USER_OWN_PASSWORD } from '../lib/journey.mjs';
import { seriousViolations } from '../lib/axe.mjs';

const SIGNED_OUT = ['/signin', '/recover'];
const SIGNED_IN = ['/security-info', '/change-password'];
const ADMIN_PAGES = ['/admin/policy', '/admin/users', '/admin/groups', '/admin/audit', '/admin/activity'];

test('12. every page passes axe, left to right and right to left (sqlite)', async () => {
  await journey('12-accessibility', { backend: 'sqlite' }, async ({ stack, page, shot }) => {
    const { api } = await registeredPilotUser(stack);
    await registerAdmin(stack, api);
    const found = [];
    const check = async (paths, lang) => {
      for (const p of paths) {
        await page.goto(`${stack.url}${p}`);
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        assert.equal(await page.locator('html').getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr');
        for (const v of await seriousViolations(page)) found.push(`${lang} ${p}: ${v}`);
      }
    };
    const inArabic = () => page.context().addCookies([{ name: 'sspr_lang', value: 'ar', url: stack.url }]);

    await check(SIGNED_OUT, 'en');
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
