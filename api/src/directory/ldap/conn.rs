//! Connections to the directory: TLS (StartTLS or LDAPS, checked against the configured CAs),
//! a small pool of connections bound as the service account, a timeout on every operation, and
//! the one place an LDAP answer becomes an [`Error`]. ldap3 answers `Ok` for an operation the
//! server refused: every result code is checked here ([`check`]).

use std::sync::Arc;
use std::time::Duration;

use deadpool::managed::{self, Metrics, Pool, RecycleResult};
use ldap3::{Ldap, LdapConnAsync, LdapConnSettings, LdapResult};

use crate::config::LdapSettings;
use crate::error::Error;

/// What went wrong talking to the directory; the service's answer is 502/503
/// `directory_unavailable` and nothing was changed by it.
pub fn unavailable(what: &str, e: impl std::fmt::Display) -> Error {
    Error::DirectoryUnavailable(format!("{what}: {e}"))
}

/// Result codes that are not failures of the service's request.
pub const SUCCESS: u32 = 0;
pub const NO_SUCH_ATTRIBUTE: u32 = 16;
pub const CONSTRAINT_VIOLATION: u32 = 19;
pub const INVALID_CREDENTIALS: u32 = 49;
pub const UNWILLING_TO_PERFORM: u32 = 53;

/// An operation's result: success, or [`Error::DirectoryUnavailable`] naming the refusal.
pub fn check(
    what: &str,
    result: Result<LdapResult, ldap3::LdapError>,
) -> Result<LdapResult, Error> {
    let result = result.map_err(|e| unavailable(what, e))?;
    if result.rc == SUCCESS {
        Ok(result)
    } else {
        Err(unavailable(
            what,
            format!("result {} {}", result.rc, result.text),
        ))
    }
}

/// Connects to the directory, encrypted as configured, without binding.
pub async fn connect(
    settings: &LdapSettings,
    tls: &Option<Arc<rustls::ClientConfig>>,
) -> Result<Ldap, Error> {
    let timeout = Duration::from_secs(settings.timeout_secs);
    let mut conn_settings = LdapConnSettings::new()
        .set_conn_timeout(timeout)
        .set_starttls(settings.url.starts_with("ldap://") && settings.starttls);
    if let Some(config) = tls {
        conn_settings = conn_settings.set_config(Arc::clone(config));
    }
    let (conn, ldap) = LdapConnAsync::with_settings(conn_settings, &settings.url)
        .await
        .map_err(|e| unavailable("connect", e))?;
    ldap3::drive!(conn);
    Ok(ldap)
}

/// The TLS client configuration for a configured CA bundle (`SSPR_LDAP_CA_FILE`); without one,
/// the system's roots are used. Verification is never turned off.
pub fn tls_config(settings: &LdapSettings) -> Result<Option<Arc<rustls::ClientConfig>>, String> {
    use rustls::pki_types::{CertificateDer, pem::PemObject};
    let Some(path) = &settings.ca_file else {
        return Ok(None);
    };
    let mut roots = rustls::RootCertStore::empty();
    let certs = CertificateDer::pem_file_iter(path)
        .map_err(|e| format!("SSPR_LDAP_CA_FILE {}: {e}", path.display()))?;
    for cert in certs {
        let cert = cert.map_err(|e| format!("SSPR_LDAP_CA_FILE {}: {e}", path.display()))?;
        roots
            .add(cert)
            .map_err(|e| format!("SSPR_LDAP_CA_FILE {}: {e}", path.display()))?;
    }
    if roots.is_empty() {
        return Err(format!(
            "SSPR_LDAP_CA_FILE {}: no certificate",
            path.display()
        ));
    }
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| e.to_string())?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Some(Arc::new(config)))
}

/// Opens connections bound as the service account, for the pool.
pub struct Manager {
    pub settings: LdapSettings,
    pub tls: Option<Arc<rustls::ClientConfig>>,
}

impl managed::Manager for Manager {
    type Type = Ldap;
    type Error = Error;

    async fn create(&self) -> Result<Ldap, Error> {
        let mut ldap = connect(&self.settings, &self.tls).await?;
        let timeout = Duration::from_secs(self.settings.timeout_secs);
        let bound = ldap
            .with_timeout(timeout)
            .simple_bind(&self.settings.bind_dn, self.settings.bind_password.expose())
            .await;
        check("bind as the service account", bound)?;
        Ok(ldap)
    }

    async fn recycle(&self, ldap: &mut Ldap, _: &Metrics) -> RecycleResult<Error> {
        if ldap.is_closed() {
            return Err(managed::RecycleError::message("connection closed"));
        }
        Ok(())
    }
}

pub type LdapPool = Pool<Manager>;

pub fn pool(settings: &LdapSettings) -> Result<LdapPool, String> {
    let tls = tls_config(settings)?;
    let timeout = Some(Duration::from_secs(settings.timeout_secs));
    Pool::builder(Manager {
        settings: settings.clone(),
        tls,
    })
    .max_size(settings.pool_size as usize)
    .wait_timeout(timeout)
    .create_timeout(timeout)
    .recycle_timeout(timeout)
    .runtime(deadpool::Runtime::Tokio1)
    .build()
    .map_err(|e| e.to_string())
}

/// A pooled connection bound as the service account, or `directory_unavailable`.
pub async fn service(pool: &LdapPool) -> Result<managed::Object<Manager>, Error> {
    pool.get().await.map_err(|e| match e {
        managed::PoolError::Backend(e) => e,
        other => unavailable("connection pool", other),
    })
}
