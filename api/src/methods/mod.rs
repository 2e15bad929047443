//! Verification methods: one module per kind behind one trait ([`MethodType`]), plus the
//! one-time codes that the email and phone kinds share ([`codes`]).
//!
//! A method knows what it needs at registration (an address, a number, nothing), how it is
//! challenged (a code over a channel, a TOTP, questions) and how its hint is masked. Flows
//! (registration now, recovery later) work with the trait and never match on kinds themselves.

pub mod authenticator;
pub mod codes;
pub mod data;
pub mod email;
pub mod passkey;
pub mod phone;
pub mod questions;
pub mod recovery_codes;

use crate::error::{Error, FieldCode, FieldError};
use crate::policy::{MethodKind, Policy};

pub use codes::Channel;

/// What a registration request carries for a method; each kind takes what it needs.
#[derive(Clone, Debug, Default)]
pub struct DestinationInput {
    pub email: Option<String>,
    pub phone: Option<String>,
    pub extension: Option<String>,
    /// A passkey's name.
    pub name: Option<String>,
}

/// A parsed destination: the normalised address or E.164 number, and an office extension.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Destination {
    pub address: String,
    pub extension: Option<String>,
}

/// How a method proves the person: the few mechanisms the flows know, each kind using one. A
/// kind with one of these is its module and a registry line; a new mechanism (passkeys) adds
/// its verifier here and one arm where challenges and proofs are dispatched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Proof {
    /// A one-time code sent over the kind's [`Channel`] (`codes`).
    Code,
    /// A time-based code from an app the person enrolled (`authenticator`).
    Totp,
    /// Answers to security questions (`questions`).
    Answers,
    /// One of a set of single-use codes the person printed or saved (`recovery_codes`).
    RecoveryCode,
    /// A WebAuthn assertion with user verification (`passkey`).
    Passkey,
}

/// What the destination of a kind is: what makes two methods one factor, what a typed
/// confirmation is compared as, and what a phantom person's destination looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DestinationKind {
    /// An email address.
    Address,
    /// A mobile number (texts or calls).
    Mobile,
    /// An office line (calls, with an extension).
    Office,
    /// No destination (an app, answers).
    None,
}

pub trait MethodType: Sync {
    fn kind(&self) -> MethodKind;
    /// How it proves the person.
    fn proof(&self) -> Proof;
    /// What its destination is.
    fn destination(&self) -> DestinationKind {
        DestinationKind::None
    }
    /// Whether administrators may register and use it under `policy` (SECURITY.md: never
    /// security questions).
    fn for_administrators(&self, _policy: &Policy) -> bool {
        true
    }
    /// Whether a person has at most one of it (a verified one replaces the earlier); a person
    /// keeps several passkeys.
    fn one_per_person(&self) -> bool {
        true
    }
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
        MethodKind::RecoveryCodes => &recovery_codes::RecoveryCodes,
        MethodKind::Passkey => &passkey::PasskeyMethod,
    }
}

/// What makes two methods two independent factors. Every phone kind on one number is one
/// factor — a text and a call to one mobile (or an office line on the same number) fall to one
/// SIM swap — and one address is one factor; an authenticator app, the set of security
/// answers, the set of recovery codes or the person's passkeys is a factor of its own. Two methods count twice only when their factors differ.
pub fn factor(kind: MethodKind, destination: Option<&str>, method_id: &str) -> String {
    let method = registry(kind);
    match (method.destination(), destination) {
        (DestinationKind::Mobile | DestinationKind::Office, Some(number)) => {
            format!("phone:{number}")
        }
        (DestinationKind::Address, Some(address)) => format!("email:{}", address.to_lowercase()),
        _ if method.proof() == Proof::Answers => "security_questions".to_owned(),
        _ if method.proof() == Proof::RecoveryCode => "recovery_codes".to_owned(),
        // Passkeys may sync through one account (a password manager, a platform's keychain):
        // a person's passkeys are one factor, however many.
        _ if method.proof() == Proof::Passkey => "passkey".to_owned(),
        _ => format!("{}:{method_id}", kind.as_str()),
    }
}

/// Whether `typed` is the destination `stored`, normalised as stored (an address in any case,
/// a number in any notation).
pub fn same_destination(kind: MethodKind, typed: &str, stored: &str) -> bool {
    use crate::directory::{EmailAddress, PhoneNumber};
    match registry(kind).destination() {
        DestinationKind::Address => EmailAddress::parse(typed, "confirm")
            .is_ok_and(|e| e.as_str().eq_ignore_ascii_case(stored)),
        DestinationKind::Mobile | DestinationKind::Office => {
            PhoneNumber::parse(typed, "confirm").is_ok_and(|p| p.as_str() == stored)
        }
        DestinationKind::None => false,
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
        ("name", input.name.is_some()),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_registered_under_its_own_name() {
        for kind in MethodKind::ALL {
            assert_eq!(registry(kind).kind(), kind);
            assert_eq!(parse_kind(kind.as_str()), Some(kind));
        }
    }

    #[test]
    fn a_kind_sends_codes_exactly_when_it_proves_with_a_code_to_a_destination() {
        for kind in MethodKind::ALL {
            let method = registry(kind);
            let sends = method.channel().is_some();
            assert_eq!(sends, method.proof() == Proof::Code, "{kind:?}");
            assert_eq!(
                sends,
                method.destination() != DestinationKind::None,
                "{kind:?}"
            );
        }
    }

    #[test]
    fn administrators_may_use_every_kind_but_answers_and_codes_only_when_the_policy_says() {
        let mut policy = Policy::default();
        for allow in [false, true] {
            policy.recovery_codes.allow_administrators = allow;
            for kind in MethodKind::ALL {
                let method = registry(kind);
                let expected = match method.proof() {
                    Proof::Answers => false,
                    Proof::RecoveryCode => allow,
                    _ => true,
                };
                assert_eq!(method.for_administrators(&policy), expected, "{kind:?}");
            }
        }
    }

    #[test]
    fn one_number_or_one_address_is_one_factor_whatever_the_kind() {
        let n = "+14155550100";
        assert_eq!(
            factor(MethodKind::MobileSms, Some(n), "a"),
            factor(MethodKind::OfficeVoice, Some(n), "b")
        );
        assert_eq!(
            factor(MethodKind::Email, Some("A@Example.com"), "c"),
            factor(MethodKind::Email, Some("a@example.com"), "d")
        );
        assert_ne!(
            factor(MethodKind::AuthenticatorApp, None, "e"),
            factor(MethodKind::AuthenticatorApp, None, "f")
        );
        assert_eq!(
            factor(MethodKind::SecurityQuestions, None, "g"),
            factor(MethodKind::SecurityQuestions, None, "h")
        );
    }

    #[test]
    fn a_typed_destination_is_compared_as_the_kind_stores_it() {
        assert!(same_destination(
            MethodKind::Email,
            " Jane@Example.COM ",
            "jane@example.com"
        ));
        assert!(same_destination(
            MethodKind::MobileVoice,
            "+1 (415) 555-0100",
            "+14155550100"
        ));
        assert!(!same_destination(
            MethodKind::MobileSms,
            "+14155550101",
            "+14155550100"
        ));
        assert!(!same_destination(MethodKind::AuthenticatorApp, "x", "x"));
    }
}
