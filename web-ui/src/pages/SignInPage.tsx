// Sign in with username and password. The API sets the session cookie; then /me decides where
// the person goes first (password change, registration, or their security info).
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { api, call, networkProblem } from '../api/client';
import type { Problem } from '../api/client';
import { fieldMessages, problemMessage } from '../api/messages';
import { Field } from '../components/Field';
import { HelpdeskLink } from '../components/HelpdeskLink';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { t, waitInWords } from '../i18n';
import { nextPathFor, useSession } from '../session';

function signInMessage(problem: Problem): string {
  if (problem.code === 'account_locked') {
    return problem.retryAfter === null
      ? t('signin.error.account_locked_no_wait')
      : t('signin.error.account_locked', { wait: waitInWords(problem.retryAfter) });
  }
  return problemMessage(problem, 'signin');
}

export function SignInPage() {
  const { refresh, config } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const signedOut = (location.state as { signedOut?: boolean } | null)?.signedOut === true;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const outcome = await call(api.POST('/api/v1/auth/sign-in', { body: { username, password } }));
    if (!outcome.ok) {
      setBusy(false);
      setProblem(outcome.problem);
      setPassword('');
      return;
    }
    const me = await refresh();
    setBusy(false);
    if (me) navigate(nextPathFor(me), { replace: true });
    else setProblem({ ...networkProblem(), code: 'unexpected' });
  };

  const usernameErrors = fieldMessages(problem, 'username');
  const passwordErrors = fieldMessages(problem, 'password');
  const general = problem && usernameErrors.length + passwordErrors.length === 0 ? signInMessage(problem) : null;
  return (
    <div className="narrow">
      <h1>{t('signin.title')}</h1>
      <p>{t('signin.intro')}</p>
      <StatusMessage>{signedOut && !problem ? t('signin.signed_out') : null}</StatusMessage>
      <form className="stack card" onSubmit={submit} noValidate aria-describedby={general ? 'signin-error' : undefined}>
        <ErrorMessage id="signin-error">{general}</ErrorMessage>
        {problem?.code === 'account_locked' ? (
          <p>
            <Link to="/recover?purpose=unlock_account">{t('signin.unlock_link')}</Link>
          </p>
        ) : null}
        {problem?.code === 'account_disabled' ? <HelpdeskLink helpdesk={config?.helpdesk} lead={false} /> : null}
        <Field
          id="signin-username"
          label={t('signin.username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={setUsername}
          errors={usernameErrors}
          required
        />
        <Field
          id="signin-password"
          label={t('signin.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          errors={passwordErrors}
          required
        />
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('action.working') : t('signin.submit')}
          </button>
        </div>
      </form>
      <p>
        <Link to="/recover">{t('signin.cant_access')}</Link>
      </p>
    </div>
  );
}
