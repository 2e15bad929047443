//! What registration takes and gives, in the domain's terms (the API's types are in
//! `http::wire::registration`).

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::methods::{DestinationInput, questions};
use crate::policy::MethodKind;
use crate::store::methods::ACTIVE;

/// A method to add: its kind and what the person typed for it.
pub struct NewMethod {
    pub kind: MethodKind,
    pub destination: DestinationInput,
}

/// A method, as its owner (or an administrator) sees it: never the full destination.
#[derive(Clone, Debug)]
pub struct Method {
    pub method_id: Uuid,
    pub kind: MethodKind,
    pub status: MethodStatus,
    /// Masked destination, or the kind's name.
    pub hint: String,
    pub created_at: DateTime<Utc>,
    pub activated_at: Option<DateTime<Utc>>,
    /// While a method added or changed after the first set waits out the recovery cool-down.
    pub recovery_from: Option<DateTime<Utc>>,
    /// Recovery codes: how many are not used yet.
    pub codes_left: Option<u32>,
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

/// A method added: waiting to be proven, or (recovery codes) active at once.
pub struct Added {
    pub method_id: Uuid,
    pub kind: MethodKind,
    pub status: MethodStatus,
    pub hint: String,
    pub next: Enrolment,
}

/// What proving a method just added takes.
pub enum Enrolment {
    /// Typing the code sent.
    CodeSent(CodeSent),
    /// Typing the app's first code, once the seed (shown this once) is in the app.
    App {
        secret_base32: String,
        otpauth_uri: String,
        qr_svg: String,
    },
    /// Nothing more: the set is active; its codes are shown this once.
    RecoveryCodes(Vec<String>),
    /// The browser's credential for these creation options
    /// (`PublicKeyCredentialCreationOptions`).
    Passkey(serde_json::Value),
}

/// What proves a method just added: a code (code kinds, apps), or a passkey's credential.
pub struct MethodProof {
    pub code: Option<String>,
    pub credential: Option<serde_json::Value>,
}

/// A code on its way: valid for, and resendable after, this many seconds.
pub struct CodeSent {
    pub expires_in: i64,
    pub resend_after: i64,
}

/// The questions a person may choose from, and how many to answer.
pub struct Catalogue {
    pub questions: Vec<questions::Question>,
    pub register_count: u32,
}
