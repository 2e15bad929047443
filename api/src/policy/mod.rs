//! The self-service password reset policy: the document an administrator edits, its defaults
//! and every validation rule. Pure: no storage, no HTTP. Loading, versioning and auditing are in
//! [`service`].

pub mod service;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::error::{FieldCode, FieldError};

/// Who may use self-service password reset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Nobody (administrators still may: they always get the strict policy).
    None,
    /// Members of `group_ids`.
    Selected,
    /// Everyone in the directory.
    All,
}

/// A way to prove who one is.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum MethodKind {
    Email,
    MobileSms,
    MobileVoice,
    OfficeVoice,
    AuthenticatorApp,
    SecurityQuestions,
    /// Ten single-use codes printed or saved at generation.
    RecoveryCodes,
    /// A WebAuthn passkey (a device key with the person's verification on it).
    Passkey,
}

impl MethodKind {
    pub const ALL: [MethodKind; 8] = [
        Self::Email,
        Self::MobileSms,
        Self::MobileVoice,
        Self::OfficeVoice,
        Self::AuthenticatorApp,
        Self::SecurityQuestions,
        Self::RecoveryCodes,
        Self::Passkey,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::MobileSms => "mobile_sms",
            Self::MobileVoice => "mobile_voice",
            Self::OfficeVoice => "office_voice",
            Self::AuthenticatorApp => "authenticator_app",
            Self::SecurityQuestions => "security_questions",
            Self::RecoveryCodes => "recovery_codes",
            Self::Passkey => "passkey",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SecurityQuestionsPolicy {
    /// How many questions a person registers answers to (3–5).
    #[schema(minimum = 3, maximum = 5)]
    pub register_count: u32,
    /// How many of them are asked at reset (3–5, at most `register_count`).
    #[schema(minimum = 3, maximum = 5)]
    pub reset_count: u32,
    /// Up to 20 questions of the organisation's own, 3–200 characters each.
    #[schema(max_items = 20)]
    pub custom_questions: Vec<String>,
}

/// Recovery codes (`recovery_codes` in `methods_enabled` turns them on for people in scope).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RecoveryCodesPolicy {
    /// Administrators may register and use recovery codes too (they are a printed secret that
    /// can be copied unnoticed, so administrators may not unless this says so).
    pub allow_administrators: bool,
}

/// Passkeys (`passkey` in `methods_enabled` turns them on for people in scope).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasskeysPolicy {
    /// A passkey counts as two methods on its own (possession of the device plus the person's
    /// PIN or biometric on it), in a reset and for registration.
    pub counts_as_two: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RegistrationPolicy {
    /// Send people in scope through registration when they sign in without enough methods.
    pub require_on_sign_in: bool,
    /// Days after which people are asked to confirm their methods again (0 = never, ≤ 730).
    #[schema(maximum = 730)]
    pub reconfirm_days: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NotificationsPolicy {
    /// Tell people when their password was reset.
    pub notify_user_on_reset: bool,
    /// Tell every administrator when another administrator resets their password.
    pub notify_admins_on_admin_reset: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomizationPolicy {
    /// Shown to people who are stuck (an http(s) URL).
    pub helpdesk_url: Option<String>,
    /// Shown to people who are stuck.
    pub helpdesk_email: Option<String>,
    /// The language for people whose browser asks for none of ours (and who chose none).
    #[serde(default)]
    pub default_language: crate::i18n::Lang,
    /// The administrators' wording of messages, per language (at most one per message and
    /// language); a message without one uses the catalogue's.
    #[serde(default)]
    pub messages: Vec<crate::delivery::notices::MessageWording>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordPolicy {
    /// Minimum length in code points (8–256; NIST SP 800-63B-4 asks 15 where the password is the
    /// only factor).
    #[schema(minimum = 8, maximum = 256)]
    pub min_length: u32,
    /// Maximum length in code points (at least 64 and at least `min_length`, at most 256).
    #[schema(minimum = 64, maximum = 256)]
    pub max_length: u32,
    /// Minimum zxcvbn score, 0–4.
    #[schema(maximum = 4)]
    pub min_strength: u8,
    /// Up to 1,000 words of the organisation's own that passwords may not contain.
    #[schema(max_items = 1000)]
    pub banned_words: Vec<String>,
    /// How many previous passwords may not be reused (0–24).
    #[schema(maximum = 24)]
    pub history: u32,
}

/// The whole policy document (`GET|PUT /api/v1/admin/policy`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    pub scope: Scope,
    /// The groups in scope when `scope` is `selected`.
    #[schema(max_items = 100)]
    pub group_ids: Vec<Uuid>,
    /// 1 or 2, never more than the number of methods enabled.
    #[schema(minimum = 1, maximum = 2)]
    pub methods_required: u32,
    #[schema(min_items = 1)]
    pub methods_enabled: Vec<MethodKind>,
    #[serde(deserialize_with = "crate::wire::object")]
    pub security_questions: SecurityQuestionsPolicy,
    /// Absent in a document written before recovery codes existed: the defaults.
    #[serde(default, deserialize_with = "crate::wire::object")]
    pub recovery_codes: RecoveryCodesPolicy,
    /// Absent in a document written before passkeys existed: the defaults.
    #[serde(default, deserialize_with = "crate::wire::object")]
    pub passkeys: PasskeysPolicy,
    #[serde(deserialize_with = "crate::wire::object")]
    pub registration: RegistrationPolicy,
    #[serde(deserialize_with = "crate::wire::object")]
    pub notifications: NotificationsPolicy,
    #[serde(deserialize_with = "crate::wire::object")]
    pub customization: CustomizationPolicy,
    /// Let people unlock their account without resetting the password.
    pub unlock_enabled: bool,
    /// Tell a person that they are not eligible (instead of the indistinguishable decoy flow).
    pub reveal_ineligible: bool,
    /// Ask people to type the full phone number or address before a code is sent to it.
    pub confirm_full_destination: bool,
    /// A method added or replaced after the first set (a change of security info) cannot be used
    /// to recover for this many hours (0–720); the first set counts at once.
    #[schema(maximum = 720)]
    pub recovery_cooldown_hours: u32,
    #[serde(deserialize_with = "crate::wire::object")]
    pub password: PasswordPolicy,
}

impl Default for Policy {
    /// A fresh installation: self-service is off for end users (as in Entra) until an
    /// administrator chooses who is in scope; the rest are the DESIGN defaults.
    fn default() -> Self {
        Self {
            scope: Scope::None,
            group_ids: Vec::new(),
            methods_required: 1,
            methods_enabled: vec![
                MethodKind::Email,
                MethodKind::MobileSms,
                MethodKind::AuthenticatorApp,
            ],
            security_questions: SecurityQuestionsPolicy {
                register_count: 3,
                reset_count: 3,
                custom_questions: Vec::new(),
            },
            recovery_codes: RecoveryCodesPolicy::default(),
            passkeys: PasskeysPolicy::default(),
            registration: RegistrationPolicy {
                require_on_sign_in: true,
                reconfirm_days: 180,
            },
            notifications: NotificationsPolicy {
                notify_user_on_reset: true,
                notify_admins_on_admin_reset: true,
            },
            customization: CustomizationPolicy {
                helpdesk_url: None,
                helpdesk_email: None,
                default_language: crate::i18n::Lang::En,
                messages: Vec::new(),
            },
            unlock_enabled: true,
            reveal_ineligible: false,
            confirm_full_destination: false,
            recovery_cooldown_hours: 24,
            password: PasswordPolicy {
                min_length: 12,
                max_length: 256,
                min_strength: 3,
                banned_words: Vec::new(),
                history: 1,
            },
        }
    }
}

pub const MAX_CUSTOM_QUESTIONS: usize = 20;
pub const MAX_BANNED_WORDS: usize = 1000;

impl Policy {
    /// Every rule, every field: returns all problems at once so a form can show them together.
    /// `existing_groups` are the ids of the groups in the directory.
    pub fn validate(&self, existing_groups: &HashSet<Uuid>) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut err = |field: &str, code: FieldCode, message: String| {
            errors.push(FieldError::new(field, code, message))
        };

        // Scope and groups.
        let mut seen = HashSet::new();
        for (i, id) in self.group_ids.iter().enumerate() {
            if !seen.insert(id) {
                err(
                    &format!("group_ids[{i}]"),
                    FieldCode::Duplicate,
                    "the group is listed twice".into(),
                );
            } else if !existing_groups.contains(id) {
                err(
                    &format!("group_ids[{i}]"),
                    FieldCode::UnknownGroup,
                    format!("there is no group {id}"),
                );
            }
        }
        if self.scope == Scope::Selected && self.group_ids.is_empty() {
            err(
                "group_ids",
                FieldCode::Required,
                "scope `selected` needs at least one group".into(),
            );
        }
        if self.group_ids.len() > 100 {
            err("group_ids", FieldCode::TooMany, "at most 100 groups".into());
        }

        // Methods.
        let mut kinds = HashSet::new();
        for (i, kind) in self.methods_enabled.iter().enumerate() {
            if !kinds.insert(kind) {
                err(
                    &format!("methods_enabled[{i}]"),
                    FieldCode::Duplicate,
                    format!("`{}` is listed twice", kind.as_str()),
                );
            }
        }
        if self.methods_enabled.is_empty() {
            err(
                "methods_enabled",
                FieldCode::Required,
                "enable at least one method".into(),
            );
        }
        if !(1..=2).contains(&self.methods_required) {
            err(
                "methods_required",
                FieldCode::OutOfRange,
                "must be 1 or 2".into(),
            );
        } else if self.methods_required as usize > kinds.len() && !kinds.is_empty() {
            err(
                "methods_required",
                FieldCode::ExceedsEnabled,
                format!(
                    "{} methods required but only {} enabled",
                    self.methods_required,
                    kinds.len()
                ),
            );
        }

        // Security questions.
        let sq = &self.security_questions;
        if !(3..=5).contains(&sq.register_count) {
            err(
                "security_questions.register_count",
                FieldCode::OutOfRange,
                "must be between 3 and 5".into(),
            );
        }
        if !(3..=5).contains(&sq.reset_count) {
            err(
                "security_questions.reset_count",
                FieldCode::OutOfRange,
                "must be between 3 and 5".into(),
            );
        } else if sq.reset_count > sq.register_count {
            err(
                "security_questions.reset_count",
                FieldCode::ExceedsRegistered,
                "cannot ask more questions than people register".into(),
            );
        }
        if sq.custom_questions.len() > MAX_CUSTOM_QUESTIONS {
            err(
                "security_questions.custom_questions",
                FieldCode::TooMany,
                format!("at most {MAX_CUSTOM_QUESTIONS} questions"),
            );
        }
        let mut questions = HashSet::new();
        for (i, q) in sq.custom_questions.iter().enumerate() {
            let field = format!("security_questions.custom_questions[{i}]");
            let len = q.trim().chars().count();
            if !(3..=200).contains(&len) {
                err(
                    &field,
                    FieldCode::Length,
                    "a question must be 3 to 200 characters".into(),
                );
            } else if q.chars().any(char::is_control) {
                err(
                    &field,
                    FieldCode::InvalidCharacters,
                    "a question cannot contain control characters".into(),
                );
            } else if !questions.insert(q.trim().to_lowercase()) {
                err(
                    &field,
                    FieldCode::Duplicate,
                    "the question is listed twice".into(),
                );
            }
        }

        // Registration.
        if self.registration.reconfirm_days > 730 {
            err(
                "registration.reconfirm_days",
                FieldCode::OutOfRange,
                "must be between 0 (never) and 730".into(),
            );
        }

        // Customisation.
        if let Some(url) = &self.customization.helpdesk_url
            && !is_http_url(url)
        {
            err(
                "customization.helpdesk_url",
                FieldCode::InvalidUrl,
                "must be an http:// or https:// URL".into(),
            );
        }
        if let Some(email) = &self.customization.helpdesk_email
            && email.parse::<lettre::Address>().is_err()
        {
            err(
                "customization.helpdesk_email",
                FieldCode::InvalidEmail,
                "must be an email address".into(),
            );
        }

        crate::delivery::notices::check_all(&self.customization.messages, &mut err);

        if self.recovery_cooldown_hours > 720 {
            err(
                "recovery_cooldown_hours",
                FieldCode::OutOfRange,
                "must be between 0 and 720".into(),
            );
        }

        // Password rules.
        let pw = &self.password;
        if !(8..=256).contains(&pw.min_length) {
            err(
                "password.min_length",
                FieldCode::OutOfRange,
                "must be between 8 and 256".into(),
            );
        }
        if !(64..=256).contains(&pw.max_length) {
            err(
                "password.max_length",
                FieldCode::OutOfRange,
                "must be between 64 and 256".into(),
            );
        } else if pw.max_length < pw.min_length {
            err(
                "password.max_length",
                FieldCode::BelowMinimum,
                "cannot be less than the minimum length".into(),
            );
        }
        if pw.min_strength > 4 {
            err(
                "password.min_strength",
                FieldCode::OutOfRange,
                "must be between 0 and 4".into(),
            );
        }
        if pw.history > 24 {
            err(
                "password.history",
                FieldCode::OutOfRange,
                "must be between 0 and 24".into(),
            );
        }
        if pw.banned_words.len() > MAX_BANNED_WORDS {
            err(
                "password.banned_words",
                FieldCode::TooMany,
                format!("at most {MAX_BANNED_WORDS} words"),
            );
        }
        for (i, word) in pw.banned_words.iter().enumerate().take(MAX_BANNED_WORDS) {
            let len = word.trim().chars().count();
            if !(3..=100).contains(&len) {
                err(
                    &format!("password.banned_words[{i}]"),
                    FieldCode::Length,
                    "a banned word must be 3 to 100 characters".into(),
                );
            }
        }

        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Whether a method kind is enabled.
    pub fn enables(&self, kind: MethodKind) -> bool {
        self.methods_enabled.contains(&kind)
    }
}

fn is_http_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty()
                && url.len() <= 2048
                && !url.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    }
}

#[cfg(test)]
mod tests;
