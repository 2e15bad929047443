//! Queries of `ceremonies`: the state of a WebAuthn ceremony between the options sent and the
//! credential returned, one per owner (a flow, a session) and method. Taking one is a
//! conditional delete whose row count decides, so an answer is checked against it once.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConn;
use super::schema::ceremonies as c;
use crate::error::Error;

/// A ceremony's state and until when it may be answered. No `Debug`: it holds a challenge.
pub struct Ceremony {
    pub state: String,
    pub expires_at: NaiveDateTime,
}

/// Keeps `state` for `owner` and `method_id` until `expires_at`, replacing an earlier one (a
/// new challenge ends the previous).
pub fn put(
    conn: &mut DbConn,
    owner: &str,
    method_id: &str,
    state: &str,
    expires_at: NaiveDateTime,
) -> Result<(), Error> {
    diesel::delete(
        c::table
            .filter(c::owner.eq(owner))
            .filter(c::method_id.eq(method_id)),
    )
    .execute(conn)?;
    diesel::insert_into(c::table)
        .values((
            c::owner.eq(owner),
            c::method_id.eq(method_id),
            c::state.eq(state),
            c::expires_at.eq(expires_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// Takes the ceremony of `owner` and `method_id`: it is deleted, and returned only to the one
/// request whose delete removed it (of racing answers, one gets it).
pub fn take(conn: &mut DbConn, owner: &str, method_id: &str) -> Result<Option<Ceremony>, Error> {
    let found: Option<(String, NaiveDateTime)> = c::table
        .filter(c::owner.eq(owner))
        .filter(c::method_id.eq(method_id))
        .select((c::state, c::expires_at))
        .first(conn)
        .optional()?;
    let Some((state, expires_at)) = found else {
        return Ok(None);
    };
    let taken = diesel::delete(
        c::table
            .filter(c::owner.eq(owner))
            .filter(c::method_id.eq(method_id))
            .filter(c::state.eq(&state)),
    )
    .execute(conn)?;
    Ok((taken == 1).then_some(Ceremony { state, expires_at }))
}

/// Drops the ceremonies that expired before `before`; how many.
pub fn purge_before(conn: &mut DbConn, before: NaiveDateTime) -> Result<usize, Error> {
    Ok(diesel::delete(c::table.filter(c::expires_at.lt(before))).execute(conn)?)
}
