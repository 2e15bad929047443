use actix_web::{HttpResponse, get, web};
use serde::Serialize;
use utoipa::ToSchema;

use crate::context::Ctx;

#[derive(Serialize, ToSchema)]
pub struct Health {
    /// `ok`, or `degraded` when the database does not answer.
    pub status: String,
    /// `ok` or `unavailable`.
    pub database: String,
    /// `sqlite` or `postgres`.
    pub backend: String,
}

/// Liveness
///
/// For orchestrators: the process answers. No dependency is checked, so a database outage does not
/// restart the service.
#[utoipa::path(
    tag = "health",
    operation_id = "live",
    responses((status = 200, description = "The process is up"))
)]
#[get("/health/live")]
pub async fn live() -> HttpResponse {
    HttpResponse::Ok().json(serde_json::json!({ "status": "ok" }))
}

/// Readiness
///
/// For load balancers: 200 only while the database answers, so traffic goes elsewhere while it does
/// not.
#[utoipa::path(
    tag = "health",
    operation_id = "ready",
    responses(
        (status = 200, description = "Ready to serve", body = Health),
        (status = 503, description = "The database does not answer", body = Health),
    )
)]
#[get("/health/ready")]
pub async fn ready(ctx: web::Data<Ctx>) -> HttpResponse {
    health_answer(&ctx).await
}

/// Health
///
/// Liveness and whether the database answers.
#[utoipa::path(
    operation_id = "health",
    tag = "health",
    responses(
        (status = 200, description = "The service and its database answer", body = Health),
        (status = 503, description = "The database does not answer", body = Health),
    )
)]
#[get("/health")]
pub async fn health(ctx: web::Data<Ctx>) -> HttpResponse {
    health_answer(&ctx).await
}

async fn health_answer(ctx: &Ctx) -> HttpResponse {
    let up = ctx.store.ping().await;
    let body = Health {
        status: if up { "ok" } else { "degraded" }.to_owned(),
        database: if up { "ok" } else { "unavailable" }.to_owned(),
        backend: ctx.store.backend().to_owned(),
    };
    if up {
        HttpResponse::Ok().json(body)
    } else {
        HttpResponse::ServiceUnavailable().json(body)
    }
}
