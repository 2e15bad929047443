// A live strength estimate, by the service itself (`POST /api/v1/password/check`): the same
// rules and estimator that decide the change or reset, so the meter never says "strong" for a
// password the service will refuse. Asked once the typing pauses; never stored.
import { useEffect, useState } from 'react';
import { api, call } from '../api/client';
import { t } from '../i18n';

/** How long the typing must pause before the service is asked. */
const PAUSE_MS = 300;

/** The service's score (0–4) of `password`, or null until it answered. */
export function usePasswordScore(password: string, userInputs: readonly string[]): number | null {
  const [rated, setRated] = useState<{ password: string; score: number } | null>(null);
  const username = userInputs.find((s) => s !== '') ?? null;
  useEffect(() => {
    if (password === '') return undefined;
    let live = true;
    const timer = setTimeout(() => {
      void call(api.POST('/api/v1/password/check', { body: { password, username } })).then((outcome) => {
        if (live && outcome.ok) setRated({ password, score: outcome.data.score });
      });
    }, PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [password, username]);
  return rated && rated.password === password ? rated.score : null;
}

export function StrengthMeter({ id, score, empty }: { id: string; score: number | null; empty: boolean }) {
  const label = empty || score === null ? t('password.strength.empty') : t(`password.strength.${score as 0 | 1 | 2 | 3 | 4}`);
  const value = empty || score === null ? 0 : score + 1;
  return (
    <div className="strength" id={id}>
      <span>{t('password.strength.label')}: </span>
      <meter min={0} max={5} low={2} high={4} optimum={5} value={value} aria-label={t('password.strength.label')}>
        {label}
      </meter>{' '}
      <span className={`strength__text strength__text--${value}`}>{label}</span>
    </div>
  );
}
