// Step 1: who, what for, and the proof of work that keeps robots out.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, call } from '../../api/client';
import type { Problem, PublicConfig } from '../../api/client';
import { fieldMessages, problemMessage } from '../../api/messages';
import { AltchaWidget } from '../../captcha/AltchaWidget';
import { Field, FieldErrors } from '../../components/Field';
import { HelpdeskLink } from '../../components/HelpdeskLink';
import { ErrorMessage } from '../../components/Messages';
import { t } from '../../i18n';
import type { Flow, Purpose } from './flow';

export function RecoverStartStep({
  config,
  initialPurpose,
  onStarted,
  onUsername,
}: {
  config: PublicConfig | null;
  initialPurpose: Purpose;
  onStarted: (flow: Flow) => void;
  /** The username typed, for the strength meter of the last step. */
  onUsername?: (username: string) => void;
}) {
  const [username, setUsername] = useState('');
  const [purpose, setPurpose] = useState<Purpose>(initialPurpose);
  const [captcha, setCaptcha] = useState<string | null>(null);
  const [captchaRound, setCaptchaRound] = useState(0);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [missing, setMissing] = useState<{ username: boolean; captcha: boolean }>({ username: false, captcha: false });
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const lacking = { username: username.trim() === '', captcha: captcha === null };
    setMissing(lacking);
    if (lacking.username || lacking.captcha || captcha === null) return;
    setBusy(true);
    const outcome = await call(
      api.POST('/api/v1/recovery/flows', { body: { username: username.trim(), purpose, captcha } }),
    );
    setBusy(false);
    if (outcome.ok) {
      const d = outcome.data;
      onUsername?.(username.trim());
      onStarted({
        id: d.flow_id,
        token: d.flow_token,
        purpose,
        methodsRequired: d.methods_required,
        methods: d.methods,
        passed: [],
      });
      return;
    }
    setProblem(outcome.problem);
    // A solution is good for one try: any refusal needs a fresh one.
    setCaptcha(null);
    setCaptchaRound((n) => n + 1);
  };

  const captchaKind = config?.captcha.kind;
  const usernameErrors = [
    ...(missing.username ? [t('form.required')] : []),
    ...fieldMessages(problem, 'username'),
  ];
  const captchaErrors = [
    ...(missing.captcha && captcha === null ? [t('recover.captcha.waiting')] : []),
    ...fieldMessages(problem, 'captcha'),
  ];
  const shownNextToFields = fieldMessages(problem, 'username').length + fieldMessages(problem, 'captcha').length > 0;
  const general = problem && !shownNextToFields ? problemMessage(problem, 'recover') : null;

  return (
    <form className="stack card" onSubmit={submit} noValidate>
      <ErrorMessage>{general}</ErrorMessage>
      {problem?.code === 'not_eligible' ? (
        <HelpdeskLink helpdesk={problem.helpdesk ?? config?.helpdesk} lead={false} />
      ) : null}
      <Field
        id="recover-username"
        label={t('recover.username')}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        value={username}
        onChange={setUsername}
        errors={usernameErrors}
        required
      />
      <fieldset className="choices">
        <legend>{t('recover.purpose.legend')}</legend>
        {(['reset_password', 'unlock_account'] as const).map((p) => (
          <div className="choice" key={p}>
            <input
              type="radio"
              id={`purpose-${p}`}
              name="purpose"
              value={p}
              checked={purpose === p}
              onChange={() => setPurpose(p)}
            />
            <label htmlFor={`purpose-${p}`}>{t(`recover.purpose.${p}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className={captchaErrors.length > 0 ? 'field field--invalid' : 'field'}>
        <p className="field__label" id="recover-captcha-label">
          {t('recover.captcha.label')}
        </p>
        {captchaKind === undefined ? (
          <p>{t('app.loading')}</p>
        ) : captchaKind === 'builtin' ? (
          <AltchaWidget
            key={captchaRound}
            challengeUrl={config?.captcha.challenge_url ?? '/api/v1/captcha/challenge'}
            onChange={setCaptcha}
            describedBy={captchaErrors.length > 0 ? 'recover-captcha-error' : 'recover-captcha-label'}
          />
        ) : (
          <p>{t('recover.captcha.provider')}</p>
        )}
        <FieldErrors id={captchaErrors.length > 0 ? 'recover-captcha-error' : undefined} errors={captchaErrors} />
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('action.working') : t('recover.start')}
        </button>
      </div>
    </form>
  );
}
