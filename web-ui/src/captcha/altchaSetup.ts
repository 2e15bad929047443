// Loads the ALTCHA widget in its CSP-friendly form: `altcha/external` ships no inline <style>
// and no blob: workers; its stylesheet is bundled with ours, and the one worker we need
// (SHA-256, what the built-in challenge uses) is a bundled file served from 'self'. So the page
// runs under `script-src 'self'; style-src 'self'; worker-src 'self'`.
import 'altcha/external';
import 'altcha/altcha.css';
import ShaWorker from 'altcha/workers/sha?worker';
import { t } from '../i18n';

globalThis.$altcha.algorithms.set('SHA-256', () => new ShaWorker());

// The widget's own words, from our catalogue.
globalThis.$altcha.i18n.set('en', {
  ...globalThis.$altcha.i18n.get('en'),
  label: t('captcha.label'),
  verifying: t('captcha.verifying'),
  verified: t('captcha.verified'),
  error: t('captcha.error'),
  expired: t('captcha.expired'),
  verificationRequired: t('captcha.required'),
  waitAlert: t('captcha.wait'),
  loading: t('app.loading'),
  reload: t('captcha.reload'),
  verify: t('action.verify'),
  footer: '',
});
