//! `[keys]`: the keys tokens are signed with and codes are MAC'd and seeds sealed with, and the
//! types that hold secrets.

use serde::Deserialize;

use super::names::Section;
use super::{ConfigError, invalid};

/// A named key: JWT signing keys (`kid` in the token header) and encryption/MAC keys.
#[derive(Clone)]
pub struct NamedKey {
    pub kid: String,
    pub secret: Vec<u8>,
}

impl std::fmt::Debug for NamedKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NamedKey {{ kid: {:?}, secret: <redacted> }}", self.kid)
    }
}

/// A string that must never be printed (passwords, tokens, keys). A setting of this type may
/// also be read from a file (`<name>_file`): the loader recognises the type by its name.
#[derive(Clone, PartialEq, Eq, Deserialize)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Self {
        Self(s.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

/// `[keys]`. Both sets are generated and kept in the data dir when not given, which production
/// refuses (a key on one replica's disk does not verify on the next).
#[derive(Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(super) struct Keys {
    /// `kid:base64key,…`: the first signs, all verify.
    pub jwt_keys: Option<Secret>,
    /// `kid:base64key,…`: the first MACs codes and seals authenticator seeds, all are accepted.
    pub encryption_keys: Option<Secret>,
}

impl Section for Keys {
    const NAME: &'static str = "keys";
}

impl Keys {
    pub fn jwt(&self) -> Result<Vec<NamedKey>, ConfigError> {
        named_keys("jwt_keys", self.jwt_keys.as_ref())
    }

    pub fn encryption(&self) -> Result<Vec<NamedKey>, ConfigError> {
        named_keys("encryption_keys", self.encryption_keys.as_ref())
    }
}

/// Empty when not given. The error names the key id at most, never the key.
fn named_keys(name: &str, raw: Option<&Secret>) -> Result<Vec<NamedKey>, ConfigError> {
    match raw {
        Some(raw) => parse_named_keys(raw.expose()).map_err(|m| invalid(name, m)),
        None => Ok(Vec::new()),
    }
}

/// Minimum length of a key: HS256 and AES-256 both want 32 bytes.
pub const MIN_JWT_KEY_BYTES: usize = 32;

/// Parses `kid:base64key,kid2:base64key2`.
pub fn parse_named_keys(raw: &str) -> Result<Vec<NamedKey>, String> {
    use base64::Engine as _;
    let mut keys: Vec<NamedKey> = Vec::new();
    for entry in raw.split(',').map(str::trim).filter(|e| !e.is_empty()) {
        let (kid, b64) = entry
            .split_once(':')
            .ok_or("each key must be written kid:base64key")?;
        let kid = kid.trim();
        if kid.is_empty()
            || kid.len() > 64
            || !kid
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        {
            return Err(format!(
                "key id `{kid}` must be 1-64 characters of A-Z, a-z, 0-9, - _ ."
            ));
        }
        let b64 = b64.trim();
        let secret = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .or_else(|_| base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(b64))
            .or_else(|_| base64::engine::general_purpose::STANDARD_NO_PAD.decode(b64))
            .map_err(|_| format!("the key `{kid}` is not valid base64"))?;
        if secret.len() < MIN_JWT_KEY_BYTES {
            return Err(format!(
                "the key `{kid}` is {} bytes; at least {MIN_JWT_KEY_BYTES} are required",
                secret.len()
            ));
        }
        if keys.iter().any(|k| k.kid == kid) {
            return Err(format!("the key id `{kid}` appears twice"));
        }
        keys.push(NamedKey {
            kid: kid.to_owned(),
            secret,
        });
    }
    if keys.is_empty() {
        return Err("no keys given".to_owned());
    }
    Ok(keys)
}
