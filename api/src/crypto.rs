//! Keys and the two things done with them besides signing tokens: keyed hashes (MACs) of
//! one-time codes, and authenticated encryption of secrets kept at rest (TOTP seeds).
//!
//! Keys are named (`kid:base64`): the first one is used for new values, every one is accepted
//! for old values, and each stored value says which key made it — so keys rotate without a
//! migration. Without configured keys one is generated and kept in the data directory.

use std::io::Write as _;
use std::path::Path;

use aws_lc_rs::aead::{AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use chrono::Utc;
use hmac::{Hmac, Mac};
use rand::RngExt as _;
use sha2::Sha256;
use subtle::ConstantTimeEq as _;

use crate::config::{NamedKey, parse_named_keys};
use crate::error::Error;

/// Keys from `data_dir/file`, generating one 32-byte key there (mode 0600) on first use.
pub fn load_or_generate_keys(data_dir: &Path, file: &str) -> Result<Vec<NamedKey>, String> {
    let path = data_dir.join(file);
    match std::fs::read_to_string(&path) {
        Ok(text) => parse_named_keys(&text).map_err(|e| format!("{}: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            std::fs::create_dir_all(data_dir)
                .map_err(|e| format!("{}: {e}", data_dir.display()))?;
            let mut secret = [0u8; 32];
            rand::rng().fill(&mut secret[..]);
            let kid = format!("k{}", Utc::now().format("%Y%m%d"));
            let line = format!(
                "{kid}:{}\n",
                base64::engine::general_purpose::STANDARD.encode(secret)
            );
            write_private_file(&path, line.as_bytes())
                .map_err(|e| format!("{}: {e}", path.display()))?;
            tracing::info!(path = %path.display(), "generated a key");
            parse_named_keys(&line)
        }
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

fn write_private_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut file = options.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// MACs and sealed secrets.
pub struct SecretBox {
    keys: Vec<NamedKey>,
}

impl std::fmt::Debug for SecretBox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SecretBox {{ keys: {} }}", self.keys.len())
    }
}

impl SecretBox {
    pub fn new(keys: Vec<NamedKey>) -> Result<Self, String> {
        if keys.is_empty() {
            return Err("no encryption key".to_owned());
        }
        Ok(Self { keys })
    }

    pub fn load_or_generate(configured: &[NamedKey], data_dir: &Path) -> Result<Self, String> {
        if configured.is_empty() {
            Self::new(load_or_generate_keys(data_dir, "encryption-keys")?)
        } else {
            Self::new(configured.to_vec())
        }
    }

    fn key(&self, kid: &str) -> Option<&NamedKey> {
        self.keys.iter().find(|k| k.kid == kid)
    }

    fn primary(&self) -> &NamedKey {
        // `new` refuses an empty list.
        &self.keys[0]
    }

    /// Bytes derived from `data` with the primary key, the same every time for the same input
    /// (the decoys' phantom people are built from them).
    pub fn derive(&self, purpose: &str, data: &str) -> Vec<u8> {
        Self::raw_mac(self.primary(), purpose, data)
    }

    fn raw_mac(key: &NamedKey, purpose: &str, data: &str) -> Vec<u8> {
        // The purpose is part of the input so that a MAC made for one use never verifies for
        // another (a code hash is not an answer hash).
        // HMAC takes keys of any length, so `new_from_slice` cannot fail; an empty MAC would
        // never verify anyway.
        let Ok(mut mac) = <Hmac<Sha256> as Mac>::new_from_slice(&key.secret) else {
            return Vec::new();
        };
        mac.update(purpose.as_bytes());
        mac.update(&[0]);
        mac.update(data.as_bytes());
        mac.finalize().into_bytes().to_vec()
    }

    /// `kid$base64(HMAC-SHA256(key, purpose ‖ 0 ‖ data))`.
    pub fn mac(&self, purpose: &str, data: &str) -> String {
        let key = self.primary();
        format!(
            "{}${}",
            key.kid,
            B64.encode(Self::raw_mac(key, purpose, data))
        )
    }

    /// Recomputes the MAC with the key the stored value names and compares in constant time
    /// (a timing difference would tell an attacker how many leading bytes of a guess match).
    pub fn verify_mac(&self, purpose: &str, data: &str, stored: &str) -> bool {
        let Some((kid, b64)) = stored.split_once('$') else {
            return false;
        };
        let (Some(key), Ok(expected)) = (self.key(kid), B64.decode(b64)) else {
            return false;
        };
        let actual = Self::raw_mac(key, purpose, data);
        actual.ct_eq(&expected).into()
    }

    /// AES-256-GCM with a random nonce: `kid$base64(nonce ‖ ciphertext ‖ tag)`. `context` is
    /// authenticated but not stored (the owner's id), so a sealed value cannot be moved to
    /// another row.
    pub fn seal(&self, context: &str, plaintext: &[u8]) -> Result<String, Error> {
        let key = self.primary();
        let sealing = aead_key(key)?;
        let mut nonce = [0u8; NONCE_LEN];
        rand::rng().fill(&mut nonce[..]);
        let mut data = plaintext.to_vec();
        sealing
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(context.as_bytes()),
                &mut data,
            )
            .map_err(|_| Error::internal("sealing failed"))?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&data);
        Ok(format!("{}${}", key.kid, B64.encode(out)))
    }

    pub fn open(&self, context: &str, sealed: &str) -> Result<Vec<u8>, Error> {
        let broken = || Error::internal("a sealed value could not be opened");
        let (kid, b64) = sealed.split_once('$').ok_or_else(broken)?;
        let key = self.key(kid).ok_or_else(broken)?;
        let bytes = B64.decode(b64).map_err(|_| broken())?;
        if bytes.len() < NONCE_LEN {
            return Err(broken());
        }
        let (nonce, data) = bytes.split_at(NONCE_LEN);
        let nonce: [u8; NONCE_LEN] = nonce.try_into().map_err(|_| broken())?;
        let mut data = data.to_vec();
        let plain = aead_key(key)?
            .open_in_place(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(context.as_bytes()),
                &mut data,
            )
            .map_err(|_| broken())?;
        Ok(plain.to_vec())
    }
}

fn aead_key(key: &NamedKey) -> Result<LessSafeKey, Error> {
    let secret = key
        .secret
        .get(..32)
        .ok_or_else(|| Error::internal("encryption key too short"))?;
    let unbound = UnboundKey::new(&AES_256_GCM, secret)
        .map_err(|_| Error::internal("encryption key rejected"))?;
    Ok(LessSafeKey::new(unbound))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boxed(kid: &str, byte: u8) -> SecretBox {
        SecretBox::new(vec![NamedKey {
            kid: kid.into(),
            secret: vec![byte; 32],
        }])
        .unwrap()
    }

    #[test]
    fn macs_verify_only_for_the_same_purpose_data_and_key() {
        let b = boxed("a", 1);
        let m = b.mac("code", "123456");
        assert!(b.verify_mac("code", "123456", &m));
        assert!(!b.verify_mac("code", "123457", &m));
        assert!(!b.verify_mac("answer", "123456", &m));
        assert!(!boxed("a", 2).verify_mac("code", "123456", &m));
        assert!(!b.verify_mac("code", "123456", "a$garbage"));
        assert!(!m.contains("123456"));
    }

    #[test]
    fn rotated_keys_still_verify_old_macs_and_open_old_secrets() {
        let old = boxed("old", 1);
        let m = old.mac("code", "42");
        let sealed = old.seal("user-1", b"JBSWY3DPEHPK3PXP").unwrap();
        let rotated = SecretBox::new(vec![
            NamedKey {
                kid: "new".into(),
                secret: vec![2; 32],
            },
            NamedKey {
                kid: "old".into(),
                secret: vec![1; 32],
            },
        ])
        .unwrap();
        assert!(rotated.verify_mac("code", "42", &m));
        assert_eq!(
            rotated.open("user-1", &sealed).unwrap(),
            b"JBSWY3DPEHPK3PXP"
        );
        assert!(rotated.mac("code", "42").starts_with("new$"));
    }

    #[test]
    fn sealed_secrets_are_bound_to_their_context_and_tamper_evident() {
        let b = boxed("a", 1);
        let sealed = b.seal("user-1", b"secret seed").unwrap();
        assert!(!sealed.contains("secret"));
        assert!(b.open("user-2", &sealed).is_err());
        let mut tampered = sealed.clone();
        tampered.pop();
        tampered.push(if sealed.ends_with('A') { 'B' } else { 'A' });
        assert!(b.open("user-1", &tampered).is_err());
        assert_ne!(
            b.seal("user-1", b"secret seed").unwrap(),
            sealed,
            "random nonce"
        );
    }
}
