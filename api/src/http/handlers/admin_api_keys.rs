//! API keys: listed, created and revoked by an administrator in their own session (a key never
//! manages keys).

use actix_web::{HttpResponse, delete, get, post, web};
use uuid::Uuid;

use crate::api_keys;
use crate::context::Ctx;
use crate::error::Error;
use crate::http::extract::{AdminPerson, ApiJson, Meta};
use crate::http::problem as p;
use crate::http::wire::api_keys::{ApiKeyList, CreateApiKey, CreatedApiKey};

/// List API keys
///
/// Every key with its scopes, expiry, address list and last use, the newest first; revoked keys
/// too. Never a secret.
#[utoipa::path(
    operation_id = "list_api_keys",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    responses(
        (status = 200, description = "Every key", body = ApiKeyList),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[get("/admin/api-keys")]
pub async fn list(
    ctx: web::Data<Ctx>,
    _admin: AdminPerson,
) -> Result<web::Json<ApiKeyList>, Error> {
    let items = api_keys::list(&ctx)
        .await?
        .into_iter()
        .map(Into::into)
        .collect();
    Ok(web::Json(ApiKeyList { items }))
}

/// Create an API key
///
/// A named key with scopes, an optional expiry and an optional list of client addresses. Its
/// secret is in this answer only: store it now. Audited.
#[utoipa::path(
    operation_id = "create_api_key",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    request_body = CreateApiKey,
    responses(
        (status = 201, description = "The key, and its secret (shown this once)", body = CreatedApiKey),
        (status = 400, response = p::BadRequest),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 413, response = p::PayloadTooLarge),
        (status = 415, response = p::UnsupportedMediaType),
        (status = 422, response = p::Unprocessable),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[post("/admin/api-keys")]
pub async fn create(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    AdminPerson(admin): AdminPerson,
    body: ApiJson<CreateApiKey>,
) -> Result<HttpResponse, Error> {
    let created = api_keys::create(&ctx, &admin.actor(), &meta, body.into_inner()?.into()).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Cache-Control", "no-store"))
        .json(CreatedApiKey::from(created)))
}

/// Revoke an API key
///
/// The key stops working at once. Audited.
#[utoipa::path(
    operation_id = "revoke_api_key",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    params(("key_id" = Uuid, Path, description = "The key")),
    responses(
        (status = 204, description = "Revoked"),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 404, response = p::NotFound),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[delete("/admin/api-keys/{key_id}")]
pub async fn revoke(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    AdminPerson(admin): AdminPerson,
    key_id: web::Path<Uuid>,
) -> Result<HttpResponse, Error> {
    api_keys::revoke(&ctx, &admin.actor(), &meta, key_id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
