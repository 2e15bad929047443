//! How the API document describes a body per kind where the service reads one struct: adding a
//! method is a `oneOf` with `kind` as its discriminator, so that generated clients get one type
//! per kind instead of a bag of optional fields. The service still reads the body as
//! [`AddMethodRequest`](crate::registration::wire::AddMethodRequest), and answers a field that a
//! kind does not take with 422 `not_applicable`, a missing one with `required`: every body the
//! document allows is one it accepted before.

use serde::Deserialize;
use utoipa::ToSchema;

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
    )),
    example = json!({"kind": "mobile_sms", "phone": "+1 415 555 2671"})
)]
#[allow(dead_code)]
pub enum AddMethodBody {
    Email(AddEmailMethod),
    MobilePhone(AddMobilePhoneMethod),
    OfficePhone(AddOfficePhoneMethod),
    AuthenticatorApp(AddAuthenticatorAppMethod),
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

#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AuthenticatorAppKind {
    AuthenticatorApp,
}
