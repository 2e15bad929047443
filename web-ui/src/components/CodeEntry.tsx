// The code-entry step: one field for the code, the reason a code was refused next to it, and
// "Send a new code" that waits out the server's resend_after.
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { Problem } from '../api/client';
import { isCodeProblem, problemMessage } from '../api/messages';
import { useCountdown } from '../hooks/useCountdown';
import { t } from '../i18n';
import { Field } from './Field';
import { ErrorMessage, StatusMessage } from './Messages';

export interface ResendResult {
  problem: Problem | null;
  resendAfter: number | null;
}

export function CodeEntry({
  id,
  label = t('code.label'),
  help = t('code.help'),
  intro,
  scope,
  digits,
  text = false,
  initialResendAfter = 0,
  onVerify,
  onResend,
  onCancel,
}: {
  id: string;
  label?: string;
  help?: string;
  intro?: ReactNode;
  scope?: string;
  /** Expected length, for the keyboard hint; codes may be 6 or 8 digits. */
  digits?: number;
  /** Letters and digits (a recovery code), not digits only. */
  text?: boolean;
  initialResendAfter?: number;
  onVerify: (code: string) => Promise<Problem | null>;
  onResend?: () => Promise<ResendResult>;
  onCancel?: () => void;
}) {
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [wait, startWait] = useCountdown(initialResendAfter);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const trimmed = code.replace(/\s+/g, '');
    if (trimmed === '') {
      setProblem({ status: 0, code: 'missing_field', detail: '', fieldErrors: [], attemptsLeft: null, retryAfter: null, reason: null, helpdesk: null });
      return;
    }
    setBusy(true);
    setStatus('');
    const result = await onVerify(trimmed);
    setBusy(false);
    setProblem(result);
    if (result && isCodeProblem(result)) setCode('');
  };

  const resend = async () => {
    if (!onResend || busy) return;
    setBusy(true);
    setStatus('');
    const result = await onResend();
    setBusy(false);
    setProblem(result.problem);
    if (result.problem?.retryAfter) startWait(result.problem.retryAfter);
    if (!result.problem) {
      setStatus(t('code.resent'));
      setCode('');
    }
    if (result.resendAfter !== null) startWait(result.resendAfter);
  };

  const codeError =
    problem && (isCodeProblem(problem) || problem.code === 'missing_field')
      ? [problem.code === 'missing_field' ? t('form.required') : problemMessage(problem, scope)]
      : [];
  const otherError = problem && codeError.length === 0 ? problemMessage(problem, scope) : '';

  return (
    <form className="stack" onSubmit={submit} noValidate>
      {intro ? <div>{intro}</div> : null}
      <Field
        id={`${id}-code`}
        label={label}
        help={help}
        value={code}
        onChange={setCode}
        inputMode={text ? 'text' : 'numeric'}
        autoComplete={text ? 'off' : 'one-time-code'}
        maxLength={text ? 16 : digits ? digits + 4 : 12}
        errors={codeError}
        required
      />
      <ErrorMessage>{otherError}</ErrorMessage>
      <StatusMessage>{status}</StatusMessage>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('action.working') : t('action.verify')}
        </button>
        {onResend ? (
          <button type="button" className="button" onClick={resend} disabled={busy || wait > 0}>
            {t('code.resend')}
          </button>
        ) : null}
        {onCancel ? (
          <button type="button" className="button button--link" onClick={onCancel}>
            {t('action.cancel')}
          </button>
        ) : null}
      </div>
      {onResend && wait > 0 ? <p className="hint">{t('code.resend_in', { n: wait })}</p> : null}
    </form>
  );
}
