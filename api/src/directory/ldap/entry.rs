//! Reading people from entries: which attributes to ask for, the stable id of an entry
//! (`entryUUID`, or `objectGUID` in Active Directory), and the [`Person`] an entry describes.
//! Every value put into a filter goes through `ldap_escape`; an id is parsed as a UUID first.

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use ldap3::SearchEntry;
use ldap3::ldap_escape;
use uuid::Uuid;

use super::Flavour;
use crate::config::LdapSettings;
use crate::directory::Person;

/// What the service reads of a person: mapping, lock and account state, ids.
pub fn attributes(settings: &LdapSettings, flavour: Flavour) -> Vec<String> {
    let mut attrs = vec![
        settings.username_attribute.clone(),
        settings.attr_display_name.clone(),
        settings.attr_email.clone(),
        settings.attr_mobile.clone(),
        settings.attr_office_phone.clone(),
        "cn".to_owned(),
    ];
    attrs.extend(flavour.state_attributes().iter().map(|a| (*a).to_owned()));
    attrs.extend(DATES.iter().map(|a| (*a).to_owned()));
    attrs
}

/// The first value of `name` (attribute names compare without case).
pub fn first<'a>(entry: &'a SearchEntry, name: &str) -> Option<&'a str> {
    entry
        .attrs
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .and_then(|(_, v)| v.first())
        .map(String::as_str)
        .filter(|v| !v.is_empty())
}

fn first_bin<'a>(entry: &'a SearchEntry, name: &str) -> Option<&'a [u8]> {
    entry
        .bin_attrs
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .and_then(|(_, v)| v.first())
        .map(Vec::as_slice)
}

/// The entry's stable id, as a UUID string (an entry renamed or moved keeps it; one deleted and
/// made again under the same name does not, so it does not inherit the old one's methods).
pub fn id_of(entry: &SearchEntry, flavour: Flavour) -> Option<String> {
    match flavour {
        Flavour::OpenLdap => first(entry, "entryUUID")
            .and_then(|v| Uuid::parse_str(v).ok())
            .map(|u| u.to_string()),
        // objectGUID is binary, its first three fields little-endian.
        Flavour::ActiveDirectory => first_bin(entry, "objectGUID")
            .or_else(|| first(entry, "objectGUID").map(str::as_bytes))
            .and_then(|b| <[u8; 16]>::try_from(b).ok())
            .map(|b| Uuid::from_bytes_le(b).to_string()),
    }
}

/// A filter matching the entry whose id is `id`, or `None` when `id` is not a UUID.
pub fn id_filter(id: &str, flavour: Flavour) -> Option<String> {
    let uuid = Uuid::parse_str(id).ok()?;
    Some(match flavour {
        Flavour::OpenLdap => format!("(entryUUID={uuid})"),
        Flavour::ActiveDirectory => {
            let hex: String = uuid
                .to_bytes_le()
                .iter()
                .map(|b| format!("\\{b:02x}"))
                .collect();
            format!("(objectGUID={hex})")
        }
    })
}

/// People whose login is `login` (already known to be a plausible login).
pub fn login_filter(settings: &LdapSettings, login: &str) -> String {
    format!(
        "(&{}({}={}))",
        settings.user_filter,
        settings.username_attribute,
        ldap_escape(login)
    )
}

/// People whose login, name or address contains `text`.
pub fn text_filter(settings: &LdapSettings, text: Option<&str>) -> String {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => settings.user_filter.clone(),
        Some(text) => {
            let t = ldap_escape(text);
            format!(
                "(&{}(|({}=*{t}*)({}=*{t}*)({}=*{t}*)))",
                settings.user_filter,
                settings.username_attribute,
                settings.attr_display_name,
                settings.attr_email
            )
        }
    }
}

/// A person, as the entry and its groups describe them.
pub fn person_of(
    settings: &LdapSettings,
    flavour: Flavour,
    entry: &SearchEntry,
    is_admin: bool,
    now: DateTime<Utc>,
) -> Option<Person> {
    let id = id_of(entry, flavour)?;
    let username = first(entry, &settings.username_attribute)?.to_owned();
    let state = flavour.state(entry, now);
    let display_name = first(entry, &settings.attr_display_name)
        .or_else(|| first(entry, "cn"))
        .unwrap_or(&username)
        .to_owned();
    Some(Person {
        id,
        username,
        display_name,
        email: first(entry, &settings.attr_email)
            .unwrap_or_default()
            .to_owned(),
        mobile_phone: first(entry, &settings.attr_mobile).map(str::to_owned),
        office_phone: first(entry, &settings.attr_office_phone).map(str::to_owned),
        is_admin,
        disabled: state.disabled,
        locked_until: state.locked_until,
        must_change_password: state.must_change_password,
        created_at: created_at(entry),
        updated_at: updated_at(entry),
    })
}

/// When the entry was made (`createTimestamp`; AD: `whenCreated`).
pub fn created_at(entry: &SearchEntry) -> Option<DateTime<Utc>> {
    first(entry, "createTimestamp")
        .or_else(|| first(entry, "whenCreated"))
        .and_then(generalized_time)
}

/// When the entry last changed (`modifyTimestamp`; AD: `whenChanged`).
pub fn updated_at(entry: &SearchEntry) -> Option<DateTime<Utc>> {
    first(entry, "modifyTimestamp")
        .or_else(|| first(entry, "whenChanged"))
        .and_then(generalized_time)
}

/// The attributes of an entry's dates, in both flavours.
pub const DATES: &[&str] = &[
    "createTimestamp",
    "modifyTimestamp",
    "whenCreated",
    "whenChanged",
];

/// What the directory says of an account besides who it is.
#[derive(Clone, Copy, Debug, Default)]
pub struct State {
    pub disabled: bool,
    pub locked_until: Option<DateTime<Utc>>,
    pub must_change_password: bool,
}

/// A directory lock whose end the service cannot read (the directory's policy decides it) is
/// reported as lasting this long from now: it ends when the directory or an unlock ends it.
pub const UNTIL_UNLOCKED_DAYS: i64 = 1;

/// An LDAP GeneralizedTime (`20261207131343Z`, with optional fraction).
pub fn generalized_time(raw: &str) -> Option<DateTime<Utc>> {
    let digits = raw.trim_end_matches('Z');
    let main = digits.split(['.', ',']).next()?;
    NaiveDateTime::parse_from_str(main, "%Y%m%d%H%M%S")
        .ok()
        .map(|t| Utc.from_utc_datetime(&t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_filter_only_as_uuids_and_guids_are_escaped_bytes() {
        assert_eq!(id_filter("*)(uid=*", Flavour::OpenLdap), None);
        let id = "c2e08632-868b-1041-812e-7f5714f11d6f";
        assert_eq!(
            id_filter(id, Flavour::OpenLdap).unwrap(),
            format!("(entryUUID={id})")
        );
        assert_eq!(
            id_filter(id, Flavour::ActiveDirectory).unwrap(),
            "(objectGUID=\\32\\86\\e0\\c2\\8b\\86\\41\\10\\81\\2e\\7f\\57\\14\\f1\\1d\\6f)"
        );
    }

    #[test]
    fn generalized_times_read_with_and_without_fractions() {
        let t = generalized_time("20261207131343Z").unwrap();
        assert_eq!(t.to_rfc3339(), "2026-12-07T13:13:43+00:00");
        assert_eq!(generalized_time("20261207131343.375262Z"), Some(t));
        assert_eq!(generalized_time("garbage"), None);
    }
}
