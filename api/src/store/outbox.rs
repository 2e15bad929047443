//! Queries of `outbox`: notifications waiting to be sent, claimed by one sender at a time.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConn;
use super::schema::outbox;
use crate::error::Error;

#[derive(Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = outbox)]
pub struct OutboxRow {
    pub id: String,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    pub created_at: NaiveDateTime,
    pub attempts: i32,
    pub next_attempt_at: NaiveDateTime,
    pub claimed_until: Option<NaiveDateTime>,
    pub claim_token: Option<String>,
    pub sent_at: Option<NaiveDateTime>,
    pub last_error: Option<String>,
    /// When retrying stopped (a webhook delivery failing for a day); never tried again then.
    pub given_up_at: Option<NaiveDateTime>,
}

pub fn insert(conn: &mut DbConn, row: &OutboxRow) -> Result<(), Error> {
    diesel::insert_into(outbox::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// Makes unsent messages due at `now`.
pub fn make_due(conn: &mut DbConn, ids: &[String], now: NaiveDateTime) -> Result<(), Error> {
    diesel::update(
        outbox::table
            .filter(outbox::id.eq_any(ids))
            .filter(outbox::sent_at.is_null()),
    )
    .set(outbox::next_attempt_at.eq(now))
    .execute(conn)?;
    Ok(())
}

/// Deletes messages that were not sent.
pub fn delete_unsent(conn: &mut DbConn, ids: &[String]) -> Result<(), Error> {
    diesel::delete(
        outbox::table
            .filter(outbox::id.eq_any(ids))
            .filter(outbox::sent_at.is_null()),
    )
    .execute(conn)?;
    Ok(())
}

/// Ids of messages that are due and not claimed by a live sender.
pub fn due(conn: &mut DbConn, now: NaiveDateTime, limit: i64) -> Result<Vec<String>, Error> {
    Ok(outbox::table
        .filter(outbox::sent_at.is_null())
        .filter(outbox::given_up_at.is_null())
        .filter(outbox::next_attempt_at.le(now))
        .filter(
            outbox::claimed_until
                .is_null()
                .or(outbox::claimed_until.lt(now)),
        )
        .order(outbox::next_attempt_at.asc())
        .limit(limit)
        .select(outbox::id)
        .load(conn)?)
}

/// Claims one message for `token` until `until`. Several senders (replicas) may race for the
/// same row: the conditional update lets exactly one of them win, so a message is sent once.
pub fn claim(
    conn: &mut DbConn,
    id: &str,
    token: &str,
    now: NaiveDateTime,
    until: NaiveDateTime,
) -> Result<Option<OutboxRow>, Error> {
    let won = diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::sent_at.is_null())
            .filter(outbox::given_up_at.is_null())
            // Still due: another sender may have tried it, failed and put it off since this
            // one read the list (without this it was sent again at once).
            .filter(outbox::next_attempt_at.le(now))
            .filter(
                outbox::claimed_until
                    .is_null()
                    .or(outbox::claimed_until.lt(now)),
            ),
    )
    .set((
        outbox::claimed_until.eq(Some(until)),
        outbox::claim_token.eq(Some(token)),
    ))
    .execute(conn)?;
    if won != 1 {
        return Ok(None);
    }
    Ok(outbox::table
        .filter(outbox::id.eq(id))
        .select(OutboxRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn mark_sent(
    conn: &mut DbConn,
    id: &str,
    token: &str,
    now: NaiveDateTime,
) -> Result<(), Error> {
    diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::claim_token.eq(token)),
    )
    .set((
        outbox::sent_at.eq(Some(now)),
        outbox::claimed_until.eq(None::<NaiveDateTime>),
        outbox::last_error.eq(None::<String>),
    ))
    .execute(conn)?;
    Ok(())
}

pub fn mark_failed(
    conn: &mut DbConn,
    id: &str,
    token: &str,
    next: NaiveDateTime,
    error: &str,
) -> Result<(), Error> {
    diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::claim_token.eq(token)),
    )
    .set((
        outbox::attempts.eq(outbox::attempts + 1),
        outbox::next_attempt_at.eq(next),
        outbox::claimed_until.eq(None::<NaiveDateTime>),
        outbox::last_error.eq(Some(error)),
    ))
    .execute(conn)?;
    Ok(())
}

/// Stops retrying a claimed message (a webhook delivery failing for too long): the attempt
/// counts, its answer is kept, and it is never due again unless sent again by hand.
pub fn give_up(
    conn: &mut DbConn,
    id: &str,
    token: &str,
    now: NaiveDateTime,
    error: &str,
) -> Result<(), Error> {
    diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::claim_token.eq(token)),
    )
    .set((
        outbox::attempts.eq(outbox::attempts + 1),
        outbox::given_up_at.eq(Some(now)),
        outbox::claimed_until.eq(None::<NaiveDateTime>),
        outbox::last_error.eq(Some(error)),
    ))
    .execute(conn)?;
    Ok(())
}

/// Counts of (waiting, sent) messages to one recipient (tests and diagnostics).
pub fn count_for(conn: &mut DbConn, recipient: &str) -> Result<(i64, i64), Error> {
    let waiting = outbox::table
        .filter(outbox::recipient.eq(recipient))
        .filter(outbox::sent_at.is_null())
        .count()
        .get_result(conn)?;
    let sent = outbox::table
        .filter(outbox::recipient.eq(recipient))
        .filter(outbox::sent_at.is_not_null())
        .count()
        .get_result(conn)?;
    Ok((waiting, sent))
}

/// Messages not sent yet.
pub fn waiting(conn: &mut DbConn) -> Result<i64, Error> {
    Ok(outbox::table
        .filter(outbox::sent_at.is_null())
        .count()
        .get_result(conn)?)
}
