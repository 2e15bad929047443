use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, post, put, web};

use crate::context::Ctx;
use crate::error::{Error, ErrorCode};
use crate::http::extract::{Admin, ApiJson, Meta};
use crate::http::problem as p;
use crate::policy::Policy;
use crate::policy::service::{self, CurrentPolicy};

fn respond(current: CurrentPolicy) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header((header::ETAG, format!("\"{}\"", current.version)))
        .insert_header(("X-Policy-Version", current.version.to_string()))
        .json(current.policy)
}

/// Get the policy
///
/// The reset policy in force. Its version is in the `ETag` header; send it back in `If-Match` when
/// saving, so that a save never overwrites someone else's.
#[utoipa::path(
    operation_id = "get_policy",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    responses(
        (status = 200, description = "The policy in force", body = Policy, headers(("ETag" = String, description = "The policy version, quoted"))),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[get("/admin/policy")]
pub async fn get_policy(ctx: web::Data<Ctx>, _admin: Admin) -> Result<HttpResponse, Error> {
    Ok(respond(service::current(&ctx).await?))
}

/// Replace the policy
///
/// Every field is validated (422 lists each bad one); a valid policy is saved as a new version and
/// audited. With `If-Match`, an older version than the one in force answers 409
/// `version_conflict`.
#[utoipa::path(
    operation_id = "put_policy",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    request_body = Policy,
    params(("If-Match" = Option<String>, Header, nullable = false, pattern = r#"^(W/)?"?[0-9]{1,18}"?$"#, description = "The version this change is based on, as in ETag")),
    responses(
        (status = 200, description = "The policy as saved", body = Policy, headers(("ETag" = String, description = "The new version, quoted"))),
        (status = 400, response = p::BadRequest),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 409, response = p::Conflict),
        (status = 413, response = p::PayloadTooLarge),
        (status = 415, response = p::UnsupportedMediaType),
        (status = 422, response = p::Unprocessable),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[put("/admin/policy")]
pub async fn put_policy(
    ctx: web::Data<Ctx>,
    req: HttpRequest,
    Meta(meta): Meta,
    Admin(admin): Admin,
    policy: ApiJson<Policy>,
) -> Result<HttpResponse, Error> {
    let expected = match req.headers().get(header::IF_MATCH) {
        None => None,
        Some(v) => Some(
            v.to_str()
                .ok()
                .map(|s| s.trim().trim_start_matches("W/").trim_matches('"'))
                .and_then(|s| s.parse::<i64>().ok())
                .ok_or_else(|| {
                    Error::bad_request(
                        ErrorCode::InvalidIfMatch,
                        "If-Match must be the quoted version from ETag",
                    )
                })?,
        ),
    };
    Ok(respond(
        service::update(&ctx, &admin.actor(), &meta, policy.into_inner()?, expected).await?,
    ))
}

/// Preview a policy's impact
///
/// What a proposed policy would mean today: how many people it covers, how many are already
/// registered enough, and how many could not reset. Nothing is saved.
#[utoipa::path(
    operation_id = "policy_impact",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    request_body = Policy,
    responses(
        (status = 200, description = "Who the proposed policy would leave short of methods", body = crate::http::wire::admin::PolicyImpact),
        (status = 400, response = p::BadRequest),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 413, response = p::PayloadTooLarge),
        (status = 415, response = p::UnsupportedMediaType),
        (status = 422, response = p::Unprocessable),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[post("/admin/policy/impact")]
pub async fn impact(
    ctx: web::Data<Ctx>,
    _admin: Admin,
    body: ApiJson<Policy>,
) -> Result<web::Json<crate::http::wire::admin::PolicyImpact>, Error> {
    Ok(web::Json(
        crate::registration::admin::impact(&ctx, body.into_inner()?)
            .await?
            .into(),
    ))
}

/// Preview a message's wording
///
/// A message (`notice`) in a `language` as it would be sent, filled with sample values: with
/// `subject` and `body`, the wording an administrator is writing (checked as a save would check
/// it: an unknown variable or a syntax error is a 422 naming the line); without them, the
/// wording in force. Nothing is sent or saved.
#[utoipa::path(
    operation_id = "preview_message",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    request_body = crate::delivery::notices::MessageWording,
    responses(
        (status = 200, description = "The message as it would be sent", body = crate::http::wire::messages::MessagePreview),
        (status = 400, response = p::BadRequest),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 413, response = p::PayloadTooLarge),
        (status = 415, response = p::UnsupportedMediaType),
        (status = 422, response = p::Unprocessable),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[post("/admin/messages/preview")]
pub async fn preview_message(
    ctx: web::Data<Ctx>,
    _admin: Admin,
    body: ApiJson<crate::delivery::notices::MessageWording>,
) -> Result<web::Json<crate::http::wire::messages::MessagePreview>, Error> {
    let wording = body.into_inner()?;
    let notice = wording.notice;
    let policy = service::current(&ctx).await?.policy;
    let preview = crate::delivery::templates::preview(
        wording,
        &ctx.config.organization_name,
        &ctx.config.public_url,
        &policy.customization,
        ctx.now(),
    )?;
    Ok(web::Json(crate::http::wire::messages::MessagePreview::of(
        notice, preview,
    )))
}
