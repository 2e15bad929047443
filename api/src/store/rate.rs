//! Queries of `rate_events` and `captcha_uses`: limits and single-use values shared by every
//! replica.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::DbConn;
use super::prepared::{self, Prepared};
use super::schema::{captcha_uses, rate_events};
use crate::error::Error;

/// Serialises, until the end of the transaction, every transaction that decides on `key` (a
/// limit's bucket, the set of administrators): a limit is decided by one serialised
/// count-then-insert, not by two statements that concurrent transactions interleave under
/// READ COMMITTED. PostgreSQL takes a transaction-scoped advisory lock on the key's 64-bit hash;
/// SQLite's write transactions (`BEGIN IMMEDIATE`) are serialised already.
pub fn serialise(conn: &mut DbConn, key: &str) -> Result<(), Error> {
    if let DbConn::Pg(pg) = conn {
        diesel::sql_query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
            .bind::<diesel::sql_types::Text, _>(key)
            .execute(pg)?;
    }
    Ok(())
}

/// [`serialise`] on each key, in the order given, in one statement: PostgreSQL evaluates a
/// `SELECT` list left to right, so two callers with the same keys in the same order queue on
/// the first and never deadlock.
pub fn serialise_all(conn: &mut DbConn, keys: &[String]) -> Result<(), Error> {
    if let DbConn::Pg(pg) = conn
        && !keys.is_empty()
    {
        let locks: Vec<String> = (1..=keys.len())
            .map(|i| format!("pg_advisory_xact_lock(hashtextextended(${i}, 0))"))
            .collect();
        let mut query = diesel::sql_query(format!("SELECT {}", locks.join(", "))).into_boxed();
        for key in keys {
            query = query.bind::<diesel::sql_types::Text, _>(key.clone());
        }
        query.execute(pg)?;
    }
    Ok(())
}

/// Times of the events in `bucket` since `since`, oldest first.
pub fn events_since(
    conn: &mut DbConn,
    bucket: &str,
    since: NaiveDateTime,
) -> Result<Vec<NaiveDateTime>, Error> {
    Ok(rate_events::table
        .filter(rate_events::bucket.eq(bucket))
        .filter(rate_events::at.ge(since))
        .order(rate_events::at.asc())
        .select(rate_events::at)
        .load(conn)?)
}

/// How many events `bucket` holds since `since`, and the oldest of them: one aggregate row,
/// however full the bucket is (a limit check must not load every event it counts).
pub fn count_since(
    conn: &mut DbConn,
    bucket: &str,
    since: NaiveDateTime,
) -> Result<(i64, Option<NaiveDateTime>), Error> {
    use diesel::dsl::{count_star, min};
    // An aggregate without GROUP BY: exactly one row, no LIMIT needed.
    let rows: Vec<(i64, Option<NaiveDateTime>)> = prepared::natively!(conn, |c| {
        rate_events::table
            .filter(rate_events::bucket.eq(bucket))
            .filter(rate_events::at.ge(since))
            .select((count_star(), min(rate_events::at)))
            .load(c)?
    });
    rows.into_iter()
        .next()
        .ok_or_else(|| Error::internal("a count returned no row"))
}

pub fn record(conn: &mut DbConn, id: &str, bucket: &str, at: NaiveDateTime) -> Result<(), Error> {
    let insert = diesel::insert_into(rate_events::table).values((
        rate_events::id.eq(id),
        rate_events::bucket.eq(bucket),
        rate_events::at.eq(at),
    ));
    prepared::execute(conn, insert)?;
    Ok(())
}

/// PostgreSQL: [`super::ports::Limits::decide_limits`] in one statement, the `rate_decide`
/// function (migration 15): the buckets locked in order, counted after the locks, and the
/// events written when none is full.
pub fn decide(
    conn: &mut DbConn,
    checks: &[super::ports::LimitCheck],
    at: NaiveDateTime,
) -> Result<Vec<(i64, Option<NaiveDateTime>)>, Error> {
    use diesel::sql_types::{Array, BigInt, Bool, Integer, Nullable, Text, Timestamp};

    #[derive(QueryableByName)]
    struct Held {
        #[diesel(sql_type = Integer)]
        slot: i32,
        #[diesel(sql_type = BigInt)]
        held: i64,
        #[diesel(sql_type = Nullable<Timestamp>)]
        first_at: Option<NaiveDateTime>,
    }
    let DbConn::Pg(pg) = conn else {
        return Err(Error::internal("rate_decide is PostgreSQL's"));
    };
    let decide =
        diesel::sql_query("SELECT slot, held, first_at FROM rate_decide($1, $2, $3, $4, $5, $6)")
            .bind::<Array<Text>, _>(checks.iter().map(|c| c.bucket.as_str()).collect::<Vec<_>>())
            .bind::<Array<Timestamp>, _>(checks.iter().map(|c| c.since).collect::<Vec<_>>())
            .bind::<Array<BigInt>, _>(checks.iter().map(|c| c.max).collect::<Vec<_>>())
            .bind::<Array<Bool>, _>(checks.iter().map(|c| c.record).collect::<Vec<_>>())
            .bind::<Array<Text>, _>(checks.iter().map(|c| c.id.as_str()).collect::<Vec<_>>())
            .bind::<Timestamp, _>(at);
    let mut rows: Vec<Held> = Prepared(decide).load(pg)?;
    rows.sort_by_key(|r| r.slot);
    Ok(rows.into_iter().map(|r| (r.held, r.first_at)).collect())
}

pub fn purge_before(conn: &mut DbConn, before: NaiveDateTime) -> Result<usize, Error> {
    Ok(diesel::delete(rate_events::table.filter(rate_events::at.lt(before))).execute(conn)?)
}

/// Marks a CAPTCHA challenge as used. False when it was used before: the primary key lets one
/// use win.
pub fn use_captcha(
    conn: &mut DbConn,
    challenge: &str,
    expires_at: NaiveDateTime,
) -> Result<bool, Error> {
    let insert = diesel::insert_into(captcha_uses::table).values((
        captcha_uses::challenge.eq(challenge),
        captcha_uses::expires_at.eq(expires_at),
    ));
    let inserted = prepared::execute(conn, insert);
    match inserted {
        Ok(_) => Ok(true),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

pub fn purge_captcha_before(conn: &mut DbConn, before: NaiveDateTime) -> Result<usize, Error> {
    Ok(
        diesel::delete(captcha_uses::table.filter(captcha_uses::expires_at.lt(before)))
            .execute(conn)?,
    )
}
