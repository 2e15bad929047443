use actix_web::{HttpResponse, delete, get, patch, post, put, web};
use uuid::Uuid;

use crate::context::Ctx;
use crate::directory;
use crate::directory::groups;
use crate::error::Error;
use crate::http::extract::{Admin, ApiJson, Meta};
use crate::http::problem as p;
use crate::http::wire::admin::{CreateGroup, GroupDetail, GroupList, SetMembers, UpdateGroup};

/// List groups
///
/// All groups with their member counts, ordered by name.
#[utoipa::path(
    operation_id = "list_groups",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    responses(
        (status = 200, description = "All groups", body = GroupList),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[get("/admin/groups")]
pub async fn list(ctx: web::Data<Ctx>, _admin: Admin) -> Result<web::Json<GroupList>, Error> {
    Ok(web::Json(groups::list(&ctx).await?.into()))
}

/// Create a group
///
/// Group names are unique, compared case-insensitively. The change is audited.
#[utoipa::path(
    operation_id = "create_group",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    request_body = CreateGroup,
    responses(
        (status = 201, description = "The group created", body = GroupDetail),
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
#[post("/admin/groups")]
pub async fn create(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    Admin(admin): Admin,
    body: ApiJson<CreateGroup>,
) -> Result<HttpResponse, Error> {
    let directory = directory::admin(&ctx)?;
    let new = body.into_inner()?.try_into()?;
    let created = directory
        .create_group(&ctx, &admin.actor(), &meta, new)
        .await?;
    Ok(HttpResponse::Created().json(GroupDetail::from(created)))
}

/// Get a group
///
/// One group with its members.
#[utoipa::path(
    operation_id = "get_group",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    params(("group_id" = Uuid, Path)),
    responses(
        (status = 200, description = "The group and its members", body = GroupDetail),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 404, response = p::NotFound),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[get("/admin/groups/{group_id}")]
pub async fn get(
    ctx: web::Data<Ctx>,
    _admin: Admin,
    id: web::Path<Uuid>,
) -> Result<web::Json<GroupDetail>, Error> {
    Ok(web::Json(groups::get(&ctx, id.into_inner()).await?.into()))
}

/// Update a group
///
/// Renames a group or changes its description; fields left out stay as they are.
#[utoipa::path(
    operation_id = "update_group",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    params(("group_id" = Uuid, Path)),
    request_body = UpdateGroup,
    responses(
        (status = 200, description = "The group as changed", body = GroupDetail),
        (status = 400, response = p::BadRequest),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 404, response = p::NotFound),
        (status = 409, response = p::Conflict),
        (status = 413, response = p::PayloadTooLarge),
        (status = 415, response = p::UnsupportedMediaType),
        (status = 422, response = p::Unprocessable),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[patch("/admin/groups/{group_id}")]
pub async fn update(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    Admin(admin): Admin,
    id: web::Path<Uuid>,
    body: ApiJson<UpdateGroup>,
) -> Result<web::Json<GroupDetail>, Error> {
    let directory = directory::admin(&ctx)?;
    let changes = body.into_inner()?.try_into()?;
    let updated = directory
        .update_group(&ctx, &admin.actor(), &meta, id.into_inner(), changes)
        .await?;
    Ok(web::Json(updated.into()))
}

/// Delete a group
///
/// Refused while the policy's scope names the group: change the policy first.
#[utoipa::path(
    operation_id = "delete_group",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    params(("group_id" = Uuid, Path)),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 404, response = p::NotFound),
        (status = 409, response = p::Conflict),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[delete("/admin/groups/{group_id}")]
pub async fn remove(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    Admin(admin): Admin,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, Error> {
    directory::admin(&ctx)?
        .delete_group(&ctx, &admin.actor(), &meta, id.into_inner())
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Set a group's members
///
/// Replaces the whole member list with the users given.
#[utoipa::path(
    operation_id = "set_group_members",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    params(("group_id" = Uuid, Path)),
    request_body = SetMembers,
    responses(
        (status = 200, description = "The group with its new members", body = GroupDetail),
        (status = 400, response = p::BadRequest),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 404, response = p::NotFound),
        (status = 409, response = p::Conflict),
        (status = 413, response = p::PayloadTooLarge),
        (status = 415, response = p::UnsupportedMediaType),
        (status = 422, response = p::Unprocessable),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[put("/admin/groups/{group_id}/members")]
pub async fn set_members(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    Admin(admin): Admin,
    id: web::Path<Uuid>,
    body: ApiJson<SetMembers>,
) -> Result<web::Json<GroupDetail>, Error> {
    let directory = directory::admin(&ctx)?;
    let SetMembers { user_ids } = body.into_inner()?;
    let updated = directory
        .set_members(&ctx, &admin.actor(), &meta, id.into_inner(), user_ids)
        .await?;
    Ok(web::Json(updated.into()))
}
