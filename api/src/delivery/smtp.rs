//! Email over SMTP with lettre: `smtp://` (plain), `smtp://…?tls=starttls` (or lettre's
//! `tls=required`; `tls=opportunistic`), `smtps://` (TLS), with optional `user:password@`
//! credentials and the EHLO name as the path, as lettre reads such a URL.
//!
//! `smtp://` connections are opened here with `TCP_NODELAY` and pooled here (deadpool): lettre
//! 0.11.23 opens its own without it and writes a message and its closing `.` in two writes, so
//! Nagle's algorithm held every message until the server's delayed ACK, about 40 ms. lettre's
//! own fix (lettre#1159) came after 0.11.23, the newest release. `smtps://` keeps lettre's
//! transport and pool: putting TLS under a connection before its greeting is not public in
//! lettre. STARTTLS upgrades the same socket, so it keeps `TCP_NODELAY`.

use std::time::Duration;

use deadpool::managed::{self, Metrics, Pool, PoolError, RecycleResult};
use futures_util::future::BoxFuture;
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::Error as SmtpError;
use lettre::transport::smtp::authentication::{Credentials, DEFAULT_MECHANISMS};
use lettre::transport::smtp::client::{AsyncSmtpConnection, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use lettre::{AsyncSmtpTransport, AsyncTransport as _, Message, Tokio1Executor};

use super::{DeliveryError, EmailMessage, Mailer};

const TIMEOUT: Duration = Duration::from_secs(15);
/// Connections open at once (lettre's pool keeps as many idle).
const CONNECTIONS: usize = 10;
/// An idle connection is closed rather than reused after this long (lettre's pool's default;
/// servers drop idle clients after a few minutes).
const IDLE_FOR: Duration = Duration::from_secs(60);

pub struct SmtpMailer {
    route: Route,
    from: Mailbox,
}

enum Route {
    /// `smtp://`: our connections, with `TCP_NODELAY`.
    Direct(Pool<Server>),
    /// `smtps://`: lettre's transport and pool.
    Lettre(AsyncSmtpTransport<Tokio1Executor>),
}

/// Where and how `smtp://` connections are opened.
struct Server {
    host: String,
    port: u16,
    starttls: Starttls,
    credentials: Option<Credentials>,
    hello: ClientId,
}

enum Starttls {
    No,
    Required(TlsParameters),
    Opportunistic(TlsParameters),
}

impl SmtpMailer {
    pub fn new(url: &str, from: &str) -> Result<Self, String> {
        // DESIGN.md spells STARTTLS `tls=starttls`; lettre calls it `tls=required`.
        let url = url.replace("tls=starttls", "tls=required");
        let from = from
            .parse::<Mailbox>()
            .map_err(|e| format!("SSPR_SMTP_FROM: {e}"))?;
        let route = match server(&url).map_err(|e| format!("SSPR_SMTP_URL: {e}"))? {
            Some(server) => Route::Direct(
                Pool::builder(server)
                    .max_size(CONNECTIONS)
                    .wait_timeout(Some(TIMEOUT))
                    .create_timeout(Some(TIMEOUT))
                    .recycle_timeout(Some(TIMEOUT))
                    .runtime(deadpool::Runtime::Tokio1)
                    .build()
                    .map_err(|e| format!("SSPR_SMTP_URL: {e}"))?,
            ),
            None => Route::Lettre(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(&url)
                    .map_err(|e| format!("SSPR_SMTP_URL: {e}"))?
                    .timeout(Some(TIMEOUT))
                    .build(),
            ),
        };
        Ok(Self { route, from })
    }
}

/// An `smtp://` URL's server, as lettre reads it (ports 25, or 587 with STARTTLS); `None` for
/// `smtps://`.
fn server(url: &str) -> Result<Option<Server>, String> {
    let parsed = url::Url::parse(url).map_err(|e| e.to_string())?;
    match parsed.scheme() {
        "smtps" => return Ok(None),
        "smtp" => {}
        other => return Err(format!("unknown scheme `{other}` (smtp or smtps)")),
    }
    let host = parsed.host_str().ok_or("no host")?.to_owned();
    let tls = parsed
        .query_pairs()
        .find(|(k, _)| k == "tls")
        .map(|(_, v)| v.into_owned());
    let params = || TlsParameters::new(host.clone()).map_err(|e| e.to_string());
    let (starttls, port) = match tls.as_deref() {
        None => (Starttls::No, 25),
        Some("required") => (Starttls::Required(params()?), 587),
        Some("opportunistic") => (Starttls::Opportunistic(params()?), 587),
        Some(other) => return Err(format!("unknown tls `{other}` (starttls or opportunistic)")),
    };
    let decode = |s: &str| {
        percent_encoding::percent_decode_str(s)
            .decode_utf8()
            .map(|d| d.into_owned())
            .map_err(|_| "credentials are not valid percent-encoded UTF-8".to_owned())
    };
    let credentials = match parsed.password() {
        Some(password) => Some(Credentials::new(
            decode(parsed.username())?,
            decode(password)?,
        )),
        None => None,
    };
    let name = parsed.path().trim_matches('/');
    Ok(Some(Server {
        port: parsed.port().unwrap_or(port),
        host,
        starttls,
        credentials,
        hello: if name.is_empty() {
            ClientId::default()
        } else {
            ClientId::Domain(name.to_owned())
        },
    }))
}

/// Why a connection could not be opened or used.
#[derive(Debug)]
pub enum Failure {
    /// The server could not be reached.
    Io(std::io::Error),
    /// What the SMTP exchange answered (lettre's error).
    Smtp(SmtpError),
}

impl From<SmtpError> for Failure {
    fn from(e: SmtpError) -> Self {
        Self::Smtp(e)
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Io(e) => write!(f, "connection error: {e}"),
            Self::Smtp(e) => e.fmt(f),
        }
    }
}

impl From<Failure> for DeliveryError {
    fn from(failure: Failure) -> Self {
        match failure {
            Failure::Smtp(e) if e.is_permanent() => Self::Refused(e.to_string()),
            other => Self::Unavailable(other.to_string()),
        }
    }
}

impl From<PoolError<Failure>> for DeliveryError {
    fn from(e: PoolError<Failure>) -> Self {
        match e {
            PoolError::Backend(failure) => failure.into(),
            other => Self::Unavailable(format!("SMTP connection: {other}")),
        }
    }
}

impl managed::Manager for Server {
    type Type = AsyncSmtpConnection;
    type Error = Failure;

    async fn create(&self) -> Result<AsyncSmtpConnection, Failure> {
        let tcp = tokio::net::TcpStream::connect((self.host.as_str(), self.port))
            .await
            .map_err(Failure::Io)?;
        tcp.set_nodelay(true).map_err(Failure::Io)?;
        let mut conn =
            AsyncSmtpConnection::connect_with_transport(Box::new(tcp), &self.hello).await?;
        match &self.starttls {
            Starttls::No => {}
            Starttls::Required(params) => conn.starttls(params.clone(), &self.hello).await?,
            Starttls::Opportunistic(params) => {
                if conn.can_starttls() {
                    conn.starttls(params.clone(), &self.hello).await?;
                }
            }
        }
        if let Some(credentials) = &self.credentials {
            conn.auth(DEFAULT_MECHANISMS, credentials).await?;
        }
        Ok(conn)
    }

    async fn recycle(
        &self,
        conn: &mut AsyncSmtpConnection,
        metrics: &Metrics,
    ) -> RecycleResult<Failure> {
        // A failed exchange leaves the connection broken (lettre aborts it); an old one may
        // have been dropped by the server: both are replaced rather than tried.
        if conn.has_broken() || metrics.last_used() > IDLE_FOR || !conn.test_connected().await {
            return Err(managed::RecycleError::message("closed or idle too long"));
        }
        Ok(())
    }
}

impl SmtpMailer {
    fn message(&self, message: &EmailMessage) -> Result<Message, DeliveryError> {
        // lettre's typed headers encode every value, so a newline in data can never start a
        // new header; the recipient is a parsed address, never raw text.
        let to: Mailbox = message
            .to
            .parse()
            .map_err(|e| DeliveryError::Refused(format!("recipient: {e}")))?;
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(message.subject.clone())
            .multipart(MultiPart::alternative_plain_html(
                message.text.clone(),
                message.html.clone(),
            ))
            .map_err(|e| DeliveryError::Refused(e.to_string()))
    }
}

impl Mailer for SmtpMailer {
    fn send<'a>(&'a self, message: &'a EmailMessage) -> BoxFuture<'a, Result<(), DeliveryError>> {
        Box::pin(async move {
            let email = self.message(message)?;
            match &self.route {
                Route::Direct(pool) => {
                    let mut conn = pool.get().await?;
                    conn.send(email.envelope(), &email.formatted())
                        .await
                        .map_err(|e| DeliveryError::from(Failure::Smtp(e)))?;
                    Ok(())
                }
                Route::Lettre(transport) => transport
                    .send(email)
                    .await
                    .map(|_| ())
                    .map_err(|e| Failure::Smtp(e).into()),
            }
        })
    }

    fn check(&self) -> BoxFuture<'_, Result<String, String>> {
        Box::pin(async move {
            let answered = match &self.route {
                Route::Direct(pool) => match pool.get().await {
                    Ok(mut conn) => Ok(conn.test_connected().await),
                    Err(e) => Err(e.to_string()),
                },
                Route::Lettre(transport) => {
                    transport.test_connection().await.map_err(|e| e.to_string())
                }
            };
            match answered {
                Ok(true) => Ok("the SMTP server answers".to_owned()),
                Ok(false) => Err("the SMTP server did not accept the connection".to_owned()),
                Err(e) => Err(format!("the SMTP server cannot be reached: {e}")),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(url: &str) -> Server {
        server(url).expect("valid").expect("smtp://")
    }

    #[test]
    fn urls_are_read_as_lettre_reads_them() {
        let plain = read("smtp://mail.example.com");
        assert_eq!((plain.host.as_str(), plain.port), ("mail.example.com", 25));
        assert!(matches!(plain.starttls, Starttls::No));
        assert!(plain.credentials.is_none());
        assert_eq!(plain.hello, ClientId::default());

        let starttls =
            read("smtp://relay%40x:p%25ss%20w@mail.example.com/sspr.example.org?tls=required");
        assert_eq!(starttls.port, 587);
        assert!(matches!(starttls.starttls, Starttls::Required(_)));
        assert_eq!(
            starttls.credentials,
            Some(Credentials::new("relay@x".into(), "p%ss w".into()))
        );
        assert_eq!(starttls.hello, ClientId::Domain("sspr.example.org".into()));

        let opportunistic = read("smtp://mail.example.com:2525?tls=opportunistic");
        assert_eq!(opportunistic.port, 2525);
        assert!(matches!(opportunistic.starttls, Starttls::Opportunistic(_)));

        assert!(server("smtps://mail.example.com").expect("valid").is_none());
        assert!(server("http://mail.example.com").is_err());
        assert!(server("smtp://mail.example.com?tls=maybe").is_err());
        assert!(server("smtp://u:%FF@mail.example.com").is_err());
    }

    #[test]
    fn the_starttls_spelling_of_the_design_is_lettres_required() {
        let mailer = SmtpMailer::new(
            "smtp://mail.example.com?tls=starttls",
            "SSPR <sspr@example.com>",
        )
        .expect("valid");
        let Route::Direct(pool) = &mailer.route else {
            panic!("smtp:// is sspr's own connection");
        };
        assert!(matches!(pool.manager().starttls, Starttls::Required(_)));
    }
}
