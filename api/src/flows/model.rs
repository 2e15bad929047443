//! What the flow's steps take and give, in the domain's own terms: plain values, parsed at the
//! edge from the API's types (`http::wire::recovery`) and turned back into them there.

use super::*;

/// Starting a flow.
pub struct Start {
    /// As typed.
    pub username: String,
    pub purpose: Purpose,
    /// The CAPTCHA solution.
    pub captcha: String,
}

/// One method offered, masked: one independent factor (a phone with the channels the policy
/// allows on its number). Kept in the flow's row as JSON, so its serde shape is a storage
/// format: change it only compatibly.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct OfferedMethod {
    pub method_id: Uuid,
    pub kind: MethodKind,
    pub hint: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<methods::Channel>,
    /// How many of the methods required it counts for: 2 for a passkey when the policy says
    /// so, else 1 (absent in rows written before: 1).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub counts: u32,
}

fn one() -> u32 {
    1
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

/// A flow started (for a person or a phantom: the same shape).
pub struct Started {
    pub flow_id: Uuid,
    pub flow_token: String,
    pub expires_at: DateTime<Utc>,
    pub methods_required: u32,
    pub methods: Vec<OfferedMethod>,
}

/// Asking for a challenge: a code sent, the app's code, or the questions.
pub struct Ask {
    pub method_id: Uuid,
    /// For a phone: texts or calls (default: the first of its channels).
    pub channel: Option<methods::Channel>,
    /// The full address or number, when the policy asks for it first.
    pub confirm: Option<String>,
}

/// What a challenge asked of the person.
pub struct Challenged {
    pub kind: MethodKind,
    pub what: Asked,
}

pub enum Asked {
    /// A code is on its way: valid for, and resendable after, this many seconds.
    Code { expires_in: i64, resend_after: i64 },
    /// The code the app shows now.
    AppCode,
    /// One of the recovery codes not used yet.
    RecoveryCode,
    /// The passkey's answer to these request options (`PublicKeyCredentialRequestOptions`).
    Passkey(serde_json::Value),
    /// These questions.
    Questions(Vec<questions::Question>),
}

/// What a verification brings: a code, or answers to the questions asked.
pub struct Evidence {
    pub method_id: Uuid,
    pub code: Option<String>,
    /// A passkey's assertion (`PublicKeyCredential.toJSON()`).
    pub credential: Option<serde_json::Value>,
    pub answers: Vec<questions::GivenAnswer>,
}

/// A method verified: the token for the next step and how far the flow is.
pub struct Verified {
    pub flow_token: String,
    pub methods_passed: u32,
    pub methods_remaining: u32,
}

/// How a flow finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Finished {
    PasswordReset,
    Unlocked,
}
