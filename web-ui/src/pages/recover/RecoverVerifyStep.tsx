// Steps 2 (and 3): choose one of the person's methods, get a code or the questions, prove it.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { api, bearer, call } from '../../api/client';
import type { Problem, Schemas } from '../../api/client';
import { fieldMessages, problemMessage } from '../../api/messages';
import { CodeEntry } from '../../components/CodeEntry';
import type { ResendResult } from '../../components/CodeEntry';
import { Field } from '../../components/Field';
import { ErrorMessage } from '../../components/Messages';
import { t } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { sendsCodes } from '../../components/methods/kinds';
import { PasskeyPrompt } from '../../components/methods/PasskeyPrompt';
import { endsFlow } from './flow';
import type { Flow, OfferedMethod } from './flow';

type Question = Schemas['Question'];
type Channel = Schemas['Channel'];
/** What proves a method, per kind: a code, the answers or a passkey's answer (`VerifyRequest`
 * without the method). */
type Proof =
  | Omit<Schemas['VerifyWithCode'], 'method_id'>
  | Omit<Schemas['VerifyWithAnswers'], 'method_id'>
  | Omit<Schemas['VerifyWithPasskey'], 'method_id'>;

interface Props {
  flow: Flow;
  onVerified: (result: Schemas['VerifyResponse'], methodId: string) => void;
  onDead: (problem: Problem) => void;
}

export function RecoverVerifyStep({ flow, onVerified, onDead }: Props) {
  const [method, setMethod] = useState<OfferedMethod | null>(null);
  const remaining = flow.methods.filter((m) => !flow.passed.includes(m.method_id));

  if (method === null) {
    return <MethodPicker methods={remaining} onPick={setMethod} />;
  }
  return (
    <MethodChallenge
      key={method.method_id}
      flow={flow}
      method={method}
      onVerified={onVerified}
      onDead={onDead}
      onBack={remaining.length > 1 ? () => setMethod(null) : undefined}
    />
  );
}

function MethodPicker({ methods, onPick }: { methods: OfferedMethod[]; onPick: (m: OfferedMethod) => void }) {
  const [choice, setChoice] = useState<string>(methods[0]?.method_id ?? '');
  if (methods.length === 0) return <ErrorMessage>{t('recover.no_methods')}</ErrorMessage>;
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        const m = methods.find((x) => x.method_id === choice);
        if (m) onPick(m);
      }}
    >
      <fieldset className="choices">
        <legend>{t('recover.choose_method')}</legend>
        {methods.map((m) => (
          <div className="choice" key={m.method_id}>
            <input
              type="radio"
              id={`method-${m.method_id}`}
              name="method"
              value={m.method_id}
              checked={choice === m.method_id}
              onChange={() => setChoice(m.method_id)}
            />
            <label htmlFor={`method-${m.method_id}`}>
              <span className="method__name">{t(`method.${m.kind}`)}</span>{' '}
              {sendsCodes(m.kind) ? <span className="method__hint">{m.hint}</span> : null}
            </label>
          </div>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" className="button button--primary">
          {t('action.continue')}
        </button>
      </div>
    </form>
  );
}

function MethodChallenge({
  flow,
  method,
  onVerified,
  onDead,
  onBack,
}: Props & { method: OfferedMethod; onBack: (() => void) | undefined }) {
  const isCodeKind = sendsCodes(method.kind);
  // A phone that takes texts and calls is one method: the person chooses how the code comes.
  const channels = method.channels ?? [];
  const choosesChannel = channels.includes('sms') && channels.includes('voice');
  const [channel, setChannel] = useState<Channel | null>(null);
  const [confirm, setConfirm] = useState('');
  const [sent, setSent] = useState<{ resendAfter: number } | null>(null);
  const [questions, setQuestions] = useState<Question[] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const path = { params: { path: { flow_id: flow.id } }, headers: bearer(flow.token) };

  /** POST …/challenges; null on success (the state is set), or what went wrong. */
  const challenge = async (via: Channel | null = channel): Promise<ResendResult> => {
    const outcome = await call(
      api.POST('/api/v1/recovery/flows/{flow_id}/challenges', {
        ...path,
        body: {
          method_id: method.method_id,
          confirm: isCodeKind && confirm.trim() !== '' ? confirm.trim() : null,
          channel: via,
        },
      }),
    );
    if (!outcome.ok) {
      if (endsFlow(outcome.problem)) onDead(outcome.problem);
      return { problem: outcome.problem, resendAfter: outcome.problem.retryAfter };
    }
    // What the challenge carries depends on the kind (`ChallengeResponse`).
    const sent = outcome.data;
    if ('questions' in sent) setQuestions(sent.questions);
    return { problem: null, resendAfter: 'resend_after' in sent ? sent.resend_after : null };
  };

  const verify = async (body: Proof): Promise<Problem | null> => {
    const outcome = await call(
      api.POST('/api/v1/recovery/flows/{flow_id}/verify', {
        ...path,
        body: { method_id: method.method_id, ...body },
      }),
    );
    if (outcome.ok) {
      onVerified(outcome.data, method.method_id);
      return null;
    }
    if (endsFlow(outcome.problem)) {
      onDead(outcome.problem);
      return null;
    }
    return outcome.problem;
  };

  const start = async (e?: FormEvent, via: Channel | null = choosesChannel ? 'sms' : null) => {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    setChannel(via);
    const result = await challenge(via);
    setBusy(false);
    setProblem(result.problem);
    if (!result.problem) setSent({ resendAfter: result.resendAfter ?? 0 });
  };

  const back = onBack ? (
    <button type="button" className="button button--link" onClick={onBack}>
      {t('recover.other_method')}
    </button>
  ) : null;
  const heading = (
    <p className="method-heading">
      <span className="method__name">{t(`method.${method.kind}`)}</span>{' '}
      {isCodeKind ? <span className="method__hint">{method.hint}</span> : null}
    </p>
  );

  if (method.kind === 'authenticator_app') {
    return (
      <div className="stack">
        {heading}
        <CodeEntry
          id="recover-app"
          intro={<p>{t('recover.app_code')}</p>}
          help={t('add.app.code_help')}
          scope="recover"
          digits={6}
          onVerify={(code) => verify({ code })}
        />
        {back}
      </div>
    );
  }

  if (method.kind === 'passkey') {
    return (
      <div className="stack">
        {heading}
        <PasskeyPrompt
          intro={t('passkey.recover_intro')}
          scope="recover"
          ask={async () => {
            const outcome = await call(
              api.POST('/api/v1/recovery/flows/{flow_id}/challenges', {
                ...path,
                body: { method_id: method.method_id, confirm: null, channel: null },
              }),
            );
            if (!outcome.ok) {
              if (endsFlow(outcome.problem)) onDead(outcome.problem);
              return { problem: outcome.problem };
            }
            const asked = outcome.data;
            return 'request_options' in asked ? { options: asked.request_options } : { problem: unexpected() };
          }}
          answer={(credential) => verify({ credential: credential as Record<string, never> })}
          extra={back}
        />
      </div>
    );
  }

  if (method.kind === 'recovery_codes') {
    return (
      <div className="stack">
        {heading}
        <CodeEntry
          id="recover-recovery-code"
          intro={<p>{t('recover.recovery_code')}</p>}
          label={t('recover.recovery_code_label')}
          help={t('recover.recovery_code_help')}
          scope="recover"
          text
          onVerify={(code) => verify({ code })}
        />
        {back}
      </div>
    );
  }

  if (method.kind === 'security_questions') {
    if (questions === null) {
      return (
        <div className="stack">
          {heading}
          <p>{t('recover.questions_intro')}</p>
          <ErrorMessage>{problem ? problemMessage(problem, 'recover') : null}</ErrorMessage>
          <div className="actions">
            <button type="button" className="button button--primary" onClick={() => void start()} disabled={busy}>
              {busy ? t('action.working') : t('recover.use_method')}
            </button>
            {back}
          </div>
        </div>
      );
    }
    return (
      <div className="stack">
        {heading}
        <QuestionsForm
          questions={questions}
          onSubmit={async (answers) => {
            const p = await verify({ answers });
            if (p?.code === 'wrong_answers' || p?.code === 'questions_not_asked') {
              // The questions are reshuffled after a miss: fetch the new ones.
              await challenge();
            }
            return p;
          }}
        />
        {back}
      </div>
    );
  }

  // Email and phones.
  if (sent === null) {
    const confirmErrors = fieldMessages(problem, 'confirm');
    return (
      <form className="stack" onSubmit={start} noValidate>
        {heading}
        <Field
          id="recover-confirm"
          label={method.kind === 'email' ? t('recover.confirm.email') : t('recover.confirm.phone')}
          help={t('recover.confirm.help')}
          type={method.kind === 'email' ? 'email' : 'tel'}
          inputMode={method.kind === 'email' ? 'email' : 'tel'}
          autoComplete="off"
          value={confirm}
          onChange={setConfirm}
          errors={confirmErrors}
        />
        <ErrorMessage>{problem && confirmErrors.length === 0 ? problemMessage(problem, 'recover') : null}</ErrorMessage>
        <div className="actions">
          {choosesChannel ? (
            <>
              <button type="submit" className="button button--primary" disabled={busy}>
                {t('recover.text_me')}
              </button>
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void start(undefined, 'voice')}
              >
                {t('recover.call_me')}
              </button>
            </>
          ) : (
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('action.working') : t('recover.send_code')}
            </button>
          )}
          {back}
        </div>
      </form>
    );
  }
  return (
    <div className="stack">
      {heading}
      <CodeEntry
        id="recover-code"
        intro={<p>{t(sentWords(method, channel), { hint: method.hint })}</p>}
        scope="recover"
        initialResendAfter={sent.resendAfter}
        onVerify={(code) => verify({ code })}
        onResend={() => challenge()}
      />
      {back}
    </div>
  );
}

/** What the person is told after a send: by email, by text or by a call. */
function sentWords(method: OfferedMethod, channel: Channel | null): MessageKey {
  if (method.kind === 'email') return 'add.code_sent_email';
  const via = channel ?? method.channels?.[0] ?? (method.kind === 'mobile_sms' ? 'sms' : 'voice');
  return via === 'sms' ? 'add.code_sent_phone_sms' : 'add.code_sent_phone_voice';
}

function QuestionsForm({
  questions,
  onSubmit,
}: {
  questions: Question[];
  onSubmit: (answers: { question_id: string; answer: string }[]) => Promise<Problem | null>;
}) {
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const p = await onSubmit(questions.map((q) => ({ question_id: q.question_id, answer: answers[q.question_id] ?? '' })));
    setBusy(false);
    setProblem(p);
    if (p?.code === 'wrong_answers' || p?.code === 'questions_not_asked') setAnswers({});
  };

  const message = problem ? problemMessage(problem, 'recover') : null;
  return (
    <form className="stack" onSubmit={submit} noValidate>
      <p>{t('recover.questions_intro')}</p>
      <ErrorMessage id="recover-answers-error">{message}</ErrorMessage>
      {questions.map((q, i) => (
        <div className="field" key={q.question_id}>
          <label htmlFor={`answer-${i}`}>{q.text}</label>
          <input
            id={`answer-${i}`}
            type="text"
            autoComplete="off"
            value={answers[q.question_id] ?? ''}
            onChange={(e) => setAnswers((a) => ({ ...a, [q.question_id]: e.target.value }))}
            aria-describedby={message ? 'recover-answers-error' : undefined}
            aria-invalid={message ? true : undefined}
            required
          />
        </div>
      ))}
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('action.working') : t('action.verify')}
        </button>
      </div>
    </form>
  );
}

/** A problem for an answer the client cannot use (a newer server's). */
function unexpected(): Problem {
  return {
    status: 0,
    code: 'internal_error',
    detail: '',
    fieldErrors: [],
    attemptsLeft: null,
    retryAfter: null,
    reason: null,
    helpdesk: null,
  };
}
