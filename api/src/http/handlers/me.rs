use actix_web::{HttpResponse, get, post, put, web};

use crate::context::Ctx;
use crate::error::Error;
use crate::http::extract::{ApiJson, AuthenticatedPendingChange, Meta};
use crate::http::problem as p;
use crate::http::wire::session::{ChangePasswordRequest, LanguageChoice, Me};
use crate::session;

/// Get the signed-in person
///
/// The signed-in person, their role and their registration status against the policy.
#[utoipa::path(
    operation_id = "get_me",
    tag = "me",
    security(("bearer" = []), ("session_cookie" = [])),
    responses(
        (status = 200, description = "The signed-in person", body = Me),
        (status = 401, response = p::Unauthorized),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[get("/me")]
pub async fn me(
    ctx: web::Data<Ctx>,
    AuthenticatedPendingChange(principal): AuthenticatedPendingChange,
) -> Result<web::Json<Me>, Error> {
    Ok(web::Json(session::me(&ctx, &principal).await?.into()))
}

/// Change my password
///
/// Changes one's own password, given the current one. Every other session ends. Wrong current
/// passwords count like failed sign-ins.
#[utoipa::path(
    operation_id = "change_password",
    tag = "me",
    security(("bearer" = []), ("session_cookie" = [])),
    request_body = ChangePasswordRequest,
    responses(
        (status = 204, description = "Changed"),
        (status = 400, response = p::BadRequest),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 413, response = p::PayloadTooLarge),
        (status = 415, response = p::UnsupportedMediaType),
        (status = 422, response = p::Unprocessable),
        (status = 429, response = p::TooManyRequests),
        (status = 502, response = p::DirectoryUnavailable),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[post("/me/password")]
pub async fn change_password(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    AuthenticatedPendingChange(principal): AuthenticatedPendingChange,
    body: ApiJson<ChangePasswordRequest>,
) -> Result<HttpResponse, Error> {
    let ChangePasswordRequest {
        current_password,
        new_password,
    } = body.into_inner()?;
    session::change_password(&ctx, &meta, &principal, &current_password, &new_password).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Choose my language
///
/// Saves the language the person chose for the service: its messages to them and the web app.
/// `null` forgets the choice.
#[utoipa::path(
    operation_id = "set_my_language",
    tag = "me",
    security(("bearer" = []), ("session_cookie" = [])),
    request_body = LanguageChoice,
    responses(
        (status = 204, description = "Saved"),
        (status = 400, response = p::BadRequest),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 413, response = p::PayloadTooLarge),
        (status = 415, response = p::UnsupportedMediaType),
        (status = 422, response = p::Unprocessable),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[put("/me/language")]
pub async fn set_language(
    ctx: web::Data<Ctx>,
    AuthenticatedPendingChange(principal): AuthenticatedPendingChange,
    body: ApiJson<LanguageChoice>,
) -> Result<HttpResponse, Error> {
    let LanguageChoice { language } = body.into_inner()?;
    session::set_language(&ctx, &principal, language).await?;
    Ok(HttpResponse::NoContent().finish())
}
