// Authenticator app: the QR code and key are shown once, then the app's current code proves
// the person copied it. The SVG is shown as an <img> data URL, never injected as markup.
import { useState } from 'react';
import { api, call } from '../../api/client';
import type { Problem, Schemas } from '../../api/client';
import { problemMessage } from '../../api/messages';
import { t } from '../../i18n';
import { CodeEntry } from '../CodeEntry';
import { ErrorMessage } from '../Messages';
import { verifyMethod } from './methodCalls';

export function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  bytes.forEach((b) => {
    binary += String.fromCharCode(b);
  });
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** The base32 key in groups of four, easier to type. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

export function AddAuthenticatorForm({ onDone, onCancel }: { onDone: () => void; onCancel?: () => void }) {
  const [added, setAdded] = useState<Schemas['AddedAuthenticatorApp'] | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setBusy(true);
    const outcome = await call(api.POST('/api/v1/me/methods', { body: { kind: 'authenticator_app' } }));
    setBusy(false);
    if (!outcome.ok) {
      setProblem(outcome.problem);
      return;
    }
    // An app's answer carries its seed (`AddedMethod` per kind).
    if (outcome.data.kind === 'authenticator_app') {
      setProblem(null);
      setAdded(outcome.data);
    }
  };

  if (!added) {
    return (
      <div className="stack">
        <ErrorMessage>{problem ? problemMessage(problem, 'security') : null}</ErrorMessage>
        <div className="actions">
          <button type="button" className="button button--primary" onClick={start} disabled={busy}>
            {busy ? t('action.working') : t('add.app.start')}
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
    <div className="stack">
      <p>{t('add.app.intro')}</p>
      {added.qr_svg ? (
        <img className="qr" src={svgDataUrl(added.qr_svg)} alt={t('add.app.qr_alt')} width={200} height={200} />
      ) : null}
      {added.secret ? (
        <p>
          {t('add.app.manual')} <code className="secret">{grouped(added.secret)}</code>
        </p>
      ) : null}
      <CodeEntry
        id="add-app"
        label={t('add.app.code_label')}
        help={t('add.app.code_help')}
        scope="security"
        digits={6}
        onVerify={async (code) => {
          const p = await verifyMethod(added.method_id, code);
          if (!p) onDone();
          return p;
        }}
        onCancel={onCancel}
      />
    </div>
  );
}
