// New password + confirmation, with the live strength meter and the policy's rules.
import { useState } from 'react';
import type { PasswordRules } from '../api/client';
import { t } from '../i18n';
import { Field } from './Field';
import { PasswordRulesChecklist, ruleStates } from './PasswordRulesChecklist';
import { StrengthMeter, usePasswordScore } from './StrengthMeter';

export interface NewPassword {
  password: string;
  confirm: string;
}

/** Whether every rule shown is met (the API still decides). */
export function allRulesMet(rules: PasswordRules, value: NewPassword, score: number | null): boolean {
  return ruleStates(rules, value.password, value.confirm, score).every((s) => s.met || s.key === 'strength');
}

export function NewPasswordFields({
  idPrefix,
  rules,
  value,
  onChange,
  userInputs,
  errors,
  confirmErrors,
}: {
  idPrefix: string;
  rules: PasswordRules;
  value: NewPassword;
  onChange: (value: NewPassword) => void;
  userInputs: readonly string[];
  errors: readonly string[];
  confirmErrors: readonly string[];
}) {
  const [show, setShow] = useState(false);
  const score = usePasswordScore(value.password, userInputs);
  const rulesId = `${idPrefix}-rules`;
  const meterId = `${idPrefix}-strength`;
  return (
    <>
      <Field
        id={`${idPrefix}-new`}
        label={t('password.new')}
        type={show ? 'text' : 'password'}
        autoComplete="new-password"
        value={value.password}
        onChange={(password) => onChange({ ...value, password })}
        errors={errors}
        describedBy={`${meterId} ${rulesId}`}
        required
      />
      <StrengthMeter id={meterId} score={score} empty={value.password === ''} />
      <Field
        id={`${idPrefix}-confirm`}
        label={t('password.confirm')}
        type={show ? 'text' : 'password'}
        autoComplete="new-password"
        value={value.confirm}
        onChange={(confirm) => onChange({ ...value, confirm })}
        errors={confirmErrors}
        required
      />
      <div className="checkbox">
        <input id={`${idPrefix}-show`} type="checkbox" checked={show} onChange={(e) => setShow(e.target.checked)} />
        <label htmlFor={`${idPrefix}-show`}>{t('password.show')}</label>
      </div>
      <PasswordRulesChecklist
        id={rulesId}
        rules={rules}
        password={value.password}
        confirm={value.confirm}
        score={score}
      />
    </>
  );
}
