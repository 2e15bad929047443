use actix_web::{HttpResponse, delete, get, patch, post, web};
use uuid::Uuid;

use crate::context::Ctx;
use crate::directory;
use crate::directory::users;
use crate::error::Error;
use crate::http::extract::{Admin, ApiJson, Meta};
use crate::http::problem as p;
use crate::http::wire::admin::{CreateUser, DirectoryInfo, UpdateUser, User, UserList, UserQuery};

/// Describe the directory
///
/// Which directory the service reads people from, and what it does itself: when it does not
/// manage users here (`capabilities.manages_users` false), creating, changing and deleting
/// people and groups answer 409 `directory_read_only`, and the administration shows them
/// read-only.
#[utoipa::path(
    operation_id = "get_directory",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    responses(
        (status = 200, description = "The directory and its capabilities", body = DirectoryInfo),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
    )
)]
#[get("/admin/directory")]
pub async fn directory_info(ctx: web::Data<Ctx>, _admin: Admin) -> web::Json<DirectoryInfo> {
    let (kind, capabilities) = directory::info(&ctx);
    web::Json(DirectoryInfo {
        kind: kind.to_owned(),
        capabilities,
    })
}

/// List users
///
/// Users ordered by username, with a search over usernames, names and addresses, in pages.
#[utoipa::path(
    operation_id = "list_users",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    params(UserQuery),
    responses(
        (status = 200, description = "One page of people", body = UserList),
        (status = 400, response = p::BadRequest),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 422, response = p::Unprocessable),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[get("/admin/users")]
pub async fn list(
    ctx: web::Data<Ctx>,
    _admin: Admin,
    query: web::Query<UserQuery>,
) -> Result<web::Json<UserList>, Error> {
    let search = query.into_inner().try_into()?;
    Ok(web::Json(users::list(&ctx, search).await?.into()))
}

/// Create a user
///
/// A password given here was chosen by an administrator: the person must change it at their first
/// sign-in, and until then the session can do nothing else.
#[utoipa::path(
    operation_id = "create_user",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    request_body = CreateUser,
    responses(
        (status = 201, description = "The person created", body = User),
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
#[post("/admin/users")]
pub async fn create(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    Admin(admin): Admin,
    body: ApiJson<CreateUser>,
) -> Result<HttpResponse, Error> {
    let directory = directory::admin(&ctx)?;
    let new = body.into_inner()?.try_into()?;
    let created = directory
        .create_user(&ctx, &admin.actor(), &meta, new)
        .await?;
    Ok(HttpResponse::Created().json(User::from(created)))
}

/// Get a user
///
/// One user, with their role, state and registration status.
#[utoipa::path(
    operation_id = "get_user",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    params(("user_id" = Uuid, Path)),
    responses(
        (status = 200, description = "The person", body = User),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 404, response = p::NotFound),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[get("/admin/users/{user_id}")]
pub async fn get(
    ctx: web::Data<Ctx>,
    _admin: Admin,
    id: web::Path<Uuid>,
) -> Result<web::Json<User>, Error> {
    Ok(web::Json(users::get(&ctx, id.into_inner()).await?.into()))
}

/// Update a user
///
/// Changes the fields present. Changing the password, the administrator flag or the disabled flag
/// ends every session of the user.
#[utoipa::path(
    operation_id = "update_user",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    params(("user_id" = Uuid, Path)),
    request_body = UpdateUser,
    responses(
        (status = 200, description = "The person as changed", body = User),
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
#[patch("/admin/users/{user_id}")]
pub async fn update(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    Admin(admin): Admin,
    id: web::Path<Uuid>,
    body: ApiJson<UpdateUser>,
) -> Result<web::Json<User>, Error> {
    let directory = directory::admin(&ctx)?;
    let changes = body.into_inner()?.try_into()?;
    let updated = directory
        .update_user(&ctx, &admin.actor(), &meta, id.into_inner(), changes)
        .await?;
    Ok(web::Json(updated.into()))
}

/// Delete a user
///
/// Refused for oneself and for the last administrator. Their methods, answers and sessions go with
/// them.
#[utoipa::path(
    operation_id = "delete_user",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    params(("user_id" = Uuid, Path)),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 404, response = p::NotFound),
        (status = 409, response = p::Conflict),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[delete("/admin/users/{user_id}")]
pub async fn remove(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    Admin(admin): Admin,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, Error> {
    directory::admin(&ctx)?
        .delete_user(&ctx, &admin.actor(), &meta, id.into_inner())
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Unlock a user
///
/// Ends a sign-in lockout now and clears the failure count.
#[utoipa::path(
    operation_id = "unlock_user",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    params(("user_id" = Uuid, Path)),
    responses(
        (status = 200, description = "The person, unlocked", body = User),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 404, response = p::NotFound),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[post("/admin/users/{user_id}/unlock")]
pub async fn unlock(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    Admin(admin): Admin,
    id: web::Path<Uuid>,
) -> Result<web::Json<User>, Error> {
    Ok(web::Json(
        users::unlock(&ctx, &admin.actor(), &meta, id.into_inner())
            .await?
            .into(),
    ))
}

/// List a user's methods
///
/// A user's registered methods, masked: administrators never see codes, seeds or answers.
#[utoipa::path(
    operation_id = "list_user_methods",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    params(("user_id" = Uuid, Path)),
    responses(
        (status = 200, description = "The person's methods, masked", body = crate::http::wire::registration::MethodList),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 404, response = p::NotFound),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[get("/admin/users/{user_id}/methods")]
pub async fn methods(
    ctx: web::Data<Ctx>,
    _admin: Admin,
    id: web::Path<Uuid>,
) -> Result<web::Json<crate::http::wire::registration::MethodList>, Error> {
    Ok(web::Json(
        crate::registration::admin::methods_of(&ctx, id.into_inner())
            .await?
            .into(),
    ))
}

/// Require re-registration
///
/// Removes all of a user's methods and answers: they must register again at their next sign-in. A
/// reset they have under way can no longer finish.
#[utoipa::path(
    operation_id = "require_reregistration",
    tag = "admin",
    security(("bearer" = []), ("session_cookie" = [])),
    params(("user_id" = Uuid, Path)),
    responses(
        (status = 204, description = "Done"),
        (status = 401, response = p::Unauthorized),
        (status = 403, response = p::Forbidden),
        (status = 404, response = p::NotFound),
        (status = 503, response = p::ServiceUnavailable),
    )
)]
#[post("/admin/users/{user_id}/require-reregistration")]
pub async fn require_reregistration(
    ctx: web::Data<Ctx>,
    Meta(meta): Meta,
    Admin(admin): Admin,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, Error> {
    crate::registration::admin::require_reregistration(
        &ctx,
        &admin.actor(),
        &meta,
        id.into_inner(),
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
