// The person's registered methods, masked, with what they can do to each.
import { useState } from 'react';
import type { MethodView, Problem } from '../../api/client';
import { problemMessage } from '../../api/messages';
import { language, t } from '../../i18n';
import { CodeEntry } from '../CodeEntry';
import { ErrorMessage } from '../Messages';
import { resendCode, verifyMethod } from './methodCalls';

import { kindInfo, sendsCodes } from './kinds';
import { RecoveryCodesForm } from './RecoveryCodesForm';

function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleDateString(language());
}

export function MethodList({
  methods,
  onRemove,
  onChanged,
}: {
  methods: readonly MethodView[];
  onRemove?: (method: MethodView) => Promise<Problem | null>;
  onChanged?: () => void;
}) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [entering, setEntering] = useState<string | null>(null);
  const [renewing, setRenewing] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  if (methods.length === 0) return <p>{t('security.none')}</p>;
  return (
    <>
      <ErrorMessage>{problem ? problemMessage(problem, 'security') : null}</ErrorMessage>
      <ul className="methods" aria-label={t('security.list_label')}>
        {methods.map((m) => {
          const name = t(`method.${m.kind}`);
          return (
            <li key={m.method_id} className="method">
              <div className="method__main">
                <span className="method__name">{name}</span>
                {!kindInfo(m.kind).showsHint ? null : (
                  <span className="method__hint">{m.hint}</span>
                )}
                <span className={`badge badge--${m.status}`}>
                  {m.status === 'pending' && !sendsCodes(m.kind)
                    ? t('method.status.pending_app')
                    : t(`method.status.${m.status}`)}
                </span>
                <span className="method__date">
                  {t('security.added_on', { date: formatDate(m.activated_at ?? m.created_at) })}
                </span>
                {m.codes_left != null ? (
                  <span className="method__note">{t('method.codes_left', { n: m.codes_left })}</span>
                ) : null}
                {m.recovery_from ? (
                  <span className="method__note">{t('security.recovery_from', { date: formatDate(m.recovery_from) })}</span>
                ) : null}
              </div>
              {confirming === m.method_id && onRemove ? (
                <div className="method__confirm" role="group" aria-label={t('security.remove', { method: name })}>
                  <p>{t('security.remove_confirm', { method: name, hint: m.hint })}</p>
                  <div className="actions">
                    <button
                      type="button"
                      className="button button--danger"
                      onClick={async () => {
                        const p = await onRemove(m);
                        setProblem(p);
                        setConfirming(null);
                      }}
                    >
                      {t('action.remove')}
                    </button>
                    <button type="button" className="button" onClick={() => setConfirming(null)}>
                      {t('action.cancel')}
                    </button>
                  </div>
                </div>
              ) : renewing === m.method_id ? (
                <RecoveryCodesForm
                  replacing
                  onDone={() => {
                    setRenewing(null);
                    onChanged?.();
                  }}
                  onCancel={() => setRenewing(null)}
                />
              ) : entering === m.method_id ? (
                <CodeEntry
                  id={`pending-${m.method_id}`}
                  scope="security"
                  onVerify={async (code) => {
                    const p = await verifyMethod(m.method_id, code);
                    if (!p) {
                      setEntering(null);
                      onChanged?.();
                    }
                    return p;
                  }}
                  onResend={() => resendCode(m.method_id)}
                  onCancel={() => setEntering(null)}
                />
              ) : (
                <div className="actions">
                  {m.status === 'pending' && sendsCodes(m.kind) ? (
                    <button type="button" className="button" onClick={() => setEntering(m.method_id)}>
                      {t('security.enter_code_for', { method: name })}
                    </button>
                  ) : null}
                  {m.status === 'active' && kindInfo(m.kind).proof === 'recovery_code' && onChanged ? (
                    <button type="button" className="button" onClick={() => setRenewing(m.method_id)}>
                      {t('add.codes.regenerate')}
                    </button>
                  ) : null}
                  {onRemove ? (
                    <button
                      type="button"
                      className="button button--link"
                      onClick={() => setConfirming(m.method_id)}
                      aria-label={t('security.remove', { method: name })}
                    >
                      {t('action.remove')}
                    </button>
                  ) : null}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
