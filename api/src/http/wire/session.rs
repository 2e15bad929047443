//! What the sign-in and own-account endpoints take and answer, and how the session's own types
//! (`session::model`) become them.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::registration::RegistrationStatus;
use crate::session::{Profile, SignedIn};

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"username": "jane", "password": "copper kettles hum beside quiet rivers"}))]
pub struct SignInRequest {
    pub username: String,
    pub password: String,
}

#[derive(Serialize, ToSchema)]
pub struct SignInResponse {
    /// A bearer token for API clients (the SPA gets the same token in an HttpOnly cookie).
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the token expires.
    pub expires_in: i64,
    /// The person must register verification methods before anything else (a nudge for the
    /// SPA: the token works as usual).
    pub registration_required: bool,
    /// The person must confirm their registered methods again.
    pub reconfirm_required: bool,
    /// The password was set by an administrator and must be changed now.
    pub password_change_required: bool,
}

#[derive(Serialize, ToSchema)]
pub struct Me {
    pub user_id: Uuid,
    pub username: String,
    pub display_name: String,
    pub email: String,
    pub is_admin: bool,
    pub password_change_required: bool,
    pub registration: RegistrationStatus,
    pub contacts: Contacts,
    /// The language the person chose for the service (its messages and the web app), if any.
    pub language: Option<crate::i18n::Lang>,
}

/// The language a person chooses; `null` forgets the choice (the browser's languages, then
/// the organisation's, apply again).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LanguageChoice {
    pub language: Option<crate::i18n::Lang>,
}

/// The contact details the directory (or an administrator) keeps for the person, offered as
/// suggestions when they register a method. None of them counts until it is proved with a code.
#[derive(Serialize, ToSchema)]
pub struct Contacts {
    pub email: Option<String>,
    pub mobile_phone: Option<String>,
    pub office_phone: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangePasswordRequest {
    pub current_password: String,
    pub new_password: String,
}

impl From<SignedIn> for SignInResponse {
    fn from(s: SignedIn) -> Self {
        Self {
            access_token: s.token,
            token_type: "Bearer".to_owned(),
            expires_in: s.expires_in,
            registration_required: s.registration_required,
            reconfirm_required: s.reconfirm_required,
            password_change_required: s.password_change_required,
        }
    }
}

impl From<Profile> for Me {
    fn from(p: Profile) -> Self {
        Self {
            user_id: p.user_id,
            username: p.username,
            display_name: p.display_name,
            email: p.email,
            is_admin: p.is_admin,
            password_change_required: p.password_change_required,
            registration: p.registration,
            contacts: Contacts {
                email: p.contacts.email,
                mobile_phone: p.contacts.mobile_phone,
                office_phone: p.contacts.office_phone,
            },
            language: p.language,
        }
    }
}
