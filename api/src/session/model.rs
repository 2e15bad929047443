//! What signing in and one's own account give, in the domain's terms (the API's types are in
//! `http::wire::session`).

use uuid::Uuid;

use crate::registration::RegistrationStatus;

/// A session begun.
pub struct SignedIn {
    /// The session's token (a bearer token, and the cookie's value).
    pub token: String,
    /// Seconds until it expires.
    pub expires_in: i64,
    pub registration_required: bool,
    pub reconfirm_required: bool,
    pub password_change_required: bool,
}

/// The signed-in person, as they see themselves.
pub struct Profile {
    pub user_id: Uuid,
    pub username: String,
    pub display_name: String,
    pub email: String,
    pub is_admin: bool,
    pub password_change_required: bool,
    pub registration: RegistrationStatus,
    pub contacts: Contacts,
    /// The language the person chose for the service's messages, if any.
    pub language: Option<crate::i18n::Lang>,
}

/// The contact details the directory (or an administrator) keeps for the person: offered as
/// suggestions when they register a method, and counted only once proved with a code.
pub struct Contacts {
    pub email: Option<String>,
    pub mobile_phone: Option<String>,
    pub office_phone: Option<String>,
}
