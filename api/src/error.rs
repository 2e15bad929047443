//! The one domain error type. Every module below `http/` returns it; `http::problem` maps it,
//! once, to an RFC 9457 problem+json answer with a stable `code`.
//!
//! Variants carry what a caller needs to act (which field, how long to wait), never a secret:
//! the `Display` text of an internal error goes to the log only, not to the client.

use std::borrow::Cow;

/// One invalid field of a request body: `field` is a dotted path (`password.min_length`).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct FieldError {
    /// Dotted path of the field, as in the request body.
    pub field: String,
    /// Stable machine-readable reason, such as `out_of_range` or `unknown_group`.
    pub code: FieldCode,
    /// Human-readable explanation.
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: FieldCode, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            code,
            message: message.into(),
        }
    }
}

/// A closed set of codes, stable, machine-readable and snake_case, each with what it means:
/// `ErrorCode` for a problem's `code`, `FieldCode` for a field error's. Published in the OpenAPI
/// document as enums, so clients can switch on them.
macro_rules! error_codes {
    ($name:ident: $($variant:ident = $text:literal: $meaning:literal,)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $(#[doc = $meaning] $variant,)*
        }

        impl $name {
            /// Every code, in the order of the document.
            pub const ALL: &[$name] = &[$($name::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }

            /// What the code means, as the API document says.
            pub fn meaning(self) -> &'static str {
                match self {
                    $($name::$variant => $meaning,)*
                }
            }
        }
    };
}

error_codes! {
    ErrorCode:
    AddressNotAllowed = "address_not_allowed": "The API key may not be used from this client address.",
    AccountDisabled = "account_disabled": "Sign-in: the right password, but the account is disabled.",
    AccountLocked = "account_locked": "Sign-in: the right password, but the account is locked for a while (`Retry-After`).",
    AlreadyActive = "already_active": "The method is already verified.",
    AlreadyExists = "already_exists": "Something with this identity exists already.",
    CannotModifySelf = "cannot_modify_self": "An administrator cannot do this to their own account.",
    CodeExpired = "code_expired": "The code is past its lifetime; ask for a new one.",
    CountryNotAllowed = "country_not_allowed": "Texts and calls to this number's country are not enabled.",
    CrossSiteRequest = "cross_site_request": "A change authenticated by the session cookie came from another site.",
    DeliveryFailed = "delivery_failed": "The mail server or phone gateway did not take the message; nothing was counted.",
    FlowChanged = "flow_changed": "The flow moved on in another request.",
    FlowEnded = "flow_ended": "The account changed since the flow began; start again.",
    FlowExpired = "flow_expired": "The flow is past its lifetime; start again.",
    FlowFinished = "flow_finished": "The flow is over.",
    FlowLocked = "flow_locked": "Too many failed verifications in this flow.",
    Forbidden = "forbidden": "Administrators only.",
    InsufficientScope = "insufficient_scope": "The API key does not hold the scope this operation needs.",
    GroupInUse = "group_in_use": "The policy's scope names this group.",
    GroupNameTaken = "group_name_taken": "Another group has this name.",
    InternalError = "internal_error": "Something went wrong on our side.",
    InvalidCode = "invalid_code": "The code is not the one sent (or shown by the app); `attempts_left` says how many tries are left.",
    InvalidCredentials = "invalid_credentials": "Sign-in: the username or password is not correct (also for unknown, disabled and locked accounts).",
    InvalidIfMatch = "invalid_if_match": "`If-Match` is not a quoted version from `ETag`.",
    InvalidQuery = "invalid_query": "A query parameter is not valid.",
    LastAdmin = "last_admin": "This would leave no administrator.",
    MalformedJson = "malformed_json": "The body is not valid JSON.",
    MethodAlreadyPassed = "method_already_passed": "This method was already verified in this flow.",
    MethodNotAllowed = "method_not_allowed": "The HTTP method is not allowed here (`Allow` lists those that are).",
    MethodNotEnabled = "method_not_enabled": "The policy does not enable this kind of method.",
    MethodUnavailable = "method_unavailable": "The method changed since the flow began; start again.",
    NoCodeMethod = "no_code_method": "This kind of method does not use a code.",
    NoCodePending = "no_code_pending": "No code is waiting for this method; ask for one.",
    NoMethods = "no_methods": "The person has no method to prove a step-up with.",
    NotAllowedForAdministrators = "not_allowed_for_administrators": "Administrators cannot use this kind of method.",
    NotEligible = "not_eligible": "Self-service is not available for this account (only when the policy reveals it); `reason` says why.",
    NotFound = "not_found": "No such resource.",
    Overloaded = "overloaded": "The service is busy (`Retry-After`).",
    DirectoryReadOnly = "directory_read_only": "The directory's people and groups are managed with its own tools; this service only reads them.",
    DirectoryUnavailable = "directory_unavailable": "The directory could not be reached or refused the change; nothing was changed, try again.",
    PasswordRejectedByDirectory = "password_rejected_by_directory": "The directory refused the new password by its own rules (the detail gives its reason when it says one); choose another.",
    PasswordChangeRequired = "password_change_required": "The password was set by an administrator: change it first.",
    PayloadTooLarge = "payload_too_large": "The request body is too large.",
    QuestionsNotAsked = "questions_not_asked": "The answers are not for the questions asked.",
    RecoveryCodeInvalid = "recovery_code_invalid": "The recovery code is not one of the person's unused codes.",
    PasskeyRejected = "passkey_rejected": "The passkey's answer was not accepted (another passkey or site, no user verification, or an answer to an older request).",
    PasskeyNotRequested = "passkey_not_requested": "No passkey request waits for this answer (none was made, it was answered already, or it expired): ask again.",
    PasskeysUnavailable = "passkeys_unavailable": "Passkeys need the service's public URL to name a domain (not an IP address).",
    StepUpRequired = "step_up_required": "Changing security info needs a recent step-up (`POST /api/v1/me/step-up`).",
    StorageUnavailable = "storage_unavailable": "The database does not answer (`Retry-After`).",
    Throttled = "throttled": "A limit was reached (`Retry-After`).",
    TooManyAttempts = "too_many_attempts": "No tries left on this code; ask for a new one.",
    TotpInvalid = "totp_invalid": "The authenticator code is not valid now.",
    TotpReplayed = "totp_replayed": "The authenticator code was already used.",
    Unauthenticated = "unauthenticated": "A valid session (or flow) token is required.",
    UnlockDisabled = "unlock_disabled": "Unlocking without a reset is not enabled.",
    UnreadableBody = "unreadable_body": "The request body could not be read.",
    UnsupportedMediaType = "unsupported_media_type": "Send the body as `application/json`.",
    UsernameTaken = "username_taken": "Another person has this username.",
    ValidationFailed = "validation_failed": "Some fields are invalid: `errors` lists each.",
    VerificationIncomplete = "verification_incomplete": "Not enough methods passed yet.",
    VersionConflict = "version_conflict": "The policy changed since it was read (`If-Match`).",
    WrongAnswers = "wrong_answers": "The security answers are not all correct.",
    WrongPurpose = "wrong_purpose": "The flow was started for the other purpose.",
}

error_codes! {
    FieldCode:
    BannedWord = "banned_word": "The password contains a word the policy bans.",
    BelowMinimum = "below_minimum": "Below the smallest value allowed.",
    CaptchaInvalid = "captcha_invalid": "The CAPTCHA solution is wrong, expired or used.",
    ChannelNotAvailable = "channel_not_available": "This method cannot send a code that way.",
    CommonPassword = "common_password": "The password is among the most common ones.",
    Count = "count": "The wrong number of items.",
    DestinationMismatch = "destination_mismatch": "Not the address or number on file.",
    Duplicate = "duplicate": "Listed twice.",
    ExceedsEnabled = "exceeds_enabled": "More than the enabled methods allow.",
    ExceedsRegistered = "exceeds_registered": "More than are registered.",
    Incorrect = "incorrect": "Not correct (such as the current password).",
    Invalid = "invalid": "Not a valid value.",
    InvalidCharacter = "invalid_character": "Holds a character that is not allowed.",
    InvalidCharacters = "invalid_characters": "Holds characters that are not allowed.",
    InvalidEmail = "invalid_email": "Not a valid email address.",
    InvalidTemplate = "invalid_template": "The wording is not a valid template, or uses a variable the message does not have (the message names the line).",
    InvalidPhone = "invalid_phone": "Not a valid phone number in international form (+country code).",
    InvalidType = "invalid_type": "The JSON value has the wrong type.",
    InvalidUrl = "invalid_url": "Not a valid URL.",
    Length = "length": "Too short or too long.",
    MissingField = "missing_field": "A required field is missing from the JSON body.",
    NotApplicable = "not_applicable": "Not used for this kind.",
    NotForStepUp = "not_for_step_up": "This method cannot prove a step-up.",
    NotOffered = "not_offered": "Not one of this flow's methods.",
    OutOfRange = "out_of_range": "Outside the range allowed.",
    PersonalInformation = "personal_information": "The password holds the person's own name or username.",
    Required = "required": "Missing.",
    Reused = "reused": "A password used recently.",
    TooLong = "too_long": "Too long.",
    TooMany = "too_many": "Too many items.",
    TooShort = "too_short": "Too short.",
    TooWeak = "too_weak": "The password is too easy to guess.",
    UnknownField = "unknown_field": "The JSON body has a field this operation does not take.",
    UnknownGroup = "unknown_group": "No such group.",
    UnknownQuestion = "unknown_question": "No such question in the catalogue.",
    UnknownUser = "unknown_user": "No such user.",
    UseSecurityQuestionsEndpoint = "use_security_questions_endpoint": "Set security answers with PUT /api/v1/me/security-questions.",
}

impl std::fmt::Display for FieldCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No credentials, or credentials that do not verify (bad signature, expired, revoked).
    #[error("authentication required")]
    Unauthenticated,
    /// Sign-in refused: wrong password, unknown user, or (before the right password) anything else.
    #[error("invalid username or password")]
    InvalidCredentials,
    /// The right password, but the account is locked after repeated failures.
    #[error("account locked")]
    AccountLocked { retry_after_secs: u64 },
    /// The right password, but an administrator disabled the account.
    #[error("account disabled")]
    AccountDisabled,
    #[error("forbidden")]
    Forbidden,
    /// A session whose password an administrator set: it may only change the password (and
    /// read who it is, and sign out) until then.
    #[error("password change required")]
    PasswordChangeRequired,
    /// A state-changing request authenticated by the session cookie that another site (or a
    /// sibling subdomain) made the browser send.
    #[error("cross-site request")]
    CrossSiteRequest,
    /// The person cannot reset (said only when the policy reveals ineligibility).
    #[error("not eligible: {reason}")]
    NotEligible {
        reason: &'static str,
        helpdesk: crate::policy::CustomizationPolicy,
    },
    /// The policy does not allow this to this person (`method_not_enabled`,
    /// `not_allowed_for_administrators`).
    #[error("{detail}")]
    NotAllowed {
        code: ErrorCode,
        detail: Cow<'static, str>,
    },
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("{detail}")]
    Conflict {
        code: ErrorCode,
        detail: Cow<'static, str>,
    },
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    #[error("{detail}")]
    BadRequest {
        code: ErrorCode,
        detail: Cow<'static, str>,
    },
    #[error("request body too large")]
    PayloadTooLarge,
    #[error("unsupported media type")]
    UnsupportedMediaType,
    #[error("too many requests")]
    Throttled { retry_after_secs: u64 },
    /// The password-hashing queue is full: shed load rather than stall.
    #[error("overloaded")]
    Overloaded { retry_after_secs: u64 },
    /// The database is busy or unreachable; the request changed nothing and may be retried.
    #[error("storage unavailable")]
    StoreUnavailable,
    /// A one-time code, a TOTP or security answers that did not pass: `refusal` says why, each
    /// reason with its own stable `code` and words.
    #[error("code rejected: {}", refusal.code())]
    CodeRejected {
        refusal: Refusal,
        attempts_left: Option<u32>,
    },
    /// The directory could not be read or written; nothing was changed (the message is for the
    /// log only).
    #[error("directory unavailable: {0}")]
    DirectoryUnavailable(String),
    /// The directory refused the new password by its own rules, with its reason when it gave
    /// one; nothing was changed.
    #[error("password rejected by the directory")]
    PasswordRejectedByDirectory(Option<String>),
    /// A message could not be delivered; nothing was counted as sent and the person may retry.
    #[error("delivery failed: {0}")]
    DeliveryFailed(String),
    /// Anything else. The message is for the log only.
    #[error("internal error: {0}")]
    Internal(String),
}

/// Why a proof did not pass. Every reason has its own stable `code` and its own words, so that a
/// person (and a client) is never told "no code was sent" about a wrong authenticator code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A sent code that is not the right one; `attempts_left` says how many tries remain.
    InvalidCode,
    CodeExpired,
    /// No tries left on the code: a new one is needed.
    TooManyAttempts,
    /// No live code for this method: none was sent, or it was replaced.
    NoCodePending,
    /// An authenticator app code that does not match the current time window.
    TotpInvalid,
    /// An authenticator app code already used (the same time step): a new one is needed.
    TotpReplayed,
    /// Security answers that do not all match (the questions change for the next try).
    WrongAnswers,
    /// Security answers sent before the questions were asked, or for other questions.
    QuestionsNotAsked,
    /// A recovery code that is not one of the unused codes (wrong, or used before).
    RecoveryCodeInvalid,
    /// A passkey answer that does not verify against the ceremony.
    PasskeyRejected,
    /// A passkey answer with no ceremony to answer (none, used, or expired).
    PasskeyNotRequested,
}

impl Refusal {
    pub fn code(self) -> ErrorCode {
        match self {
            Self::InvalidCode => ErrorCode::InvalidCode,
            Self::CodeExpired => ErrorCode::CodeExpired,
            Self::TooManyAttempts => ErrorCode::TooManyAttempts,
            Self::NoCodePending => ErrorCode::NoCodePending,
            Self::TotpInvalid => ErrorCode::TotpInvalid,
            Self::TotpReplayed => ErrorCode::TotpReplayed,
            Self::WrongAnswers => ErrorCode::WrongAnswers,
            Self::QuestionsNotAsked => ErrorCode::QuestionsNotAsked,
            Self::RecoveryCodeInvalid => ErrorCode::RecoveryCodeInvalid,
            Self::PasskeyRejected => ErrorCode::PasskeyRejected,
            Self::PasskeyNotRequested => ErrorCode::PasskeyNotRequested,
        }
    }

    pub fn detail(self, attempts_left: Option<u32>) -> String {
        match (self, attempts_left) {
            (Self::InvalidCode, Some(n)) => format!("the code is not correct; {n} tries left"),
            (Self::InvalidCode, None) => "the code is not correct".into(),
            (Self::CodeExpired, _) => "the code has expired; ask for a new one".into(),
            (Self::TooManyAttempts, _) => "too many wrong codes; ask for a new one".into(),
            (Self::NoCodePending, _) => "no code was sent for this method; ask for one".into(),
            (Self::TotpInvalid, _) => {
                "the authenticator code is not correct; check the app's clock and try the current code".into()
            }
            (Self::TotpReplayed, _) => {
                "this authenticator code was already used; wait for the next one".into()
            }
            (Self::WrongAnswers, _) => {
                "the answers are not correct; answer the new questions".into()
            }
            (Self::QuestionsNotAsked, _) => {
                "answer the questions asked for this reset (ask for them first)".into()
            }
            (Self::RecoveryCodeInvalid, _) => {
                "this is not one of your unused recovery codes (each works once)".into()
            }
            (Self::PasskeyRejected, _) => {
                "the passkey was not accepted; use one registered here, on this site, and unlock it".into()
            }
            (Self::PasskeyNotRequested, _) => {
                "no passkey request waits for this answer; ask again".into()
            }
        }
    }
}

impl Error {
    /// A refused proof.
    pub fn refused(refusal: Refusal, attempts_left: Option<u32>) -> Self {
        Self::CodeRejected {
            refusal,
            attempts_left,
        }
    }

    pub fn internal(msg: impl Into<String>) -> Self {
        Self::Internal(msg.into())
    }

    pub fn validation(
        field: impl Into<String>,
        code: FieldCode,
        message: impl Into<String>,
    ) -> Self {
        Self::Validation(vec![FieldError::new(field, code, message)])
    }

    pub fn conflict(code: ErrorCode, detail: impl Into<Cow<'static, str>>) -> Self {
        Self::Conflict {
            code,
            detail: detail.into(),
        }
    }

    pub fn bad_request(code: ErrorCode, detail: impl Into<Cow<'static, str>>) -> Self {
        Self::BadRequest {
            code,
            detail: detail.into(),
        }
    }
}

impl From<diesel::result::Error> for Error {
    fn from(e: diesel::result::Error) -> Self {
        use diesel::result::{DatabaseErrorKind, Error as D};
        match &e {
            D::NotFound => Self::NotFound("record"),
            D::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => Self::conflict(
                ErrorCode::AlreadyExists,
                "a record with the same unique value already exists",
            ),
            D::DatabaseError(DatabaseErrorKind::SerializationFailure, _) => Self::StoreUnavailable,
            // The connection is gone (the database restarted, the network was cut): the
            // transaction did not finish here, and the next try gets another connection.
            D::DatabaseError(
                DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
                _,
            ) => Self::StoreUnavailable,
            // SQLite reports a lock it could not get within busy_timeout as an unknown error
            // whose message says "database is locked" (or "busy"): retryable, nothing changed.
            D::DatabaseError(_, info)
                if info.message().contains("database is locked")
                    || info.message().contains("busy") =>
            {
                Self::StoreUnavailable
            }
            _ => Self::Internal(format!("database: {e}")),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_snake_case_unique_and_serialised_as_written() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            let text = code.as_str();
            assert!(
                text.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{text}"
            );
            assert!(seen.insert(text), "{text} twice");
            assert_eq!(serde_json::to_value(code).unwrap(), serde_json::json!(text));
        }
    }
}
