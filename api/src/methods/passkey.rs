//! Passkeys (WebAuthn, with `webauthn-rs`): possession of a device key plus the person's
//! verification on it (PIN or biometric; required). Registered only in a signed-in session,
//! several per person, each named; proven in a reset with the browser's assertion.
//!
//! A ceremony's state (the challenge and what it allows) lives in `ceremonies` between the
//! options sent and the credential returned — tied to its owner (the flow or the session) and
//! the method, taken once by a conditional delete, never in a token. The stored credential is
//! webauthn-rs's `Passkey` (public key, id, counter); counters are kept as reported, and 0
//! (synced passkeys) is not cloning.

use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};
use webauthn_rs::prelude::{
    AuthenticationResult, Passkey as Credential, PasskeyAuthentication, PasskeyRegistration,
    PublicKeyCredential, RegisterPublicKeyCredential, Url, Webauthn, WebauthnBuilder,
};

use super::data::MethodData;
use super::{Channel, Destination, DestinationInput, MethodType, Proof, unexpected};
use crate::error::{Error, FieldCode, Refusal};
use crate::policy::MethodKind;
use crate::store::methods::MethodRow;
use crate::store::ports::{Ceremonies, Methods};
use crate::store::{ts, utc};

/// How long a ceremony may be answered; the options tell the browser the same.
pub const CEREMONY_SECONDS: i64 = 300;
/// A passkey's name, in characters.
pub const NAME_MAX: usize = 64;
/// What a decoy's ceremony keeps: no state webauthn-rs would read, so no answer passes.
const PHANTOM_STATE: &str = "phantom";

pub struct PasskeyMethod;

impl MethodType for PasskeyMethod {
    fn kind(&self) -> MethodKind {
        MethodKind::Passkey
    }
    fn proof(&self) -> Proof {
        Proof::Passkey
    }
    fn channel(&self) -> Option<Channel> {
        None
    }
    fn one_per_person(&self) -> bool {
        false
    }
    fn parse_destination(&self, input: &DestinationInput) -> Result<Option<Destination>, Error> {
        unexpected(input, &["name"])?;
        Ok(None)
    }
    fn mask(&self, _: Option<&str>) -> String {
        "Passkey".to_owned()
    }
    fn describe(&self) -> &'static str {
        "passkey"
    }
}

/// The name a person gives a passkey ("Work laptop"): trimmed, 1–64 characters, no control
/// characters.
pub fn name(input: &DestinationInput) -> Result<String, Error> {
    let name = input.name.as_deref().unwrap_or_default().trim().to_owned();
    if name.is_empty() {
        return Err(super::missing("name", "a name"));
    }
    if name.chars().count() > NAME_MAX || name.chars().any(char::is_control) {
        return Err(Error::validation(
            "name",
            FieldCode::Length,
            format!("a name of 1 to {NAME_MAX} characters, without control characters"),
        ));
    }
    Ok(name)
}

/// The relying party: the id passkeys are bound to and the origin their answers must come
/// from (the public URL's).
pub struct RelyingParty {
    webauthn: Webauthn,
    pub id: String,
}

impl RelyingParty {
    pub fn new(id: &str, public_url: &str, organization: &str) -> Result<Self, String> {
        let origin = Url::parse(public_url).map_err(|e| format!("public URL: {e}"))?;
        let webauthn = WebauthnBuilder::new(id, &origin)
            .and_then(|b| {
                b.rp_name(organization)
                    .timeout(std::time::Duration::from_secs(CEREMONY_SECONDS as u64))
                    .build()
            })
            .map_err(|e| format!("passkeys for {id} at {origin}: {e}"))?;
        Ok(Self {
            webauthn,
            id: id.to_owned(),
        })
    }
}

/// A registered passkey's credential, if `row` holds one for `rp` (one registered under
/// another relying party id can never be used again).
pub fn credential(row: &MethodRow, rp: &RelyingParty) -> Option<Credential> {
    match row.data() {
        MethodData::Passkey {
            rp_id, credential, ..
        } if rp_id == rp.id => serde_json::from_value(credential).ok(),
        _ => None,
    }
}

/// A ceremony begun: the options for the browser and the state to keep.
pub struct Begun {
    /// `PublicKeyCredentialCreationOptions` / `…RequestOptions` as JSON, what
    /// `PublicKeyCredential.parse…OptionsFromJSON` takes.
    pub options: Value,
    pub state: String,
    pub expires_at: DateTime<Utc>,
}

fn internal(what: &str, e: impl std::fmt::Display) -> Error {
    Error::internal(format!("{what}: {e}"))
}

/// Registration options for the person `user_id` (`username`, `display_name`), excluding the
/// passkeys they have (an authenticator holding one refuses to make a second).
pub fn begin_registration(
    rp: &RelyingParty,
    user_id: &str,
    username: &str,
    display_name: &str,
    existing: &[Credential],
    now: DateTime<Utc>,
) -> Result<Begun, Error> {
    let handle = uuid::Uuid::parse_str(user_id).map_err(|e| internal("user id", e))?;
    let exclude: Vec<_> = existing.iter().map(|c| c.cred_id().clone()).collect();
    let (options, state) = rp
        .webauthn
        .start_passkey_registration(
            handle,
            username,
            display_name,
            (!exclude.is_empty()).then_some(exclude),
        )
        .map_err(|e| internal("passkey registration", e))?;
    Ok(Begun {
        options: serde_json::to_value(options.public_key)
            .map_err(|e| internal("passkey options", e))?,
        state: serde_json::to_string(&state).map_err(|e| internal("passkey state", e))?,
        expires_at: now + Duration::seconds(CEREMONY_SECONDS),
    })
}

/// The credential the browser made, checked against the ceremony's state.
pub fn finish_registration(
    rp: &RelyingParty,
    answer: &Value,
    state: &str,
) -> Result<Result<Credential, Refusal>, Error> {
    let Ok(state) = serde_json::from_str::<PasskeyRegistration>(state) else {
        return Ok(Err(Refusal::PasskeyRejected));
    };
    let Ok(answer) = serde_json::from_value::<RegisterPublicKeyCredential>(answer.clone()) else {
        return Ok(Err(Refusal::PasskeyRejected));
    };
    Ok(rp
        .webauthn
        .finish_passkey_registration(&answer, &state)
        .map_err(|e| {
            tracing::info!(error = %e, "passkey registration refused");
            Refusal::PasskeyRejected
        }))
}

/// Request options for `credentials` (all of one person's usable passkeys).
pub fn begin_authentication(
    rp: &RelyingParty,
    credentials: &[Credential],
    now: DateTime<Utc>,
) -> Result<Begun, Error> {
    let (options, state) = rp
        .webauthn
        .start_passkey_authentication(credentials)
        .map_err(|e| internal("passkey authentication", e))?;
    Ok(Begun {
        options: serde_json::to_value(options.public_key)
            .map_err(|e| internal("passkey options", e))?,
        state: serde_json::to_string(&state).map_err(|e| internal("passkey state", e))?,
        expires_at: now + Duration::seconds(CEREMONY_SECONDS),
    })
}

/// Request options for a decoy's phantom passkeys: the shape webauthn-rs gives a real person
/// (a fresh 32-byte challenge, the timeout, the relying party, one entry per credential id,
/// user verification required), for ids no authenticator holds; its state never verifies.
pub fn begin_phantom(rp: &RelyingParty, credential_ids: &[Vec<u8>], now: DateTime<Utc>) -> Begun {
    use base64::Engine as _;
    use rand::RngExt as _;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let mut challenge = [0u8; 32];
    rand::rng().fill(&mut challenge[..]);
    let allow: Vec<Value> = credential_ids
        .iter()
        .map(|id| json!({"type": "public-key", "id": b64.encode(id)}))
        .collect();
    Begun {
        options: json!({
            "challenge": b64.encode(challenge),
            "timeout": CEREMONY_SECONDS * 1000,
            "rpId": rp.id,
            "allowCredentials": allow,
            "userVerification": "required",
        }),
        state: PHANTOM_STATE.to_owned(),
        expires_at: now + Duration::seconds(CEREMONY_SECONDS),
    }
}

/// Keeps a ceremony for `owner` and `method_id`.
pub fn keep(
    conn: &mut impl Ceremonies,
    owner: &str,
    method_id: &str,
    begun: &Begun,
) -> Result<(), Error> {
    conn.put_ceremony(owner, method_id, &begun.state, ts(begun.expires_at))
}

/// Takes the ceremony of `owner` and `method_id` for an answer: its state, or why there is none
/// to answer (never asked, answered already — a replay — or expired).
pub fn take(
    conn: &mut impl Ceremonies,
    owner: &str,
    method_id: &str,
    now: DateTime<Utc>,
) -> Result<Result<String, Refusal>, Error> {
    Ok(match conn.take_ceremony(owner, method_id)? {
        Some(c) if utc(c.expires_at) > now => Ok(c.state),
        _ => Err(Refusal::PasskeyNotRequested),
    })
}

/// The browser's assertion, checked against the ceremony's state: which credential answered
/// and what it reported, or why it was refused (another person's passkey, another origin, no
/// user verification, a replay against a new challenge, a counter gone backwards).
pub fn finish_authentication(
    rp: &RelyingParty,
    answer: &Value,
    state: &str,
) -> Result<Result<AuthenticationResult, Refusal>, Error> {
    if state == PHANTOM_STATE {
        return Ok(Err(Refusal::PasskeyRejected));
    }
    let Ok(state) = serde_json::from_str::<PasskeyAuthentication>(state) else {
        return Ok(Err(Refusal::PasskeyRejected));
    };
    let Ok(answer) = serde_json::from_value::<PublicKeyCredential>(answer.clone()) else {
        return Ok(Err(Refusal::PasskeyRejected));
    };
    Ok(rp
        .webauthn
        .finish_passkey_authentication(&answer, &state)
        .map_err(|e| {
            tracing::info!(error = %e, "passkey assertion refused");
            Refusal::PasskeyRejected
        }))
}

/// Which of `rows` answered: the method row whose credential id is the result's.
pub fn answered<'a>(
    rows: &'a [MethodRow],
    rp: &RelyingParty,
    result: &AuthenticationResult,
) -> Option<&'a MethodRow> {
    rows.iter()
        .find(|row| credential(row, rp).is_some_and(|c| c.cred_id() == result.cred_id()))
}

/// Records what the credential reported (its counter, its backup state) when it changed, with
/// a conditional update on the data read; a parallel change is read again.
pub fn record_use(
    conn: &mut impl Methods,
    method_id: &str,
    result: &AuthenticationResult,
) -> Result<(), Error> {
    if !result.needs_update() {
        return Ok(());
    }
    for _ in 0..8 {
        let Some(stored) = conn.method_data(method_id)? else {
            return Ok(());
        };
        let MethodData::Passkey {
            name,
            rp_id,
            credential,
        } = MethodData::decode(&stored)?
        else {
            return Ok(());
        };
        let mut passkey: Credential =
            serde_json::from_value(credential).map_err(|e| internal("stored passkey", e))?;
        passkey.update_credential(result);
        let updated = MethodData::Passkey {
            name,
            rp_id,
            credential: serde_json::to_value(&passkey).map_err(|e| internal("passkey", e))?,
        }
        .encode();
        if conn.replace_method_data(method_id, &stored, &updated)? {
            return Ok(());
        }
    }
    Ok(())
}

/// A registered passkey's data.
pub fn data(name: String, rp: &RelyingParty, credential: &Credential) -> Result<MethodData, Error> {
    Ok(MethodData::Passkey {
        name,
        rp_id: rp.id.clone(),
        credential: serde_json::to_value(credential).map_err(|e| internal("passkey", e))?,
    })
}
