//! What the sign-in and own-account endpoints take and answer.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::registration::RegistrationStatus;

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
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangePasswordRequest {
    pub current_password: String,
    pub new_password: String,
}
