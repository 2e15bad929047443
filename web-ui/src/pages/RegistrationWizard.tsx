// Registration before anything else: add methods until the policy's number is reached, or
// confirm the ones on file when reconfirmation is due; then on to the security info page.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, call } from '../api/client';
import { problemMessage } from '../api/messages';
import { HelpdeskLink } from '../components/HelpdeskLink';
import { AddMethodPanel } from '../components/methods/AddMethodPanel';
import { MethodList } from '../components/methods/MethodList';
import { ErrorMessage, StatusMessage } from '../components/Messages';
import { addableKinds, useMethods } from '../hooks/useMethods';
import { t } from '../i18n';
import { useSession } from '../session';

export function RegistrationWizard() {
  const { me, config, refresh } = useSession();
  const { methods, reload } = useMethods();
  const navigate = useNavigate();
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  if (!me || !config) return <p>{t('app.loading')}</p>;
  const reg = me.registration;
  const enough = reg.methods_registered >= reg.methods_required;
  const kinds = methods ? addableKinds(config.methods_enabled, methods) : [];

  const confirm = async () => {
    const outcome = await call(api.POST('/api/v1/me/methods/confirm'));
    if (!outcome.ok) {
      setError(problemMessage(outcome.problem, 'security'));
      return;
    }
    await refresh();
    navigate('/security-info', { replace: true });
  };

  return (
    <div className="narrow">
      <h1>{t('register.title')}</h1>
      <p>
        {reg.methods_required === 1
          ? t('register.intro_one')
          : t('register.intro', { required: reg.methods_required })}
      </p>
      <p className="step">
        {t('register.progress', { registered: Math.min(reg.methods_registered, reg.methods_required), required: reg.methods_required })}
      </p>
      <progress max={reg.methods_required || 1} value={Math.min(reg.methods_registered, reg.methods_required)} aria-label={t('register.progress', { registered: reg.methods_registered, required: reg.methods_required })} />
      <StatusMessage>{status}</StatusMessage>
      <ErrorMessage>{error}</ErrorMessage>
      {methods && methods.length > 0 ? (
        <section className="card" aria-labelledby="reg-methods">
          <h2 id="reg-methods">{t('security.list_label')}</h2>
          <MethodList methods={methods} onChanged={() => void Promise.all([reload(), refresh()])} />
        </section>
      ) : null}
      {!enough ? (
        kinds.length > 0 ? (
          <AddMethodPanel
            contacts={me.contacts}
            kinds={kinds}
            onAdded={(kind) => {
              setStatus(t('security.added', { method: t(`method.${kind}`) }));
              void Promise.all([reload(), refresh()]);
            }}
          />
        ) : methods ? (
          <>
            <ErrorMessage>{t('register.nothing_to_add')}</ErrorMessage>
            <HelpdeskLink helpdesk={config.helpdesk} lead={false} />
          </>
        ) : null
      ) : reg.reconfirm_required ? (
        <section className="card" aria-labelledby="reconfirm-heading">
          <h2 id="reconfirm-heading">{t('security.reconfirm_title')}</h2>
          <p>{t('security.reconfirm_intro')}</p>
          <button type="button" className="button button--primary" onClick={() => void confirm()}>
            {t('security.reconfirm_button')}
          </button>
        </section>
      ) : (
        <section className="card">
          <p className="message message--success">{t('register.done')}</p>
          <button type="button" className="button button--primary" onClick={() => navigate('/security-info', { replace: true })}>
            {t('register.continue')}
          </button>
        </section>
      )}
    </div>
  );
}
