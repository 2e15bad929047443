//! Webhook endpoints: registered, listed, removed, and their deliveries read and sent again, by
//! an administrator in their own session (an API key cannot point events elsewhere).

use actix_web::{HttpResponse, delete, get, post, web};
use uuid::Uuid;

use crate::context::Ctx;
use crate::error::Error;
use crate::http::extract::{AdminPerson, ApiJson, Meta};
use crate::http::problem as p;
use crate::http::wire::webhooks::{
    CreateWebhook, CreatedWebhook, WebhookDeliveryList, WebhookList,
};
use crate::webhooks;

/// List webhook endpoints
///
/// Every registered endpoint with its events; never its signing secret.
#[utoipa::path(
    operation_id = "list_webhooks",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    responses(
        (status = 200, description = "Every endpoint", body = WebhookList),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[get("/admin/webhooks")]
pub async fn list(
    ctx: web::Data<Ctx>,
    _admin: AdminPerson,
) -> Result<web::Json<WebhookList>, Error> {
    let items = webhooks::list(&ctx)
        .await?
        .into_iter()
        .map(Into::into)
        .collect();
    Ok(web::Json(WebhookList { items }))
}

/// Register a webhook endpoint
///
/// The URL must be http(s) and resolve to public addresses only (loopback, private and
/// link-local ones are refused unless `SSPR_WEBHOOKS_ALLOW_PRIVATE`). Deliveries are signed as
/// Standard Webhooks says with the secret in this answer, shown only this once. Audited.
#[utoipa::path(
    operation_id = "create_webhook",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    request_body = CreateWebhook,
    responses(
        (status = 201, description = "The endpoint and its signing secret (shown this once)", body = CreatedWebhook),
        (status = 400, response = p::BadRequest),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 413, response = p::PayloadTooLarge),
        (status = 415, response = p::UnsupportedMediaType),
        (status = 422, response = p::Unprocessable),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[post("/admin/webhooks")]
pub async fn create(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    AdminPerson(admin): AdminPerson,
    body: ApiJson<CreateWebhook>,
) -> Result<HttpResponse, Error> {
    let (endpoint, secret) =
        webhooks::create(&ctx, &admin.actor(), &meta, body.into_inner()?.into()).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Cache-Control", "no-store"))
        .json(CreatedWebhook {
            endpoint: endpoint.into(),
            secret,
        }))
}

/// Remove a webhook endpoint
///
/// Its deliveries not made yet are dropped. Audited.
#[utoipa::path(
    operation_id = "delete_webhook",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    params(("endpoint_id" = Uuid, Path, description = "The endpoint")),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 404, response = p::NotFound),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[delete("/admin/webhooks/{endpoint_id}")]
pub async fn remove(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    AdminPerson(admin): AdminPerson,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, Error> {
    webhooks::delete(&ctx, &admin.actor(), &meta, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// A webhook endpoint's deliveries
///
/// The latest deliveries, the newest first, with the receiver's last answer.
#[utoipa::path(
    operation_id = "list_webhook_deliveries",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    params(("endpoint_id" = Uuid, Path, description = "The endpoint")),
    responses(
        (status = 200, description = "Its latest deliveries", body = WebhookDeliveryList),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 404, response = p::NotFound),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[get("/admin/webhooks/{endpoint_id}/deliveries")]
pub async fn deliveries(
    ctx: web::Data<Ctx>,
    _admin: AdminPerson,
    id: web::Path<Uuid>,
) -> Result<web::Json<WebhookDeliveryList>, Error> {
    let items = webhooks::deliveries(&ctx, id.into_inner())
        .await?
        .into_iter()
        .map(Into::into)
        .collect();
    Ok(web::Json(WebhookDeliveryList { items }))
}

/// Send a delivery again
///
/// The same message (the same `webhook-id`) is sent again at once, whether it was delivered or
/// not. Audited.
#[utoipa::path(
    operation_id = "redeliver_webhook",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    params(
        ("endpoint_id" = Uuid, Path, description = "The endpoint"),
        ("delivery_id" = String, Path, description = "The delivery (its webhook-id)"),
    ),
    responses(
        (status = 202, description = "It will be sent again in a moment"),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 404, response = p::NotFound),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[post("/admin/webhooks/{endpoint_id}/deliveries/{delivery_id}/redeliver")]
pub async fn redeliver(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    AdminPerson(admin): AdminPerson,
    path: web::Path<(Uuid, String)>,
) -> Result<HttpResponse, Error> {
    let (endpoint, delivery) = path.into_inner();
    webhooks::redeliver(&ctx, &admin.actor(), &meta, endpoint, delivery).await?;
    Ok(HttpResponse::Accepted().finish())
}
