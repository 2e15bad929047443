use actix_web::{HttpResponse, delete, get, post, put, web};
use uuid::Uuid;

use crate::context::Ctx;
use crate::error::Error;
use crate::http::extract::{ApiJson, Authenticated, Meta};
use crate::http::problem as p;
use crate::http::wire::registration::{
    AddMethodRequest, AddedMethod, Catalogue, CodeSent, Elevation, MethodList, MethodView, Removal,
    SecurityAnswers, StepUpChallenge, StepUpChallengeRequest, StepUpRequest, VerifyMethodRequest,
};
use crate::registration::RegistrationStatus;
use crate::registration::step_up;
use crate::registration::{changes, enroll};

/// List my methods
///
/// One's registered methods, masked, with where one stands against the policy.
#[utoipa::path(
    operation_id = "list_my_methods",
    tag = "me",
    security(("bearer" = []), ("session_cookie" = [])),
    responses(
        (status = 200, description = "Your methods, masked, and where you stand against the policy", body = MethodList),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[get("/me/methods")]
pub async fn list(
    ctx: web::Data<Ctx>,
    Authenticated(principal): Authenticated,
) -> Result<web::Json<MethodList>, Error> {
    Ok(web::Json(enroll::list(&ctx, &principal).await?.into()))
}

/// Add a method
///
/// Starts registering a method. A code is sent for `email`, `mobile_sms`, `mobile_voice` and
/// `office_voice`; for `authenticator_app` the answer holds the seed, the `otpauth://` URI and a QR
/// code, this once. The method is `pending` until verified. Once a person has active methods, a
/// change needs a recent step-up (403 `step_up_required`).
#[utoipa::path(
    operation_id = "add_method",
    tag = "me",
    security(("bearer" = []), ("session_cookie" = [])),
    request_body = crate::http::schemas::AddMethodBody,
    responses(
        (status = 201, description = "The method added, waiting for its code", body = crate::http::schemas::AddedMethodBody),
        (status = 400, response = p::BadRequest),
        (status = 401, response = p::Unauthorized),
        (status = 403, description = "The policy does not allow this method to this person, or a step-up is needed first (`step_up_required`), or the password must be changed first (`password_change_required`), or a cookie-authenticated request came from another site (`cross_site_request`)", body = p::Problem, content_type = "application/problem+json"),
        (status = 413, response = p::PayloadTooLarge),
        (status = 415, response = p::UnsupportedMediaType),
        (status = 422, response = p::Unprocessable),
        (status = 429, response = p::TooManyRequests),
        (status = 502, response = p::BadGateway),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[post("/me/methods")]
pub async fn add(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    Authenticated(principal): Authenticated,
    body: ApiJson<AddMethodRequest>,
) -> Result<HttpResponse, Error> {
    let added = enroll::add(&ctx, &principal, &meta, body.into_inner()?.into()).await?;
    Ok(HttpResponse::Created().json(AddedMethod::from(added)))
}

/// Verify a method
///
/// Verifies a pending method with the code received (or shown by the app); it becomes active and
/// replaces any earlier method of the same kind.
#[utoipa::path(
    operation_id = "verify_method",
    tag = "me",
    security(("bearer" = []), ("session_cookie" = [])),
    params(("method_id" = Uuid, Path)),
    request_body = VerifyMethodRequest,
    responses(
        (status = 200, description = "The method, now verified", body = MethodView),
        (status = 400, response = p::BadRequest),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 404, response = p::NotFound),
        (status = 409, response = p::Conflict),
        (status = 413, response = p::PayloadTooLarge),
        (status = 415, response = p::UnsupportedMediaType),
        (status = 422, description = "Wrong, expired or spent code (`code` says which; `attempts_left` how many tries remain)", body = p::Problem, content_type = "application/problem+json"),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[post("/me/methods/{method_id}/verify")]
pub async fn verify(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    Authenticated(principal): Authenticated,
    id: web::Path<Uuid>,
    body: ApiJson<VerifyMethodRequest>,
) -> Result<web::Json<MethodView>, Error> {
    let VerifyMethodRequest { code, credential } = body.into_inner()?;
    let proof = crate::registration::MethodProof { code, credential };
    Ok(web::Json(
        enroll::verify(&ctx, &principal, &meta, id.into_inner(), proof)
            .await?
            .into(),
    ))
}

/// Resend a method's code
///
/// Sends a new code for a pending method (the old one stops working). Limited in number and
/// spacing.
#[utoipa::path(
    operation_id = "resend_method_code",
    tag = "me",
    security(("bearer" = []), ("session_cookie" = [])),
    params(("method_id" = Uuid, Path)),
    responses(
        (status = 202, description = "A new code is on its way", body = CodeSent),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 404, response = p::NotFound),
        (status = 409, response = p::Conflict),
        (status = 429, response = p::TooManyRequests),
        (status = 502, response = p::BadGateway),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[post("/me/methods/{method_id}/resend")]
pub async fn resend(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    Authenticated(principal): Authenticated,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, Error> {
    let sent = enroll::resend(&ctx, &principal, &meta, id.into_inner()).await?;
    Ok(HttpResponse::Accepted().json(CodeSent::from(sent)))
}

/// Remove a method
///
/// Allowed even when it leaves the person short of the policy; the answer's status says so. Needs a
/// recent step-up.
#[utoipa::path(
    operation_id = "remove_method",
    tag = "me",
    security(("bearer" = []), ("session_cookie" = [])),
    params(("method_id" = Uuid, Path)),
    responses(
        (status = 200, description = "The method removed, and what is left", body = Removal),
        (status = 401, response = p::Unauthorized),
        (status = 403, description = "A step-up is needed first (`step_up_required`), or the password must be changed first (`password_change_required`), or a cookie-authenticated request came from another site (`cross_site_request`)", body = p::Problem, content_type = "application/problem+json"),
        (status = 404, response = p::NotFound),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[delete("/me/methods/{method_id}")]
pub async fn remove(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    Authenticated(principal): Authenticated,
    id: web::Path<Uuid>,
) -> Result<web::Json<Removal>, Error> {
    Ok(web::Json(
        changes::remove(&ctx, &principal, &meta, id.into_inner())
            .await?
            .into(),
    ))
}

/// Confirm my methods
///
/// Confirms that the registered methods are still one's own: restarts the reconfirmation clock.
#[utoipa::path(
    operation_id = "confirm_methods",
    tag = "me",
    security(("bearer" = []), ("session_cookie" = [])),
    responses(
        (status = 200, description = "Your registration against the policy", body = RegistrationStatus),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 409, response = p::Conflict),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[post("/me/methods/confirm")]
pub async fn confirm(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    Authenticated(principal): Authenticated,
) -> Result<web::Json<RegistrationStatus>, Error> {
    Ok(web::Json(changes::confirm(&ctx, &principal, &meta).await?))
}

/// List the security questions
///
/// The security questions one may answer, and how many to answer.
#[utoipa::path(
    operation_id = "security_question_catalog",
    tag = "me",
    security(("bearer" = []), ("session_cookie" = [])),
    responses(
        (status = 200, description = "The questions you may choose from", body = Catalogue),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[get("/me/security-questions/catalog")]
pub async fn catalogue(
    ctx: web::Data<Ctx>,
    _user: Authenticated,
) -> Result<web::Json<Catalogue>, Error> {
    Ok(web::Json(changes::catalogue(&ctx).await?.into()))
}

/// Set my security answers
///
/// Exactly as many answers as the policy asks, each question once, each answer different. Not for
/// administrators.
#[utoipa::path(
    operation_id = "set_security_answers",
    tag = "me",
    security(("bearer" = []), ("session_cookie" = [])),
    request_body = SecurityAnswers,
    responses(
        (status = 200, description = "Your security questions, stored", body = MethodView),
        (status = 400, response = p::BadRequest),
        (status = 401, response = p::Unauthorized),
        (status = 403, description = "Not enabled by the policy, or an administrator, or a step-up is needed first (`step_up_required`), or the password must be changed first (`password_change_required`), or a cookie-authenticated request came from another site (`cross_site_request`)", body = p::Problem, content_type = "application/problem+json"),
        (status = 413, response = p::PayloadTooLarge),
        (status = 415, response = p::UnsupportedMediaType),
        (status = 422, response = p::Unprocessable),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[put("/me/security-questions")]
pub async fn set_answers(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    Authenticated(principal): Authenticated,
    body: ApiJson<SecurityAnswers>,
) -> Result<web::Json<MethodView>, Error> {
    let answers = body.into_inner()?.into();
    Ok(web::Json(
        changes::set_answers(&ctx, &principal, &meta, answers)
            .await?
            .into(),
    ))
}

/// Send a step-up code
///
/// Sends a code to one of one's active methods (nothing for an authenticator app), to prove a
/// step-up before changing security info. Security questions cannot be used.
#[utoipa::path(
    operation_id = "step_up_challenge",
    tag = "me",
    security(("bearer" = []), ("session_cookie" = [])),
    request_body = StepUpChallengeRequest,
    responses(
        (status = 202, description = "A code is on its way to the method", body = StepUpChallenge),
        (status = 400, response = p::BadRequest),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 404, response = p::NotFound),
        (status = 413, response = p::PayloadTooLarge),
        (status = 415, response = p::UnsupportedMediaType),
        (status = 422, response = p::Unprocessable),
        (status = 429, response = p::TooManyRequests),
        (status = 502, response = p::BadGateway),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[post("/me/step-up/challenges")]
pub async fn step_up_challenge(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    Authenticated(principal): Authenticated,
    body: ApiJson<StepUpChallengeRequest>,
) -> Result<HttpResponse, Error> {
    let StepUpChallengeRequest { method_id, channel } = body.into_inner()?;
    let sent = step_up::challenge(&ctx, &principal, &meta, method_id, channel).await?;
    Ok(HttpResponse::Accepted().json(StepUpChallenge::from(sent)))
}

/// Prove a step-up
///
/// Proves a step-up with the code received (or shown by the app): for the next ten minutes this
/// session may add, replace and remove methods. Five failures an hour, then 429.
#[utoipa::path(
    operation_id = "step_up",
    tag = "me",
    security(("bearer" = []), ("session_cookie" = [])),
    request_body = StepUpRequest,
    responses(
        (status = 200, description = "The session is elevated until the time given", body = Elevation),
        (status = 400, response = p::BadRequest),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 404, response = p::NotFound),
        (status = 413, response = p::PayloadTooLarge),
        (status = 415, response = p::UnsupportedMediaType),
        (status = 422, description = "Wrong, expired or spent code (`code` says which)", body = p::Problem, content_type = "application/problem+json"),
        (status = 429, response = p::TooManyRequests),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[post("/me/step-up")]
pub async fn prove_step_up(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    Authenticated(principal): Authenticated,
    body: ApiJson<StepUpRequest>,
) -> Result<web::Json<Elevation>, Error> {
    let StepUpRequest {
        method_id,
        code,
        credential,
    } = body.into_inner()?;
    let proof = crate::registration::MethodProof { code, credential };
    let elevated_until = step_up::prove(&ctx, &principal, &meta, method_id, proof).await?;
    Ok(web::Json(Elevation { elevated_until }))
}
