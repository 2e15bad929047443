// The wording of the messages the service sends, per language: an administrator picks a message
// and a language, writes a subject and a body (templates with the message's variables, such as
// `{{ name }}`), and sees the message as it would be sent while typing; the service checks every
// keystroke's version the way a save will (an unknown variable or a syntax error names its line).
// Empty subject and body (or "Use the default wording") fall back to the built-in wording.
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { LANGUAGES, t } from '../../i18n';
import type { Language, MessageKey } from '../../i18n';
import { SelectField, TextAreaField, TextField } from '../common/fields';
import { problemMessage, settle } from '../common/problem';
import type { MessagePreview, MessageWording, Notice } from '../common/types';
import type { PolicyTabProps } from './tabProps';

/** How long the typing must pause before the preview is asked for. */
const PAUSE_MS = 400;

const NOTICES: readonly { notice: Notice; label: MessageKey }[] = [
  { notice: 'code_email', label: 'admin.messages.notice.codeEmail' },
  { notice: 'code_sms', label: 'admin.messages.notice.codeSms' },
  { notice: 'code_voice', label: 'admin.messages.notice.codeVoice' },
  { notice: 'security_info_changed', label: 'admin.messages.notice.securityInfoChanged' },
  { notice: 'password_reset', label: 'admin.messages.notice.passwordReset' },
  { notice: 'account_unlocked', label: 'admin.messages.notice.accountUnlocked' },
  { notice: 'administrator_reset', label: 'admin.messages.notice.administratorReset' },
  { notice: 'recovery_code_used', label: 'admin.messages.notice.recoveryCodeUsed' },
  { notice: 'account_locked', label: 'admin.messages.notice.accountLocked' },
];

function isEmail(notice: Notice): boolean {
  return notice !== 'code_sms' && notice !== 'code_voice';
}

/** The policy's messages with the wording of (notice, language) replaced, or removed when empty. */
function withWording(
  messages: readonly MessageWording[],
  notice: Notice,
  language: Language,
  subject: string | null,
  body: string | null,
): MessageWording[] {
  const others = messages.filter((m) => m.notice !== notice || m.language !== language);
  if (subject === null && body === null) return others;
  return [...others, { notice, language, ...(subject === null ? {} : { subject }), ...(body === null ? {} : { body }) }];
}

function orNull(value: string): string | null {
  return value.trim() === '' ? null : value;
}

type Shown = { state: 'loading' } | { state: 'shown'; preview: MessagePreview } | { state: 'failed'; message: string };

export default function PolicyMessagesEditor({ policy, update }: PolicyTabProps) {
  const [notice, setNotice] = useState<Notice>('code_email');
  const [language, setLanguage] = useState<Language>(policy.customization.default_language ?? 'en');
  const messages = policy.customization.messages ?? [];
  const own = messages.find((m) => m.notice === notice && m.language === language);
  const subject = own?.subject ?? '';
  const body = own?.body ?? '';
  const [shown, setShown] = useState<Shown>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      const request = {
        notice,
        language,
        ...(orNull(subject) === null ? {} : { subject }),
        ...(orNull(body) === null ? {} : { body }),
      };
      void settle(api.POST('/api/v1/admin/messages/preview', { body: request })).then((outcome) => {
        if (!live) return;
        if (outcome.ok) {
          setShown({ state: 'shown', preview: outcome.data });
        } else {
          const detail = outcome.problem.fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; ');
          setShown({ state: 'failed', message: detail !== '' ? detail : problemMessage(outcome.problem) });
        }
      });
    }, PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [notice, language, subject, body]);

  function change(nextSubject: string | null, nextBody: string | null) {
    update((p) => ({
      ...p,
      customization: {
        ...p.customization,
        messages: withWording(p.customization.messages ?? [], notice, language, nextSubject, nextBody),
      },
    }));
  }

  const variables =
    shown.state === 'shown' ? shown.preview.variables.map((v) => `{{ ${v} }}`).join(', ') : '';

  return (
    <fieldset className="admin-messages">
      <legend>{t('admin.messages.title')}</legend>
      <p className="admin-hint">{t('admin.messages.intro')}</p>
      <div className="admin-messages-pick">
        <SelectField
          id="policy-messages-notice"
          label={t('admin.messages.notice')}
          value={notice}
          options={NOTICES.map((n) => ({ value: n.notice, label: t(n.label) }))}
          onChange={(value) => setNotice(value)}
        />
        <SelectField
          id="policy-messages-language"
          label={t('admin.messages.language')}
          value={language}
          options={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
          onChange={(value) => setLanguage(value)}
        />
      </div>
      <p className="admin-hint" data-testid="message-variables">
        {t('admin.messages.variables', { variables })}
      </p>
      {isEmail(notice) && (
        <TextField
          id="policy-messages-subject"
          label={t('admin.messages.subject')}
          hint={t('admin.messages.emptyMeansDefault')}
          value={subject}
          onChange={(value) => change(orNull(value) === null ? null : value, orNull(body))}
        />
      )}
      <TextAreaField
        id="policy-messages-body"
        label={t('admin.messages.body')}
        hint={t('admin.messages.bodyHint')}
        rows={8}
        value={body}
        onChange={(value) => change(orNull(subject), orNull(value) === null ? null : value)}
      />
      <div className="admin-actions">
        <button
          type="button"
          className="admin-button"
          disabled={own === undefined}
          onClick={() => change(null, null)}
        >
          {t('admin.messages.useDefault')}
        </button>
      </div>
      <section className="admin-message-preview" aria-labelledby="message-preview-heading" aria-live="polite">
        <h4 id="message-preview-heading">{t('admin.messages.preview')}</h4>
        {shown.state === 'loading' && <p>{t('admin.messages.previewLoading')}</p>}
        {shown.state === 'failed' && (
          <p className="admin-warning" data-testid="message-preview-error">
            {shown.message}
          </p>
        )}
        {shown.state === 'shown' && (
          <div data-testid="message-preview">
            {shown.preview.subject !== undefined && (
              <p>
                <strong>{t('admin.messages.subject')}:</strong>{' '}
                <span data-testid="message-preview-subject">{shown.preview.subject}</span>
              </p>
            )}
            <pre className="admin-message-text" data-testid="message-preview-text">
              {shown.preview.text}
            </pre>
          </div>
        )}
      </section>
    </fieldset>
  );
}
