import { t } from '../../i18n';
import { customQuestionInputId } from '../common/fieldErrors';
import { CheckboxField, FieldsetField, NumberField, SelectField, TextField } from '../common/fields';
import { methodName } from '../common/format';
import { METHOD_KINDS, type MethodKind } from '../common/types';
import type { PolicyTabProps } from './tabProps';

/** The API accepts at most this many questions of the organisation's own. */
export const MAX_CUSTOM_QUESTIONS = 20;

/** Which methods people may register, how many a reset needs, and the security questions. */
export default function PolicyMethodsTab({ policy, update }: PolicyTabProps) {
  const questions = policy.security_questions.custom_questions;

  function toggleMethod(kind: MethodKind, checked: boolean) {
    update((p) => ({
      ...p,
      methods_enabled: checked
        ? METHOD_KINDS.filter((k) => k === kind || p.methods_enabled.includes(k))
        : p.methods_enabled.filter((k) => k !== kind),
    }));
  }

  function setQuestions(change: (list: string[]) => string[]) {
    update((p) => ({
      ...p,
      security_questions: { ...p.security_questions, custom_questions: change(p.security_questions.custom_questions) },
    }));
  }

  return (
    <div className="admin-stack">
      <FieldsetField id="policy-methods_enabled" legend={t('admin.policy.methodsEnabled')}>
        {METHOD_KINDS.map((kind) => (
          <div className="admin-field-checkbox" key={kind}>
            <input
              type="checkbox"
              id={`policy-method-${kind}`}
              checked={policy.methods_enabled.includes(kind)}
              onChange={(event) => toggleMethod(kind, event.target.checked)}
            />
            <label htmlFor={`policy-method-${kind}`}>{methodName(kind)}</label>
          </div>
        ))}
      </FieldsetField>
      <CheckboxField
        id="policy-recovery_codes-allow_administrators"
        label={t('admin.policy.recoveryCodesForAdmins')}
        hint={t('admin.policy.recoveryCodesForAdminsHint')}
        checked={policy.recovery_codes?.allow_administrators ?? false}
        onChange={(checked) =>
          update((p) => ({ ...p, recovery_codes: { ...p.recovery_codes, allow_administrators: checked } }))
        }
      />
      <CheckboxField
        id="policy-passkeys-counts_as_two"
        label={t('admin.policy.passkeyCountsAsTwo')}
        hint={t('admin.policy.passkeyCountsAsTwoHint')}
        checked={policy.passkeys?.counts_as_two ?? false}
        onChange={(checked) => update((p) => ({ ...p, passkeys: { ...p.passkeys, counts_as_two: checked } }))}
      />
      <SelectField
        id="policy-methods_required"
        label={t('admin.policy.methodsRequired')}
        hint={t('admin.policy.methodsRequiredHint')}
        value={String(policy.methods_required)}
        options={[
          { value: '1', label: t('admin.policy.methodsRequired.1') },
          { value: '2', label: t('admin.policy.methodsRequired.2') },
        ]}
        onChange={(value) => update((p) => ({ ...p, methods_required: Number(value) }))}
      />
      <section className="admin-stack" aria-labelledby="policy-security-questions-heading">
        <h3 id="policy-security-questions-heading">{t('admin.policy.securityQuestions')}</h3>
        {!policy.methods_enabled.includes('security_questions') && (
          <p className="admin-hint">{t('admin.policy.securityQuestionsOff')}</p>
        )}
        <NumberField
          id="policy-security_questions-register_count"
          label={t('admin.policy.registerCount')}
          hint={t('admin.policy.registerCountHint')}
          min={3}
          max={5}
          value={policy.security_questions.register_count}
          onChange={(value) =>
            update((p) => ({ ...p, security_questions: { ...p.security_questions, register_count: value } }))
          }
        />
        <NumberField
          id="policy-security_questions-reset_count"
          label={t('admin.policy.resetCount')}
          hint={t('admin.policy.resetCountHint')}
          min={3}
          max={5}
          value={policy.security_questions.reset_count}
          onChange={(value) =>
            update((p) => ({ ...p, security_questions: { ...p.security_questions, reset_count: value } }))
          }
        />
        <FieldsetField
          id="policy-security_questions-custom_questions"
          legend={t('admin.policy.customQuestions')}
          hint={t('admin.policy.customQuestionsHint', { max: MAX_CUSTOM_QUESTIONS })}
        >
          {questions.length === 0 && <p>{t('admin.policy.noCustomQuestions')}</p>}
          <ol className="admin-question-list">
            {questions.map((question, index) => (
              <li key={index} className="admin-question">
                <TextField
                  id={customQuestionInputId(index)}
                  label={t('admin.policy.customQuestion', { number: index + 1 })}
                  value={question}
                  onChange={(value) => setQuestions((list) => list.map((q, i) => (i === index ? value : q)))}
                />
                <button
                  type="button"
                  className="admin-button"
                  aria-label={t('admin.policy.removeQuestionNamed', { number: index + 1 })}
                  onClick={() => setQuestions((list) => list.filter((_, i) => i !== index))}
                >
                  {t('admin.policy.removeQuestion')}
                </button>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="admin-button"
            disabled={questions.length >= MAX_CUSTOM_QUESTIONS}
            onClick={() => setQuestions((list) => [...list, ''])}
          >
            {t('admin.policy.addQuestion')}
          </button>
        </FieldsetField>
      </section>
    </div>
  );
}
