//! Email over SMTP with lettre: `smtp://` (plain), `smtp://…?tls=starttls` (or lettre's
//! `tls=required`), `smtps://` (TLS), with optional `user:password@` credentials.

use futures_util::future::BoxFuture;
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport as _, Message, Tokio1Executor};

use super::{DeliveryError, EmailMessage, Mailer};

pub struct SmtpMailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl SmtpMailer {
    pub fn new(url: &str, from: &str) -> Result<Self, String> {
        // DESIGN.md spells STARTTLS `tls=starttls`; lettre calls it `tls=required`.
        let url = url.replace("tls=starttls", "tls=required");
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&url)
            .map_err(|e| format!("SSPR_SMTP_URL: {e}"))?
            .timeout(Some(std::time::Duration::from_secs(15)))
            .build();
        let from = from
            .parse::<Mailbox>()
            .map_err(|e| format!("SSPR_SMTP_FROM: {e}"))?;
        Ok(Self { transport, from })
    }
}

impl Mailer for SmtpMailer {
    fn send<'a>(&'a self, message: &'a EmailMessage) -> BoxFuture<'a, Result<(), DeliveryError>> {
        Box::pin(async move {
            // lettre's typed headers encode every value, so a newline in data can never start a
            // new header; the recipient is a parsed address, never raw text.
            let to: Mailbox = message
                .to
                .parse()
                .map_err(|e| DeliveryError::Refused(format!("recipient: {e}")))?;
            let email = Message::builder()
                .from(self.from.clone())
                .to(to)
                .subject(message.subject.clone())
                .multipart(MultiPart::alternative_plain_html(
                    message.text.clone(),
                    message.html.clone(),
                ))
                .map_err(|e| DeliveryError::Refused(e.to_string()))?;
            match self.transport.send(email).await {
                Ok(_) => Ok(()),
                Err(e) if e.is_permanent() => Err(DeliveryError::Refused(e.to_string())),
                Err(e) => Err(DeliveryError::Unavailable(e.to_string())),
            }
        })
    }

    fn check(&self) -> BoxFuture<'_, Result<String, String>> {
        Box::pin(async move {
            match self.transport.test_connection().await {
                Ok(true) => Ok("the SMTP server answers".to_owned()),
                Ok(false) => Err("the SMTP server did not accept the connection".to_owned()),
                Err(e) => Err(format!("the SMTP server cannot be reached: {e}")),
            }
        })
    }
}
