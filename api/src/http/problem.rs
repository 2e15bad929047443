//! The one mapping from domain errors to HTTP: RFC 9457 problem+json with a stable `code`.
//! 5xx answers say nothing internal; the cause goes to the log with the request id.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use utoipa::{ToResponse, ToSchema};

use crate::error::{Error, ErrorCode, FieldError};

/// An RFC 9457 problem document.
#[derive(Clone, Debug, Serialize, ToSchema)]
#[schema(example = json!({
    "type": "urn:sspr:problem:invalid_code",
    "title": "Unprocessable Entity",
    "status": 422,
    "detail": "that code is not correct; 4 tries left",
    "code": "invalid_code",
    "attempts_left": 4
}))]
pub struct Problem {
    /// `urn:sspr:problem:{code}`.
    #[serde(rename = "type")]
    pub type_: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// Stable and machine-readable: switch on it, not on `detail`.
    pub code: ErrorCode,
    /// For validation failures: one entry per invalid field.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// For a wrong code: how many tries are left on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attempts_left: Option<u32>,
    /// For `not_eligible`: why (`unknown_user`, `disabled`, `not_in_scope`, `not_registered`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Where to get help, when the person cannot go on by themselves.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub helpdesk: Option<crate::policy::CustomizationPolicy>,
}

pub const CONTENT_TYPE: &str = "application/problem+json";

impl Problem {
    pub fn new(status: StatusCode, code: ErrorCode, detail: impl Into<String>) -> Self {
        Self {
            type_: format!("urn:sspr:problem:{code}"),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            detail: detail.into(),
            code,
            errors: Vec::new(),
            attempts_left: None,
            reason: None,
            helpdesk: None,
        }
    }

    pub fn response(&self) -> HttpResponse {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_string(self).unwrap_or_default();
        HttpResponse::build(status)
            .content_type(CONTENT_TYPE)
            .body(body)
    }
}

impl Error {
    /// The problem `code` this error answers with (for audit rows that say why).
    pub fn problem_code(&self) -> ErrorCode {
        self.parts().1
    }

    fn parts(&self) -> (StatusCode, ErrorCode, String) {
        use StatusCode as S;
        match self {
            Error::Unauthenticated => (
                S::UNAUTHORIZED,
                ErrorCode::Unauthenticated,
                "a valid session token is required".into(),
            ),
            Error::InvalidCredentials => (
                S::UNAUTHORIZED,
                ErrorCode::InvalidCredentials,
                "the username or password is not correct".into(),
            ),
            Error::AccountLocked { retry_after_secs } => (
                S::UNAUTHORIZED,
                ErrorCode::AccountLocked,
                format!(
                    "the account is locked after repeated failed sign-ins; try again in {retry_after_secs} seconds"
                ),
            ),
            Error::AccountDisabled => (
                S::UNAUTHORIZED,
                ErrorCode::AccountDisabled,
                "the account is disabled; contact your helpdesk".into(),
            ),
            Error::Forbidden => (
                S::FORBIDDEN,
                ErrorCode::Forbidden,
                "this requires an administrator".into(),
            ),
            Error::PasswordChangeRequired => (
                S::FORBIDDEN,
                ErrorCode::PasswordChangeRequired,
                "the password was set by an administrator; change it before anything else".into(),
            ),
            Error::CrossSiteRequest => (
                S::FORBIDDEN,
                ErrorCode::CrossSiteRequest,
                "this request came from another site; use the service's own pages, or send the token as a bearer token".into(),
            ),
            Error::NotAllowed { code, detail } => (S::FORBIDDEN, *code, detail.to_string()),
            Error::NotEligible { .. } => (S::FORBIDDEN, ErrorCode::NotEligible, "self-service password reset is not available for this account; contact your helpdesk".into()),
            Error::NotFound(what) => (S::NOT_FOUND, ErrorCode::NotFound, format!("no such {what}")),
            Error::Conflict { code, detail } => (S::CONFLICT, *code, detail.to_string()),
            Error::Validation(_) => (
                S::UNPROCESSABLE_ENTITY,
                ErrorCode::ValidationFailed,
                "some fields are invalid".into(),
            ),
            Error::BadRequest { code, detail } => (S::BAD_REQUEST, *code, detail.to_string()),
            Error::PayloadTooLarge => (
                S::PAYLOAD_TOO_LARGE,
                ErrorCode::PayloadTooLarge,
                "the request body is too large".into(),
            ),
            Error::UnsupportedMediaType => (
                S::UNSUPPORTED_MEDIA_TYPE,
                ErrorCode::UnsupportedMediaType,
                "send the body as application/json".into(),
            ),
            Error::Throttled { retry_after_secs } => (
                S::TOO_MANY_REQUESTS,
                ErrorCode::Throttled,
                format!("too many requests; try again in {retry_after_secs} seconds"),
            ),
            Error::Overloaded { .. } => (
                S::SERVICE_UNAVAILABLE,
                ErrorCode::Overloaded,
                "the service is busy; try again shortly".into(),
            ),
            Error::StoreUnavailable => (
                S::SERVICE_UNAVAILABLE,
                ErrorCode::StorageUnavailable,
                "the service is busy; try again shortly".into(),
            ),
            Error::CodeRejected {
                refusal,
                attempts_left,
            } => (
                S::UNPROCESSABLE_ENTITY,
                refusal.code(),
                refusal.detail(*attempts_left),
            ),
            Error::DeliveryFailed(_) => (
                S::BAD_GATEWAY,
                ErrorCode::DeliveryFailed,
                "the message could not be sent; nothing was counted, please try again".into(),
            ),
            Error::DirectoryUnavailable(_) => (
                S::BAD_GATEWAY,
                ErrorCode::DirectoryUnavailable,
                "the directory could not be reached; nothing was changed, please try again".into(),
            ),
            Error::PasswordRejectedByDirectory(reason) => (
                S::UNPROCESSABLE_ENTITY,
                ErrorCode::PasswordRejectedByDirectory,
                match reason {
                    Some(reason) => format!("the directory refused this password: {reason}"),
                    None => "the directory refused this password; choose another".into(),
                },
            ),
            Error::Internal(_) => (
                S::INTERNAL_SERVER_ERROR,
                ErrorCode::InternalError,
                "something went wrong on our side".into(),
            ),
        }
    }

    fn retry_after(&self) -> Option<u64> {
        match self {
            Error::Throttled { retry_after_secs } | Error::Overloaded { retry_after_secs } => {
                Some(*retry_after_secs)
            }
            Error::AccountLocked { retry_after_secs } => Some(*retry_after_secs),
            Error::StoreUnavailable => Some(1),
            _ => None,
        }
    }
}

impl ResponseError for Error {
    fn status_code(&self) -> StatusCode {
        self.parts().0
    }

    fn error_response(&self) -> HttpResponse {
        let (status, code, detail) = self.parts();
        if status.is_server_error() {
            // The Display text may hold internal detail: log only.
            tracing::error!(error = %self, code = code.as_str(), "request failed");
        }
        let mut problem = Problem::new(status, code, detail);
        if let Error::Validation(errors) = self {
            problem.errors = errors.clone();
        }
        if let Error::CodeRejected { attempts_left, .. } = self {
            problem.attempts_left = *attempts_left;
        }
        if let Error::NotEligible { reason, helpdesk } = self {
            problem.reason = Some((*reason).to_owned());
            problem.helpdesk = Some(helpdesk.clone());
        }
        if let Error::DeliveryFailed(reason) = self {
            // The provider's words are for the operator, not the person.
            tracing::warn!(error = %reason, "delivery failed");
        }
        let mut response = problem.response();
        if let Some(secs) = self.retry_after()
            && let Ok(value) = HeaderValue::from_str(&secs.to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        if matches!(self, Error::Unauthenticated) {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

// Reusable OpenAPI responses, so that every path documents its errors the same way.

/// The request is malformed (for example, broken JSON).
#[derive(ToResponse)]
#[response(
    description = "Malformed request (for example, invalid JSON)",
    content_type = "application/problem+json"
)]
pub struct BadRequest(#[allow(dead_code)] Problem);

/// No valid token.
#[derive(ToResponse)]
#[response(
    description = "No valid session token",
    content_type = "application/problem+json"
)]
pub struct Unauthorized(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(
    description = "The token does not grant this: administrators only (`forbidden`), the password was set by an administrator and must be changed first (`password_change_required`), or a request authenticated by the session cookie came from another site (`cross_site_request`); or the policy or settings do not allow it: the method is not enabled (`method_not_enabled`, `not_allowed_for_administrators`), changing security info needs a recent proof (`step_up_required`), texts and calls to the number's country are not enabled (`country_not_allowed`)",
    content_type = "application/problem+json"
)]
pub struct Forbidden(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(
    description = "No such resource",
    content_type = "application/problem+json"
)]
pub struct NotFound(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(
    description = "Conflicts with the current state",
    content_type = "application/problem+json"
)]
pub struct Conflict(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(
    description = "The request body is over the limit (16 KiB by default)",
    content_type = "application/problem+json"
)]
pub struct PayloadTooLarge(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(
    description = "The body is not application/json",
    content_type = "application/problem+json"
)]
pub struct UnsupportedMediaType(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(
    description = "Invalid fields; `errors` lists each field with its reason",
    content_type = "application/problem+json"
)]
pub struct Unprocessable(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(
    description = "Throttled; retry after the given number of seconds",
    content_type = "application/problem+json",
    headers(("Retry-After" = u64, description = "Seconds to wait"))
)]
pub struct TooManyRequests(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(
    description = "Overloaded or the database is busy; nothing changed, retry after the given number of seconds",
    content_type = "application/problem+json",
    headers(("Retry-After" = u64, description = "Seconds to wait"))
)]
pub struct ServiceUnavailable(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(
    description = "Unexpected failure; details are in the server log",
    content_type = "application/problem+json"
)]
pub struct InternalError(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(
    description = "The email, text message or call could not be sent; nothing was counted, try again",
    content_type = "application/problem+json"
)]
pub struct BadGateway(#[allow(dead_code)] Problem);

#[derive(ToResponse)]
#[response(
    description = "The directory could not be reached or refused the change (`directory_unavailable`); nothing was changed, try again",
    content_type = "application/problem+json"
)]
pub struct DirectoryUnavailable(#[allow(dead_code)] Problem);
