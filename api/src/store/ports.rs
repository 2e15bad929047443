//! The narrow interfaces domain code writes through inside a transaction: accounts, flows,
//! methods, codes, limits, audit and outbox, each a trait of the few operations the rules
//! need. [`DbConn`] implements them with the queries of this module's siblings (on SQLite and
//! PostgreSQL); [`super::memory::Memory`] implements them in memory, so the rules can be tested
//! without a database. A domain function names the interfaces it uses (`tx: &mut impl Flows +
//! Limits`), which is also what it can touch.
//!
//! Every conditional change keeps its meaning on every implementation: it changes the row only
//! when the condition holds and says whether it did, which is what lets exactly one of racing
//! requests win.

use chrono::NaiveDateTime;

use super::accounts::AccountRow;
use super::audit::AuditRow;
use super::ceremonies::Ceremony;
use super::codes::CodeRow;
use super::flows::FlowRow;
use super::methods::{AnswerRow, MethodRow};
use super::outbox::OutboxRow;
use super::{DbConn, accounts, audit, ceremonies, codes, flows, methods, outbox, rate};
use crate::error::Error;

/// Our accounts: the session epoch, the must-change flag.
pub trait Accounts {
    fn account(&mut self, id: &str) -> Result<Option<AccountRow>, Error>;
    /// Ends every session of the account (bumps its epoch).
    fn end_sessions(&mut self, id: &str, now: NaiveDateTime) -> Result<(), Error>;
    fn set_must_change(&mut self, id: &str, must: bool, now: NaiveDateTime) -> Result<(), Error>;
}

/// Recovery flows. Moving one forward is conditional on its step and status.
pub trait Flows {
    fn flow(&mut self, id: &str) -> Result<Option<FlowRow>, Error>;
    fn insert_flow(&mut self, row: &FlowRow) -> Result<(), Error>;
    /// An active flow at `step` goes to `step + 1` with these methods passed.
    fn advance_flow(&mut self, id: &str, step: i64, passed: &str) -> Result<bool, Error>;
    /// An active flow at `step` is finished (claimed).
    fn finish_flow(&mut self, id: &str, step: i64, now: NaiveDateTime) -> Result<bool, Error>;
    /// A flow [`Flows::finish_flow`] claimed at `step` is active at `step` again.
    fn release_flow(&mut self, id: &str, step: i64) -> Result<bool, Error>;
    /// Counts a failed verification; the flow's failures so far.
    fn count_flow_failure(&mut self, id: &str) -> Result<i32, Error>;
    /// An active flow is locked.
    fn lock_flow(&mut self, id: &str) -> Result<(), Error>;
    fn set_flow_questions(&mut self, id: &str, asked: Option<&str>) -> Result<(), Error>;
    /// Every active flow of a person but `except` is superseded.
    fn supersede_flows(&mut self, user_id: &str, except: Option<&str>) -> Result<usize, Error>;
    /// A new flow: every active flow of its person superseded, the flow written, `audit`
    /// appended (on PostgreSQL one statement).
    fn open_flow(&mut self, row: &FlowRow, audit: &AuditRow) -> Result<(), Error>
    where
        Self: AuditLog + Sized,
    {
        self.supersede_flows(row.user_id.as_deref().unwrap_or(""), None)?;
        self.insert_flow(row)?;
        self.append_audit(audit)
    }
}

/// Registered methods and security answers, as the flows read them.
pub trait Methods {
    fn methods_of(&mut self, user_id: &str) -> Result<Vec<MethodRow>, Error>;
    /// A method of this person (another person's method id finds nothing).
    fn method_of(&mut self, user_id: &str, id: &str) -> Result<Option<MethodRow>, Error>;
    fn answers_of(&mut self, user_id: &str) -> Result<Vec<AnswerRow>, Error>;
    fn method_data(&mut self, id: &str) -> Result<Option<String>, Error>;
    /// The method's data becomes `new` only if it is still `old`.
    fn replace_method_data(&mut self, id: &str, old: &str, new: &str) -> Result<bool, Error>;
}

/// One-time codes, as they are issued and checked.
pub trait Codes {
    fn insert_code(&mut self, row: &CodeRow) -> Result<(), Error>;
    /// Every live code of a method for a purpose is superseded (a resend replaces them).
    fn supersede_codes(&mut self, method_id: &str, purpose: &str) -> Result<(), Error>;
    /// When codes were sent for a method and purpose since `since`, newest first.
    fn sent_for_method(
        &mut self,
        method_id: &str,
        purpose: &str,
        since: NaiveDateTime,
    ) -> Result<Vec<NaiveDateTime>, Error>;
    /// When codes on `channels` were sent to a person since `since`, oldest first.
    fn sent_to_user(
        &mut self,
        user_id: &str,
        channels: &[&str],
        since: NaiveDateTime,
    ) -> Result<Vec<NaiveDateTime>, Error>;
    /// When codes were sent to a destination (for whoever asked) since `since`, oldest first.
    fn sent_to_destination(
        &mut self,
        destination: &str,
        since: NaiveDateTime,
    ) -> Result<Vec<NaiveDateTime>, Error>;
    /// The live (not superseded, not consumed) code of a method for a purpose, the newest.
    fn current_code(&mut self, method_id: &str, purpose: &str) -> Result<Option<CodeRow>, Error>;
    /// Spends one try, only while tries are left and the code is live.
    fn spend_code_try(&mut self, id: &str) -> Result<bool, Error>;
    /// Consumes the code, only if nobody did.
    fn consume_code(&mut self, id: &str, now: NaiveDateTime) -> Result<bool, Error>;
    fn code_attempts(&mut self, id: &str) -> Result<i32, Error>;
}

/// One limit of a request, as [`Limits::decide_limits`] takes it: `bucket` may hold fewer than
/// `max` events since `since`; `record` adds the request's own event (`id`) when every limit of
/// the call allows it.
#[derive(Clone, Debug)]
pub struct LimitCheck {
    pub bucket: String,
    pub since: NaiveDateTime,
    pub max: i64,
    pub record: bool,
    pub id: String,
}

/// [`Limits::decide_limits`] statement by statement: the buckets serialised, counted, and the
/// events written when none is full.
pub fn decide_one_by_one(
    conn: &mut impl Limits,
    checks: &[LimitCheck],
    at: NaiveDateTime,
) -> Result<Vec<(i64, Option<NaiveDateTime>)>, Error> {
    let keys: Vec<String> = checks
        .iter()
        .map(|c| format!("limit:{}", c.bucket))
        .collect();
    conn.serialise_all(&keys)?;
    let mut held = Vec::with_capacity(checks.len());
    for check in checks {
        held.push(conn.count_events(&check.bucket, check.since)?);
    }
    if checks.iter().zip(&held).all(|(c, (n, _))| *n < c.max) {
        for check in checks.iter().filter(|c| c.record) {
            conn.record_event(&check.id, &check.bucket, at)?;
        }
    }
    Ok(held)
}

/// Events counted by the limits, shared by every replica.
pub trait Limits {
    /// Decides `checks` together: each bucket serialised (in order), counted, and, when none is
    /// full, the events of those that record written. How many events each held and its
    /// oldest, in order. On PostgreSQL one statement (`rate_decide`).
    fn decide_limits(
        &mut self,
        checks: &[LimitCheck],
        at: NaiveDateTime,
    ) -> Result<Vec<(i64, Option<NaiveDateTime>)>, Error>
    where
        Self: Sized,
    {
        decide_one_by_one(self, checks, at)
    }
    /// Serialises, until the transaction ends, every transaction deciding on `key`.
    fn serialise(&mut self, key: &str) -> Result<(), Error>;
    /// [`Limits::serialise`] on each key, in order (on PostgreSQL in one statement).
    fn serialise_all(&mut self, keys: &[String]) -> Result<(), Error> {
        for key in keys {
            self.serialise(key)?;
        }
        Ok(())
    }
    /// How many events `bucket` holds since `since`, and the oldest.
    fn count_events(
        &mut self,
        bucket: &str,
        since: NaiveDateTime,
    ) -> Result<(i64, Option<NaiveDateTime>), Error>;
    /// The times of the events in `bucket` since `since`, oldest first.
    fn events(&mut self, bucket: &str, since: NaiveDateTime) -> Result<Vec<NaiveDateTime>, Error>;
    fn record_event(&mut self, id: &str, bucket: &str, at: NaiveDateTime) -> Result<(), Error>;
    /// Spends a single-use value (a CAPTCHA challenge) kept until `until`: false when it was
    /// spent before.
    fn use_once(&mut self, value: &str, until: NaiveDateTime) -> Result<bool, Error>;
}

/// The audit log: rows are only ever appended.
pub trait AuditLog {
    fn append_audit(&mut self, row: &AuditRow) -> Result<(), Error>;
}

/// The durable outbox of notices.
pub trait Outbox {
    fn insert_outbox(&mut self, row: &OutboxRow) -> Result<(), Error>;
    /// Unsent messages become due at `now`.
    fn make_outbox_due(&mut self, ids: &[String], now: NaiveDateTime) -> Result<(), Error>;
    /// Unsent messages are dropped.
    fn delete_unsent(&mut self, ids: &[String]) -> Result<(), Error>;
}

/// Passkey ceremonies: kept between the options and the answer, taken once.
pub trait Ceremonies {
    /// Keeps `state` for `owner` and `method_id` until `expires_at` (replacing an earlier one).
    fn put_ceremony(
        &mut self,
        owner: &str,
        method_id: &str,
        state: &str,
        expires_at: NaiveDateTime,
    ) -> Result<(), Error>;
    /// Removes the ceremony and returns it, to one request only.
    fn take_ceremony(&mut self, owner: &str, method_id: &str) -> Result<Option<Ceremony>, Error>;
}

/// Everything a step may write in one transaction.
pub trait Tx: Accounts + Flows + Methods + Codes + Limits + AuditLog + Outbox + Ceremonies {}
impl<T: Accounts + Flows + Methods + Codes + Limits + AuditLog + Outbox + Ceremonies + ?Sized> Tx
    for T
{
}

impl Ceremonies for DbConn {
    fn put_ceremony(
        &mut self,
        owner: &str,
        method_id: &str,
        state: &str,
        expires_at: NaiveDateTime,
    ) -> Result<(), Error> {
        ceremonies::put(self, owner, method_id, state, expires_at)
    }
    fn take_ceremony(&mut self, owner: &str, method_id: &str) -> Result<Option<Ceremony>, Error> {
        ceremonies::take(self, owner, method_id)
    }
}

impl Accounts for DbConn {
    fn account(&mut self, id: &str) -> Result<Option<AccountRow>, Error> {
        accounts::find(self, id)
    }
    fn end_sessions(&mut self, id: &str, now: NaiveDateTime) -> Result<(), Error> {
        accounts::end_sessions(self, id, now)
    }
    fn set_must_change(&mut self, id: &str, must: bool, now: NaiveDateTime) -> Result<(), Error> {
        accounts::set_must_change(self, id, must, now)
    }
}

impl Flows for DbConn {
    fn flow(&mut self, id: &str) -> Result<Option<FlowRow>, Error> {
        flows::find(self, id)
    }
    fn insert_flow(&mut self, row: &FlowRow) -> Result<(), Error> {
        flows::insert(self, row)
    }
    fn advance_flow(&mut self, id: &str, step: i64, passed: &str) -> Result<bool, Error> {
        flows::advance(self, id, step, passed)
    }
    fn finish_flow(&mut self, id: &str, step: i64, now: NaiveDateTime) -> Result<bool, Error> {
        flows::finish(self, id, step, now)
    }
    fn release_flow(&mut self, id: &str, step: i64) -> Result<bool, Error> {
        flows::release(self, id, step)
    }
    fn count_flow_failure(&mut self, id: &str) -> Result<i32, Error> {
        flows::count_failure(self, id)
    }
    fn lock_flow(&mut self, id: &str) -> Result<(), Error> {
        flows::lock(self, id)
    }
    fn set_flow_questions(&mut self, id: &str, asked: Option<&str>) -> Result<(), Error> {
        flows::set_questions(self, id, asked)
    }
    fn supersede_flows(&mut self, user_id: &str, except: Option<&str>) -> Result<usize, Error> {
        flows::supersede_for_user(self, user_id, except)
    }
    fn open_flow(&mut self, row: &FlowRow, audit: &AuditRow) -> Result<(), Error> {
        flows::open(self, row, audit)
    }
}

impl Methods for DbConn {
    fn methods_of(&mut self, user_id: &str) -> Result<Vec<MethodRow>, Error> {
        methods::for_user(self, user_id)
    }
    fn method_of(&mut self, user_id: &str, id: &str) -> Result<Option<MethodRow>, Error> {
        methods::find(self, user_id, id)
    }
    fn answers_of(&mut self, user_id: &str) -> Result<Vec<AnswerRow>, Error> {
        methods::answers(self, user_id)
    }
    fn method_data(&mut self, id: &str) -> Result<Option<String>, Error> {
        methods::data(self, id)
    }
    fn replace_method_data(&mut self, id: &str, old: &str, new: &str) -> Result<bool, Error> {
        methods::replace_data(self, id, old, new)
    }
}

impl Codes for DbConn {
    fn insert_code(&mut self, row: &CodeRow) -> Result<(), Error> {
        codes::insert(self, row)
    }
    fn supersede_codes(&mut self, method_id: &str, purpose: &str) -> Result<(), Error> {
        codes::supersede(self, method_id, purpose)
    }
    fn sent_for_method(
        &mut self,
        method_id: &str,
        purpose: &str,
        since: NaiveDateTime,
    ) -> Result<Vec<NaiveDateTime>, Error> {
        codes::sent_for_method_since(self, method_id, purpose, since)
    }
    fn sent_to_user(
        &mut self,
        user_id: &str,
        channels: &[&str],
        since: NaiveDateTime,
    ) -> Result<Vec<NaiveDateTime>, Error> {
        codes::sent_to_user_since(self, user_id, channels, since)
    }
    fn sent_to_destination(
        &mut self,
        destination: &str,
        since: NaiveDateTime,
    ) -> Result<Vec<NaiveDateTime>, Error> {
        codes::sent_to_destination_since(self, destination, since)
    }
    fn current_code(&mut self, method_id: &str, purpose: &str) -> Result<Option<CodeRow>, Error> {
        codes::current(self, method_id, purpose)
    }
    fn spend_code_try(&mut self, id: &str) -> Result<bool, Error> {
        codes::spend_try(self, id)
    }
    fn consume_code(&mut self, id: &str, now: NaiveDateTime) -> Result<bool, Error> {
        codes::consume(self, id, now)
    }
    fn code_attempts(&mut self, id: &str) -> Result<i32, Error> {
        codes::attempts(self, id)
    }
}

impl Limits for DbConn {
    fn decide_limits(
        &mut self,
        checks: &[LimitCheck],
        at: NaiveDateTime,
    ) -> Result<Vec<(i64, Option<NaiveDateTime>)>, Error> {
        match self {
            DbConn::Pg(_) => rate::decide(self, checks, at),
            // In process, serialised by the one writer: the statements one by one.
            DbConn::Sqlite(_) => decide_one_by_one(self, checks, at),
        }
    }
    fn serialise(&mut self, key: &str) -> Result<(), Error> {
        rate::serialise(self, key)
    }
    fn serialise_all(&mut self, keys: &[String]) -> Result<(), Error> {
        rate::serialise_all(self, keys)
    }
    fn count_events(
        &mut self,
        bucket: &str,
        since: NaiveDateTime,
    ) -> Result<(i64, Option<NaiveDateTime>), Error> {
        rate::count_since(self, bucket, since)
    }
    fn events(&mut self, bucket: &str, since: NaiveDateTime) -> Result<Vec<NaiveDateTime>, Error> {
        rate::events_since(self, bucket, since)
    }
    fn record_event(&mut self, id: &str, bucket: &str, at: NaiveDateTime) -> Result<(), Error> {
        rate::record(self, id, bucket, at)
    }
    fn use_once(&mut self, value: &str, until: NaiveDateTime) -> Result<bool, Error> {
        rate::use_captcha(self, value, until)
    }
}

impl AuditLog for DbConn {
    fn append_audit(&mut self, row: &AuditRow) -> Result<(), Error> {
        audit::insert(self, row)
    }
}

impl Outbox for DbConn {
    fn insert_outbox(&mut self, row: &OutboxRow) -> Result<(), Error> {
        outbox::insert(self, row)
    }
    fn make_outbox_due(&mut self, ids: &[String], now: NaiveDateTime) -> Result<(), Error> {
        outbox::make_due(self, ids, now)
    }
    fn delete_unsent(&mut self, ids: &[String]) -> Result<(), Error> {
        outbox::delete_unsent(self, ids)
    }
}
