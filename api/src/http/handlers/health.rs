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

/// Liveness and database reachability.
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
