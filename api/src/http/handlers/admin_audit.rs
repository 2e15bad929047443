use actix_web::{get, web};

use crate::audit;
use crate::context::Ctx;
use crate::error::Error;
use crate::http::extract::Admin;
use crate::http::problem as p;
use crate::http::wire::admin::{AuditPage, AuditQuery};

/// List audit events
///
/// Audit rows, newest first, filtered by `type`, `user` and time. Pages are cursors: pass the
/// `next_cursor` of one page as `cursor` to get the next.
#[utoipa::path(
    operation_id = "list_audit_events",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    params(AuditQuery),
    responses(
        (status = 200, description = "One page of audit rows, newest first", body = AuditPage),
        (status = 400, response = p::BadRequest),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 422, response = p::Unprocessable),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[get("/admin/audit")]
pub async fn list(
    ctx: web::Data<Ctx>,
    _admin: Admin,
    query: web::Query<AuditQuery>,
) -> Result<web::Json<AuditPage>, Error> {
    let search = query.into_inner().try_into()?;
    Ok(web::Json(audit::list(&ctx, search).await?.into()))
}
