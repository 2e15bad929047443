//! A signed-in person registering, verifying, re-sending, removing and confirming their own
//! verification methods, and setting their security question answers.
//!
//! Every change is audited (never with a code, secret or answer) and tells the person, at the
//! address in the directory (and at a replaced email address), through the outbox — so that an
//! attacker who briefly holds a session cannot quietly plant their own phone.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::model::*;
use super::{allowed_kinds, step_up};
use crate::audit::{self, Event, EventKind, Party};
use crate::context::{Ctx, RequestMeta};
use crate::delivery::notices::{self, Change, Notice, Vars};
use crate::delivery::{outbox, templates};
use crate::directory::Person as DirPerson;
use crate::error::{Error, ErrorCode, FieldCode};
use crate::methods::data::MethodData;
use crate::methods::{self, Proof, authenticator, codes, parse_kind, recovery_codes};
use crate::policy::{MethodKind, Policy};
use crate::session::Principal;
use crate::store::{
    self, DbConn,
    methods::{ACTIVE, MethodRow, PENDING},
    ts, utc,
};

/// Code purpose for registration (recovery codes have their own).
pub const PURPOSE: &str = "registration";

/// `row` as its owner sees it, `now` under `policy` (for the recovery cool-down).
pub fn view(row: &MethodRow, policy: &Policy, now: DateTime<Utc>) -> Option<Method> {
    let kind = parse_kind(&row.kind)?;
    let cooldown = chrono::Duration::hours(i64::from(policy.recovery_cooldown_hours));
    let recovery_from = row
        .activated_at
        .filter(|_| row.held != 0)
        .map(|at| utc(at) + cooldown)
        .filter(|from| *from > now);
    Some(Method {
        method_id: Uuid::parse_str(&row.id).ok()?,
        kind,
        status: MethodStatus::of(&row.status),
        hint: row.data().name().map_or_else(
            || methods::registry(kind).mask(row.destination().as_deref()),
            str::to_owned,
        ),
        created_at: utc(row.created_at),
        activated_at: row.activated_at.map(utc),
        recovery_from,
        codes_left: recovery_codes::left(&row.data()).and_then(|n| u32::try_from(n).ok()),
    })
}

pub(super) struct Person {
    pub(super) user: DirPerson,
    pub(super) policy: Policy,
}

/// The signed-in person as the directory described them for this request, and the policy.
pub(super) async fn load(ctx: &Ctx, principal: &Principal) -> Result<Person, Error> {
    let user = principal.person.clone();
    let policy = crate::policy::service::current(ctx).await?.policy;
    Ok(Person { user, policy })
}

/// Refuses kinds this person may not register.
pub(super) fn check_allowed(
    policy: &Policy,
    user: &DirPerson,
    kind: MethodKind,
) -> Result<(), Error> {
    let method = methods::registry(kind);
    if user.is_admin && !method.for_administrators(policy) {
        return Err(Error::NotAllowed {
            code: ErrorCode::NotAllowedForAdministrators,
            detail: format!("administrators cannot use {}", method.describe()).into(),
        });
    }
    if !allowed_kinds(policy, user.is_admin).contains(&kind) {
        return Err(Error::NotAllowed {
            code: ErrorCode::MethodNotEnabled,
            detail: format!("the policy does not enable `{}`", kind.as_str()).into(),
        });
    }
    Ok(())
}

/// Queues "your security info changed" to the person's directory address (and `also`), in
/// the language they chose, else the request's, else the organisation's.
#[allow(clippy::too_many_arguments)]
pub(super) fn notify_change(
    ctx: &Ctx,
    conn: &mut DbConn,
    policy: &Policy,
    user: &DirPerson,
    change: &Change,
    also: Option<&str>,
    meta: &RequestMeta,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let lang = notices::language_of(conn, &user.id, meta.lang_or(policy))?;
    let vars = Vars::new(&ctx.config.organization_name)
        .text("name", &user.display_name)
        .when(now)
        .text("change", change.words(lang));
    let mut recipients = vec![user.email.clone()];
    if let Some(other) = also
        && !other.eq_ignore_ascii_case(&user.email)
    {
        recipients.push(other.to_owned());
    }
    for to in recipients {
        let message = templates::email(
            lang,
            Notice::SecurityInfoChanged,
            &to,
            &vars,
            &policy.customization,
        );
        outbox::enqueue(conn, now, &message)?;
    }
    Ok(())
}

pub async fn list(ctx: &Ctx, principal: &Principal) -> Result<Vec<Method>, Error> {
    let id = principal.user_id.to_string();
    let (rows, policy) = ctx
        .store
        .read(move |conn| {
            let policy = crate::policy::service::current_on(conn)?.policy;
            Ok((store::methods::for_user(conn, &id)?, policy))
        })
        .await?;
    let now = ctx.now();
    Ok(rows.iter().filter_map(|r| view(r, &policy, now)).collect())
}

pub async fn add(
    ctx: &Ctx,
    principal: &Principal,
    meta: &RequestMeta,
    req: NewMethod,
) -> Result<Added, Error> {
    let Person { user, policy } = load(ctx, principal).await?;
    let method = methods::registry(req.kind);
    if method.proof() == Proof::Answers {
        check_allowed(&policy, &user, req.kind)?;
        return Err(Error::validation(
            "kind",
            FieldCode::UseSecurityQuestionsEndpoint,
            "set answers with PUT /api/v1/me/security-questions",
        ));
    }
    check_allowed(&policy, &user, req.kind)?;
    let destination = method.parse_destination(&req.destination)?;
    if method.proof() == Proof::RecoveryCode {
        return super::codes_set::generate(ctx, principal, meta, user, policy).await;
    }
    if method.proof() == Proof::Passkey {
        let name = methods::passkey::name(&req.destination)?;
        return super::passkeys::begin(ctx, principal, meta, user, policy, name).await;
    }
    let now = ctx.now();
    let method_id = Uuid::new_v4().to_string();
    let enrolment = match method.proof() {
        Proof::Totp => Some(authenticator::enrol(
            &ctx.secrets,
            &method_id,
            &ctx.config.organization_name,
            &user.username,
        )?),
        _ => None,
    };
    let row = MethodRow {
        id: method_id.clone(),
        user_id: user.id.clone(),
        kind: req.kind.as_str().to_owned(),
        status: PENDING.to_owned(),
        data: match (&destination, &enrolment) {
            (Some(d), _) => MethodData::Destination {
                address: d.address.clone(),
                extension: d.extension.clone(),
            },
            (None, Some(e)) => MethodData::Totp {
                sealed_seed: e.sealed.clone(),
                last_step: None,
            },
            (None, None) => MethodData::None,
        }
        .encode(),
        created_at: ts(now),
        activated_at: None,
        updated_at: ts(now),
        held: 0,
    };
    let hint = method.mask(row.destination().as_deref());
    let (ctx_c, meta_c, mut row_c, hint_c) = (ctx.clone(), meta.clone(), row.clone(), hint.clone());
    let (policy_c, principal_c) = (policy.clone(), principal.clone());
    let issued = ctx
        .store
        .write(move |conn| {
            // Decided in the transaction that makes the change.
            let stage = step_up::require(conn, &policy_c, &user, &principal_c, now)?;
            row_c.held = i32::from(stage == step_up::Stage::Change);
            // An earlier unfinished attempt at the same kind is replaced. Its codes stay in the
            // table, so starting over does not reset any send limit.
            for old in store::methods::for_user(conn, &row_c.user_id)? {
                if old.kind == row_c.kind && old.status == PENDING {
                    store::methods::delete(conn, &old.id)?;
                }
            }
            store::methods::insert(conn, &row_c)?;
            let issued = match (method.channel(), row_c.destination().as_deref()) {
                (Some(channel), Some(destination)) => Some(codes::issue(
                    conn,
                    &ctx_c.config.codes,
                    &ctx_c.secrets,
                    &codes::Issue {
                        user_id: &row_c.user_id,
                        method_id: &row_c.id,
                        purpose: PURPOSE,
                        channel,
                        destination,
                        digits: method.code_length(),
                    keep_tries: false,
                        phantom: false,
                        lang: meta_c.lang_or(&policy_c),
                    },
                    now,
                )?),
                _ => None,
            };
            let party = Party::named(&row_c.user_id, &user.username);
            let event = Event::new(EventKind::MethodAdded, party.clone())
                .target(party)
                .details(serde_json::json!({ "method_id": row_c.id, "kind": row_c.kind, "hint": hint_c }));
            audit::record(conn, now, &meta_c, event)?;
            Ok(issued)
        })
        .await?;
    let next = match (issued, method.channel(), row.destination(), enrolment) {
        (Some(issued), Some(channel), Some(destination), _) => {
            send_or_forget(ctx, &policy, channel, &destination, &issued, Some(&row.id)).await?;
            Enrolment::CodeSent(CodeSent {
                expires_in: issued.expires_in,
                resend_after: issued.resend_after,
            })
        }
        (_, _, _, Some(app)) => Enrolment::App {
            secret_base32: app.secret_base32,
            otpauth_uri: app.otpauth_uri,
            qr_svg: app.qr_svg,
        },
        _ => return Err(Error::internal("a method added without a way to prove it")),
    };
    Ok(Added {
        method_id: Uuid::parse_str(&row.id).map_err(|e| Error::internal(e.to_string()))?,
        kind: req.kind,
        status: MethodStatus::Pending,
        hint,
        next,
    })
}

/// Sends a code; when that fails the code (and a method that was only just added) is removed,
/// so a failed send is never counted and the person can simply try again.
async fn send_or_forget(
    ctx: &Ctx,
    policy: &Policy,
    channel: codes::Channel,
    destination: &str,
    issued: &codes::Issued,
    new_method: Option<&str>,
) -> Result<(), Error> {
    let sent = codes::send(ctx, &policy.customization, channel, destination, issued).await;
    if sent.is_err()
        && let Some(m) = new_method.map(str::to_owned)
    {
        // The method was only just added for this send: it goes too.
        ctx.store
            .write(move |conn| store::methods::delete(conn, &m))
            .await?;
    }
    sent
}

pub async fn resend(
    ctx: &Ctx,
    principal: &Principal,
    meta: &RequestMeta,
    method_id: Uuid,
) -> Result<CodeSent, Error> {
    let Person { user, policy } = load(ctx, principal).await?;
    let now = ctx.now();
    let (ctx_c, meta_c, user_c) = (ctx.clone(), meta.clone(), user.clone());
    let lang = meta.lang_or(&policy);
    let (row, issued) = ctx
        .store
        .write(move |conn| {
            let row = store::methods::find(conn, &user_c.id, &method_id.to_string())?
                .ok_or(Error::NotFound("method"))?;
            let kind = parse_kind(&row.kind).ok_or(Error::NotFound("method"))?;
            let method = methods::registry(kind);
            let (Some(channel), Some(destination)) = (method.channel(), row.destination()) else {
                return Err(Error::conflict(
                    ErrorCode::NoCodeMethod,
                    "this method does not use codes",
                ));
            };
            if row.status != PENDING {
                return Err(Error::conflict(
                    ErrorCode::AlreadyActive,
                    "this method is already verified",
                ));
            }
            let issued = codes::issue(
                conn,
                &ctx_c.config.codes,
                &ctx_c.secrets,
                &codes::Issue {
                    user_id: &user_c.id,
                    method_id: &row.id,
                    purpose: PURPOSE,
                    channel,
                    destination: &destination,
                    digits: method.code_length(),
                    keep_tries: false,
                    phantom: false,
                    lang,
                },
                now,
            )?;
            let party = Party::named(&user_c.id, &user_c.username);
            let event = Event::new(EventKind::MethodCodeResent, party.clone())
                .target(party)
                .details(serde_json::json!({ "method_id": row.id, "kind": row.kind }));
            audit::record(conn, now, &meta_c, event)?;
            Ok((row, issued))
        })
        .await?;
    let kind = parse_kind(&row.kind).ok_or(Error::NotFound("method"))?;
    let channel = methods::registry(kind)
        .channel()
        .ok_or(Error::NotFound("method"))?;
    send_or_forget(
        ctx,
        &policy,
        channel,
        row.destination().as_deref().unwrap_or(""),
        &issued,
        None,
    )
    .await?;
    Ok(CodeSent {
        expires_in: issued.expires_in,
        resend_after: issued.resend_after,
    })
}

pub async fn verify(
    ctx: &Ctx,
    principal: &Principal,
    meta: &RequestMeta,
    method_id: Uuid,
    proof: MethodProof,
) -> Result<Method, Error> {
    let Person { user, policy } = load(ctx, principal).await?;
    let now = ctx.now();
    let (ctx_c, meta_c, session_id) = (ctx.clone(), meta.clone(), principal.session_id.clone());
    let MethodProof { code, credential } = proof;
    let code = code.unwrap_or_default();
    // The inner result is the verdict; the outer one a failure to reach it. A wrong code is a
    // verdict, so its spent try is committed.
    let verdict: Result<Method, Error> = ctx
        .store
        .write(move |conn| {
            let mut row = store::methods::find(conn, &user.id, &method_id.to_string())?
                .ok_or(Error::NotFound("method"))?;
            if row.status != PENDING {
                return Err(Error::conflict(
                    ErrorCode::AlreadyActive,
                    "this method is already verified",
                ));
            }
            let kind = parse_kind(&row.kind).ok_or(Error::NotFound("method"))?;
            let party = Party::named(&user.id, &user.username);
            let failure = match methods::registry(kind).proof() {
                Proof::Totp => authenticator::prove(conn, &ctx_c.secrets, &mut row, &code, now)?
                    .err()
                    .map(|refusal| Error::refused(refusal, None)),
                Proof::Passkey => super::passkeys::finish(
                    conn,
                    &ctx_c,
                    &session_id,
                    &mut row,
                    credential.as_ref(),
                    now,
                )?
                .err()
                .map(|refusal| Error::refused(refusal, None)),
                _ => codes::check(conn, &ctx_c.secrets, &row.id, PURPOSE, &code, now)?.into_error(),
            };
            if let Some(error) = failure {
                let event = Event::new(EventKind::MethodVerificationFailed, party.clone())
                    .target(party)
                    .failed()
                    .details(serde_json::json!({ "method_id": row.id, "kind": row.kind }));
                audit::record(conn, now, &meta_c, event)?;
                return Ok(Err(error));
            }
            // Verified: it replaces any earlier method of the same kind (a person keeps
            // several passkeys).
            let method = methods::registry(kind);
            let had_enough = super::has_enough(conn, &policy, &user)?;
            let replaced: Vec<MethodRow> = if method.one_per_person() {
                let replaced = store::methods::for_user(conn, &user.id)?
                    .into_iter()
                    .filter(|m| m.kind == row.kind && m.id != row.id && m.status == ACTIVE)
                    .collect();
                store::methods::delete_kind_except(conn, &user.id, &row.kind, &row.id)?;
                replaced
            } else {
                Vec::new()
            };
            row.status = ACTIVE.to_owned();
            row.activated_at = Some(ts(now));
            row.updated_at = ts(now);
            store::methods::save(conn, &row)?;
            confirmed(conn, &user, now)?;
            let hint = row.data().name().map_or_else(
                || method.mask(row.destination().as_deref()),
                |name| format!("\"{name}\""),
            );
            let event = Event::new(EventKind::MethodRegistered, party.clone())
                .target(party)
                .details(serde_json::json!({
                    "method_id": row.id,
                    "kind": row.kind,
                    "hint": hint,
                    "replaced": replaced.iter().map(|m| m.id.clone()).collect::<Vec<_>>(),
                }));
            audit::record(conn, now, &meta_c, event)?;
            super::record_if_completed(conn, &policy, &user, had_enough, &meta_c, now)?;
            let change = if !replaced.is_empty() {
                Change::Replaced(kind)
            } else {
                Change::Added {
                    kind,
                    detail: (!method.one_per_person()).then(|| hint.clone()),
                }
            };
            // A replaced email address is told too: it may be the real owner's.
            let old_address = replaced
                .iter()
                .find(|m| {
                    parse_kind(&m.kind).map(|k| methods::registry(k).destination())
                        == Some(methods::DestinationKind::Address)
                })
                .and_then(MethodRow::destination);
            notify_change(
                &ctx_c,
                conn,
                &policy,
                &user,
                &change,
                old_address.as_deref(),
                &meta_c,
                now,
            )?;
            view(&row, &policy, now)
                .map(Ok)
                .ok_or_else(|| Error::internal("unreadable method"))
        })
        .await?;
    verdict
}

/// Registering or confirming restarts the reconfirmation clock.
pub(super) fn confirmed(
    conn: &mut DbConn,
    user: &DirPerson,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    store::accounts::set_methods_confirmed(conn, &user.id, Some(ts(now)))
}
