// API keys for portals and automation: the list (scopes, expiry, addresses, last use), a form
// to create one (its secret shown once, in this component's state only, until dismissed), and
// revoking with a confirmation.
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { t } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { flatFieldLocator, placeFieldErrors } from '../common/fieldErrors';
import { FieldErrorsContext } from '../common/FieldErrorsContext';
import { CheckboxField, FieldMessages, FieldsetField, TextField } from '../common/fields';
import { formatDateTime } from '../common/format';
import { problemMessage, settle, type AdminProblem, type FieldErrorItem } from '../common/problem';
import { SecretOnce } from '../common/SecretOnce';
import { ConfirmButton, ErrorAlert, StatusRegion } from '../common/StatusMessages';
import type { ApiKey, ApiKeyScope } from '../common/types';

const SCOPES: readonly { scope: ApiKeyScope; label: MessageKey }[] = [
  { scope: 'admin:read', label: 'admin.keys.scope.adminRead' },
  { scope: 'admin:write', label: 'admin.keys.scope.adminWrite' },
  { scope: 'audit:read', label: 'admin.keys.scope.auditRead' },
  { scope: 'reports:read', label: 'admin.keys.scope.reportsRead' },
];

const locate = flatFieldLocator('key-create', ['name', 'scopes', 'expires_at', 'allowed_addresses']);

export default function ApiKeysPage() {
  const [keys, setKeys] = useState<ApiKey[] | null>(null);
  const [problem, setProblem] = useState<AdminProblem | null>(null);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiKeyScope[]>(['admin:read']);
  const [expires, setExpires] = useState('');
  const [addresses, setAddresses] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrorItem[]>([]);
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  // Bumped after a change, to read the list again.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    void settle(api.GET('/api/v1/admin/api-keys')).then((result) => {
      if (!current) return;
      if (result.ok) setKeys(result.data.items);
      else setProblem(result.problem);
    });
    return () => {
      current = false;
    };
  }, [version]);

  async function create() {
    setBusy(true);
    setProblem(null);
    const result = await settle(
      api.POST('/api/v1/admin/api-keys', {
        body: {
          name: name.trim(),
          scopes,
          expires_at: expires === '' ? null : new Date(`${expires}T23:59:59`).toISOString(),
          allowed_addresses: addresses
            .split(/[\s,]+/)
            .map((a) => a.trim())
            .filter((a) => a !== ''),
        },
      }),
    );
    setBusy(false);
    if (result.ok) {
      setFieldErrors([]);
      setSecret({ name: result.data.key.name, value: result.data.secret });
      setName('');
      setExpires('');
      setAddresses('');
      setVersion((v) => v + 1);
    } else if (result.problem.fieldErrors.length > 0) {
      setFieldErrors(result.problem.fieldErrors);
    } else {
      setProblem(result.problem);
    }
  }

  async function revoke(key: ApiKey) {
    const result = await settle(
      api.DELETE('/api/v1/admin/api-keys/{key_id}', { params: { path: { key_id: key.key_id } } }),
    );
    if (result.ok) {
      setStatus(t('admin.keys.revoked', { name: key.name }));
      setVersion((v) => v + 1);
    } else {
      setProblem(result.problem);
    }
  }

  const placed = placeFieldErrors(fieldErrors, locate);
  return (
    <section aria-labelledby="admin-keys-heading">
      <h2 id="admin-keys-heading">{t('admin.keys.title')}</h2>
      <p>{t('admin.keys.intro')}</p>
      {problem !== null && <ErrorAlert message={problemMessage(problem)} />}
      <StatusRegion message={keys === null ? t('admin.common.loading') : status} />
      {secret !== null && (
        <SecretOnce
          id="key-secret-heading"
          title={t('admin.keys.secretTitle', { name: secret.name })}
          explanation={t('admin.keys.secretOnce')}
          value={secret.value}
          testId="api-key-secret"
          dismissLabel={t('admin.keys.secretSaved')}
          onDismiss={() => setSecret(null)}
        />
      )}
      {keys !== null && keys.length === 0 && <p>{t('admin.keys.none')}</p>}
      {keys !== null && keys.length > 0 && (
        <div className="admin-table-wrap" role="region" aria-label={t('admin.keys.title')} tabIndex={0}>
          <table className="admin-table">
            <caption className="admin-visually-hidden">{t('admin.keys.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.keys.name')}</th>
                <th scope="col">{t('admin.keys.scopes')}</th>
                <th scope="col">{t('admin.keys.expires')}</th>
                <th scope="col">{t('admin.keys.addresses')}</th>
                <th scope="col">{t('admin.keys.lastUsed')}</th>
                <th scope="col">{t('admin.keys.state')}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.key_id}>
                  <td>{key.name}</td>
                  <td>{key.scopes.join(', ')}</td>
                  <td>{key.expires_at ? formatDateTime(key.expires_at) : t('admin.keys.never')}</td>
                  <td>{key.allowed_addresses.length > 0 ? key.allowed_addresses.join(', ') : t('admin.keys.anyAddress')}</td>
                  <td>
                    {key.last_used_at
                      ? `${formatDateTime(key.last_used_at)}${key.last_used_from ? ` (${key.last_used_from})` : ''}`
                      : t('admin.keys.neverUsed')}
                  </td>
                  <td>
                    {key.revoked_at ? (
                      t('admin.keys.revokedOn', { date: formatDateTime(key.revoked_at) })
                    ) : (
                      <ConfirmButton
                        label={t('admin.keys.revoke')}
                        question={t('admin.keys.revokeQuestion', { name: key.name })}
                        confirmLabel={t('admin.keys.revokeConfirm')}
                        danger
                        onConfirm={() => void revoke(key)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="admin-card" aria-labelledby="key-create-heading">
        <h3 id="key-create-heading">{t('admin.keys.create')}</h3>
        {placed.unplaced.length > 0 && <ErrorAlert message={placed.unplaced.map((e) => e.message).join(' ')} />}
        <FieldErrorsContext.Provider value={placed.byInput}>
          <form
            className="admin-form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void create();
            }}
          >
            <TextField id="key-create-name" label={t('admin.keys.name')} required value={name} onChange={setName} />
            <FieldsetField id="key-create-scopes" legend={t('admin.keys.scopes')}>
              {SCOPES.map((s) => (
                <CheckboxField
                  key={s.scope}
                  id={`key-create-scope-${s.scope.replace(':', '-')}`}
                  label={t(s.label)}
                  checked={scopes.includes(s.scope)}
                  onChange={(checked) =>
                    setScopes((current) => (checked ? [...current, s.scope] : current.filter((c) => c !== s.scope)))
                  }
                />
              ))}
            </FieldsetField>
            <div className="admin-field">
              <label htmlFor="key-create-expires_at">{t('admin.keys.expiresOn')}</label>
              <input id="key-create-expires_at" type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />
              <FieldMessages inputId="key-create-expires_at" />
            </div>
            <TextField
              id="key-create-allowed_addresses"
              label={t('admin.keys.addresses')}
              hint={t('admin.keys.addressesHint')}
              value={addresses}
              onChange={setAddresses}
            />
            <div className="admin-actions">
              <button type="submit" className="admin-button admin-button-primary" disabled={busy}>
                {t('admin.keys.createSubmit')}
              </button>
            </div>
          </form>
        </FieldErrorsContext.Provider>
      </section>
    </section>
  );
}
