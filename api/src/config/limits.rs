//! `[limits]`: what holds off guessing, spraying and pumping — one-time codes and their sends,
//! the reset/unlock flow, and sign-in lockout. All of them are counted in the database, so they
//! hold across replicas.

use serde::Deserialize;

use super::names::Section;
use super::{ConfigError, invalid};

/// Smart lockout of sign-in: after `threshold` consecutive failures the account is locked for
/// `base_secs`, doubling with every further lockout up to `max_secs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LockoutSettings {
    pub threshold: u32,
    pub base_secs: u64,
    pub max_secs: u64,
    /// Failed sign-ins (any username) per client address (IPv6 by /64) per 15 minutes, then 429:
    /// password spraying tries few passwords on many accounts, under every account's threshold.
    pub failures_per_address: i64,
    /// Failed sign-ins across the whole service per 15 minutes, then 429 for everyone.
    pub failures_global: i64,
}

/// Limits of the reset/unlock flow, counted in the database.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecoveryLimits {
    pub flow_ttl_secs: i64,
    /// Failed verifications that lock one flow.
    pub flow_max_failures: i32,
    /// Failed verifications within a day that block self-service for an account (Entra: 5).
    pub account_failures_per_day: i64,
    pub account_block_hours: i64,
    /// Flow starts per client address per 15 minutes.
    pub starts_per_ip: i64,
    /// Flow starts per username per day.
    pub starts_per_account: i64,
}

/// One-time codes: their life, their tries, and how often they may be sent. Counted in the
/// database, so the limits hold across replicas.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeLimits {
    pub ttl_secs: i64,
    pub max_attempts: i32,
    /// Sends of one method within one code lifetime.
    pub max_sends: i64,
    pub resend_after_secs: i64,
    /// Text messages and calls to one account, or to one number, per hour.
    pub phone_per_hour: i64,
    /// Emails to one account, or to one address, per 10 minutes.
    pub email_per_10_minutes: i64,
    /// Text messages and calls across the whole service per hour and per day (SMS pumping and
    /// toll fraud cost money whoever the numbers belong to).
    pub phone_global_per_hour: i64,
    pub phone_global_per_day: i64,
    /// The countries texts and calls may reach: premium-rate pumping picks the expensive ones.
    pub phone_countries: PhoneCountries,
}

/// `phone_countries`: ISO 3166-1 alpha-2 region codes (as libphonenumber assigns them), or any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhoneCountries {
    Any,
    Only(Vec<String>),
}

impl PhoneCountries {
    /// Parses `*` or a comma-separated list such as `US, CA, GB`.
    fn parse(raw: &str) -> Result<Self, String> {
        if raw.trim() == "*" {
            return Ok(Self::Any);
        }
        let mut regions = Vec::new();
        for part in raw.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let region = part.to_ascii_uppercase();
            if region.parse::<phonenumber::country::Id>().is_err() {
                return Err(format!("`{part}` is not a country code such as US or GB"));
            }
            regions.push(region);
        }
        if regions.is_empty() {
            return Err("list at least one country (such as US) or `*` for any".into());
        }
        Ok(Self::Only(regions))
    }

    /// Whether a text or call to this number (E.164) may be sent.
    pub fn allows(&self, e164: &str) -> bool {
        match self {
            Self::Any => true,
            Self::Only(regions) => {
                crate::methods::phone::region(e164).is_some_and(|region| regions.contains(&region))
            }
        }
    }
}

/// `[limits]`.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(super) struct Limits {
    pub code_ttl_seconds: i64,
    pub code_max_attempts: i32,
    pub code_max_sends: i64,
    pub code_resend_seconds: i64,
    pub phone_sends_per_hour: i64,
    pub phone_sends_global_per_hour: i64,
    pub phone_sends_global_per_day: i64,
    /// `US,CA` or `*`; when not set, the country of the sender number.
    pub phone_countries: Option<String>,
    pub email_sends_per_10_minutes: i64,
    pub flow_ttl_seconds: i64,
    pub flow_max_failures: i32,
    pub recovery_failures_per_day: i64,
    pub recovery_block_hours: i64,
    pub flow_starts_per_ip: i64,
    pub flow_starts_per_account: i64,
    pub signin_lockout_threshold: u32,
    pub signin_lockout_seconds: u64,
    pub signin_lockout_max_seconds: u64,
    pub signin_failures_per_address: i64,
    pub signin_failures_global: i64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            code_ttl_seconds: 600,
            code_max_attempts: 5,
            code_max_sends: 3,
            code_resend_seconds: 60,
            phone_sends_per_hour: 5,
            phone_sends_global_per_hour: 200,
            phone_sends_global_per_day: 1000,
            phone_countries: None,
            email_sends_per_10_minutes: 10,
            flow_ttl_seconds: 900,
            flow_max_failures: 10,
            recovery_failures_per_day: 5,
            recovery_block_hours: 24,
            flow_starts_per_ip: 30,
            flow_starts_per_account: 10,
            signin_lockout_threshold: 10,
            signin_lockout_seconds: 60,
            signin_lockout_max_seconds: 3600,
            signin_failures_per_address: 50,
            signin_failures_global: 5000,
        }
    }
}

impl Section for Limits {
    const NAME: &'static str = "limits";
}

impl Limits {
    pub fn lockout(&self) -> Result<LockoutSettings, ConfigError> {
        let lockout = LockoutSettings {
            threshold: self.signin_lockout_threshold,
            base_secs: self.signin_lockout_seconds,
            max_secs: self.signin_lockout_max_seconds,
            failures_per_address: self.signin_failures_per_address,
            failures_global: self.signin_failures_global,
        };
        if lockout.failures_per_address <= i64::from(lockout.threshold)
            || lockout.failures_global < lockout.failures_per_address
        {
            return Err(invalid(
                "signin_failures_per_address",
                "the per-address budget must be above the lockout threshold, the global one at least the per-address one",
            ));
        }
        if lockout.threshold == 0 || lockout.base_secs == 0 || lockout.max_secs < lockout.base_secs
        {
            return Err(invalid(
                "signin_lockout_threshold",
                "threshold and seconds must be positive, and the maximum at least the base",
            ));
        }
        Ok(lockout)
    }

    /// `sms_from` is `[delivery] sms_from`: texts and calls default to its country.
    pub fn codes(&self, sms_from: Option<&str>) -> Result<CodeLimits, ConfigError> {
        let phone_countries = match (&self.phone_countries, sms_from) {
            (Some(raw), _) => {
                PhoneCountries::parse(raw).map_err(|m| invalid("phone_countries", m))?
            }
            // Safe by default: the sender number's own country only.
            (None, Some(from)) => match crate::methods::phone::region(from) {
                Some(region) => PhoneCountries::Only(vec![region]),
                None => {
                    return Err(invalid(
                        "phone_countries",
                        "sms_from is not a phone number, so it names no country: list the countries texts and calls may reach (such as US,CA) or `*`",
                    ));
                }
            },
            // No sender, so nothing can be sent.
            (None, None) => PhoneCountries::Any,
        };
        let codes = CodeLimits {
            ttl_secs: self.code_ttl_seconds,
            max_attempts: self.code_max_attempts,
            max_sends: self.code_max_sends,
            resend_after_secs: self.code_resend_seconds,
            phone_per_hour: self.phone_sends_per_hour,
            email_per_10_minutes: self.email_sends_per_10_minutes,
            phone_global_per_hour: self.phone_sends_global_per_hour,
            phone_global_per_day: self.phone_sends_global_per_day,
            phone_countries,
        };
        if codes.phone_global_per_hour < codes.phone_per_hour
            || codes.phone_global_per_day < codes.phone_global_per_hour
        {
            return Err(invalid(
                "phone_sends_global_per_hour",
                "the global budgets must be at least one account's hourly budget, the daily one at least the hourly one",
            ));
        }
        if !(60..=3600).contains(&codes.ttl_secs) {
            return Err(invalid("code_ttl_seconds", "must be between 60 and 3600"));
        }
        if !(1..=10).contains(&codes.max_attempts) || !(1..=10).contains(&codes.max_sends) {
            return Err(invalid(
                "code_max_attempts",
                "tries and sends per code must be between 1 and 10",
            ));
        }
        if codes.resend_after_secs < 0 || codes.phone_per_hour < 1 || codes.email_per_10_minutes < 1
        {
            return Err(invalid(
                "phone_sends_per_hour",
                "send limits must be positive",
            ));
        }
        Ok(codes)
    }

    pub fn recovery(&self) -> Result<RecoveryLimits, ConfigError> {
        let recovery = RecoveryLimits {
            flow_ttl_secs: self.flow_ttl_seconds,
            flow_max_failures: self.flow_max_failures,
            account_failures_per_day: self.recovery_failures_per_day,
            account_block_hours: self.recovery_block_hours,
            starts_per_ip: self.flow_starts_per_ip,
            starts_per_account: self.flow_starts_per_account,
        };
        if !(60..=900).contains(&recovery.flow_ttl_secs) {
            return Err(invalid(
                "flow_ttl_seconds",
                "must be between 60 and 900 (DESIGN.md: at most 15 minutes)",
            ));
        }
        if recovery.flow_max_failures < 1
            || recovery.account_failures_per_day < 1
            || recovery.account_block_hours < 1
            || recovery.starts_per_ip < 1
            || recovery.starts_per_account < 1
        {
            return Err(invalid(
                "flow_max_failures",
                "recovery limits must be positive",
            ));
        }
        Ok(recovery)
    }
}
