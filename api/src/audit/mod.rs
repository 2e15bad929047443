//! The audit log: who did what to whom, from where, and whether it worked.
//!
//! Rows are written in the same transaction as the change they describe, so a change without
//! its audit row (or the reverse) cannot exist. Rows never hold a secret: callers pass only
//! identifiers, names and non-secret details. Anything user-controlled (user agents, attempted
//! usernames) is stored as data and must be escaped by whoever displays it.

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::context::{Ctx, RequestMeta};
use crate::error::{Error, FieldCode};
use crate::store;

mod events;
pub mod stream;

pub use events::EventKind;

/// Someone or something named in a row.
#[derive(Clone, Debug, Default)]
pub struct Party {
    pub id: Option<String>,
    pub name: Option<String>,
}

impl Party {
    pub fn user(id: Uuid, name: &str) -> Self {
        Self {
            id: Some(id.to_string()),
            name: Some(name.to_owned()),
        }
    }
    pub fn named(id: impl ToString, name: &str) -> Self {
        Self {
            id: Some(id.to_string()),
            name: Some(name.to_owned()),
        }
    }
    pub fn system() -> Self {
        Self {
            id: None,
            name: Some("system".to_owned()),
        }
    }
}

/// One event about to be written.
#[derive(Clone, Debug)]
pub struct Event {
    pub kind: EventKind,
    pub success: bool,
    pub actor: Party,
    pub target: Party,
    pub details: serde_json::Value,
}

impl Event {
    pub fn new(kind: EventKind, actor: Party) -> Self {
        Self {
            kind,
            success: true,
            actor,
            target: Party::default(),
            details: serde_json::json!({}),
        }
    }
    pub fn failed(mut self) -> Self {
        self.success = false;
        self
    }
    pub fn target(mut self, target: Party) -> Self {
        self.target = target;
        self
    }
    pub fn details(mut self, details: serde_json::Value) -> Self {
        self.details = details;
        self
    }
}

/// Longest user agent kept (they are attacker-controlled and can be huge).
const MAX_USER_AGENT: usize = 256;

/// Writes `event` on `conn` (call it inside the transaction that makes the change).
pub fn record(
    conn: &mut impl crate::store::ports::AuditLog,
    now: DateTime<Utc>,
    meta: &RequestMeta,
    event: Event,
) -> Result<(), Error> {
    conn.append_audit(&row(now, meta, event))
}

/// The row that records `event`, for a write that appends it with its own change
/// (`store::ports::Flows::open_flow`).
pub fn row(now: DateTime<Utc>, meta: &RequestMeta, event: Event) -> store::audit::AuditRow {
    store::audit::AuditRow {
        id: Uuid::now_v7().to_string(),
        at: store::ts(now),
        event_type: event.kind.as_str().to_owned(),
        outcome: if event.success {
            Outcome::Success
        } else {
            Outcome::Failure
        }
        .as_str()
        .to_owned(),
        actor_id: event.actor.id,
        actor_name: event.actor.name,
        target_id: event.target.id,
        target_name: event.target.name,
        ip: meta.ip.map(|ip| ip.to_string()),
        user_agent: meta
            .user_agent
            .as_ref()
            .map(|ua| ua.chars().take(MAX_USER_AGENT).collect()),
        details: event.details.to_string(),
    }
}

/// Whether what an audit row records worked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Success,
    Failure,
}

impl Outcome {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Success => "success",
            Self::Failure => "failure",
        }
    }
}

/// One row as administrators read it.
#[derive(Clone, Debug)]
pub struct Entry {
    pub id: String,
    pub at: DateTime<Utc>,
    /// What happened (`area.what`, an [`EventKind`]'s text).
    pub event_type: String,
    /// `success` or `failure` ([`Outcome`]).
    pub outcome: String,
    pub actor_id: Option<String>,
    pub actor_name: Option<String>,
    pub target_id: Option<String>,
    pub target_name: Option<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub details: serde_json::Value,
}

impl Entry {
    /// The entry as one JSON object (`export-audit --format jsonl` and the audit stream).
    pub fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "id": self.id, "at": self.at, "type": self.event_type, "outcome": self.outcome,
            "actor_id": self.actor_id, "actor_name": self.actor_name,
            "target_id": self.target_id, "target_name": self.target_name,
            "ip": self.ip, "user_agent": self.user_agent, "details": self.details,
        })
    }
}

/// A page of entries, newest first, and where the next (older) page starts.
pub struct Page {
    pub items: Vec<Entry>,
    pub next_cursor: Option<String>,
}

/// Which entries to list, checked: a type or a family of types, a person (actor or target), a
/// period, where a previous page ended, how many (1–200).
pub struct Search {
    pub event_type: Option<String>,
    pub user_id: Option<Uuid>,
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    before: Option<(chrono::NaiveDateTime, String)>,
    pub limit: u32,
}

/// The filters as the API reads them, before they are checked.
pub struct SearchFields {
    pub event_type: Option<String>,
    pub user_id: Option<Uuid>,
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    pub cursor: Option<String>,
    pub limit: Option<u32>,
}

impl Search {
    pub fn parse(query: SearchFields) -> Result<Self, Error> {
        let limit = query.limit.unwrap_or(50);
        if !(1..=200).contains(&limit) {
            return Err(Error::validation(
                "limit",
                FieldCode::OutOfRange,
                "must be between 1 and 200",
            ));
        }
        let before = match &query.cursor {
            Some(c) => Some(decode_cursor(c).ok_or_else(|| {
                Error::validation("cursor", FieldCode::Invalid, "not a cursor from this API")
            })?),
            None => None,
        };
        if let Some(t) = &query.event_type
            && (t.is_empty()
                || t.len() > 64
                || !t
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.'))
        {
            return Err(Error::validation(
                "type",
                FieldCode::Invalid,
                "an event type such as sign_in.failed or sign_in",
            ));
        }
        Ok(Self {
            event_type: query.event_type,
            user_id: query.user_id,
            since: query.since,
            until: query.until,
            before,
            limit,
        })
    }
}

pub async fn list(ctx: &Ctx, query: Search) -> Result<Page, Error> {
    let limit = query.limit;
    let filter = store::audit::Filter {
        event_type: query.event_type,
        user_id: query.user_id.map(|u| u.to_string()),
        since: query.since.map(store::ts),
        until: query.until.map(store::ts),
        before: query.before,
    };
    let rows = ctx
        .store
        .read(move |conn| store::audit::list(conn, &filter, i64::from(limit) + 1))
        .await?;
    let has_more = rows.len() > limit as usize;
    let items: Vec<Entry> = rows.into_iter().take(limit as usize).map(entry).collect();
    let next_cursor = if has_more {
        items.last().map(|e| encode_cursor(e.at, &e.id))
    } else {
        None
    };
    Ok(Page { items, next_cursor })
}

pub(crate) fn entry(row: store::audit::AuditRow) -> Entry {
    Entry {
        at: store::utc(row.at),
        details: serde_json::from_str(&row.details).unwrap_or(serde_json::Value::Null),
        id: row.id,
        event_type: row.event_type,
        outcome: row.outcome,
        actor_id: row.actor_id,
        actor_name: row.actor_name,
        target_id: row.target_id,
        target_name: row.target_name,
        ip: row.ip,
        user_agent: row.user_agent,
    }
}

/// Cursors are opaque to clients: base64 of "time|id" of the last row served.
fn encode_cursor(at: DateTime<Utc>, id: &str) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(format!("{}|{id}", at.timestamp_micros()))
}

fn decode_cursor(cursor: &str) -> Option<(chrono::NaiveDateTime, String)> {
    use base64::Engine as _;
    let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(cursor)
        .ok()?;
    let text = String::from_utf8(raw).ok()?;
    let (micros, id) = text.split_once('|')?;
    let at = DateTime::<Utc>::from_timestamp_micros(micros.parse().ok()?)?;
    Uuid::parse_str(id).ok()?;
    Some((store::ts(at), id.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_garbage_is_refused() {
        let at = DateTime::<Utc>::from_timestamp_micros(1_700_000_000_123_456).unwrap();
        let id = Uuid::now_v7().to_string();
        let c = encode_cursor(at, &id);
        assert_eq!(decode_cursor(&c), Some((store::ts(at), id)));
        assert_eq!(decode_cursor("not-a-cursor"), None);
        assert_eq!(decode_cursor("' OR 1=1 --"), None);
    }
}
