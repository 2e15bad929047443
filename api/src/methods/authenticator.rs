//! Authenticator apps: RFC 6238 TOTP (SHA-1, 6 digits, 30 s, as every app supports).
//!
//! The seed is shown once, at enrolment, and stored sealed (AES-256-GCM, bound to the method's
//! id). One step either side of now is accepted for clock drift, and a step that was used once
//! is never accepted again (RFC 6238 §5.2): the method row records the last step used.

use chrono::{DateTime, Utc};
use qrcode::QrCode;
use qrcode::render::svg;
use rand::RngExt as _;
use totp_rs::{Builder, Secret, Totp};

use super::data::MethodData;
use super::{Channel, Destination, DestinationInput, MethodType, Proof, unexpected};
use crate::crypto::SecretBox;
use crate::error::{Error, Refusal};
use crate::policy::MethodKind;
use crate::store::methods::MethodRow;
use crate::store::ports::Methods;

pub struct AuthenticatorApp;

impl MethodType for AuthenticatorApp {
    fn proof(&self) -> Proof {
        Proof::Totp
    }
    fn kind(&self) -> MethodKind {
        MethodKind::AuthenticatorApp
    }
    fn channel(&self) -> Option<Channel> {
        None
    }
    fn parse_destination(&self, input: &DestinationInput) -> Result<Option<Destination>, Error> {
        unexpected(input, &[])?;
        Ok(None)
    }
    fn mask(&self, _: Option<&str>) -> String {
        "Authenticator app".to_owned()
    }
    fn describe(&self) -> &'static str {
        "authenticator app"
    }
}

/// What the person gets once: the seed in base32, the `otpauth://` URI and a QR code of it.
pub struct Enrolment {
    pub secret_base32: String,
    pub otpauth_uri: String,
    pub qr_svg: String,
    /// The seed sealed for storage.
    pub sealed: String,
}

/// otpauth labels may not contain ':'.
fn label(text: &str) -> String {
    text.replace(':', " ").chars().take(64).collect()
}

fn totp(seed: Vec<u8>, issuer: &str, account: &str) -> Result<Totp, Error> {
    Builder::new()
        .with_secret(seed)
        .with_skew(1)
        .with_issuer(Some(label(issuer)))
        .with_account_name(label(account))
        .build()
        .map_err(|e| Error::internal(format!("totp: {e:?}")))
}

pub fn enrol(
    secrets: &SecretBox,
    method_id: &str,
    issuer: &str,
    account: &str,
) -> Result<Enrolment, Error> {
    let mut seed = [0u8; 20];
    rand::rng().fill(&mut seed[..]);
    let t = totp(seed.to_vec(), issuer, account)?;
    let otpauth_uri = t
        .to_url()
        .map_err(|e| Error::internal(format!("totp url: {e:?}")))?;
    let qr_svg = QrCode::new(otpauth_uri.as_bytes())
        .map_err(|e| Error::internal(format!("qr: {e}")))?
        .render::<svg::Color<'_>>()
        .min_dimensions(200, 200)
        .build();
    Ok(Enrolment {
        secret_base32: Secret::from(seed).to_base32(),
        otpauth_uri,
        qr_svg,
        sealed: secrets.seal(method_id, &seed)?,
    })
}

/// The time step `typed` is valid for (within one step of `now`), if any. The caller must still
/// spend the step (see [`prove`]).
pub fn check(
    secrets: &SecretBox,
    method_id: &str,
    sealed: &str,
    typed: &str,
    now: DateTime<Utc>,
) -> Result<Option<i64>, Error> {
    let typed = super::codes::normalise(typed);
    if typed.len() != 6 || !typed.chars().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    let seed = secrets.open(method_id, sealed)?;
    let t = totp(seed, "x", "x")?;
    let time = u64::try_from(now.timestamp()).unwrap_or(0);
    Ok(t.check(&typed, time)
        .and_then(|step| i64::try_from(step).ok()))
}

/// Checks `typed` against an authenticator method and spends its time step: the step the code
/// was valid for, or why it was refused. A code of a step used before is refused as replayed
/// (RFC 6238 §5.2): whoever watched it typed cannot use it again. On success `row` holds the
/// data as stored after the step was spent.
pub fn prove(
    conn: &mut impl Methods,
    secrets: &SecretBox,
    row: &mut MethodRow,
    typed: &str,
    now: DateTime<Utc>,
) -> Result<Result<i64, Refusal>, Error> {
    // A decoy's phantom app has no seed: nothing it is shown ever matches.
    let MethodData::Totp { sealed_seed, .. } = row.data() else {
        return Ok(Err(Refusal::TotpInvalid));
    };
    let Some(step) = check(secrets, &row.id, &sealed_seed, typed, now)? else {
        return Ok(Err(Refusal::TotpInvalid));
    };
    match spend_step(conn, &row.id, step)? {
        Some(data) => {
            row.data = data;
            Ok(Ok(step))
        }
        None => Ok(Err(Refusal::TotpReplayed)),
    }
}

/// Records that `step` was used, only if it is later than the last step used: the data as
/// stored after, or `None` when the step (or a later one) was used before. The change is a
/// conditional update on the data read, so of two parallel uses of one step exactly one wins;
/// a parallel use of another step that changed the data in between is read again.
pub fn spend_step(
    conn: &mut impl Methods,
    method_id: &str,
    step: i64,
) -> Result<Option<String>, Error> {
    // Each lost race means another use changed the data; a handful of them in one use means
    // something is hammering this method, and refusing is the safe answer.
    for _ in 0..8 {
        let Some(stored) = conn.method_data(method_id)? else {
            return Ok(None);
        };
        let MethodData::Totp {
            sealed_seed,
            last_step,
        } = MethodData::decode(&stored)?
        else {
            return Ok(None);
        };
        if last_step.is_some_and(|last| last >= step) {
            return Ok(None);
        }
        let spent = MethodData::Totp {
            sealed_seed,
            last_step: Some(step),
        }
        .encode();
        if conn.replace_method_data(method_id, &stored, &spent)? {
            return Ok(Some(spent));
        }
    }
    Ok(None)
}

/// The current code for a base32 seed (what an app would show): for tests and tools.
pub fn code_at(secret_base32: &str, now: DateTime<Utc>) -> Option<String> {
    let secret = Secret::try_from_base32(secret_base32).ok()?;
    let t = Builder::new().with_secret(secret).build().ok()?;
    Some(t.generate(u64::try_from(now.timestamp()).ok()?).to_string())
}
