//! CAPTCHA in front of the recovery flow: a built-in proof of work compatible with ALTCHA (on
//! by default, nothing to sign up for), or a provider's siteverify (Turnstile, hCaptcha,
//! reCAPTCHA).
//!
//! Built-in: the server picks a secret number `n ≤ difficulty` and publishes
//! `challenge = SHA-256(salt ‖ n)` with a MAC; the browser finds `n` by trying (about
//! difficulty/2 hashes on average) and sends back the algorithm, challenge, salt, number and MAC.
//! The salt carries an expiry; each challenge is accepted once (a row in `captcha_uses`).
//!
//! The MAC covers the algorithm, the maximum number, the challenge *and the salt*, not the
//! challenge alone: the hash only sees `salt ‖ n` as one string, so with a MAC of the challenge
//! alone digits could be moved between the end of the salt (its `expires=`) and the number, and
//! one solved challenge would live for centuries (SECURITY.md 41). With the salt signed, the
//! expiry is the one we issued, and the hash then pins the number.
//! Tests may lower the difficulty; nothing can turn verification off.

use base64::Engine as _;
use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use rand::RngExt as _;
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
use utoipa::ToSchema;

use crate::config::CaptchaKind;
use crate::context::{Ctx, RequestMeta};
use crate::error::{Error, FieldCode};
use crate::store::ts;

/// How long a challenge may be solved and used.
const CHALLENGE_TTL_SECS: i64 = 600;
/// A new purpose for the new signed text: a MAC of the old kind never verifies as one of these.
const MAC_PURPOSE: &str = "captcha-v2";

/// An ALTCHA challenge (`GET /api/v1/captcha/challenge`).
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct Challenge {
    /// Always `SHA-256`.
    pub algorithm: String,
    /// Hex SHA-256 of `salt` followed by the secret number.
    pub challenge: String,
    /// The secret number is at most this.
    pub maxnumber: u64,
    /// Random, with `?expires=<unix time>`.
    pub salt: String,
    /// The server's MAC of the algorithm, maximum number, challenge and salt.
    pub signature: String,
}

/// What the widget sends back, base64-encoded JSON.
#[derive(Deserialize)]
struct Solution {
    algorithm: String,
    challenge: String,
    number: u64,
    salt: String,
    signature: String,
}

/// What the MAC covers: every part of the challenge that decides whether a solution counts, as
/// a JSON array so that no two different sets of parts give the same text.
fn signed_text(algorithm: &str, maxnumber: u64, challenge: &str, salt: &str) -> String {
    serde_json::json!([algorithm, maxnumber, challenge, salt]).to_string()
}

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub fn challenge(ctx: &Ctx) -> Challenge {
    let now = ctx.now();
    let mut rng = rand::rng();
    let max = ctx.config.captcha_difficulty;
    let number = rng.random_range(0..=max);
    let nonce: String = (0..12)
        .map(|_| format!("{:02x}", rng.random::<u8>()))
        .collect();
    let salt = format!(
        "{nonce}?expires={}",
        (now + Duration::seconds(CHALLENGE_TTL_SECS)).timestamp()
    );
    let challenge = sha256_hex(&format!("{salt}{number}"));
    let algorithm = "SHA-256".to_owned();
    Challenge {
        signature: ctx.secrets.mac(
            MAC_PURPOSE,
            &signed_text(&algorithm, max, &challenge, &salt),
        ),
        algorithm,
        challenge,
        maxnumber: max,
        salt,
    }
}

/// Solves a challenge by trying every number (what the browser does; used by tests and tools).
pub fn solve(c: &Challenge) -> Option<String> {
    let number =
        (0..=c.maxnumber).find(|n| sha256_hex(&format!("{}{n}", c.salt)) == c.challenge)?;
    let payload = serde_json::json!({
        "algorithm": c.algorithm, "challenge": c.challenge, "number": number, "salt": c.salt, "signature": c.signature,
    });
    Some(base64::engine::general_purpose::STANDARD.encode(payload.to_string()))
}

fn refused() -> Error {
    Error::validation(
        "captcha",
        FieldCode::CaptchaInvalid,
        "the CAPTCHA was not solved, has expired, or was already used",
    )
}

/// A solution that checked out. A built-in one still has to be marked used, which the caller
/// does with [`Accepted::consume`] inside the transaction that records what the solution was
/// for: one write (one SQLite write lock) per flow start instead of two, and a start that fails
/// later leaves the challenge as it was, spent or not, together with everything else.
#[must_use = "a built-in solution counts once only after `consume`"]
pub struct Accepted {
    /// The built-in challenge and when it expires; providers keep their own single use.
    single_use: Option<(String, NaiveDateTime)>,
}

impl Accepted {
    /// A solved built-in challenge, as [`verify`] accepts one (for the flow's tests).
    #[cfg(test)]
    pub(crate) fn solved(challenge: &str, expires: NaiveDateTime) -> Self {
        Self {
            single_use: Some((challenge.to_owned(), expires)),
        }
    }

    /// Marks the built-in challenge used; refused when it was used before (the primary key lets
    /// one use win, also between replicas).
    pub fn consume(&self, conn: &mut impl crate::store::ports::Limits) -> Result<(), Error> {
        match &self.single_use {
            Some((challenge, expires)) if !conn.use_once(challenge, *expires)? => Err(refused()),
            _ => Ok(()),
        }
    }
}

/// Checks a solution; a built-in one counts once, when [`Accepted::consume`] is called.
pub async fn verify(ctx: &Ctx, meta: &RequestMeta, solution: &str) -> Result<Accepted, Error> {
    if solution.is_empty() || solution.len() > 4096 {
        return Err(refused());
    }
    match ctx.config.captcha {
        CaptchaKind::Builtin => verify_builtin(ctx, solution),
        _ => {
            verify_with_provider(ctx, meta, solution).await?;
            Ok(Accepted { single_use: None })
        }
    }
}

fn verify_builtin(ctx: &Ctx, solution: &str) -> Result<Accepted, Error> {
    let raw = base64::engine::general_purpose::STANDARD
        .decode(solution.trim())
        .or_else(|_| base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(solution.trim()))
        .map_err(|_| refused())?;
    let s: Solution = serde_json::from_slice(&raw).map_err(|_| refused())?;
    let now = ctx.now();
    let expires = s
        .salt
        .split_once("?expires=")
        .and_then(|(_, t)| t.split('&').next())
        .and_then(|t| t.parse::<i64>().ok())
        .and_then(|t| DateTime::<Utc>::from_timestamp(t, 0))
        .ok_or_else(refused)?;
    // The maximum is not sent back: it is the configured one, which the MAC must also match.
    let max = ctx.config.captcha_difficulty;
    let genuine = s.algorithm == "SHA-256"
        && ctx.secrets.verify_mac(
            MAC_PURPOSE,
            &signed_text(&s.algorithm, max, &s.challenge, &s.salt),
            &s.signature,
        )
        && s.number <= max
        && sha256_hex(&format!("{}{}", s.salt, s.number)) == s.challenge
        && expires > now;
    if !genuine {
        return Err(refused());
    }
    Ok(Accepted {
        single_use: Some((s.challenge, ts(expires))),
    })
}

#[derive(Deserialize)]
struct SiteVerify {
    success: bool,
}

/// One client for every verification with the provider, kept for the process: its pooled
/// connections (and their TLS sessions) are reused instead of set up for each start.
fn provider_client() -> Result<&'static reqwest::Client, Error> {
    static CLIENT: std::sync::OnceLock<reqwest::Client> = std::sync::OnceLock::new();
    if let Some(client) = CLIENT.get() {
        return Ok(client);
    }
    let client = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(10))
        // Idle connections go before a provider (or a proxy) drops them under us.
        .pool_idle_timeout(std::time::Duration::from_secs(30))
        .build()
        .map_err(|e| Error::internal(e.to_string()))?;
    Ok(CLIENT.get_or_init(|| client))
}

async fn verify_with_provider(ctx: &Ctx, meta: &RequestMeta, token: &str) -> Result<(), Error> {
    let (Some(url), Some(secret)) = (&ctx.config.captcha_verify_url, &ctx.config.captcha_secret)
    else {
        return Err(Error::internal("CAPTCHA provider not configured"));
    };
    let mut form = vec![
        ("secret", secret.expose().to_owned()),
        ("response", token.to_owned()),
    ];
    if let Some(ip) = meta.ip {
        form.push(("remoteip", ip.to_string()));
    }
    let answer = provider_client()?
        .post(url)
        .form(&form)
        .send()
        .await
        .map_err(|_| Error::DeliveryFailed("CAPTCHA provider unreachable".into()))?;
    if !answer.status().is_success() {
        return Err(Error::DeliveryFailed(format!(
            "CAPTCHA provider answered {}",
            answer.status()
        )));
    }
    let verdict: SiteVerify = answer
        .json()
        .await
        .map_err(|_| Error::DeliveryFailed("CAPTCHA provider answer unreadable".into()))?;
    if verdict.success {
        Ok(())
    } else {
        Err(refused())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_solution_is_found_by_search() {
        let salt = "abc?expires=1";
        let c = Challenge {
            algorithm: "SHA-256".into(),
            challenge: sha256_hex(&format!("{salt}42")),
            maxnumber: 100,
            salt: salt.into(),
            signature: "k$x".into(),
        };
        let solved = solve(&c).unwrap();
        let raw = base64::engine::general_purpose::STANDARD
            .decode(solved)
            .unwrap();
        let s: Solution = serde_json::from_slice(&raw).unwrap();
        assert_eq!(s.number, 42);
    }
}
