//! `[delivery]`: how codes and notifications go out — SMTP, a Twilio-compatible gateway for
//! texts and calls, and the outbox sender.

use serde::Deserialize;

use super::keys::Secret;
use super::names::Section;
use super::{ConfigError, invalid};

/// `[delivery]`. Without SMTP or a gateway, development writes messages to the log.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(super) struct Delivery {
    /// `smtp://` or `smtps://`, with `user:password@` when the server wants them.
    pub smtp_url: Option<Secret>,
    pub smtp_from: Option<String>,
    /// Without a trailing slash once checked.
    pub sms_base_url: Option<String>,
    pub sms_account_sid: Option<String>,
    pub sms_auth_token: Option<Secret>,
    pub sms_from: Option<String>,
    /// How long to wait for the gateway before calling it down.
    pub sms_timeout_seconds: u64,
    /// How often the outbox sender looks for due notifications.
    pub outbox_poll_ms: u64,
}

impl Default for Delivery {
    fn default() -> Self {
        Self {
            smtp_url: None,
            smtp_from: None,
            sms_base_url: None,
            sms_account_sid: None,
            sms_auth_token: None,
            sms_from: None,
            sms_timeout_seconds: 10,
            outbox_poll_ms: 2000,
        }
    }
}

impl Section for Delivery {
    const NAME: &'static str = "delivery";
}

impl Delivery {
    pub fn checked(mut self) -> Result<Self, ConfigError> {
        if let Some(url) = &self.smtp_url
            && !["smtp://", "smtps://"]
                .iter()
                .any(|p| url.expose().starts_with(p))
        {
            return Err(invalid("smtp_url", "must start with smtp:// or smtps://"));
        }
        self.sms_base_url = self
            .sms_base_url
            .map(|u| u.trim_end_matches('/').to_owned());
        if let Some(url) = &self.sms_base_url
            && !(url.starts_with("http://") || url.starts_with("https://"))
        {
            return Err(invalid(
                "sms_base_url",
                "must be an http:// or https:// URL",
            ));
        }
        if !(10..=60_000).contains(&self.outbox_poll_ms) {
            return Err(invalid("outbox_poll_ms", "must be between 10 and 60000"));
        }
        Ok(self)
    }
}
