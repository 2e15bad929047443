//! Queries of `verification_codes`. Tries and consumption are conditional updates whose row
//! count decides, so parallel guesses cannot exceed the limit and a code works once.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConn;
use super::schema::verification_codes as vc;
use crate::error::Error;

/// A code row. No `Debug`: it holds a code hash.
#[derive(Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = vc)]
pub struct CodeRow {
    pub id: String,
    pub user_id: String,
    pub method_id: Option<String>,
    pub purpose: String,
    pub channel: String,
    pub destination: String,
    pub code_hash: String,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub attempts: i32,
    pub max_attempts: i32,
    pub consumed_at: Option<NaiveDateTime>,
    pub superseded: i32,
}

pub fn insert(conn: &mut DbConn, row: &CodeRow) -> Result<(), Error> {
    diesel::insert_into(vc::table).values(row).execute(conn)?;
    Ok(())
}

pub fn delete(conn: &mut DbConn, id: &str) -> Result<(), Error> {
    diesel::delete(vc::table.filter(vc::id.eq(id))).execute(conn)?;
    Ok(())
}

/// The live (not superseded, not consumed) code of a method for a purpose, if any.
pub fn current(
    conn: &mut DbConn,
    method_id: &str,
    purpose: &str,
) -> Result<Option<CodeRow>, Error> {
    Ok(vc::table
        .filter(vc::method_id.eq(method_id))
        .filter(vc::purpose.eq(purpose))
        .filter(vc::superseded.eq(0))
        .filter(vc::consumed_at.is_null())
        .order(vc::created_at.desc())
        .select(CodeRow::as_select())
        .first(conn)
        .optional()?)
}

/// Codes sent for a method since `since` (for the per-method send limit and resend interval),
/// newest first.
pub fn sent_for_method_since(
    conn: &mut DbConn,
    method_id: &str,
    purpose: &str,
    since: NaiveDateTime,
) -> Result<Vec<NaiveDateTime>, Error> {
    Ok(vc::table
        .filter(vc::method_id.eq(method_id))
        .filter(vc::purpose.eq(purpose))
        .filter(vc::created_at.ge(since))
        .order(vc::created_at.desc())
        .select(vc::created_at)
        .load(conn)?)
}

/// Send times, oldest first, of codes on `channels` to one account since `since`.
pub fn sent_to_user_since(
    conn: &mut DbConn,
    user_id: &str,
    channels: &[&str],
    since: NaiveDateTime,
) -> Result<Vec<NaiveDateTime>, Error> {
    Ok(vc::table
        .filter(vc::user_id.eq(user_id))
        .filter(vc::channel.eq_any(channels))
        .filter(vc::created_at.ge(since))
        .order(vc::created_at.asc())
        .select(vc::created_at)
        .load(conn)?)
}

/// Send times, oldest first, of codes to one destination (whoever asked) since `since`.
pub fn sent_to_destination_since(
    conn: &mut DbConn,
    destination: &str,
    since: NaiveDateTime,
) -> Result<Vec<NaiveDateTime>, Error> {
    Ok(vc::table
        .filter(vc::destination.eq(destination))
        .filter(vc::created_at.ge(since))
        .order(vc::created_at.asc())
        .select(vc::created_at)
        .load(conn)?)
}

/// Marks every live code of a method for a purpose as superseded (a resend replaces them).
pub fn supersede(conn: &mut DbConn, method_id: &str, purpose: &str) -> Result<(), Error> {
    diesel::update(
        vc::table
            .filter(vc::method_id.eq(method_id))
            .filter(vc::purpose.eq(purpose))
            .filter(vc::consumed_at.is_null()),
    )
    .set(vc::superseded.eq(1))
    .execute(conn)?;
    Ok(())
}

/// Spends one try. False when none is left, or the code is consumed or superseded.
pub fn spend_try(conn: &mut DbConn, id: &str) -> Result<bool, Error> {
    let n = diesel::update(
        vc::table
            .filter(vc::id.eq(id))
            .filter(vc::attempts.lt(vc::max_attempts))
            .filter(vc::consumed_at.is_null())
            .filter(vc::superseded.eq(0)),
    )
    .set(vc::attempts.eq(vc::attempts + 1))
    .execute(conn)?;
    Ok(n == 1)
}

/// Consumes the code. False when someone else consumed it first.
pub fn consume(conn: &mut DbConn, id: &str, now: NaiveDateTime) -> Result<bool, Error> {
    let n = diesel::update(
        vc::table
            .filter(vc::id.eq(id))
            .filter(vc::consumed_at.is_null()),
    )
    .set(vc::consumed_at.eq(Some(now)))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn attempts(conn: &mut DbConn, id: &str) -> Result<i32, Error> {
    Ok(vc::table
        .filter(vc::id.eq(id))
        .select(vc::attempts)
        .first(conn)?)
}

/// Housekeeping: codes older than `before` no longer count for any limit.
pub fn purge_before(conn: &mut DbConn, before: NaiveDateTime) -> Result<usize, Error> {
    Ok(diesel::delete(vc::table.filter(vc::created_at.lt(before))).execute(conn)?)
}
