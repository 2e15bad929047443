//! Active Directory (and Samba as a domain controller): passwords are written to `unicodePwd`
//! as the quoted password in UTF-16LE, only over TLS (the connection is refused otherwise at
//! start, whatever the server would take); a reset replaces it, a person's own change deletes
//! the current value and adds the new one in one modify (which the directory checks against
//! its history); an unlock sets `lockoutTime` to 0. Disabled comes from `userAccountControl`,
//! "must change" from `pwdLastSet` = 0, and a bind's refusal says why in its `data` code.

use std::collections::HashSet;
use std::time::Duration;

use chrono::{DateTime, Utc};
use ldap3::{Ldap, Mod, SearchEntry};

use super::BindOutcome;
use super::conn::{
    CONSTRAINT_VIOLATION, INVALID_CREDENTIALS, UNWILLING_TO_PERFORM, check, unavailable,
};
use super::entry::{self, State, first};
use crate::directory::PasswordChange;
use crate::error::Error;
use crate::password::Password;

pub const STATE_ATTRIBUTES: &[&str] = &[
    "objectGUID",
    "userAccountControl",
    "lockoutTime",
    "pwdLastSet",
];

/// `userAccountControl` bit: the account is disabled.
const ACCOUNTDISABLE: u64 = 0x2;

pub fn state(entry: &SearchEntry, now: DateTime<Utc>) -> State {
    let number = |name| first(entry, name).and_then(|v| v.parse::<i64>().ok());
    let uac = number("userAccountControl").unwrap_or(0) as u64;
    State {
        disabled: uac & ACCOUNTDISABLE != 0,
        locked_until: number("lockoutTime")
            .filter(|t| *t > 0)
            .map(|_| now + chrono::Duration::days(entry::UNTIL_UNLOCKED_DAYS)),
        must_change_password: number("pwdLastSet") == Some(0),
    }
}

/// The sub-code of an Active Directory bind refusal (`…, data 52e, v…`).
pub fn data_code(text: &str) -> Option<&str> {
    let start = text.find("data ")? + 5;
    let rest = &text[start..];
    let end = rest.find([',', ' ']).unwrap_or(rest.len());
    Some(&rest[..end]).filter(|c| !c.is_empty())
}

pub fn bind_outcome(result: &ldap3::LdapResult) -> BindOutcome {
    match result.rc {
        0 => BindOutcome::Accepted { must_change: false },
        INVALID_CREDENTIALS => match data_code(&result.text)
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            // The right password, which must be changed now (reset by an administrator, or
            // expired).
            Some("773" | "532") => BindOutcome::Accepted { must_change: true },
            Some("775") => BindOutcome::Locked,
            // Disabled, expired, or not allowed at this time or from here.
            Some("533" | "701" | "530" | "531") => BindOutcome::Disabled,
            // 52e wrong password, 525 no such user, or no code.
            _ => BindOutcome::Rejected,
        },
        rc => BindOutcome::Unavailable(format!("bind: result {rc} {}", result.text)),
    }
}

/// `"password"` in UTF-16LE: the only form `unicodePwd` takes.
pub fn unicode_pwd(password: &str) -> Vec<u8> {
    format!("\"{password}\"")
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect()
}

/// The modifications a password change sends (what the tests compare against Windows' rules).
pub fn password_mods(password: &Password, change: PasswordChange<'_>) -> Vec<Mod<Vec<u8>>> {
    let attr = b"unicodePwd".to_vec();
    let new = HashSet::from([unicode_pwd(password.expose())]);
    match change {
        PasswordChange::ByPerson { current } => vec![
            Mod::Delete(attr.clone(), HashSet::from([unicode_pwd(current.expose())])),
            Mod::Add(attr, new),
        ],
        PasswordChange::ByReset | PasswordChange::ByAdministrator => vec![Mod::Replace(attr, new)],
    }
}

pub async fn set_password(
    ldap: &mut Ldap,
    entry: &SearchEntry,
    password: &Password,
    change: PasswordChange<'_>,
    timeout: Duration,
) -> Result<(), Error> {
    let result = ldap
        .with_timeout(timeout)
        .modify(&entry.dn, password_mods(password, change))
        .await
        .map_err(|e| unavailable("password modify", e))?;
    match result.rc {
        0 => {}
        CONSTRAINT_VIOLATION | UNWILLING_TO_PERFORM if result.text.contains("0000052D") => {
            return Err(Error::PasswordRejectedByDirectory(reason(&result.text)));
        }
        // A wrong current password on a person's own change.
        CONSTRAINT_VIOLATION | INVALID_CREDENTIALS
            if matches!(change, PasswordChange::ByPerson { .. }) =>
        {
            return Err(Error::PasswordRejectedByDirectory(reason(&result.text)));
        }
        rc => {
            return Err(unavailable(
                "password modify",
                format!("result {rc} {}", result.text),
            ));
        }
    }
    if matches!(change, PasswordChange::ByPerson { .. }) {
        return Ok(());
    }
    unlock(ldap, entry, timeout).await
}

/// What the directory said was wrong with the password, without its error numbers.
fn reason(text: &str) -> Option<String> {
    let text = text.trim_matches(char::from(0)).trim();
    let text = text
        .split_once(" - ")
        .map(|(_, r)| r)
        .unwrap_or(text)
        .trim_start_matches("check_password_restrictions: ")
        .trim();
    Some(text.chars().take(200).collect::<String>()).filter(|t| !t.is_empty())
}

pub async fn unlock(ldap: &mut Ldap, entry: &SearchEntry, timeout: Duration) -> Result<(), Error> {
    let result = ldap
        .with_timeout(timeout)
        .modify(
            &entry.dn,
            vec![Mod::Replace(
                b"lockoutTime".to_vec(),
                HashSet::from([b"0".to_vec()]),
            )],
        )
        .await;
    check("unlock", result).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unicode_pwd_is_the_quoted_password_in_utf16le() {
        assert_eq!(unicode_pwd("aé"), vec![0x22, 0, 0x61, 0, 0xe9, 0, 0x22, 0]);
    }

    #[test]
    fn bind_refusals_are_read_from_their_data_code() {
        let refusal = |data: &str| ldap3::LdapResult {
            rc: 49,
            matched: String::new(),
            text: format!(
                "80090308: LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data {data}, v1db1"
            ),
            refs: vec![],
            ctrls: vec![],
        };
        assert!(matches!(
            bind_outcome(&refusal("52e")),
            BindOutcome::Rejected
        ));
        assert!(matches!(
            bind_outcome(&refusal("525")),
            BindOutcome::Rejected
        ));
        assert!(matches!(bind_outcome(&refusal("775")), BindOutcome::Locked));
        assert!(matches!(
            bind_outcome(&refusal("533")),
            BindOutcome::Disabled
        ));
        assert!(matches!(
            bind_outcome(&refusal("701")),
            BindOutcome::Disabled
        ));
        assert!(matches!(
            bind_outcome(&refusal("773")),
            BindOutcome::Accepted { must_change: true }
        ));
    }

    #[test]
    fn a_reset_replaces_and_an_own_change_deletes_then_adds() {
        let new = Password::parse("New-passw0rd-B", "p").unwrap();
        let old = Password::parse("Old-passw0rd-A", "p").unwrap();
        let reset = password_mods(&new, PasswordChange::ByReset);
        assert!(
            matches!(&reset[..], [Mod::Replace(a, v)] if a == b"unicodePwd" && v.contains(&unicode_pwd("New-passw0rd-B")))
        );
        let own = password_mods(&new, PasswordChange::ByPerson { current: &old });
        assert!(matches!(&own[..], [Mod::Delete(_, d), Mod::Add(_, a)]
            if d.contains(&unicode_pwd("Old-passw0rd-A")) && a.contains(&unicode_pwd("New-passw0rd-B"))));
    }

    #[test]
    fn the_directorys_reason_is_kept_without_its_numbers() {
        assert_eq!(
            reason("0000052D: Constraint violation - check_password_restrictions: the password is too short. It should be equal or longer than 7 characters!").as_deref(),
            Some("the password is too short. It should be equal or longer than 7 characters!")
        );
    }
}
