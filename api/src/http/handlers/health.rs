use actix_web::{HttpResponse, get, web};
use serde::Serialize;
use utoipa::ToSchema;

use crate::context::Ctx;

#[derive(Serialize, ToSchema)]
pub struct Health {
    pub status: ServiceStatus,
    pub database: DatabaseStatus,
    pub backend: Backend,
    /// Where people are kept: `builtin`, `ldap` or `active_directory`.
    pub directory: &'static str,
    /// Whether the directory answers (the built-in one is the database).
    pub directory_status: DatabaseStatus,
}

/// The service as a whole.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ServiceStatus {
    Ok,
    /// The database or the directory does not answer.
    Degraded,
}

/// The database, or the directory.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DatabaseStatus {
    Ok,
    Unavailable,
}

/// Which database the service runs on.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Backend {
    Sqlite,
    Postgres,
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
/// For load balancers: 200 only while the database and the directory answer, so traffic goes
/// elsewhere while one does not.
#[utoipa::path(
    tag = "health",
    operation_id = "ready",
    responses(
        (status = 200, description = "Ready to serve", body = Health),
        (status = 503, description = "The database or the directory does not answer", body = Health),
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
    let database = ctx.store.ping().await;
    let directory = match ctx.directory.ping().await {
        Ok(()) => true,
        Err(e) => {
            tracing::warn!(error = %e, "the directory does not answer");
            false
        }
    };
    let status = |up| {
        if up {
            DatabaseStatus::Ok
        } else {
            DatabaseStatus::Unavailable
        }
    };
    let up = database && directory;
    let body = Health {
        status: if up {
            ServiceStatus::Ok
        } else {
            ServiceStatus::Degraded
        },
        database: status(database),
        backend: match ctx.store.backend() {
            "postgres" => Backend::Postgres,
            _ => Backend::Sqlite,
        },
        directory: ctx.directory.kind(),
        directory_status: status(directory),
    };
    if up {
        HttpResponse::Ok().json(body)
    } else {
        HttpResponse::ServiceUnavailable().json(body)
    }
}
