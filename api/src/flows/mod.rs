//! The reset and unlock flow: start → challenge → verify (once or twice) → new password or
//! unlock.
//!
//! The truth is the `recovery_flows` row: the step counter, the methods offered and passed, the
//! failures, the status. A flow token only says "flow F at step S", so an older token, a token
//! of another flow, a skipped step or a second finish are refused by comparing with the row, and
//! every forward move is a conditional update on the step (exactly one of racing requests wins).
//!
//! Usernames that do not exist or cannot reset get a decoy flow, unless the policy chooses to
//! reveal ineligibility: the same flow, run by the same code on a phantom person
//! ([`phantom`]), that nothing is sent to and that never verifies. Flow limits are counted by
//! username key, code limits by the person's (or phantom's) id, method and destination, so a
//! decoy and a real account hit them identically.

pub mod limits;
pub mod phantom;
pub mod token;

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};
use rand::seq::SliceRandom as _;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::audit::{self, Event, Party};
use crate::context::{Ctx, RequestMeta};
use crate::delivery::{outbox, templates};
use crate::directory::{EmailAddress, PhoneNumber, Username};
use crate::directory::{PasswordChange, Person as DirPerson};
use crate::error::{Error, ErrorCode, FieldCode, FieldError, Refusal};
use crate::methods::{self, authenticator, codes, parse_kind, questions};
use crate::policy::{MethodKind, Policy};
use crate::registration::{allowed_kinds, in_scope, methods_required};
use crate::store::{self, DbConn, flows::FlowRow, methods::ACTIVE, ts, utc};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// "I forgot my password."
    ResetPassword,
    /// "I know my password but my account is locked."
    UnlockAccount,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Self::ResetPassword => "reset_password",
            Self::UnlockAccount => "unlock_account",
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"username": "jane", "purpose": "reset_password", "captcha": "eyJhbGdvcml0aG0iOiJTSEEtMjU2IiwiY2hhbGxlbmdlIjoiLi4uIiwibnVtYmVyIjo0Miwic2FsdCI6Ii4uLiIsInNpZ25hdHVyZSI6Ii4uLiJ9"}))]
pub struct StartRequest {
    pub username: String,
    pub purpose: Purpose,
    /// The CAPTCHA solution: for the built-in proof of work, the base64 payload the ALTCHA widget
    /// produces; for a provider, its token.
    pub captcha: String,
}

/// One method the person can prove themselves with, masked: one independent factor. A phone is
/// one entry whatever the channels registered on its number (`kind` is `mobile_sms` when it
/// takes texts), with the channels the policy allows in `channels`.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct OfferedMethod {
    pub method_id: Uuid,
    pub kind: MethodKind,
    pub hint: String,
    /// Code methods: how the code can be sent (`sms`, `voice`, `email`); choose with the
    /// challenge's `channel`, the first is the default.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<methods::Channel>,
}

#[derive(Serialize, ToSchema)]
pub struct StartResponse {
    pub flow_id: Uuid,
    /// Send as `Authorization: Bearer` to the next step.
    pub flow_token: String,
    pub expires_at: DateTime<Utc>,
    pub methods_required: u32,
    pub methods: Vec<OfferedMethod>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"method_id": "0193a5f0-7c1e-7d2a-9b1f-3c4d5e6f7a8b", "channel": "sms"}))]
pub struct ChallengeRequest {
    pub method_id: Uuid,
    /// Phones: `sms` or `voice`, one of the method's `channels` (default: the first).
    pub channel: Option<methods::Channel>,
    /// The full address or number, when the policy asks people to type it before a code is sent.
    pub confirm: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ChallengeResponse {
    /// Code methods: seconds the code is valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<i64>,
    /// Code methods: seconds before another code may be sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resend_after: Option<i64>,
    /// Security questions: the ones to answer now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub questions: Option<Vec<questions::Question>>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"method_id": "0193a5f0-7c1e-7d2a-9b1f-3c4d5e6f7a8b", "code": "123456"}))]
pub struct VerifyRequest {
    pub method_id: Uuid,
    /// The code received, or shown by the authenticator app.
    pub code: Option<String>,
    /// Security questions: the answers to the questions asked.
    #[serde(default, deserialize_with = "crate::wire::optional_objects")]
    pub answers: Option<Vec<crate::registration::enroll::SecurityAnswer>>,
}

#[derive(Serialize, ToSchema)]
pub struct VerifyResponse {
    /// The token for the next step (the previous one no longer works).
    pub flow_token: String,
    pub methods_passed: u32,
    pub methods_remaining: u32,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"new_password": "seven lanterns drift over amber fields"}))]
pub struct NewPasswordRequest {
    pub new_password: String,
}

#[derive(Serialize, ToSchema)]
pub struct FinishResponse {
    pub status: FinishStatus,
}

/// How a flow finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FinishStatus {
    /// The new password is set.
    PasswordReset,
    /// The account is unlocked; the password did not change.
    Unlocked,
}

/// Why a username cannot reset (said only when the policy reveals ineligibility).
fn ineligible(reason: &'static str, policy: &Policy) -> Error {
    Error::NotEligible {
        reason,
        helpdesk: policy.customization.clone(),
    }
}

fn purpose_key(flow_id: &str) -> String {
    format!("recovery:{flow_id}")
}

fn failure_bucket(username_key: &str) -> String {
    format!("recovery-failure:{username_key}")
}

/// Whom a flow is for, as every step sees them: a person of the directory, or the phantom a
/// decoy flow runs on (`phantom` true: nothing is sent to it, nothing it is told matches).
pub struct Person {
    pub user: DirPerson,
    pub rows: Vec<store::methods::MethodRow>,
    /// The ids of the security questions answered.
    pub answers: Vec<String>,
    pub phantom: bool,
}

/// The person a real flow is for, as the directory describes them now (None for a decoy flow,
/// and when they no longer exist). Read before the step's transaction: a directory call may go
/// over the network.
async fn directory_person(ctx: &Ctx, flow_id: Uuid) -> Result<Option<DirPerson>, Error> {
    let id = ctx
        .store
        .read(move |conn| store::flows::find(conn, &flow_id.to_string()))
        .await?
        .and_then(|f| f.user_id);
    match id {
        Some(id) => ctx.directory.get(&id).await,
        None => Ok(None),
    }
}

/// The person a flow is for, with their methods as they stand now (None when they no longer
/// exist). `real` is [`directory_person`]'s answer. A decoy flow's phantom is the one kept in
/// its row, its methods read with the same queries as a real person's (its id is in no table).
fn person_of(
    conn: &mut DbConn,
    flow: &FlowRow,
    real: Option<DirPerson>,
    now: DateTime<Utc>,
) -> Result<Option<Person>, Error> {
    let phantom = phantom_of(flow)?;
    let id = match (&flow.user_id, &phantom) {
        (Some(id), _) => id.clone(),
        (None, Some(p)) => p.id.clone(),
        (None, None) => return Ok(None),
    };
    // The flow's person, not whoever the caller read.
    let user = real.filter(|p| p.id == id);
    let rows = store::methods::for_user(conn, &id)?;
    let answers = store::methods::answers(conn, &id)?
        .into_iter()
        .map(|a| a.question_id)
        .collect();
    Ok(match (phantom, user) {
        (Some(p), _) => Some(p.person(&flow.username_key, now)),
        (None, Some(user)) => Some(Person {
            user,
            rows,
            answers,
            phantom: false,
        }),
        (None, None) => None,
    })
}

/// The phantom a decoy flow runs on, as its row keeps it.
fn phantom_of(flow: &FlowRow) -> Result<Option<phantom::Phantom>, Error> {
    flow.phantom
        .as_deref()
        .map(serde_json::from_str)
        .transpose()
        .map_err(|e| Error::internal(e.to_string()))
}

/// The id of the person a flow is for: the user's, or its phantom's.
fn person_id(flow: &FlowRow) -> Result<Option<String>, Error> {
    Ok(match &flow.user_id {
        Some(id) => Some(id.clone()),
        None => phantom_of(flow)?.map(|p| p.id),
    })
}

/// One offered factor and the stored method behind each of its channels.
struct Offer {
    method: OfferedMethod,
    factor: String,
    /// (channel, method row id); the offered `method_id` is the row the codes are kept under.
    routes: Vec<(methods::Channel, String)>,
}

/// The methods a real person may use now — active, allowed for them, enough answers for the
/// questions, and not added or changed within the recovery cool-down — one entry per
/// independent factor ([`methods::factor`]): the kinds registered on one phone number become one
/// phone with their channels, so that one number can never pass for two methods.
fn offerable(
    policy: &Policy,
    user: &DirPerson,
    rows: &[store::methods::MethodRow],
    answers: usize,
    now: DateTime<Utc>,
) -> Vec<Offer> {
    let allowed = allowed_kinds(policy, user.is_admin);
    let cooldown = Duration::hours(i64::from(policy.recovery_cooldown_hours));
    let rank = |kind: MethodKind| MethodKind::ALL.iter().position(|k| *k == kind);
    let mut offers: Vec<Offer> = Vec::new();
    for m in rows.iter().filter(|m| m.status == ACTIVE).filter(|m| {
        m.activated_at
            .is_some_and(|at| m.held == 0 || utc(at) + cooldown <= now)
    }) {
        let (Some(kind), Ok(method_id)) = (parse_kind(&m.kind), Uuid::parse_str(&m.id)) else {
            continue;
        };
        if !allowed.contains(&kind)
            || (kind == MethodKind::SecurityQuestions
                && answers < policy.security_questions.reset_count as usize)
        {
            continue;
        }
        let factor = methods::factor(kind, m.destination.as_deref(), &m.id);
        let channel = methods::registry(kind).channel();
        let method = OfferedMethod {
            method_id,
            kind,
            hint: methods::registry(kind).mask(m.destination.as_deref()),
            channels: channel.into_iter().collect(),
        };
        let Some(offer) = offers.iter_mut().find(|o| o.factor == factor) else {
            let routes = channel.map(|c| (c, m.id.clone())).into_iter().collect();
            offers.push(Offer {
                method,
                factor,
                routes,
            });
            continue;
        };
        // The same number again: one more channel, at most one row per channel. Text before
        // call: the entry is `mobile_sms`, its codes kept under the text method, when it has one.
        if let Some(c) = channel
            && !offer.routes.iter().any(|(have, _)| *have == c)
        {
            offer.routes.push((c, m.id.clone()));
            offer.routes.sort();
            offer.method.channels.push(c);
            offer.method.channels.sort();
        }
        if rank(kind) < rank(offer.method.kind) {
            offer.method.method_id = method.method_id;
            offer.method.kind = kind;
            offer.method.hint = method.hint;
        }
    }
    offers
}

/// The username as typed (trimmed, at most [`Username::MAX`] characters) and the key flows and
/// limits are counted by: a valid username's key, else the text in lower case, so that a name
/// that cannot exist still gets a decoy flow and hits the limits like any other.
pub fn typed_username(raw: &str) -> (String, String) {
    let typed: String = raw.trim().chars().take(Username::MAX).collect();
    let key = Username::parse(&typed, "username")
        .map(|u| u.key().to_owned())
        .unwrap_or_else(|_| typed.to_lowercase());
    (typed, key)
}

pub async fn start(
    ctx: &Ctx,
    meta: &RequestMeta,
    req: StartRequest,
) -> Result<StartResponse, Error> {
    let captcha = crate::captcha::verify(ctx, meta, &req.captcha).await?;
    let (typed, key) = typed_username(&req.username);
    if key.is_empty() {
        return Err(Error::validation(
            "username",
            FieldCode::Required,
            "enter your username",
        ));
    }
    let now = ctx.now();
    // Real and unknown usernames make the same calls and run the same queries, so that the
    // time taken says little.
    let user = ctx.directory.find_by_login(&typed).await?;
    let id = user.as_ref().map(|u| u.id.clone()).unwrap_or_default();
    let groups = ctx.directory.groups_of(&id).await?;
    let census = ctx.census.clone();
    let (policy, found, census) = ctx
        .store
        .read(move |conn| {
            let policy_c = crate::policy::service::current_on(conn)?.policy;
            let rows = store::methods::for_user(conn, &id)?;
            let answers = store::methods::answers(conn, &id)?.len();
            let found = user.map(|u| {
                let is_admin = u.is_admin;
                let offered: Vec<OfferedMethod> = offerable(&policy_c, &u, &rows, answers, now)
                    .into_iter()
                    .map(|o| o.method)
                    .collect();
                let scoped = in_scope(&policy_c, is_admin, &groups);
                (u, offered, scoped)
            });
            let census = census.get(conn, now)?;
            Ok((policy_c, found, census))
        })
        .await?;
    let eligibility = match found {
        None => Err("unknown_user"),
        Some((user, _, _)) if user.disabled => Err("disabled"),
        Some((_, _, false)) => Err("not_in_scope"),
        Some((user, offered, true)) => {
            let required = methods_required(&policy, user.is_admin);
            // Every entry is an independent factor (`offerable`).
            if (offered.len() as u32) < required {
                Err("not_registered")
            } else {
                Ok((user, offered, required))
            }
        }
    };
    let refusal = if req.purpose == Purpose::UnlockAccount && !policy.unlock_enabled {
        Some(Error::NotAllowed {
            code: ErrorCode::UnlockDisabled,
            detail: "unlocking without a reset is not enabled".into(),
        })
    } else if let Err(reason) = eligibility
        && policy.reveal_ineligible
    {
        Some(ineligible(reason, &policy))
    } else {
        None
    };
    if let Some(refusal) = refusal {
        // The solution is spent on a refusal too: one solution must not test many usernames.
        ctx.store.write(move |conn| captcha.consume(conn)).await?;
        return Err(refusal);
    }
    let (user, offered, required, phantom, decoy_reason) = match eligibility {
        Ok((user, offered, required)) => (Some(user), offered, required, None, None),
        Err(reason) => {
            // The same offer a real person gets, made from the phantom of the typed name.
            let shape = phantom::Shape {
                policy: &policy,
                census: &census,
            };
            let phantom = phantom::Phantom::of(&ctx.secrets, &key, &shape, now);
            let person = phantom.person(&typed, now);
            let offered = offerable(
                &policy,
                &person.user,
                &person.rows,
                person.answers.len(),
                now,
            )
            .into_iter()
            .map(|o| o.method)
            .collect();
            let required = methods_required(&policy, phantom.is_admin);
            (None, offered, required, Some(phantom), Some(reason))
        }
    };
    let limits_cfg = ctx.config.recovery;
    let flow = FlowRow {
        id: Uuid::new_v4().to_string(),
        user_id: user.as_ref().map(|u| u.id.clone()),
        username_key: key.clone(),
        purpose: req.purpose.as_str().to_owned(),
        status: store::flows::ACTIVE.to_owned(),
        step: 0,
        methods_required: required as i32,
        methods_offered: serde_json::to_string(&offered)
            .map_err(|e| Error::internal(e.to_string()))?,
        methods_passed: "[]".to_owned(),
        questions_asked: None,
        failures: 0,
        created_at: ts(now),
        expires_at: ts(now + Duration::seconds(limits_cfg.flow_ttl_secs)),
        finished_at: None,
        is_admin: match (&user, &phantom) {
            (Some(u), _) => i32::from(u.is_admin),
            (None, Some(p)) => i32::from(p.is_admin),
            (None, None) => 0,
        },
        phantom: phantom
            .map(|p| serde_json::to_string(&p))
            .transpose()
            .map_err(|e| Error::internal(e.to_string()))?,
    };
    let (flow_c, meta_c, typed_c) = (flow.clone(), meta.clone(), typed.clone());
    let target_name = user.as_ref().map(|u| u.username.clone()).unwrap_or(typed_c);
    ctx.store
        .write(move |conn| {
            captcha.consume(conn)?;
            let ip = limits::address_key(meta_c.ip);
            limits::hit(
                conn,
                &format!("flow-start-ip:{ip}"),
                Duration::minutes(15),
                limits_cfg.starts_per_ip,
                now,
            )?;
            limits::hit(
                conn,
                &format!("flow-start-user:{}", flow_c.username_key),
                Duration::hours(24),
                limits_cfg.starts_per_account,
                now,
            )?;
            limits::check(
                conn,
                &failure_bucket(&flow_c.username_key),
                Duration::hours(limits_cfg.account_block_hours),
                limits_cfg.account_failures_per_day,
                now,
            )?;
            // A new flow makes every older flow of the person worthless. A decoy runs the same
            // statement with an id that matches nothing: skipping it made unknown usernames
            // measurably faster (bench/timing.py).
            store::flows::supersede_for_user(conn, flow_c.user_id.as_deref().unwrap_or(""), None)?;
            store::flows::insert(conn, &flow_c)?;
            let target = Party {
                id: flow_c.user_id.clone(),
                name: Some(target_name),
            };
            let event = Event::new(audit::kind::RECOVERY_STARTED, target.clone())
                .target(target)
                .details(serde_json::json!({
                    "flow_id": flow_c.id,
                    "purpose": flow_c.purpose,
                    "decoy": decoy_reason,
                }));
            audit::record(conn, now, &meta_c, event)
        })
        .await?;
    let (flow_token, expires_at) = token::issue(ctx, &flow, now)?;
    Ok(StartResponse {
        flow_id: Uuid::parse_str(&flow.id).map_err(|e| Error::internal(e.to_string()))?,
        flow_token,
        expires_at,
        methods_required: required,
        methods: offered,
    })
}

/// The flow row, if `step` is its current step and it still accepts requests.
fn live(conn: &mut DbConn, flow_id: Uuid, step: i64, now: DateTime<Utc>) -> Result<FlowRow, Error> {
    let flow = store::flows::find(conn, &flow_id.to_string())?.ok_or(Error::Unauthenticated)?;
    if flow.step != step {
        // An older token (or one from before a verification): it is worthless now.
        return Err(Error::Unauthenticated);
    }
    match flow.status.as_str() {
        store::flows::ACTIVE if utc(flow.expires_at) > now => Ok(flow),
        store::flows::ACTIVE => Err(Error::conflict(
            ErrorCode::FlowExpired,
            "this reset has expired; start again",
        )),
        store::flows::LOCKED => Err(Error::conflict(
            ErrorCode::FlowLocked,
            "too many failed attempts; start again later",
        )),
        _ => Err(Error::conflict(
            ErrorCode::FlowFinished,
            "this reset is over; start again if you need to",
        )),
    }
}

fn offered_of(flow: &FlowRow) -> Vec<OfferedMethod> {
    serde_json::from_str(&flow.methods_offered).unwrap_or_default()
}

fn passed_of(flow: &FlowRow) -> Vec<Uuid> {
    serde_json::from_str(&flow.methods_passed).unwrap_or_default()
}

/// Refuses when the account's self-service is blocked after repeated failures.
fn not_blocked(
    ctx: &Ctx,
    conn: &mut DbConn,
    flow: &FlowRow,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let cfg = ctx.config.recovery;
    limits::check(
        conn,
        &failure_bucket(&flow.username_key),
        Duration::hours(cfg.account_block_hours),
        cfg.account_failures_per_day,
        now,
    )
}

/// The method of the request, offered by this flow and not yet passed.
fn pick(flow: &FlowRow, method_id: Uuid) -> Result<OfferedMethod, Error> {
    let method = offered_of(flow)
        .into_iter()
        .find(|m| m.method_id == method_id)
        .ok_or_else(|| {
            Error::validation(
                "method_id",
                FieldCode::NotOffered,
                "this method is not one of this reset's methods",
            )
        })?;
    if passed_of(flow).contains(&method_id) {
        return Err(Error::conflict(
            ErrorCode::MethodAlreadyPassed,
            "this method was already verified; choose another",
        ));
    }
    Ok(method)
}

/// Counts a failed verification: in the flow (which locks past the limit) and for the account
/// (which blocks self-service past the daily limit).
fn record_failure(
    ctx: &Ctx,
    conn: &mut DbConn,
    flow: &FlowRow,
    kind: MethodKind,
    meta: &RequestMeta,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let failures = store::flows::count_failure(conn, &flow.id)?;
    ctx.metrics.recovery(kind.as_str(), "failed");
    limits::record(conn, &failure_bucket(&flow.username_key), now)?;
    let party = Party {
        id: flow.user_id.clone(),
        name: Some(flow.username_key.clone()),
    };
    let event = Event::new(audit::kind::RECOVERY_VERIFY_FAILED, party.clone())
        .target(party.clone())
        .failed()
        .details(serde_json::json!({ "flow_id": flow.id, "kind": kind.as_str(), "purpose": flow.purpose }));
    audit::record(conn, now, meta, event)?;
    if failures >= ctx.config.recovery.flow_max_failures {
        store::flows::lock(conn, &flow.id)?;
        let event = Event::new(audit::kind::RECOVERY_LOCKED, Party::system())
            .target(party)
            .failed()
            .details(serde_json::json!({ "flow_id": flow.id, "failures": failures }));
        audit::record(conn, now, meta, event)?;
    }
    Ok(())
}

/// The destination typed by the person, normalised as stored.
fn same_destination(kind: MethodKind, typed: &str, stored: &str) -> bool {
    match kind {
        MethodKind::Email => EmailAddress::parse(typed, "confirm")
            .is_ok_and(|e| e.as_str().eq_ignore_ascii_case(stored)),
        _ => PhoneNumber::parse(typed, "confirm").is_ok_and(|p| p.as_str() == stored),
    }
}

enum Send {
    Nothing,
    Code {
        channel: codes::Channel,
        destination: String,
        issued: codes::Issued,
        helpdesk: crate::policy::CustomizationPolicy,
    },
}

pub async fn challenge(
    ctx: &Ctx,
    meta: &RequestMeta,
    flow_token: &str,
    flow_id: Uuid,
    req: ChallengeRequest,
) -> Result<ChallengeResponse, Error> {
    let step = token::verify(ctx, flow_token, flow_id)?;
    let now = ctx.now();
    let real = directory_person(ctx, flow_id).await?;
    let (ctx_c, meta_c) = (ctx.clone(), meta.clone());
    let outcome: Result<(ChallengeResponse, Send), Error> = ctx
        .store
        .write(move |conn| {
            // Read in the same trip to the database as the flow.
            let policy_c = crate::policy::service::current_on(conn)?.policy;
            let flow = live(conn, flow_id, step, now)?;
            not_blocked(&ctx_c, conn, &flow, now)?;
            let method = pick(&flow, req.method_id)?;
            // Checked against what the start answer offered, for decoys and real people alike.
            if let Some(channel) = req.channel
                && !method.channels.contains(&channel)
            {
                return Err(Error::validation(
                    "channel",
                    FieldCode::ChannelNotAvailable,
                    "this method cannot send a code that way",
                ));
            }
            let needs_confirm = policy_c.confirm_full_destination
                && matches!(
                    method.kind,
                    MethodKind::Email
                        | MethodKind::MobileSms
                        | MethodKind::MobileVoice
                        | MethodKind::OfficeVoice
                );
            let party = Party {
                id: flow.user_id.clone(),
                name: Some(flow.username_key.clone()),
            };
            let audit_sent = |conn: &mut DbConn| {
                let event = Event::new(audit::kind::RECOVERY_CHALLENGE_SENT, party.clone())
                    .target(party.clone())
                    .details(
                        serde_json::json!({ "flow_id": flow.id, "kind": method.kind.as_str() }),
                    );
                audit::record(conn, now, &meta_c, event)
            };
            // The method as it stands now (still active, allowed and past the cool-down), and the
            // stored method behind the channel asked for.
            let unavailable = || {
                Error::conflict(
                    ErrorCode::MethodUnavailable,
                    "this method changed since the reset started; start again",
                )
            };
            let person = person_of(conn, &flow, real, now)?.ok_or_else(unavailable)?;
            let offer = offerable(
                &policy_c,
                &person.user,
                &person.rows,
                person.answers.len(),
                now,
            )
            .into_iter()
            .find(|o| o.method.method_id == method.method_id)
            .ok_or_else(unavailable)?;
            let route = match req.channel {
                None => offer.routes.first().cloned(),
                Some(asked) => Some(
                    offer
                        .routes
                        .iter()
                        .find(|(have, _)| *have == asked)
                        .cloned()
                        .ok_or_else(unavailable)?,
                ),
            };
            let row_id = route
                .as_ref()
                .map_or_else(|| method.method_id.to_string(), |(_, id)| id.clone());
            let row = person
                .rows
                .iter()
                .find(|r| r.id == row_id)
                .cloned()
                .ok_or_else(unavailable)?;
            if needs_confirm {
                let stored = row.destination.clone().unwrap_or_default();
                if !req
                    .confirm
                    .as_deref()
                    .is_some_and(|typed| same_destination(method.kind, typed, &stored))
                {
                    record_failure(&ctx_c, conn, &flow, method.kind, &meta_c, now)?;
                    return Ok(Err(mismatch()));
                }
            }
            let result = match method.kind {
                MethodKind::SecurityQuestions => {
                    let catalogue = questions::catalogue(&policy_c);
                    let registered: Vec<String> = person
                        .answers
                        .iter()
                        .filter(|id| catalogue.iter().any(|q| &q.question_id == *id))
                        .cloned()
                        .collect();
                    let answered = ask_questions(conn, &flow, registered, &policy_c)?;
                    let asked = catalogue
                        .into_iter()
                        .filter(|q| answered.contains(&q.question_id))
                        .collect();
                    (
                        ChallengeResponse {
                            expires_in: None,
                            resend_after: None,
                            questions: Some(asked),
                        },
                        Send::Nothing,
                    )
                }
                MethodKind::AuthenticatorApp => (
                    ChallengeResponse {
                        expires_in: None,
                        resend_after: None,
                        questions: None,
                    },
                    Send::Nothing,
                ),
                _ => {
                    let m = parse_kind(&row.kind).map(methods::registry);
                    let (Some(m), Some((channel, _))) = (m, route) else {
                        return Err(Error::internal("code method without channel"));
                    };
                    let destination = row.destination.clone().unwrap_or_default();
                    // Kept under the offered method, whichever channel carries it: switching
                    // from text to call is a resend, spaced and counted like one.
                    let issued = codes::issue(
                        conn,
                        &ctx_c.config.codes,
                        &ctx_c.secrets,
                        &codes::Issue {
                            user_id: &person.user.id,
                            method_id: &method.method_id.to_string(),
                            purpose: &purpose_key(&flow.id),
                            channel,
                            destination: &destination,
                            digits: m.code_length(),
                            keep_tries: true,
                            phantom: person.phantom,
                        },
                        now,
                    )?;
                    let response = ChallengeResponse {
                        expires_in: Some(issued.expires_in),
                        resend_after: Some(issued.resend_after),
                        questions: None,
                    };
                    (
                        response,
                        Send::Code {
                            channel,
                            destination,
                            issued,
                            helpdesk: policy_c.customization.clone(),
                        },
                    )
                }
            };
            audit_sent(conn)?;
            Ok(Ok(result))
        })
        .await?;
    let (response, send) = outcome?;
    if let Send::Code {
        channel,
        destination,
        issued,
        helpdesk,
    } = send
    {
        codes::send_in_background(ctx, &helpdesk, channel, destination, issued);
    }
    Ok(response)
}

/// The questions to ask now: the ones already asked in this flow when no attempt was made since
/// (asking again must not re-roll them for free, or an attacker would keep asking until only
/// the easiest came up), else a random `reset_count` of `candidates`, recorded in the row.
fn ask_questions(
    conn: &mut DbConn,
    flow: &FlowRow,
    mut candidates: Vec<String>,
    policy: &Policy,
) -> Result<Vec<String>, Error> {
    let asked: Vec<String> = flow
        .questions_asked
        .as_deref()
        .and_then(|q| serde_json::from_str(q).ok())
        .unwrap_or_default();
    if !asked.is_empty() {
        return Ok(asked);
    }
    candidates.shuffle(&mut rand::rng());
    candidates.truncate(policy.security_questions.reset_count as usize);
    let json = serde_json::to_string(&candidates).map_err(|e| Error::internal(e.to_string()))?;
    store::flows::set_questions(conn, &flow.id, Some(&json))?;
    Ok(candidates)
}

fn mismatch() -> Error {
    Error::Validation(vec![FieldError::new(
        "confirm",
        FieldCode::DestinationMismatch,
        "that is not the address or number on file",
    )])
}

pub async fn verify(
    ctx: &Ctx,
    meta: &RequestMeta,
    flow_token: &str,
    flow_id: Uuid,
    req: VerifyRequest,
) -> Result<VerifyResponse, Error> {
    let step = token::verify(ctx, flow_token, flow_id)?;
    let now = ctx.now();
    // Security answers are checked with argon2 before the transaction (hashing must not hold a
    // database lock); the transaction then re-checks the step before recording anything.
    let method_id = req.method_id;
    let (flow, method) = ctx
        .store
        .read(move |conn| {
            let flow = live(conn, flow_id, step, now)?;
            let method = pick(&flow, method_id)?;
            Ok((flow, method))
        })
        .await?;
    let answers_ok = match method.kind {
        MethodKind::SecurityQuestions => Some(
            check_answers(
                ctx,
                &flow,
                person_id(&flow)?.as_deref(),
                req.answers.as_deref().unwrap_or(&[]),
            )
            .await?,
        ),
        _ => None,
    };
    let real = match &flow.user_id {
        Some(id) => ctx.directory.get(id).await?,
        None => None,
    };
    let (ctx_c, meta_c) = (ctx.clone(), meta.clone());
    let code = req.code.clone().unwrap_or_default();
    let verdict: Result<(FlowRow, usize), Error> = ctx
        .store
        .write(move |conn| {
            let flow = live(conn, flow_id, step, now)?;
            not_blocked(&ctx_c, conn, &flow, now)?;
            let method = pick(&flow, method_id)?;
            let row = person_of(conn, &flow, real, now)?.and_then(|p| {
                p.rows
                    .into_iter()
                    .find(|m| m.id == method_id.to_string() && m.status == ACTIVE)
            });
            let failure: Option<Error> = match (method.kind, row) {
                (_, None) => {
                    return Err(Error::conflict(
                        ErrorCode::MethodUnavailable,
                        "this method changed since the reset started; start again",
                    ));
                }
                (MethodKind::SecurityQuestions, _) => {
                    // Reshuffled after every attempt, right or wrong.
                    store::flows::set_questions(conn, &flow.id, None)?;
                    answers_ok
                        .and_then(|verdict| verdict.err())
                        .map(|r| Error::refused(r, None))
                }
                (MethodKind::AuthenticatorApp, Some(row)) => {
                    authenticator::prove(conn, &ctx_c.secrets, &row, &code, now)?
                        .err()
                        .map(|r| Error::refused(r, None))
                }
                (_, Some(row)) => codes::check(
                    conn,
                    &ctx_c.secrets,
                    &row.id,
                    &purpose_key(&flow.id),
                    &code,
                    now,
                )?
                .into_error(),
            };
            if let Some(error) = failure {
                record_failure(&ctx_c, conn, &flow, method.kind, &meta_c, now)?;
                return Ok(Err(error));
            }
            let mut passed = passed_of(&flow);
            passed.push(method.method_id);
            let json = serde_json::to_string(&passed).map_err(|e| Error::internal(e.to_string()))?;
            if !store::flows::advance(conn, &flow.id, step, &json)? {
                return Err(Error::conflict(ErrorCode::FlowChanged, "this reset moved on in another request"));
            }
            let party = Party { id: flow.user_id.clone(), name: Some(flow.username_key.clone()) };
            let event = Event::new(audit::kind::RECOVERY_VERIFIED, party.clone())
                .target(party)
                .details(serde_json::json!({ "flow_id": flow.id, "kind": method.kind.as_str(), "purpose": flow.purpose }));
            audit::record(conn, now, &meta_c, event)?;
            // The row as `advance` left it (it won the conditional update, so nothing else
            // changed it in between); no need to read it back.
            let mut flow = flow;
            flow.step = step + 1;
            flow.methods_passed = json;
            Ok(Ok((flow, passed.len())))
        })
        .await?;
    let (flow, passed) = verdict?;
    ctx.metrics.recovery(method.kind.as_str(), "verified");
    let (flow_token, _) = token::issue(ctx, &flow, now)?;
    let required = flow.methods_required.max(0) as usize;
    Ok(VerifyResponse {
        flow_token,
        methods_passed: passed as u32,
        methods_remaining: required.saturating_sub(passed) as u32,
    })
}

/// Whether the answers are exactly for the questions asked and every one matches. A phantom
/// has no stored answers: the same query finds none, and each answer is verified against the
/// dummy hash (one argon2 verification, as for a real person) and never matches (SECURITY.md 2).
async fn check_answers(
    ctx: &Ctx,
    flow: &FlowRow,
    user_id: Option<&str>,
    given: &[crate::registration::enroll::SecurityAnswer],
) -> Result<Result<(), Refusal>, Error> {
    let asked: Vec<String> = flow
        .questions_asked
        .as_deref()
        .and_then(|q| serde_json::from_str(q).ok())
        .unwrap_or_default();
    let given_ids: HashSet<&str> = given.iter().map(|a| a.question_id.as_str()).collect();
    if asked.is_empty()
        || given.len() != asked.len()
        || asked.iter().any(|q| !given_ids.contains(q.as_str()))
    {
        return Ok(Err(Refusal::QuestionsNotAsked));
    }
    let id = user_id.unwrap_or_default().to_owned();
    let stored = ctx
        .store
        .read(move |conn| store::methods::answers(conn, &id))
        .await?;
    let mut all = user_id.is_some();
    for answer in given {
        let row = stored.iter().find(|r| r.question_id == answer.question_id);
        let normalised = questions::normalise_answer(&answer.answer);
        let password = crate::password::Password::parse(&normalised, "answer")?;
        // Every answer is checked even after a miss, so the time taken does not say which one;
        // one without a stored answer is checked against the dummy hash and never matches.
        all &= ctx
            .hasher
            .verify(&password, row.map(|r| r.answer_hash.as_str()))
            .await?
            .matches;
    }
    Ok(if all {
        Ok(())
    } else {
        Err(Refusal::WrongAnswers)
    })
}

/// The flow, its person and the kinds passed, when it may finish for `purpose`.
async fn finishable(
    ctx: &Ctx,
    flow_token: &str,
    flow_id: Uuid,
    purpose: Purpose,
) -> Result<(i64, FlowRow, DirPerson, Vec<MethodKind>, Policy), Error> {
    let step = token::verify(ctx, flow_token, flow_id)?;
    let now = ctx.now();
    let (flow, kinds, policy) = ctx
        .store
        .read(move |conn| {
            let flow = live(conn, flow_id, step, now)?;
            let policy = crate::policy::service::current_on(conn)?.policy;
            if flow.purpose != purpose.as_str() {
                return Err(Error::conflict(
                    ErrorCode::WrongPurpose,
                    "this flow was started for the other purpose",
                ));
            }
            let passed = passed_of(&flow);
            if (passed.len() as i32) < flow.methods_required {
                return Err(Error::NotAllowed {
                    code: ErrorCode::VerificationIncomplete,
                    detail: format!(
                        "verify {} method(s) first",
                        flow.methods_required - passed.len() as i32
                    )
                    .into(),
                });
            }
            let kinds = offered_of(&flow)
                .into_iter()
                .filter(|m| passed.contains(&m.method_id))
                .map(|m| m.kind)
                .collect();
            Ok((flow, kinds, policy))
        })
        .await?;
    let user_id = flow.user_id.clone().ok_or(Error::Unauthenticated)?;
    let person = ctx
        .directory
        .get(&user_id)
        .await?
        .ok_or(Error::Unauthenticated)?;
    Ok((step, flow, person, kinds, policy))
}

/// Why a flow that was verified can no longer finish, re-checked when it is claimed: the person
/// was disabled, promoted or demoted, or a passed method is no longer active (removed,
/// replaced, or re-registration required) since the flow began.
fn changed_since_start(
    conn: &mut DbConn,
    flow: &FlowRow,
    person: &DirPerson,
) -> Result<Option<&'static str>, Error> {
    if person.disabled {
        return Ok(Some("disabled"));
    }
    if i32::from(person.is_admin) != flow.is_admin {
        return Ok(Some("role_changed"));
    }
    for id in passed_of(flow) {
        let active = store::methods::find(conn, &person.id, &id.to_string())?
            .is_some_and(|m| m.status == ACTIVE);
        if !active {
            return Ok(Some("methods_changed"));
        }
    }
    Ok(None)
}

/// Claims a verified flow for finishing, in the caller's transaction: one conditional update,
/// so that exactly one of any number of racing finishes wins. A flow whose account changed
/// since it began ends here instead: `Ok(Some(answer))`, audited, to be committed.
fn claim(
    conn: &mut DbConn,
    now: DateTime<Utc>,
    meta: &RequestMeta,
    (flow, step): (&FlowRow, i64),
    person: &DirPerson,
    over: &'static str,
) -> Result<Option<Error>, Error> {
    if !store::flows::finish(conn, &flow.id, step, ts(now))? {
        return Err(Error::conflict(ErrorCode::FlowFinished, over));
    }
    let Some(reason) = changed_since_start(conn, flow, person)? else {
        return Ok(None);
    };
    let party = Party::named(&person.id, &person.username);
    let event = Event::new(audit::kind::RECOVERY_ENDED, party.clone())
        .target(party)
        .failed()
        .details(serde_json::json!({ "flow_id": flow.id, "reason": reason }));
    audit::record(conn, now, meta, event)?;
    Ok(Some(Error::conflict(
        ErrorCode::FlowEnded,
        "the account changed since this reset began; start again",
    )))
}

/// What a finish committed before asking the directory: the claimed flow and the notices held
/// until the directory answers.
struct Claimed {
    flow_id: String,
    step: i64,
    held: Vec<String>,
}

/// The directory took the change: the held notices go out now (were this not written, they
/// would go when their hold ends).
async fn confirm(ctx: &Ctx, claimed: Claimed) {
    let now = ctx.now();
    let held = claimed.held;
    if let Err(e) = ctx
        .store
        .write(move |conn| outbox::release_held(conn, &held, now))
        .await
    {
        tracing::warn!(error = %e, flow = %claimed.flow_id, "held notices wait for their hold to end");
    }
}

/// The directory did not take the change: the claim is released (the flow is open again at the
/// same step, so the person may retry with the same token), the held notices are dropped, the
/// failure is audited, and the directory's error answered. Sessions ended at the claim stay
/// ended.
async fn undo(
    ctx: &Ctx,
    meta: &RequestMeta,
    claimed: Claimed,
    person: &DirPerson,
    error: Error,
) -> Error {
    let now = ctx.now();
    let (party, meta) = (Party::named(&person.id, &person.username), meta.clone());
    let reason = error.problem_code().as_str();
    tracing::warn!(error = %error, flow = %claimed.flow_id, "the directory did not take a finish");
    let undone = ctx
        .store
        .write(move |conn| {
            store::flows::release(conn, &claimed.flow_id, claimed.step)?;
            outbox::cancel_held(conn, &claimed.held)?;
            let event = Event::new(audit::kind::RECOVERY_DIRECTORY_FAILED, party.clone())
                .target(party)
                .failed()
                .details(serde_json::json!({ "flow_id": claimed.flow_id, "code": reason }));
            audit::record(conn, now, &meta, event)
        })
        .await;
    if let Err(e) = undone {
        tracing::error!(error = %e, "a claimed flow could not be released");
    }
    error
}

fn stamp(now: DateTime<Utc>) -> String {
    now.format("%Y-%m-%d %H:%M UTC").to_string()
}

/// Queues a notice to `to` at the address in the directory (never one from the request), held
/// until the directory has taken the change; returns its outbox id.
fn tell(
    ctx: &Ctx,
    conn: &mut DbConn,
    policy: &Policy,
    to: &DirPerson,
    what: &str,
    text: &str,
    now: DateTime<Utc>,
) -> Result<String, Error> {
    let message = templates::notice(
        &ctx.config.organization_name,
        &to.email,
        &to.display_name,
        what,
        text,
        None,
        &policy.customization,
    );
    outbox::enqueue_held(conn, now, &message)
}

fn kinds_json(kinds: &[MethodKind]) -> serde_json::Value {
    serde_json::json!(kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>())
}

/// Finishes a reset. One transaction claims the flow and records what the reset does (every
/// session issued before it ends, the audit row, the notices, held); then the directory is
/// asked, outside any transaction; then the notices go out — or, when the directory did not take
/// the password, the claim is released ([`undo`]). A failure before the directory is asked rolls
/// everything back and the directory is never asked.
pub async fn reset_password(
    ctx: &Ctx,
    meta: &RequestMeta,
    flow_token: &str,
    flow_id: Uuid,
    req: NewPasswordRequest,
) -> Result<FinishResponse, Error> {
    let (step, flow, person, kinds, policy) =
        finishable(ctx, flow_token, flow_id, Purpose::ResetPassword).await?;
    let password = crate::directory::passwords::vet(
        ctx,
        &policy.password,
        &person,
        &req.new_password,
        "new_password",
    )
    .await?;
    let others = if person.is_admin && policy.notifications.notify_admins_on_admin_reset {
        ctx.directory.administrators().await?
    } else {
        Vec::new()
    };
    let now = ctx.now();
    let (ctx_c, meta_c, person_c) = (ctx.clone(), meta.clone(), person.clone());
    let claimed: Result<Claimed, Error> = ctx.store
        .write(move |conn| {
            let over = "this reset is over; start again if you need to";
            if let Some(ended) = claim(conn, now, &meta_c, (&flow, step), &person_c, over)? {
                return Ok(Err(ended));
            }
            let person = person_c;
            // Every session issued before the reset ends; the reset itself signs nobody in.
            store::accounts::end_sessions(conn, &person.id, ts(now))?;
            store::flows::supersede_for_user(conn, &person.id, None)?;
            let party = Party::named(&person.id, &person.username);
            let event = Event::new(audit::kind::RECOVERY_PASSWORD_RESET, party.clone())
                .target(party)
                .details(serde_json::json!({ "flow_id": flow.id, "methods": kinds_json(&kinds) }));
            audit::record(conn, now, &meta_c, event)?;
            let mut held = Vec::new();
            if policy.notifications.notify_user_on_reset {
                let text = format!("The password of your account was reset on {} using self-service password reset.", stamp(now));
                held.push(tell(&ctx_c, conn, &policy, &person, "password was reset", &text, now)?);
            }
            for other in others.iter().filter(|a| a.id != person.id) {
                let text = format!("The administrator {} reset their password on {} using self-service password reset.", person.username, stamp(now));
                held.push(tell(&ctx_c, conn, &policy, other, "administrator reset their password", &text, now)?);
            }
            for kind in &kinds {
                ctx_c.metrics.recovery(kind.as_str(), "password_reset");
            }
            Ok(Ok(Claimed { flow_id: flow.id, step, held }))
        })
        .await?;
    let claimed = claimed?;
    if let Err(e) = ctx
        .directory
        .set_password(&person.id, &password, PasswordChange::ByReset)
        .await
    {
        return Err(undo(ctx, meta, claimed, &person, e).await);
    }
    let id = person.id.clone();
    // A password set by an administrator no longer needs changing (if this is not written, the
    // person is asked to change it once more: the safe side).
    if let Err(e) = ctx
        .store
        .write(move |conn| store::accounts::set_must_change(conn, &id, false, ts(now)))
        .await
    {
        tracing::warn!(error = %e, "the must-change flag could not be cleared after a reset");
    }
    confirm(ctx, claimed).await;
    Ok(FinishResponse {
        status: FinishStatus::PasswordReset,
    })
}

/// Finishes an unlock: claim and record, unlock in the directory, then send (as a reset).
pub async fn unlock(
    ctx: &Ctx,
    meta: &RequestMeta,
    flow_token: &str,
    flow_id: Uuid,
) -> Result<FinishResponse, Error> {
    let (step, flow, person, kinds, policy) =
        finishable(ctx, flow_token, flow_id, Purpose::UnlockAccount).await?;
    if !policy.unlock_enabled {
        return Err(Error::NotAllowed {
            code: ErrorCode::UnlockDisabled,
            detail: "unlocking without a reset is not enabled".into(),
        });
    }
    let now = ctx.now();
    let (ctx_c, meta_c, person_c) = (ctx.clone(), meta.clone(), person.clone());
    let claimed: Result<Claimed, Error> = ctx.store
        .write(move |conn| {
            let over = "this flow is over; start again if you need to";
            if let Some(ended) = claim(conn, now, &meta_c, (&flow, step), &person_c, over)? {
                return Ok(Err(ended));
            }
            let person = person_c;
            store::flows::supersede_for_user(conn, &person.id, None)?;
            let party = Party::named(&person.id, &person.username);
            let event = Event::new(audit::kind::RECOVERY_ACCOUNT_UNLOCKED, party.clone())
                .target(party)
                .details(serde_json::json!({ "flow_id": flow.id, "methods": kinds_json(&kinds) }));
            audit::record(conn, now, &meta_c, event)?;
            let mut held = Vec::new();
            if policy.notifications.notify_user_on_reset {
                let text = format!("Your account was unlocked on {} using self-service password reset. Your password did not change.", stamp(now));
                held.push(tell(&ctx_c, conn, &policy, &person, "account was unlocked", &text, now)?);
            }
            for kind in &kinds {
                ctx_c.metrics.recovery(kind.as_str(), "unlocked");
            }
            Ok(Ok(Claimed { flow_id: flow.id, step, held }))
        })
        .await?;
    let claimed = claimed?;
    if let Err(e) = ctx.directory.unlock(&person.id).await {
        return Err(undo(ctx, meta, claimed, &person, e).await);
    }
    confirm(ctx, claimed).await;
    Ok(FinishResponse {
        status: FinishStatus::Unlocked,
    })
}
