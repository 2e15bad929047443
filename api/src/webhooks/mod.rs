//! Signed webhooks: administrators register endpoints (a URL, the events it wants, a secret);
//! each event is posted to them signed as the Standard Webhooks specification says
//! (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>`), so that
//! receivers can check it with an existing library.
//!
//! Deliveries come from the audit log, after the fact: [`dispatch`] reads the entries of the
//! last minutes that are webhook events and queues one outbox row per endpoint and entry, with
//! an id made of both, so every replica may scan and an entry is still queued once; a rolled
//! back change has no audit entry, so it is never announced. The outbox sender then delivers
//! them ([`send`]) and retries failures with its backoff. Payloads carry who and what, never a
//! secret, a code or a password (the audit entry has none to give).

pub mod ssrf;

use std::time::Duration as StdDuration;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac as _};
use rand::RngExt as _;
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::audit::{self, Event, EventKind};
use crate::context::{Actor, Ctx, RequestMeta};
use crate::error::{Error, FieldCode, FieldError};
use crate::store::outbox::OutboxRow;
use crate::store::webhooks::{self as rows, EndpointRow, KIND};
use crate::store::{self, ts, utc};

/// What an endpoint may be told about.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
pub enum WebhookEvent {
    /// A person reset their password by themselves.
    #[serde(rename = "password.reset")]
    PasswordReset,
    /// A person unlocked their account by themselves.
    #[serde(rename = "account.unlocked")]
    AccountUnlocked,
    /// A method was verified and counts now.
    #[serde(rename = "method.added")]
    MethodAdded,
    /// A person removed a method.
    #[serde(rename = "method.removed")]
    MethodRemoved,
    /// A person now has the methods the policy requires.
    #[serde(rename = "registration.completed")]
    RegistrationCompleted,
    /// Too many failures locked a person's reset or unlock (self-service blocked for a while).
    #[serde(rename = "self_service.blocked")]
    SelfServiceBlocked,
    /// Wrong passwords locked an account, and its owner was told.
    #[serde(rename = "account.locked")]
    AccountLocked,
}

impl WebhookEvent {
    pub const ALL: [WebhookEvent; 7] = [
        WebhookEvent::PasswordReset,
        WebhookEvent::AccountUnlocked,
        WebhookEvent::MethodAdded,
        WebhookEvent::MethodRemoved,
        WebhookEvent::RegistrationCompleted,
        WebhookEvent::SelfServiceBlocked,
        WebhookEvent::AccountLocked,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            WebhookEvent::PasswordReset => "password.reset",
            WebhookEvent::AccountUnlocked => "account.unlocked",
            WebhookEvent::MethodAdded => "method.added",
            WebhookEvent::MethodRemoved => "method.removed",
            WebhookEvent::RegistrationCompleted => "registration.completed",
            WebhookEvent::SelfServiceBlocked => "self_service.blocked",
            WebhookEvent::AccountLocked => "account.locked",
        }
    }

    /// The audit entry that is this event.
    const fn audited_as(self) -> EventKind {
        match self {
            WebhookEvent::PasswordReset => EventKind::RecoveryPasswordReset,
            WebhookEvent::AccountUnlocked => EventKind::RecoveryAccountUnlocked,
            WebhookEvent::MethodAdded => EventKind::MethodRegistered,
            WebhookEvent::MethodRemoved => EventKind::MethodRemoved,
            WebhookEvent::RegistrationCompleted => EventKind::RegistrationCompleted,
            WebhookEvent::SelfServiceBlocked => EventKind::RecoveryLocked,
            WebhookEvent::AccountLocked => EventKind::SignInLockedOut,
        }
    }

    fn of_audit(event_type: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|e| e.audited_as().as_str() == event_type)
    }
}

/// An endpoint being registered.
pub struct NewEndpoint {
    pub url: String,
    pub events: Vec<WebhookEvent>,
    pub description: Option<String>,
}

/// An endpoint as administrators see it (never its secret).
pub struct EndpointView {
    pub id: Uuid,
    pub url: String,
    pub events: Vec<WebhookEvent>,
    pub description: Option<String>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

/// One delivery: its message id, event, attempts and the last answer.
pub struct DeliveryView {
    pub id: String,
    pub event: String,
    pub created_at: DateTime<Utc>,
    pub attempts: i32,
    pub delivered_at: Option<DateTime<Utc>>,
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// When retrying stopped (failing for [`RETRY_FOR_HOURS`]); sent again only by hand.
    pub given_up_at: Option<DateTime<Utc>>,
    pub last_answer: Option<String>,
}

/// How far back [`dispatch`] looks: far longer than any transaction, so that an entry committed
/// late (with an earlier time) is still seen; entries are queued once whatever the overlap.
const LOOKBACK_MINUTES: i64 = 10;
/// How long a failing delivery is retried (every hour at most, with the outbox's backoff)
/// before it is given up: a day, about as long as the Standard Webhooks reference schedule.
pub const RETRY_FOR_HOURS: i64 = 24;
const TIMEOUT: StdDuration = StdDuration::from_secs(5);
const SECRET_BYTES: usize = 32;

fn view(row: &EndpointRow) -> EndpointView {
    EndpointView {
        id: Uuid::parse_str(&row.id).unwrap_or_default(),
        url: row.url.clone(),
        events: serde_json::from_str(&row.events).unwrap_or_default(),
        description: row.description.clone(),
        created_by: row.created_by.clone(),
        created_at: utc(row.created_at),
    }
}

/// Registers an endpoint; returns it with its signing secret (`whsec_…`, shown this once).
pub async fn create(
    ctx: &Ctx,
    actor: &Actor,
    meta: &RequestMeta,
    new: NewEndpoint,
) -> Result<(EndpointView, String), Error> {
    let mut errors = Vec::new();
    if new.events.is_empty() {
        errors.push(FieldError::new(
            "events",
            FieldCode::Required,
            "at least one event",
        ));
    }
    if new
        .description
        .as_ref()
        .is_some_and(|d| d.chars().count() > 200)
    {
        errors.push(FieldError::new(
            "description",
            FieldCode::TooLong,
            "at most 200 characters",
        ));
    }
    if let Err(message) = ssrf::check(&new.url, ctx.config.webhooks_allow_private).await {
        errors.push(FieldError::new("url", FieldCode::InvalidUrl, message));
    }
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let mut key = [0u8; SECRET_BYTES];
    rand::rng().fill(&mut key[..]);
    let secret = format!("whsec_{}", B64.encode(key));
    let id = Uuid::new_v4().to_string();
    let now = ctx.now();
    let mut events = new.events.clone();
    events.sort();
    events.dedup();
    let row = EndpointRow {
        id: id.clone(),
        url: new.url.trim().to_owned(),
        events: serde_json::to_string(&events).map_err(|e| Error::internal(e.to_string()))?,
        secret_sealed: ctx.secrets.seal(&id, secret.as_bytes())?,
        description: new.description.filter(|d| !d.trim().is_empty()),
        created_by: actor.username.clone(),
        created_at: ts(now),
    };
    let (row_c, party, meta_c) = (row.clone(), actor.party(), meta.clone());
    ctx.store
        .write(move |conn| {
            rows::insert(conn, &row_c)?;
            let event = Event::new(EventKind::WebhookCreated, party).details(serde_json::json!({
                "endpoint_id": row_c.id, "url": row_c.url,
                "events": events.iter().map(|e| e.as_str()).collect::<Vec<_>>(),
            }));
            audit::record(conn, now, &meta_c, event)
        })
        .await?;
    Ok((view(&row), secret))
}

pub async fn list(ctx: &Ctx) -> Result<Vec<EndpointView>, Error> {
    Ok(ctx.store.read(rows::all).await?.iter().map(view).collect())
}

pub async fn delete(ctx: &Ctx, actor: &Actor, meta: &RequestMeta, id: Uuid) -> Result<(), Error> {
    let now = ctx.now();
    let (party, meta_c) = (actor.party(), meta.clone());
    ctx.store
        .write(move |conn| {
            if !rows::delete(conn, &id.to_string())? {
                return Err(Error::NotFound("webhook endpoint"));
            }
            let event = Event::new(EventKind::WebhookDeleted, party)
                .details(serde_json::json!({ "endpoint_id": id }));
            audit::record(conn, now, &meta_c, event)
        })
        .await
}

pub async fn deliveries(ctx: &Ctx, id: Uuid) -> Result<Vec<DeliveryView>, Error> {
    let id = id.to_string();
    let found = ctx
        .store
        .read(move |conn| {
            if rows::find(conn, &id)?.is_none() {
                return Err(Error::NotFound("webhook endpoint"));
            }
            rows::deliveries(conn, &id, 100)
        })
        .await?;
    Ok(found
        .into_iter()
        .map(|r| DeliveryView {
            event: r.subject,
            created_at: utc(r.created_at),
            attempts: r.attempts,
            delivered_at: r.sent_at.map(utc),
            next_attempt_at: (r.sent_at.is_none() && r.given_up_at.is_none())
                .then(|| utc(r.next_attempt_at)),
            given_up_at: r.given_up_at.map(utc),
            last_answer: r.last_error,
            id: r.id,
        })
        .collect())
}

/// Sends a delivery again at once (the same message id, so a receiver can tell it is a
/// repeat).
pub async fn redeliver(
    ctx: &Ctx,
    actor: &Actor,
    meta: &RequestMeta,
    endpoint: Uuid,
    delivery: String,
) -> Result<(), Error> {
    let now = ctx.now();
    let (party, meta_c) = (actor.party(), meta.clone());
    ctx.store
        .write(move |conn| {
            if !rows::redeliver(conn, &endpoint.to_string(), &delivery, ts(now))? {
                return Err(Error::NotFound("delivery"));
            }
            let event = Event::new(EventKind::WebhookRedelivered, party)
                .details(serde_json::json!({ "endpoint_id": endpoint, "delivery_id": delivery }));
            audit::record(conn, now, &meta_c, event)
        })
        .await
}

/// Queues a delivery for every endpoint that wants each webhook event audited in the last
/// minutes (and after the endpoint was registered); how many were new.
pub async fn dispatch(ctx: &Ctx) -> Result<usize, Error> {
    let now = ctx.now();
    let since = ts(now - Duration::minutes(LOOKBACK_MINUTES));
    let (endpoints, entries, queued_ids) = ctx
        .store
        .read(move |conn| {
            let endpoints = rows::all(conn)?;
            if endpoints.is_empty() {
                return Ok((endpoints, Vec::new(), Vec::new()));
            }
            let types = WebhookEvent::ALL.map(|e| e.audited_as().as_str());
            let entries = store::audit::of_types_since(conn, &types, since)?;
            // A delivery is queued after its entry was written, so at or after `since`.
            let queued = rows::queued_since(conn, since)?;
            Ok((endpoints, entries, queued))
        })
        .await?;
    let queued_ids: std::collections::HashSet<String> = queued_ids.into_iter().collect();
    let mut queued = 0;
    for entry in &entries {
        let Some(event) = WebhookEvent::of_audit(&entry.event_type) else {
            continue;
        };
        for endpoint in &endpoints {
            let wants: Vec<WebhookEvent> =
                serde_json::from_str(&endpoint.events).unwrap_or_default();
            if !wants.contains(&event) || entry.at < endpoint.created_at {
                continue;
            }
            let id = format!(
                "msg_{}_{}",
                entry.id.replace('-', ""),
                endpoint.id.replace('-', "")
            );
            if queued_ids.contains(&id) {
                continue;
            }
            let row = OutboxRow {
                id,
                kind: KIND.to_owned(),
                recipient: endpoint.id.clone(),
                subject: event.as_str().to_owned(),
                text_body: payload(event, entry).to_string(),
                html_body: String::new(),
                created_at: ts(now),
                attempts: 0,
                next_attempt_at: ts(now),
                claimed_until: None,
                claim_token: None,
                sent_at: None,
                last_error: None,
                given_up_at: None,
            };
            if ctx
                .store
                .write(move |conn| rows::queue_once(conn, &row))
                .await?
            {
                queued += 1;
            }
        }
    }
    Ok(queued)
}

/// What a receiver is told: the event, when, and who (never a secret: only the audit entry's
/// who and what, and for methods their kind).
fn payload(event: WebhookEvent, entry: &store::audit::AuditRow) -> serde_json::Value {
    let details: serde_json::Value = serde_json::from_str(&entry.details).unwrap_or_default();
    let mut data = serde_json::json!({
        "user_id": entry.target_id,
        "username": entry.target_name,
        "audit_id": entry.id,
    });
    if let Some(kind) = details.get("kind") {
        data["method_kind"] = kind.clone();
    }
    serde_json::json!({
        "type": event.as_str(),
        "timestamp": utc(entry.at),
        "data": data,
    })
}

/// The Standard Webhooks signature of `body` sent as message `id` at `timestamp` (seconds):
/// `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body` with the secret's key.
pub fn sign(secret: &str, id: &str, timestamp: i64, body: &str) -> Result<String, Error> {
    let key = B64
        .decode(secret.trim_start_matches("whsec_"))
        .map_err(|_| Error::internal("a webhook secret is not base64"))?;
    let mut mac = <Hmac<Sha256> as hmac::Mac>::new_from_slice(&key)
        .map_err(|_| Error::internal("a webhook secret is empty"))?;
    mac.update(format!("{id}.{timestamp}.{body}").as_bytes());
    Ok(format!("v1,{}", B64.encode(mac.finalize().into_bytes())))
}

/// Sends one claimed delivery ([`send`]) and records how it went: delivered, put off with the
/// outbox's backoff, or given up once it has failed for [`RETRY_FOR_HOURS`] since it was
/// queued. Whether the receiver took it.
pub async fn deliver(ctx: &Ctx, row: &OutboxRow, token: &str) -> Result<bool, Error> {
    let outcome = send(ctx, row).await;
    let done = ctx.now();
    let delivered = outcome.is_ok();
    let give_up = !delivered && utc(row.created_at) + Duration::hours(RETRY_FOR_HOURS) <= done;
    let next = done + crate::delivery::outbox::backoff(row.attempts);
    let (id, token) = (row.id.clone(), token.to_owned());
    ctx.store
        .write(move |conn| match outcome {
            Ok(answer) => {
                store::outbox::mark_sent(conn, &id, &token, ts(done))?;
                rows::record_answer(conn, &id, &token, &answer)
            }
            Err(answer) if give_up => store::outbox::give_up(conn, &id, &token, ts(done), &answer),
            Err(answer) => store::outbox::mark_failed(conn, &id, &token, ts(next), &answer),
        })
        .await?;
    if give_up {
        tracing::warn!(delivery_id = %row.id, endpoint_id = %row.recipient, "a webhook delivery failed for a day; given up");
    }
    Ok(delivered)
}

/// Delivers one claimed outbox row to its endpoint: the address is checked again (the name may
/// resolve elsewhere now), no redirect is followed, and the answer must come within 5 seconds.
/// `Ok(answer)` when the receiver took it (2xx), `Err(answer)` otherwise.
pub async fn send(ctx: &Ctx, row: &OutboxRow) -> Result<String, String> {
    let id = row.recipient.clone();
    let endpoint = ctx
        .store
        .read(move |conn| rows::find(conn, &id))
        .await
        .map_err(|e| e.to_string())?
        .ok_or("the endpoint was deleted")?;
    let secret = ctx
        .secrets
        .open(&endpoint.id, &endpoint.secret_sealed)
        .map_err(|e| e.to_string())
        .and_then(|s| String::from_utf8(s).map_err(|e| e.to_string()))?;
    let (host, addresses) = ssrf::check(&endpoint.url, ctx.config.webhooks_allow_private).await?;
    let timestamp = ctx.now().timestamp();
    let signature = sign(&secret, &row.id, timestamp, &row.text_body).map_err(|e| e.to_string())?;
    let mut client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(TIMEOUT)
        .connect_timeout(TIMEOUT);
    // Connect to the addresses just checked, not to whatever the name resolves to next.
    for address in &addresses {
        client = client.resolve(&host, *address);
    }
    let client = client.build().map_err(|e| e.to_string())?;
    let response = client
        .post(&endpoint.url)
        .header("content-type", "application/json")
        .header("webhook-id", &row.id)
        .header("webhook-timestamp", timestamp.to_string())
        .header("webhook-signature", signature)
        .body(row.text_body.clone())
        .send()
        .await
        .map_err(|e| {
            if e.is_timeout() {
                "no answer within 5 seconds".to_owned()
            } else {
                "the receiver could not be reached".to_owned()
            }
        })?;
    let status = response.status();
    let text: String = response
        .text()
        .await
        .unwrap_or_default()
        .chars()
        .take(200)
        .collect();
    let answer = format!(
        "HTTP {}{}",
        status.as_u16(),
        if text.is_empty() {
            String::new()
        } else {
            format!(": {text}")
        }
    );
    if status.is_success() {
        Ok(answer)
    } else {
        Err(answer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_the_one_of_the_standard_webhooks_example() {
        // The specification's example (standard-webhooks/spec.md).
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        let id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
        let body = r#"{"test": 2432232314}"#;
        assert_eq!(
            sign(secret, id, 1614265330, body).unwrap(),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        );
    }

    #[test]
    fn audit_entries_map_to_events() {
        assert_eq!(
            WebhookEvent::of_audit("recovery.password_reset"),
            Some(WebhookEvent::PasswordReset)
        );
        assert_eq!(WebhookEvent::of_audit("sign_in.failed"), None);
    }
}
