//! Signed tokens (JWT): the keyring and the checks every token must pass.
//!
//! RFC 8725 in practice: one pinned algorithm (HS256, never taken from the token), a `kid`
//! that must name a key we hold, an explicit `typ` header per kind of token so that a session
//! token can never be replayed as a flow token (or the reverse), `iss` and `aud` always
//! checked, `exp` always present and checked against the injected clock with an explicit
//! leeway (the crate's default is 60 s).
//!
//! Key rotation: `SSPR_JWT_KEYS` lists keys; the first signs, all verify. Without the
//! setting, one random key is generated and kept in the data directory.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::config::NamedKey;
use crate::error::Error;

const ALGORITHM: Algorithm = Algorithm::HS256;

/// Clock skew tolerated between replicas, in seconds (set explicitly, see above).
pub const LEEWAY_SECS: i64 = 10;

/// Claims every token carries, checked here whatever the kind.
pub trait Lifetime {
    fn issued_at(&self) -> i64;
    fn expires_at(&self) -> i64;
}

pub struct Keyring {
    signing_kid: String,
    encoding: EncodingKey,
    decoding: HashMap<String, DecodingKey>,
    issuer: String,
}

impl std::fmt::Debug for Keyring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Keyring {{ signing_kid: {:?}, keys: {} }}",
            self.signing_kid,
            self.decoding.len()
        )
    }
}

impl Keyring {
    pub fn new(keys: &[NamedKey], issuer: &str) -> Result<Self, String> {
        let first = keys.first().ok_or("no signing key")?;
        Ok(Self {
            signing_kid: first.kid.clone(),
            encoding: EncodingKey::from_secret(&first.secret),
            decoding: keys
                .iter()
                .map(|k| (k.kid.clone(), DecodingKey::from_secret(&k.secret)))
                .collect(),
            issuer: issuer.to_owned(),
        })
    }

    /// The configured keys, or the key kept in `data_dir/jwt-keys` (created on first start).
    pub fn load_or_generate(
        configured: &[NamedKey],
        data_dir: &Path,
        issuer: &str,
    ) -> Result<Self, String> {
        if !configured.is_empty() {
            return Self::new(configured, issuer);
        }
        Self::new(
            &crate::crypto::load_or_generate_keys(data_dir, "jwt-keys")?,
            issuer,
        )
    }

    /// Signs `claims` as a token of kind `typ` (the header `typ`).
    pub fn sign<C: Serialize>(&self, typ: &str, claims: &C) -> Result<String, Error> {
        let mut header = Header::new(ALGORITHM);
        header.typ = Some(typ.to_owned());
        header.kid = Some(self.signing_kid.clone());
        jsonwebtoken::encode(&header, claims, &self.encoding)
            .map_err(|e| Error::internal(format!("jwt sign: {e}")))
    }

    /// Verifies a token of kind `typ` for `audience`; any failure is `Unauthenticated`, with
    /// the reason logged at debug level only (the client learns nothing about which check failed).
    pub fn verify<C: DeserializeOwned + Lifetime>(
        &self,
        token: &str,
        typ: &str,
        audience: &str,
        now: DateTime<Utc>,
    ) -> Result<C, Error> {
        let reject = |why: &str| {
            tracing::debug!(reason = why, "token rejected");
            Error::Unauthenticated
        };
        let header = jsonwebtoken::decode_header(token).map_err(|_| reject("malformed header"))?;
        if header.alg != ALGORITHM {
            return Err(reject("algorithm"));
        }
        if header.typ.as_deref() != Some(typ) {
            return Err(reject("typ"));
        }
        let key = header
            .kid
            .as_deref()
            .and_then(|kid| self.decoding.get(kid))
            .ok_or_else(|| reject("kid"))?;
        let mut validation = Validation::new(ALGORITHM);
        validation.set_audience(&[audience]);
        validation.set_issuer(&[&self.issuer]);
        validation.set_required_spec_claims(&["exp", "iat", "aud", "iss", "sub"]);
        // Expiry is checked below against the injected clock, not the system clock.
        validation.validate_exp = false;
        validation.leeway = 0;
        let data = jsonwebtoken::decode::<C>(token, key, &validation)
            .map_err(|_| reject("signature or claims"))?;
        let claims = data.claims;
        let now = now.timestamp();
        // Saturating: `exp` is whatever number the signer wrote, up to i64::MAX, and a plain `+`
        // would panic on it in debug builds (and wrap to "expired" in release ones).
        if now >= claims.expires_at().saturating_add(LEEWAY_SECS) {
            return Err(reject("expired"));
        }
        if claims.issued_at() > now.saturating_add(LEEWAY_SECS) {
            return Err(reject("issued in the future"));
        }
        Ok(claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize, serde::Deserialize)]
    struct Claims {
        iss: String,
        aud: String,
        sub: String,
        iat: i64,
        exp: i64,
    }
    impl Lifetime for Claims {
        fn issued_at(&self) -> i64 {
            self.iat
        }
        fn expires_at(&self) -> i64 {
            self.exp
        }
    }

    fn keyring(kid: &str, byte: u8) -> Keyring {
        Keyring::new(
            &[NamedKey {
                kid: kid.into(),
                secret: vec![byte; 32],
            }],
            "https://iss",
        )
        .unwrap()
    }

    fn claims(now: i64) -> Claims {
        Claims {
            iss: "https://iss".into(),
            aud: "api".into(),
            sub: "u".into(),
            iat: now,
            exp: now + 60,
        }
    }

    #[test]
    fn a_token_verifies_until_its_expiry_plus_the_leeway() {
        let ring = keyring("a", 1);
        let now = Utc::now();
        let token = ring.sign("t", &claims(now.timestamp())).unwrap();
        assert!(ring.verify::<Claims>(&token, "t", "api", now).is_ok());
        let last = now + chrono::Duration::seconds(60 + LEEWAY_SECS - 1);
        assert!(ring.verify::<Claims>(&token, "t", "api", last).is_ok());
        let late = now + chrono::Duration::seconds(60 + LEEWAY_SECS);
        assert!(ring.verify::<Claims>(&token, "t", "api", late).is_err());
    }

    #[test]
    fn an_expiry_at_the_end_of_time_is_checked_without_overflow() {
        // Reproduced by the `flow_token` fuzz target (seed-exp-max.json): `exp + LEEWAY_SECS`
        // overflowed and panicked.
        let ring = keyring("a", 1);
        let now = Utc::now();
        let mut forever = claims(now.timestamp());
        forever.exp = i64::MAX;
        let token = ring.sign("t", &forever).unwrap();
        assert!(ring.verify::<Claims>(&token, "t", "api", now).is_ok());
        let mut ancient = claims(now.timestamp());
        (ancient.iat, ancient.exp) = (i64::MIN, i64::MIN);
        let token = ring.sign("t", &ancient).unwrap();
        assert!(ring.verify::<Claims>(&token, "t", "api", now).is_err());
    }

    #[test]
    fn wrong_typ_audience_kid_or_key_is_refused() {
        let ring = keyring("a", 1);
        let now = Utc::now();
        let token = ring.sign("t", &claims(now.timestamp())).unwrap();
        assert!(ring.verify::<Claims>(&token, "other", "api", now).is_err());
        assert!(ring.verify::<Claims>(&token, "t", "other", now).is_err());
        assert!(
            keyring("b", 1)
                .verify::<Claims>(&token, "t", "api", now)
                .is_err()
        );
        assert!(
            keyring("a", 2)
                .verify::<Claims>(&token, "t", "api", now)
                .is_err()
        );
    }

    #[test]
    fn rotation_signs_with_the_first_key_and_verifies_with_all() {
        let old = keyring("old", 1);
        let rotated = Keyring::new(
            &[
                NamedKey {
                    kid: "new".into(),
                    secret: vec![2; 32],
                },
                NamedKey {
                    kid: "old".into(),
                    secret: vec![1; 32],
                },
            ],
            "https://iss",
        )
        .unwrap();
        let now = Utc::now();
        let old_token = old.sign("t", &claims(now.timestamp())).unwrap();
        assert!(
            rotated
                .verify::<Claims>(&old_token, "t", "api", now)
                .is_ok()
        );
        let new_token = rotated.sign("t", &claims(now.timestamp())).unwrap();
        assert!(old.verify::<Claims>(&new_token, "t", "api", now).is_err());
    }
}
