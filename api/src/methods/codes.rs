//! One-time codes sent by email, text message or call.
//!
//! A code is random from a CSPRNG, uniform over all values of its length (leading zeros kept),
//! stored only as a keyed hash (HMAC) with its lifetime and try counter in the row — never in a
//! token. Sends are limited per method, per account and per destination, counted from the rows
//! so that every replica sees the same counts.

use chrono::{DateTime, Duration, Utc};
use rand::RngExt as _;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::clock::seconds_until;
use crate::config::CodeLimits;
use crate::crypto::SecretBox;
use crate::delivery::{Delivery, DeliveryError, templates};
use crate::error::{Error, ErrorCode, Refusal};
use crate::policy::CustomizationPolicy;
use crate::store::ports::{Codes, Limits};
use crate::store::{self, DbConn, codes::CodeRow, ts, utc};

/// How a code reaches the person. A phone offers `sms`, `voice` or both (one factor, a choice of
/// channel at challenge time); an email method offers `email`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    Sms,
    Voice,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Sms => "sms",
            Self::Voice => "voice",
        }
    }
}

/// MAC purpose for codes: a code hash can never be mistaken for anything else's.
const MAC_PURPOSE: &str = "one-time-code";

/// A uniformly random string of `digits` decimal digits.
pub fn generate(digits: usize) -> String {
    let mut rng = rand::rng();
    (0..digits)
        .map(|_| char::from(b'0' + rng.random_range(0..10u8)))
        .collect()
}

/// What the person typed, without spaces or dashes.
pub fn normalise(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

/// A code about to be sent.
pub struct Issue<'a> {
    pub user_id: &'a str,
    pub method_id: &'a str,
    pub purpose: &'a str,
    pub channel: Channel,
    pub destination: &'a str,
    pub digits: usize,
    /// A new code inherits the tries already spent on the one it replaces (recovery: asking
    /// again must not buy more guesses). Registration starts each code afresh: the person is
    /// signed in and the account's own limits apply.
    pub keep_tries: bool,
    /// For a decoy's phantom person (`flows::phantom`): recorded and limited like any code, but
    /// its hash is of no code anyone can type, and [`send`] sends nothing.
    pub phantom: bool,
    /// The language the message is written in.
    pub lang: crate::i18n::Lang,
}

/// A recorded code: its row id and the code itself (to be sent, then forgotten).
pub struct Issued {
    pub id: String,
    pub code: String,
    pub expires_in: i64,
    pub resend_after: i64,
    pub phantom: bool,
    pub lang: crate::i18n::Lang,
}

fn throttled(oldest: chrono::NaiveDateTime, window: Duration, now: DateTime<Utc>) -> Error {
    Error::Throttled {
        retry_after_secs: seconds_until(utc(oldest) + window, now),
    }
}

const PHONE_SENDS_ALL: &str = "phone-sends-all";

/// The service's budget of texts and calls, per hour and per day, whoever they are for: checked
/// and spent by every phone send — and by a decoy's, so that an exhausted budget answers real
/// and unknown people alike. Call it after every other limit passed (a refused send spends
/// nothing).
pub fn phone_budget(
    conn: &mut impl Limits,
    limits: &CodeLimits,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    use crate::flows::limits::{Limit, decide};
    // One event, counted against both windows.
    decide(
        conn,
        &[
            Limit {
                bucket: PHONE_SENDS_ALL.to_owned(),
                window: Duration::hours(1),
                max: limits.phone_global_per_hour,
                record: true,
            },
            Limit {
                bucket: PHONE_SENDS_ALL.to_owned(),
                window: Duration::hours(24),
                max: limits.phone_global_per_day,
                record: false,
            },
        ],
        now,
    )
}

/// Checks every send limit, supersedes earlier codes of the method, and records a new one.
/// Call inside the write transaction; send after it commits; [`forget`] it if the send fails.
pub fn issue(
    conn: &mut (impl Codes + Limits),
    limits: &CodeLimits,
    secrets: &SecretBox,
    req: &Issue<'_>,
    now: DateTime<Utc>,
) -> Result<Issued, Error> {
    if req.channel != Channel::Email && !limits.phone_countries.allows(req.destination) {
        return Err(Error::NotAllowed {
            code: ErrorCode::CountryNotAllowed,
            detail: "texts and calls to this country are not enabled here; use a number in another country or another method".into(),
        });
    }
    let ttl = Duration::seconds(limits.ttl_secs);
    // Every send limit below is a count then an insert: serialised per method, person and
    // destination until this transaction commits (always in this order).
    conn.serialise_all(&[
        format!("code-method:{}:{}", req.method_id, req.purpose),
        format!("code-user:{}", req.user_id),
        format!("code-destination:{}", req.destination),
    ])?;
    let sent = conn.sent_for_method(req.method_id, req.purpose, ts(now - ttl))?;
    if let Some(newest) = sent.first() {
        let next = utc(*newest) + Duration::seconds(limits.resend_after_secs);
        if next > now {
            return Err(Error::Throttled {
                retry_after_secs: seconds_until(next, now),
            });
        }
    }
    if sent.len() as i64 >= limits.max_sends
        && let Some(oldest) = sent.last()
    {
        return Err(throttled(*oldest, ttl, now));
    }
    // Per account and per destination: text messages and calls cost money and annoy; email
    // floods annoy. An attacker who registers someone else's number on many accounts hits
    // the destination limit.
    let (channels, window, cap): (&[&str], Duration, i64) = match req.channel {
        Channel::Email => (
            &["email"],
            Duration::minutes(10),
            limits.email_per_10_minutes,
        ),
        Channel::Sms | Channel::Voice => {
            (&["sms", "voice"], Duration::hours(1), limits.phone_per_hour)
        }
    };
    let to_user = conn.sent_to_user(req.user_id, channels, ts(now - window))?;
    if to_user.len() as i64 >= cap
        && let Some(oldest) = to_user.first()
    {
        return Err(throttled(*oldest, window, now));
    }
    let to_destination = conn.sent_to_destination(req.destination, ts(now - window))?;
    if to_destination.len() as i64 >= cap
        && let Some(oldest) = to_destination.first()
    {
        return Err(throttled(*oldest, window, now));
    }

    if req.channel != Channel::Email {
        phone_budget(conn, limits, now)?;
    }
    let spent = match req.keep_tries {
        true => conn
            .current_code(req.method_id, req.purpose)?
            .map_or(0, |c| c.attempts),
        false => 0,
    };
    conn.supersede_codes(req.method_id, req.purpose)?;
    let code = generate(req.digits);
    let id = Uuid::now_v7().to_string();
    conn.insert_code(&CodeRow {
        id: id.clone(),
        user_id: req.user_id.to_owned(),
        method_id: Some(req.method_id.to_owned()),
        purpose: req.purpose.to_owned(),
        channel: req.channel.as_str().to_owned(),
        destination: req.destination.to_owned(),
        // A typed code is normalised without white space, so a phantom's hash — of a text
        // with a space in it — is matched by nothing anyone can type.
        code_hash: match req.phantom {
            false => secrets.mac(MAC_PURPOSE, &format!("{id}:{code}")),
            true => secrets.mac(MAC_PURPOSE, &format!("{id}:phantom {code}")),
        },
        created_at: ts(now),
        expires_at: ts(now + ttl),
        attempts: spent,
        max_attempts: limits.max_attempts,
        consumed_at: None,
        superseded: 0,
    })?;
    Ok(Issued {
        id,
        code,
        expires_in: limits.ttl_secs,
        resend_after: limits.resend_after_secs,
        phantom: req.phantom,
        lang: req.lang,
    })
}

/// A code that could not be delivered was never sent: remove it so it counts for nothing.
pub fn forget(conn: &mut DbConn, id: &str) -> Result<(), Error> {
    store::codes::delete(conn, id)
}

/// Sends a code over its channel.
pub async fn deliver(
    delivery: &Delivery,
    org: &str,
    helpdesk: &CustomizationPolicy,
    channel: Channel,
    destination: &str,
    issued: &Issued,
) -> Result<(), DeliveryError> {
    let (code, lang) = (issued.code.as_str(), issued.lang);
    let minutes = (issued.expires_in + 59) / 60;
    match channel {
        Channel::Email => {
            delivery
                .mailer
                .send(&templates::code_email(
                    lang,
                    org,
                    destination,
                    code,
                    minutes,
                    helpdesk,
                ))
                .await
        }
        Channel::Sms => {
            delivery
                .phone
                .send_sms(
                    destination,
                    &templates::code_sms(lang, org, code, minutes, helpdesk),
                )
                .await
        }
        Channel::Voice => {
            delivery
                .phone
                .call(
                    destination,
                    &templates::code_twiml(lang, org, code, helpdesk),
                )
                .await
        }
    }
}

/// Sends an issued code; when that fails the code is deleted, so a failed send is never counted
/// and the person can simply try again (502 `delivery_failed`).
pub async fn send(
    ctx: &crate::context::Ctx,
    helpdesk: &CustomizationPolicy,
    channel: Channel,
    destination: &str,
    issued: &Issued,
) -> Result<(), Error> {
    // The delivery edge: a phantom's code goes nowhere, and fares as the last real send over
    // its channel did (a failure, after as long), so an outage withdraws it like a real one.
    let sent = match issued.phantom {
        true => ctx.delivery.health.mirror(channel).await,
        false => {
            let started = std::time::Instant::now();
            let sent = deliver(
                &ctx.delivery,
                &ctx.config.organization_name,
                helpdesk,
                channel,
                destination,
                issued,
            )
            .await;
            ctx.delivery
                .health
                .record(channel, sent.is_ok(), started.elapsed());
            sent
        }
    };
    if let Err(e) = sent {
        let id = issued.id.clone();
        ctx.store.write(move |conn| forget(conn, &id)).await?;
        return Err(Error::DeliveryFailed(e.to_string()));
    }
    Ok(())
}

/// Sends an issued recovery code without making the caller wait. A recovery answer must not
/// depend on delivery: a decoy flow sends nothing, so waiting for the provider (or reporting its
/// failure) would tell real accounts from unknown ones by time or by status. A failed send
/// deletes the code, exactly as [`send`] does, so it is never counted; the person sees no code
/// arrive and asks for another. The failure is logged (never the code) and counted in metrics.
pub fn send_in_background(
    ctx: &crate::context::Ctx,
    helpdesk: &CustomizationPolicy,
    channel: Channel,
    destination: String,
    issued: Issued,
) {
    let (task_ctx, helpdesk) = (ctx.clone(), helpdesk.clone());
    ctx.delivery.in_flight.spawn(async move {
        let ctx = task_ctx;
        if let Err(e) = send(&ctx, &helpdesk, channel, &destination, &issued).await {
            ctx.metrics.delivery_failure(channel.as_str());
            tracing::warn!(channel = channel.as_str(), error = %e, "recovery code not delivered; the code was withdrawn");
        }
    });
}

/// How a check went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Accepted,
    /// Wrong code; this many tries are left on it.
    Rejected {
        attempts_left: u32,
    },
    Expired,
    /// No tries left: a new code is needed.
    Exhausted,
    /// No live code for this method.
    NoCode,
}

impl Outcome {
    /// The answer to give when the outcome is not `Accepted`.
    pub fn into_error(self) -> Option<Error> {
        match self {
            Outcome::Accepted => None,
            Outcome::Rejected { attempts_left } => {
                Some(Error::refused(Refusal::InvalidCode, Some(attempts_left)))
            }
            Outcome::Expired => Some(Error::refused(Refusal::CodeExpired, None)),
            Outcome::Exhausted => Some(Error::refused(Refusal::TooManyAttempts, Some(0))),
            Outcome::NoCode => Some(Error::refused(Refusal::NoCodePending, None)),
        }
    }
}

/// Checks `typed` against the live code of a method. Spends a try first (a conditional update,
/// so parallel guesses cannot exceed the limit), compares in constant time, and consumes the
/// code on success (again conditionally: a code works once). The caller must commit whatever
/// the outcome: a wrong guess has to stay counted.
pub fn check(
    conn: &mut impl Codes,
    secrets: &SecretBox,
    method_id: &str,
    purpose: &str,
    typed: &str,
    now: DateTime<Utc>,
) -> Result<Outcome, Error> {
    let Some(row) = conn.current_code(method_id, purpose)? else {
        return Ok(Outcome::NoCode);
    };
    if utc(row.expires_at) <= now {
        return Ok(Outcome::Expired);
    }
    if !conn.spend_code_try(&row.id)? {
        return Ok(Outcome::Exhausted);
    }
    let typed = normalise(typed);
    if typed.len() <= 16
        && secrets.verify_mac(MAC_PURPOSE, &format!("{}:{typed}", row.id), &row.code_hash)
    {
        if conn.consume_code(&row.id, ts(now))? {
            return Ok(Outcome::Accepted);
        }
        return Ok(Outcome::Exhausted);
    }
    let used = conn.code_attempts(&row.id)?;
    Ok(Outcome::Rejected {
        attempts_left: (row.max_attempts - used).max(0) as u32,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_have_the_asked_length_keep_leading_zeros_and_cover_every_digit() {
        let mut seen = [0usize; 10];
        let mut leading_zero = false;
        for _ in 0..2000 {
            let c = generate(6);
            assert_eq!(c.len(), 6);
            assert!(c.chars().all(|d| d.is_ascii_digit()));
            leading_zero |= c.starts_with('0');
            for d in c.bytes() {
                seen[(d - b'0') as usize] += 1;
            }
        }
        assert!(leading_zero);
        // 12,000 digits: each of the ten should appear about 1,200 times; a biased generator
        // (e.g. modulo of a byte) would push some far out of this band.
        for count in seen {
            assert!((1000..1400).contains(&count), "{seen:?}");
        }
    }

    #[test]
    fn typed_codes_may_carry_spaces_and_dashes() {
        assert_eq!(normalise(" 123-456 "), "123456");
    }
}
