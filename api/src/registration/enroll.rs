//! A signed-in person registering, verifying, re-sending, removing and confirming their own
//! verification methods, and setting their security question answers.
//!
//! Every change is audited (never with a code, secret or answer) and tells the person, at the
//! address in the directory (and at a replaced email address), through the outbox — so that an
//! attacker who briefly holds a session cannot quietly plant their own phone.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::{RegistrationStatus, allowed_kinds, status, step_up};
use crate::audit::{self, Event, Party};
use crate::context::{Ctx, RequestMeta};
use crate::delivery::{outbox, templates};
use crate::directory::Person as DirPerson;
use crate::error::{Error, ErrorCode, FieldCode, FieldError};
use crate::methods::{self, DestinationInput, authenticator, codes, parse_kind, questions};
use crate::policy::{MethodKind, Policy};
use crate::session::Principal;
use crate::store::{
    self, DbConn,
    methods::{ACTIVE, AnswerRow, MethodRow, PENDING},
    ts, utc,
};

/// Code purpose for registration (recovery codes have their own).
pub const PURPOSE: &str = "registration";

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"kind": "mobile_sms", "phone": "+1 415 555 2671"}))]
pub struct AddMethodRequest {
    pub kind: MethodKind,
    /// For `email`.
    pub email: Option<String>,
    /// For the phone kinds, in international form.
    pub phone: Option<String>,
    /// For `office_voice`, digits only.
    pub extension: Option<String>,
}

/// A method, as its owner (or an administrator) sees it: never the full destination.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct MethodView {
    pub method_id: Uuid,
    pub kind: MethodKind,
    pub status: MethodStatus,
    /// Masked destination (`j***@e***.com`, `+1 ••• ••• ••67`) or the kind's name.
    pub hint: String,
    pub created_at: DateTime<Utc>,
    pub activated_at: Option<DateTime<Utc>>,
    /// Set while a method added or changed after the first set waits out the policy's recovery
    /// cool-down: a reset offers it from then on (it works for everything else at once).
    pub recovery_from: Option<DateTime<Utc>>,
}

#[derive(Serialize, ToSchema)]
pub struct MethodList {
    pub items: Vec<MethodView>,
}

/// Where a method stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MethodStatus {
    /// Added, waiting for its code (or the app's first code).
    Pending,
    /// Verified: it counts.
    Active,
}

impl MethodStatus {
    /// The status of a stored row (`store::methods::PENDING` / `ACTIVE`).
    pub fn of(stored: &str) -> Self {
        match stored {
            ACTIVE => Self::Active,
            _ => Self::Pending,
        }
    }
}

/// The answer to adding a method.
#[derive(Serialize, ToSchema)]
pub struct AddedMethod {
    pub method_id: Uuid,
    pub kind: MethodKind,
    pub status: MethodStatus,
    pub hint: String,
    /// Seconds the code sent is valid (code kinds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<i64>,
    /// Seconds before another code may be sent (code kinds).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resend_after: Option<i64>,
    /// Authenticator apps: the seed in base32, shown this once.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    /// Authenticator apps: the `otpauth://` URI, shown this once.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub otpauth_uri: Option<String>,
    /// Authenticator apps: the URI as a QR code (SVG), shown this once.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qr_svg: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VerifyMethodRequest {
    /// The code received, or shown by the authenticator app.
    pub code: String,
}

#[derive(Serialize, ToSchema)]
pub struct CodeSent {
    pub expires_in: i64,
    pub resend_after: i64,
}

/// The answer to removing a method: removal is allowed even when it leaves the person short of
/// the policy, and the status says so.
#[derive(Serialize, ToSchema)]
pub struct Removal {
    pub registration: RegistrationStatus,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SecurityAnswers {
    #[serde(deserialize_with = "crate::wire::objects")]
    pub answers: Vec<SecurityAnswer>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SecurityAnswer {
    pub question_id: String,
    /// 3–40 characters; compared ignoring case, spacing and width.
    pub answer: String,
}

#[derive(Serialize, ToSchema)]
pub struct Catalogue {
    pub questions: Vec<questions::Question>,
    /// How many to answer.
    pub register_count: u32,
}

/// `row` as its owner sees it, `now` under `policy` (for the recovery cool-down).
pub fn view(row: &MethodRow, policy: &Policy, now: DateTime<Utc>) -> Option<MethodView> {
    let kind = parse_kind(&row.kind)?;
    let cooldown = chrono::Duration::hours(i64::from(policy.recovery_cooldown_hours));
    let recovery_from = row
        .activated_at
        .filter(|_| row.held != 0)
        .map(|at| utc(at) + cooldown)
        .filter(|from| *from > now);
    Some(MethodView {
        method_id: Uuid::parse_str(&row.id).ok()?,
        kind,
        status: MethodStatus::of(&row.status),
        hint: methods::registry(kind).mask(row.destination.as_deref()),
        created_at: utc(row.created_at),
        activated_at: row.activated_at.map(utc),
        recovery_from,
    })
}

struct Person {
    user: DirPerson,
    policy: Policy,
}

/// The signed-in person as the directory described them for this request, and the policy.
async fn load(ctx: &Ctx, principal: &Principal) -> Result<Person, Error> {
    let user = principal.person.clone();
    let policy = crate::policy::service::current(ctx).await?.policy;
    Ok(Person { user, policy })
}

/// Refuses kinds this person may not register.
fn check_allowed(policy: &Policy, user: &DirPerson, kind: MethodKind) -> Result<(), Error> {
    if user.is_admin && kind == MethodKind::SecurityQuestions {
        return Err(Error::NotAllowed {
            code: ErrorCode::NotAllowedForAdministrators,
            detail: "administrators cannot use security questions".into(),
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

/// Queues "your security info changed" to the person's directory address (and `also`).
fn notify_change(
    ctx: &Ctx,
    conn: &mut DbConn,
    policy: &Policy,
    user: &DirPerson,
    change: &str,
    also: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let mut recipients = vec![user.email.clone()];
    if let Some(other) = also
        && !other.eq_ignore_ascii_case(&user.email)
    {
        recipients.push(other.to_owned());
    }
    for to in recipients {
        let message = templates::security_info_changed(
            &ctx.config.organization_name,
            &to,
            &user.display_name,
            change,
            now,
            &policy.customization,
        );
        outbox::enqueue(conn, now, &message)?;
    }
    Ok(())
}

pub async fn list(ctx: &Ctx, principal: &Principal) -> Result<MethodList, Error> {
    let id = principal.user_id.to_string();
    let (rows, policy) = ctx
        .store
        .read(move |conn| {
            let policy = crate::policy::service::current_on(conn)?.policy;
            Ok((store::methods::for_user(conn, &id)?, policy))
        })
        .await?;
    let now = ctx.now();
    Ok(MethodList {
        items: rows.iter().filter_map(|r| view(r, &policy, now)).collect(),
    })
}

pub async fn add(
    ctx: &Ctx,
    principal: &Principal,
    meta: &RequestMeta,
    req: AddMethodRequest,
) -> Result<AddedMethod, Error> {
    let Person { user, policy } = load(ctx, principal).await?;
    if req.kind == MethodKind::SecurityQuestions {
        check_allowed(&policy, &user, req.kind)?;
        return Err(Error::validation(
            "kind",
            FieldCode::UseSecurityQuestionsEndpoint,
            "set answers with PUT /api/v1/me/security-questions",
        ));
    }
    check_allowed(&policy, &user, req.kind)?;
    let method = methods::registry(req.kind);
    let input = DestinationInput {
        email: req.email,
        phone: req.phone,
        extension: req.extension,
    };
    let destination = method.parse_destination(&input)?;
    let now = ctx.now();
    let method_id = Uuid::new_v4().to_string();
    let enrolment = match req.kind {
        MethodKind::AuthenticatorApp => Some(authenticator::enrol(
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
        destination: destination.as_ref().map(|d| d.address.clone()),
        extension: destination.as_ref().and_then(|d| d.extension.clone()),
        secret: enrolment.as_ref().map(|e| e.sealed.clone()),
        last_totp_step: None,
        created_at: ts(now),
        activated_at: None,
        updated_at: ts(now),
        held: 0,
    };
    let hint = method.mask(row.destination.as_deref());
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
            let issued = match (method.channel(), &row_c.destination) {
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
                    },
                    now,
                )?),
                _ => None,
            };
            let party = Party::named(&row_c.user_id, &user.username);
            let event = Event::new(audit::kind::METHOD_ADDED, party.clone())
                .target(party)
                .details(serde_json::json!({ "method_id": row_c.id, "kind": row_c.kind, "hint": hint_c }));
            audit::record(conn, now, &meta_c, event)?;
            Ok(issued)
        })
        .await?;
    let (mut expires_in, mut resend_after) = (None, None);
    if let (Some(issued), Some(channel), Some(destination)) =
        (issued, method.channel(), &row.destination)
    {
        send_or_forget(ctx, &policy, channel, destination, &issued, Some(&row.id)).await?;
        expires_in = Some(issued.expires_in);
        resend_after = Some(issued.resend_after);
    }
    Ok(AddedMethod {
        method_id: Uuid::parse_str(&row.id).map_err(|e| Error::internal(e.to_string()))?,
        kind: req.kind,
        status: MethodStatus::Pending,
        hint,
        expires_in,
        resend_after,
        secret: enrolment.as_ref().map(|e| e.secret_base32.clone()),
        otpauth_uri: enrolment.as_ref().map(|e| e.otpauth_uri.clone()),
        qr_svg: enrolment.map(|e| e.qr_svg),
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
    let (row, issued) = ctx
        .store
        .write(move |conn| {
            let row = store::methods::find(conn, &user_c.id, &method_id.to_string())?
                .ok_or(Error::NotFound("method"))?;
            let kind = parse_kind(&row.kind).ok_or(Error::NotFound("method"))?;
            let method = methods::registry(kind);
            let (Some(channel), Some(destination)) = (method.channel(), row.destination.as_deref())
            else {
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
                    destination,
                    digits: method.code_length(),
                    keep_tries: false,
                    phantom: false,
                },
                now,
            )?;
            let party = Party::named(&user_c.id, &user_c.username);
            let event = Event::new(audit::kind::METHOD_CODE_RESENT, party.clone())
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
        row.destination.as_deref().unwrap_or(""),
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
    req: VerifyMethodRequest,
) -> Result<MethodView, Error> {
    let Person { user, policy } = load(ctx, principal).await?;
    let now = ctx.now();
    let (ctx_c, meta_c) = (ctx.clone(), meta.clone());
    // The inner result is the verdict; the outer one a failure to reach it. A wrong code is a
    // verdict, so its spent try is committed.
    let verdict: Result<MethodView, Error> = ctx
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
            let failure = match kind {
                MethodKind::AuthenticatorApp => {
                    match authenticator::prove(conn, &ctx_c.secrets, &row, &req.code, now)? {
                        Ok(step) => {
                            row.last_totp_step = Some(step);
                            None
                        }
                        Err(refusal) => Some(Error::refused(refusal, None)),
                    }
                }
                _ => codes::check(conn, &ctx_c.secrets, &row.id, PURPOSE, &req.code, now)?
                    .into_error(),
            };
            if let Some(error) = failure {
                let event = Event::new(audit::kind::METHOD_VERIFICATION_FAILED, party.clone())
                    .target(party)
                    .failed()
                    .details(serde_json::json!({ "method_id": row.id, "kind": row.kind }));
                audit::record(conn, now, &meta_c, event)?;
                return Ok(Err(error));
            }
            // Verified: it replaces any earlier method of the same kind.
            let replaced: Vec<MethodRow> = store::methods::for_user(conn, &user.id)?
                .into_iter()
                .filter(|m| m.kind == row.kind && m.id != row.id && m.status == ACTIVE)
                .collect();
            store::methods::delete_kind_except(conn, &user.id, &row.kind, &row.id)?;
            row.status = ACTIVE.to_owned();
            row.activated_at = Some(ts(now));
            row.updated_at = ts(now);
            store::methods::save(conn, &row)?;
            confirmed(conn, &user, now)?;
            let method = methods::registry(kind);
            let event = Event::new(audit::kind::METHOD_REGISTERED, party.clone())
                .target(party)
                .details(serde_json::json!({
                    "method_id": row.id,
                    "kind": row.kind,
                    "hint": method.mask(row.destination.as_deref()),
                    "replaced": replaced.iter().map(|m| m.id.clone()).collect::<Vec<_>>(),
                }));
            audit::record(conn, now, &meta_c, event)?;
            let change = if replaced.is_empty() {
                format!("{} added", method.describe())
            } else {
                format!("{} changed", method.describe())
            };
            // A replaced email address is told too: it may be the real owner's.
            let old_address = replaced
                .iter()
                .find(|m| m.kind == MethodKind::Email.as_str())
                .and_then(|m| m.destination.clone());
            notify_change(
                &ctx_c,
                conn,
                &policy,
                &user,
                &change,
                old_address.as_deref(),
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
fn confirmed(conn: &mut DbConn, user: &DirPerson, now: DateTime<Utc>) -> Result<(), Error> {
    store::accounts::set_methods_confirmed(conn, &user.id, Some(ts(now)))
}

pub async fn remove(
    ctx: &Ctx,
    principal: &Principal,
    meta: &RequestMeta,
    method_id: Uuid,
) -> Result<Removal, Error> {
    let Person { user, policy } = load(ctx, principal).await?;
    let groups = ctx.directory.groups_of(&user.id).await?;
    let now = ctx.now();
    let (ctx_c, meta_c) = (ctx.clone(), meta.clone());
    let principal_c = principal.clone();
    ctx.store
        .write(move |conn| {
            let row = store::methods::find(conn, &user.id, &method_id.to_string())?
                .ok_or(Error::NotFound("method"))?;
            if row.status == ACTIVE {
                step_up::require(conn, &policy, &user, &principal_c, now)?;
            }
            store::methods::delete(conn, &row.id)?;
            let kind = parse_kind(&row.kind);
            if kind == Some(MethodKind::SecurityQuestions) {
                store::methods::replace_answers(conn, &user.id, &[])?;
            }
            let party = Party::named(&user.id, &user.username);
            let event = Event::new(audit::kind::METHOD_REMOVED, party.clone())
                .target(party)
                .details(serde_json::json!({ "method_id": row.id, "kind": row.kind }));
            audit::record(conn, now, &meta_c, event)?;
            if row.status == ACTIVE
                && let Some(kind) = kind
            {
                let change = format!("{} removed", methods::registry(kind).describe());
                notify_change(&ctx_c, conn, &policy, &user, &change, None, now)?;
            }
            Ok(Removal {
                registration: status(conn, &policy, &user, &groups, now)?,
            })
        })
        .await
}

/// "These are still mine": restarts the reconfirmation clock.
pub async fn confirm(
    ctx: &Ctx,
    principal: &Principal,
    meta: &RequestMeta,
) -> Result<RegistrationStatus, Error> {
    let Person { user, policy } = load(ctx, principal).await?;
    let groups = ctx.directory.groups_of(&user.id).await?;
    let now = ctx.now();
    let meta_c = meta.clone();
    ctx.store
        .write(move |conn| {
            if !store::methods::for_user(conn, &user.id)?
                .iter()
                .any(|m| m.status == ACTIVE)
            {
                return Err(Error::conflict(
                    ErrorCode::NoMethods,
                    "there are no verified methods to confirm",
                ));
            }
            confirmed(conn, &user, now)?;
            let party = Party::named(&user.id, &user.username);
            audit::record(
                conn,
                now,
                &meta_c,
                Event::new(audit::kind::METHODS_CONFIRMED, party.clone()).target(party),
            )?;
            status(conn, &policy, &user, &groups, now)
        })
        .await
}

pub async fn catalogue(ctx: &Ctx) -> Result<Catalogue, Error> {
    let policy = crate::policy::service::current(ctx).await?.policy;
    Ok(Catalogue {
        questions: questions::catalogue(&policy),
        register_count: policy.security_questions.register_count,
    })
}

pub async fn set_answers(
    ctx: &Ctx,
    principal: &Principal,
    meta: &RequestMeta,
    req: SecurityAnswers,
) -> Result<MethodView, Error> {
    let Person { user, policy } = load(ctx, principal).await?;
    check_allowed(&policy, &user, MethodKind::SecurityQuestions)?;
    let catalogue = questions::catalogue(&policy);
    let wanted = policy.security_questions.register_count as usize;
    let mut errors = Vec::new();
    if req.answers.len() != wanted {
        errors.push(FieldError::new(
            "answers",
            FieldCode::Count,
            format!("answer exactly {wanted} questions"),
        ));
    }
    let (mut ids, mut texts) = (HashSet::new(), HashSet::new());
    let mut normalised = Vec::new();
    for (i, a) in req.answers.iter().enumerate() {
        if !catalogue.iter().any(|q| q.question_id == a.question_id) {
            errors.push(FieldError::new(
                format!("answers[{i}].question_id"),
                FieldCode::UnknownQuestion,
                "not a question of the catalogue",
            ));
        } else if !ids.insert(a.question_id.clone()) {
            errors.push(FieldError::new(
                format!("answers[{i}].question_id"),
                FieldCode::Duplicate,
                "each question once",
            ));
        }
        let answer = questions::normalise_answer(&a.answer);
        let n = answer.chars().count();
        if !(3..=40).contains(&n) {
            errors.push(FieldError::new(
                format!("answers[{i}].answer"),
                FieldCode::Length,
                "an answer is 3 to 40 characters",
            ));
        } else if !texts.insert(answer.clone()) {
            errors.push(FieldError::new(
                format!("answers[{i}].answer"),
                FieldCode::Duplicate,
                "give a different answer to each question",
            ));
        }
        normalised.push((a.question_id.clone(), answer));
    }
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let mut rows = Vec::new();
    let now = ctx.now();
    for (question_id, answer) in normalised {
        let password = crate::password::Password::parse(&answer, "answer")?;
        rows.push(AnswerRow {
            user_id: user.id.clone(),
            question_id,
            answer_hash: ctx.hasher.hash(&password).await?,
            created_at: ts(now),
        });
    }
    let (ctx_c, meta_c, principal_c) = (ctx.clone(), meta.clone(), principal.clone());
    ctx.store
        .write(move |conn| {
            let stage = step_up::require(conn, &policy, &user, &principal_c, now)?;
            store::methods::replace_answers(conn, &user.id, &rows)?;
            let existed = store::methods::for_user(conn, &user.id)?
                .into_iter()
                .any(|m| m.kind == MethodKind::SecurityQuestions.as_str());
            let row = MethodRow {
                id: Uuid::new_v4().to_string(),
                user_id: user.id.clone(),
                kind: MethodKind::SecurityQuestions.as_str().to_owned(),
                status: ACTIVE.to_owned(),
                destination: None,
                extension: None,
                secret: None,
                last_totp_step: None,
                created_at: ts(now),
                activated_at: Some(ts(now)),
                updated_at: ts(now),
                held: i32::from(stage == step_up::Stage::Change),
            };
            store::methods::insert(conn, &row)?;
            store::methods::delete_kind_except(conn, &user.id, &row.kind, &row.id)?;
            confirmed(conn, &user, now)?;
            let party = Party::named(&user.id, &user.username);
            let event = Event::new(audit::kind::METHOD_REGISTERED, party.clone())
                .target(party)
                .details(serde_json::json!({ "method_id": row.id, "kind": row.kind, "questions": rows.len() }));
            audit::record(conn, now, &meta_c, event)?;
            let change = if existed { "security questions changed" } else { "security questions added" };
            notify_change(&ctx_c, conn, &policy, &user, change, None, now)?;
            view(&row, &policy, now).ok_or_else(|| Error::internal("unreadable method"))
        })
        .await
}
