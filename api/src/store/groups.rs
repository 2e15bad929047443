//! Queries of `groups` and `group_members`.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConn;
use super::schema::{group_members, groups, users};
use super::users::UserRow;
use crate::error::Error;

#[derive(Clone, Debug, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = groups, treat_none_as_null = true)]
pub struct GroupRow {
    pub id: String,
    pub name: String,
    pub name_key: String,
    pub description: Option<String>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, row: &GroupRow) -> Result<(), Error> {
    diesel::insert_into(groups::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

pub fn save(conn: &mut DbConn, row: &GroupRow) -> Result<(), Error> {
    diesel::update(groups::table.filter(groups::id.eq(&row.id)))
        .set(row)
        .execute(conn)?;
    Ok(())
}

pub fn find(conn: &mut DbConn, id: &str) -> Result<Option<GroupRow>, Error> {
    Ok(groups::table
        .filter(groups::id.eq(id))
        .select(GroupRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn delete(conn: &mut DbConn, id: &str) -> Result<usize, Error> {
    Ok(diesel::delete(groups::table.filter(groups::id.eq(id))).execute(conn)?)
}

/// All groups by name, with their member counts.
pub fn list(conn: &mut DbConn) -> Result<Vec<(GroupRow, i64)>, Error> {
    let rows: Vec<GroupRow> = groups::table
        .select(GroupRow::as_select())
        .order(groups::name_key.asc())
        .load(conn)?;
    let counts: Vec<(String, i64)> = group_members::table
        .group_by(group_members::group_id)
        .select((group_members::group_id, diesel::dsl::count_star()))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|g| {
            let n = counts
                .iter()
                .find(|(id, _)| *id == g.id)
                .map_or(0, |(_, n)| *n);
            (g, n)
        })
        .collect())
}

pub fn all_ids(conn: &mut DbConn) -> Result<Vec<String>, Error> {
    Ok(groups::table.select(groups::id).load(conn)?)
}

pub fn members(conn: &mut DbConn, group_id: &str) -> Result<Vec<UserRow>, Error> {
    Ok(group_members::table
        .inner_join(users::table)
        .filter(group_members::group_id.eq(group_id))
        .select(UserRow::as_select())
        .order(users::username_key.asc())
        .load(conn)?)
}

/// Replaces the members of a group.
pub fn set_members(conn: &mut DbConn, group_id: &str, user_ids: &[String]) -> Result<(), Error> {
    diesel::delete(group_members::table.filter(group_members::group_id.eq(group_id)))
        .execute(conn)?;
    // One statement per member: the multi-backend connection has no batch insert (SQLite's
    // lacks the DEFAULT keyword), and member lists are bounded per request.
    for user_id in user_ids {
        diesel::insert_into(group_members::table)
            .values((
                group_members::group_id.eq(group_id),
                group_members::user_id.eq(user_id),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The ids of the groups a user belongs to.
pub fn of_user(conn: &mut DbConn, user_id: &str) -> Result<Vec<String>, Error> {
    Ok(group_members::table
        .filter(group_members::user_id.eq(user_id))
        .select(group_members::group_id)
        .load(conn)?)
}

/// Every (group_id, user_id) pair.
pub fn all_memberships(conn: &mut DbConn) -> Result<Vec<(String, String)>, Error> {
    Ok(group_members::table
        .select((group_members::group_id, group_members::user_id))
        .load(conn)?)
}
