//! The first administrator, created at start-up when there is none, and the console's way back
//! in (`sspr admin promote|reset-password`) when no administrator can sign in.

use uuid::Uuid;

use super::names::Username;
use crate::audit::{self, Event, EventKind, Party};
use crate::context::{Ctx, RequestMeta};
use crate::error::Error;
use crate::password::Password;
use crate::store::{self, ts, users::UserRow};

/// A new, enabled administrator of the built-in directory with the password `hash`.
fn admin_row(
    username: &Username,
    display_name: &str,
    email: &str,
    hash: String,
    now: chrono::DateTime<chrono::Utc>,
) -> UserRow {
    UserRow {
        id: Uuid::new_v4().to_string(),
        username: username.as_str().to_owned(),
        username_key: username.key().to_owned(),
        display_name: display_name.to_owned(),
        email: email.to_owned(),
        mobile_phone: None,
        is_admin: 1,
        disabled: 0,
        password_hash: Some(hash),
        failed_sign_ins: 0,
        lockouts: 0,
        locked_until: None,
        password_changed_at: Some(ts(now)),
        created_at: ts(now),
        updated_at: ts(now),
    }
}

/// What start-up did about the first administrator.
pub enum Bootstrap {
    /// Administrators exist already: nothing to do.
    NotNeeded,
    /// Created with the password from the configuration.
    Created { username: String },
    /// Created with a generated one-time password, to be shown once to the operator.
    CreatedWithGeneratedPassword { username: String, password: String },
}

/// Creates the first administrator when there is none. A generated password must be changed at
/// the first sign-in; a configured one is the operator's own choice and need not be.
pub async fn bootstrap_admin(ctx: &Ctx) -> Result<Bootstrap, Error> {
    // A directory with its own tools names its administrators (SSPR_LDAP_ADMIN_GROUP).
    if ctx.directory.admin().is_none() {
        return Ok(Bootstrap::NotNeeded);
    }
    if ctx.store.read(store::users::count_admins).await? > 0 {
        return Ok(Bootstrap::NotNeeded);
    }
    let username = Username::parse(
        &ctx.config.bootstrap_admin_username,
        "SSPR_BOOTSTRAP_ADMIN_USERNAME",
    )
    .map_err(|e| Error::internal(format!("SSPR_BOOTSTRAP_ADMIN_USERNAME: {}", e.message)))?;
    let (password, generated) = match &ctx.config.bootstrap_admin_password {
        Some(p) => (p.expose().to_owned(), false),
        None => (crate::password::generate(), true),
    };
    let hash = ctx
        .hasher
        .hash(&Password::parse(&password, "password")?)
        .await?;
    let now = ctx.now();
    let row = admin_row(
        &username,
        "Administrator",
        "admin@localhost.localdomain",
        hash,
        now,
    );
    let created = ctx
        .store
        .write(move |conn| {
            // Another replica may have bootstrapped meanwhile.
            if store::users::count_admins(conn)? > 0 {
                return Ok(false);
            }
            if let Some(existing) = store::users::find_by_key(conn, &row.username_key)? {
                if existing.is_admin != 0 {
                    // Created by another replica since the count above.
                    return Ok(false);
                }
                // The name is taken by an ordinary user: make that account the administrator
                // would be a privilege escalation, so refuse loudly instead.
                return Err(Error::internal(format!(
                    "cannot create the bootstrap administrator: the username `{}` belongs to an existing user",
                    existing.username
                )));
            }
            super::builtin::insert_person(conn, &row, generated)?;
            let event = Event::new(EventKind::AdminBootstrapped, Party::system())
                .target(Party::named(&row.id, &row.username))
                .details(serde_json::json!({ "generated_password": generated }));
            audit::record(conn, now, &RequestMeta::default(), event)?;
            Ok(true)
        })
        .await;
    let created = match created {
        // Replicas starting together: both saw no administrator, the other one's insert won.
        Err(Error::Conflict { .. }) if ctx.store.read(store::users::count_admins).await? > 0 => {
            false
        }
        other => other?,
    };
    Ok(match (created, generated) {
        (false, _) => Bootstrap::NotNeeded,
        (true, false) => Bootstrap::Created {
            username: username.as_str().to_owned(),
        },
        (true, true) => Bootstrap::CreatedWithGeneratedPassword {
            username: username.as_str().to_owned(),
            password,
        },
    })
}

/// Who the console commands act as in the audit log: the operator at the server's console.
pub(crate) fn console() -> Party {
    Party {
        id: None,
        name: Some("console".to_owned()),
    }
}

async fn console_target(ctx: &Ctx, username: &str) -> Result<UserRow, Error> {
    let name = Username::parse(username, "username").map_err(|e| Error::Validation(vec![e]))?;
    let key = name.key().to_owned();
    ctx.store
        .read(move |conn| store::users::find_by_key(conn, &key))
        .await?
        .ok_or(Error::NotFound("user"))
}

/// `sspr admin promote USERNAME`: the way back in when every administrator is lost. Makes the
/// person an enabled administrator; audited as done from the console.
pub async fn console_promote(ctx: &Ctx, username: &str) -> Result<(), Error> {
    let row = console_target(ctx, username).await?;
    let now = ctx.now();
    ctx.store
        .write(move |conn| {
            let mut row = store::users::find(conn, &row.id)?.ok_or(Error::NotFound("user"))?;
            row.is_admin = 1;
            row.disabled = 0;
            // A change of role ends the person's sessions, as it does from the API.
            store::accounts::end_sessions(conn, &row.id, ts(now))?;
            row.updated_at = ts(now);
            store::users::save(conn, &row)?;
            let event = Event::new(EventKind::UserUpdated, console())
                .target(Party::named(&row.id, &row.username))
                .details(
                    serde_json::json!({ "changed": ["is_admin", "disabled"], "from": "console" }),
                );
            audit::record(conn, now, &RequestMeta::default(), event)
        })
        .await
}

/// `sspr admin reset-password USERNAME`: sets a generated one-time password (returned, to be
/// printed once), which must be changed at the next sign-in; unlocks the account and ends its
/// sessions. Audited as done from the console; the password is never stored in clear or logged.
pub async fn console_reset_password(ctx: &Ctx, username: &str) -> Result<String, Error> {
    let row = console_target(ctx, username).await?;
    let password = crate::password::generate();
    let hash = ctx
        .hasher
        .hash(&Password::parse(&password, "password")?)
        .await?;
    let now = ctx.now();
    ctx.store
        .write(move |conn| {
            let mut row = store::users::find(conn, &row.id)?.ok_or(Error::NotFound("user"))?;
            super::builtin::install_hash(conn, &mut row, hash, now)?;
            store::flows::supersede_for_user(conn, &row.id, None)?;
            store::accounts::set_must_change(conn, &row.id, true, ts(now))?;
            store::accounts::end_sessions(conn, &row.id, ts(now))?;
            store::users::save(conn, &row)?;
            let event = Event::new(EventKind::UserUpdated, console())
                .target(Party::named(&row.id, &row.username))
                .details(serde_json::json!({ "changed": ["password"], "from": "console" }));
            audit::record(conn, now, &RequestMeta::default(), event)
        })
        .await?;
    Ok(password)
}

/// `sspr admin create-admin USERNAME EMAIL [DISPLAY NAME]`: a new administrator in the built-in
/// directory with a generated one-time password (returned, to be printed once), to be changed at
/// the first sign-in. Refused when the directory names its administrators itself (LDAP, Active
/// Directory) and when the username is taken. Audited as done from the console.
pub async fn console_create_admin(
    ctx: &Ctx,
    username: &str,
    email: &str,
    display_name: &str,
) -> Result<String, Error> {
    if ctx.directory.admin().is_none() {
        return Err(Error::bad_request(
            crate::error::ErrorCode::DirectoryReadOnly,
            "the directory names its administrators (SSPR_LDAP_ADMIN_GROUP): add the person to that group",
        ));
    }
    let name = Username::parse(username, "username").map_err(|e| Error::Validation(vec![e]))?;
    if email.parse::<lettre::Address>().is_err() {
        return Err(Error::validation(
            "email",
            crate::error::FieldCode::InvalidEmail,
            "must be an email address",
        ));
    }
    let display_name = match display_name.trim() {
        "" => name.as_str().to_owned(),
        given => given.to_owned(),
    };
    let password = crate::password::generate();
    let hash = ctx
        .hasher
        .hash(&Password::parse(&password, "password")?)
        .await?;
    let now = ctx.now();
    let row = admin_row(&name, &display_name, email, hash, now);
    ctx.store
        .write(move |conn| {
            if store::users::find_by_key(conn, &row.username_key)?.is_some() {
                return Err(Error::bad_request(
                    crate::error::ErrorCode::UsernameTaken,
                    "another person has this username (to make them an administrator: sspr admin promote)",
                ));
            }
            super::builtin::insert_person(conn, &row, true)?;
            let event = Event::new(EventKind::UserCreated, console())
                .target(Party::named(&row.id, &row.username))
                .details(serde_json::json!({ "is_admin": true, "from": "console" }));
            audit::record(conn, now, &RequestMeta::default(), event)
        })
        .await?;
    Ok(password)
}
