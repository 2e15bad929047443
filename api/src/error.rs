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
    pub code: String,
    /// Human-readable explanation.
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: &str, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            code: code.to_owned(),
            message: message.into(),
        }
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
        code: &'static str,
        detail: Cow<'static, str>,
    },
    #[error("{0} not found")]
    NotFound(&'static str),
    #[error("{detail}")]
    Conflict {
        code: &'static str,
        detail: Cow<'static, str>,
    },
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    #[error("{detail}")]
    BadRequest {
        code: &'static str,
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
}

impl Refusal {
    pub fn code(self) -> &'static str {
        match self {
            Self::InvalidCode => "invalid_code",
            Self::CodeExpired => "code_expired",
            Self::TooManyAttempts => "too_many_attempts",
            Self::NoCodePending => "no_code_pending",
            Self::TotpInvalid => "totp_invalid",
            Self::TotpReplayed => "totp_replayed",
            Self::WrongAnswers => "wrong_answers",
            Self::QuestionsNotAsked => "questions_not_asked",
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

    pub fn validation(field: impl Into<String>, code: &str, message: impl Into<String>) -> Self {
        Self::Validation(vec![FieldError::new(field, code, message)])
    }

    pub fn conflict(code: &'static str, detail: impl Into<Cow<'static, str>>) -> Self {
        Self::Conflict {
            code,
            detail: detail.into(),
        }
    }

    pub fn bad_request(code: &'static str, detail: impl Into<Cow<'static, str>>) -> Self {
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
                "already_exists",
                "a record with the same unique value already exists",
            ),
            D::DatabaseError(DatabaseErrorKind::SerializationFailure, _) => Self::StoreUnavailable,
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
