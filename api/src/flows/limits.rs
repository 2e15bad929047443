//! Counting limits kept in `rate_events`, shared by every replica.

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use crate::clock::seconds_until;
use crate::error::Error;
use crate::store::{self, DbConn, ts, utc};

/// Refuses with 429 when `bucket` already holds `limit` events within `window`.
pub fn check(
    conn: &mut DbConn,
    bucket: &str,
    window: Duration,
    limit: i64,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    // Held until the transaction that records the event commits.
    store::rate::serialise(conn, &format!("limit:{bucket}"))?;
    let (count, oldest) = store::rate::count_since(conn, bucket, ts(now - window))?;
    if count >= limit {
        let oldest = oldest.map(utc).unwrap_or(now);
        return Err(Error::Throttled {
            retry_after_secs: seconds_until(oldest + window, now),
        });
    }
    Ok(())
}

pub fn record(conn: &mut DbConn, bucket: &str, now: DateTime<Utc>) -> Result<(), Error> {
    store::rate::record(conn, &Uuid::now_v7().to_string(), bucket, ts(now))
}

/// [`check`] then [`record`].
pub fn hit(
    conn: &mut DbConn,
    bucket: &str,
    window: Duration,
    limit: i64,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    check(conn, bucket, window, limit, now)?;
    record(conn, bucket, now)
}

/// Events in `bucket` within `window`, oldest first.
pub fn events(
    conn: &mut DbConn,
    bucket: &str,
    window: Duration,
    now: DateTime<Utc>,
) -> Result<Vec<DateTime<Utc>>, Error> {
    Ok(store::rate::events_since(conn, bucket, ts(now - window))?
        .into_iter()
        .map(utc)
        .collect())
}
