//! How the API document describes a body per kind where the service reads one struct: adding a
//! method is a `oneOf` with `kind` as its discriminator, so that generated clients get one type
//! per kind instead of a bag of optional fields. The service still reads the body as
//! [`AddMethodRequest`](crate::http::wire::registration::AddMethodRequest), and answers a field that a
//! kind does not take with 422 `not_applicable`, a missing one with `required`: every body the
//! document allows is one it accepted before.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::registration::MethodStatus;

/// Adding a method: what each kind carries. Security questions are set with
/// `PUT /api/v1/me/security-questions`.
#[derive(Deserialize, ToSchema)]
#[serde(untagged)]
#[schema(
    as = AddMethodRequest,
    discriminator(property_name = "kind", mapping(
        ("email" = "#/components/schemas/AddEmailMethod"),
        ("mobile_sms" = "#/components/schemas/AddMobilePhoneMethod"),
        ("mobile_voice" = "#/components/schemas/AddMobilePhoneMethod"),
        ("office_voice" = "#/components/schemas/AddOfficePhoneMethod"),
        ("authenticator_app" = "#/components/schemas/AddAuthenticatorAppMethod"),
        ("recovery_codes" = "#/components/schemas/AddRecoveryCodesMethod"),
        ("passkey" = "#/components/schemas/AddPasskeyMethod"),
    )),
    example = json!({"kind": "mobile_sms", "phone": "+1 415 555 2671"})
)]
#[allow(dead_code)]
pub enum AddMethodBody {
    Email(AddEmailMethod),
    MobilePhone(AddMobilePhoneMethod),
    OfficePhone(AddOfficePhoneMethod),
    AuthenticatorApp(AddAuthenticatorAppMethod),
    RecoveryCodes(AddRecoveryCodesMethod),
    Passkey(AddPasskeyMethod),
}

/// A passkey, named by the person: the answer carries the creation options for
/// `navigator.credentials.create`, and `POST …/{method_id}/verify {"credential"}` with the
/// browser's credential finishes it.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct AddPasskeyMethod {
    pub kind: PasskeyKind,
    /// 1–64 characters ("Work laptop").
    #[schema(min_length = 1, max_length = 64)]
    pub name: String,
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PasskeyKind {
    Passkey,
}

/// A new set of ten recovery codes, active at once: the answer carries them this once. A new
/// set replaces the old one, whose codes stop working.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct AddRecoveryCodesMethod {
    pub kind: RecoveryCodesKind,
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecoveryCodesKind {
    RecoveryCodes,
}

/// An email address, proven with an 8-digit code sent to it.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct AddEmailMethod {
    pub kind: EmailKind,
    pub email: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum EmailKind {
    Email,
}

/// A mobile number for text messages or calls, in international form, proven with a code.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct AddMobilePhoneMethod {
    pub kind: MobilePhoneKind,
    pub phone: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MobilePhoneKind {
    MobileSms,
    MobileVoice,
}

/// An office line for calls, with an extension, proven with a code.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct AddOfficePhoneMethod {
    pub kind: OfficePhoneKind,
    pub phone: String,
    /// Digits only, at most 10.
    pub extension: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OfficePhoneKind {
    OfficeVoice,
}

/// An authenticator app: the answer carries its secret and `otpauth://` URI once; the first
/// code from the app verifies it.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct AddAuthenticatorAppMethod {
    pub kind: AuthenticatorAppKind,
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AuthenticatorAppKind {
    AuthenticatorApp,
}

/// The answer to adding a method: what each kind carries. A code kind says when its code
/// expires; an authenticator app carries its seed, shown this once.
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
#[schema(
    as = AddedMethod,
    discriminator(property_name = "kind", mapping(
        ("email" = "#/components/schemas/AddedCodeMethod"),
        ("mobile_sms" = "#/components/schemas/AddedCodeMethod"),
        ("mobile_voice" = "#/components/schemas/AddedCodeMethod"),
        ("office_voice" = "#/components/schemas/AddedCodeMethod"),
        ("authenticator_app" = "#/components/schemas/AddedAuthenticatorApp"),
        ("recovery_codes" = "#/components/schemas/AddedRecoveryCodes"),
        ("passkey" = "#/components/schemas/AddedPasskey"),
    )),
    example = json!({"method_id": "0193a5f0-7c1e-7d2a-9b1f-3c4d5e6f7a8b", "kind": "mobile_sms",
        "status": "pending", "hint": "+1 ••• ••• ••71", "expires_in": 600, "resend_after": 60})
)]
#[allow(dead_code)]
pub enum AddedMethodBody {
    Code(AddedCodeMethod),
    AuthenticatorApp(AddedAuthenticatorApp),
    RecoveryCodes(AddedRecoveryCodes),
    Passkey(AddedPasskey),
}

/// A passkey waiting for the browser's credential.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct AddedPasskey {
    pub method_id: Uuid,
    pub kind: PasskeyKind,
    pub status: MethodStatus,
    /// What the person is shown of the method.
    pub hint: String,
    /// `PublicKeyCredentialCreationOptions` as JSON, what
    /// `PublicKeyCredential.parseCreationOptionsFromJSON` takes (with `excludeCredentials`
    /// listing the person's passkeys). Valid for five minutes.
    #[schema(value_type = Object)]
    pub creation_options: serde_json::Value,
}

/// A new set of recovery codes, active at once (`status` is `active`): the codes, shown this
/// once. Each works once, in a reset or a step-up.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct AddedRecoveryCodes {
    pub method_id: Uuid,
    pub kind: RecoveryCodesKind,
    pub status: MethodStatus,
    /// What the person is shown of the method.
    pub hint: String,
    /// The ten codes (`xxxx-xxxx-xx`); they are stored only as MACs.
    #[schema(min_items = 10, max_items = 10)]
    pub codes: Vec<String>,
}

/// A method proven with a code: the code is on its way to the address or number.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct AddedCodeMethod {
    pub method_id: Uuid,
    pub kind: CodeKind,
    pub status: MethodStatus,
    /// The address or number, masked.
    pub hint: String,
    /// Seconds the code sent is valid.
    pub expires_in: i64,
    /// Seconds before another code may be sent.
    pub resend_after: i64,
}

/// An authenticator app: its seed, shown this once; the first code from the app verifies it.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct AddedAuthenticatorApp {
    pub method_id: Uuid,
    pub kind: AuthenticatorAppKind,
    pub status: MethodStatus,
    /// What the person is shown of the method.
    pub hint: String,
    /// The seed in base32.
    pub secret: String,
    /// The `otpauth://` URI of the seed.
    pub otpauth_uri: String,
    /// The URI as a QR code (SVG).
    pub qr_svg: String,
}

/// The kinds proven with a one-time code.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum CodeKind {
    Email,
    MobileSms,
    MobileVoice,
    OfficeVoice,
}

/// The answer to a challenge in a reset: what each kind carries. A code kind says when the code
/// expires; security questions carry the questions to answer now; an authenticator app and
/// recovery codes carry nothing more (the code is on the person's device or paper).
#[derive(Serialize, ToSchema)]
#[serde(untagged)]
#[schema(
    as = ChallengeResponse,
    discriminator(property_name = "kind", mapping(
        ("email" = "#/components/schemas/CodeChallenge"),
        ("mobile_sms" = "#/components/schemas/CodeChallenge"),
        ("mobile_voice" = "#/components/schemas/CodeChallenge"),
        ("office_voice" = "#/components/schemas/CodeChallenge"),
        ("authenticator_app" = "#/components/schemas/AuthenticatorAppChallenge"),
        ("security_questions" = "#/components/schemas/SecurityQuestionsChallenge"),
        ("recovery_codes" = "#/components/schemas/RecoveryCodeChallenge"),
        ("passkey" = "#/components/schemas/PasskeyChallenge"),
    )),
    example = json!({"kind": "email", "expires_in": 600, "resend_after": 60})
)]
#[allow(dead_code)]
pub enum ChallengeBody {
    Code(CodeChallenge),
    AuthenticatorApp(AuthenticatorAppChallenge),
    SecurityQuestions(SecurityQuestionsChallenge),
    RecoveryCode(RecoveryCodeChallenge),
    Passkey(PasskeyChallenge),
}

/// Answer with a passkey: the request options for `navigator.credentials.get`.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct PasskeyChallenge {
    pub kind: PasskeyKind,
    /// `PublicKeyCredentialRequestOptions` as JSON, what
    /// `PublicKeyCredential.parseRequestOptionsFromJSON` takes. Valid for five minutes, for one
    /// answer.
    #[schema(value_type = Object)]
    pub request_options: serde_json::Value,
}

/// Type one of the recovery codes not used yet.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct RecoveryCodeChallenge {
    pub kind: RecoveryCodesKind,
}

/// A code is on its way.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct CodeChallenge {
    pub kind: CodeKind,
    /// Seconds the code is valid.
    pub expires_in: i64,
    /// Seconds before another code may be sent.
    pub resend_after: i64,
}

/// Type the code the app shows now.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct AuthenticatorAppChallenge {
    pub kind: AuthenticatorAppKind,
}

/// The questions to answer now (asked anew after every attempt).
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
pub struct SecurityQuestionsChallenge {
    pub kind: SecurityQuestionsKind,
    pub questions: Vec<crate::methods::questions::Question>,
}

#[derive(Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum SecurityQuestionsKind {
    SecurityQuestions,
}

/// Verifying a method in a reset: a code for the kinds that send or show one, answers for
/// security questions.
#[derive(Deserialize, ToSchema)]
#[serde(untagged)]
#[schema(
    as = VerifyRequest,
    example = json!({"method_id": "0193a5f0-7c1e-7d2a-9b1f-3c4d5e6f7a8b", "code": "123456"})
)]
#[allow(dead_code)]
pub enum VerifyBody {
    Code(VerifyWithCode),
    Answers(VerifyWithAnswers),
    Passkey(VerifyWithPasskey),
}

/// A passkey's answer to the challenge's request options.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct VerifyWithPasskey {
    pub method_id: Uuid,
    /// The browser's assertion (`PublicKeyCredential.toJSON()`).
    #[schema(value_type = Object)]
    pub credential: serde_json::Value,
}

/// A code received, shown by the authenticator app, or one of the recovery codes.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct VerifyWithCode {
    pub method_id: Uuid,
    /// The code, as received (spaces and dashes are ignored).
    pub code: String,
}

/// The answers to the security questions asked.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct VerifyWithAnswers {
    pub method_id: Uuid,
    pub answers: Vec<crate::http::wire::registration::SecurityAnswer>,
}
