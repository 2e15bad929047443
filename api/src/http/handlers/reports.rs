use actix_web::{get, web};

use crate::context::Ctx;
use crate::error::Error;
use crate::http::extract::Admin;
use crate::http::problem as p;
use crate::http::wire::admin::{RegistrationReport, ReportQuery, ResetReport};
use crate::reports;

/// Reset report
///
/// Resets, unlocks and verifications per day and per method over the last `days` days, counted from
/// the audit log (decoy flows excluded).
#[utoipa::path(
    operation_id = "resets_report",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    params(ReportQuery),
    responses(
        (status = 200, description = "Reset and unlock counts for the period", body = ResetReport),
        (status = 400, response = p::BadRequest),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 422, response = p::Unprocessable),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[get("/admin/reports/resets")]
pub async fn resets(
    ctx: web::Data<Ctx>,
    _admin: Admin,
    query: web::Query<ReportQuery>,
) -> Result<web::Json<ResetReport>, Error> {
    let period = query.into_inner().try_into()?;
    Ok(web::Json(reports::resets(&ctx, period).await?.into()))
}

/// Registration report
///
/// Registration coverage by method, and registrations per day over the last `days` days.
#[utoipa::path(
    operation_id = "registration_report",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    params(ReportQuery),
    responses(
        (status = 200, description = "Registration coverage by group", body = RegistrationReport),
        (status = 400, response = p::BadRequest),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 422, response = p::Unprocessable),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[get("/admin/reports/registration")]
pub async fn registration(
    ctx: web::Data<Ctx>,
    _admin: Admin,
    query: web::Query<ReportQuery>,
) -> Result<web::Json<RegistrationReport>, Error> {
    let period = query.into_inner().try_into()?;
    Ok(web::Json(reports::registration(&ctx, period).await?.into()))
}
