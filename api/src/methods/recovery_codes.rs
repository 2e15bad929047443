//! Recovery codes: ten single-use codes, shown once when they are generated (to print or save)
//! and kept only as MACs bound to the method's id, like one-time codes. Using one removes its
//! MAC with a conditional update of the method's data, so of two parallel uses of one code
//! exactly one passes; generating a new set replaces the method and with it every old code.

use chrono::{DateTime, Utc};
use rand::RngExt as _;

use super::data::MethodData;
use super::{Channel, Destination, DestinationInput, MethodType, Proof, unexpected};
use crate::crypto::SecretBox;
use crate::delivery::notices::{Notice, Vars};
use crate::delivery::{EmailMessage, templates};
use crate::directory::Person;
use crate::error::{Error, Refusal};
use crate::i18n::Lang;
use crate::policy::{MethodKind, Policy};
use crate::store::methods::MethodRow;
use crate::store::ports::Methods;

/// Codes in a set.
pub const COUNT: usize = 10;
/// At or below this many codes left, the person is told to generate a new set.
pub const FEW_LEFT: usize = 3;
/// Letters and digits that cannot be mistaken for one another when read off paper (no 0/o,
/// 1/l/i, u/v): 30 symbols, so a ten-symbol code holds 49 bits.
const ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstvwxyz";
/// Symbols in a code, shown as `xxxx-xxxx-xx`.
const LENGTH: usize = 10;
const MAC_PURPOSE: &str = "recovery-code";

pub struct RecoveryCodes;

impl MethodType for RecoveryCodes {
    fn kind(&self) -> MethodKind {
        MethodKind::RecoveryCodes
    }
    fn proof(&self) -> Proof {
        Proof::RecoveryCode
    }
    fn for_administrators(&self, policy: &Policy) -> bool {
        policy.recovery_codes.allow_administrators
    }
    fn channel(&self) -> Option<Channel> {
        None
    }
    fn parse_destination(&self, input: &DestinationInput) -> Result<Option<Destination>, Error> {
        unexpected(input, &[])?;
        Ok(None)
    }
    fn mask(&self, _: Option<&str>) -> String {
        "Recovery codes".to_owned()
    }
    fn describe(&self) -> &'static str {
        "recovery codes"
    }
}

/// A new set: the codes to show once, and the data to store (their MACs).
pub struct Generated {
    pub codes: Vec<String>,
    pub data: MethodData,
}

/// Ten codes from the CSPRNG for the method `method_id`.
pub fn generate(secrets: &SecretBox, method_id: &str) -> Generated {
    let mut rng = rand::rng();
    let codes: Vec<String> = (0..COUNT)
        .map(|_| {
            let symbols: String = (0..LENGTH)
                .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
                .collect();
            format!("{}-{}-{}", &symbols[..4], &symbols[4..8], &symbols[8..])
        })
        .collect();
    let unused = codes.iter().map(|c| mac(secrets, method_id, c)).collect();
    Generated {
        codes,
        data: MethodData::RecoveryCodes { unused },
    }
}

fn mac(secrets: &SecretBox, method_id: &str, code: &str) -> String {
    secrets.mac(MAC_PURPOSE, &format!("{method_id}:{}", normalise(code)))
}

/// A code as typed, compared without its dashes and spaces, in any case.
pub fn normalise(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// How many unused codes stored data holds (None for data of another shape).
pub fn left(data: &MethodData) -> Option<usize> {
    match data {
        MethodData::RecoveryCodes { unused } => Some(unused.len()),
        _ => None,
    }
}

/// Checks `typed` against the method's unused codes and spends the one it matches: how many are
/// left after it, or why it was refused (a code used before is no longer among them). The
/// change is a conditional update on the data read, so of two parallel uses of one code exactly
/// one passes; a parallel use of another code that changed the data in between is read again.
/// On success `row` holds the data as stored after.
pub fn prove(
    conn: &mut impl Methods,
    secrets: &SecretBox,
    row: &mut MethodRow,
    typed: &str,
) -> Result<Result<usize, Refusal>, Error> {
    let typed = normalise(typed);
    if typed.len() != LENGTH || !typed.bytes().all(|b| ALPHABET.contains(&b)) {
        return Ok(Err(Refusal::RecoveryCodeInvalid));
    }
    let data = format!("{}:{typed}", row.id);
    // Each lost race means another use changed the data; a handful in one use means something
    // is hammering this method, and refusing is the safe answer.
    for _ in 0..8 {
        let Some(stored) = conn.method_data(&row.id)? else {
            return Ok(Err(Refusal::RecoveryCodeInvalid));
        };
        // A decoy's phantom has no codes: nothing typed ever matches.
        let MethodData::RecoveryCodes { mut unused } = MethodData::decode(&stored)? else {
            return Ok(Err(Refusal::RecoveryCodeInvalid));
        };
        // Every stored MAC is checked, so the time taken does not say which one matched.
        let matched: Vec<usize> = (0..unused.len())
            .filter(|i| secrets.verify_mac(MAC_PURPOSE, &data, &unused[*i]))
            .collect();
        let Some(&index) = matched.first() else {
            return Ok(Err(Refusal::RecoveryCodeInvalid));
        };
        unused.remove(index);
        let left = unused.len();
        let spent = MethodData::RecoveryCodes { unused }.encode();
        if conn.replace_method_data(&row.id, &stored, &spent)? {
            row.data = spent;
            return Ok(Ok(left));
        }
    }
    Ok(Err(Refusal::RecoveryCodeInvalid))
}

/// "A recovery code was used" to the person's address in the directory, in `lang`, saying how
/// many are left (and, when few are, to generate a new set). `purpose`: what it was used for,
/// `reset_password`, `unlock_account` or `step_up`.
pub fn used_notice(
    org: &str,
    person: &Person,
    purpose: &str,
    left: usize,
    now: DateTime<Utc>,
    policy: &Policy,
    lang: Lang,
) -> EmailMessage {
    let vars = Vars::new(org)
        .text("name", &person.display_name)
        .when(now)
        .text("purpose", purpose)
        .number("left", i64::try_from(left).unwrap_or(i64::MAX))
        .number("total", COUNT as i64);
    templates::email(
        lang,
        Notice::RecoveryCodeUsed,
        &person.email,
        &vars,
        &policy.customization,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::NamedKey;

    fn secrets() -> SecretBox {
        SecretBox::new(vec![NamedKey {
            kid: "k1".into(),
            secret: vec![7; 32],
        }])
        .unwrap()
    }

    #[test]
    fn codes_are_ten_distinct_readable_codes_stored_only_as_macs() {
        let s = secrets();
        let set = generate(&s, "m1");
        assert_eq!(set.codes.len(), COUNT);
        let distinct: std::collections::HashSet<_> = set.codes.iter().collect();
        assert_eq!(distinct.len(), COUNT);
        for code in &set.codes {
            assert_eq!(code.len(), 12, "{code}");
            assert_eq!(code.matches('-').count(), 2, "{code}");
            assert!(normalise(code).bytes().all(|b| ALPHABET.contains(&b)));
        }
        let stored = set.data.encode();
        for code in &set.codes {
            assert!(!stored.contains(&normalise(code)));
        }
        assert_eq!(left(&set.data), Some(COUNT));
    }

    #[test]
    fn a_code_is_read_in_any_case_and_spacing() {
        assert_eq!(normalise(" ABCD-efgh 2z "), "abcdefgh2z");
    }

    #[test]
    fn a_code_is_bound_to_its_method() {
        let s = secrets();
        let set = generate(&s, "m1");
        let MethodData::RecoveryCodes { unused } = &set.data else {
            panic!("shape");
        };
        let code = normalise(&set.codes[0]);
        assert!(s.verify_mac(MAC_PURPOSE, &format!("m1:{code}"), &unused[0]));
        assert!(!s.verify_mac(MAC_PURPOSE, &format!("m2:{code}"), &unused[0]));
    }
}
