// Security questions: pick `register_count` different questions from the catalogue and answer.
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { api, call } from '../../api/client';
import type { Problem, Schemas } from '../../api/client';
import { fieldMessage, problemMessage } from '../../api/messages';
import { t } from '../../i18n';
import { FieldErrors } from '../Field';
import { ErrorMessage } from '../Messages';

interface Row {
  questionId: string;
  answer: string;
}

export function SecurityQuestionsForm({ onDone, onCancel }: { onDone: () => void; onCancel?: () => void }) {
  const [catalogue, setCatalogue] = useState<Schemas['Catalogue'] | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<number, string[]>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void call(api.GET('/api/v1/me/security-questions/catalog')).then((o) => {
      if (!live) return;
      if (o.ok) {
        setCatalogue(o.data);
        setRows(Array.from({ length: o.data.register_count }, () => ({ questionId: '', answer: '' })));
      } else {
        setProblem(o.problem);
      }
    });
    return () => {
      live = false;
    };
  }, []);

  if (!catalogue) {
    return problem ? <ErrorMessage>{problemMessage(problem, 'security')}</ErrorMessage> : <p>{t('app.loading')}</p>;
  }

  const update = (i: number, change: Partial<Row>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...change } : r)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<number, string[]> = {};
    rows.forEach((r, i) => {
      const list: string[] = [];
      if (r.questionId === '') list.push(t('field.unknown_question'));
      else if (rows.findIndex((o) => o.questionId === r.questionId) !== i) list.push(t('add.questions.duplicate'));
      const length = [...r.answer.trim()].length;
      if (length < 3 || length > 40) list.push(t('add.questions.answer_length'));
      if (list.length > 0) errors[i] = list;
    });
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    const outcome = await call(
      api.PUT('/api/v1/me/security-questions', {
        body: { answers: rows.map((r) => ({ question_id: r.questionId, answer: r.answer })) },
      }),
    );
    setBusy(false);
    if (outcome.ok) onDone();
    else setProblem(outcome.problem);
  };

  // The API names fields `answers[0].answer`, `answers.0.question_id` or similar: match by index.
  const serverErrors = (i: number) =>
    (problem?.fieldErrors ?? [])
      .filter((e) => new RegExp(`^answers(\\.|\\[)${i}(\\]|\\.|$)`).test(e.field))
      .map(fieldMessage);
  const matched = rows.some((_, i) => serverErrors(i).length > 0);

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <p>{t('add.questions.intro', { count: catalogue.register_count })}</p>
      {rows.map((row, i) => {
        const errors = [...(localErrors[i] ?? []), ...serverErrors(i)];
        const errorId = errors.length > 0 ? `sq-${i}-error` : undefined;
        return (
          <fieldset key={i} className="question">
            <legend>{t('add.questions.question_n', { n: i + 1 })}</legend>
            <label htmlFor={`sq-${i}-question`}>{t('add.questions.choose')}</label>
            <select
              id={`sq-${i}-question`}
              value={row.questionId}
              onChange={(e) => update(i, { questionId: e.target.value })}
              aria-invalid={errors.length > 0 ? true : undefined}
              aria-describedby={errorId}
              required
            >
              <option value="">{t('add.questions.choose')}</option>
              {catalogue.questions.map((q) => (
                <option
                  key={q.question_id}
                  value={q.question_id}
                  disabled={rows.some((r, j) => j !== i && r.questionId === q.question_id)}
                >
                  {q.text}
                </option>
              ))}
            </select>
            <label htmlFor={`sq-${i}-answer`}>{t('add.questions.answer_n', { n: i + 1 })}</label>
            <input
              id={`sq-${i}-answer`}
              type="text"
              autoComplete="off"
              value={row.answer}
              maxLength={80}
              onChange={(e) => update(i, { answer: e.target.value })}
              aria-invalid={errors.length > 0 ? true : undefined}
              aria-describedby={errorId}
              required
            />
            <FieldErrors id={errorId} errors={errors} />
          </fieldset>
        );
      })}
      <ErrorMessage>{problem && !matched ? problemMessage(problem, 'security') : null}</ErrorMessage>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('action.working') : t('add.questions.save')}
        </button>
        {onCancel ? (
          <button type="button" className="button button--link" onClick={onCancel}>
            {t('action.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
