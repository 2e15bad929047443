//! The durable outbox for notifications. A notification is a row written in the same
//! transaction as the change it reports, so "password changed" cannot be lost or sent for a
//! change that was rolled back. A background sender on every replica claims due rows one at a
//! time (a conditional update decides who wins), sends them, and retries failures with
//! exponential backoff: an SMTP outage delays mail, it never loses it.

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use super::EmailMessage;
use crate::context::Ctx;
use crate::error::Error;
use crate::store::ports::Outbox;
use crate::store::{self, outbox::OutboxRow, ts};

/// How long a sender may hold a claim before another may take the message over.
const CLAIM_SECS: i64 = 120;
const BATCH: i64 = 20;

/// Queues `message` on `conn` (call it inside the transaction that makes the change).
pub fn enqueue(
    conn: &mut impl Outbox,
    now: DateTime<Utc>,
    message: &EmailMessage,
) -> Result<(), Error> {
    enqueue_at(conn, now, now, message).map(drop)
}

/// How long a notice about a change waits for the directory to take it ([`enqueue_held`]).
pub const HOLD_SECS: i64 = 300;

/// Queues `message` held back for [`HOLD_SECS`]: a notice about a change the directory has yet
/// to take. [`release_held`] sends it at once when it did; [`cancel_held`] drops it when it did
/// not; if neither could be written, it goes out when the hold ends. Returns its id.
pub fn enqueue_held(
    conn: &mut impl Outbox,
    now: DateTime<Utc>,
    message: &EmailMessage,
) -> Result<String, Error> {
    enqueue_at(conn, now, now + Duration::seconds(HOLD_SECS), message)
}

/// Makes held messages due now.
pub fn release_held(
    conn: &mut impl Outbox,
    ids: &[String],
    now: DateTime<Utc>,
) -> Result<(), Error> {
    conn.make_outbox_due(ids, ts(now))
}

/// Drops held messages that were not sent.
pub fn cancel_held(conn: &mut impl Outbox, ids: &[String]) -> Result<(), Error> {
    conn.delete_unsent(ids)
}

fn enqueue_at(
    conn: &mut impl Outbox,
    now: DateTime<Utc>,
    due: DateTime<Utc>,
    message: &EmailMessage,
) -> Result<String, Error> {
    let id = Uuid::now_v7().to_string();
    conn.insert_outbox(&OutboxRow {
        id: id.clone(),
        kind: "email".to_owned(),
        recipient: message.to.clone(),
        subject: message.subject.clone(),
        text_body: message.text.clone(),
        html_body: message.html.clone(),
        created_at: ts(now),
        attempts: 0,
        next_attempt_at: ts(due),
        claimed_until: None,
        claim_token: None,
        sent_at: None,
        last_error: None,
        given_up_at: None,
    })?;
    Ok(id)
}

/// 5 s after the first failure, doubling, at most an hour.
pub fn backoff(attempts: i32) -> Duration {
    let exp = attempts.clamp(0, 10) as u32;
    Duration::seconds((5i64 << exp).min(3600))
}

/// One pass: sends what is due. Returns (sent, failed).
pub async fn deliver_due(ctx: &Ctx) -> Result<(usize, usize), Error> {
    let now = ctx.now();
    let due = ctx
        .store
        .read(move |conn| store::outbox::due(conn, ts(now), BATCH))
        .await?;
    let (mut sent, mut failed) = (0, 0);
    for id in due {
        let token = Uuid::new_v4().to_string();
        let (id_c, token_c) = (id.clone(), token.clone());
        let claimed = ctx
            .store
            .write(move |conn| {
                store::outbox::claim(
                    conn,
                    &id_c,
                    &token_c,
                    ts(now),
                    ts(now + Duration::seconds(CLAIM_SECS)),
                )
            })
            .await?;
        let Some(row) = claimed else { continue };
        if row.kind == crate::store::webhooks::KIND {
            if crate::webhooks::deliver(ctx, &row, &token).await? {
                sent += 1;
            } else {
                failed += 1;
            }
            continue;
        }
        let message = EmailMessage {
            to: row.recipient,
            subject: row.subject,
            text: row.text_body,
            html: row.html_body,
        };
        match ctx.delivery.mailer.send(&message).await {
            Ok(()) => {
                let done = ctx.now();
                ctx.store
                    .write(move |conn| store::outbox::mark_sent(conn, &id, &token, ts(done)))
                    .await?;
                sent += 1;
            }
            Err(e) => {
                let next = ctx.now() + backoff(row.attempts);
                let reason: String = e.to_string().chars().take(500).collect();
                tracing::warn!(outbox_id = %id, attempts = row.attempts + 1, error = %reason, "notification not sent; will retry");
                ctx.store
                    .write(move |conn| {
                        store::outbox::mark_failed(conn, &id, &token, ts(next), &reason)
                    })
                    .await?;
                failed += 1;
            }
        }
    }
    Ok((sent, failed))
}

/// The running sender; [`Sender::stop`] ends it after the pass in progress.
pub struct Sender {
    stop: tokio::sync::watch::Sender<bool>,
    stopped: std::sync::Mutex<std::sync::mpsc::Receiver<()>>,
}

impl Sender {
    /// Asks the sender to stop and waits (at most `wait`) until it has. Synchronous, so that it
    /// can run in `Drop`; the sender runs on another thread of the runtime.
    pub fn stop(&self, wait: std::time::Duration) {
        let _ = self.stop.send(true);
        if let Ok(rx) = self.stopped.lock() {
            let _ = rx.recv_timeout(wait);
        }
    }
}

/// Runs [`deliver_due`] every `outbox_poll_ms` until stopped.
pub fn spawn_sender(ctx: Ctx) -> Sender {
    let period = std::time::Duration::from_millis(ctx.config.outbox_poll_ms);
    let (stop, mut stopping) = tokio::sync::watch::channel(false);
    let (done, stopped) = std::sync::mpsc::channel();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(period);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = tick.tick() => {}
                _ = stopping.changed() => break,
            }
            if *stopping.borrow() {
                break;
            }
            if let Err(e) = crate::webhooks::dispatch(&ctx).await {
                tracing::warn!(error = %e, "webhook dispatch failed");
            }
            if let Err(e) = deliver_due(&ctx).await {
                tracing::warn!(error = %e, "outbox pass failed");
            }
        }
        let _ = done.send(());
    });
    Sender {
        stop,
        stopped: std::sync::Mutex::new(stopped),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(backoff(1), Duration::seconds(10));
        assert_eq!(backoff(0), Duration::seconds(5));
        assert_eq!(backoff(3), Duration::seconds(40));
        assert_eq!(backoff(20), Duration::seconds(3600));
    }
}
