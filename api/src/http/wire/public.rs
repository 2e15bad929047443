//! What the public endpoints answer before anyone signs in, and how the policy service's own
//! types become it.

use crate::policy::service;

/// What a client needs to know before anyone signs in (`GET /api/v1/config/public`).
#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct PublicConfig {
    pub captcha: PublicCaptcha,
    pub helpdesk: crate::policy::CustomizationPolicy,
    pub password_rules: PasswordRules,
    pub methods_enabled: Vec<crate::policy::MethodKind>,
}

#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct PublicCaptcha {
    /// `builtin` (proof of work), `turnstile`, `hcaptcha` or `recaptcha`.
    pub kind: crate::config::CaptchaKind,
    /// Built-in: where to get a challenge (ALTCHA's `challengeurl`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub challenge_url: Option<String>,
    /// Providers: the site key for the widget.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site_key: Option<String>,
}

/// The rules a new password must meet, for showing them as the person types.
#[derive(Clone, Debug, serde::Serialize, utoipa::ToSchema)]
pub struct PasswordRules {
    pub min_length: u32,
    pub max_length: u32,
    pub min_strength: u8,
}

impl From<service::PublicConfig> for PublicConfig {
    fn from(c: service::PublicConfig) -> Self {
        Self {
            captcha: PublicCaptcha {
                kind: c.captcha.kind,
                challenge_url: c.captcha.challenge_url,
                site_key: c.captcha.site_key,
            },
            helpdesk: c.helpdesk,
            password_rules: PasswordRules {
                min_length: c.password_rules.min_length,
                max_length: c.password_rules.max_length,
                min_strength: c.password_rules.min_strength,
            },
            methods_enabled: c.methods_enabled,
        }
    }
}

/// A password to rate while it is typed, with the username it is for when known.
#[derive(serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordCheckRequest {
    pub password: String,
    /// The person's username (refused inside the password, and counted against its strength).
    pub username: Option<String>,
}

/// How the service rates a password under the policy: what the strength meter shows is what a
/// change or reset will decide (except the password history, which needs the person).
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct PasswordCheck {
    /// zxcvbn's score, 0 (very weak) to 4 (very strong).
    #[schema(maximum = 4)]
    pub score: u8,
    /// Whether the policy would take it (besides the history).
    pub acceptable: bool,
    /// Each rule it breaks, as a change or reset would name it (`field` is `password`).
    pub problems: Vec<crate::error::FieldError>,
}
