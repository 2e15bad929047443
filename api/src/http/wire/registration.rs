//! What the registration endpoints take and answer, and how registration's own types
//! (`registration::model`) become them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::methods::{Channel, DestinationInput, questions};
use crate::policy::MethodKind;
use crate::registration::{self as reg, MethodStatus, RegistrationStatus};

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
    /// For `passkey`: what the person calls it ("Work laptop").
    pub name: Option<String>,
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
    /// Recovery codes: how many of the set are not used yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub codes_left: Option<u32>,
}

#[derive(Serialize, ToSchema)]
pub struct MethodList {
    pub items: Vec<MethodView>,
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
    /// Recovery codes: the ten codes, shown this once.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub codes: Option<Vec<String>>,
    /// Passkeys: the `PublicKeyCredentialCreationOptions` for the browser.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creation_options: Option<serde_json::Value>,
}

/// Proving a method just added: the code (code kinds, authenticator apps), or the browser's
/// credential for a passkey (`PublicKeyCredential.toJSON()` of `navigator.credentials.create`).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VerifyMethodRequest {
    /// The code received, or shown by the authenticator app.
    pub code: Option<String>,
    /// A passkey's new credential.
    #[serde(default, deserialize_with = "crate::wire::optional_object")]
    #[schema(value_type = Option<Object>)]
    pub credential: Option<serde_json::Value>,
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

impl From<AddMethodRequest> for reg::NewMethod {
    fn from(req: AddMethodRequest) -> Self {
        Self {
            kind: req.kind,
            destination: DestinationInput {
                email: req.email,
                phone: req.phone,
                extension: req.extension,
                name: req.name,
            },
        }
    }
}

impl From<reg::Method> for MethodView {
    fn from(m: reg::Method) -> Self {
        Self {
            method_id: m.method_id,
            kind: m.kind,
            status: m.status,
            hint: m.hint,
            created_at: m.created_at,
            activated_at: m.activated_at,
            recovery_from: m.recovery_from,
            codes_left: m.codes_left,
        }
    }
}

impl From<Vec<reg::Method>> for MethodList {
    fn from(items: Vec<reg::Method>) -> Self {
        Self {
            items: items.into_iter().map(Into::into).collect(),
        }
    }
}

impl From<reg::Added> for AddedMethod {
    fn from(a: reg::Added) -> Self {
        let mut added = Self {
            method_id: a.method_id,
            kind: a.kind,
            status: a.status,
            hint: a.hint,
            expires_in: None,
            resend_after: None,
            secret: None,
            otpauth_uri: None,
            qr_svg: None,
            codes: None,
            creation_options: None,
        };
        match a.next {
            reg::Enrolment::CodeSent(sent) => {
                added.expires_in = Some(sent.expires_in);
                added.resend_after = Some(sent.resend_after);
            }
            reg::Enrolment::App {
                secret_base32,
                otpauth_uri,
                qr_svg,
            } => {
                added.secret = Some(secret_base32);
                added.otpauth_uri = Some(otpauth_uri);
                added.qr_svg = Some(qr_svg);
            }
            reg::Enrolment::RecoveryCodes(codes) => added.codes = Some(codes),
            reg::Enrolment::Passkey(options) => added.creation_options = Some(options),
        }
        added
    }
}

impl From<reg::CodeSent> for CodeSent {
    fn from(c: reg::CodeSent) -> Self {
        Self {
            expires_in: c.expires_in,
            resend_after: c.resend_after,
        }
    }
}

impl From<RegistrationStatus> for Removal {
    fn from(registration: RegistrationStatus) -> Self {
        Self { registration }
    }
}

impl From<reg::Catalogue> for Catalogue {
    fn from(c: reg::Catalogue) -> Self {
        Self {
            questions: c.questions,
            register_count: c.register_count,
        }
    }
}

impl From<SecurityAnswers> for Vec<questions::GivenAnswer> {
    fn from(req: SecurityAnswers) -> Self {
        req.answers
            .into_iter()
            .map(|a| questions::GivenAnswer {
                question_id: a.question_id,
                answer: a.answer,
            })
            .collect()
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StepUpChallengeRequest {
    /// One of the person's active methods (not security questions).
    pub method_id: Uuid,
    /// Phones: `sms` or `voice` (default: the method's own).
    pub channel: Option<Channel>,
}

#[derive(Serialize, ToSchema)]
pub struct StepUpChallenge {
    /// Code methods: seconds the code is valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<i64>,
    /// Code methods: seconds before another code may be sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resend_after: Option<i64>,
    /// Passkeys: the `PublicKeyCredentialRequestOptions` for the browser.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub request_options: Option<serde_json::Value>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StepUpRequest {
    pub method_id: Uuid,
    /// The code received, shown by the authenticator app, or one of the recovery codes.
    pub code: Option<String>,
    /// A passkey's assertion (`PublicKeyCredential.toJSON()`).
    #[serde(default, deserialize_with = "crate::wire::optional_object")]
    #[schema(value_type = Option<Object>)]
    pub credential: Option<serde_json::Value>,
}

#[derive(Serialize, ToSchema)]
pub struct Elevation {
    /// Until when this session may change security info.
    pub elevated_until: DateTime<Utc>,
}

impl From<reg::step_up::Asked> for StepUpChallenge {
    fn from(asked: reg::step_up::Asked) -> Self {
        let (sent, request_options) = match asked {
            reg::step_up::Asked::Nothing => (None, None),
            reg::step_up::Asked::Code(sent) => (Some(sent), None),
            reg::step_up::Asked::Passkey(options) => (None, Some(options)),
        };
        Self {
            expires_in: sent.as_ref().map(|s| s.expires_in),
            resend_after: sent.map(|s| s.resend_after),
            request_options,
        }
    }
}
