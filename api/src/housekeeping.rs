//! Housekeeping: deletes rows that no rule will read again, so that the tables that grow with
//! every request (`rate_events`, `captcha_uses`, `verification_codes`, `sessions`, `ceremonies`) stay the size
//! of their windows instead of growing for ever. Every replica runs it; the deletes are
//! idempotent, so replicas running it together do no harm.

use chrono::{DateTime, Duration, Utc};

use crate::context::Ctx;
use crate::error::Error;
use crate::store::{self, ts};

/// How often a replica purges; the first pass waits one period too, so that start-up stays quick.
const PERIOD: std::time::Duration = std::time::Duration::from_secs(600);

/// What one pass deleted.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Purged {
    pub rate_events: usize,
    pub captcha_uses: usize,
    pub codes: usize,
    pub sessions: usize,
    pub ceremonies: usize,
}

/// Deletes what is past every window that reads it, with a margin: limit events twice the
/// longest limit window (the self-service block, 24 hours by default), codes after two days
/// (their send and try limits look back an hour at most), used CAPTCHA challenges an hour after
/// they expired (an expired challenge is refused by its own signed expiry), sessions a day after
/// they ended, passkey ceremonies once they expired (an expired one is refused when taken).
pub async fn purge(ctx: &Ctx, now: DateTime<Utc>) -> Result<Purged, Error> {
    let longest = Duration::hours(ctx.config.recovery.account_block_hours.max(24));
    ctx.store
        .write(move |conn| {
            Ok(Purged {
                rate_events: store::rate::purge_before(conn, ts(now - longest * 2))?,
                captcha_uses: store::rate::purge_captcha_before(
                    conn,
                    ts(now - Duration::hours(1)),
                )?,
                codes: store::codes::purge_before(conn, ts(now - Duration::days(2)))?,
                sessions: store::sessions::purge_expired(conn, ts(now - Duration::days(1)))?,
                ceremonies: store::ceremonies::purge_before(conn, ts(now))?,
            })
        })
        .await
}

/// Purges every [`PERIOD`] until the runtime ends.
pub fn spawn(ctx: Ctx) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + PERIOD, PERIOD);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match purge(&ctx, ctx.now()).await {
                Ok(purged) => tracing::debug!(?purged, "housekeeping pass"),
                Err(e) => tracing::warn!(error = %e, "housekeeping pass failed"),
            }
        }
    });
}
