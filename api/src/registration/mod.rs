//! Registration status: whether a person has registered enough verification methods for the
//! policy that applies to them, and whether they are due to confirm them again.

use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::Error;
use crate::policy::{Policy, Scope};
use crate::store::{self, DbConn, users::UserRow};

/// Administrators always get the strict policy: two methods, whatever the policy says.
pub const ADMIN_METHODS_REQUIRED: u32 = 2;

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct RegistrationStatus {
    /// Active verification methods the person has.
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
pub fn in_scope(policy: &Policy, user: &UserRow, user_groups: &[String]) -> bool {
    if user.is_admin != 0 {
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

pub fn methods_required(policy: &Policy, user: &UserRow) -> u32 {
    if user.is_admin != 0 {
        ADMIN_METHODS_REQUIRED
    } else {
        policy.methods_required
    }
}

/// The status of one person. Verification methods arrive with the methods module; until a
/// person has registered one, the count is what the store says: none.
pub fn status(
    conn: &mut DbConn,
    policy: &Policy,
    user: &UserRow,
    _now: DateTime<Utc>,
) -> Result<RegistrationStatus, Error> {
    let groups = store::groups::of_user(conn, &user.id)?;
    let scoped = in_scope(policy, user, &groups);
    let methods_registered = 0;
    let methods_required = methods_required(policy, user);
    let compliant = methods_registered >= methods_required;
    Ok(RegistrationStatus {
        methods_registered,
        methods_required,
        compliant,
        registration_required: scoped && policy.registration.require_on_sign_in && !compliant,
        reconfirm_required: false,
        reconfirm_due_at: None,
    })
}
