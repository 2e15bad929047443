// Journey 5: the refusals a person sees on /recover: a wrong code shows the tries left, the
// resend countdown is shown, a send beyond the limit shows the wait; someone outside the pilot
// group (and a username that does not exist) gets the same screens as anyone; an expired reset
// restarts cleanly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import {
  journey, registeredPilotUser, createUser, startRecovery, pickRecoveryMethod, sendRecoveryCode, sentCount,
  codeSince, enterCode, USER, USER_EMAIL,
} from '../lib/journey.mjs';

// Short resend wait and two sends per code, so that the countdown ends and the limit is reached
// within seconds; a higher daily failure budget, so the wrong codes typed here do not block.
const env = {
  SSPR_CODE_RESEND_SECONDS: '5',
  SSPR_CODE_MAX_SENDS: '2',
  SSPR_RECOVERY_FAILURES_PER_DAY: '50',
};

/** What a person sees of the method step, to compare a real account with others. */
async function methodStep(page) {
  await page.getByRole('heading', { level: 1, name: 'Prove it is you' }).waitFor();
  const step = await page.locator('p.step').innerText();
  const choices = page.getByRole('group', { name: 'Choose a method' }).getByRole('radio');
  return { step, methods: await choices.count(), firstChecked: await choices.first().isChecked() };
}

test('5. refusals a person sees, the same for everyone (sqlite)', async () => {
  await journey('05-refusals', { backend: 'sqlite', env }, async ({ stack, page, shot }) => {
    const { api } = await registeredPilotUser(stack);
    await createUser(api, 'olive.outsider', { email: 'olive@home.example', name: 'Olive Outsider' });

    // The pilot user's method step.
    await page.goto(`${stack.url}/recover`);
    await startRecovery(page, USER, 'I forgot my password');
    const real = await methodStep(page);
    assert.deepEqual(real, { step: 'Step 2 of 4', methods: 2, firstChecked: true });
    await shot('methods-real');

    // A code is sent: the resend countdown is shown and the button waits for it.
    await pickRecoveryMethod(page, 'Email');
    const firstCode = await sendRecoveryCode(page, stack, USER_EMAIL);
    await page.getByText(/^You can ask for a new code in [1-5] s\.$/).waitFor();
    const resend = page.getByRole('button', { name: 'Send a new code' });
    assert.equal(await resend.isDisabled(), true);
    await shot('code-countdown');

    // A wrong code: the tries left are shown next to the field.
    const wrong = firstCode === '000000' ? '111111' : '000000';
    await enterCode(page, wrong);
    await page.locator('#recover-code-code-error').filter({ hasText: 'That code is not correct. 4 tries left.' }).waitFor();
    assert.equal(await page.getByLabel('Code', { exact: true }).getAttribute('aria-invalid'), 'true');
    await shot('wrong-code');

    // When the countdown ends a new code can be sent, once; then the wait is shown.
    await resend.waitFor({ state: 'visible' });
    await page.waitForFunction(() => {
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent === 'Send a new code');
      return b && !b.disabled;
    });
    let before = sentCount(stack, USER_EMAIL);
    await resend.click();
    await page.getByRole('status').filter({ hasText: 'A new code was sent.' }).waitFor();
    const secondCode = await codeSince(stack, USER_EMAIL, before);
    await page.getByText(/^You can ask for a new code in [1-5] s\.$/).waitFor();
    await page.waitForFunction(() => {
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent === 'Send a new code');
      return b && !b.disabled;
    });
    before = sentCount(stack, USER_EMAIL);
    await resend.click();
    const throttled = page.getByRole('alert').filter({ hasText: /^Too many attempts\. Please wait \d+ (minutes|seconds) and try again\.$/ });
    await throttled.waitFor();
    await page.getByText(/^You can ask for a new code in \d+ s\.$/).waitFor();
    assert.equal(await resend.isDisabled(), true);
    assert.equal(sentCount(stack, USER_EMAIL), before, 'nothing was sent');
    await shot('throttled');

    // The code that was sent still works.
    await enterCode(page, secondCode);
    await page.getByRole('heading', { level: 1, name: 'Now prove it with a second method' }).waitFor();

    // The reset expires (its expiry moved into the past in the database, as the clock would):
    // the next request says so, and "Start again" starts cleanly.
    await pickRecoveryMethod(page, 'Mobile phone (text message)');
    execFileSync('sqlite3', [path.join(stack.dataDir, 'sspr.db'), '.timeout 5000',
      "UPDATE recovery_flows SET expires_at = '2000-01-01 00:00:00' WHERE status = 'active'"]);
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByRole('alert').filter({ hasText: 'This reset took too long and has expired. Please start again.' }).waitFor();
    await shot('expired');
    await page.getByRole('button', { name: 'Start again' }).click();
    await page.getByRole('heading', { level: 1, name: "Can't access your account?" }).waitFor();
    assert.equal(await page.getByLabel('Username').inputValue(), '');
    assert.equal(await page.getByLabel('I forgot my password').isChecked(), true);
    await page.locator('altcha-widget [data-state="unverified"]').waitFor();
    await startRecovery(page, USER, 'I forgot my password');
    assert.deepEqual(await methodStep(page), real);
    await shot('restarted');

    // Outside the pilot group, or no such account: the same screens, nothing sent.
    const sentBefore = stack.smtp.mails.length + stack.gateway.messages.length;
    for (const username of ['olive.outsider', 'no.such.person']) {
      await page.goto(`${stack.url}/recover`);
      await startRecovery(page, username, 'I forgot my password');
      const seen = await methodStep(page);
      assert.equal(seen.step, real.step, `${username}: the same number of steps`);
      assert.ok(seen.methods >= 1 && seen.methods <= 3, `${username}: ${seen.methods} methods offered`);
      assert.equal(seen.firstChecked, true);
      await shot(`methods-${username.replace(/\W/g, '-')}`);
      await page.getByRole('button', { name: 'Continue' }).click();
      const send = page.getByRole('button', { name: 'Send code' });
      const appCode = page.getByText('Enter the 6-digit code from your authenticator app.');
      await send.or(appCode).waitFor();
      if (await send.isVisible()) {
        await send.click();
        await page.getByText(/^(We sent a code to|We sent a text message with a code to) /).waitFor();
        await page.getByText(/^You can ask for a new code in [1-5] s\.$/).waitFor();
      }
      await enterCode(page, '000000');
      // Like a real account's: tries left for a code sent; for an authenticator app, its own words.
      await page
        .locator('[id$="-code-error"]')
        .filter({ hasText: /^That code is not correct\.( \d+ tries left\.| Check that the clock of your phone is right and enter the current code\.)?$/ })
        .waitFor();
      await shot(`wrong-code-${username.replace(/\W/g, '-')}`);
    }
    assert.equal(stack.smtp.mails.length + stack.gateway.messages.length, sentBefore, 'nothing was sent to anyone');
  });
});
