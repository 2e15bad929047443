// "Use my passkey": asks the service for request options, the browser for the passkey's
// answer, and hands the answer on. Shared by the reset and the step-up.
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { Problem } from '../../api/client';
import { problemMessage } from '../../api/messages';
import { t, tAny } from '../../i18n';
import { getPasskey, passkeysSupported, PasskeyError } from '../../webauthn';
import { ErrorMessage } from '../Messages';

export function PasskeyPrompt({
  intro,
  scope,
  ask,
  answer,
  extra,
}: {
  intro: string;
  scope: string;
  /** The request options, or why there are none. */
  ask: () => Promise<{ options: unknown } | { problem: Problem }>;
  /** Sends the browser's answer: null when it passed. */
  answer: (credential: object) => Promise<Problem | null>;
  extra?: ReactNode;
}) {
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  if (!passkeysSupported()) return <ErrorMessage>{t('passkey.unsupported')}</ErrorMessage>;

  const go = async () => {
    if (busy) return;
    setBusy(true);
    setMessage('');
    const asked = await ask();
    if ('problem' in asked) {
      setBusy(false);
      setMessage(problemMessage(asked.problem, scope));
      return;
    }
    try {
      const credential = await getPasskey(asked.options);
      const p = await answer(credential);
      setBusy(false);
      if (p) setMessage(problemMessage(p, scope));
    } catch (e) {
      setBusy(false);
      setMessage(tAny(e instanceof PasskeyError ? `passkey.device.${e.reason}` : 'passkey.device.NotAllowedError'));
    }
  };

  return (
    <div className="stack">
      <p>{intro}</p>
      <ErrorMessage>{message}</ErrorMessage>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => void go()} disabled={busy}>
          {busy ? t('action.working') : t('passkey.use')}
        </button>
        {extra}
      </div>
    </div>
  );
}
