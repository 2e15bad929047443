//! Queries of `accounts`: this service's own record of a person, whatever directory they live
//! in (our id, which directory, the directory's id for them, session epoch, must-change flag,
//! registration clock). Every foreign key of ours points here.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConn;
use super::schema::accounts;
use crate::error::Error;

#[derive(Clone, Debug, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = accounts, treat_none_as_null = true)]
pub struct AccountRow {
    pub id: String,
    pub directory: String,
    pub directory_ref: String,
    pub session_epoch: i64,
    pub must_change_password: i32,
    pub methods_confirmed_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// The language the person chose (`i18n::Lang`), if any.
    pub language: Option<String>,
}

impl AccountRow {
    /// A new account for the person `directory_ref` of `directory`, under our id `id`.
    pub fn new(id: &str, directory: &str, directory_ref: &str, now: NaiveDateTime) -> Self {
        Self {
            id: id.to_owned(),
            directory: directory.to_owned(),
            directory_ref: directory_ref.to_owned(),
            session_epoch: 0,
            must_change_password: 0,
            methods_confirmed_at: None,
            created_at: now,
            updated_at: now,
            language: None,
        }
    }
}

pub fn insert(conn: &mut DbConn, row: &AccountRow) -> Result<(), Error> {
    diesel::insert_into(accounts::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// The account of a directory's person, made now when they have none (a person of an LDAP
/// directory gets one at their first sign-in). Our id is the directory's id: both are UUIDs
/// (`entryUUID`, `objectGUID`, the built-in user's id).
pub fn ensure(
    conn: &mut DbConn,
    directory: &str,
    directory_ref: &str,
    now: NaiveDateTime,
) -> Result<AccountRow, Error> {
    if let Some(account) = of(conn, directory, directory_ref)? {
        return Ok(account);
    }
    let row = AccountRow::new(directory_ref, directory, directory_ref, now);
    // In a savepoint: the same person's other first sign-in may insert it meanwhile.
    let inserted = conn.transaction(|conn| {
        diesel::insert_into(accounts::table)
            .values(&row)
            .execute(conn)
    });
    match inserted {
        Ok(_)
        | Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => {}
        Err(e) => return Err(e.into()),
    }
    of(conn, directory, directory_ref)?.ok_or(Error::NotFound("account"))
}

pub fn find(conn: &mut DbConn, id: &str) -> Result<Option<AccountRow>, Error> {
    Ok(accounts::table
        .filter(accounts::id.eq(id))
        .select(AccountRow::as_select())
        .first(conn)
        .optional()?)
}

/// The account of a directory's person, when there is one.
pub fn of(
    conn: &mut DbConn,
    directory: &str,
    directory_ref: &str,
) -> Result<Option<AccountRow>, Error> {
    Ok(accounts::table
        .filter(accounts::directory.eq(directory))
        .filter(accounts::directory_ref.eq(directory_ref))
        .select(AccountRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn by_ids(conn: &mut DbConn, ids: &[String]) -> Result<Vec<AccountRow>, Error> {
    Ok(accounts::table
        .filter(accounts::id.eq_any(ids))
        .select(AccountRow::as_select())
        .load(conn)?)
}

/// Deletes the account and, by cascade, everything of ours about the person.
pub fn delete(conn: &mut DbConn, id: &str) -> Result<usize, Error> {
    Ok(diesel::delete(accounts::table.filter(accounts::id.eq(id))).execute(conn)?)
}

/// Ends every session issued so far (raises the session epoch).
pub fn end_sessions(conn: &mut DbConn, id: &str, now: NaiveDateTime) -> Result<(), Error> {
    diesel::update(accounts::table.filter(accounts::id.eq(id)))
        .set((
            accounts::session_epoch.eq(accounts::session_epoch + 1),
            accounts::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// Sets or clears "the password must be changed at the next sign-in".
pub fn set_must_change(
    conn: &mut DbConn,
    id: &str,
    must: bool,
    now: NaiveDateTime,
) -> Result<(), Error> {
    diesel::update(accounts::table.filter(accounts::id.eq(id)))
        .set((
            accounts::must_change_password.eq(i32::from(must)),
            accounts::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// Starts (`Some`) or clears (`None`) the reconfirmation clock.
pub fn set_methods_confirmed(
    conn: &mut DbConn,
    id: &str,
    at: Option<NaiveDateTime>,
) -> Result<(), Error> {
    diesel::update(accounts::table.filter(accounts::id.eq(id)))
        .set(accounts::methods_confirmed_at.eq(at))
        .execute(conn)?;
    Ok(())
}

/// Records the language the person chose (`None`: none, the browser's or the organisation's).
pub fn set_language(conn: &mut DbConn, id: &str, language: Option<&str>) -> Result<(), Error> {
    diesel::update(accounts::table.filter(accounts::id.eq(id)))
        .set(accounts::language.eq(language))
        .execute(conn)?;
    Ok(())
}
