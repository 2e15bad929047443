//! Settings: an optional TOML file overridden by `SSPR_*` environment variables.
//!
//! This is the only module that reads the environment. Every setting is parsed into a typed
//! field once, at start-up, and a bad value stops the service with a message that names the
//! setting. `SSPR_ENV=production` additionally refuses settings that are only acceptable for a
//! first look on a laptop (see [`Config::check_production`]).
//!
//! In the TOML file a setting is written in lower case without the prefix (`SSPR_BIND` is
//! `bind = "…"`); list settings take a TOML array or a comma-separated string.

use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};

use ipnet::IpNet;

use crate::store::DatabaseTarget;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Environment {
    Development,
    Production,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum CaptchaKind {
    Builtin,
    Turnstile,
    Hcaptcha,
    Recaptcha,
}

/// Argon2id cost. Defaults are OWASP's (m=19456 KiB, t=2, p=1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Argon2Settings {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

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

/// A named key: JWT signing keys (`kid` in the token header) and encryption/MAC keys.
#[derive(Clone)]
pub struct NamedKey {
    pub kid: String,
    pub secret: Vec<u8>,
}

impl std::fmt::Debug for NamedKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NamedKey {{ kid: {:?}, secret: <redacted> }}", self.kid)
    }
}

/// A string that must never be printed (passwords, tokens, keys).
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Self {
        Self(s.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

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
    pub argon2: Argon2Settings,
    /// Threads that run password hashing, and how many jobs may wait for them.
    pub hash_workers: usize,
    pub hash_queue: usize,
    pub lockout: LockoutSettings,
    pub body_limit_bytes: usize,
    /// HTTP worker threads; `None` lets actix use one per core.
    pub http_workers: Option<usize>,
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

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the configuration file {path}: {message}")]
    File { path: String, message: String },
    #[error("invalid setting {name}: {message}")]
    Invalid { name: String, message: String },
    #[error("unknown setting `{name}` in the configuration file{}", hint(closest))]
    Unknown {
        name: String,
        closest: Option<String>,
    },
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

/// Every setting the service knows, in lower case without the `SSPR_` prefix.
const KNOWN: &[&str] = &[
    "env",
    "bind",
    "metrics_bind",
    "public_url",
    "database_url",
    "database_pool_size",
    "data_dir",
    "jwt_keys",
    "session_ttl_minutes",
    "bootstrap_admin_username",
    "bootstrap_admin_password",
    "smtp_url",
    "smtp_from",
    "sms_base_url",
    "sms_account_sid",
    "sms_auth_token",
    "sms_from",
    "captcha",
    "captcha_difficulty",
    "cors_origins",
    "trusted_proxies",
    "log_format",
    "argon2_memory_kib",
    "argon2_iterations",
    "argon2_parallelism",
    "hash_workers",
    "hash_queue",
    "signin_lockout_threshold",
    "signin_failures_per_address",
    "signin_failures_global",
    "signin_lockout_seconds",
    "signin_lockout_max_seconds",
    "body_limit_bytes",
    "http_workers",
    "organization_name",
    "encryption_keys",
    "code_ttl_seconds",
    "code_max_attempts",
    "code_max_sends",
    "code_resend_seconds",
    "phone_sends_per_hour",
    "phone_sends_global_per_hour",
    "phone_sends_global_per_day",
    "phone_countries",
    "email_sends_per_10_minutes",
    "sms_timeout_seconds",
    "outbox_poll_ms",
    "flow_ttl_seconds",
    "flow_max_failures",
    "recovery_failures_per_day",
    "recovery_block_hours",
    "flow_starts_per_ip",
    "flow_starts_per_account",
    "captcha_site_key",
    "captcha_secret",
    "captcha_verify_url",
    "web_dir",
];

/// Settings that hold a secret: each may instead be read from a file named by `<name>_file`
/// (`SSPR_SMS_AUTH_TOKEN_FILE=/run/secrets/sms`), as container secrets are mounted.
const SECRETS: &[&str] = &[
    "database_url",
    "jwt_keys",
    "encryption_keys",
    "bootstrap_admin_password",
    "smtp_url",
    "sms_auth_token",
    "captcha_secret",
];

/// Environment variables under this prefix belong to the test suite and tools, not the service.
const TOOLING_PREFIX: &str = "SSPR_TEST_";

fn hint(closest: &Option<String>) -> String {
    closest
        .as_ref()
        .map(|c| format!(" (did you mean {c}?)"))
        .unwrap_or_default()
}

/// The known name closest to a mistyped one, when it is close enough to be a typo.
fn closest(key: &str) -> Option<&'static str> {
    KNOWN
        .iter()
        .chain(SECRETS.iter())
        .map(|known| (strsim::jaro_winkler(key, known), *known))
        .filter(|(score, _)| *score >= 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, known)| known)
}

/// `sms_auth_token_file` → `sms_auth_token`, for the settings that hold a secret.
fn secret_file_of(key: &str) -> Option<&'static str> {
    let base = key.strip_suffix("_file")?;
    SECRETS.iter().copied().find(|s| *s == base)
}

/// Raw settings as strings, keyed by their lower-case name, before typing.
#[derive(Default, Debug)]
pub struct Settings(BTreeMap<String, String>);

impl Settings {
    /// Reads the TOML file (if any) and then the `SSPR_*` variables of this process.
    pub fn load(file: Option<&Path>) -> Result<Self, ConfigError> {
        let mut settings = match file {
            Some(path) => Self::from_toml_file(path)?,
            None => Self::default(),
        };
        settings.overlay_env(std::env::vars())?;
        settings.read_secret_files()?;
        Ok(settings)
    }

    /// Replaces every `<secret>_file` setting by the file's content (without its final line
    /// break). Naming a secret both ways is refused: which one wins would be a guess.
    pub fn read_secret_files(&mut self) -> Result<(), ConfigError> {
        let files: Vec<(String, String)> = self
            .0
            .iter()
            .filter(|(k, _)| secret_file_of(k).is_some())
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (key, path) in files {
            let secret = secret_file_of(&key).unwrap_or_default();
            let name = format!("SSPR_{}", key.to_ascii_uppercase());
            self.0.remove(&key);
            if self.0.get(secret).is_some_and(|v| !v.trim().is_empty()) {
                return Err(invalid(secret, format!("set it or {name}, not both")));
            }
            let text =
                std::fs::read_to_string(path.trim()).map_err(|e| ConfigError::SecretFile {
                    name: name.clone(),
                    path: path.trim().to_owned(),
                    message: e.to_string(),
                })?;
            let text = text.strip_suffix('\n').unwrap_or(&text);
            let text = text.strip_suffix('\r').unwrap_or(text);
            self.0.insert(secret.to_owned(), text.to_owned());
        }
        Ok(())
    }

    pub fn from_toml_file(path: &Path) -> Result<Self, ConfigError> {
        let file_error = |message: String| ConfigError::File {
            path: path.display().to_string(),
            message,
        };
        let text = std::fs::read_to_string(path).map_err(|e| file_error(e.to_string()))?;
        let table: toml::Table = text
            .parse()
            .map_err(|e: toml::de::Error| file_error(e.to_string()))?;
        let mut map = BTreeMap::new();
        for (key, value) in table {
            if !KNOWN.contains(&key.as_str()) && secret_file_of(&key).is_none() {
                let closest = closest(&key).map(str::to_owned);
                return Err(ConfigError::Unknown { name: key, closest });
            }
            let text = match value {
                toml::Value::String(s) => s,
                toml::Value::Integer(i) => i.to_string(),
                toml::Value::Boolean(b) => b.to_string(),
                toml::Value::Array(items) => items
                    .into_iter()
                    .map(|v| match v {
                        toml::Value::String(s) => s,
                        other => other.to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join(","),
                other => {
                    return Err(file_error(format!(
                        "`{key}` has an unsupported value {other}"
                    )));
                }
            };
            map.insert(key, text);
        }
        Ok(Self(map))
    }

    /// `SSPR_BIND=…` overrides `bind = …`. An unknown `SSPR_*` variable stops the start, naming
    /// the closest known one: a typo must not start the service as if it were not set. Names
    /// under `SSPR_TEST_` belong to the test suite and are left alone.
    pub fn overlay_env(
        &mut self,
        vars: impl IntoIterator<Item = (String, String)>,
    ) -> Result<(), ConfigError> {
        for (name, value) in vars {
            let Some(key) = name.strip_prefix("SSPR_") else {
                continue;
            };
            if name.starts_with(TOOLING_PREFIX) {
                continue;
            }
            let key = key.to_ascii_lowercase();
            if !KNOWN.contains(&key.as_str()) && secret_file_of(&key).is_none() {
                let closest = closest(&key).map(|c| format!("SSPR_{}", c.to_ascii_uppercase()));
                return Err(ConfigError::UnknownVariable { name, closest });
            }
            self.0.insert(key, value);
        }
        Ok(())
    }

    /// Sets one setting (used by tests and tools that build a configuration in code).
    pub fn set(&mut self, key: &str, value: impl Into<String>) -> &mut Self {
        self.0.insert(key.to_owned(), value.into());
        self
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(|s| s.trim()).filter(|s| !s.is_empty())
    }

    fn parse<T: std::str::FromStr>(&self, key: &str, default: T) -> Result<T, ConfigError>
    where
        T::Err: std::fmt::Display,
    {
        match self.get(key) {
            None => Ok(default),
            Some(raw) => raw
                .parse()
                .map_err(|e: T::Err| invalid(key, format!("`{raw}`: {e}"))),
        }
    }

    fn list(&self, key: &str) -> Vec<String> {
        self.get(key)
            .map(|raw| {
                raw.split(',')
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default()
    }
}

fn invalid(key: &str, message: impl Into<String>) -> ConfigError {
    ConfigError::Invalid {
        name: format!("SSPR_{}", key.to_ascii_uppercase()),
        message: message.into(),
    }
}

impl Config {
    /// Types and validates raw settings.
    pub fn from_settings(s: &Settings) -> Result<Self, ConfigError> {
        let env = match s.get("env").unwrap_or("development") {
            "development" => Environment::Development,
            "production" => Environment::Production,
            other => {
                return Err(invalid(
                    "env",
                    format!("`{other}` is neither development nor production"),
                ));
            }
        };
        let bind: SocketAddr = s.parse("bind", SocketAddr::from(([127, 0, 0, 1], 8080)))?;
        // Its own listener, so that the public one never serves it: the counts are nobody's
        // business outside (SECURITY.md 38), and a firewall or a container port says who may ask.
        let metrics_bind = match s.0.get("metrics_bind").map(|v| v.trim()) {
            None => Some(SocketAddr::from(([127, 0, 0, 1], 9464))),
            Some("" | "off") => None,
            Some(_) => Some(s.parse("metrics_bind", SocketAddr::from(([127, 0, 0, 1], 9464)))?),
        };
        if metrics_bind.is_some() && metrics_bind == Some(bind) && bind.port() != 0 {
            return Err(invalid("metrics_bind", "must differ from SSPR_BIND"));
        }
        let public_url = s
            .get("public_url")
            .unwrap_or("http://127.0.0.1:8080")
            .trim_end_matches('/')
            .to_owned();
        if !(public_url.starts_with("http://") || public_url.starts_with("https://"))
            || public_url.contains(char::is_whitespace)
        {
            return Err(invalid("public_url", "must be an http:// or https:// URL"));
        }
        let public_origin = origin_of(&public_url).ok_or_else(|| {
            invalid(
                "public_url",
                "must name a host, like https://reset.example.com",
            )
        })?;
        let data_dir = PathBuf::from(s.get("data_dir").unwrap_or("./data"));
        let database = match s.get("database_url") {
            Some(url) => DatabaseTarget::parse(url).map_err(|m| invalid("database_url", m))?,
            None => DatabaseTarget::Sqlite(data_dir.join("sspr.db")),
        };
        let database_pool_size: u32 = s.parse("database_pool_size", 10)?;
        if !(1..=200).contains(&database_pool_size) {
            return Err(invalid("database_pool_size", "must be between 1 and 200"));
        }
        let jwt_keys = match s.get("jwt_keys") {
            Some(raw) => parse_named_keys(raw).map_err(|m| invalid("jwt_keys", m))?,
            None => Vec::new(),
        };
        let session_ttl_minutes: i64 = s.parse("session_ttl_minutes", 60)?;
        if !(5..=24 * 60).contains(&session_ttl_minutes) {
            return Err(invalid("session_ttl_minutes", "must be between 5 and 1440"));
        }
        let bootstrap_admin_username = s
            .get("bootstrap_admin_username")
            .unwrap_or("admin")
            .to_owned();
        let bootstrap_admin_password = s.get("bootstrap_admin_password").map(Secret::new);

        let smtp_url = s.get("smtp_url").map(Secret::new);
        if let Some(url) = &smtp_url
            && !["smtp://", "smtps://"]
                .iter()
                .any(|p| url.expose().starts_with(p))
        {
            return Err(invalid("smtp_url", "must start with smtp:// or smtps://"));
        }
        let sms_base_url = s
            .get("sms_base_url")
            .map(|u| u.trim_end_matches('/').to_owned());
        if let Some(url) = &sms_base_url
            && !(url.starts_with("http://") || url.starts_with("https://"))
        {
            return Err(invalid(
                "sms_base_url",
                "must be an http:// or https:// URL",
            ));
        }

        let captcha = match s.get("captcha").unwrap_or("builtin") {
            "builtin" => CaptchaKind::Builtin,
            "turnstile" => CaptchaKind::Turnstile,
            "hcaptcha" => CaptchaKind::Hcaptcha,
            "recaptcha" => CaptchaKind::Recaptcha,
            other => {
                return Err(invalid(
                    "captcha",
                    format!("`{other}` is not one of builtin, turnstile, hcaptcha, recaptcha"),
                ));
            }
        };
        let captcha_difficulty: u64 = s.parse("captcha_difficulty", 100_000)?;
        if !(1..=10_000_000).contains(&captcha_difficulty) {
            return Err(invalid(
                "captcha_difficulty",
                "must be between 1 and 10000000",
            ));
        }

        let cors_origins = s.list("cors_origins");
        for origin in &cors_origins {
            if origin == "*" {
                return Err(invalid(
                    "cors_origins",
                    "`*` is not allowed: list the origins",
                ));
            }
            if !(origin.starts_with("http://") || origin.starts_with("https://"))
                || origin.ends_with('/')
            {
                return Err(invalid(
                    "cors_origins",
                    format!("`{origin}` is not an origin like https://portal.example.com"),
                ));
            }
        }
        let trusted_proxies = s
            .list("trusted_proxies")
            .iter()
            .map(|p| {
                p.parse::<IpNet>()
                    .or_else(|_| p.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| {
                        invalid(
                            "trusted_proxies",
                            format!("`{p}` is neither an IP address nor a CIDR range"),
                        )
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let log_format = match s.get("log_format").unwrap_or("text") {
            "text" => LogFormat::Text,
            "json" => LogFormat::Json,
            other => {
                return Err(invalid(
                    "log_format",
                    format!("`{other}` is neither text nor json"),
                ));
            }
        };
        let argon2 = Argon2Settings {
            memory_kib: s.parse("argon2_memory_kib", 19_456)?,
            iterations: s.parse("argon2_iterations", 2)?,
            parallelism: s.parse("argon2_parallelism", 1)?,
        };
        if argon2::Params::new(
            argon2.memory_kib,
            argon2.iterations,
            argon2.parallelism,
            None,
        )
        .is_err()
        {
            return Err(invalid(
                "argon2_memory_kib",
                "the argon2 parameters are out of range",
            ));
        }
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2);
        let hash_workers: usize = s.parse("hash_workers", cores)?;
        let hash_queue: usize = s.parse("hash_queue", 64)?;
        if hash_workers == 0 || hash_workers > 256 {
            return Err(invalid("hash_workers", "must be between 1 and 256"));
        }
        let lockout = LockoutSettings {
            threshold: s.parse("signin_lockout_threshold", 10)?,
            base_secs: s.parse("signin_lockout_seconds", 60)?,
            max_secs: s.parse("signin_lockout_max_seconds", 3600)?,
            failures_per_address: s.parse("signin_failures_per_address", 50)?,
            failures_global: s.parse("signin_failures_global", 5000)?,
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
        let body_limit_bytes: usize = s.parse("body_limit_bytes", 16 * 1024)?;
        if !(1024..=1024 * 1024).contains(&body_limit_bytes) {
            return Err(invalid(
                "body_limit_bytes",
                "must be between 1024 and 1048576",
            ));
        }
        let http_workers = match s.get("http_workers") {
            None => None,
            Some(_) => Some(s.parse("http_workers", 1usize)?),
        };

        let organization_name = s
            .get("organization_name")
            .unwrap_or("Self-service password reset")
            .to_owned();
        if organization_name.chars().count() > 100
            || organization_name.chars().any(char::is_control)
        {
            return Err(invalid(
                "organization_name",
                "at most 100 characters, no control characters",
            ));
        }
        let encryption_keys = match s.get("encryption_keys") {
            Some(raw) => parse_named_keys(raw).map_err(|m| invalid("encryption_keys", m))?,
            None => Vec::new(),
        };
        let codes = CodeLimits {
            ttl_secs: s.parse("code_ttl_seconds", 600)?,
            max_attempts: s.parse("code_max_attempts", 5)?,
            max_sends: s.parse("code_max_sends", 3)?,
            resend_after_secs: s.parse("code_resend_seconds", 60)?,
            phone_per_hour: s.parse("phone_sends_per_hour", 5)?,
            email_per_10_minutes: s.parse("email_sends_per_10_minutes", 10)?,
            phone_global_per_hour: s.parse("phone_sends_global_per_hour", 200)?,
            phone_global_per_day: s.parse("phone_sends_global_per_day", 1000)?,
            phone_countries: match (s.get("phone_countries"), s.get("sms_from")) {
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
            },
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
        let sms_timeout_secs: u64 = s.parse("sms_timeout_seconds", 10)?;
        let outbox_poll_ms: u64 = s.parse("outbox_poll_ms", 2000)?;
        if !(10..=60_000).contains(&outbox_poll_ms) {
            return Err(invalid("outbox_poll_ms", "must be between 10 and 60000"));
        }

        let recovery = RecoveryLimits {
            flow_ttl_secs: s.parse("flow_ttl_seconds", 900)?,
            flow_max_failures: s.parse("flow_max_failures", 10)?,
            account_failures_per_day: s.parse("recovery_failures_per_day", 5)?,
            account_block_hours: s.parse("recovery_block_hours", 24)?,
            starts_per_ip: s.parse("flow_starts_per_ip", 30)?,
            starts_per_account: s.parse("flow_starts_per_account", 10)?,
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
        let captcha_verify_url = s.get("captcha_verify_url").map(str::to_owned).or_else(|| {
            match captcha {
                CaptchaKind::Turnstile => {
                    Some("https://challenges.cloudflare.com/turnstile/v0/siteverify")
                }
                CaptchaKind::Hcaptcha => Some("https://api.hcaptcha.com/siteverify"),
                CaptchaKind::Recaptcha => Some("https://www.google.com/recaptcha/api/siteverify"),
                CaptchaKind::Builtin => None,
            }
            .map(str::to_owned)
        });
        let captcha_secret = s.get("captcha_secret").map(Secret::new);
        if captcha != CaptchaKind::Builtin && captcha_secret.is_none() {
            return Err(invalid(
                "captcha_secret",
                "is required with a CAPTCHA provider",
            ));
        }

        let config = Self {
            env,
            bind,
            metrics_bind,
            public_url,
            public_origin,
            database,
            database_pool_size,
            data_dir,
            jwt_keys,
            session_ttl_minutes,
            bootstrap_admin_username,
            bootstrap_admin_password,
            smtp_url,
            smtp_from: s.get("smtp_from").map(str::to_owned),
            sms_base_url,
            sms_account_sid: s.get("sms_account_sid").map(str::to_owned),
            sms_auth_token: s.get("sms_auth_token").map(Secret::new),
            sms_from: s.get("sms_from").map(str::to_owned),
            captcha,
            captcha_difficulty,
            cors_origins,
            trusted_proxies,
            log_format,
            argon2,
            hash_workers,
            hash_queue,
            lockout,
            body_limit_bytes,
            http_workers,
            organization_name,
            encryption_keys,
            codes,
            sms_timeout_secs,
            outbox_poll_ms,
            recovery,
            captcha_site_key: s.get("captcha_site_key").map(str::to_owned),
            captcha_secret,
            captcha_verify_url,
            web_dir: PathBuf::from(s.get("web_dir").unwrap_or("web-ui/dist")),
        };
        if env == Environment::Production {
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

/// The origin of an http(s) URL as browsers send it in `Origin`: scheme and host in lower case,
/// the port only when it is not the scheme's default, no path.
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let authority = rest.split(['/', '?', '#']).next()?.to_ascii_lowercase();
    if authority.is_empty() || authority.contains('@') {
        return None;
    }
    let authority = match (scheme.as_str(), authority.rsplit_once(':')) {
        ("http", Some((host, "80"))) | ("https", Some((host, "443"))) => host.to_owned(),
        _ => authority,
    };
    Some(format!("{scheme}://{authority}"))
}

/// Minimum length of a key: HS256 and AES-256 both want 32 bytes.
pub const MIN_JWT_KEY_BYTES: usize = 32;

/// Parses `kid:base64key,kid2:base64key2`.
pub fn parse_named_keys(raw: &str) -> Result<Vec<NamedKey>, String> {
    use base64::Engine as _;
    let mut keys: Vec<NamedKey> = Vec::new();
    for entry in raw.split(',').map(str::trim).filter(|e| !e.is_empty()) {
        let (kid, b64) = entry
            .split_once(':')
            .ok_or("each key must be written kid:base64key")?;
        let kid = kid.trim();
        if kid.is_empty()
            || kid.len() > 64
            || !kid
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        {
            return Err(format!(
                "key id `{kid}` must be 1-64 characters of A-Z, a-z, 0-9, - _ ."
            ));
        }
        let b64 = b64.trim();
        let secret = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .or_else(|_| base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(b64))
            .or_else(|_| base64::engine::general_purpose::STANDARD_NO_PAD.decode(b64))
            .map_err(|_| format!("the key `{kid}` is not valid base64"))?;
        if secret.len() < MIN_JWT_KEY_BYTES {
            return Err(format!(
                "the key `{kid}` is {} bytes; at least {MIN_JWT_KEY_BYTES} are required",
                secret.len()
            ));
        }
        if keys.iter().any(|k| k.kid == kid) {
            return Err(format!("the key id `{kid}` appears twice"));
        }
        keys.push(NamedKey {
            kid: kid.to_owned(),
            secret,
        });
    }
    if keys.is_empty() {
        return Err("no keys given".to_owned());
    }
    Ok(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(pairs: &[(&str, &str)]) -> Settings {
        let mut s = Settings::default();
        for (k, v) in pairs {
            s.set(k, *v);
        }
        s
    }

    #[test]
    fn no_settings_at_all_gives_the_documented_defaults() {
        let c = Config::from_settings(&Settings::default()).unwrap();
        assert_eq!(c.env, Environment::Development);
        assert_eq!(c.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(
            c.metrics_bind,
            Some(SocketAddr::from(([127, 0, 0, 1], 9464)))
        );
        assert_eq!(c.public_url, "http://127.0.0.1:8080");
        assert_eq!(
            c.database,
            DatabaseTarget::Sqlite(PathBuf::from("./data/sspr.db"))
        );
        assert_eq!(
            c.argon2,
            Argon2Settings {
                memory_kib: 19_456,
                iterations: 2,
                parallelism: 1
            }
        );
        assert_eq!(c.body_limit_bytes, 16 * 1024);
        assert_eq!(c.captcha, CaptchaKind::Builtin);
        assert!(c.cors_origins.is_empty());
    }

    #[test]
    fn environment_variables_override_the_file() {
        let mut s = settings(&[("bind", "127.0.0.1:9000")]);
        s.overlay_env([
            ("SSPR_BIND".to_owned(), "0.0.0.0:7000".to_owned()),
            ("OTHER".to_owned(), "x".to_owned()),
            (
                "SSPR_TEST_DATABASE_URL".to_owned(),
                "postgres://x".to_owned(),
            ),
        ])
        .unwrap();
        assert_eq!(
            Config::from_settings(&s).unwrap().bind.to_string(),
            "0.0.0.0:7000"
        );
    }

    #[test]
    fn an_unknown_variable_or_key_stops_the_start_and_names_the_closest() {
        let env = |name: &str| {
            Settings::default()
                .overlay_env([(name.to_owned(), "x".to_owned())])
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            env("SSPR_SMTP_UR"),
            "unknown environment variable SSPR_SMTP_UR (did you mean SSPR_SMTP_URL?)"
        );
        assert_eq!(
            env("SSPR_DIRECTORY"),
            "unknown environment variable SSPR_DIRECTORY"
        );
        let dir = std::env::temp_dir().join(format!("sspr-config-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("sspr.toml");
        std::fs::write(&path, "bnd = \"127.0.0.1:9000\"\n").unwrap();
        let err = Settings::from_toml_file(&path).unwrap_err().to_string();
        assert_eq!(
            err,
            "unknown setting `bnd` in the configuration file (did you mean bind?)"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn secrets_can_be_read_from_files() {
        let dir = std::env::temp_dir().join(format!("sspr-secret-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let token = dir.join("sms");
        std::fs::write(&token, "s3cret-token\n").unwrap();
        let mut s = Settings::default();
        s.overlay_env([(
            "SSPR_SMS_AUTH_TOKEN_FILE".to_owned(),
            token.display().to_string(),
        )])
        .unwrap();
        s.read_secret_files().unwrap();
        let c = Config::from_settings(&s).unwrap();
        assert_eq!(c.sms_auth_token.unwrap().expose(), "s3cret-token");

        // Both ways at once, a file that is not there, a file for what is no secret.
        let mut both = settings(&[("sms_auth_token", "inline")]);
        both.set("sms_auth_token_file", token.display().to_string());
        let err = both.read_secret_files().unwrap_err().to_string();
        assert!(err.contains("SSPR_SMS_AUTH_TOKEN_FILE"), "{err}");
        let mut missing = settings(&[("jwt_keys_file", "/nonexistent/keys")]);
        let err = missing.read_secret_files().unwrap_err().to_string();
        assert!(
            err.contains("SSPR_JWT_KEYS_FILE") && err.contains("/nonexistent/keys"),
            "{err}"
        );
        let err = Settings::default()
            .overlay_env([("SSPR_BIND_FILE".to_owned(), "/x".to_owned())])
            .unwrap_err()
            .to_string();
        assert!(err.contains("SSPR_BIND_FILE"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_bad_value_names_the_setting() {
        let err = Config::from_settings(&settings(&[("bind", "nowhere")]))
            .unwrap_err()
            .to_string();
        assert!(err.contains("SSPR_BIND"), "{err}");
        let err = Config::from_settings(&settings(&[("database_url", "mysql://x")]))
            .unwrap_err()
            .to_string();
        assert!(err.contains("SSPR_DATABASE_URL"), "{err}");
        let err = Config::from_settings(&settings(&[("trusted_proxies", "10.0.0.0/8, bogus")]))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("SSPR_TRUSTED_PROXIES") && err.contains("bogus"),
            "{err}"
        );
        let err = Config::from_settings(&settings(&[("cors_origins", "*")]))
            .unwrap_err()
            .to_string();
        assert!(err.contains("SSPR_CORS_ORIGINS"), "{err}");
    }

    #[test]
    fn jwt_keys_need_ids_and_enough_bytes() {
        let key = "a".repeat(44); // 33 bytes of base64
        let keys = parse_named_keys(&format!("k1:{key}, k2:{key}")).unwrap();
        assert_eq!(
            keys.iter().map(|k| k.kid.as_str()).collect::<Vec<_>>(),
            ["k1", "k2"]
        );
        assert!(
            parse_named_keys("k1:c2hvcnQ=")
                .unwrap_err()
                .contains("at least 32")
        );
        assert!(parse_named_keys(&key).is_err());
        assert!(
            parse_named_keys(&format!("k1:{key},k1:{key}"))
                .unwrap_err()
                .contains("twice")
        );
    }

    #[test]
    fn production_refuses_unsafe_settings() {
        let err = Config::from_settings(&settings(&[("env", "production")]))
            .unwrap_err()
            .to_string();
        assert!(err.contains("https"), "{err}");
        let key = "a".repeat(44);
        let base = [
            ("env", "production"),
            ("public_url", "https://reset.example.com"),
            ("smtp_url", "smtp://mail:25"),
            ("smtp_from", "reset@example.com"),
        ];
        let err = Config::from_settings(&settings(&base))
            .unwrap_err()
            .to_string();
        assert!(err.contains("SSPR_JWT_KEYS"), "{err}");
        let keys = format!("k1:{key}");
        let mut ok = base.to_vec();
        ok.push(("jwt_keys", &keys));
        assert!(
            Config::from_settings(&settings(&ok))
                .unwrap_err()
                .to_string()
                .contains("SSPR_ENCRYPTION_KEYS")
        );
        ok.push(("encryption_keys", &keys));
        assert!(Config::from_settings(&settings(&ok)).is_ok());
        ok.push(("argon2_memory_kib", "1024"));
        assert!(
            Config::from_settings(&settings(&ok))
                .unwrap_err()
                .to_string()
                .contains("argon2")
        );
    }

    #[test]
    fn texts_and_calls_default_to_the_sender_numbers_country() {
        let countries = |pairs: &[(&str, &str)]| {
            Config::from_settings(&settings(pairs)).map(|c| c.codes.phone_countries)
        };
        assert_eq!(countries(&[]).unwrap(), PhoneCountries::Any);
        let us = countries(&[("sms_from", "+14155550100")]).unwrap();
        assert_eq!(us, PhoneCountries::Only(vec!["US".into()]));
        assert!(us.allows("+14155552671"));
        assert!(!us.allows("+14165550100"), "Canada shares +1");
        assert!(!us.allows("+442079460958"));
        let listed = countries(&[
            ("sms_from", "+14155550100"),
            ("phone_countries", " ca, GB "),
        ]);
        assert_eq!(
            listed.unwrap(),
            PhoneCountries::Only(vec!["CA".into(), "GB".into()])
        );
        assert_eq!(
            countries(&[("sms_from", "ExampleCo"), ("phone_countries", "*")]).unwrap(),
            PhoneCountries::Any
        );
        for bad in [
            &[("sms_from", "ExampleCo")][..],
            &[("phone_countries", "XX")],
            &[("phone_countries", ",")],
        ] {
            let err = countries(bad).unwrap_err().to_string();
            assert!(err.contains("PHONE_COUNTRIES"), "{err}");
        }
    }

    #[test]
    fn metrics_have_their_own_listener_that_can_be_turned_off() {
        let bind = |v: &str| {
            Config::from_settings(&settings(&[("metrics_bind", v)])).map(|c| c.metrics_bind)
        };
        assert_eq!(
            bind("0.0.0.0:9464").unwrap(),
            Some(SocketAddr::from(([0, 0, 0, 0], 9464)))
        );
        assert_eq!(bind("off").unwrap(), None);
        assert_eq!(bind("").unwrap(), None);
        let mut s = Settings::default();
        s.overlay_env([("SSPR_METRICS_BIND".to_owned(), String::new())])
            .unwrap();
        assert_eq!(Config::from_settings(&s).unwrap().metrics_bind, None);
        assert!(
            bind("nowhere")
                .unwrap_err()
                .to_string()
                .contains("SSPR_METRICS_BIND")
        );
        assert!(
            bind("127.0.0.1:8080")
                .unwrap_err()
                .to_string()
                .contains("SSPR_METRICS_BIND")
        );
    }

    #[test]
    fn the_public_origin_is_written_as_browsers_write_it() {
        for (url, origin) in [
            (
                "https://Reset.Example.com/sspr",
                "https://reset.example.com",
            ),
            ("https://reset.example.com:443", "https://reset.example.com"),
            ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
            ("http://[::1]:80/x?y", "http://[::1]"),
        ] {
            assert_eq!(origin_of(url).as_deref(), Some(origin), "{url}");
        }
        assert_eq!(origin_of("https:///path"), None);
        assert!(Config::from_settings(&settings(&[("public_url", "https://user@host")])).is_err());
    }

    #[test]
    fn toml_files_reject_unknown_settings() {
        let dir = std::env::temp_dir().join(format!("sspr-config-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("sspr.toml");
        std::fs::write(
            &path,
            "bind = \"127.0.0.1:9999\"\ncors_origins = [\"https://a.example\"]\n",
        )
        .unwrap();
        let c = Config::from_settings(&Settings::from_toml_file(&path).unwrap()).unwrap();
        assert_eq!(c.bind.port(), 9999);
        assert_eq!(c.cors_origins, ["https://a.example"]);
        std::fs::write(&path, "bnid = \"x\"\n").unwrap();
        assert!(
            Settings::from_toml_file(&path)
                .unwrap_err()
                .to_string()
                .contains("bnid")
        );
    }
}
