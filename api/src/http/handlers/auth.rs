use actix_web::cookie::{Cookie, SameSite, time::Duration};
use actix_web::{HttpResponse, post, web};

use crate::context::Ctx;
use crate::error::Error;
use crate::http::extract::{ApiJson, AuthenticatedPendingChange, Meta, session_cookie_name};
use crate::http::problem as p;
use crate::http::wire::session::{SignInRequest, SignInResponse};
use crate::session;

/// The session cookie (or, with an empty value and no age, its removal): `__Host-` prefixed,
/// Secure, `Path=/` and without `Domain` when the public URL is https.
fn session_cookie(ctx: &Ctx, value: String, max_age: Duration) -> Cookie<'static> {
    Cookie::build(session_cookie_name(&ctx.config), value)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(ctx.config.public_url.starts_with("https://"))
        .max_age(max_age)
        .finish()
}

/// Sign in
///
/// Signs in with username and password. A wrong password, an unknown user, a disabled or a locked
/// account all answer 401; only after the right password does `code` say `account_locked` or
/// `account_disabled`. The token is returned for API clients and set as an HttpOnly,
/// SameSite=Strict cookie for the web app.
#[utoipa::path(
    operation_id = "sign_in",
    tag = "auth",
    request_body = SignInRequest,
    responses(
        (status = 200, description = "Signed in", body = SignInResponse, headers(("Set-Cookie" = String, description = "The session cookie"))),
        (status = 400, response = p::BadRequest),
        (status = 401, description = "Invalid credentials, or a locked or disabled account", body = p::Problem, content_type = "application/problem+json"),
        (status = 413, response = p::PayloadTooLarge),
        (status = 415, response = p::UnsupportedMediaType),
        (status = 422, response = p::Unprocessable),
        (status = 429, response = p::TooManyRequests),
        (status = 502, response = p::DirectoryUnavailable),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[post("/auth/sign-in")]
pub async fn sign_in(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    body: ApiJson<SignInRequest>,
) -> Result<HttpResponse, Error> {
    let SignInRequest { username, password } = body.into_inner()?;
    let signed_in = session::sign_in(&ctx, &meta, &username, &password).await?;
    let cookie = session_cookie(
        &ctx,
        signed_in.token.clone(),
        Duration::seconds(signed_in.expires_in),
    );
    Ok(HttpResponse::Ok()
        .cookie(cookie)
        .json(SignInResponse::from(signed_in)))
}

/// Sign out
///
/// Ends the current session: its token (bearer or cookie) stops working at once.
#[utoipa::path(
    operation_id = "sign_out",
    tag = "auth",
    security(("bearer" = []), ("session_cookie" = [])),
    responses(
        (status = 204, description = "Signed out; the cookie is cleared"),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[post("/auth/sign-out")]
pub async fn sign_out(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    AuthenticatedPendingChange(principal): AuthenticatedPendingChange,
) -> Result<HttpResponse, Error> {
    session::sign_out(&ctx, &meta, &principal).await?;
    Ok(HttpResponse::NoContent()
        .cookie(session_cookie(&ctx, String::new(), Duration::ZERO))
        .finish())
}
