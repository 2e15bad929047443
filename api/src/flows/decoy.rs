//! Decoy flows, for usernames that do not exist or cannot reset (disabled, out of scope, not
//! registered). An attacker probing usernames must not tell them from real ones, so a decoy
//! offers plausible methods — the same for the same username every time, derived from a keyed
//! hash of it — answers challenges like a real flow would, and never verifies.

use uuid::Uuid;

use super::OfferedMethod;
use crate::crypto::SecretBox;
use crate::methods::{Channel, email::mask_email, phone::mask_phone, registry};
use crate::policy::{MethodKind, Policy};

fn bytes(secrets: &SecretBox, username_key: &str, label: &str) -> Vec<u8> {
    use base64::Engine as _;
    let mac = secrets.mac("decoy", &format!("{label}:{username_key}"));
    let b64 = mac
        .split_once('$')
        .map(|(_, m)| m.to_owned())
        .unwrap_or_default();
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(b64)
        .unwrap_or_else(|_| vec![7; 32])
}

/// The methods a decoy offers for `username_key`: between `required` and `required + 1` of the
/// enabled kinds, with hints of the usual shape. Like a real person's, a mobile phone is one
/// entry, taking texts, calls or both as the policy allows.
pub fn methods(
    secrets: &SecretBox,
    username_key: &str,
    policy: &Policy,
    required: u32,
) -> Vec<OfferedMethod> {
    let seed = bytes(secrets, username_key, "methods");
    let mut kinds: Vec<MethodKind> = policy.methods_enabled.clone();
    // A stable shuffle driven by the seed.
    for i in (1..kinds.len()).rev() {
        let j = seed[i % seed.len()] as usize % (i + 1);
        kinds.swap(i, j);
    }
    // One mobile phone: texts and calls to it are one factor.
    if let Some(first) = kinds
        .iter()
        .position(|k| matches!(k, MethodKind::MobileSms | MethodKind::MobileVoice))
    {
        let mut i = first + 1;
        while i < kinds.len() {
            if matches!(kinds[i], MethodKind::MobileSms | MethodKind::MobileVoice) {
                kinds.remove(i);
            } else {
                i += 1;
            }
        }
    }
    let both = policy.methods_enabled.contains(&MethodKind::MobileSms)
        && policy.methods_enabled.contains(&MethodKind::MobileVoice)
        && seed[1] % 2 == 1;
    let count = (required as usize + usize::from(seed[0] % 2 == 1)).clamp(1, kinds.len().max(1));
    kinds
        .into_iter()
        .take(count)
        .enumerate()
        .map(|(i, kind)| {
            let (kind, channels) = match kind {
                MethodKind::MobileSms | MethodKind::MobileVoice if both => {
                    (MethodKind::MobileSms, vec![Channel::Sms, Channel::Voice])
                }
                kind => (kind, registry(kind).channel().into_iter().collect()),
            };
            let id_bytes = bytes(secrets, username_key, &format!("method-{i}"));
            let mut raw = [0u8; 16];
            raw.copy_from_slice(&id_bytes[..16]);
            let method_id = uuid::Builder::from_random_bytes(raw).into_uuid();
            OfferedMethod {
                method_id,
                kind,
                hint: hint(kind, username_key, &id_bytes),
                channels,
            }
        })
        .collect()
}

fn hint(kind: MethodKind, username_key: &str, seed: &[u8]) -> String {
    let letter = |b: u8| char::from(b'a' + b % 26);
    match kind {
        MethodKind::Email => {
            let first = username_key
                .chars()
                .next()
                .filter(char::is_ascii_alphanumeric)
                .unwrap_or(letter(seed[17]));
            mask_email(&format!("{first}x@{}x.com", letter(seed[18])))
        }
        MethodKind::MobileSms | MethodKind::MobileVoice | MethodKind::OfficeVoice => mask_phone(
            &format!("+1415555{:02}{:02}", seed[19] % 100, seed[20] % 100),
        ),
        MethodKind::AuthenticatorApp => "Authenticator app".to_owned(),
        MethodKind::SecurityQuestions => "Security questions".to_owned(),
    }
}

/// A decoy method id is never a real one.
pub fn is_offered(offered: &[OfferedMethod], id: Uuid) -> bool {
    offered.iter().any(|m| m.method_id == id)
}
