//! What the registration endpoints take and answer.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::RegistrationStatus;
use crate::methods::questions;
use crate::policy::MethodKind;
use crate::store::methods::ACTIVE;

/// Adding a method, as the service reads it: the document describes it per kind
/// (`http::schemas::AddMethodBody`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddMethodRequest {
    pub kind: MethodKind,
    /// For `email`.
    pub email: Option<String>,
    /// For the phone kinds, in international form.
    pub phone: Option<String>,
    /// For `office_voice`, digits only.
    pub extension: Option<String>,
}

/// A method, as its owner (or an administrator) sees it: never the full destination.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct MethodView {
    pub method_id: Uuid,
    pub kind: MethodKind,
    pub status: MethodStatus,
    /// Masked destination (`j***@e***.com`, `+1 ••• ••• ••67`) or the kind's name.
    pub hint: String,
    pub created_at: DateTime<Utc>,
    pub activated_at: Option<DateTime<Utc>>,
    /// Set while a method added or changed after the first set waits out the policy's recovery
    /// cool-down: a reset offers it from then on (it works for everything else at once).
    pub recovery_from: Option<DateTime<Utc>>,
}

#[derive(Serialize, ToSchema)]
pub struct MethodList {
    pub items: Vec<MethodView>,
}

/// Where a method stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MethodStatus {
    /// Added, waiting for its code (or the app's first code).
    Pending,
    /// Verified: it counts.
    Active,
}

impl MethodStatus {
    /// The status of a stored row (`store::methods::PENDING` / `ACTIVE`).
    pub fn of(stored: &str) -> Self {
        match stored {
            ACTIVE => Self::Active,
            _ => Self::Pending,
        }
    }
}

/// The answer to adding a method, as the service writes it: the document describes it per
/// kind (`http::schemas::AddedMethodBody`).
#[derive(Serialize)]
pub struct AddedMethod {
    pub method_id: Uuid,
    pub kind: MethodKind,
    pub status: MethodStatus,
    pub hint: String,
    /// Seconds the code sent is valid (code kinds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<i64>,
    /// Seconds before another code may be sent (code kinds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resend_after: Option<i64>,
    /// Authenticator apps: the seed in base32, shown this once.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    /// Authenticator apps: the `otpauth://` URI, shown this once.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub otpauth_uri: Option<String>,
    /// Authenticator apps: the URI as a QR code (SVG), shown this once.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qr_svg: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VerifyMethodRequest {
    /// The code received, or shown by the authenticator app.
    pub code: String,
}

#[derive(Serialize, ToSchema)]
pub struct CodeSent {
    pub expires_in: i64,
    pub resend_after: i64,
}

/// The answer to removing a method: removal is allowed even when it leaves the person short of
/// the policy, and the status says so.
#[derive(Serialize, ToSchema)]
pub struct Removal {
    pub registration: RegistrationStatus,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SecurityAnswers {
    #[serde(deserialize_with = "crate::wire::objects")]
    pub answers: Vec<SecurityAnswer>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SecurityAnswer {
    pub question_id: String,
    /// 3–40 characters; compared ignoring case, spacing and width.
    pub answer: String,
}

#[derive(Serialize, ToSchema)]
pub struct Catalogue {
    pub questions: Vec<questions::Question>,
    /// How many to answer.
    pub register_count: u32,
}
