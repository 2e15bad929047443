// The password rules of the policy, each ticked as the person types. Length is counted in code
// points (`[...text].length`), as the API counts it, so an emoji is one character.
import type { PasswordRules } from '../api/client';
import { t } from '../i18n';

export interface RuleState {
  key: string;
  text: string;
  met: boolean;
}

export function codePoints(text: string): number {
  return [...text].length;
}

export function ruleStates(
  rules: PasswordRules,
  password: string,
  confirm: string | null,
  score: number | null,
): RuleState[] {
  const length = codePoints(password);
  const states: RuleState[] = [
    {
      key: 'min',
      text: t('password.rule.min_length', { n: rules.min_length }),
      met: length >= rules.min_length,
    },
    {
      key: 'max',
      text: t('password.rule.max_length', { n: rules.max_length }),
      met: length > 0 && length <= rules.max_length,
    },
  ];
  if (rules.min_strength > 0) {
    states.push({
      key: 'strength',
      text: t('password.rule.strength'),
      met: score !== null && password !== '' && score >= rules.min_strength,
    });
  }
  if (confirm !== null) {
    states.push({
      key: 'match',
      text: t('password.rule.match'),
      met: password !== '' && password === confirm,
    });
  }
  return states;
}

export function PasswordRulesChecklist({
  id,
  rules,
  password,
  confirm = null,
  score = null,
}: {
  id: string;
  rules: PasswordRules;
  password: string;
  confirm?: string | null;
  score?: number | null;
}) {
  const states = ruleStates(rules, password, confirm, score);
  return (
    <div className="rules" id={id}>
      <p className="rules__title">{t('password.rules_title')}</p>
      <ul>
        {states.map((s) => (
          <li key={s.key} className={s.met ? 'rule rule--met' : 'rule'} data-met={s.met}>
            <span aria-hidden="true" className="rule__mark">
              {s.met ? '✓' : '•'}
            </span>{' '}
            {s.text}
            <span className="visually-hidden">
              {' '}
              ({s.met ? t('password.rule.met') : t('password.rule.not_met')})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
