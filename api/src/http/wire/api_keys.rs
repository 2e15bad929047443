//! API keys in the administration.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::api_keys::{Created, KeyView, NewKey, Scope};

/// A key to create.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateApiKey {
    /// What the key is for ("HR portal"); unique among keys that are not revoked.
    #[schema(min_length = 1, max_length = 100)]
    pub name: String,
    /// What it may do (at least one).
    pub scopes: Vec<Scope>,
    /// When it stops working (none: until revoked).
    #[serde(default)]
    pub expires_at: Option<DateTime<Utc>>,
    /// The client addresses and networks it may be used from (`203.0.113.7`, `10.0.0.0/8`);
    /// empty or absent: any.
    #[serde(default)]
    pub allowed_addresses: Vec<String>,
}

impl From<CreateApiKey> for NewKey {
    fn from(c: CreateApiKey) -> Self {
        Self {
            name: c.name,
            scopes: c.scopes,
            expires_at: c.expires_at,
            allowed_addresses: c.allowed_addresses,
        }
    }
}

/// A key (never its secret).
#[derive(Serialize, ToSchema)]
pub struct ApiKey {
    pub key_id: Uuid,
    pub name: String,
    pub scopes: Vec<Scope>,
    /// Empty: any address.
    pub allowed_addresses: Vec<String>,
    pub expires_at: Option<DateTime<Utc>>,
    /// The administrator who created it.
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    /// The client address (a /64 for IPv6) of its last use.
    pub last_used_from: Option<String>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<KeyView> for ApiKey {
    fn from(k: KeyView) -> Self {
        Self {
            key_id: k.id,
            name: k.name,
            scopes: k.scopes,
            allowed_addresses: k.allowed_addresses,
            expires_at: k.expires_at,
            created_by: k.created_by,
            created_at: k.created_at,
            last_used_at: k.last_used_at,
            last_used_from: k.last_used_from,
            revoked_at: k.revoked_at,
        }
    }
}

/// Every key, the newest first (revoked ones too, marked).
#[derive(Serialize, ToSchema)]
pub struct ApiKeyList {
    pub items: Vec<ApiKey>,
}

/// A key just created, with its secret: shown this once, kept nowhere (only its MAC is).
#[derive(Serialize, ToSchema)]
pub struct CreatedApiKey {
    pub key: ApiKey,
    /// `Authorization: Bearer <secret>`.
    pub secret: String,
}

impl From<Created> for CreatedApiKey {
    fn from(c: Created) -> Self {
        Self {
            key: c.key.into(),
            secret: c.secret,
        }
    }
}
