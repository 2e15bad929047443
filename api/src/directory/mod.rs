//! The built-in directory: users, groups and membership, kept in SQL.
//!
//! Owns the rules about who exists (unique usernames, valid addresses and phone numbers, at
//! least one administrator) and the administration of users and groups. It does not decide
//! who may reset (that is `policy`) nor how people sign in (that is `session`). An LDAP /
//! Active Directory backend would replace this module behind the same functions.

pub mod groups;
pub mod names;
pub mod passwords;
pub mod users;

pub use names::{DisplayName, EmailAddress, PhoneNumber, Username};

/// For PATCH bodies: tells an absent field (`None`) from an explicit `null` (`Some(None)`).
pub(crate) fn nullable<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    <Option<T> as serde::Deserialize>::deserialize(d).map(Some)
}
