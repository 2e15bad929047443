use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, HttpResponse, get, post, web};
use uuid::Uuid;

use crate::captcha::{self, Challenge};
use crate::context::Ctx;
use crate::error::Error;
use crate::flows;
use crate::http::extract::{ApiJson, Meta};
use crate::http::problem as p;
use crate::http::wire::recovery::{
    ChallengeRequest, ChallengeResponse, FinishResponse, NewPasswordRequest, StartRequest,
    StartResponse, VerifyRequest, VerifyResponse,
};

/// The flow token from `Authorization: Bearer` (never from a cookie: a flow is not a session).
pub struct FlowToken(String);

impl FromRequest for FlowToken {
    type Error = actix_web::Error;
    type Future = std::future::Ready<Result<Self, actix_web::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let token = crate::http::extract::bearer(req);
        std::future::ready(
            token
                .map(FlowToken)
                .ok_or_else(|| Error::Unauthenticated.into()),
        )
    }
}

/// Get a CAPTCHA challenge
///
/// A proof-of-work challenge for the built-in CAPTCHA, in the format of the ALTCHA widget (protocol
/// v1: SHA-256 over salt and number, HMAC-signed). Solve it and send the base64 payload as
/// `captcha` when starting a flow.
#[utoipa::path(
    operation_id = "captcha_challenge",
    tag = "recovery",
    responses((status = 200, description = "A proof-of-work puzzle to solve before starting a flow", body = Challenge, headers(("Cache-Control" = String, description = "no-store"))))
)]
#[get("/captcha/challenge")]
pub async fn captcha_challenge(ctx: web::Data<Ctx>) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(captcha::challenge(&ctx))
}

/// Start a reset or unlock
///
/// The answer has the same shape for every username: unknown or ineligible ones get a flow that
/// never verifies, unless the policy reveals ineligibility (then 403 `not_eligible` with the reason
/// and the helpdesk).
#[utoipa::path(
    operation_id = "start_recovery",
    tag = "recovery",
    request_body = StartRequest,
    responses(
        (status = 201, description = "The flow started, with the methods to prove", body = StartResponse),
        (status = 400, response = p::BadRequest),
        (status = 403, description = "Ineligible (only when the policy reveals it), or unlock is not enabled", body = p::Problem, content_type = "application/problem+json"),
        (status = 413, response = p::PayloadTooLarge),
        (status = 415, response = p::UnsupportedMediaType),
        (status = 422, response = p::Unprocessable),
        (status = 429, response = p::TooManyRequests),
        (status = 502, response = p::BadGateway),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[post("/recovery/flows")]
pub async fn start(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    body: ApiJson<StartRequest>,
) -> Result<HttpResponse, Error> {
    let started = flows::start(&ctx, &meta, body.into_inner()?.into()).await?;
    Ok(HttpResponse::Created().json(StartResponse::from(started)))
}

/// Send a challenge
///
/// Sends a code to one of the flow's methods, by the `channel` chosen for a phone, or returns the
/// security questions to answer. The policy may ask for the full address or number in `confirm`.
#[utoipa::path(
    operation_id = "send_recovery_challenge",
    tag = "recovery",
    security(("flow_token" = [])),
    params(("flow_id" = Uuid, Path)),
    request_body = ChallengeRequest,
    responses(
        (status = 202, description = "A code is on its way, or the questions to answer", body = crate::http::schemas::ChallengeBody),
        (status = 400, response = p::BadRequest),
        (status = 401, description = "Missing, invalid, expired or superseded flow token", body = p::Problem, content_type = "application/problem+json"),
        (status = 403, description = "Texts and calls to this number's country are not enabled (`country_not_allowed`)", body = p::Problem, content_type = "application/problem+json"),
        (status = 404, response = p::NotFound),
        (status = 409, response = p::Conflict),
        (status = 413, response = p::PayloadTooLarge),
        (status = 415, response = p::UnsupportedMediaType),
        (status = 422, response = p::Unprocessable),
        (status = 429, response = p::TooManyRequests),
        (status = 502, response = p::BadGateway),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[post("/recovery/flows/{flow_id}/challenges")]
pub async fn challenge(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    FlowToken(token): FlowToken,
    id: web::Path<Uuid>,
    body: ApiJson<ChallengeRequest>,
) -> Result<HttpResponse, Error> {
    let ask = body.into_inner()?.into();
    let challenged = flows::challenge(&ctx, &meta, &token, id.into_inner(), ask).await?;
    Ok(HttpResponse::Accepted().json(ChallengeResponse::from(challenged)))
}

/// Verify a method
///
/// Checks a code, an authenticator code or security answers. Success answers a new flow token (the
/// old one stops working); a failure says why and counts against the flow and the account.
#[utoipa::path(
    operation_id = "verify_recovery_method",
    tag = "recovery",
    security(("flow_token" = [])),
    params(("flow_id" = Uuid, Path)),
    request_body = crate::http::schemas::VerifyBody,
    responses(
        (status = 200, description = "The method proven, and what is left to prove", body = VerifyResponse),
        (status = 400, response = p::BadRequest),
        (status = 401, description = "Missing, invalid, expired or superseded flow token", body = p::Problem, content_type = "application/problem+json"),
        (status = 404, response = p::NotFound),
        (status = 409, response = p::Conflict),
        (status = 413, response = p::PayloadTooLarge),
        (status = 415, response = p::UnsupportedMediaType),
        (status = 422, description = "Wrong, expired or spent code, or wrong answers (`code` says which)", body = p::Problem, content_type = "application/problem+json"),
        (status = 429, response = p::TooManyRequests),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[post("/recovery/flows/{flow_id}/verify")]
pub async fn verify(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    FlowToken(token): FlowToken,
    id: web::Path<Uuid>,
    body: ApiJson<VerifyRequest>,
) -> Result<web::Json<VerifyResponse>, Error> {
    let evidence = body.into_inner()?.into();
    let verified = flows::verify(&ctx, &meta, &token, id.into_inner(), evidence).await?;
    Ok(web::Json(verified.into()))
}

/// Set the new password
///
/// Once enough methods passed. Every session of the person ends; the reset signs nobody in.
#[utoipa::path(
    operation_id = "reset_password",
    tag = "recovery",
    security(("flow_token" = [])),
    params(("flow_id" = Uuid, Path)),
    request_body = NewPasswordRequest,
    responses(
        (status = 200, description = "The password is reset; the flow is over", body = FinishResponse),
        (status = 400, response = p::BadRequest),
        (status = 401, description = "Missing, invalid, expired or superseded flow token", body = p::Problem, content_type = "application/problem+json"),
        (status = 404, response = p::NotFound),
        (status = 403, description = "Not enough methods verified", body = p::Problem, content_type = "application/problem+json"),
        (status = 409, response = p::Conflict),
        (status = 413, response = p::PayloadTooLarge),
        (status = 415, response = p::UnsupportedMediaType),
        (status = 422, description = "The password breaks rules of the policy; `errors` lists every one", body = p::Problem, content_type = "application/problem+json"),
        (status = 502, response = p::DirectoryUnavailable),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[post("/recovery/flows/{flow_id}/password")]
pub async fn password(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    FlowToken(token): FlowToken,
    id: web::Path<Uuid>,
    body: ApiJson<NewPasswordRequest>,
) -> Result<web::Json<FinishResponse>, Error> {
    let NewPasswordRequest { new_password } = body.into_inner()?;
    let finished =
        flows::reset_password(&ctx, &meta, &token, id.into_inner(), &new_password).await?;
    Ok(web::Json(finished.into()))
}

/// Unlock the account
///
/// Once enough methods passed, for unlock flows, when the policy allows unlocking. The password
/// does not change.
#[utoipa::path(
    operation_id = "unlock_account",
    tag = "recovery",
    security(("flow_token" = [])),
    params(("flow_id" = Uuid, Path)),
    responses(
        (status = 200, description = "The account is unlocked; the flow is over", body = FinishResponse),
        (status = 401, description = "Missing, invalid, expired or superseded flow token", body = p::Problem, content_type = "application/problem+json"),
        (status = 404, response = p::NotFound),
        (status = 403, description = "Not enough methods verified, or unlock not enabled", body = p::Problem, content_type = "application/problem+json"),
        (status = 409, response = p::Conflict),
        (status = 502, response = p::DirectoryUnavailable),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[post("/recovery/flows/{flow_id}/unlock")]
pub async fn unlock(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    FlowToken(token): FlowToken,
    id: web::Path<Uuid>,
) -> Result<web::Json<FinishResponse>, Error> {
    Ok(web::Json(
        flows::unlock(&ctx, &meta, &token, id.into_inner())
            .await?
            .into(),
    ))
}
