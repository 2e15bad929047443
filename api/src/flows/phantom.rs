//! Phantom people, for usernames that do not exist or cannot reset (disabled, out of scope, not
//! registered). A probe of usernames must not tell them from real ones, so a decoy flow does not
//! imitate a real one: it *is* one, run on a phantom person by the same code — the same offer,
//! the same codes rows with their tries, resends and limits, the same question draw — and only
//! two edges differ: nothing leaves ([`crate::methods::codes::send`]) and the final comparison
//! never matches (a phantom code's hash is of no typable code, a phantom app has no seed, a
//! phantom has no stored answers).
//!
//! A phantom is derived from the typed username with a server secret, so the same name shows
//! the same person every time, on every replica. What it looks like is drawn from the directory
//! ([`Census`]): the combinations of methods people registered (administrators' from
//! administrators'), the email domains and the phone numbers' prefixes seen, masked the same way
//! as real ones; and it is an administrator as often as real people are, or when its name reads
//! like one. Weighted rendezvous hashing keeps each choice stable while the directory grows.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::crypto::SecretBox;
use crate::error::Error;
use crate::methods::data::MethodData;
use crate::methods::{self, DestinationKind, parse_kind, questions};
use crate::policy::{MethodKind, Policy};
use crate::store::{self, DbConn, methods::MethodRow, ts};

const PURPOSE: &str = "phantom";
/// Active methods read for a census: enough for the shape of a large directory.
const CENSUS_ROWS: i64 = 20_000;
/// Domains and number prefixes kept, the most common first.
const KEEP: usize = 200;
/// How long a census is used before it is counted again.
const CENSUS_TTL_MINUTES: i64 = 10;

/// The shape of the directory that phantoms copy.
#[derive(Clone, Debug, Default)]
pub struct Census {
    /// (administrator, kinds registered) → how many people.
    combos: BTreeMap<(bool, Vec<MethodKind>), u32>,
    /// Email domains → how many addresses.
    domains: Vec<(String, u32)>,
    /// Phone numbers without their last four digits → how many numbers.
    prefixes: Vec<(String, u32)>,
    people: u32,
    admins: u32,
}

impl Census {
    /// Counts active methods: `(person, administrator, kind, data)`.
    pub fn count(rows: &[store::methods::CensusRow]) -> Self {
        let mut people: BTreeMap<&str, (bool, Vec<MethodKind>)> = BTreeMap::new();
        let mut domains: BTreeMap<String, u32> = BTreeMap::new();
        let mut prefixes: BTreeMap<String, u32> = BTreeMap::new();
        for (user, admin, kind, data) in rows {
            let Some(kind) = parse_kind(kind) else {
                continue;
            };
            let destination = methods::data::destination_of(data);
            let person = people.entry(user).or_insert((*admin != 0, Vec::new()));
            if !person.1.contains(&kind) {
                person.1.push(kind);
            }
            match (
                methods::registry(kind).destination(),
                destination.as_deref(),
            ) {
                (DestinationKind::Address, Some(address)) => {
                    if let Some((_, domain)) = address.rsplit_once('@') {
                        *domains.entry(domain.to_lowercase()).or_default() += 1;
                    }
                }
                (DestinationKind::Mobile | DestinationKind::Office, Some(number))
                    if number.len() > 8 =>
                {
                    let prefix = &number[..number.len() - 4];
                    *prefixes.entry(prefix.to_owned()).or_default() += 1;
                }
                _ => {}
            }
        }
        let mut census = Census::default();
        for (_, (admin, mut kinds)) in people {
            kinds.sort_by_key(|k| rank(*k));
            census.people += 1;
            census.admins += u32::from(admin);
            *census.combos.entry((admin, kinds)).or_default() += 1;
        }
        census.domains = most_common(domains);
        census.prefixes = most_common(prefixes);
        census
    }
}

fn most_common(counts: BTreeMap<String, u32>) -> Vec<(String, u32)> {
    let mut all: Vec<(String, u32)> = counts.into_iter().collect();
    all.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    all.truncate(KEEP);
    all
}

fn rank(kind: MethodKind) -> usize {
    MethodKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(usize::MAX)
}

/// The census in use, counted again at most every ten minutes. Real and unknown usernames wait
/// for a recount alike: it happens in whichever start finds the census old.
#[derive(Clone, Default)]
pub struct CensusCache(Arc<Mutex<Option<Counted>>>);

/// A census and when it was counted.
type Counted = (DateTime<Utc>, Arc<Census>);

impl CensusCache {
    pub fn get(&self, conn: &mut DbConn, now: DateTime<Utc>) -> Result<Arc<Census>, Error> {
        if let Ok(guard) = self.0.lock()
            && let Some((at, census)) = guard.as_ref()
            && *at + Duration::minutes(CENSUS_TTL_MINUTES) > now
            && *at <= now
        {
            return Ok(census.clone());
        }
        let census = Arc::new(Census::count(&store::methods::census(conn, CENSUS_ROWS)?));
        if let Ok(mut guard) = self.0.lock() {
            *guard = Some((now, census.clone()));
        }
        Ok(census)
    }
}

/// One method of a phantom.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PhantomMethod {
    pub id: String,
    pub kind: MethodKind,
    pub destination: Option<String>,
}

/// A phantom person: what a decoy flow runs on, kept in the flow row.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Phantom {
    pub id: String,
    pub is_admin: bool,
    pub methods: Vec<PhantomMethod>,
    /// The security questions it registered (ids from the catalogue).
    pub questions: Vec<String>,
}

/// A uniform number in (0, 1] for `label` and `item`, from the phantom's seed.
fn unit(seed: &[u8], label: &str, item: &str) -> f64 {
    let digest = Sha256::new()
        .chain_update(seed)
        .chain_update(label.as_bytes())
        .chain_update([0])
        .chain_update(item.as_bytes())
        .finalize();
    let mut raw = [0u8; 8];
    raw.copy_from_slice(&digest[..8]);
    (u64::from_be_bytes(raw) >> 11) as f64 / (1u64 << 53) as f64 + f64::EPSILON
}

/// Weighted rendezvous hashing: each item's score is `-ln(u) / weight`; the lowest wins. The
/// same seed picks the same item until an item that beats it is added.
fn ranked<'a, T>(
    seed: &[u8],
    label: &str,
    items: &'a [(T, u32)],
    name: impl Fn(&T) -> String,
) -> Vec<&'a T> {
    let mut scored: Vec<(f64, &T)> = items
        .iter()
        .filter(|(_, weight)| *weight > 0)
        .map(|(item, weight)| {
            (
                -unit(seed, label, &name(item)).ln() / f64::from(*weight),
                item,
            )
        })
        .collect();
    scored.sort_by(|a, b| a.0.total_cmp(&b.0));
    scored.into_iter().map(|(_, item)| item).collect()
}

fn digits(seed: &[u8], label: &str, count: usize) -> String {
    (0..count)
        .map(|i| {
            let d = (unit(seed, label, &i.to_string()) * 10.0) as u32 % 10;
            char::from_digit(d, 10).unwrap_or('0')
        })
        .collect()
}

fn stable_id(seed: &[u8], label: &str) -> String {
    let digest = Sha256::new()
        .chain_update(seed)
        .chain_update(label.as_bytes())
        .finalize();
    let mut raw = [0u8; 16];
    raw.copy_from_slice(&digest[..16]);
    uuid::Builder::from_random_bytes(raw)
        .into_uuid()
        .to_string()
}

/// Names that read like an administrator's: a probe tries these first, so their phantoms are
/// administrators, as the real ones would be.
pub fn reads_like_an_administrator(username_key: &str) -> bool {
    ["admin", "root", "sysop", "superuser"]
        .iter()
        .any(|w| username_key.contains(w))
        || ["adm", "sa", "su", "sys", "system", "operator"].contains(&username_key)
}

/// What a phantom needs to know of the service.
pub struct Shape<'a> {
    pub policy: &'a Policy,
    pub census: &'a Census,
}

impl Phantom {
    /// The phantom of `username_key`.
    pub fn of(
        secrets: &SecretBox,
        username_key: &str,
        shape: &Shape<'_>,
        now: DateTime<Utc>,
    ) -> Self {
        let seed = secrets.derive(PURPOSE, username_key);
        let census = shape.census;
        let share = if census.people == 0 {
            0.0
        } else {
            f64::from(census.admins) / f64::from(census.people)
        };
        let is_admin =
            reads_like_an_administrator(username_key) || unit(&seed, "admin", "") <= share;
        let id = stable_id(&seed, "id");
        let local = local_part(username_key, &seed);
        let domain = ranked(&seed, "domain", &census.domains, String::clone)
            .first()
            .map_or_else(|| "example.com".to_owned(), |d| (*d).clone());
        let number = |label: &str| {
            let prefix = ranked(&seed, label, &census.prefixes, String::clone)
                .first()
                .map_or_else(|| "+1415555".to_owned(), |p| (*p).clone());
            format!("{prefix}{}", digits(&seed, label, 4))
        };
        let (mobile, office) = (number("mobile"), number("office"));
        let method = |kind: MethodKind| PhantomMethod {
            id: stable_id(&seed, kind.as_str()),
            kind,
            destination: match methods::registry(kind).destination() {
                DestinationKind::Address => Some(format!("{local}@{domain}")),
                DestinationKind::Mobile => Some(mobile.clone()),
                DestinationKind::Office => Some(office.clone()),
                DestinationKind::None => None,
            },
        };
        let catalogue = questions::catalogue(shape.policy);
        let catalogue: Vec<(String, u32)> =
            catalogue.into_iter().map(|q| (q.question_id, 1)).collect();
        let questions: Vec<String> = ranked(&seed, "question", &catalogue, String::clone)
            .into_iter()
            .take(shape.policy.security_questions.register_count as usize)
            .cloned()
            .collect();
        let build = |kinds: &[MethodKind]| Phantom {
            id: id.clone(),
            is_admin,
            methods: kinds.iter().map(|k| method(*k)).collect(),
            questions: questions.clone(),
        };
        // The first combination of the person's role that would let a real person reset under
        // this policy; other people's when the role has none; else enabled kinds, shuffled.
        let required = crate::registration::methods_required(shape.policy, is_admin);
        let combos = |admin: bool| -> Vec<(Vec<MethodKind>, u32)> {
            census
                .combos
                .iter()
                .filter(|((a, _), _)| *a == admin)
                .map(|((_, kinds), n)| (kinds.clone(), *n))
                .collect()
        };
        let name = |kinds: &Vec<MethodKind>| {
            kinds
                .iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join("+")
        };
        for pool in [combos(is_admin), combos(!is_admin)] {
            for kinds in ranked(&seed, "combo", &pool, name) {
                let phantom = build(kinds);
                if phantom.offers(shape.policy, now) >= required as usize {
                    return phantom;
                }
            }
        }
        let allowed = crate::registration::allowed_kinds(shape.policy, is_admin);
        let pool: Vec<(MethodKind, u32)> = allowed.into_iter().map(|k| (k, 1)).collect();
        let mut left = ranked(&seed, "kind", &pool, |k| k.as_str().to_owned()).into_iter();
        let mut kinds: Vec<MethodKind> = Vec::new();
        while build(&kinds).offers(shape.policy, now) < required as usize {
            let Some(kind) = left.next() else { break };
            kinds.push(*kind);
        }
        // Real people often register one more than required.
        if unit(&seed, "one-more", "") < 0.5
            && let Some(kind) = left.next()
        {
            kinds.push(*kind);
        }
        kinds.sort_by_key(|k| rank(*k));
        build(&kinds)
    }

    /// How many factors a reset would offer this phantom now.
    fn offers(&self, policy: &Policy, now: DateTime<Utc>) -> usize {
        let person = self.person("", now);
        let offers: Vec<super::OfferedMethod> = super::offerable(
            policy,
            &person.user,
            &person.rows,
            person.answers.len(),
            now,
        )
        .into_iter()
        .map(|o| o.method)
        .collect();
        super::worth(&offers)
    }

    /// The phantom as the flow code sees a person: a user row, method rows and answers.
    pub fn person(&self, typed: &str, now: DateTime<Utc>) -> super::Person {
        // Registered long ago, so no cool-down holds anything back.
        let long_ago = ts(now - Duration::days(400));
        let user = crate::directory::Person {
            id: self.id.clone(),
            username: typed.to_owned(),
            display_name: typed.to_owned(),
            email: String::new(),
            mobile_phone: None,
            office_phone: None,
            is_admin: self.is_admin,
            disabled: false,
            locked_until: None,
            must_change_password: false,
            created_at: None,
            updated_at: None,
        };
        let rows = self
            .methods
            .iter()
            .map(|m| MethodRow {
                id: m.id.clone(),
                user_id: self.id.clone(),
                kind: m.kind.as_str().to_owned(),
                status: store::methods::ACTIVE.to_owned(),
                // An app without a seed: no code ever matches (`authenticator::prove`).
                data: match &m.destination {
                    Some(address) => MethodData::Destination {
                        address: address.clone(),
                        extension: None,
                    },
                    None => MethodData::None,
                }
                .encode(),
                created_at: long_ago,
                activated_at: Some(long_ago),
                updated_at: long_ago,
                held: 0,
            })
            .collect();
        super::Person {
            user,
            rows,
            answers: self.questions.clone(),
            phantom: true,
        }
    }
}

/// The local part of a phantom's address: it begins like the username, as most do.
fn local_part(username_key: &str, seed: &[u8]) -> String {
    let first = username_key
        .chars()
        .next()
        .filter(char::is_ascii_alphanumeric)
        .unwrap_or_else(|| char::from(b'a' + (unit(seed, "local", "") * 26.0) as u8 % 26));
    format!("{first}{}", digits(seed, "local", 3))
}
