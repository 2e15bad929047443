// Email, mobile and office phone: type the address or number, then the code sent to it.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, call } from '../../api/client';
import type { MethodKind, Problem, Schemas } from '../../api/client';
import { fieldMessages, problemMessage } from '../../api/messages';
import { t } from '../../i18n';
import { CodeEntry } from '../CodeEntry';
import { Field } from '../Field';
import { ErrorMessage } from '../Messages';
import { verifyMethod, resendCode } from './methodCalls';

export type ContactKind = Extract<MethodKind, 'email' | 'mobile_sms' | 'mobile_voice' | 'office_voice'>;

function sentMessage(kind: ContactKind, hint: string): string {
  if (kind === 'email') return t('add.code_sent_email', { hint });
  if (kind === 'mobile_sms') return t('add.code_sent_phone_sms', { hint });
  return t('add.code_sent_phone_voice', { hint });
}

export function AddContactMethodForm({
  kind,
  onDone,
  onCancel,
  suggestion,
}: {
  kind: ContactKind;
  onDone: () => void;
  onCancel?: () => void;
  /** Pre-filled from what the directory keeps; the code still proves it. */
  suggestion?: string;
}) {
  const [value, setValue] = useState(suggestion ?? '');
  const [extension, setExtension] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<Schemas['AddedCodeMethod'] | null>(null);
  const field = kind === 'email' ? 'email' : 'phone';
  const id = `add-${kind}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const body =
      kind === 'email'
        ? { kind, email: value.trim() }
        : kind === 'office_voice'
          ? { kind, phone: value.trim(), extension: extension.trim() === '' ? null : extension.trim() }
          : { kind, phone: value.trim() };
    const outcome = await call(api.POST('/api/v1/me/methods', { body }));
    setBusy(false);
    if (!outcome.ok) {
      setProblem(outcome.problem);
      return;
    }
    // A contact kind's answer is a code kind's (`AddedMethod` per kind).
    if ('expires_in' in outcome.data) {
      setProblem(null);
      setAdded(outcome.data);
    }
  };

  if (added) {
    return (
      <CodeEntry
        id={id}
        intro={<p>{sentMessage(kind, added.hint)}</p>}
        scope="security"
        initialResendAfter={added.resend_after}
        onVerify={async (code) => {
          const p = await verifyMethod(added.method_id, code);
          if (!p) onDone();
          return p;
        }}
        onResend={() => resendCode(added.method_id)}
        onCancel={onCancel}
      />
    );
  }

  const valueErrors = fieldMessages(problem, field);
  const extensionErrors = fieldMessages(problem, 'extension');
  const shownNextToFields = valueErrors.length + extensionErrors.length > 0;
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <Field
        id={`${id}-value`}
        label={kind === 'email' ? t('add.email.label') : t('add.phone.label')}
        help={kind === 'email' ? t('add.email.help') : t('add.phone.help')}
        type={kind === 'email' ? 'email' : 'tel'}
        autoComplete={kind === 'email' ? 'email' : 'tel'}
        inputMode={kind === 'email' ? 'email' : 'tel'}
        value={value}
        onChange={setValue}
        errors={valueErrors}
        required
      />
      {kind === 'office_voice' ? (
        <Field
          id={`${id}-extension`}
          label={t('add.extension.label')}
          help={t('add.extension.help')}
          inputMode="numeric"
          value={extension}
          onChange={setExtension}
          errors={extensionErrors}
        />
      ) : null}
      <ErrorMessage>{problem && !shownNextToFields ? problemMessage(problem, 'security') : null}</ErrorMessage>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('action.working') : t('add.send_code')}
        </button>
        {onCancel ? (
          <button type="button" className="button button--link" onClick={onCancel}>
            {t('action.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
