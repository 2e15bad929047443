// A passkey: the person names it, the browser makes it on this device (or a phone nearby),
// and the service checks what the browser returns.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, call } from '../../api/client';
import type { Problem } from '../../api/client';
import { fieldMessages, problemMessage } from '../../api/messages';
import { t, tAny } from '../../i18n';
import { createPasskey, passkeysSupported, PasskeyError } from '../../webauthn';
import { Field } from '../Field';
import { ErrorMessage } from '../Messages';
import { verifyPasskey } from './methodCalls';

export function AddPasskeyForm({ onDone, onCancel }: { onDone: () => void; onCancel?: () => void }) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [refused, setRefused] = useState('');
  const [busy, setBusy] = useState(false);

  if (!passkeysSupported()) return <ErrorMessage>{t('passkey.unsupported')}</ErrorMessage>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setRefused('');
    const outcome = await call(api.POST('/api/v1/me/methods', { body: { kind: 'passkey', name: name.trim() } }));
    if (!outcome.ok) {
      setBusy(false);
      setProblem(outcome.problem);
      return;
    }
    setProblem(null);
    // A passkey's answer carries the creation options (`AddedMethod` per kind).
    if (outcome.data.kind !== 'passkey') {
      setBusy(false);
      return;
    }
    try {
      const credential = await createPasskey(outcome.data.creation_options);
      const p = await verifyPasskey(outcome.data.method_id, credential);
      setBusy(false);
      if (p) setProblem(p);
      else onDone();
    } catch (err) {
      setBusy(false);
      setRefused(tAny(err instanceof PasskeyError ? `passkey.device.${err.reason}` : 'passkey.device.NotAllowedError'));
    }
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <p>{t('add.passkey.intro')}</p>
      <Field
        id="add-passkey-name"
        label={t('add.passkey.name')}
        help={t('add.passkey.name_help')}
        value={name}
        onChange={setName}
        autoComplete="off"
        maxLength={64}
        errors={fieldMessages(problem, 'name')}
        required
      />
      <ErrorMessage>
        {refused || (problem && fieldMessages(problem, 'name').length === 0 ? problemMessage(problem, 'security') : null)}
      </ErrorMessage>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('action.working') : t('add.passkey.start')}
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
