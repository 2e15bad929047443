// "Can't access your account?": the reset / unlock wizard, usable without signing in.
// start → verify (once per required method) → new password or unlock → done.
import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { Problem } from '../api/client';
import { problemMessage } from '../api/messages';
import { HelpdeskLink } from '../components/HelpdeskLink';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { t } from '../i18n';
import { useSession } from '../session';
import type { Flow, Purpose } from './recover/flow';
import { RecoverFinishStep } from './recover/RecoverFinishStep';
import { RecoverStartStep } from './recover/RecoverStartStep';
import { RecoverVerifyStep } from './recover/RecoverVerifyStep';

type Stage =
  | { name: 'start' }
  | { name: 'verify'; flow: Flow }
  | { name: 'finish'; flow: Flow }
  | { name: 'done'; purpose: Purpose }
  | { name: 'dead'; problem: Problem };

export function RecoverPage() {
  const { config } = useSession();
  const [params] = useSearchParams();
  const initialPurpose: Purpose = params.get('purpose') === 'unlock_account' ? 'unlock_account' : 'reset_password';
  const [stage, setStage] = useState<Stage>({ name: 'start' });
  const [username, setUsername] = useState('');
  const [status, setStatus] = useState('');
  const [round, setRound] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Each new step moves focus to its heading, so keyboard and screen-reader users start there.
  const stepKey = stage.name === 'verify' ? `verify-${stage.flow.passed.length}` : stage.name;
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [stepKey]);

  const restart = () => {
    setStage({ name: 'start' });
    setStatus('');
    setRound((n) => n + 1);
  };

  const total = stage.name === 'verify' || stage.name === 'finish' ? stage.flow.methodsRequired + 2 : 0;
  const stepNumber =
    stage.name === 'verify' ? stage.flow.passed.length + 2 : stage.name === 'finish' ? total : 1;

  let title = t('recover.title');
  let body: ReactNode;
  switch (stage.name) {
    case 'start':
      body = (
        <>
          <p>{t('recover.intro')}</p>
          <RecoverStartStep
            key={round}
            config={config}
            initialPurpose={initialPurpose}
            onStarted={(flow) => {
              setStatus('');
              setStage(flow.methodsRequired === 0 ? { name: 'finish', flow } : { name: 'verify', flow });
            }}
            onUsername={setUsername}
          />
        </>
      );
      break;
    case 'verify':
      title = stage.flow.passed.length === 0 ? t('recover.verify_title') : t('recover.verify_second');
      body = (
        <div className="card">
          <RecoverVerifyStep
            key={stage.flow.passed.length}
            flow={stage.flow}
            onDead={(problem) => setStage({ name: 'dead', problem })}
            onVerified={(result, methodId) => {
              const flow = { ...stage.flow, token: result.flow_token, passed: [...stage.flow.passed, methodId] };
              if (result.methods_remaining > 0) {
                setStatus(t('recover.passed', { n: result.methods_remaining }));
                setStage({ name: 'verify', flow });
              } else {
                setStatus('');
                setStage({ name: 'finish', flow });
              }
            }}
          />
        </div>
      );
      break;
    case 'finish':
      title = stage.flow.purpose === 'unlock_account' ? t('recover.unlock_title') : t('recover.new_password_title');
      body = (
        <div className="card">
          <RecoverFinishStep
            flow={stage.flow}
            rules={config?.password_rules ?? null}
            username={username}
            onDead={(problem) => setStage({ name: 'dead', problem })}
            onDone={() => setStage({ name: 'done', purpose: stage.flow.purpose })}
          />
        </div>
      );
      break;
    case 'done':
      title = stage.purpose === 'unlock_account' ? t('recover.done.unlock_title') : t('recover.done.password_title');
      body = (
        <div className="card stack">
          <p className="message message--success">
            {stage.purpose === 'unlock_account' ? t('recover.done.unlock_body') : t('recover.done.password_body')}
          </p>
          <p>
            <Link className="button button--primary" to="/signin">
              {t('recover.done.sign_in')}
            </Link>
          </p>
        </div>
      );
      break;
    case 'dead':
      body = (
        <div className="card stack">
          <ErrorMessage>{problemMessage(stage.problem, 'recover')}</ErrorMessage>
          <div className="actions">
            <button type="button" className="button button--primary" onClick={restart}>
              {t('action.start_again')}
            </button>
          </div>
        </div>
      );
      break;
  }

  return (
    <div className="narrow">
      {total > 0 ? <p className="step">{t('recover.step', { n: stepNumber, total })}</p> : null}
      <h1 ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
      <StatusMessage>{status}</StatusMessage>
      {body}
      {stage.name !== 'done' ? <HelpdeskLink helpdesk={config?.helpdesk} /> : null}
    </div>
  );
}
