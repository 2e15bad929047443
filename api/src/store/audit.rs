//! Queries of `audit_events`.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConn;
use super::schema::audit_events;
use crate::error::Error;

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = audit_events)]
pub struct AuditRow {
    pub id: String,
    pub at: NaiveDateTime,
    pub event_type: String,
    pub outcome: String,
    pub actor_id: Option<String>,
    pub actor_name: Option<String>,
    pub target_id: Option<String>,
    pub target_name: Option<String>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub details: String,
}

pub fn insert(conn: &mut DbConn, row: &AuditRow) -> Result<(), Error> {
    super::prepared::execute(conn, diesel::insert_into(audit_events::table).values(row))?;
    remember(row);
    Ok(())
}

/// Keeps `row`, written on this thread by a statement of its caller's, for the audit stream
/// (what [`insert`] does after its own statement).
pub(super) fn remember(row: &AuditRow) {
    WRITTEN.with(|w| w.borrow_mut().push(row.clone()));
}

thread_local! {
    /// The rows [`insert`] wrote during the storage call running on this thread: a call runs
    /// whole on one blocking thread, so [`super::Store`] can tell which rows its transaction
    /// committed and hand them to the audit stream, and forget those it rolled back.
    static WRITTEN: std::cell::RefCell<Vec<AuditRow>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The rows written on this thread since the last call (and forgets them).
pub(super) fn take_written() -> Vec<AuditRow> {
    WRITTEN.with(|w| std::mem::take(&mut *w.borrow_mut()))
}

#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Exact type when it contains a dot, else a family prefix.
    pub event_type: Option<String>,
    pub user_id: Option<String>,
    pub since: Option<NaiveDateTime>,
    pub until: Option<NaiveDateTime>,
    /// Keyset pagination: rows strictly older than (at, id).
    pub before: Option<(NaiveDateTime, String)>,
}

/// Newest first, at most `limit` rows.
pub fn list(conn: &mut DbConn, filter: &Filter, limit: i64) -> Result<Vec<AuditRow>, Error> {
    let mut query = audit_events::table
        .select(AuditRow::as_select())
        .into_boxed();
    if let Some(t) = &filter.event_type {
        if t.contains('.') {
            query = query.filter(audit_events::event_type.eq(t.clone()));
        } else {
            // The type was checked to be [a-z_]+, so it holds no LIKE metacharacter but `_`,
            // which we escape.
            let pattern = format!("{}.%", t.replace('_', "\\_"));
            query = query.filter(
                audit_events::event_type
                    .eq(t.clone())
                    .or(audit_events::event_type.like(pattern).escape('\\')),
            );
        }
    }
    if let Some(u) = &filter.user_id {
        query = query.filter(
            audit_events::actor_id
                .eq(u.clone())
                .or(audit_events::target_id.eq(u.clone())),
        );
    }
    if let Some(since) = filter.since {
        query = query.filter(audit_events::at.ge(since));
    }
    if let Some(until) = filter.until {
        query = query.filter(audit_events::at.lt(until));
    }
    if let Some((at, id)) = &filter.before {
        query = query.filter(
            audit_events::at.lt(*at).or(audit_events::at
                .eq(*at)
                .and(audit_events::id.lt(id.clone()))),
        );
    }
    Ok(query
        .order((audit_events::at.desc(), audit_events::id.desc()))
        .limit(limit)
        .load(conn)?)
}

/// Rows of exactly these types at or after `since`, oldest first (for the webhooks).
pub fn of_types_since(
    conn: &mut DbConn,
    types: &[&str],
    since: NaiveDateTime,
) -> Result<Vec<AuditRow>, Error> {
    Ok(audit_events::table
        .filter(audit_events::event_type.eq_any(types))
        .filter(audit_events::at.ge(since))
        .order(audit_events::at.asc())
        .select(AuditRow::as_select())
        .load(conn)?)
}

/// Rows whose type starts with `prefix`, at or after `since` (for the reports).
pub fn with_prefix_since(
    conn: &mut DbConn,
    prefix: &str,
    since: NaiveDateTime,
) -> Result<Vec<AuditRow>, Error> {
    let pattern = format!("{}%", prefix.replace('_', "\\_"));
    Ok(audit_events::table
        .filter(audit_events::event_type.like(pattern).escape('\\'))
        .filter(audit_events::at.ge(since))
        .order(audit_events::at.asc())
        .select(AuditRow::as_select())
        .load(conn)?)
}
