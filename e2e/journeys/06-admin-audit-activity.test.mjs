// Journey 6: after a self-service reset, the administrator sees it in the audit log (recovery
// and sign-in rows) and the activity page counts it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  journey, registeredPilotUser, registerAdmin, recoverWithEmailAndSms, fillNewPassword, signIn, signOut, openAdminSection,
  ADMIN, ADMIN_PASSWORD, USER,
} from '../lib/journey.mjs';

test('6. the administrator sees the reset in the audit log and the activity charts (sqlite)', async () => {
  await journey('06-audit-activity', { backend: 'sqlite' }, async ({ stack, page, shot }) => {
    const { api } = await registeredPilotUser(stack);
    await registerAdmin(stack, api);

    // A reset through the UI, so that there is something to see, and a sign-in with it.
    await page.goto(`${stack.url}/recover`);
    await recoverWithEmailAndSms(page, stack, USER, 'I forgot my password');
    await fillNewPassword(page, 'copper meadow whistle nightly 58');
    await page.getByRole('button', { name: 'Reset password' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your password was reset' }).waitFor();
    await signIn(page, stack, USER, 'copper meadow whistle nightly 58');
    await page.getByRole('heading', { level: 1, name: 'My security info' }).waitFor();
    await signOut(page);

    await signIn(page, stack, ADMIN, ADMIN_PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Administration' }).click();
    await page.waitForURL(/\/admin\/policy$/);

    // Audit log: the recovery and sign-in rows.
    await openAdminSection(page, stack, 'audit', 'Audit log');
    const table = page.getByRole('table', { name: 'Audit log' });
    await table.waitFor();
    await page.getByRole('status').filter({ hasText: /^Events shown: \d+$/ }).waitFor();
    const row = (type) => table.getByRole('row').filter({ has: page.getByRole('cell', { name: type, exact: true }) });
    for (const type of ['recovery.started', 'recovery.challenge_sent', 'recovery.verified', 'recovery.password_reset', 'sign_in.succeeded']) {
      assert.ok(await row(type).count() >= 1, `an audit row ${type}`);
    }
    const reset = row('recovery.password_reset');
    assert.equal(await reset.count(), 1);
    const cells = await reset.getByRole('cell').allInnerTexts();
    assert.equal(cells[2], 'Success');
    assert.equal(cells[4], USER);
    await shot('audit-all');

    // Only the reset and unlock family.
    await page.getByLabel('Event', { exact: true }).selectOption({ label: 'Reset and unlock' });
    await page.getByRole('button', { name: 'Show events' }).click();
    await page.getByRole('status').filter({ hasText: /^Events shown: \d+$/ }).waitFor();
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('table.admin-audit-table tbody tr td:nth-child(2)')];
      return cells.length > 0 && cells.every((c) => c.textContent.startsWith('recovery.'));
    });
    await row('recovery.password_reset').waitFor();
    const types = await table.locator('tbody tr td:nth-child(2)').allInnerTexts();
    assert.ok(types.length >= 4, types.join());
    assert.ok(types.every((t) => t.startsWith('recovery.')), types.join());
    await shot('audit-recovery');

    // Activity: the summary and the text alternative of the chart count the reset.
    await openAdminSection(page, stack, 'activity', 'Activity');
    const summary = page.getByText(/^In the last 30 days: password resets: \d+; account unlocks: \d+\.$/);
    await summary.waitFor();
    const [, resets, unlocks] = (await summary.innerText()).match(/password resets: (\d+); account unlocks: (\d+)/);
    assert.equal(Number(resets), 1);
    assert.equal(Number(unlocks), 0);
    const byDay = page.getByTestId('activity-resets-by-day-table');
    const headers = await byDay.locator('thead th').allInnerTexts();
    const col = headers.indexOf('Password resets');
    assert.ok(col > 0, headers.join());
    const perDay = await byDay.locator(`tbody tr > :nth-child(${col + 1})`).allInnerTexts();
    assert.equal(perDay.reduce((sum, n) => sum + Number(n), 0), 1, perDay.join());
    const byMethod = page.getByTestId('activity-resets-by-method-table');
    const email = byMethod.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Email', exact: true }) });
    const emailCells = await email.getByRole('cell').allInnerTexts();
    assert.ok(Number(emailCells[0]) >= 1, `email verified: ${emailCells.join()}`);
    await shot('activity');
  });
});
