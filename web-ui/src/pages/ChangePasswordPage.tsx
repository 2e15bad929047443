// Change one's own password: the current one, then a new one checked live against the rules.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, call } from '../api/client';
import type { Problem } from '../api/client';
import { fieldMessages, problemMessage } from '../api/messages';
import { Field } from '../components/Field';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { NewPasswordFields } from '../components/NewPasswordFields';
import type { NewPassword } from '../components/NewPasswordFields';
import { t } from '../i18n';
import { nextPathFor, useSession } from '../session';

export function ChangePasswordPage() {
  const { me, config, refresh } = useSession();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState<NewPassword>({ password: '', confirm: '' });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  if (!config || !me) return <p>{t('app.loading')}</p>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (next.password !== next.confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    const outcome = await call(
      api.POST('/api/v1/me/password', { body: { current_password: current, new_password: next.password } }),
    );
    setBusy(false);
    if (!outcome.ok) {
      setProblem(outcome.problem);
      return;
    }
    setProblem(null);
    setCurrent('');
    setNext({ password: '', confirm: '' });
    setDone(true);
    const fresh = await refresh();
    if (fresh && me.password_change_required) navigate(nextPathFor(fresh), { replace: true });
  };

  const currentErrors = fieldMessages(problem, 'current_password');
  const newErrors = fieldMessages(problem, 'new_password');
  const general =
    problem && currentErrors.length + newErrors.length === 0 ? problemMessage(problem, 'change') : null;
  return (
    <div className="narrow">
      <h1>{t('change.title')}</h1>
      {me.password_change_required ? <p className="message message--info">{t('change.required')}</p> : null}
      <StatusMessage>{done ? t('change.done') : null}</StatusMessage>
      <form className="stack card" onSubmit={submit} noValidate>
        <ErrorMessage>{general}</ErrorMessage>
        <Field
          id="change-current"
          label={t('password.current')}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          errors={currentErrors}
          required
        />
        <NewPasswordFields
          idPrefix="change"
          rules={config.password_rules}
          value={next}
          onChange={(v) => {
            setNext(v);
            setDone(false);
          }}
          userInputs={[me.username, me.display_name, me.email]}
          errors={newErrors}
          confirmErrors={mismatch ? [t('field.mismatch')] : []}
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('action.working') : t('change.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
