//! Delivery of messages: email over SMTP (lettre), text messages and voice calls through a
//! Twilio-compatible gateway (reqwest), and — in development only — the log.
//!
//! Verification codes are sent at once (the person is waiting). When a signed-in person registers
//! a method, a failed send is an error the caller reports; during recovery the send runs in the
//! background ([`InFlight`]) so that the answer cannot tell a real account from an unknown one.
//! Notifications go through the durable [`outbox`] so that an outage loses nothing. Destinations
//! always come from stored, verified data: nothing here takes an address from a request.

pub mod gateway;
pub mod notices;
pub mod outbox;
pub mod smtp;
pub mod templates;

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use futures_util::future::BoxFuture;
use tokio::sync::Notify;

use crate::config::{Config, Environment};

/// One email: the text and HTML alternatives of the same message.
#[derive(Clone)]
pub struct EmailMessage {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}

impl std::fmt::Debug for EmailMessage {
    // Bodies may hold a code: never printed.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "EmailMessage {{ subject: {:?}, body: <redacted> }}",
            self.subject
        )
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DeliveryError {
    /// The provider answered and said no (bad number, bad sender, auth failure).
    #[error("the provider refused the message: {0}")]
    Refused(String),
    /// The provider could not be reached or did not answer in time.
    #[error("the provider is unreachable: {0}")]
    Unavailable(String),
    /// No provider is configured for this channel (production refuses log delivery).
    #[error("no {0} provider is configured")]
    NotConfigured(&'static str),
}

/// Sends email.
pub trait Mailer: Send + Sync {
    fn send<'a>(&'a self, message: &'a EmailMessage) -> BoxFuture<'a, Result<(), DeliveryError>>;
    /// Whether the provider answers, sending nothing (`sspr admin check-config`): what was
    /// reached, or why not.
    fn check(&self) -> BoxFuture<'_, Result<String, String>>;
}

/// Sends text messages and places voice calls. Other providers plug in here.
pub trait PhoneGateway: Send + Sync {
    fn send_sms<'a>(
        &'a self,
        to: &'a str,
        body: &'a str,
    ) -> BoxFuture<'a, Result<(), DeliveryError>>;
    /// `twiml` is the call script (TwiML) that reads the message.
    fn call<'a>(&'a self, to: &'a str, twiml: &'a str) -> BoxFuture<'a, Result<(), DeliveryError>>;
    /// Whether the gateway answers and takes our credentials, sending nothing.
    fn check(&self) -> BoxFuture<'_, Result<String, String>>;
}

#[derive(Clone)]
pub struct Delivery {
    pub mailer: Arc<dyn Mailer>,
    pub phone: Arc<dyn PhoneGateway>,
    /// Sends running in the background, so that shutdown (and tests) can wait for them.
    pub in_flight: InFlight,
    /// How the last real send over each channel went, for the decoys' sends to mirror.
    pub health: Health,
}

/// The outcome and duration of the last real send per channel. A decoy's phantom sends nothing,
/// yet an outage must withdraw its code as it withdraws a real one (else "my code vanished"
/// tells a real account from an unknown one): [`Health::mirror`] fares as the last real send did.
#[derive(Clone, Default)]
pub struct Health(Arc<std::sync::Mutex<[Option<LastSend>; 3]>>);

/// Whether a send went, and how long it took.
type LastSend = (bool, std::time::Duration);

impl Health {
    fn slot(channel: crate::methods::Channel) -> usize {
        match channel {
            crate::methods::Channel::Email => 0,
            crate::methods::Channel::Sms => 1,
            crate::methods::Channel::Voice => 2,
        }
    }

    /// A real send over `channel` went (`ok`) or failed, after `took`.
    pub fn record(&self, channel: crate::methods::Channel, ok: bool, took: std::time::Duration) {
        if let Ok(mut last) = self.0.lock() {
            last[Self::slot(channel)] = Some((ok, took));
        }
    }

    /// Waits as long as the last real send over `channel` took, and fails if it failed. Before
    /// any real send, a channel with no provider fails (as its first send will) and any other
    /// succeeds.
    pub async fn mirror(&self, channel: crate::methods::Channel) -> Result<(), DeliveryError> {
        let last = self.0.lock().ok().and_then(|l| l[Self::slot(channel)]);
        let Some((ok, took)) = last else {
            return Ok(());
        };
        tokio::time::sleep(took.min(std::time::Duration::from_secs(30))).await;
        match ok {
            true => Ok(()),
            false => Err(DeliveryError::Unavailable(
                "as the last real send over this channel".to_owned(),
            )),
        }
    }
}

/// Counts background sends and wakes whoever waits for none to be left.
#[derive(Clone, Default)]
pub struct InFlight(Arc<(AtomicUsize, Notify)>);

impl InFlight {
    pub fn spawn(&self, send: impl Future<Output = ()> + Send + 'static) {
        self.0.0.fetch_add(1, Ordering::SeqCst);
        let done = Done(self.clone());
        tokio::spawn(async move {
            let _done = done;
            send.await;
        });
    }

    /// How many background sends are running now.
    pub fn running(&self) -> usize {
        self.0.0.load(Ordering::SeqCst)
    }

    /// Resolves once no background send is running.
    pub async fn idle(&self) {
        loop {
            // Registered before the check, so a send finishing in between still wakes us.
            let finished = self.0.1.notified();
            if self.0.0.load(Ordering::SeqCst) == 0 {
                return;
            }
            finished.await;
        }
    }
}

/// Marks a send finished even when it panicked.
struct Done(InFlight);

impl Drop for Done {
    fn drop(&mut self) {
        if (self.0).0.0.fetch_sub(1, Ordering::SeqCst) == 1 {
            (self.0).0.1.notify_waiters();
        }
    }
}

impl Delivery {
    /// The configured providers. Without one, development writes messages to the log (clearly
    /// marked, codes included, for a first look on a laptop); production refuses to send.
    pub fn from_config(config: &Config) -> Result<Self, String> {
        let production = config.env == Environment::Production;
        let mailer: Arc<dyn Mailer> = match (&config.smtp_url, &config.smtp_from) {
            (Some(url), Some(from)) => Arc::new(smtp::SmtpMailer::new(url.expose(), from)?),
            (Some(_), None) => {
                return Err("SSPR_SMTP_FROM is required with SSPR_SMTP_URL".to_owned());
            }
            _ if production => Arc::new(Unconfigured),
            _ => Arc::new(LogDelivery),
        };
        let phone: Arc<dyn PhoneGateway> = match &config.sms_base_url {
            Some(base) => Arc::new(gateway::TwilioGateway::new(
                base,
                config
                    .sms_account_sid
                    .as_deref()
                    .ok_or("SSPR_SMS_ACCOUNT_SID is required with SSPR_SMS_BASE_URL")?,
                config
                    .sms_auth_token
                    .as_ref()
                    .ok_or("SSPR_SMS_AUTH_TOKEN is required with SSPR_SMS_BASE_URL")?
                    .expose(),
                config
                    .sms_from
                    .as_deref()
                    .ok_or("SSPR_SMS_FROM is required with SSPR_SMS_BASE_URL")?,
                std::time::Duration::from_secs(config.sms_timeout_secs),
            )?),
            None if production => Arc::new(Unconfigured),
            None => Arc::new(LogDelivery),
        };
        let health = Health::default();
        let (no_mail, no_phone) = (
            config.smtp_url.is_none() && production,
            config.sms_base_url.is_none() && production,
        );
        for (unconfigured, channel) in [
            (no_mail, crate::methods::Channel::Email),
            (no_phone, crate::methods::Channel::Sms),
            (no_phone, crate::methods::Channel::Voice),
        ] {
            if unconfigured {
                health.record(channel, false, std::time::Duration::ZERO);
            }
        }
        Ok(Self {
            mailer,
            phone,
            in_flight: InFlight::default(),
            health,
        })
    }
}

/// Development delivery: the message goes to the log, marked as such.
struct LogDelivery;

impl Mailer for LogDelivery {
    fn send<'a>(&'a self, message: &'a EmailMessage) -> BoxFuture<'a, Result<(), DeliveryError>> {
        Box::pin(async move {
            tracing::warn!(
                delivery = "development-log",
                to = %message.to,
                subject = %message.subject,
                body = %message.text,
                "DEVELOPMENT DELIVERY: no SMTP server is configured, so this email is written to the log instead"
            );
            Ok(())
        })
    }
    fn check(&self) -> BoxFuture<'_, Result<String, String>> {
        Box::pin(async {
            Ok("no SMTP server is configured: emails go to the log (development)".to_owned())
        })
    }
}

impl PhoneGateway for LogDelivery {
    fn send_sms<'a>(
        &'a self,
        to: &'a str,
        body: &'a str,
    ) -> BoxFuture<'a, Result<(), DeliveryError>> {
        Box::pin(async move {
            tracing::warn!(delivery = "development-log", %to, %body,
                "DEVELOPMENT DELIVERY: no SMS gateway is configured, so this text message is written to the log instead");
            Ok(())
        })
    }
    fn call<'a>(&'a self, to: &'a str, twiml: &'a str) -> BoxFuture<'a, Result<(), DeliveryError>> {
        Box::pin(async move {
            tracing::warn!(delivery = "development-log", %to, %twiml,
                "DEVELOPMENT DELIVERY: no voice gateway is configured, so this call is written to the log instead");
            Ok(())
        })
    }
    fn check(&self) -> BoxFuture<'_, Result<String, String>> {
        Box::pin(async {
            Ok(
                "no SMS gateway is configured: texts and calls go to the log (development)"
                    .to_owned(),
            )
        })
    }
}

/// Production without a provider: every send fails clearly.
struct Unconfigured;

impl Mailer for Unconfigured {
    fn send<'a>(&'a self, _: &'a EmailMessage) -> BoxFuture<'a, Result<(), DeliveryError>> {
        Box::pin(async { Err(DeliveryError::NotConfigured("email")) })
    }
    fn check(&self) -> BoxFuture<'_, Result<String, String>> {
        Box::pin(async { Err("no SMTP server is configured (SSPR_SMTP_URL)".to_owned()) })
    }
}

impl PhoneGateway for Unconfigured {
    fn send_sms<'a>(&'a self, _: &'a str, _: &'a str) -> BoxFuture<'a, Result<(), DeliveryError>> {
        Box::pin(async { Err(DeliveryError::NotConfigured("SMS")) })
    }
    fn call<'a>(&'a self, _: &'a str, _: &'a str) -> BoxFuture<'a, Result<(), DeliveryError>> {
        Box::pin(async { Err(DeliveryError::NotConfigured("voice")) })
    }
    fn check(&self) -> BoxFuture<'_, Result<String, String>> {
        Box::pin(async { Err("no SMS gateway is configured (SSPR_SMS_BASE_URL)".to_owned()) })
    }
}
