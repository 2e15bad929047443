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

use super::{Channel, Destination, DestinationInput, MethodType, Proof, unexpected};
use crate::crypto::SecretBox;
use crate::error::{Error, Refusal};
use crate::policy::MethodKind;

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
/// record the step as used (see `store::methods::use_totp_step`).
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
/// (RFC 6238 §5.2): whoever watched it typed cannot use it again. The step is recorded with a
/// conditional update whose row count decides, so two parallel uses of one code pass once.
pub fn prove(
    conn: &mut crate::store::DbConn,
    secrets: &SecretBox,
    row: &crate::store::methods::MethodRow,
    typed: &str,
    now: DateTime<Utc>,
) -> Result<Result<i64, Refusal>, Error> {
    // A decoy's phantom app has no seed: nothing it is shown ever matches.
    let Some(sealed) = row.secret.as_deref() else {
        return Ok(Err(Refusal::TotpInvalid));
    };
    match check(secrets, &row.id, sealed, typed, now)? {
        None => Ok(Err(Refusal::TotpInvalid)),
        Some(step) if crate::store::methods::use_totp_step(conn, &row.id, step)? => Ok(Ok(step)),
        Some(_) => Ok(Err(Refusal::TotpReplayed)),
    }
}

/// The current code for a base32 seed (what an app would show): for tests and tools.
pub fn code_at(secret_base32: &str, now: DateTime<Utc>) -> Option<String> {
    let secret = Secret::try_from_base32(secret_base32).ok()?;
    let t = Builder::new().with_secret(secret).build().ok()?;
    Some(t.generate(u64::try_from(now.timestamp()).ok()?).to_string())
}
