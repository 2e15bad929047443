// The last step: a new password (checked live against the rules), or unlocking the account.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, bearer, call } from '../../api/client';
import type { PasswordRules, Problem } from '../../api/client';
import { fieldMessages, problemMessage } from '../../api/messages';
import { ErrorMessage } from '../../components/Messages';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import type { NewPassword } from '../../components/NewPasswordFields';
import { t } from '../../i18n';
import { endsFlow } from './flow';
import type { Flow } from './flow';

export function RecoverFinishStep({
  flow,
  rules,
  username,
  onDone,
  onDead,
}: {
  flow: Flow;
  rules: PasswordRules | null;
  username: string;
  onDone: () => void;
  onDead: (problem: Problem) => void;
}) {
  const [value, setValue] = useState<NewPassword>({ password: '', confirm: '' });
  const [mismatch, setMismatch] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const path = { params: { path: { flow_id: flow.id } }, headers: bearer(flow.token) };

  const finish = async (request: Promise<{ data?: unknown; error?: unknown; response: Response }>) => {
    setBusy(true);
    const outcome = await call(request);
    setBusy(false);
    if (outcome.ok) return onDone();
    if (endsFlow(outcome.problem)) return onDead(outcome.problem);
    setProblem(outcome.problem);
  };

  if (flow.purpose === 'unlock_account') {
    return (
      <div className="stack">
        <p>{t('recover.unlock_intro')}</p>
        <ErrorMessage>{problem ? problemMessage(problem, 'recover') : null}</ErrorMessage>
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => void finish(api.POST('/api/v1/recovery/flows/{flow_id}/unlock', path))}
          >
            {busy ? t('action.working') : t('recover.unlock')}
          </button>
        </div>
      </div>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (value.password !== value.confirm) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    await finish(api.POST('/api/v1/recovery/flows/{flow_id}/password', { ...path, body: { new_password: value.password } }));
  };

  const errors = fieldMessages(problem, 'new_password');
  const general = problem && errors.length === 0 ? problemMessage(problem, 'recover') : null;
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <ErrorMessage>{general}</ErrorMessage>
      {rules ? (
        <NewPasswordFields
          idPrefix="recover"
          rules={rules}
          value={value}
          onChange={setValue}
          userInputs={[username]}
          errors={errors}
          confirmErrors={mismatch ? [t('field.mismatch')] : []}
        />
      ) : (
        <p>{t('app.loading')}</p>
      )}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy || !rules}>
          {busy ? t('action.working') : t('recover.set_password')}
        </button>
      </div>
    </form>
  );
}
