//! The storage interfaces of [`super::ports`] in memory, for testing domain rules without a
//! database. Each operation does what its query does — the same conditions on the same
//! columns, the same row counts — and [`Memory::transaction`] keeps a transaction's meaning:
//! everything a failed step wrote is undone.

use chrono::NaiveDateTime;

use super::accounts::AccountRow;
use super::audit::AuditRow;
use super::ceremonies::Ceremony;
use super::codes::CodeRow;
use super::flows::{self, FlowRow};
use super::methods::{AnswerRow, MethodRow};
use super::outbox::OutboxRow;
use super::ports::{Accounts, AuditLog, Ceremonies, Codes, Flows, Limits, Methods, Outbox};
use crate::error::Error;

/// Every table the interfaces reach, as plain rows.
#[derive(Clone, Default)]
pub struct Memory {
    pub accounts: Vec<AccountRow>,
    pub flows: Vec<FlowRow>,
    pub methods: Vec<MethodRow>,
    pub answers: Vec<AnswerRow>,
    pub codes: Vec<CodeRow>,
    /// `(id, bucket, at)`.
    pub rate_events: Vec<(String, String, NaiveDateTime)>,
    /// Single-use values spent, with how long they are kept.
    pub used_once: Vec<(String, NaiveDateTime)>,
    pub audit: Vec<AuditRow>,
    pub outbox: Vec<OutboxRow>,
    /// `(owner, method_id, state, expires_at)`.
    pub ceremonies: Vec<(String, String, String, NaiveDateTime)>,
}

impl Memory {
    /// Runs `f` as one transaction: when it fails, nothing it wrote stays.
    pub fn transaction<T>(
        &mut self,
        f: impl FnOnce(&mut Self) -> Result<T, Error>,
    ) -> Result<T, Error> {
        let before = self.clone();
        let result = f(self);
        if result.is_err() {
            *self = before;
        }
        result
    }

    fn flow_mut(&mut self, id: &str) -> Option<&mut FlowRow> {
        self.flows.iter_mut().find(|f| f.id == id)
    }

    fn code_mut(&mut self, id: &str) -> Option<&mut CodeRow> {
        self.codes.iter_mut().find(|c| c.id == id)
    }
}

impl Accounts for Memory {
    fn account(&mut self, id: &str) -> Result<Option<AccountRow>, Error> {
        Ok(self.accounts.iter().find(|a| a.id == id).cloned())
    }
    fn end_sessions(&mut self, id: &str, now: NaiveDateTime) -> Result<(), Error> {
        for a in self.accounts.iter_mut().filter(|a| a.id == id) {
            a.session_epoch += 1;
            a.updated_at = now;
        }
        Ok(())
    }
    fn set_must_change(&mut self, id: &str, must: bool, now: NaiveDateTime) -> Result<(), Error> {
        for a in self.accounts.iter_mut().filter(|a| a.id == id) {
            a.must_change_password = i32::from(must);
            a.updated_at = now;
        }
        Ok(())
    }
}

impl Flows for Memory {
    fn flow(&mut self, id: &str) -> Result<Option<FlowRow>, Error> {
        Ok(self.flows.iter().find(|f| f.id == id).cloned())
    }
    fn insert_flow(&mut self, row: &FlowRow) -> Result<(), Error> {
        if self.flows.iter().any(|f| f.id == row.id) {
            return Err(Error::internal("duplicate flow id"));
        }
        self.flows.push(row.clone());
        Ok(())
    }
    fn advance_flow(&mut self, id: &str, step: i64, passed: &str) -> Result<bool, Error> {
        match self.flow_mut(id) {
            Some(f) if f.step == step && f.status == flows::ACTIVE => {
                f.step = step + 1;
                passed.clone_into(&mut f.methods_passed);
                Ok(true)
            }
            _ => Ok(false),
        }
    }
    fn finish_flow(&mut self, id: &str, step: i64, now: NaiveDateTime) -> Result<bool, Error> {
        match self.flow_mut(id) {
            Some(f) if f.step == step && f.status == flows::ACTIVE => {
                f.step = step + 1;
                flows::FINISHED.clone_into(&mut f.status);
                f.finished_at = Some(now);
                Ok(true)
            }
            _ => Ok(false),
        }
    }
    fn release_flow(&mut self, id: &str, step: i64) -> Result<bool, Error> {
        match self.flow_mut(id) {
            Some(f) if f.step == step + 1 && f.status == flows::FINISHED => {
                f.step = step;
                flows::ACTIVE.clone_into(&mut f.status);
                f.finished_at = None;
                Ok(true)
            }
            _ => Ok(false),
        }
    }
    fn count_flow_failure(&mut self, id: &str) -> Result<i32, Error> {
        let f = self
            .flow_mut(id)
            .ok_or_else(|| Error::internal("no such flow"))?;
        f.failures += 1;
        Ok(f.failures)
    }
    fn lock_flow(&mut self, id: &str) -> Result<(), Error> {
        if let Some(f) = self.flow_mut(id)
            && f.status == flows::ACTIVE
        {
            flows::LOCKED.clone_into(&mut f.status);
        }
        Ok(())
    }
    fn set_flow_questions(&mut self, id: &str, asked: Option<&str>) -> Result<(), Error> {
        if let Some(f) = self.flow_mut(id) {
            f.questions_asked = asked.map(str::to_owned);
        }
        Ok(())
    }
    fn supersede_flows(&mut self, user_id: &str, except: Option<&str>) -> Result<usize, Error> {
        let mut n = 0;
        for f in self.flows.iter_mut().filter(|f| {
            f.user_id.as_deref() == Some(user_id)
                && f.status == flows::ACTIVE
                && Some(f.id.as_str()) != except
        }) {
            flows::SUPERSEDED.clone_into(&mut f.status);
            n += 1;
        }
        Ok(n)
    }
}

impl Methods for Memory {
    fn methods_of(&mut self, user_id: &str) -> Result<Vec<MethodRow>, Error> {
        let mut rows: Vec<MethodRow> = self
            .methods
            .iter()
            .filter(|m| m.user_id == user_id)
            .cloned()
            .collect();
        rows.sort_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
        Ok(rows)
    }
    fn method_of(&mut self, user_id: &str, id: &str) -> Result<Option<MethodRow>, Error> {
        Ok(self
            .methods
            .iter()
            .find(|m| m.id == id && m.user_id == user_id)
            .cloned())
    }
    fn answers_of(&mut self, user_id: &str) -> Result<Vec<AnswerRow>, Error> {
        Ok(self
            .answers
            .iter()
            .filter(|a| a.user_id == user_id)
            .cloned()
            .collect())
    }
    fn method_data(&mut self, id: &str) -> Result<Option<String>, Error> {
        Ok(self
            .methods
            .iter()
            .find(|m| m.id == id)
            .map(|m| m.data.clone()))
    }
    fn replace_method_data(&mut self, id: &str, old: &str, new: &str) -> Result<bool, Error> {
        match self.methods.iter_mut().find(|m| m.id == id) {
            Some(m) if m.data == old => {
                new.clone_into(&mut m.data);
                Ok(true)
            }
            _ => Ok(false),
        }
    }
}

impl Memory {
    fn sent(&self, keep: impl Fn(&CodeRow) -> bool, since: NaiveDateTime) -> Vec<NaiveDateTime> {
        let mut times: Vec<NaiveDateTime> = self
            .codes
            .iter()
            .filter(|c| keep(c) && c.created_at >= since)
            .map(|c| c.created_at)
            .collect();
        times.sort();
        times
    }
}

impl Codes for Memory {
    fn insert_code(&mut self, row: &CodeRow) -> Result<(), Error> {
        self.codes.push(row.clone());
        Ok(())
    }
    fn supersede_codes(&mut self, method_id: &str, purpose: &str) -> Result<(), Error> {
        for c in self.codes.iter_mut().filter(|c| {
            c.method_id.as_deref() == Some(method_id)
                && c.purpose == purpose
                && c.consumed_at.is_none()
        }) {
            c.superseded = 1;
        }
        Ok(())
    }
    fn sent_for_method(
        &mut self,
        method_id: &str,
        purpose: &str,
        since: NaiveDateTime,
    ) -> Result<Vec<NaiveDateTime>, Error> {
        let mut times = self.sent(
            |c| c.method_id.as_deref() == Some(method_id) && c.purpose == purpose,
            since,
        );
        times.reverse();
        Ok(times)
    }
    fn sent_to_user(
        &mut self,
        user_id: &str,
        channels: &[&str],
        since: NaiveDateTime,
    ) -> Result<Vec<NaiveDateTime>, Error> {
        Ok(self.sent(
            |c| c.user_id == user_id && channels.contains(&c.channel.as_str()),
            since,
        ))
    }
    fn sent_to_destination(
        &mut self,
        destination: &str,
        since: NaiveDateTime,
    ) -> Result<Vec<NaiveDateTime>, Error> {
        Ok(self.sent(|c| c.destination == destination, since))
    }
    fn current_code(&mut self, method_id: &str, purpose: &str) -> Result<Option<CodeRow>, Error> {
        Ok(self
            .codes
            .iter()
            .filter(|c| {
                c.method_id.as_deref() == Some(method_id)
                    && c.purpose == purpose
                    && c.superseded == 0
                    && c.consumed_at.is_none()
            })
            .max_by_key(|c| c.created_at)
            .cloned())
    }
    fn spend_code_try(&mut self, id: &str) -> Result<bool, Error> {
        match self.code_mut(id) {
            Some(c)
                if c.attempts < c.max_attempts && c.consumed_at.is_none() && c.superseded == 0 =>
            {
                c.attempts += 1;
                Ok(true)
            }
            _ => Ok(false),
        }
    }
    fn consume_code(&mut self, id: &str, now: NaiveDateTime) -> Result<bool, Error> {
        match self.code_mut(id) {
            Some(c) if c.consumed_at.is_none() => {
                c.consumed_at = Some(now);
                Ok(true)
            }
            _ => Ok(false),
        }
    }
    fn code_attempts(&mut self, id: &str) -> Result<i32, Error> {
        self.codes
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.attempts)
            .ok_or_else(|| Error::internal("no such code"))
    }
}

impl Limits for Memory {
    /// One owner at a time already: nothing to take.
    fn serialise(&mut self, _key: &str) -> Result<(), Error> {
        Ok(())
    }
    fn count_events(
        &mut self,
        bucket: &str,
        since: NaiveDateTime,
    ) -> Result<(i64, Option<NaiveDateTime>), Error> {
        let times = self.events(bucket, since)?;
        Ok((times.len() as i64, times.first().copied()))
    }
    fn events(&mut self, bucket: &str, since: NaiveDateTime) -> Result<Vec<NaiveDateTime>, Error> {
        let mut times: Vec<NaiveDateTime> = self
            .rate_events
            .iter()
            .filter(|(_, b, at)| b == bucket && *at >= since)
            .map(|(_, _, at)| *at)
            .collect();
        times.sort();
        Ok(times)
    }
    fn record_event(&mut self, id: &str, bucket: &str, at: NaiveDateTime) -> Result<(), Error> {
        self.rate_events
            .push((id.to_owned(), bucket.to_owned(), at));
        Ok(())
    }
    fn use_once(&mut self, value: &str, until: NaiveDateTime) -> Result<bool, Error> {
        if self.used_once.iter().any(|(v, _)| v == value) {
            return Ok(false);
        }
        self.used_once.push((value.to_owned(), until));
        Ok(true)
    }
}

impl AuditLog for Memory {
    fn append_audit(&mut self, row: &AuditRow) -> Result<(), Error> {
        self.audit.push(row.clone());
        Ok(())
    }
}

impl Outbox for Memory {
    fn insert_outbox(&mut self, row: &OutboxRow) -> Result<(), Error> {
        self.outbox.push(row.clone());
        Ok(())
    }
    fn make_outbox_due(&mut self, ids: &[String], now: NaiveDateTime) -> Result<(), Error> {
        for m in self
            .outbox
            .iter_mut()
            .filter(|m| ids.contains(&m.id) && m.sent_at.is_none())
        {
            m.next_attempt_at = now;
        }
        Ok(())
    }
    fn delete_unsent(&mut self, ids: &[String]) -> Result<(), Error> {
        self.outbox
            .retain(|m| !(ids.contains(&m.id) && m.sent_at.is_none()));
        Ok(())
    }
}

impl Ceremonies for Memory {
    fn put_ceremony(
        &mut self,
        owner: &str,
        method_id: &str,
        state: &str,
        expires_at: NaiveDateTime,
    ) -> Result<(), Error> {
        self.ceremonies
            .retain(|(o, m, _, _)| !(o == owner && m == method_id));
        self.ceremonies.push((
            owner.to_owned(),
            method_id.to_owned(),
            state.to_owned(),
            expires_at,
        ));
        Ok(())
    }
    fn take_ceremony(&mut self, owner: &str, method_id: &str) -> Result<Option<Ceremony>, Error> {
        let Some(i) = self
            .ceremonies
            .iter()
            .position(|(o, m, _, _)| o == owner && m == method_id)
        else {
            return Ok(None);
        };
        let (_, _, state, expires_at) = self.ceremonies.remove(i);
        Ok(Some(Ceremony { state, expires_at }))
    }
}
