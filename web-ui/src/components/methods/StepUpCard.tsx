// "Confirm it's you": before security info that already exists can change, the person proves
// one of their active methods (a code, or the authenticator app). The API then lets this
// session change it for ten minutes. Security questions cannot be used for this.
import { useState } from 'react';
import { api, call } from '../../api/client';
import type { MethodView, Problem } from '../../api/client';
import { problemMessage } from '../../api/messages';
import { t } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { CodeEntry } from '../CodeEntry';
import type { ResendResult } from '../CodeEntry';
import { ErrorMessage } from '../Messages';
import { kindInfo, sendsCodes } from './kinds';
import { PasskeyPrompt } from './PasskeyPrompt';

/** Raised by `call()` when the API answers `step_up_required`. */
export const STEP_UP_EVENT = 'sspr:step-up-required';

export function StepUpCard({ methods, onDone }: { methods: readonly MethodView[]; onDone: () => void }) {
  const usable = methods.filter((m) => m.status === 'active' && m.kind !== 'security_questions');
  const [chosen, setChosen] = useState<MethodView | null>(null);
  const [sent, setSent] = useState<number | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  const challenge = async (m: MethodView): Promise<ResendResult> => {
    const outcome = await call(api.POST('/api/v1/me/step-up/challenges', { body: { method_id: m.method_id } }));
    if (!outcome.ok) return { problem: outcome.problem, resendAfter: outcome.problem.retryAfter };
    return { problem: null, resendAfter: outcome.data.resend_after ?? 0 };
  };

  const choose = async (m: MethodView) => {
    setChosen(m);
    setProblem(null);
    // A passkey is asked when the person says so (the browser needs the click).
    if (kindInfo(m.kind).proof === 'passkey') return;
    // Nothing is sent for an app or a recovery code: the person has it.
    if (!sendsCodes(m.kind)) {
      setSent(0);
      return;
    }
    const result = await challenge(m);
    setProblem(result.problem);
    setSent(result.problem ? null : (result.resendAfter ?? 0));
  };

  const prove = async (code: string): Promise<Problem | null> => {
    if (!chosen) return null;
    const outcome = await call(api.POST('/api/v1/me/step-up', { body: { method_id: chosen.method_id, code } }));
    if (!outcome.ok) return outcome.problem;
    onDone();
    return null;
  };

  return (
    <section className="card" aria-labelledby="step-up-heading">
      <h2 id="step-up-heading">{t('stepup.title')}</h2>
      <p>{t('stepup.intro')}</p>
      <ErrorMessage>{problem ? problemMessage(problem, 'security') : null}</ErrorMessage>
      {chosen && kindInfo(chosen.kind).proof === 'passkey' ? (
        <PasskeyPrompt
          intro={t('passkey.recover_intro')}
          scope="security"
          ask={async () => {
            const outcome = await call(
              api.POST('/api/v1/me/step-up/challenges', { body: { method_id: chosen.method_id } }),
            );
            if (!outcome.ok) return { problem: outcome.problem };
            return { options: outcome.data.request_options };
          }}
          answer={async (credential) => {
            const outcome = await call(
              api.POST('/api/v1/me/step-up', {
                body: { method_id: chosen.method_id, credential: credential as Record<string, never> },
              }),
            );
            if (!outcome.ok) return outcome.problem;
            onDone();
            return null;
          }}
          extra={
            <button type="button" className="button button--link" onClick={() => setChosen(null)}>
              {t('action.cancel')}
            </button>
          }
        />
      ) : chosen && sent !== null ? (
        <CodeEntry
          id="step-up-code"
          intro={<p>{t(stepUpWords(chosen.kind), { hint: chosen.hint })}</p>}
          scope="security"
          text={kindInfo(chosen.kind).proof === 'recovery_code'}
          initialResendAfter={sent}
          onVerify={prove}
          onResend={sendsCodes(chosen.kind) ? () => challenge(chosen) : undefined}
          onCancel={() => {
            setChosen(null);
            setSent(null);
          }}
        />
      ) : (
        <div className="actions">
          {usable.map((m) => (
            <button key={m.method_id} type="button" className="button" onClick={() => void choose(m)}>
              {t('stepup.use', {
                method: t(`method.${m.kind}`),
                hint: kindInfo(m.kind).showsHint ? m.hint : '',
              })}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

/** What the person is told to enter: the app's code, a recovery code, or the code sent. */
function stepUpWords(kind: string): MessageKey {
  const proof = kindInfo(kind).proof;
  if (proof === 'totp') return 'recover.app_code';
  if (proof === 'recovery_code') return 'recover.recovery_code';
  return 'stepup.code_sent';
}
