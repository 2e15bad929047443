//! OpenLDAP with the password policy overlay (ppolicy): a reset is the RFC 3062 Password Modify
//! operation by the service account, then `pwdReset` cleared (a reset by the person themselves
//! needs no change at the next sign-in); a person's own change is the same operation bound as
//! them with their current password; a lockout is `pwdAccountLockedTime`, and an unlock deletes
//! it. `000001010000Z` there is an administrator's lock: the account counts as disabled and no
//! unlock here lifts it.

use std::collections::HashSet;
use std::time::Duration;

use chrono::{DateTime, Utc};
use ldap3::exop::PasswordModify;
use ldap3::{Ldap, Mod, SearchEntry};

use super::conn::{
    self, CONSTRAINT_VIOLATION, INVALID_CREDENTIALS, NO_SUCH_ATTRIBUTE, check, unavailable,
};
use super::entry::{self, State, first, generalized_time};
use super::{BindOutcome, LdapDirectory};
use crate::directory::PasswordChange;
use crate::error::Error;
use crate::password::Password;

pub const STATE_ATTRIBUTES: &[&str] = &["entryUUID", "pwdAccountLockedTime", "pwdReset"];

/// ppolicy's value for "locked by an administrator until an administrator unlocks".
const ADMINISTRATIVE_LOCK: &str = "000001010000Z";

pub fn state(entry: &SearchEntry, now: DateTime<Utc>) -> State {
    let locked = first(entry, "pwdAccountLockedTime");
    let administrative = locked == Some(ADMINISTRATIVE_LOCK);
    State {
        disabled: administrative,
        locked_until: locked
            .filter(|_| !administrative)
            .and_then(generalized_time)
            .map(|_| now + chrono::Duration::days(entry::UNTIL_UNLOCKED_DAYS)),
        must_change_password: first(entry, "pwdReset")
            .is_some_and(|v| v.eq_ignore_ascii_case("TRUE")),
    }
}

/// slapd answers a wrong password, an unknown entry and a locked account alike (49).
pub fn bind_outcome(result: &ldap3::LdapResult) -> BindOutcome {
    match result.rc {
        0 => BindOutcome::Accepted { must_change: false },
        INVALID_CREDENTIALS => BindOutcome::Rejected,
        rc => BindOutcome::Unavailable(format!("bind: result {rc} {}", result.text)),
    }
}

pub async fn set_password(
    dir: &LdapDirectory,
    ldap: &mut Ldap,
    entry: &SearchEntry,
    password: &Password,
    change: PasswordChange<'_>,
    timeout: Duration,
) -> Result<(), Error> {
    match change {
        PasswordChange::ByPerson { current } => {
            // As the person, proving the current password: the directory's own rules (and
            // history) apply as to any change of theirs.
            let mut own = conn::connect(&dir.settings, &dir.tls).await?;
            let bound = own
                .with_timeout(timeout)
                .simple_bind(&entry.dn, current.expose())
                .await;
            check("bind as the person", bound)?;
            let changed = own
                .with_timeout(timeout)
                .extended(PasswordModify {
                    user_id: None,
                    old_pass: Some(current.expose()),
                    new_pass: Some(password.expose()),
                })
                .await
                .map(|r| r.1);
            let _ = own.unbind().await;
            refused_or_ok(changed)
        }
        PasswordChange::ByReset | PasswordChange::ByAdministrator => {
            let changed = ldap
                .with_timeout(timeout)
                .extended(PasswordModify {
                    user_id: Some(&entry.dn),
                    old_pass: None,
                    new_pass: Some(password.expose()),
                })
                .await
                .map(|r| r.1);
            refused_or_ok(changed)?;
            // The person chose it: no change at the next sign-in, and no lockout left.
            let cleared = ldap
                .with_timeout(timeout)
                .modify(&entry.dn, vec![Mod::Delete("pwdReset", HashSet::new())])
                .await;
            absent_is_fine("clear pwdReset", cleared)?;
            unlock(ldap, entry, timeout).await
        }
    }
}

pub async fn unlock(ldap: &mut Ldap, entry: &SearchEntry, timeout: Duration) -> Result<(), Error> {
    if first(entry, "pwdAccountLockedTime") == Some(ADMINISTRATIVE_LOCK) {
        return Ok(());
    }
    let deleted = ldap
        .with_timeout(timeout)
        .modify(
            &entry.dn,
            vec![Mod::Delete("pwdAccountLockedTime", HashSet::new())],
        )
        .await;
    // ppolicy forgets the failures with the lock.
    absent_is_fine("unlock", deleted)
}

/// A delete of an attribute that is not there changed nothing, which is what was wanted.
fn absent_is_fine(
    what: &str,
    result: Result<ldap3::LdapResult, ldap3::LdapError>,
) -> Result<(), Error> {
    match result {
        Ok(r) if r.rc == NO_SUCH_ATTRIBUTE => Ok(()),
        other => check(what, other).map(|_| ()),
    }
}

/// The directory's refusal of a password (its quality or history rules) is the person's to
/// fix; anything else is the directory's failure.
fn refused_or_ok(result: Result<ldap3::LdapResult, ldap3::LdapError>) -> Result<(), Error> {
    let result = result.map_err(|e| unavailable("password modify", e))?;
    match result.rc {
        0 => Ok(()),
        CONSTRAINT_VIOLATION => Err(Error::PasswordRejectedByDirectory(
            Some(result.text).filter(|t| !t.is_empty()),
        )),
        rc => Err(unavailable(
            "password modify",
            format!("result {rc} {}", result.text),
        )),
    }
}
