//! Counting limits kept in `rate_events`, shared by every replica.

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use crate::clock::seconds_until;
use crate::error::Error;
use crate::store::ports::{LimitCheck, Limits};
use crate::store::{ts, utc};

/// The part of a client address a limit counts by: the whole IPv4 address, an IPv6 address's
/// /64 (one subscriber gets a whole /64 and can pick any address in it), "unknown" without one.
pub fn address_key(ip: Option<std::net::IpAddr>) -> String {
    match ip {
        Some(std::net::IpAddr::V4(v4)) => v4.to_string(),
        Some(std::net::IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
        None => "unknown".to_owned(),
    }
}

/// Refuses with 429 when `bucket` already holds `limit` events within `window`.
pub fn check(
    conn: &mut impl Limits,
    bucket: &str,
    window: Duration,
    limit: i64,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    // Held until the transaction that records the event commits.
    conn.serialise(&format!("limit:{bucket}"))?;
    let (count, oldest) = conn.count_events(bucket, ts(now - window))?;
    if count >= limit {
        let oldest = oldest.map(utc).unwrap_or(now);
        return Err(Error::Throttled {
            retry_after_secs: seconds_until(oldest + window, now),
        });
    }
    Ok(())
}

pub fn record(conn: &mut impl Limits, bucket: &str, now: DateTime<Utc>) -> Result<(), Error> {
    conn.record_event(&Uuid::now_v7().to_string(), bucket, ts(now))
}

/// [`check`] then [`record`].
pub fn hit(
    conn: &mut impl Limits,
    bucket: &str,
    window: Duration,
    limit: i64,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    check(conn, bucket, window, limit, now)?;
    record(conn, bucket, now)
}

/// One limit of a request for [`decide`]: `bucket` may hold fewer than `max` events within
/// `window`; `record` counts the request in it.
pub struct Limit {
    pub bucket: String,
    pub window: Duration,
    pub max: i64,
    pub record: bool,
}

/// Decides a request's limits together (one statement on PostgreSQL): 429 with the wait of
/// the first full one, in order; otherwise the events of those that record are written. The
/// same answers as [`check`] and [`hit`] one after the other.
pub fn decide(conn: &mut impl Limits, limits: &[Limit], now: DateTime<Utc>) -> Result<(), Error> {
    let checks: Vec<LimitCheck> = limits
        .iter()
        .map(|l| LimitCheck {
            bucket: l.bucket.clone(),
            since: ts(now - l.window),
            max: l.max,
            record: l.record,
            id: Uuid::now_v7().to_string(),
        })
        .collect();
    let held = conn.decide_limits(&checks, ts(now))?;
    for (limit, (count, oldest)) in limits.iter().zip(held) {
        if count >= limit.max {
            let oldest = oldest.map(utc).unwrap_or(now);
            return Err(Error::Throttled {
                retry_after_secs: seconds_until(oldest + limit.window, now),
            });
        }
    }
    Ok(())
}

/// Events in `bucket` within `window`, oldest first.
pub fn events(
    conn: &mut impl Limits,
    bucket: &str,
    window: Duration,
    now: DateTime<Utc>,
) -> Result<Vec<DateTime<Utc>>, Error> {
    Ok(conn
        .events(bucket, ts(now - window))?
        .into_iter()
        .map(utc)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::address_key;

    #[test]
    fn ipv6_addresses_count_by_their_64() {
        let a = address_key(Some("2001:db8:1:2:aaaa::1".parse().unwrap()));
        let b = address_key(Some("2001:db8:1:2:ffff:1:2:3".parse().unwrap()));
        assert_eq!(a, b);
        assert_eq!(a, "2001:db8:1:2::/64");
        assert_ne!(a, address_key(Some("2001:db8:1:3::1".parse().unwrap())));
        assert_eq!(address_key(Some("192.0.2.7".parse().unwrap())), "192.0.2.7");
        assert_eq!(
            address_key(Some("::ffff:192.0.2.7".parse().unwrap())),
            "192.0.2.7"
        );
        assert_eq!(address_key(None), "unknown");
    }
}
