//! Signing in and out, session tokens, and the signed-in person's own account.
//!
//! A session is a row (so that one can be revoked) plus a signed token that names it. A token is
//! accepted only while its row is live and the user's `session_epoch` still equals the one in the
//! token: raising the epoch (password set, role or status changed) ends every session at once.
//!
//! Sign-in never tells an unknown user from a wrong password: both cost one argon2 verification
//! and answer `invalid_credentials`. Only after the right password does the answer say that the
//! account is locked or disabled.

mod model;

pub use model::{Contacts, Profile, SignedIn};

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::audit::{self, Event, EventKind, Party};
use crate::context::{Actor, Ctx, RequestMeta};
use crate::directory::{Authentication, Lockout, PasswordChange, Person};
use crate::error::{Error, FieldCode};
use crate::flows::limits;
use crate::password::Password;
use crate::registration;
use crate::store::{self, accounts::AccountRow, sessions::SessionRow, ts, utc};
use crate::tokens::{Keyring, Lifetime};

/// Header `typ` of session tokens; flow tokens have their own, so neither passes for the other.
pub const TOKEN_TYPE: &str = "sspr-session+jwt";
/// Audience of session tokens.
pub const AUDIENCE: &str = "sspr-api";

/// What a session token says. Opaque outside this module: only [`decode`] makes one, and only
/// [`authenticate`] (with the session row) decides what it is worth.
#[derive(Serialize, Deserialize)]
pub struct Claims {
    iss: String,
    aud: String,
    sub: String,
    sid: String,
    /// The user's session epoch when the token was issued.
    sep: i64,
    iat: i64,
    exp: i64,
}

impl Lifetime for Claims {
    fn issued_at(&self) -> i64 {
        self.iat
    }
    fn expires_at(&self) -> i64 {
        self.exp
    }
}

/// The person behind a valid session token.
#[derive(Clone, Debug)]
pub struct Principal {
    pub user_id: Uuid,
    pub username: String,
    pub is_admin: bool,
    pub session_id: String,
    /// The password was set by an administrator (or generated for the bootstrap administrator)
    /// and has not been changed since. Such a session may only read who it is, change the
    /// password and sign out (SECURITY.md 37): whoever learnt the password on its way from the
    /// helpdesk must not be able to do anything with it but hand it back to its owner.
    pub password_change_required: bool,
    /// The person as the directory described them for this request.
    pub person: crate::directory::Person,
}

impl Principal {
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: self.user_id,
            username: self.username.clone(),
        }
    }
}

/// directory counted: audited and, when it locked the account, the person is told, with the way
/// out.
fn wrong_password(
    ctx: &Ctx,
    conn: &mut store::DbConn,
    person: &Person,
    failures: i32,
    locked: Option<Lockout>,
    meta: &RequestMeta,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let party = Party::named(&person.id, &person.username);
    let event = Event::new(EventKind::SignInFailed, party.clone())
        .target(party.clone())
        .failed()
        .details(
            serde_json::json!({ "reason": "wrong_password", "consecutive_failures": failures }),
        );
    audit::record(conn, now, meta, event)?;
    let Some(lockout) = locked else {
        return Ok(());
    };
    let event = Event::new(EventKind::SignInLockedOut, Party::system())
        .target(party)
        .details(serde_json::json!({ "seconds": lockout.seconds, "lockouts": lockout.lockouts }));
    audit::record(conn, now, meta, event)?;
    // One notice per lockout, with the way out. The link comes from configuration only, never
    // from request headers (which an attacker controls).
    let policy = crate::policy::service::current_on(conn)?.policy;
    // The person's language, never the one of whoever typed the wrong passwords.
    let lang = crate::delivery::notices::language_of(
        conn,
        &person.id,
        policy.customization.default_language,
    )?;
    let vars = crate::delivery::notices::Vars::new(&ctx.config.organization_name)
        .text("name", &person.display_name)
        .when(now)
        .number("failures", i64::from(ctx.config.lockout.threshold))
        .number("minutes", (lockout.seconds + 59) / 60)
        .text(
            "link",
            format!("{}/recover?purpose=unlock_account", ctx.config.public_url),
        );
    let message = crate::delivery::templates::email(
        lang,
        crate::delivery::notices::Notice::AccountLocked,
        &person.email,
        &vars,
        &policy.customization,
    );
    crate::delivery::outbox::enqueue(conn, now, &message)
}

const SPRAY_WINDOW_MINUTES: i64 = 15;
const SPRAY_GLOBAL: &str = "signin-failure-all";

fn spray_bucket(address: &str) -> String {
    format!("signin-failure-ip:{address}")
}

/// Counts one failed sign-in against the address's and the service's budgets.
fn record_spray(conn: &mut store::DbConn, address: &str, now: DateTime<Utc>) -> Result<(), Error> {
    limits::record(conn, &spray_bucket(address), now)?;
    limits::record(conn, SPRAY_GLOBAL, now)
}

pub async fn sign_in(
    ctx: &Ctx,
    meta: &RequestMeta,
    username: &str,
    password: &str,
) -> Result<SignedIn, Error> {
    let password = Password::parse(password, "password").map_err(|_| Error::InvalidCredentials)?;
    // Password spraying: failures from one address (IPv6 by /64) and across the service are
    // budgeted too, well above one account's lockout threshold; past it, nothing is hashed.
    let (lockout, address) = (ctx.config.lockout, limits::address_key(meta.ip));
    let now = ctx.now();
    let address_c = address.clone();
    ctx.store
        .read(move |conn| {
            let window = Duration::minutes(SPRAY_WINDOW_MINUTES);
            limits::check(
                conn,
                &spray_bucket(&address_c),
                window,
                lockout.failures_per_address,
                now,
            )?;
            limits::check(conn, SPRAY_GLOBAL, window, lockout.failures_global, now)
        })
        .await?;
    // Both an unparseable username and an unknown one still pay for a password check.
    let outcome = ctx.directory.authenticate(username, &password).await?;
    let meta_c = meta.clone();
    let failed = |party: Party, reason: &'static str| {
        Event::new(EventKind::SignInFailed, party.clone())
            .target(party)
            .failed()
            .details(serde_json::json!({ "reason": reason }))
    };
    let person = match outcome {
        Authentication::Accepted(person) => person,
        Authentication::Rejected { person: None, .. } => {
            let attempted: String = username.chars().take(64).collect();
            ctx.store
                .write(move |conn| {
                    record_spray(conn, &address, now)?;
                    let event = Event::new(
                        EventKind::SignInFailed,
                        Party {
                            id: None,
                            name: Some(attempted),
                        },
                    )
                    .failed()
                    .details(serde_json::json!({ "reason": "unknown_user" }));
                    audit::record(conn, now, &meta_c, event)
                })
                .await?;
            return Err(Error::InvalidCredentials);
        }
        Authentication::Rejected {
            person: Some(person),
            failures,
            locked,
        } => {
            let ctx_c = ctx.clone();
            ctx.store
                .write(move |conn| {
                    record_spray(conn, &address, now)?;
                    wrong_password(&ctx_c, conn, &person, failures, locked, &meta_c, now)
                })
                .await?;
            return Err(Error::InvalidCredentials);
        }
        Authentication::Locked {
            person,
            until,
            password_matched,
        } => {
            let party = Party::named(&person.id, &person.username);
            ctx.store
                .write(move |conn| {
                    if !password_matched {
                        record_spray(conn, &address, now)?;
                    }
                    audit::record(conn, now, &meta_c, failed(party, "locked"))
                })
                .await?;
            return Err(if password_matched {
                Error::AccountLocked {
                    retry_after_secs: crate::clock::seconds_until(until, now),
                }
            } else {
                Error::InvalidCredentials
            });
        }
        Authentication::Disabled(person) => {
            let party = Party::named(&person.id, &person.username);
            ctx.store
                .write(move |conn| audit::record(conn, now, &meta_c, failed(party, "disabled")))
                .await?;
            return Err(Error::AccountDisabled);
        }
    };
    let party = Party::named(&person.id, &person.username);
    let ttl = Duration::minutes(ctx.config.session_ttl_minutes);
    let mut session = SessionRow {
        id: Uuid::new_v4().to_string(),
        user_id: person.id.clone(),
        created_at: ts(now),
        expires_at: ts(now + ttl),
        revoked_at: None,
        ip: meta.ip.map(|ip| ip.to_string()),
        user_agent: meta
            .user_agent
            .as_ref()
            .map(|ua| ua.chars().take(256).collect()),
        began_without_methods: 0,
        elevated_until: None,
    };
    let session_id = session.id.clone();
    let groups = ctx.directory.groups_of(&person.id).await?;
    let directory = ctx.directory.kind();
    let directory_must_change = person.must_change_password;
    let (account, status) = ctx
        .store
        .write(move |conn| {
            let account = store::accounts::ensure(conn, directory, &person.id, ts(now))?;
            let methods = store::methods::for_user(conn, &account.id)?;
            session.began_without_methods =
                i32::from(registration::active_methods(&methods).is_empty());
            store::sessions::insert(conn, &session)?;
            let event = Event::new(EventKind::SignInSucceeded, party.clone()).target(party);
            audit::record(conn, now, &meta_c, event)?;
            let policy = crate::policy::service::current_on(conn)?.policy;
            let status = registration::status(conn, &policy, &person, &groups, now)?;
            Ok((account, status))
        })
        .await?;
    let token = issue(ctx, &account, &session_id, now, ttl)?;
    Ok(SignedIn {
        token,
        expires_in: ttl.num_seconds(),
        registration_required: status.registration_required,
        reconfirm_required: status.reconfirm_required,
        password_change_required: account.must_change_password != 0 || directory_must_change,
    })
}

fn issue(
    ctx: &Ctx,
    account: &AccountRow,
    session_id: &str,
    now: DateTime<Utc>,
    ttl: Duration,
) -> Result<String, Error> {
    let claims = Claims {
        iss: ctx.config.public_url.clone(),
        aud: AUDIENCE.to_owned(),
        sub: account.id.clone(),
        sid: session_id.to_owned(),
        sep: account.session_epoch,
        iat: now.timestamp(),
        exp: (now + ttl).timestamp(),
    };
    ctx.keys.sign(TOKEN_TYPE, &claims)
}

/// The claims of a session token whose signature, kind, audience, issuer and lifetime check out.
/// Says nothing about whether the session is still live: that needs its row ([`authenticate`]).
pub fn decode(keys: &Keyring, token: &str, now: DateTime<Utc>) -> Result<Claims, Error> {
    keys.verify(token, TOKEN_TYPE, AUDIENCE, now)
}

/// Checks a session token and returns who it belongs to.
pub async fn authenticate(ctx: &Ctx, token: &str) -> Result<Principal, Error> {
    let now = ctx.now();
    let claims = decode(&ctx.keys, token, now)?;
    let sid = claims.sid.clone();
    let found = ctx
        .store
        .read(move |conn| store::sessions::find_with_account(conn, &sid))
        .await?;
    let Some((session, account)) = found else {
        return Err(Error::Unauthenticated);
    };
    let live = session.revoked_at.is_none()
        && utc(session.expires_at) > now
        && session.user_id == claims.sub
        && account.session_epoch == claims.sep;
    if !live {
        return Err(Error::Unauthenticated);
    }
    // Role and status are the directory's, as they stand now.
    let person = ctx
        .directory
        .get(&account.directory_ref)
        .await?
        .filter(|p| !p.disabled)
        .ok_or(Error::Unauthenticated)?;
    Ok(Principal {
        user_id: Uuid::parse_str(&account.id).map_err(|_| Error::Unauthenticated)?,
        username: person.username.clone(),
        is_admin: person.is_admin,
        session_id: session.id,
        // Ours (an administrator of this service set it) or the directory's (reset there, or
        // expired).
        password_change_required: account.must_change_password != 0 || person.must_change_password,
        person,
    })
}

pub async fn sign_out(ctx: &Ctx, meta: &RequestMeta, principal: &Principal) -> Result<(), Error> {
    let now = ctx.now();
    let (sid, party, meta) = (
        principal.session_id.clone(),
        principal.actor().party(),
        meta.clone(),
    );
    ctx.store
        .write(move |conn| {
            store::sessions::revoke(conn, &sid, ts(now))?;
            audit::record(
                conn,
                now,
                &meta,
                Event::new(EventKind::SignOut, party.clone()).target(party),
            )
        })
        .await
}

pub async fn me(ctx: &Ctx, principal: &Principal) -> Result<Profile, Error> {
    let now = ctx.now();
    let user = principal.person.clone();
    let groups = ctx.directory.groups_of(&user.id).await?;
    let (user_id, password_change_required) =
        (principal.user_id, principal.password_change_required);
    ctx.store
        .read(move |conn| {
            let policy = crate::policy::service::current_on(conn)?.policy;
            let registration = registration::status(conn, &policy, &user, &groups, now)?;
            let language = store::accounts::find(conn, &user.id)?
                .and_then(|a| a.language)
                .map(|code| crate::i18n::Lang::of(&code));
            let contacts = Contacts {
                email: Some(user.email.clone()).filter(|e| !e.is_empty()),
                mobile_phone: user.mobile_phone.clone(),
                office_phone: user.office_phone.clone(),
            };
            Ok(Profile {
                user_id,
                username: user.username,
                display_name: user.display_name,
                email: user.email,
                contacts,
                is_admin: user.is_admin,
                password_change_required,
                registration,
                language,
            })
        })
        .await
}

/// Saves (or, `None`, forgets) the language the person chose for the service's messages and
/// the web app.
pub async fn set_language(
    ctx: &Ctx,
    principal: &Principal,
    language: Option<crate::i18n::Lang>,
) -> Result<(), Error> {
    let id = principal.user_id.to_string();
    ctx.store
        .write(move |conn| {
            store::accounts::set_language(conn, &id, language.map(crate::i18n::Lang::code))
        })
        .await
}

/// Changes one's own password, knowing the current one. Every other session of the person ends.
pub async fn change_password(
    ctx: &Ctx,
    meta: &RequestMeta,
    principal: &Principal,
    current_password: &str,
    new_password: &str,
) -> Result<(), Error> {
    let current = Password::parse(current_password, "current_password")?;
    let rules = crate::policy::service::current(ctx).await?.policy.password;
    let person = ctx
        .directory
        .get(&principal.user_id.to_string())
        .await?
        .ok_or(Error::Unauthenticated)?;
    let now = ctx.now();
    let locked = |until| Error::Throttled {
        retry_after_secs: crate::clock::seconds_until(until, now),
    };
    if let Some(until) = person.locked_until {
        // Too many wrong passwords: no more guesses until the lockout ends (the session lives).
        return Err(locked(until));
    }
    // Guessing the current password counts like failed sign-ins (and locks the same way).
    match ctx
        .directory
        .authenticate(&person.username, &current)
        .await?
    {
        Authentication::Accepted(_) => {}
        Authentication::Rejected {
            person: Some(person),
            failures,
            locked,
        } => {
            let (ctx_c, meta_c) = (ctx.clone(), meta.clone());
            ctx.store
                .write(move |conn| {
                    wrong_password(&ctx_c, conn, &person, failures, locked, &meta_c, now)
                })
                .await?;
            return Err(Error::validation(
                "current_password",
                FieldCode::Incorrect,
                "the current password is not correct",
            ));
        }
        Authentication::Locked { until, .. } => return Err(locked(until)),
        Authentication::Rejected { person: None, .. } | Authentication::Disabled(_) => {
            return Err(Error::Unauthenticated);
        }
    }
    let password =
        crate::directory::passwords::vet(ctx, &rules, &person, new_password, "new_password")
            .await?;
    ctx.directory
        .set_password(
            &person.id,
            &password,
            PasswordChange::ByPerson { current: &current },
        )
        .await?;
    let now = ctx.now();
    let (sid, party, meta) = (
        principal.session_id.clone(),
        principal.actor().party(),
        meta.clone(),
    );
    ctx.store
        .write(move |conn| {
            store::accounts::set_must_change(conn, &person.id, false, ts(now))?;
            store::flows::supersede_for_user(conn, &person.id, None)?;
            let revoked =
                store::sessions::revoke_all_for_user(conn, &person.id, Some(&sid), ts(now))?;
            let event = Event::new(EventKind::PasswordChanged, party.clone())
                .target(party)
                .details(serde_json::json!({ "other_sessions_revoked": revoked }));
            audit::record(conn, now, &meta, event)
        })
        .await
}
