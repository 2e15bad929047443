//! Queries of `recovery_flows`. Every step that moves a flow forward is a conditional update on
//! `step` (and `status`): when two requests race, the row count says which one won.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConn;
use super::audit::AuditRow;
use super::prepared::{self, Prepared};
use super::schema::{audit_events, recovery_flows as rf};
use super::together::Together;
use crate::error::Error;

pub const ACTIVE: &str = "active";
pub const LOCKED: &str = "locked";
pub const FINISHED: &str = "finished";
pub const SUPERSEDED: &str = "superseded";

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = rf)]
pub struct FlowRow {
    pub id: String,
    pub user_id: Option<String>,
    pub username_key: String,
    pub purpose: String,
    pub status: String,
    pub step: i64,
    pub methods_required: i32,
    /// JSON: the methods offered at start, `[{method_id, kind, hint}]`.
    pub methods_offered: String,
    /// JSON: ids of the methods passed, `["…"]`.
    pub methods_passed: String,
    /// JSON: the question ids asked by the live security-question challenge.
    pub questions_asked: Option<String>,
    pub failures: i32,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub finished_at: Option<NaiveDateTime>,
    /// 1 when the person was an administrator at start (finishing ends the flow if that changed).
    pub is_admin: i32,
    /// A decoy flow: the phantom person it runs on (JSON, `flows::phantom::Phantom`).
    pub phantom: Option<String>,
    /// The language the flow started in (`i18n::Lang`): its codes are written in it.
    pub language: String,
}

pub fn insert(conn: &mut DbConn, row: &FlowRow) -> Result<(), Error> {
    prepared::execute(conn, diesel::insert_into(rf::table).values(row))?;
    Ok(())
}

/// Opens a flow: every active flow of its person superseded (a decoy's empty id matches
/// none), the flow written and its audit row appended. On PostgreSQL one statement
/// ([`Together`]: the update sees only the older flows); on SQLite, in process, one by one.
pub fn open(conn: &mut DbConn, row: &FlowRow, audit: &AuditRow) -> Result<(), Error> {
    let user_id = row.user_id.as_deref().unwrap_or("");
    match conn {
        DbConn::Pg(pg) => {
            let supersede = diesel::update(
                rf::table
                    .filter(rf::user_id.eq(user_id))
                    .filter(rf::status.eq(ACTIVE)),
            )
            .set(rf::status.eq(SUPERSEDED));
            let audited = diesel::insert_into(audit_events::table).values(audit);
            let opened = diesel::insert_into(rf::table).values(row);
            Prepared(Together(&[&supersede, &audited, &opened])).execute(pg)?;
            super::audit::remember(audit);
        }
        DbConn::Sqlite(_) => {
            supersede_for_user(conn, user_id, None)?;
            insert(conn, row)?;
            super::audit::insert(conn, audit)?;
        }
    }
    Ok(())
}

/// The flow and, in the same statement, the current policy's document (`None`: none saved).
pub fn find_with_policy(
    conn: &mut DbConn,
    id: &str,
) -> Result<Option<(FlowRow, Option<String>)>, Error> {
    Ok(rf::table
        .filter(rf::id.eq(id))
        .select((FlowRow::as_select(), super::policy::CurrentDocument))
        .first(conn)
        .optional()?)
}

pub fn find(conn: &mut DbConn, id: &str) -> Result<Option<FlowRow>, Error> {
    Ok(rf::table
        .filter(rf::id.eq(id))
        .select(FlowRow::as_select())
        .first(conn)
        .optional()?)
}

/// Moves an active flow from `step` to `step + 1`, recording the methods passed. False when
/// another request moved it first (or it is no longer active).
pub fn advance(
    conn: &mut DbConn,
    id: &str,
    step: i64,
    methods_passed: &str,
) -> Result<bool, Error> {
    let advance = diesel::update(
        rf::table
            .filter(rf::id.eq(id))
            .filter(rf::step.eq(step))
            .filter(rf::status.eq(ACTIVE)),
    )
    .set((rf::step.eq(step + 1), rf::methods_passed.eq(methods_passed)));
    let n = prepared::execute(conn, advance)?;
    Ok(n == 1)
}

/// Finishes an active flow at `step`. Exactly one of any number of racing finishes wins.
pub fn finish(conn: &mut DbConn, id: &str, step: i64, now: NaiveDateTime) -> Result<bool, Error> {
    let finish = diesel::update(
        rf::table
            .filter(rf::id.eq(id))
            .filter(rf::step.eq(step))
            .filter(rf::status.eq(ACTIVE)),
    )
    .set((
        rf::step.eq(step + 1),
        rf::status.eq(FINISHED),
        rf::finished_at.eq(Some(now)),
    ));
    let n = prepared::execute(conn, finish)?;
    Ok(n == 1)
}

/// Counts a failed verification; returns the flow's failures so far.
/// Opens again a flow that [`finish`] claimed at `step` (the directory did not take the change).
pub fn release(conn: &mut DbConn, id: &str, step: i64) -> Result<bool, Error> {
    let n = diesel::update(
        rf::table
            .filter(rf::id.eq(id))
            .filter(rf::step.eq(step + 1))
            .filter(rf::status.eq(FINISHED)),
    )
    .set((
        rf::step.eq(step),
        rf::status.eq(ACTIVE),
        rf::finished_at.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn count_failure(conn: &mut DbConn, id: &str) -> Result<i32, Error> {
    diesel::update(rf::table.filter(rf::id.eq(id)))
        .set(rf::failures.eq(rf::failures + 1))
        .execute(conn)?;
    Ok(rf::table
        .filter(rf::id.eq(id))
        .select(rf::failures)
        .first(conn)?)
}

pub fn lock(conn: &mut DbConn, id: &str) -> Result<(), Error> {
    diesel::update(
        rf::table
            .filter(rf::id.eq(id))
            .filter(rf::status.eq(ACTIVE)),
    )
    .set(rf::status.eq(LOCKED))
    .execute(conn)?;
    Ok(())
}

pub fn set_questions(conn: &mut DbConn, id: &str, asked: Option<&str>) -> Result<(), Error> {
    diesel::update(rf::table.filter(rf::id.eq(id)))
        .set(rf::questions_asked.eq(asked))
        .execute(conn)?;
    Ok(())
}

/// Ends every active flow of a user (a newer flow, a finish, or a password change makes every
/// older flow token worthless).
pub fn supersede_for_user(
    conn: &mut DbConn,
    user_id: &str,
    except: Option<&str>,
) -> Result<usize, Error> {
    let active = rf::table
        .filter(rf::user_id.eq(user_id))
        .filter(rf::status.eq(ACTIVE));
    let updated = match except {
        Some(keep) => prepared::execute(
            conn,
            diesel::update(active.filter(rf::id.ne(keep))).set(rf::status.eq(SUPERSEDED)),
        )?,
        None => prepared::execute(conn, diesel::update(active).set(rf::status.eq(SUPERSEDED)))?,
    };
    Ok(updated)
}
