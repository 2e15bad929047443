// Loads the ALTCHA widget in its CSP-friendly form: `altcha/external` ships no inline <style>
// and no blob: workers; its stylesheet is bundled with ours, and the one worker we need
// (SHA-256, what the built-in challenge uses) is a bundled file served from 'self'. So the page
// runs under `script-src 'self'; style-src 'self'; worker-src 'self'`.
import 'altcha/external';
import 'altcha/altcha.css';
import ShaWorker from 'altcha/workers/sha?worker';
import { LANGUAGES, loadLanguage, tIn } from '../i18n';

globalThis.$altcha.algorithms.set('SHA-256', () => new ShaWorker());

// The widget's own words, from our catalogue, in each of our languages.
await Promise.all(LANGUAGES.map((l) => loadLanguage(l.code)));
for (const { code } of LANGUAGES) {
  globalThis.$altcha.i18n.set(code, {
    ...globalThis.$altcha.i18n.get('en'),
    label: tIn(code, 'captcha.label'),
    verifying: tIn(code, 'captcha.verifying'),
    verified: tIn(code, 'captcha.verified'),
    error: tIn(code, 'captcha.error'),
    expired: tIn(code, 'captcha.expired'),
    verificationRequired: tIn(code, 'captcha.required'),
    waitAlert: tIn(code, 'captcha.wait'),
    loading: tIn(code, 'app.loading'),
    reload: tIn(code, 'captcha.reload'),
    verify: tIn(code, 'action.verify'),
    footer: '',
  });
}
