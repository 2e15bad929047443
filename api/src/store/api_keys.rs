//! Queries of `api_keys`: the administrators' named keys, each a MAC of its secret, its scopes,
//! its expiry and the client addresses it may be used from.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConn;
use super::schema::api_keys as k;
use crate::error::Error;

/// A key as stored. No `Debug`: it holds the secret's MAC.
#[derive(Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = k)]
pub struct ApiKeyRow {
    pub id: String,
    pub name: String,
    pub mac: String,
    /// JSON array of scope names.
    pub scopes: String,
    /// JSON array of addresses and networks (`203.0.113.7`, `10.0.0.0/8`); empty: any.
    pub allowed_addresses: String,
    pub expires_at: Option<NaiveDateTime>,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub last_used_at: Option<NaiveDateTime>,
    pub last_used_from: Option<String>,
    pub revoked_at: Option<NaiveDateTime>,
}

pub fn insert(conn: &mut DbConn, row: &ApiKeyRow) -> Result<(), Error> {
    diesel::insert_into(k::table).values(row).execute(conn)?;
    Ok(())
}

pub fn find(conn: &mut DbConn, id: &str) -> Result<Option<ApiKeyRow>, Error> {
    Ok(k::table
        .filter(k::id.eq(id))
        .select(ApiKeyRow::as_select())
        .first(conn)
        .optional()?)
}

/// Whether a key that is not revoked has this name.
pub fn name_taken(conn: &mut DbConn, name: &str) -> Result<bool, Error> {
    let n: i64 = k::table
        .filter(k::name.eq(name))
        .filter(k::revoked_at.is_null())
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// Every key, the newest first.
pub fn all(conn: &mut DbConn) -> Result<Vec<ApiKeyRow>, Error> {
    Ok(k::table
        .order(k::created_at.desc())
        .select(ApiKeyRow::as_select())
        .load(conn)?)
}

/// Records a use.
pub fn used(conn: &mut DbConn, id: &str, at: NaiveDateTime, from: &str) -> Result<(), Error> {
    diesel::update(k::table.filter(k::id.eq(id)))
        .set((k::last_used_at.eq(at), k::last_used_from.eq(from)))
        .execute(conn)?;
    Ok(())
}

/// Revokes a key that is not revoked yet; whether this call did.
pub fn revoke(conn: &mut DbConn, id: &str, at: NaiveDateTime) -> Result<bool, Error> {
    Ok(diesel::update(
        k::table
            .filter(k::id.eq(id))
            .filter(k::revoked_at.is_null()),
    )
    .set(k::revoked_at.eq(at))
    .execute(conn)?
        == 1)
}
