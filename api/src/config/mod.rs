//! Settings: an optional TOML file of sections overridden by `SSPR_*` environment variables.
//!
//! This is the only module that reads the environment. Every setting is parsed into a typed
//! field once, at start-up, and a bad value stops the service with a message that names the
//! setting. `SSPR_ENV=production` additionally refuses settings that are only acceptable for a
//! first look on a laptop (see [`Config::check_production`]).
//!
//! The file has one table per section (`[server]`, `[database]`, `[directory]`, `[delivery]`,
//! `[captcha]`, `[limits]`, `[keys]`), each a serde struct in its own module with its defaults;
//! the structs are the one list of the settings ([`names`] reads the names off them and says
//! how a variable maps onto a section's key). List settings take a TOML array or a
//! comma-separated string. The typed [`Config`] stays flat for now: the sections are the file
//! format.

mod captcha;
mod database;
mod delivery;
mod directory;
mod keys;
mod limits;
mod names;
mod server;
mod settings;
mod text;

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;

use ipnet::IpNet;
use serde::de::value::MapDeserializer;

pub use captcha::CaptchaKind;
pub use directory::{DirectoryKind, LdapSettings};
pub use keys::{MIN_JWT_KEY_BYTES, NamedKey, Secret, parse_named_keys};
pub use limits::{CodeLimits, LockoutSettings, PhoneCountries, RecoveryLimits};
pub use server::{Argon2Settings, Environment, LogFormat, origin_of};
pub use settings::Settings;

use crate::store::DatabaseTarget;
use names::{Kind, Section};
use text::Text;

#[derive(Clone, Debug)]
pub struct Config {
    pub env: Environment,
    pub bind: SocketAddr,
    /// Where `/metrics` is served, apart from the API; `None` when turned off.
    pub metrics_bind: Option<SocketAddr>,
    /// Without a trailing slash.
    pub public_url: String,
    /// `scheme://host[:port]` of the public URL, as a browser writes it in `Origin`.
    pub public_origin: String,
    pub database: DatabaseTarget,
    pub database_pool_size: u32,
    pub data_dir: PathBuf,
    /// Which directory holds the accounts (`SSPR_DIRECTORY`).
    pub directory: DirectoryKind,
    /// How to reach the LDAP or Active Directory server, when the directory is one.
    pub ldap: Option<LdapSettings>,
    /// From `SSPR_JWT_KEYS`; empty means "generate one and keep it in the data dir".
    pub jwt_keys: Vec<NamedKey>,
    pub session_ttl_minutes: i64,
    pub bootstrap_admin_username: String,
    pub bootstrap_admin_password: Option<Secret>,
    pub smtp_url: Option<Secret>,
    pub smtp_from: Option<String>,
    pub sms_base_url: Option<String>,
    pub sms_account_sid: Option<String>,
    pub sms_auth_token: Option<Secret>,
    pub sms_from: Option<String>,
    pub captcha: CaptchaKind,
    pub captcha_difficulty: u64,
    pub cors_origins: Vec<String>,
    pub trusted_proxies: Vec<IpNet>,
    pub log_format: LogFormat,
    /// Committed audit entries also go to the output as JSON lines ([`crate::audit::stream`]).
    pub audit_log: bool,
    pub argon2: Argon2Settings,
    /// Threads that run password hashing, and how many jobs may wait for them.
    pub hash_workers: usize,
    pub hash_queue: usize,
    pub lockout: LockoutSettings,
    pub body_limit_bytes: usize,
    /// HTTP worker threads; `None` lets actix use one per core.
    pub http_workers: Option<usize>,
    /// The WebAuthn relying party id of passkeys; `None` when the public URL's host is an IP
    /// address (passkeys cannot be used then).
    pub passkey_rp_id: Option<String>,
    /// Start although passkeys exist under another relying party id (`SSPR_PASSKEY_RP_ID_CHANGED`).
    pub passkey_rp_id_changed: bool,
    /// Webhooks may go to loopback, private and link-local addresses (`SSPR_WEBHOOKS_ALLOW_PRIVATE`).
    pub webhooks_allow_private: bool,
    /// Shown in messages ("Your Example Corp verification code …").
    pub organization_name: String,
    /// From `SSPR_ENCRYPTION_KEYS`: key codes are MAC'd with and TOTP secrets encrypted with.
    /// Empty means "generate one and keep it in the data dir".
    pub encryption_keys: Vec<NamedKey>,
    pub codes: CodeLimits,
    /// How long to wait for the SMS/voice gateway before calling it down.
    pub sms_timeout_secs: u64,
    /// How often the outbox sender looks for due notifications.
    pub outbox_poll_ms: u64,
    pub recovery: RecoveryLimits,
    /// For the siteverify CAPTCHA providers.
    pub captcha_site_key: Option<String>,
    pub captcha_secret: Option<Secret>,
    /// Where to verify a provider's token (configurable so tests can point at a stub).
    pub captcha_verify_url: Option<String>,
    /// The built web app, served at `/` when it holds an `index.html`.
    pub web_dir: PathBuf,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the configuration file {path}: {message}")]
    File { path: String, message: String },
    #[error("invalid setting {name}: {message}")]
    Invalid { name: String, message: String },
    #[error(
        "unknown setting `{name}` in {}the configuration file{}",
        section.as_ref().map(|s| format!("[{s}] of ")).unwrap_or_default(),
        hint(closest)
    )]
    Unknown {
        name: String,
        /// `None` at the top level of the file.
        section: Option<String>,
        closest: Option<String>,
    },
    #[error("unknown section [{name}] in the configuration file{}", hint(closest))]
    UnknownSection {
        name: String,
        closest: Option<String>,
    },
    #[error("`{name}` belongs in {place}, not at the top of the configuration file")]
    Misplaced { name: String, place: String },
    #[error("unknown environment variable {name}{}", hint(closest))]
    UnknownVariable {
        name: String,
        closest: Option<String>,
    },
    #[error("cannot read {name} from {path}: {message}")]
    SecretFile {
        name: String,
        path: String,
        message: String,
    },
    #[error("refusing to start with SSPR_ENV=production: {0}")]
    Unsafe(String),
}

fn hint(closest: &Option<String>) -> String {
    closest
        .as_ref()
        .map(|c| format!(" (did you mean {c}?)"))
        .unwrap_or_default()
}

/// A bad value, named by its variable: `invalid("bind", …)` is about `SSPR_BIND`.
fn invalid(name: &str, message: impl Into<String>) -> ConfigError {
    ConfigError::Invalid {
        name: names::variable(name),
        message: message.into(),
    }
}

/// The sections, typed but not yet checked.
struct Sections {
    server: server::Server,
    database: database::Database,
    directory: directory::Directory,
    delivery: delivery::Delivery,
    captcha: captcha::Captcha,
    limits: limits::Limits,
    keys: keys::Keys,
}

impl Sections {
    fn read(settings: &Settings) -> Result<Self, ConfigError> {
        let mut tables: BTreeMap<&'static str, Vec<(&'static str, Text)>> = BTreeMap::new();
        for (name, value) in &settings.0 {
            let Some(setting) = names::by_name(name) else {
                return Err(ConfigError::UnknownVariable {
                    name: names::variable(name),
                    closest: settings::closest_variable(name),
                });
            };
            let value = value.trim();
            // An empty value is no value (`SSPR_SMS_FROM=` in a compose file), except where it
            // turns something off.
            if value.is_empty() && setting.kind != Kind::Listener {
                continue;
            }
            tables
                .entry(setting.section)
                .or_default()
                .push((setting.key, Text(value.to_owned())));
        }
        Ok(Self {
            server: section(&mut tables)?,
            database: section(&mut tables)?,
            directory: section(&mut tables)?,
            delivery: section(&mut tables)?,
            captcha: section(&mut tables)?,
            limits: section(&mut tables)?,
            keys: section(&mut tables)?,
        })
    }
}

/// Types one section; a bad value's error names its variable.
fn section<S: Section>(
    tables: &mut BTreeMap<&'static str, Vec<(&'static str, Text)>>,
) -> Result<S, ConfigError> {
    let entries = tables.remove(S::NAME).unwrap_or_default();
    let map = MapDeserializer::<_, serde::de::value::Error>::new(entries.into_iter());
    serde_path_to_error::deserialize(map).map_err(|e| {
        let key = e.path().to_string();
        let name = names::by_key(S::NAME, &key)
            .map(names::Setting::variable)
            .unwrap_or_else(|| format!("[{}] {key}", S::NAME));
        ConfigError::Invalid {
            name,
            message: e.into_inner().to_string(),
        }
    })
}

impl Config {
    /// Types and validates raw settings, section by section.
    pub fn from_settings(settings: &Settings) -> Result<Self, ConfigError> {
        // A `<secret>_file` still here (settings built in code) is read now, as `load` does.
        let mut settings = settings.clone();
        settings.read_secret_files()?;
        let Sections {
            server,
            database,
            directory,
            delivery,
            captcha,
            limits,
            keys,
        } = Sections::read(&settings)?;

        let server = server.checked()?;
        let public_origin = server.public_origin()?;
        let trusted_proxies = server.trusted_proxies()?;
        let argon2 = server.argon2();
        let passkey_rp_id = server.passkey_rp_id();
        let database = database.checked()?;
        let database_target = database.target(&server.data_dir)?;
        let (directory, ldap) = directory.checked()?;
        let delivery = delivery.checked()?;
        let captcha = captcha.checked()?;
        let captcha_verify_url = captcha.verify_url();
        let lockout = limits.lockout()?;
        let codes = limits.codes(delivery.sms_from.as_deref())?;
        let recovery = limits.recovery()?;
        let jwt_keys = keys.jwt()?;
        let encryption_keys = keys.encryption()?;

        let config = Self {
            env: server.env,
            bind: server.bind,
            metrics_bind: server.metrics_bind.0,
            public_url: server.public_url,
            public_origin,
            database: database_target,
            database_pool_size: database.pool_size,
            data_dir: server.data_dir,
            directory,
            ldap,
            jwt_keys,
            session_ttl_minutes: server.session_ttl_minutes,
            bootstrap_admin_username: server.bootstrap_admin_username,
            bootstrap_admin_password: server.bootstrap_admin_password,
            smtp_url: delivery.smtp_url,
            smtp_from: delivery.smtp_from,
            sms_base_url: delivery.sms_base_url,
            sms_account_sid: delivery.sms_account_sid,
            sms_auth_token: delivery.sms_auth_token,
            sms_from: delivery.sms_from,
            captcha: captcha.kind,
            captcha_difficulty: captcha.difficulty,
            cors_origins: server.cors_origins,
            trusted_proxies,
            log_format: server.log_format,
            audit_log: server.audit_log,
            argon2,
            hash_workers: server.hash_workers,
            hash_queue: server.hash_queue,
            lockout,
            body_limit_bytes: server.body_limit_bytes,
            http_workers: server.http_workers,
            passkey_rp_id,
            passkey_rp_id_changed: server.passkey_rp_id_changed,
            webhooks_allow_private: server.webhooks_allow_private,
            organization_name: server.organization_name,
            encryption_keys,
            codes,
            sms_timeout_secs: delivery.sms_timeout_seconds,
            outbox_poll_ms: delivery.outbox_poll_ms,
            recovery,
            captcha_site_key: captcha.site_key,
            captcha_secret: captcha.secret,
            captcha_verify_url,
            web_dir: server.web_dir,
        };
        if config.env == Environment::Production {
            config.check_production()?;
        }
        Ok(config)
    }

    /// Settings that are fine for a first look but unsafe in production.
    fn check_production(&self) -> Result<(), ConfigError> {
        let unsafe_ = |m: &str| Err(ConfigError::Unsafe(m.to_owned()));
        if !self.public_url.starts_with("https://") {
            return unsafe_("SSPR_PUBLIC_URL must be an https:// URL");
        }
        if self.smtp_url.is_none() || self.smtp_from.is_none() {
            return unsafe_(
                "SSPR_SMTP_URL and SSPR_SMTP_FROM must be set (log delivery is for development only)",
            );
        }
        if self.sms_base_url.is_some()
            && (self.sms_account_sid.is_none()
                || self.sms_auth_token.is_none()
                || self.sms_from.is_none())
        {
            return unsafe_(
                "SSPR_SMS_ACCOUNT_SID, SSPR_SMS_AUTH_TOKEN and SSPR_SMS_FROM must be set with SSPR_SMS_BASE_URL",
            );
        }
        if let Some(ldap) = &self.ldap
            && !ldap.encrypted()
        {
            return unsafe_(
                "SSPR_LDAP_STARTTLS=false on an ldap:// URL sends passwords in the clear; use StartTLS or ldaps://",
            );
        }
        if self.jwt_keys.is_empty() {
            return unsafe_(
                "SSPR_JWT_KEYS must be set (a generated key on local disk does not survive replicas)",
            );
        }
        if self.encryption_keys.is_empty() {
            return unsafe_(
                "SSPR_ENCRYPTION_KEYS must be set (a generated key on local disk does not survive replicas)",
            );
        }
        if self.argon2.memory_kib < 19_456 || self.argon2.iterations < 2 {
            return unsafe_("argon2 parameters below the OWASP minimum (m=19456 KiB, t=2)");
        }
        if let Some(password) = &self.bootstrap_admin_password
            && password.expose().chars().count() < 15
        {
            return unsafe_("SSPR_BOOTSTRAP_ADMIN_PASSWORD must be at least 15 characters");
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_file;
