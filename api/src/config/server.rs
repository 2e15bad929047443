//! `[server]`: where the service listens and is reached, what it calls itself, its first
//! administrator, and the cost and capacity of password hashing.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use ipnet::IpNet;
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::keys::Secret;
use super::names::{LISTENER, Section};
use super::{ConfigError, invalid};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    Development,
    Production,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

/// Argon2id cost. Defaults are OWASP's (m=19456 KiB, t=2, p=1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Argon2Settings {
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
}

/// `[server]`.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(super) struct Server {
    pub env: Environment,
    pub bind: SocketAddr,
    /// Its own listener, so that the public one never serves it: the counts are nobody's
    /// business outside (SECURITY.md 38), and a firewall or a container port says who may ask.
    pub metrics_bind: Listener,
    /// Links, the token issuer and the allowed origin come from it; without a trailing slash
    /// once checked.
    pub public_url: String,
    pub data_dir: PathBuf,
    pub web_dir: PathBuf,
    pub cors_origins: Vec<String>,
    pub trusted_proxies: Vec<String>,
    pub log_format: LogFormat,
    /// Also write every audit entry, once committed, to standard output as one JSON line
    /// (`"log": "audit"`), for a SIEM that reads the service's output.
    pub audit_log: bool,
    pub body_limit_bytes: usize,
    pub http_workers: Option<usize>,
    pub organization_name: String,
    pub session_ttl_minutes: i64,
    pub bootstrap_admin_username: String,
    pub bootstrap_admin_password: Option<Secret>,
    pub argon2_memory_kib: u32,
    pub argon2_iterations: u32,
    pub argon2_parallelism: u32,
    pub hash_workers: usize,
    pub hash_queue: usize,
    /// The WebAuthn relying party id passkeys are bound to: the public URL's host by default
    /// (or a parent domain of it).
    pub passkey_rp_id: Option<String>,
    /// Start although passkeys were registered under another relying party id (they stop
    /// working; people register new ones).
    pub passkey_rp_id_changed: bool,
    /// Let webhooks go to loopback, private and link-local addresses (tests, or a receiver on
    /// the internal network); off, such endpoints are refused (server-side request forgery).
    pub webhooks_allow_private: bool,
}

impl Default for Server {
    fn default() -> Self {
        Self {
            env: Environment::Development,
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            metrics_bind: Listener(Some(SocketAddr::from(([127, 0, 0, 1], 9464)))),
            public_url: "http://127.0.0.1:8080".to_owned(),
            data_dir: PathBuf::from("./data"),
            web_dir: PathBuf::from("web-ui/dist"),
            cors_origins: Vec::new(),
            trusted_proxies: Vec::new(),
            log_format: LogFormat::Text,
            audit_log: false,
            body_limit_bytes: 16 * 1024,
            http_workers: None,
            organization_name: "Self-service password reset".to_owned(),
            session_ttl_minutes: 60,
            bootstrap_admin_username: "admin".to_owned(),
            bootstrap_admin_password: None,
            argon2_memory_kib: 19_456,
            argon2_iterations: 2,
            argon2_parallelism: 1,
            hash_workers: std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2),
            hash_queue: 64,
            passkey_rp_id: None,
            passkey_rp_id_changed: false,
            webhooks_allow_private: false,
        }
    }
}

impl Section for Server {
    const NAME: &'static str = "server";
}

impl Server {
    /// Checks each value and the pairs that must agree; drops the public URL's trailing slash.
    pub fn checked(mut self) -> Result<Self, ConfigError> {
        if self.metrics_bind.0 == Some(self.bind) && self.bind.port() != 0 {
            return Err(invalid("metrics_bind", "must differ from SSPR_BIND"));
        }
        self.public_url = self.public_url.trim_end_matches('/').to_owned();
        if !(self.public_url.starts_with("http://") || self.public_url.starts_with("https://"))
            || self.public_url.contains(char::is_whitespace)
        {
            return Err(invalid("public_url", "must be an http:// or https:// URL"));
        }
        self.public_origin()?;
        if !(5..=24 * 60).contains(&self.session_ttl_minutes) {
            return Err(invalid("session_ttl_minutes", "must be between 5 and 1440"));
        }
        for origin in &self.cors_origins {
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
        self.trusted_proxies()?;
        let argon2 = self.argon2();
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
        if self.hash_workers == 0 || self.hash_workers > 256 {
            return Err(invalid("hash_workers", "must be between 1 and 256"));
        }
        if !(1024..=1024 * 1024).contains(&self.body_limit_bytes) {
            return Err(invalid(
                "body_limit_bytes",
                "must be between 1024 and 1048576",
            ));
        }
        if self.organization_name.chars().count() > 100
            || self.organization_name.chars().any(char::is_control)
        {
            return Err(invalid(
                "organization_name",
                "at most 100 characters, no control characters",
            ));
        }
        if let Some(id) = &self.passkey_rp_id {
            let host = host_of(&self.public_url).unwrap_or_default();
            if !(host == *id || host.ends_with(&format!(".{id}"))) || id.parse::<IpAddr>().is_ok() {
                return Err(invalid(
                    "passkey_rp_id",
                    "must be the public URL's host or a parent domain of it",
                ));
            }
        }
        Ok(self)
    }

    /// The relying party id passkeys are bound to: the setting, else the public URL's host;
    /// `None` when that host is an IP address (WebAuthn needs a domain name).
    pub fn passkey_rp_id(&self) -> Option<String> {
        self.passkey_rp_id.clone().or_else(|| {
            host_of(&self.public_url)
                .filter(|h| h.parse::<IpAddr>().is_err() && !h.starts_with('['))
        })
    }

    pub fn public_origin(&self) -> Result<String, ConfigError> {
        origin_of(&self.public_url).ok_or_else(|| {
            invalid(
                "public_url",
                "must name a host, like https://reset.example.com",
            )
        })
    }

    pub fn trusted_proxies(&self) -> Result<Vec<IpNet>, ConfigError> {
        self.trusted_proxies
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
            .collect()
    }

    pub fn argon2(&self) -> Argon2Settings {
        Argon2Settings {
            memory_kib: self.argon2_memory_kib,
            iterations: self.argon2_iterations,
            parallelism: self.argon2_parallelism,
        }
    }
}

/// A listen address that can be turned off with `off` or an empty value (`SSPR_METRICS_BIND=`).
/// The loader keeps an empty value for a field of this type instead of treating it as unset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Listener(pub Option<SocketAddr>);

impl<'de> Deserialize<'de> for Listener {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListenerVisitor;
        impl<'de> Visitor<'de> for ListenerVisitor {
            type Value = Listener;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a listen address such as 127.0.0.1:9464, or off")
            }
            fn visit_newtype_struct<D: Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> Result<Listener, D::Error> {
                let raw = String::deserialize(deserializer)?;
                self.visit_str(&raw)
            }
            fn visit_str<E: de::Error>(self, raw: &str) -> Result<Listener, E> {
                match raw.trim() {
                    "" | "off" => Ok(Listener(None)),
                    address => address
                        .parse()
                        .map(|a| Listener(Some(a)))
                        .map_err(|e| E::custom(format!("`{address}`: {e}"))),
                }
            }
        }
        deserializer.deserialize_newtype_struct(LISTENER, ListenerVisitor)
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

/// The host of an http(s) URL, in lower case, without the port.
fn host_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    parsed.host_str().map(str::to_lowercase)
}
