use actix_web::{get, web};

use crate::context::Ctx;
use crate::error::Error;
use crate::http::wire::public::PublicConfig;
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
