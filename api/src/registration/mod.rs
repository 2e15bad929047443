//! Registration: the verification methods a person registers (see [`enroll`]), whether they
//! have enough for the policy that applies to them, and when they must confirm them again.
//! Administrators' view and the policy impact report are in [`admin`].

pub mod admin;
pub mod changes;
mod codes_set;
pub mod enroll;
mod model;
mod passkeys;
pub mod step_up;

pub use model::*;

use std::collections::BTreeSet;

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::audit::{self, Event, EventKind, Party};
use crate::context::RequestMeta;
use crate::directory::Person;
use crate::error::Error;
use crate::methods::{self, Proof, factor, parse_kind};
use crate::policy::{MethodKind, Policy, Scope};
use crate::store::{self, DbConn, methods::ACTIVE, utc};

/// Administrators always get the strict policy: two methods, never security questions.
pub const ADMIN_METHODS_REQUIRED: u32 = 2;

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct RegistrationStatus {
    /// Active verification methods that count under the policy.
    pub methods_registered: u32,
    /// How many the policy requires of this person.
    pub methods_required: u32,
    /// Enough methods are registered.
    pub compliant: bool,
    /// The person is in scope, the policy asks for registration at sign-in, and they are not
    /// compliant.
    pub registration_required: bool,
    /// The policy's reconfirmation period has passed since the person last confirmed.
    pub reconfirm_required: bool,
    pub reconfirm_due_at: Option<DateTime<Utc>>,
}

/// Whether self-service applies to this person under `policy`.
pub fn in_scope(policy: &Policy, is_admin: bool, user_groups: &[String]) -> bool {
    if is_admin {
        return true;
    }
    match policy.scope {
        Scope::None => false,
        Scope::All => true,
        Scope::Selected => policy
            .group_ids
            .iter()
            .any(|g| user_groups.contains(&g.to_string())),
    }
}

pub fn methods_required(policy: &Policy, is_admin: bool) -> u32 {
    if is_admin {
        ADMIN_METHODS_REQUIRED
    } else {
        policy.methods_required
    }
}

/// The kinds this person may register and use. Administrators may use every kind but
/// security questions (and recovery codes unless the policy allows them), whatever the policy
/// enables for everyone else (as in Entra, their policy is fixed).
pub fn allowed_kinds(policy: &Policy, is_admin: bool) -> Vec<MethodKind> {
    if is_admin {
        MethodKind::ALL
            .into_iter()
            .filter(|k| methods::registry(*k).for_administrators(policy))
            .collect()
    } else {
        policy.methods_enabled.clone()
    }
}

/// One active method as registration counts it: its kind and its factor
/// ([`crate::methods::factor`]).
pub type ActiveMethod = (MethodKind, String);

/// The active methods of a person, as [`count_registered`] takes them.
pub fn active_methods(rows: &[store::methods::MethodRow]) -> Vec<ActiveMethod> {
    rows.iter()
        .filter(|m| m.status == ACTIVE)
        .filter_map(|m| {
            let kind = parse_kind(&m.kind)?;
            Some((kind, factor(kind, m.destination().as_deref(), &m.id)))
        })
        .collect()
}

/// How many independent factors a person has active among the allowed kinds (a passkey twice
/// when the policy says so): methods that reach the same number or address count once. Security questions count only with at least
/// as many answers as the policy asks to register.
pub fn count_registered(
    policy: &Policy,
    is_admin: bool,
    active: &[ActiveMethod],
    answers: usize,
) -> u32 {
    let allowed = allowed_kinds(policy, is_admin);
    let factors: BTreeSet<(&str, u32)> = active
        .iter()
        .filter(|(k, _)| allowed.contains(k))
        .filter(|(k, _)| {
            methods::registry(*k).proof() != Proof::Answers
                || answers >= policy.security_questions.register_count as usize
        })
        .map(|(k, f)| (f.as_str(), counts(policy, *k)))
        .collect();
    factors.iter().map(|(_, n)| n).sum()
}

/// How many of the methods required one method of `kind` counts for: a passkey two when the
/// policy lets it stand for two (possession and the person's verification on the device).
pub fn counts(policy: &Policy, kind: MethodKind) -> u32 {
    if kind == MethodKind::Passkey && policy.passkeys.counts_as_two {
        2
    } else {
        1
    }
}

/// The status of one person.
pub fn status(
    conn: &mut DbConn,
    policy: &Policy,
    user: &Person,
    groups: &[String],
    now: DateTime<Utc>,
) -> Result<RegistrationStatus, Error> {
    let is_admin = user.is_admin;
    let scoped = in_scope(policy, is_admin, groups);
    let methods_registered = registered(conn, policy, user)?;
    let methods_required = methods_required(policy, is_admin);
    let compliant = methods_registered >= methods_required;
    let days = policy.registration.reconfirm_days;
    let confirmed_at = store::accounts::find(conn, &user.id)?.and_then(|a| a.methods_confirmed_at);
    let reconfirm_due_at = match (days, confirmed_at) {
        (0, _) | (_, None) => None,
        _ if methods_registered == 0 => None,
        (days, Some(at)) => Some(utc(at) + Duration::days(i64::from(days))),
    };
    Ok(RegistrationStatus {
        methods_registered,
        methods_required,
        compliant,
        registration_required: scoped && policy.registration.require_on_sign_in && !compliant,
        reconfirm_required: scoped && reconfirm_due_at.is_some_and(|due| due <= now),
        reconfirm_due_at,
    })
}

/// How many of the methods required `user` has now ([`count_registered`] of their rows).
fn registered(conn: &mut DbConn, policy: &Policy, user: &Person) -> Result<u32, Error> {
    let active = active_methods(&store::methods::for_user(conn, &user.id)?);
    let answers = store::methods::answers(conn, &user.id)?.len();
    Ok(count_registered(policy, user.is_admin, &active, answers))
}

/// Whether `user` has the methods the policy requires (scope and reconfirmation aside): what a
/// change of methods compares before and after, for [`record_if_completed`].
pub(super) fn has_enough(conn: &mut DbConn, policy: &Policy, user: &Person) -> Result<bool, Error> {
    Ok(registered(conn, policy, user)? >= methods_required(policy, user.is_admin))
}

/// After a method became active (in the same transaction): records `registration.completed`
/// when the person now has the methods the policy requires and did not before (`had_enough`,
/// from [`has_enough`] before the change). Again after falling short and catching up.
pub(super) fn record_if_completed(
    conn: &mut DbConn,
    policy: &Policy,
    user: &Person,
    had_enough: bool,
    meta: &RequestMeta,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    if had_enough {
        return Ok(());
    }
    let count = registered(conn, policy, user)?;
    let required = methods_required(policy, user.is_admin);
    if count < required {
        return Ok(());
    }
    let party = Party::named(&user.id, &user.username);
    let event = Event::new(EventKind::RegistrationCompleted, party.clone())
        .target(party)
        .details(serde_json::json!({ "methods_registered": count, "methods_required": required }));
    audit::record(conn, now, meta, event)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_enabled_kinds_count_and_questions_need_enough_answers() {
        let p = Policy {
            methods_enabled: vec![MethodKind::Email, MethodKind::SecurityQuestions],
            ..Policy::default()
        };
        let kinds: Vec<ActiveMethod> = [
            (MethodKind::Email, Some("a@example.com")),
            (MethodKind::MobileSms, Some("+14155550100")),
            (MethodKind::SecurityQuestions, None),
        ]
        .into_iter()
        .map(|(k, d)| (k, factor(k, d, "id")))
        .collect();
        assert_eq!(count_registered(&p, false, &kinds, 3), 2);
        assert_eq!(count_registered(&p, false, &kinds, 2), 1);
        // Administrators: SMS counts whatever the policy says, questions never do.
        assert_eq!(count_registered(&p, true, &kinds, 3), 2);
    }

    #[test]
    fn methods_that_reach_one_number_or_address_count_once() {
        let p = Policy {
            methods_enabled: MethodKind::ALL.to_vec(),
            ..Policy::default()
        };
        let one_phone: Vec<ActiveMethod> = [
            (MethodKind::MobileSms, "+14155550100", "a"),
            (MethodKind::MobileVoice, "+14155550100", "b"),
            (MethodKind::OfficeVoice, "+14155550100", "c"),
        ]
        .into_iter()
        .map(|(k, d, id)| (k, factor(k, Some(d), id)))
        .collect();
        assert_eq!(count_registered(&p, false, &one_phone, 0), 1);
        assert_eq!(count_registered(&p, true, &one_phone, 0), 1);
        let mut two = one_phone.clone();
        two.push((
            MethodKind::Email,
            factor(MethodKind::Email, Some("A@Example.com"), "d"),
        ));
        two.push((
            MethodKind::Email,
            factor(MethodKind::Email, Some("a@example.com"), "e"),
        ));
        assert_eq!(count_registered(&p, false, &two, 0), 2);
    }

    #[test]
    fn scope_follows_the_policy_and_admins_are_always_in() {
        let mut p = Policy::default();
        assert!(!in_scope(&p, false, &[]));
        assert!(in_scope(&p, true, &[]));
        p.scope = Scope::All;
        assert!(in_scope(&p, false, &[]));
        let g = uuid::Uuid::new_v4();
        p.scope = Scope::Selected;
        p.group_ids = vec![g];
        assert!(!in_scope(&p, false, &["other".into()]));
        assert!(in_scope(&p, false, &[g.to_string()]));
    }
}
