// Webhook endpoints: the list, a form to add one (its signing secret shown once, in this
// component's state only, until dismissed), removing with a confirmation, and each endpoint's
// deliveries with the receiver's last answer and "send again".
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { t } from '../../i18n';
import type { MessageKey } from '../../i18n';
import { flatFieldLocator, placeFieldErrors } from '../common/fieldErrors';
import { FieldErrorsContext } from '../common/FieldErrorsContext';
import { CheckboxField, FieldsetField, TextField } from '../common/fields';
import { formatDateTime } from '../common/format';
import { problemMessage, settle, type AdminProblem, type FieldErrorItem } from '../common/problem';
import { SecretOnce } from '../common/SecretOnce';
import { ConfirmButton, ErrorAlert, StatusRegion } from '../common/StatusMessages';
import type { Webhook, WebhookDelivery, WebhookEvent } from '../common/types';

const EVENTS: readonly { event: WebhookEvent; label: MessageKey }[] = [
  { event: 'password.reset', label: 'admin.webhooks.event.passwordReset' },
  { event: 'account.unlocked', label: 'admin.webhooks.event.accountUnlocked' },
  { event: 'method.added', label: 'admin.webhooks.event.methodAdded' },
  { event: 'method.removed', label: 'admin.webhooks.event.methodRemoved' },
  { event: 'registration.completed', label: 'admin.webhooks.event.registrationCompleted' },
  { event: 'self_service.blocked', label: 'admin.webhooks.event.selfServiceBlocked' },
  { event: 'account.locked', label: 'admin.webhooks.event.accountLocked' },
];

const locate = flatFieldLocator('webhook-create', ['url', 'events', 'description']);

/** One endpoint's deliveries, newest first, each with its last answer and "send again". */
function Deliveries({ endpoint }: { endpoint: Webhook }) {
  const [items, setItems] = useState<WebhookDelivery[] | null>(null);
  const [problem, setProblem] = useState<AdminProblem | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    let current = true;
    void settle(
      api.GET('/api/v1/admin/webhooks/{endpoint_id}/deliveries', {
        params: { path: { endpoint_id: endpoint.endpoint_id } },
      }),
    ).then((result) => {
      if (!current) return;
      if (result.ok) setItems(result.data.items);
      else setProblem(result.problem);
    });
    return () => {
      current = false;
    };
  }, [endpoint.endpoint_id]);

  async function again(delivery: WebhookDelivery) {
    const result = await settle(
      api.POST('/api/v1/admin/webhooks/{endpoint_id}/deliveries/{delivery_id}/redeliver', {
        params: { path: { endpoint_id: endpoint.endpoint_id, delivery_id: delivery.delivery_id } },
      }),
    );
    if (result.ok) setStatus(t('admin.webhooks.redelivered'));
    else setProblem(result.problem);
  }

  const heading = `webhook-deliveries-${endpoint.endpoint_id}`;
  return (
    <section aria-labelledby={heading}>
      <h4 id={heading}>{t('admin.webhooks.deliveriesTitle', { url: endpoint.url })}</h4>
      {problem !== null && <ErrorAlert message={problemMessage(problem)} />}
      <StatusRegion message={items === null ? t('admin.common.loading') : status} />
      {items !== null && items.length === 0 && <p>{t('admin.webhooks.noDeliveries')}</p>}
      {items !== null && items.length > 0 && (
        <div className="admin-table-wrap" role="region" aria-labelledby={heading} tabIndex={0}>
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.webhooks.delivery.event')}</th>
                <th scope="col">{t('admin.webhooks.delivery.created')}</th>
                <th scope="col">{t('admin.webhooks.delivery.attempts')}</th>
                <th scope="col">{t('admin.webhooks.delivery.state')}</th>
                <th scope="col">{t('admin.webhooks.delivery.answer')}</th>
                <th scope="col">
                  <span className="admin-visually-hidden">{t('admin.webhooks.redeliver')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.delivery_id}>
                  <td>{d.event}</td>
                  <td>{formatDateTime(d.created_at)}</td>
                  <td>{d.attempts}</td>
                  <td>
                    {d.delivered_at
                      ? t('admin.webhooks.delivered', { date: formatDateTime(d.delivered_at) })
                      : d.given_up_at
                        ? t('admin.webhooks.gaveUp', { date: formatDateTime(d.given_up_at) })
                        : t('admin.webhooks.nextAttempt', { date: formatDateTime(d.next_attempt_at) })}
                  </td>
                  <td>{d.last_answer ?? ''}</td>
                  <td>
                    <button type="button" className="admin-button" onClick={() => void again(d)}>
                      {t('admin.webhooks.redeliver')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export default function WebhooksPage() {
  const [endpoints, setEndpoints] = useState<Webhook[] | null>(null);
  const [problem, setProblem] = useState<AdminProblem | null>(null);
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>(['password.reset']);
  const [description, setDescription] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrorItem[]>([]);
  const [secret, setSecret] = useState<{ url: string; value: string } | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  // Bumped after a change, to read the list again.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    void settle(api.GET('/api/v1/admin/webhooks')).then((result) => {
      if (!current) return;
      if (result.ok) setEndpoints(result.data.items);
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
      api.POST('/api/v1/admin/webhooks', {
        body: { url: url.trim(), events, description: description.trim() === '' ? null : description.trim() },
      }),
    );
    setBusy(false);
    if (result.ok) {
      setFieldErrors([]);
      setSecret({ url: result.data.endpoint.url, value: result.data.secret });
      setUrl('');
      setDescription('');
      setVersion((v) => v + 1);
    } else if (result.problem.fieldErrors.length > 0) {
      setFieldErrors(result.problem.fieldErrors);
    } else {
      setProblem(result.problem);
    }
  }

  async function remove(endpoint: Webhook) {
    const result = await settle(
      api.DELETE('/api/v1/admin/webhooks/{endpoint_id}', { params: { path: { endpoint_id: endpoint.endpoint_id } } }),
    );
    if (result.ok) {
      setStatus(t('admin.webhooks.removed', { url: endpoint.url }));
      setVersion((v) => v + 1);
    } else {
      setProblem(result.problem);
    }
  }

  const placed = placeFieldErrors(fieldErrors, locate);
  const open = endpoints?.find((e) => e.endpoint_id === shown) ?? null;
  return (
    <section aria-labelledby="admin-webhooks-heading">
      <h2 id="admin-webhooks-heading">{t('admin.webhooks.title')}</h2>
      <p>{t('admin.webhooks.intro')}</p>
      {problem !== null && <ErrorAlert message={problemMessage(problem)} />}
      <StatusRegion message={endpoints === null ? t('admin.common.loading') : status} />
      {secret !== null && (
        <SecretOnce
          id="webhook-secret-heading"
          title={t('admin.webhooks.secretTitle', { url: secret.url })}
          explanation={t('admin.webhooks.secretOnce')}
          value={secret.value}
          testId="webhook-secret"
          dismissLabel={t('admin.webhooks.secretSaved')}
          onDismiss={() => setSecret(null)}
        />
      )}
      {endpoints !== null && endpoints.length === 0 && <p>{t('admin.webhooks.none')}</p>}
      {endpoints !== null && endpoints.length > 0 && (
        <div className="admin-table-wrap" role="region" aria-label={t('admin.webhooks.title')} tabIndex={0}>
          <table className="admin-table">
            <caption className="admin-visually-hidden">{t('admin.webhooks.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.webhooks.url')}</th>
                <th scope="col">{t('admin.webhooks.events')}</th>
                <th scope="col">{t('admin.webhooks.created')}</th>
                <th scope="col">
                  <span className="admin-visually-hidden">{t('admin.webhooks.showDeliveries')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map((endpoint) => (
                <tr key={endpoint.endpoint_id}>
                  <td>
                    {endpoint.url}
                    {endpoint.description ? ` (${endpoint.description})` : ''}
                  </td>
                  <td>{endpoint.events.join(', ')}</td>
                  <td>{formatDateTime(endpoint.created_at)}</td>
                  <td>
                    <div className="admin-actions">
                      <button
                        type="button"
                        className="admin-button"
                        aria-pressed={shown === endpoint.endpoint_id}
                        onClick={() => setShown(shown === endpoint.endpoint_id ? null : endpoint.endpoint_id)}
                      >
                        {t('admin.webhooks.showDeliveries')}
                      </button>
                      <ConfirmButton
                        label={t('admin.webhooks.remove')}
                        question={t('admin.webhooks.removeQuestion', { url: endpoint.url })}
                        confirmLabel={t('admin.webhooks.removeConfirm')}
                        danger
                        onConfirm={() => void remove(endpoint)}
                      />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open !== null && <Deliveries key={open.endpoint_id} endpoint={open} />}
      <section className="admin-card" aria-labelledby="webhook-create-heading">
        <h3 id="webhook-create-heading">{t('admin.webhooks.create')}</h3>
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
            <TextField id="webhook-create-url" type="url" label={t('admin.webhooks.url')} required value={url} onChange={setUrl} />
            <FieldsetField id="webhook-create-events" legend={t('admin.webhooks.events')}>
              {EVENTS.map((e) => (
                <CheckboxField
                  key={e.event}
                  id={`webhook-create-event-${e.event.replace('.', '-')}`}
                  label={t(e.label)}
                  checked={events.includes(e.event)}
                  onChange={(checked) =>
                    setEvents((current) => (checked ? [...current, e.event] : current.filter((c) => c !== e.event)))
                  }
                />
              ))}
            </FieldsetField>
            <TextField
              id="webhook-create-description"
              label={t('admin.webhooks.description')}
              value={description}
              onChange={setDescription}
            />
            <div className="admin-actions">
              <button type="submit" className="admin-button admin-button-primary" disabled={busy}>
                {t('admin.webhooks.createSubmit')}
              </button>
            </div>
          </form>
        </FieldErrorsContext.Provider>
      </section>
    </section>
  );
}
