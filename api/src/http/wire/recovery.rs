//! What the recovery endpoints take and answer, and how they become the flow's own types
//! (`flows::model`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::registration::SecurityAnswer;
use crate::flows::{self, Purpose};
use crate::methods::{self, questions};
use crate::policy::MethodKind;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"username": "jane", "purpose": "reset_password", "captcha": "eyJhbGdvcml0aG0iOiJTSEEtMjU2IiwiY2hhbGxlbmdlIjoiLi4uIiwibnVtYmVyIjo0Miwic2FsdCI6Ii4uLiIsInNpZ25hdHVyZSI6Ii4uLiJ9"}))]
pub struct StartRequest {
    pub username: String,
    pub purpose: Purpose,
    /// The CAPTCHA solution: for the built-in proof of work, the base64 payload the ALTCHA widget
    /// produces; for a provider, its token.
    pub captcha: String,
}

impl From<StartRequest> for flows::Start {
    fn from(req: StartRequest) -> Self {
        Self {
            username: req.username,
            purpose: req.purpose,
            captcha: req.captcha,
        }
    }
}

/// One method the person can prove themselves with, masked: one independent factor. A phone is
/// one entry whatever the channels registered on its number (`kind` is `mobile_sms` when it
/// takes texts), with the channels the policy allows in `channels`.
#[derive(Serialize, ToSchema)]
pub struct OfferedMethod {
    pub method_id: Uuid,
    pub kind: MethodKind,
    pub hint: String,
    /// Code methods: how the code can be sent (`sms`, `voice`, `email`); choose with the
    /// challenge's `channel`, the first is the default.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<methods::Channel>,
    /// How many of `methods_required` this method counts for: 2 for a passkey when the policy
    /// lets one stand for two, else 1.
    #[schema(minimum = 1, maximum = 2)]
    pub counts: u32,
}

impl From<flows::OfferedMethod> for OfferedMethod {
    fn from(m: flows::OfferedMethod) -> Self {
        Self {
            method_id: m.method_id,
            kind: m.kind,
            hint: m.hint,
            channels: m.channels,
            counts: m.counts,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct StartResponse {
    pub flow_id: Uuid,
    /// Send as `Authorization: Bearer` to the next step.
    pub flow_token: String,
    pub expires_at: DateTime<Utc>,
    pub methods_required: u32,
    pub methods: Vec<OfferedMethod>,
}

impl From<flows::Started> for StartResponse {
    fn from(s: flows::Started) -> Self {
        Self {
            flow_id: s.flow_id,
            flow_token: s.flow_token,
            expires_at: s.expires_at,
            methods_required: s.methods_required,
            methods: s.methods.into_iter().map(Into::into).collect(),
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"method_id": "0193a5f0-7c1e-7d2a-9b1f-3c4d5e6f7a8b", "channel": "sms"}))]
pub struct ChallengeRequest {
    pub method_id: Uuid,
    /// Phones: `sms` or `voice`, one of the method's `channels` (default: the first).
    pub channel: Option<methods::Channel>,
    /// The full address or number, when the policy asks people to type it before a code is sent.
    pub confirm: Option<String>,
}

impl From<ChallengeRequest> for flows::Ask {
    fn from(req: ChallengeRequest) -> Self {
        Self {
            method_id: req.method_id,
            channel: req.channel,
            confirm: req.confirm,
        }
    }
}

/// The answer to a challenge, as the service writes it: the document describes it per kind
/// (`http::schemas::ChallengeBody`).
#[derive(Serialize)]
pub struct ChallengeResponse {
    /// The kind of the method challenged.
    pub kind: MethodKind,
    /// Code methods: seconds the code is valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<i64>,
    /// Code methods: seconds before another code may be sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resend_after: Option<i64>,
    /// Security questions: the ones to answer now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub questions: Option<Vec<questions::Question>>,
    /// Passkeys: the `PublicKeyCredentialRequestOptions` for the browser.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_options: Option<serde_json::Value>,
}

impl From<flows::Challenged> for ChallengeResponse {
    fn from(c: flows::Challenged) -> Self {
        let (expires_in, resend_after, questions, request_options) = match c.what {
            flows::Asked::Code {
                expires_in,
                resend_after,
            } => (Some(expires_in), Some(resend_after), None, None),
            flows::Asked::AppCode | flows::Asked::RecoveryCode => (None, None, None, None),
            flows::Asked::Questions(questions) => (None, None, Some(questions), None),
            flows::Asked::Passkey(options) => (None, None, None, Some(options)),
        };
        Self {
            kind: c.kind,
            expires_in,
            resend_after,
            questions,
            request_options,
        }
    }
}

/// A verification, as the service reads it: the document describes it per proof
/// (`http::schemas::VerifyBody`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerifyRequest {
    pub method_id: Uuid,
    /// The code received, shown by the authenticator app, or one of the recovery codes.
    pub code: Option<String>,
    /// Security questions: the answers to the questions asked.
    #[serde(default, deserialize_with = "crate::wire::optional_objects")]
    pub answers: Option<Vec<SecurityAnswer>>,
    /// Passkeys: the browser's assertion (`PublicKeyCredential.toJSON()`).
    #[serde(default, deserialize_with = "crate::wire::optional_object")]
    pub credential: Option<serde_json::Value>,
}

impl From<VerifyRequest> for flows::Evidence {
    fn from(req: VerifyRequest) -> Self {
        Self {
            method_id: req.method_id,
            code: req.code,
            credential: req.credential,
            answers: req
                .answers
                .unwrap_or_default()
                .into_iter()
                .map(|a| questions::GivenAnswer {
                    question_id: a.question_id,
                    answer: a.answer,
                })
                .collect(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct VerifyResponse {
    /// The token for the next step (the previous one no longer works).
    pub flow_token: String,
    pub methods_passed: u32,
    pub methods_remaining: u32,
}

impl From<flows::Verified> for VerifyResponse {
    fn from(v: flows::Verified) -> Self {
        Self {
            flow_token: v.flow_token,
            methods_passed: v.methods_passed,
            methods_remaining: v.methods_remaining,
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"new_password": "seven lanterns drift over amber fields"}))]
pub struct NewPasswordRequest {
    pub new_password: String,
}

#[derive(Serialize, ToSchema)]
pub struct FinishResponse {
    pub status: FinishStatus,
}

/// How a flow finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FinishStatus {
    /// The new password is set.
    PasswordReset,
    /// The account is unlocked; the password did not change.
    Unlocked,
}

impl From<flows::Finished> for FinishResponse {
    fn from(f: flows::Finished) -> Self {
        Self {
            status: match f {
                flows::Finished::PasswordReset => FinishStatus::PasswordReset,
                flows::Finished::Unlocked => FinishStatus::Unlocked,
            },
        }
    }
}
