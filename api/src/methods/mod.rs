//! Verification methods: one module per kind behind one trait ([`MethodType`]), plus the
//! one-time codes that the email and phone kinds share ([`codes`]).
//!
//! A method knows what it needs at registration (an address, a number, nothing), how it is
//! challenged (a code over a channel, a TOTP, questions) and how its hint is masked. Flows
//! (registration now, recovery later) work with the trait and never match on kinds themselves.

pub mod authenticator;
pub mod codes;
pub mod email;
pub mod phone;
pub mod questions;

use crate::error::{Error, FieldCode, FieldError};
use crate::policy::MethodKind;

pub use codes::Channel;

/// What a registration request carries for a method; each kind takes what it needs.
#[derive(Clone, Debug, Default)]
pub struct DestinationInput {
    pub email: Option<String>,
    pub phone: Option<String>,
    pub extension: Option<String>,
}

/// A parsed destination: the normalised address or E.164 number, and an office extension.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Destination {
    pub address: String,
    pub extension: Option<String>,
}

pub trait MethodType: Sync {
    fn kind(&self) -> MethodKind;
    /// How a one-time code reaches the person; `None` for kinds without codes.
    fn channel(&self) -> Option<Channel>;
    /// Digits in a one-time code of this kind.
    fn code_length(&self) -> usize {
        6
    }
    /// The destination from a registration request, parsed and normalised.
    fn parse_destination(&self, input: &DestinationInput) -> Result<Option<Destination>, Error>;
    /// What the person is shown of the destination (`j***@e***.com`, `+1 ••• ••• ••67`).
    fn mask(&self, destination: Option<&str>) -> String;
    /// Words for notifications ("mobile phone for text messages").
    fn describe(&self) -> &'static str;
}

pub fn registry(kind: MethodKind) -> &'static dyn MethodType {
    match kind {
        MethodKind::Email => &email::Email,
        MethodKind::MobileSms => &phone::MOBILE_SMS,
        MethodKind::MobileVoice => &phone::MOBILE_VOICE,
        MethodKind::OfficeVoice => &phone::OFFICE_VOICE,
        MethodKind::AuthenticatorApp => &authenticator::AuthenticatorApp,
        MethodKind::SecurityQuestions => &questions::SecurityQuestions,
    }
}

/// What makes two methods two independent factors. Every phone kind on one number is one
/// factor — a text and a call to one mobile (or an office line on the same number) fall to one
/// SIM swap — and one address is one factor; an authenticator app or the set of security
/// answers is a factor of its own. Two methods count twice only when their factors differ.
pub fn factor(kind: MethodKind, destination: Option<&str>, method_id: &str) -> String {
    match (kind, destination) {
        (
            MethodKind::MobileSms | MethodKind::MobileVoice | MethodKind::OfficeVoice,
            Some(number),
        ) => {
            format!("phone:{number}")
        }
        (MethodKind::Email, Some(address)) => format!("email:{}", address.to_lowercase()),
        (MethodKind::SecurityQuestions, _) => "security_questions".to_owned(),
        (kind, _) => format!("{}:{method_id}", kind.as_str()),
    }
}

pub fn parse_kind(stored: &str) -> Option<MethodKind> {
    MethodKind::ALL.into_iter().find(|k| k.as_str() == stored)
}

fn missing(field: &str, what: &str) -> Error {
    Error::Validation(vec![FieldError::new(
        field,
        FieldCode::Required,
        format!("{what} is required for this method"),
    )])
}

fn unexpected(input: &DestinationInput, allowed: &[&str]) -> Result<(), Error> {
    let mut errors = Vec::new();
    for (name, present) in [
        ("email", input.email.is_some()),
        ("phone", input.phone.is_some()),
        ("extension", input.extension.is_some()),
    ] {
        if present && !allowed.contains(&name) {
            errors.push(FieldError::new(
                name,
                FieldCode::NotApplicable,
                "this method does not take this field",
            ));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Validation(errors))
    }
}
