// A live strength estimate (zxcvbn-ts). The dictionaries are large, so they load on first use,
// in their own chunk; the API checks strength again and has the last word.
import { useEffect, useState } from 'react';
import { t } from '../i18n';

type Check = (password: string, userInputs: string[]) => number;
let loading: Promise<Check> | null = null;

function loadChecker(): Promise<Check> {
  loading ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([core, common]) => {
      const zxcvbn = new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary },
        graphs: common.adjacencyGraphs,
      });
      return (password, userInputs) => zxcvbn.check(password, userInputs).score;
    },
  );
  return loading;
}

/** The zxcvbn score (0–4) of `password`, or null until the estimator has loaded. */
export function usePasswordScore(password: string, userInputs: readonly string[]): number | null {
  const [check, setCheck] = useState<Check | null>(null);
  useEffect(() => {
    let live = true;
    loadChecker().then(
      (c) => {
        if (live) setCheck(() => c);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  const inputs = userInputs.filter((s) => s !== '');
  if (!check || password === '') return null;
  return check(password, inputs);
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
