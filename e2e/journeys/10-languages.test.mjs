// Journey 10: the app speaks the person's language. A browser that prefers German gets the
// reset wizard in German; the switcher (on every page, signed out too) turns it into Arabic,
// right to left, and the choice outlives a reload; English again restores the left-to-right
// page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { journey } from '../lib/journey.mjs';
import { message } from '../lib/catalogue.mjs';

test('10. the reset wizard in German and in Arabic (sqlite)', async () => {
  await journey('10-languages', { backend: 'sqlite' }, async ({ stack, page, shot }) => {
    await page.context().setExtraHTTPHeaders({ 'Accept-Language': 'de-DE,de;q=0.9' });
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'languages', { get: () => ['de-DE', 'de'] });
    });
    await page.goto(`${stack.url}/recover`);
    await page.getByRole('heading', { level: 1, name: message('de', 'recover-title') }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'de');
    await page.getByLabel(message('de', 'signin-username'), { exact: true }).fill('pat.pilot');
    await shot('german');

    // The switcher: Arabic, right to left; what was typed stays.
    await page.getByRole('combobox', { name: message('de', 'app-language') }).selectOption('ar');
    await page.getByRole('heading', { level: 1, name: message('ar', 'recover-title') }).waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.equal(await page.getByLabel(message('ar', 'signin-username'), { exact: true }).inputValue(), 'pat.pilot');
    await shot('arabic-rtl');

    // The choice outlives a reload, whatever the browser prefers.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: message('ar', 'recover-title') }).waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');

    await page.getByRole('combobox', { name: message('ar', 'app-language') }).selectOption('en');
    await page.getByRole('heading', { level: 1, name: "Can't access your account?" }).waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'ltr');
  });
});
