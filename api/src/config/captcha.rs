//! `[captcha]`: what guards the start of a flow (`SSPR_CAPTCHA` is `[captcha] kind`, the other
//! `SSPR_CAPTCHA_*` keys leave out the prefix).

use serde::Deserialize;

use super::keys::Secret;
use super::names::Section;
use super::{ConfigError, invalid};

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum CaptchaKind {
    Builtin,
    Turnstile,
    Hcaptcha,
    Recaptcha,
}

/// `[captcha]`.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(super) struct Captcha {
    pub kind: CaptchaKind,
    /// The built-in proof of work's maximum number.
    pub difficulty: u64,
    /// For the siteverify providers.
    pub site_key: Option<String>,
    pub secret: Option<Secret>,
    /// Where to verify a provider's token (configurable so tests can point at a stub).
    pub verify_url: Option<String>,
}

impl Default for Captcha {
    fn default() -> Self {
        Self {
            kind: CaptchaKind::Builtin,
            difficulty: 100_000,
            site_key: None,
            secret: None,
            verify_url: None,
        }
    }
}

impl Section for Captcha {
    const NAME: &'static str = "captcha";
    const PREFIXED: bool = true;
}

impl Captcha {
    pub fn checked(self) -> Result<Self, ConfigError> {
        if !(1..=10_000_000).contains(&self.difficulty) {
            return Err(invalid(
                "captcha_difficulty",
                "must be between 1 and 10000000",
            ));
        }
        if self.kind != CaptchaKind::Builtin && self.secret.is_none() {
            return Err(invalid(
                "captcha_secret",
                "is required with a CAPTCHA provider",
            ));
        }
        Ok(self)
    }

    /// The configured URL, or the provider's own.
    pub fn verify_url(&self) -> Option<String> {
        self.verify_url.clone().or_else(|| {
            match self.kind {
                CaptchaKind::Turnstile => {
                    Some("https://challenges.cloudflare.com/turnstile/v0/siteverify")
                }
                CaptchaKind::Hcaptcha => Some("https://api.hcaptcha.com/siteverify"),
                CaptchaKind::Recaptcha => Some("https://www.google.com/recaptcha/api/siteverify"),
                CaptchaKind::Builtin => None,
            }
            .map(str::to_owned)
        })
    }
}
