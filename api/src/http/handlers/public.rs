use actix_web::{get, post, web};

use crate::context::Ctx;
use crate::error::Error;
use crate::http::extract::{ApiJson, Meta};
use crate::http::wire::public::{PasswordCheck, PasswordCheckRequest, PublicConfig};
use crate::policy::service;

/// Get the public configuration
///
/// What a client needs before sign-in: the CAPTCHA kind, the helpdesk contact, the password rules
/// and the enabled methods.
#[utoipa::path(
    operation_id = "public_config",
    tag = "public",
    responses(
        (status = 200, description = "What the web app needs before sign-in", body = PublicConfig),
        (status = 503, response = crate::http::problem::ServiceUnavailable),
    )
)]
#[get("/config/public")]
pub async fn public_config(ctx: web::Data<Ctx>) -> Result<web::Json<PublicConfig>, Error> {
    Ok(web::Json(service::public(&ctx).await?.into()))
}

/// Rate a password
///
/// Rates a password as it is typed, with the service's own rules and estimator, so that the
/// strength meter and the final answer agree. Nothing is stored or logged; limited per client
/// address.
#[utoipa::path(
    operation_id = "check_password",
    tag = "public",
    request_body = PasswordCheckRequest,
    responses(
        (status = 200, description = "How the policy rates it", body = PasswordCheck),
        (status = 400, response = crate::http::problem::BadRequest),
        (status = 413, response = crate::http::problem::PayloadTooLarge),
        (status = 415, response = crate::http::problem::UnsupportedMediaType),
        (status = 422, response = crate::http::problem::Unprocessable),
        (status = 429, response = crate::http::problem::TooManyRequests),
        (status = 503, response = crate::http::problem::ServiceUnavailable),
    )
)]
#[post("/password/check")]
pub async fn check_password(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    body: ApiJson<PasswordCheckRequest>,
) -> Result<web::Json<PasswordCheck>, Error> {
    let PasswordCheckRequest { password, username } = body.into_inner()?;
    Ok(web::Json(
        crate::password::rate(&ctx, &meta, &password, username.as_deref()).await?,
    ))
}
