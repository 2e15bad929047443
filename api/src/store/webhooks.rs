//! Queries of `webhook_endpoints`, and of the outbox rows that are their deliveries.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConn;
use super::outbox::OutboxRow;
use super::schema::{outbox, webhook_endpoints as w};
use crate::error::Error;

/// The outbox `kind` of a webhook delivery.
pub const KIND: &str = "webhook";

/// An endpoint as stored. No `Debug`: it holds the sealed secret.
#[derive(Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = w)]
pub struct EndpointRow {
    pub id: String,
    pub url: String,
    /// JSON array of event types.
    pub events: String,
    pub secret_sealed: String,
    pub description: Option<String>,
    pub created_by: String,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, row: &EndpointRow) -> Result<(), Error> {
    diesel::insert_into(w::table).values(row).execute(conn)?;
    Ok(())
}

pub fn all(conn: &mut DbConn) -> Result<Vec<EndpointRow>, Error> {
    Ok(w::table
        .order(w::created_at.asc())
        .select(EndpointRow::as_select())
        .load(conn)?)
}

pub fn find(conn: &mut DbConn, id: &str) -> Result<Option<EndpointRow>, Error> {
    Ok(w::table
        .filter(w::id.eq(id))
        .select(EndpointRow::as_select())
        .first(conn)
        .optional()?)
}

/// Removes an endpoint and its deliveries not yet made; whether it existed.
pub fn delete(conn: &mut DbConn, id: &str) -> Result<bool, Error> {
    diesel::delete(
        outbox::table
            .filter(outbox::kind.eq(KIND))
            .filter(outbox::recipient.eq(id))
            .filter(outbox::sent_at.is_null()),
    )
    .execute(conn)?;
    Ok(diesel::delete(w::table.filter(w::id.eq(id))).execute(conn)? == 1)
}

/// Queues a delivery unless one with this id exists (its id is derived from the endpoint and
/// the audit entry, so replicas that both see the entry queue it once); whether it was new.
pub fn queue_once(conn: &mut DbConn, row: &OutboxRow) -> Result<bool, Error> {
    let exists: i64 = outbox::table
        .filter(outbox::id.eq(&row.id))
        .count()
        .get_result(conn)?;
    if exists > 0 {
        return Ok(false);
    }
    match diesel::insert_into(outbox::table).values(row).execute(conn) {
        Ok(_) => Ok(true),
        // Another replica queued it between the count and the insert.
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// An endpoint's deliveries, the newest first.
pub fn deliveries(conn: &mut DbConn, endpoint: &str, limit: i64) -> Result<Vec<OutboxRow>, Error> {
    Ok(outbox::table
        .filter(outbox::kind.eq(KIND))
        .filter(outbox::recipient.eq(endpoint))
        .order((outbox::created_at.desc(), outbox::id.desc()))
        .limit(limit)
        .select(OutboxRow::as_select())
        .load(conn)?)
}

/// Makes a delivery of `endpoint` due again now (a manual redelivery); whether it exists.
pub fn redeliver(
    conn: &mut DbConn,
    endpoint: &str,
    id: &str,
    now: NaiveDateTime,
) -> Result<bool, Error> {
    Ok(diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::kind.eq(KIND))
            .filter(outbox::recipient.eq(endpoint)),
    )
    .set((
        outbox::sent_at.eq(None::<NaiveDateTime>),
        outbox::given_up_at.eq(None::<NaiveDateTime>),
        outbox::next_attempt_at.eq(now),
        outbox::claimed_until.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)?
        == 1)
}

/// Records how a delivery went: its answer, and (when it was taken) when.
pub fn record_answer(conn: &mut DbConn, id: &str, token: &str, answer: &str) -> Result<(), Error> {
    diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::claim_token.eq(token)),
    )
    .set(outbox::last_error.eq(Some(answer)))
    .execute(conn)?;
    Ok(())
}

/// The ids of the deliveries queued at or after `since`.
pub fn queued_since(conn: &mut DbConn, since: NaiveDateTime) -> Result<Vec<String>, Error> {
    Ok(outbox::table
        .filter(outbox::kind.eq(KIND))
        .filter(outbox::created_at.ge(since))
        .select(outbox::id)
        .load(conn)?)
}
