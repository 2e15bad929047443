// Recovery codes: generated on request, shown this once (to download or print), kept only in
// this component's state — never in storage — and gone when the person says they saved them.
import { useState } from 'react';
import { api, call } from '../../api/client';
import type { Problem } from '../../api/client';
import { problemMessage } from '../../api/messages';
import { t } from '../../i18n';
import { ErrorMessage } from '../Messages';

export function RecoveryCodesForm({
  onDone,
  onCancel,
  replacing = false,
}: {
  onDone: () => void;
  onCancel?: () => void;
  /** A set exists: say that a new one ends it. */
  replacing?: boolean;
}) {
  const [codes, setCodes] = useState<string[] | null>(null);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  // The file to download, made in the page (nothing leaves it but the person's own copy).
  const download = codes
    ? `data:text/plain;charset=utf-8,${encodeURIComponent(
        `${t('add.codes.file_title', { date: new Date().toISOString().slice(0, 10) })}\n\n${codes.join('\n')}\n`,
      )}`
    : null;

  const generate = async () => {
    setBusy(true);
    const outcome = await call(api.POST('/api/v1/me/methods', { body: { kind: 'recovery_codes' } }));
    setBusy(false);
    if (!outcome.ok) {
      setProblem(outcome.problem);
      return;
    }
    // A set's answer carries its codes (`AddedMethod` per kind).
    if (outcome.data.kind === 'recovery_codes') {
      setProblem(null);
      setCodes(outcome.data.codes);
    }
  };

  if (!codes) {
    return (
      <div className="stack">
        <p>{t('add.codes.intro')}</p>
        {replacing ? <p>{t('add.codes.replace_intro')}</p> : null}
        <ErrorMessage>{problem ? problemMessage(problem, 'security') : null}</ErrorMessage>
        <div className="actions">
          <button type="button" className="button button--primary" onClick={() => void generate()} disabled={busy}>
            {busy ? t('action.working') : t(replacing ? 'add.codes.regenerate' : 'add.codes.start')}
          </button>
          {onCancel ? (
            <button type="button" className="button button--link" onClick={onCancel}>
              {t('action.cancel')}
            </button>
          ) : null}
        </div>
      </div>
    );
  }

  return (
    <div className="stack recovery-codes">
      <p className="message message--warning">{t('add.codes.shown_once')}</p>
      <ol className="recovery-codes__list" aria-label={t('add.codes.list_label')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="actions">
        {download ? (
          <a className="button" href={download} download="recovery-codes.txt">
            {t('add.codes.download')}
          </a>
        ) : null}
        <button type="button" className="button" onClick={() => window.print()}>
          {t('add.codes.print')}
        </button>
      </div>
      <div className="choice">
        <input id="codes-saved" type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} />
        <label htmlFor="codes-saved">{t('add.codes.saved')}</label>
      </div>
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={!saved}
          onClick={() => {
            setCodes(null);
            onDone();
          }}
        >
          {t('add.codes.done')}
        </button>
      </div>
    </div>
  );
}
