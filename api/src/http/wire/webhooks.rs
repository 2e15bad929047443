//! Webhook endpoints and their deliveries in the administration.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::webhooks::{DeliveryView, EndpointView, NewEndpoint, WebhookEvent};

/// An endpoint to register.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateWebhook {
    /// Where events are posted: http(s), resolving to public addresses only (unless
    /// `SSPR_WEBHOOKS_ALLOW_PRIVATE`).
    #[schema(max_length = 2000)]
    pub url: String,
    /// The events it wants (at least one).
    pub events: Vec<WebhookEvent>,
    #[serde(default)]
    #[schema(max_length = 200)]
    pub description: Option<String>,
}

impl From<CreateWebhook> for NewEndpoint {
    fn from(c: CreateWebhook) -> Self {
        Self {
            url: c.url,
            events: c.events,
            description: c.description,
        }
    }
}

/// An endpoint (never its secret).
#[derive(Serialize, ToSchema)]
pub struct Webhook {
    pub endpoint_id: Uuid,
    pub url: String,
    pub events: Vec<WebhookEvent>,
    pub description: Option<String>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

impl From<EndpointView> for Webhook {
    fn from(e: EndpointView) -> Self {
        Self {
            endpoint_id: e.id,
            url: e.url,
            events: e.events,
            description: e.description,
            created_by: e.created_by,
            created_at: e.created_at,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct WebhookList {
    pub items: Vec<Webhook>,
}

/// An endpoint just registered, with the secret its deliveries are signed with (Standard
/// Webhooks, `whsec_…`): shown this once.
#[derive(Serialize, ToSchema)]
pub struct CreatedWebhook {
    pub endpoint: Webhook,
    pub secret: String,
}

/// One delivery: the message (`webhook-id`), its event, and how it went.
#[derive(Serialize, ToSchema)]
pub struct WebhookDelivery {
    /// The `webhook-id` it is sent with (the same when it is sent again).
    pub delivery_id: String,
    pub event: String,
    pub created_at: DateTime<Utc>,
    /// Failed attempts so far.
    pub attempts: i32,
    pub delivered_at: Option<DateTime<Utc>>,
    /// When it is tried next, while it is neither delivered nor given up.
    pub next_attempt_at: Option<DateTime<Utc>>,
    /// When retrying stopped: it kept failing for a day. Only "send again" tries it again.
    pub given_up_at: Option<DateTime<Utc>>,
    /// The receiver's last answer (`HTTP 200`, `HTTP 500: …`) or why it could not be sent.
    pub last_answer: Option<String>,
}

impl From<DeliveryView> for WebhookDelivery {
    fn from(d: DeliveryView) -> Self {
        Self {
            delivery_id: d.id,
            event: d.event,
            created_at: d.created_at,
            attempts: d.attempts,
            delivered_at: d.delivered_at,
            next_attempt_at: d.next_attempt_at,
            given_up_at: d.given_up_at,
            last_answer: d.last_answer,
        }
    }
}

/// An endpoint's latest deliveries (at most 100), the newest first.
#[derive(Serialize, ToSchema)]
pub struct WebhookDeliveryList {
    pub items: Vec<WebhookDelivery>,
}
