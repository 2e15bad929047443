// "My security info": the methods on file, adding and removing them, and reconfirming them.
import { useEffect, useState } from 'react';
import { api, call } from '../api/client';
import type { MethodView } from '../api/client';
import { problemMessage } from '../api/messages';
import { AddMethodPanel } from '../components/methods/AddMethodPanel';
import { MethodList } from '../components/methods/MethodList';
import { STEP_UP_EVENT, StepUpCard } from '../components/methods/StepUpCard';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { addableKinds, useMethods } from '../hooks/useMethods';
import { t } from '../i18n';
import { useSession } from '../session';

export function SecurityInfoPage() {
  const { me, config, refresh } = useSession();
  const { methods, problem, reload } = useMethods();
  const [status, setStatus] = useState('');
  const [warning, setWarning] = useState('');
  const [stepUp, setStepUp] = useState(false);

  useEffect(() => {
    const ask = () => setStepUp(true);
    window.addEventListener(STEP_UP_EVENT, ask);
    return () => window.removeEventListener(STEP_UP_EVENT, ask);
  }, []);

  if (!me) return null;
  const reg = me.registration;

  const remove = async (m: MethodView) => {
    const name = t(`method.${m.kind}`);
    const outcome = await call(
      api.DELETE('/api/v1/me/methods/{method_id}', { params: { path: { method_id: m.method_id } } }),
    );
    if (!outcome.ok) return outcome.problem;
    if (outcome.data.registration.compliant) {
      setWarning('');
      setStatus(t('security.removed', { method: name }));
    } else {
      setStatus('');
      setWarning(t('security.removed_short', { method: name }));
    }
    await Promise.all([reload(), refresh()]);
    return null;
  };

  const reconfirm = async () => {
    const outcome = await call(api.POST('/api/v1/me/methods/confirm'));
    if (outcome.ok) {
      setStatus(t('security.reconfirmed'));
      await refresh();
    } else {
      setWarning(problemMessage(outcome.problem, 'security'));
    }
  };

  return (
    <div>
      <h1>{t('security.title')}</h1>
      <p>{t('security.intro')}</p>
      <p className={reg.compliant ? 'message message--success' : 'message message--warning'}>
        {t('security.status', { registered: reg.methods_registered, required: reg.methods_required })}{' '}
        {reg.compliant ? t('security.compliant') : t('security.not_compliant', { required: reg.methods_required })}
      </p>
      <StatusMessage>{status}</StatusMessage>
      <ErrorMessage>{warning}</ErrorMessage>
      {stepUp && methods ? (
        <StepUpCard
          methods={methods}
          onDone={() => {
            setStepUp(false);
            setWarning('');
            setStatus(t('stepup.done'));
          }}
        />
      ) : null}
      {reg.reconfirm_required && reg.compliant ? (
        <section className="card" aria-labelledby="reconfirm-heading">
          <h2 id="reconfirm-heading">{t('security.reconfirm_title')}</h2>
          <p>{t('security.reconfirm_intro')}</p>
          <button type="button" className="button button--primary" onClick={() => void reconfirm()}>
            {t('security.reconfirm_button')}
          </button>
        </section>
      ) : null}
      <section className="card" aria-labelledby="methods-heading">
        <h2 id="methods-heading">{t('security.list_label')}</h2>
        <ErrorMessage>{problem ? problemMessage(problem, 'security') : null}</ErrorMessage>
        {methods === null ? (
          <p>{t('app.loading')}</p>
        ) : (
          <MethodList methods={methods} onRemove={remove} onChanged={() => void Promise.all([reload(), refresh()])} />
        )}
      </section>
      {methods && config ? (
        <AddMethodPanel
          contacts={me?.contacts}
          kinds={addableKinds(config.methods_enabled, methods)}
          onAdded={(kind) => {
            setWarning('');
            setStatus(t('security.added', { method: t(`method.${kind}`) }));
            void Promise.all([reload(), refresh()]);
          }}
        />
      ) : null}
    </div>
  );
}
