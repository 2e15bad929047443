//! Queries of `users`: the people of the built-in directory (`directory::builtin` only).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConn;
use super::schema::users;
use crate::error::Error;

/// A user row. No `Debug`: it holds the password hash.
#[derive(Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = users, treat_none_as_null = true)]
pub struct UserRow {
    pub id: String,
    pub username: String,
    pub username_key: String,
    pub display_name: String,
    pub email: String,
    pub mobile_phone: Option<String>,
    pub is_admin: i32,
    pub disabled: i32,
    pub password_hash: Option<String>,
    pub failed_sign_ins: i32,
    pub lockouts: i32,
    pub locked_until: Option<NaiveDateTime>,
    pub password_changed_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, row: &UserRow) -> Result<(), Error> {
    diesel::insert_into(users::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// Saves every column of `row` (read it, change it, save it — inside one transaction).
pub fn save(conn: &mut DbConn, row: &UserRow) -> Result<(), Error> {
    diesel::update(users::table.filter(users::id.eq(&row.id)))
        .set(row)
        .execute(conn)?;
    Ok(())
}

pub fn find(conn: &mut DbConn, id: &str) -> Result<Option<UserRow>, Error> {
    Ok(users::table
        .filter(users::id.eq(id))
        .select(UserRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn find_by_key(conn: &mut DbConn, username_key: &str) -> Result<Option<UserRow>, Error> {
    Ok(users::table
        .filter(users::username_key.eq(username_key))
        .select(UserRow::as_select())
        .first(conn)
        .optional()?)
}

/// [`find_by_key`] and the ids of the person's groups, in one statement (a left join: one row
/// per group, or one without a group).
pub fn find_by_key_with_groups(
    conn: &mut DbConn,
    username_key: &str,
) -> Result<Option<(UserRow, Vec<String>)>, Error> {
    use super::schema::group_members;
    let rows: Vec<(UserRow, Option<String>)> = super::prepared::natively!(conn, |c| {
        users::table
            .left_join(group_members::table)
            .filter(users::username_key.eq(username_key))
            .select((UserRow::as_select(), group_members::group_id.nullable()))
            .load(c)?
    });
    let mut rows = rows.into_iter();
    let Some((user, first)) = rows.next() else {
        return Ok(None);
    };
    let groups = first
        .into_iter()
        .chain(rows.filter_map(|(_, g)| g))
        .collect();
    Ok(Some((user, groups)))
}

pub fn delete(conn: &mut DbConn, id: &str) -> Result<usize, Error> {
    Ok(diesel::delete(users::table.filter(users::id.eq(id))).execute(conn)?)
}

/// Administrators who can sign in (not disabled).
pub fn count_active_admins(conn: &mut DbConn) -> Result<i64, Error> {
    Ok(users::table
        .filter(users::is_admin.eq(1))
        .filter(users::disabled.eq(0))
        .count()
        .get_result(conn)?)
}

pub fn count_admins(conn: &mut DbConn) -> Result<i64, Error> {
    Ok(users::table
        .filter(users::is_admin.eq(1))
        .count()
        .get_result(conn)?)
}

diesel::define_sql_function! {
    /// SQL `lower()`, the same in both backends for ASCII.
    fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

/// A page of users ordered by username, optionally filtered by a search term matched against
/// username, display name and email (case-insensitive substring). Returns the page and the total.
pub fn list(
    conn: &mut DbConn,
    search: Option<&str>,
    offset: i64,
    limit: i64,
) -> Result<(Vec<UserRow>, i64), Error> {
    let filtered = || {
        let mut q = users::table.into_boxed();
        if let Some(term) = search {
            // Escape LIKE's metacharacters so the term is matched literally.
            let escaped = term
                .to_lowercase()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            let pattern = format!("%{escaped}%");
            q = q.filter(
                users::username_key
                    .like(pattern.clone())
                    .escape('\\')
                    .or(lower(users::display_name)
                        .like(pattern.clone())
                        .escape('\\'))
                    .or(lower(users::email).like(pattern).escape('\\')),
            );
        }
        q
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let rows = filtered()
        .select(UserRow::as_select())
        .order(users::username_key.asc())
        .offset(offset)
        .limit(limit)
        .load(conn)?;
    Ok((rows, total))
}

/// Adds one to the failure counter and returns the new value. An atomic increment, so that
/// parallel wrong passwords are all counted.
pub fn count_failure(conn: &mut DbConn, id: &str, now: NaiveDateTime) -> Result<i32, Error> {
    diesel::update(users::table.filter(users::id.eq(id)))
        .set((
            users::failed_sign_ins.eq(users::failed_sign_ins + 1),
            users::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(users::table
        .filter(users::id.eq(id))
        .select(users::failed_sign_ins)
        .first(conn)?)
}

pub fn by_ids(conn: &mut DbConn, ids: &[String]) -> Result<Vec<UserRow>, Error> {
    Ok(users::table
        .filter(users::id.eq_any(ids))
        .select(UserRow::as_select())
        .load(conn)?)
}

/// The last `n` previous password hashes of a user, newest first.
pub fn password_history(conn: &mut DbConn, user_id: &str, n: i64) -> Result<Vec<String>, Error> {
    use super::schema::password_history as ph;
    Ok(ph::table
        .filter(ph::user_id.eq(user_id))
        .order(ph::created_at.desc())
        .limit(n)
        .select(ph::password_hash)
        .load(conn)?)
}

/// Keeps a hash that is being replaced, so that it cannot be chosen again.
pub fn remember_password(
    conn: &mut DbConn,
    id: &str,
    user_id: &str,
    hash: &str,
    at: NaiveDateTime,
) -> Result<(), Error> {
    use super::schema::password_history as ph;
    diesel::insert_into(ph::table)
        .values((
            ph::id.eq(id),
            ph::user_id.eq(user_id),
            ph::password_hash.eq(hash),
            ph::created_at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}

/// Administrators who can sign in.
pub fn active_admins(conn: &mut DbConn) -> Result<Vec<UserRow>, Error> {
    Ok(users::table
        .filter(users::is_admin.eq(1))
        .filter(users::disabled.eq(0))
        .select(UserRow::as_select())
        .load(conn)?)
}
