//! What the fuzz targets share: a keyring and a sealing box built once from fixed keys, and a
//! fixed "now", so that every run of an input takes the same path.

use std::sync::LazyLock;

use chrono::{DateTime, Utc};
use sspr::config::NamedKey;
use sspr::crypto::SecretBox;
use sspr::tokens::Keyring;

/// The `iss` every token must carry (the service's public URL).
pub const ISSUER: &str = "https://sspr.example";

/// 2030-01-01T00:00:00Z.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_893_456_000, 0).unwrap_or_default()
}

fn keys() -> Vec<NamedKey> {
    vec![
        NamedKey {
            kid: "k1".into(),
            secret: vec![1; 32],
        },
        // A second key, as during a rotation: it verifies but never signs.
        NamedKey {
            kid: "k0".into(),
            secret: vec![0; 32],
        },
    ]
}

/// Signs with `k1`, verifies with `k1` and `k0`.
pub static KEYRING: LazyLock<Keyring> =
    LazyLock::new(|| Keyring::new(&keys(), ISSUER).expect("fixed keys"));

pub static SECRETS: LazyLock<SecretBox> =
    LazyLock::new(|| SecretBox::new(keys()).expect("fixed keys"));
