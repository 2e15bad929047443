//! Administration of users: list, read, create, change, delete, unlock.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::names::{DisplayName, EmailAddress, PhoneNumber, Username};
use crate::audit::{self, Event, EventKind, Party};
use crate::context::{Actor, Ctx, RequestMeta};
use crate::error::{Error, ErrorCode, FieldCode, FieldError};
use crate::store::{self, DbConn, flag, ts, users::UserRow, utc};

/// A user as administrators see it. Never holds the password hash.
#[derive(Clone, Debug)]
pub struct User {
    pub user_id: Uuid,
    pub username: String,
    pub display_name: String,
    pub email: String,
    /// E.164.
    pub mobile_phone: Option<String>,
    pub is_admin: bool,
    pub disabled: bool,
    /// Locked after repeated sign-in failures, until `locked_until`.
    pub locked: bool,
    pub locked_until: Option<DateTime<Utc>>,
    /// Whether the account has a password at all.
    pub password_set: bool,
    /// The password was set by an administrator and must be changed at the next sign-in.
    pub must_change_password: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl User {
    pub fn from_row(row: &UserRow, must_change_password: bool, now: DateTime<Utc>) -> Self {
        let locked_until = row.locked_until.map(utc).filter(|t| *t > now);
        Self {
            user_id: Uuid::parse_str(&row.id).unwrap_or_default(),
            username: row.username.clone(),
            display_name: row.display_name.clone(),
            email: row.email.clone(),
            mobile_phone: row.mobile_phone.clone(),
            is_admin: row.is_admin != 0,
            disabled: row.disabled != 0,
            locked: locked_until.is_some(),
            locked_until,
            password_set: row.password_hash.is_some(),
            must_change_password,
            created_at: utc(row.created_at),
            updated_at: utc(row.updated_at),
        }
    }
}

/// A user to create, parsed: the API's body becomes this at the edge ([`NewUser::parse`]).
pub struct NewUser {
    pub username: Username,
    pub display_name: DisplayName,
    pub email: EmailAddress,
    pub mobile_phone: Option<PhoneNumber>,
    /// An initial password, checked against the policy when the user is created.
    pub password: Option<String>,
    pub is_admin: bool,
    pub disabled: bool,
}

/// A user's fields as typed (what `POST /api/v1/admin/users` carries).
pub struct UserFields<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub email: &'a str,
    pub mobile_phone: Option<&'a str>,
}

impl NewUser {
    /// Parses every field, answering every field that is wrong at once.
    pub fn parse(
        fields: UserFields<'_>,
        password: Option<String>,
        is_admin: bool,
        disabled: bool,
    ) -> Result<Self, Error> {
        let mut errors = Vec::new();
        let username = collect(&mut errors, Username::parse(fields.username, "username"));
        let display_name = collect(
            &mut errors,
            DisplayName::parse(fields.display_name, "display_name"),
        );
        let email = collect(&mut errors, EmailAddress::parse(fields.email, "email"));
        let phone = match fields.mobile_phone {
            Some(p) => collect(&mut errors, PhoneNumber::parse(p, "mobile_phone").map(Some)),
            None => Some(None),
        };
        let (Some(username), Some(display_name), Some(email), Some(mobile_phone)) =
            (username, display_name, email, phone)
        else {
            return Err(Error::Validation(errors));
        };
        Ok(Self {
            username,
            display_name,
            email,
            mobile_phone,
            password,
            is_admin,
            disabled,
        })
    }
}

/// Changes to a user, parsed: only the fields present change (`mobile_phone: Some(None)`
/// removes the number).
#[derive(Default)]
pub struct UserChanges {
    pub username: Option<Username>,
    pub display_name: Option<DisplayName>,
    pub email: Option<EmailAddress>,
    pub mobile_phone: Option<Option<PhoneNumber>>,
    /// A new password, which the person must change at their next sign-in.
    pub password: Option<String>,
    pub is_admin: Option<bool>,
    pub disabled: Option<bool>,
}

impl UserChanges {
    /// Parses the fields present, answering every field that is wrong at once.
    pub fn parse(
        username: Option<&str>,
        display_name: Option<&str>,
        email: Option<&str>,
        mobile_phone: Option<Option<&str>>,
    ) -> Result<Self, Error> {
        let mut errors = Vec::new();
        let username = username.and_then(|u| collect(&mut errors, Username::parse(u, "username")));
        let display_name =
            display_name.and_then(|d| collect(&mut errors, DisplayName::parse(d, "display_name")));
        let email = email.and_then(|e| collect(&mut errors, EmailAddress::parse(e, "email")));
        let mobile_phone = match mobile_phone {
            Some(Some(p)) => collect(&mut errors, PhoneNumber::parse(p, "mobile_phone")).map(Some),
            Some(None) => Some(None),
            None => None,
        };
        if !errors.is_empty() {
            return Err(Error::Validation(errors));
        }
        Ok(Self {
            username,
            display_name,
            email,
            mobile_phone,
            ..Self::default()
        })
    }
}

/// Which users to list: matching `search` (login, name or address, any case), one page.
pub struct UserSearch {
    pub search: Option<String>,
    pub page: u32,
    pub per_page: u32,
}

impl UserSearch {
    /// Checks the page (1 or more), its size (1–200) and the text (at most 128 characters).
    pub fn parse(
        search: Option<String>,
        page: Option<u32>,
        per_page: Option<u32>,
    ) -> Result<Self, Error> {
        let page = page.unwrap_or(1);
        let per_page = per_page.unwrap_or(50);
        if page == 0 || page > 1_000_000 {
            return Err(Error::validation(
                "page",
                FieldCode::OutOfRange,
                "must be 1 or more",
            ));
        }
        if !(1..=200).contains(&per_page) {
            return Err(Error::validation(
                "per_page",
                FieldCode::OutOfRange,
                "must be between 1 and 200",
            ));
        }
        let search = search
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty());
        if search.as_ref().is_some_and(|s| s.chars().count() > 128) {
            return Err(Error::validation(
                "search",
                FieldCode::TooLong,
                "at most 128 characters",
            ));
        }
        // PostgreSQL cannot hold U+0000 in text, not even in a query parameter.
        if search.as_ref().is_some_and(|s| s.contains('\0')) {
            return Err(Error::validation(
                "search",
                FieldCode::InvalidCharacter,
                "text must not contain the NUL character (U+0000)",
            ));
        }
        Ok(Self {
            search,
            page,
            per_page,
        })
    }
}

/// One page of users, and how many match in all.
pub struct UserPage {
    pub items: Vec<User>,
    pub total: i64,
    pub page: u32,
    pub per_page: u32,
}

fn collect<T>(errors: &mut Vec<FieldError>, r: Result<T, FieldError>) -> Option<T> {
    r.map_err(|e| errors.push(e)).ok()
}

/// A password typed by an administrator, checked against the policy's length rules.
/// A password typed by an administrator for `user`, checked against the whole password policy.
async fn admin_password(ctx: &Ctx, user: &UserRow, raw: &str) -> Result<String, Error> {
    let rules = crate::policy::service::current(ctx).await?.policy.password;
    let person = super::builtin::person_of(user, ctx.now());
    let password = super::passwords::vet(ctx, &rules, &person, raw, "password").await?;
    ctx.hasher.hash(&password).await
}

pub async fn list(ctx: &Ctx, query: UserSearch) -> Result<UserPage, Error> {
    if super::view::applies(ctx) {
        return super::view::users(ctx, query).await;
    }
    let UserSearch {
        search,
        page,
        per_page,
    } = query;
    let offset = i64::from(page - 1) * i64::from(per_page);
    let (rows, total, must_change) = ctx
        .store
        .read(move |conn| {
            let (rows, total) =
                store::users::list(conn, search.as_deref(), offset, i64::from(per_page))?;
            let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
            let must_change: HashSet<String> = store::accounts::by_ids(conn, &ids)?
                .into_iter()
                .filter(|a| a.must_change_password != 0)
                .map(|a| a.id)
                .collect();
            Ok((rows, total, must_change))
        })
        .await?;
    let now = ctx.now();
    Ok(UserPage {
        items: rows
            .iter()
            .map(|r| User::from_row(r, must_change.contains(&r.id), now))
            .collect(),
        total,
        page,
        per_page,
    })
}

pub async fn get(ctx: &Ctx, id: Uuid) -> Result<User, Error> {
    if super::view::applies(ctx) {
        return super::view::user(ctx, id).await;
    }
    let now = ctx.now();
    ctx.store
        .read(move |conn| {
            let row = store::users::find(conn, &id.to_string())?.ok_or(Error::NotFound("user"))?;
            Ok(User::from_row(&row, must_change(conn, &row.id)?, now))
        })
        .await
}

pub async fn create(
    ctx: &Ctx,
    actor: &Actor,
    meta: &RequestMeta,
    req: NewUser,
) -> Result<User, Error> {
    let NewUser {
        username,
        display_name,
        email,
        mobile_phone: phone,
        ..
    } = &req;
    let now = ctx.now();
    let mut row = UserRow {
        id: Uuid::new_v4().to_string(),
        username: username.as_str().to_owned(),
        username_key: username.key().to_owned(),
        display_name: display_name.as_str().to_owned(),
        email: email.as_str().to_owned(),
        mobile_phone: phone.as_ref().map(|p| p.as_str().to_owned()),
        is_admin: flag(req.is_admin),
        disabled: flag(req.disabled),
        password_changed_at: None,
        password_hash: None,
        failed_sign_ins: 0,
        lockouts: 0,
        locked_until: None,
        created_at: ts(now),
        updated_at: ts(now),
    };
    if let Some(raw) = &req.password {
        row.password_hash = Some(admin_password(ctx, &row, raw).await?);
        row.password_changed_at = Some(ts(now));
    }
    // A password set by an administrator must be changed by its owner.
    let must_change = row.password_hash.is_some();
    let (actor_party, meta) = (actor.party(), meta.clone());
    ctx.store
        .write(move |conn| {
            if store::users::find_by_key(conn, &row.username_key)?.is_some() {
                return Err(username_taken());
            }
            super::builtin::insert_person(conn, &row, must_change)?;
            let event = Event::new(EventKind::UserCreated, actor_party)
                .target(Party::named(&row.id, &row.username))
                .details(serde_json::json!({
                    "is_admin": row.is_admin != 0,
                    "disabled": row.disabled != 0,
                    "password_set": row.password_hash.is_some(),
                }));
            audit::record(conn, now, &meta, event)?;
            Ok(User::from_row(&row, must_change, now))
        })
        .await
}

/// Whether the person's password must be changed at the next sign-in.
fn must_change(conn: &mut DbConn, id: &str) -> Result<bool, Error> {
    Ok(store::accounts::find(conn, id)?.is_some_and(|a| a.must_change_password != 0))
}

fn username_taken() -> Error {
    Error::conflict(
        ErrorCode::UsernameTaken,
        "another user already has this username",
    )
}

fn last_admin() -> Error {
    Error::conflict(
        ErrorCode::LastAdmin,
        "this would leave no active administrator",
    )
}

/// Refuses a change that would leave no administrator able to sign in.
fn keep_an_admin(
    conn: &mut DbConn,
    before: &UserRow,
    after_admin: bool,
    after_disabled: bool,
) -> Result<(), Error> {
    let was_active_admin = before.is_admin != 0 && before.disabled == 0;
    let stays_active_admin = after_admin && !after_disabled;
    if was_active_admin && !stays_active_admin {
        // Two administrators demoting each other at once: the second count sees the first.
        store::rate::serialise(conn, "administrators")?;
    }
    if was_active_admin && !stays_active_admin && store::users::count_active_admins(conn)? <= 1 {
        return Err(last_admin());
    }
    Ok(())
}

pub async fn update(
    ctx: &Ctx,
    actor: &Actor,
    meta: &RequestMeta,
    id: Uuid,
    req: UserChanges,
) -> Result<User, Error> {
    let UserChanges {
        username,
        display_name,
        email,
        mobile_phone: phone,
        ..
    } = req;
    if actor.user_id == id && (req.disabled == Some(true) || req.is_admin == Some(false)) {
        return Err(Error::conflict(
            ErrorCode::CannotModifySelf,
            "administrators cannot disable or demote themselves",
        ));
    }
    let hash = match &req.password {
        Some(raw) => {
            let id_s = id.to_string();
            let user = ctx
                .store
                .read(move |conn| store::users::find(conn, &id_s))
                .await?
                .ok_or(Error::NotFound("user"))?;
            Some(admin_password(ctx, &user, raw).await?)
        }
        None => None,
    };
    let now = ctx.now();
    let (actor_party, meta) = (actor.party(), meta.clone());
    ctx.store
        .write(move |conn| {
            let mut row =
                store::users::find(conn, &id.to_string())?.ok_or(Error::NotFound("user"))?;
            let mut changed: Vec<&str> = Vec::new();
            let mut revoke = false;
            if let Some(u) = username
                && u.as_str() != row.username
            {
                if u.key() != row.username_key
                    && store::users::find_by_key(conn, u.key())?.is_some()
                {
                    return Err(username_taken());
                }
                row.username = u.as_str().to_owned();
                row.username_key = u.key().to_owned();
                changed.push("username");
            }
            if let Some(d) = display_name
                && d.as_str() != row.display_name
            {
                row.display_name = d.as_str().to_owned();
                changed.push("display_name");
            }
            if let Some(e) = email
                && e.as_str() != row.email
            {
                row.email = e.as_str().to_owned();
                changed.push("email");
            }
            if let Some(p) = phone {
                let p = p.map(|p| p.as_str().to_owned());
                if p != row.mobile_phone {
                    row.mobile_phone = p;
                    changed.push("mobile_phone");
                }
            }
            let is_admin = req.is_admin.unwrap_or(row.is_admin != 0);
            let disabled = req.disabled.unwrap_or(row.disabled != 0);
            keep_an_admin(conn, &row, is_admin, disabled)?;
            if flag(is_admin) != row.is_admin {
                row.is_admin = flag(is_admin);
                changed.push("is_admin");
                revoke = true;
            }
            if flag(disabled) != row.disabled {
                row.disabled = flag(disabled);
                changed.push("disabled");
                revoke = true;
            }
            if let Some(hash) = hash {
                super::builtin::install_hash(conn, &mut row, hash, now)?;
                store::flows::supersede_for_user(conn, &row.id, None)?;
                store::accounts::set_must_change(conn, &row.id, true, ts(now))?;
                changed.push("password");
                revoke = true;
            }
            if changed.is_empty() {
                return Ok(User::from_row(&row, must_change(conn, &row.id)?, now));
            }
            if revoke {
                // A change of role, status or password ends every session issued before it.
                store::accounts::end_sessions(conn, &row.id, ts(now))?;
            }
            row.updated_at = ts(now);
            store::users::save(conn, &row)?;
            let event = Event::new(EventKind::UserUpdated, actor_party)
                .target(Party::named(&row.id, &row.username))
                .details(serde_json::json!({ "changed": changed, "sessions_revoked": revoke }));
            audit::record(conn, now, &meta, event)?;
            Ok(User::from_row(&row, must_change(conn, &row.id)?, now))
        })
        .await
}

pub async fn delete(ctx: &Ctx, actor: &Actor, meta: &RequestMeta, id: Uuid) -> Result<(), Error> {
    if actor.user_id == id {
        return Err(Error::conflict(
            ErrorCode::CannotModifySelf,
            "administrators cannot delete themselves",
        ));
    }
    let now = ctx.now();
    let (actor_party, meta) = (actor.party(), meta.clone());
    ctx.store
        .write(move |conn| {
            let row = store::users::find(conn, &id.to_string())?.ok_or(Error::NotFound("user"))?;
            keep_an_admin(conn, &row, false, true)?;
            super::builtin::delete_person(conn, &row.id)?;
            let event = Event::new(EventKind::UserDeleted, actor_party)
                .target(Party::named(&row.id, &row.username));
            audit::record(conn, now, &meta, event)
        })
        .await
}

/// Clears a sign-in lockout and the failure counters.
pub async fn unlock(ctx: &Ctx, actor: &Actor, meta: &RequestMeta, id: Uuid) -> Result<User, Error> {
    if super::view::applies(ctx) {
        return super::view::unlock(ctx, actor, meta, id).await;
    }
    let now = ctx.now();
    let (actor_party, meta) = (actor.party(), meta.clone());
    ctx.store
        .write(move |conn| {
            let mut row =
                store::users::find(conn, &id.to_string())?.ok_or(Error::NotFound("user"))?;
            let was_locked = row.locked_until.is_some_and(|t| utc(t) > now);
            super::builtin::clear_lockout(&mut row);
            row.updated_at = ts(now);
            store::users::save(conn, &row)?;
            let event = Event::new(EventKind::UserUnlocked, actor_party)
                .target(Party::named(&row.id, &row.username))
                .details(serde_json::json!({ "was_locked": was_locked }));
            audit::record(conn, now, &meta, event)?;
            Ok(User::from_row(&row, must_change(conn, &row.id)?, now))
        })
        .await
}
