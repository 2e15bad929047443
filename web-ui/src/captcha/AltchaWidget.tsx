// The built-in proof-of-work CAPTCHA. The widget fetches the server's ALTCHA v1 challenge
// (algorithm, challenge, maxnumber, salt, signature), solves it in a worker, and hands back the
// payload: base64 of {algorithm, challenge, number, salt, signature, took}. That string is what
// the API takes as `captcha`.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { language, onLanguageChange, t } from '../i18n';

interface StateDetail {
  state?: string;
  payload?: string;
}

export function AltchaWidget({
  challengeUrl,
  onChange,
  describedBy,
}: {
  challengeUrl: string;
  /** The solved payload, or null while unsolved, expired or failed. */
  onChange: (payload: string | null) => void;
  describedBy?: string;
}) {
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const ref = useRef<HTMLElement | null>(null);
  const lang = useSyncExternalStore(onLanguageChange, language);
  const onChangeRef = useRef(onChange);

  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    let live = true;
    import('./altchaSetup').then(
      () => live && setReady(true),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (!ready || !el) return undefined;
    const onState = (ev: Event) => {
      const detail = (ev as CustomEvent<StateDetail>).detail;
      if (detail.state === 'verified' && detail.payload) onChangeRef.current(detail.payload);
      else onChangeRef.current(null);
    };
    el.addEventListener('statechange', onState);
    return () => el.removeEventListener('statechange', onState);
  }, [ready]);

  if (failed) return <p className="field__error">{t('recover.captcha.unavailable')}</p>;
  if (!ready) return <div className="captcha-placeholder" aria-hidden="true" />;
  return (
    <altcha-widget
      ref={ref}
      challenge={challengeUrl}
      name="captcha"
      language={lang}
      auto="off"
      aria-describedby={describedBy}
      configuration={JSON.stringify({ hideFooter: true, hideLogo: true })}
    />
  );
}
