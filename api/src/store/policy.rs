//! Queries of `policy_versions`: every saved policy is a new row; the highest version is current.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConn;
use super::schema::policy_versions;
use crate::error::Error;

#[derive(Clone, Debug, Queryable, Selectable, Insertable)]
#[diesel(table_name = policy_versions)]
pub struct PolicyRow {
    pub version: i64,
    pub document: String,
    pub created_at: NaiveDateTime,
    pub created_by: Option<String>,
}

pub fn current(conn: &mut DbConn) -> Result<Option<PolicyRow>, Error> {
    Ok(policy_versions::table
        .select(PolicyRow::as_select())
        .order(policy_versions::version.desc())
        .first(conn)
        .optional()?)
}

/// Inserts a version. Two administrators saving at once both try the same version number; the
/// primary key lets exactly one of them win (the other gets a unique violation → 409).
pub fn insert(conn: &mut DbConn, row: &PolicyRow) -> Result<(), Error> {
    diesel::insert_into(policy_versions::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}
