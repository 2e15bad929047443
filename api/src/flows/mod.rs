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

mod challenge;
mod finish;
pub mod limits;
pub mod machine;
mod model;
mod offer;
pub mod phantom;
mod start;
#[cfg(test)]
mod tests;
pub mod token;
mod verify;

pub use challenge::challenge;
pub use finish::{reset_password, unlock};
pub use model::*;
use offer::{directory_person, offerable, person_of, worth};
pub use start::start;
pub use verify::{prove_passkey, verify};

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};
use rand::seq::SliceRandom as _;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::audit::{self, Event, EventKind, Party};
use crate::config::{CodeLimits, RecoveryLimits};
use crate::context::{Ctx, RequestMeta};
use crate::crypto::SecretBox;
use crate::delivery::notices::{self, Notice, Vars};
use crate::delivery::{outbox, templates};
use crate::directory::Username;
use crate::directory::{PasswordChange, Person as DirPerson};
use crate::error::{Error, ErrorCode, FieldCode, FieldError, Refusal};
use crate::i18n::Lang;
use crate::methods::passkey::{self, RelyingParty};
use crate::methods::{self, Proof, authenticator, codes, parse_kind, questions, recovery_codes};
use crate::policy::{MethodKind, Policy};
use crate::registration::{allowed_kinds, in_scope, methods_required};
use crate::store::ports::{Accounts, AuditLog, Flows, Limits, Methods, Outbox, Tx};
use crate::store::{self, flows::FlowRow, methods::ACTIVE, ts, utc};

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

    fn of(stored: &str) -> Option<Self> {
        [Self::ResetPassword, Self::UnlockAccount]
            .into_iter()
            .find(|p| p.as_str() == stored)
    }
}

/// What a step's rules need besides storage: the limits, the keys, the metrics and who is
/// asking. Built from the context for each request (a test builds its own), so that a step's
/// transaction runs on any storage (`store::ports`), the database or memory.
pub struct Rules<'a> {
    /// The organisation's name, for notices.
    pub org: &'a str,
    pub recovery: &'a RecoveryLimits,
    pub codes: &'a CodeLimits,
    pub secrets: &'a SecretBox,
    pub metrics: &'a crate::metrics::Metrics,
    pub meta: &'a RequestMeta,
    /// The passkeys' relying party, when passkeys can be used.
    pub passkeys: Option<&'a RelyingParty>,
}

impl<'a> Rules<'a> {
    pub fn of(ctx: &'a Ctx, meta: &'a RequestMeta) -> Self {
        Self {
            org: &ctx.config.organization_name,
            recovery: &ctx.config.recovery,
            codes: &ctx.config.codes,
            secrets: &ctx.secrets,
            metrics: &ctx.metrics,
            meta,
            passkeys: ctx.passkeys.as_deref(),
        }
    }
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

/// The row as the state machine sees it.
fn state_of(flow: &FlowRow) -> Result<machine::Flow, Error> {
    let unreadable = || Error::internal("unreadable flow row");
    Ok(machine::Flow {
        status: machine::Status::of(&flow.status).ok_or_else(unreadable)?,
        step: flow.step,
        purpose: Purpose::of(&flow.purpose).ok_or_else(unreadable)?,
        required: usize::try_from(flow.methods_required).unwrap_or(0),
        offered: offered_of(flow).iter().map(|m| m.method_id).collect(),
        doubles: offered_of(flow)
            .iter()
            .filter(|m| m.counts >= 2)
            .map(|m| m.method_id)
            .collect(),
        passed: passed_of(flow),
        expires_at: utc(flow.expires_at),
    })
}

/// [`live`], with the current policy read in the same statement.
fn live_with_policy(
    conn: &mut store::DbConn,
    flow_id: Uuid,
    step: i64,
    now: DateTime<Utc>,
) -> Result<(FlowRow, Policy), Error> {
    let (flow, document) = store::flows::find_with_policy(conn, &flow_id.to_string())?
        .ok_or(Error::Unauthenticated)?;
    machine::transition(&state_of(&flow)?, machine::Event::Enter { step }, now)?;
    Ok((
        flow,
        crate::policy::service::of_document(document.as_deref())?,
    ))
}

/// The flow row, if `step` is its current step and it still accepts requests (an older token,
/// or one from before a verification, is worthless).
fn live(
    conn: &mut impl Flows,
    flow_id: Uuid,
    step: i64,
    now: DateTime<Utc>,
) -> Result<FlowRow, Error> {
    let flow = conn
        .flow(&flow_id.to_string())?
        .ok_or(Error::Unauthenticated)?;
    machine::transition(&state_of(&flow)?, machine::Event::Enter { step }, now)?;
    Ok(flow)
}

fn offered_of(flow: &FlowRow) -> Vec<OfferedMethod> {
    serde_json::from_str(&flow.methods_offered).unwrap_or_default()
}

fn passed_of(flow: &FlowRow) -> Vec<Uuid> {
    serde_json::from_str(&flow.methods_passed).unwrap_or_default()
}

/// Refuses when the account's self-service is blocked after repeated failures.
fn not_blocked(
    cfg: &RecoveryLimits,
    conn: &mut impl Limits,
    flow: &FlowRow,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    limits::decide(conn, &[block_limit(cfg, flow)], now)
}

/// The limit behind [`not_blocked`]: failures of the account within the block's hours.
fn block_limit(cfg: &RecoveryLimits, flow: &FlowRow) -> limits::Limit {
    limits::Limit {
        bucket: failure_bucket(&flow.username_key),
        window: Duration::hours(cfg.account_block_hours),
        max: cfg.account_failures_per_day,
        record: false,
    }
}

/// The method of the request, offered by this (live) flow and not yet passed.
fn pick(flow: &FlowRow, method_id: Uuid, now: DateTime<Utc>) -> Result<OfferedMethod, Error> {
    let attempt = machine::Event::Attempt {
        step: flow.step,
        method: method_id,
    };
    machine::transition(&state_of(flow)?, attempt, now)?;
    offered_of(flow)
        .into_iter()
        .find(|m| m.method_id == method_id)
        .ok_or_else(|| Error::from(machine::Refusal::NotOffered))
}

/// Counts a failed verification: in the flow (which locks past the limit) and for the account
/// (which blocks self-service past the daily limit).
fn record_failure(
    rules: &Rules<'_>,
    conn: &mut (impl Flows + Limits + AuditLog),
    flow: &FlowRow,
    kind: MethodKind,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let meta = rules.meta;
    let counted = conn.count_flow_failure(&flow.id)?;
    rules.metrics.recovery(kind.as_str(), "failed");
    limits::record(conn, &failure_bucket(&flow.username_key), now)?;
    let party = Party {
        id: flow.user_id.clone(),
        name: Some(flow.username_key.clone()),
    };
    let event = Event::new(EventKind::RecoveryVerifyFailed, party.clone())
        .target(party.clone())
        .failed()
        .details(serde_json::json!({ "flow_id": flow.id, "kind": kind.as_str(), "purpose": flow.purpose }));
    audit::record(conn, now, meta, event)?;
    let failed = machine::Event::Failed {
        counted: u32::try_from(counted).unwrap_or(0),
        max: u32::try_from(rules.recovery.flow_max_failures).unwrap_or(0),
    };
    let (_, effects) = machine::transition(&state_of(flow)?, failed, now)?;
    for effect in effects {
        if let machine::Effect::Locked { failures } = effect {
            conn.lock_flow(&flow.id)?;
            let event = Event::new(EventKind::RecoveryLocked, Party::system())
                .target(party.clone())
                .failed()
                .details(serde_json::json!({ "flow_id": flow.id, "failures": failures }));
            audit::record(conn, now, meta, event)?;
        }
    }
    Ok(())
}
