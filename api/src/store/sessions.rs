//! Queries of `sessions`: one row per sign-in, so that a single session can be revoked.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConn;
use super::accounts::AccountRow;
use super::schema::{accounts, sessions};
use crate::error::Error;

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = sessions)]
pub struct SessionRow {
    pub id: String,
    pub user_id: String,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub revoked_at: Option<NaiveDateTime>,
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    /// 1 when the person had no active method at sign-in: the session may register the first
    /// set without a step-up.
    pub began_without_methods: i32,
    /// Until when a recent proof with one of the person's methods lets it change them.
    pub elevated_until: Option<NaiveDateTime>,
}

pub fn insert(conn: &mut DbConn, row: &SessionRow) -> Result<(), Error> {
    diesel::insert_into(sessions::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// The session with its user, in one query (it runs on every authenticated request).
pub fn find_with_account(
    conn: &mut DbConn,
    id: &str,
) -> Result<Option<(SessionRow, AccountRow)>, Error> {
    Ok(sessions::table
        .inner_join(accounts::table)
        .filter(sessions::id.eq(id))
        .select((SessionRow::as_select(), AccountRow::as_select()))
        .first(conn)
        .optional()?)
}

pub fn revoke(conn: &mut DbConn, id: &str, now: NaiveDateTime) -> Result<usize, Error> {
    Ok(diesel::update(
        sessions::table
            .filter(sessions::id.eq(id))
            .filter(sessions::revoked_at.is_null()),
    )
    .set(sessions::revoked_at.eq(Some(now)))
    .execute(conn)?)
}

/// Revokes every live session of a user except `keep` (the one making the request, if any).
pub fn revoke_all_for_user(
    conn: &mut DbConn,
    user_id: &str,
    keep: Option<&str>,
    now: NaiveDateTime,
) -> Result<usize, Error> {
    let mut target = sessions::table
        .filter(sessions::user_id.eq(user_id))
        .filter(sessions::revoked_at.is_null())
        .into_boxed();
    if let Some(keep) = keep {
        target = target.filter(sessions::id.ne(keep));
    }
    // Boxed queries cannot be the target of an UPDATE; select the ids first.
    let ids: Vec<String> = target.select(sessions::id).load(conn)?;
    Ok(
        diesel::update(sessions::table.filter(sessions::id.eq_any(ids)))
            .set(sessions::revoked_at.eq(Some(now)))
            .execute(conn)?,
    )
}

/// Removes sessions that ended more than a day ago (housekeeping, called opportunistically).
pub fn purge_expired(conn: &mut DbConn, before: NaiveDateTime) -> Result<usize, Error> {
    Ok(diesel::delete(sessions::table.filter(sessions::expires_at.lt(before))).execute(conn)?)
}

/// Records a step-up: the session may change security info until `until`.
pub fn elevate(conn: &mut DbConn, id: &str, until: NaiveDateTime) -> Result<usize, Error> {
    Ok(diesel::update(sessions::table.filter(sessions::id.eq(id)))
        .set(sessions::elevated_until.eq(Some(until)))
        .execute(conn)?)
}

pub fn find(conn: &mut DbConn, id: &str) -> Result<Option<SessionRow>, Error> {
    Ok(sessions::table
        .filter(sessions::id.eq(id))
        .select(SessionRow::as_select())
        .first(conn)
        .optional()?)
}
