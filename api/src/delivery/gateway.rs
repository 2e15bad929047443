//! Text messages and voice calls through a Twilio-compatible REST gateway:
//! `POST {base}/2010-04-01/Accounts/{sid}/Messages.json` (`To`, `From`, `Body`) and
//! `POST {base}/2010-04-01/Accounts/{sid}/Calls.json` (`To`, `From`, `Twiml`), basic auth
//! `sid:token`.

use std::time::Duration;

use futures_util::future::BoxFuture;

use super::{DeliveryError, PhoneGateway};

pub struct TwilioGateway {
    client: reqwest::Client,
    account_url: String,
    messages_url: String,
    calls_url: String,
    account_sid: String,
    auth_token: String,
    from: String,
}

impl TwilioGateway {
    pub fn new(
        base: &str,
        account_sid: &str,
        auth_token: &str,
        from: &str,
        timeout: Duration,
    ) -> Result<Self, String> {
        if account_sid.is_empty() || !account_sid.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err("SSPR_SMS_ACCOUNT_SID must be letters and digits".to_owned());
        }
        // An idle connection is dropped after 2 s: gateways close theirs after a few seconds
        // (Node's default is 5 s), and a send on a connection the gateway just closed fails
        // without ever reaching it (the text was "not delivered" after a quiet spell).
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout)
            .pool_idle_timeout(Duration::from_secs(2))
            .build()
            .map_err(|e| format!("SMS gateway client: {e}"))?;
        let base = base.trim_end_matches('/');
        Ok(Self {
            client,
            account_url: format!("{base}/2010-04-01/Accounts/{account_sid}.json"),
            messages_url: format!("{base}/2010-04-01/Accounts/{account_sid}/Messages.json"),
            calls_url: format!("{base}/2010-04-01/Accounts/{account_sid}/Calls.json"),
            account_sid: account_sid.to_owned(),
            auth_token: auth_token.to_owned(),
            from: from.to_owned(),
        })
    }

    async fn post(&self, url: &str, form: &[(&str, &str)]) -> Result<(), DeliveryError> {
        let response = self
            .client
            .post(url)
            .basic_auth(&self.account_sid, Some(&self.auth_token))
            .form(form)
            .send()
            .await
            .map_err(|e| DeliveryError::Unavailable(without_url(&e)))?;
        let status = response.status();
        if status.is_success() {
            return Ok(());
        }
        // The provider's message helps the operator; it never contains our token.
        let detail: String = response
            .text()
            .await
            .unwrap_or_default()
            .chars()
            .take(300)
            .collect();
        if status.is_server_error() || status.as_u16() == 429 {
            Err(DeliveryError::Unavailable(format!(
                "HTTP {status}: {detail}"
            )))
        } else {
            Err(DeliveryError::Refused(format!("HTTP {status}: {detail}")))
        }
    }
}

/// reqwest's errors print the URL, which is harmless here but noisy; keep the kind of failure.
fn without_url(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "timed out".to_owned()
    } else if e.is_connect() {
        "connection failed".to_owned()
    } else {
        "request failed".to_owned()
    }
}

impl PhoneGateway for TwilioGateway {
    fn send_sms<'a>(
        &'a self,
        to: &'a str,
        body: &'a str,
    ) -> BoxFuture<'a, Result<(), DeliveryError>> {
        Box::pin(async move {
            self.post(
                &self.messages_url,
                &[("To", to), ("From", &self.from), ("Body", body)],
            )
            .await
        })
    }

    fn call<'a>(&'a self, to: &'a str, twiml: &'a str) -> BoxFuture<'a, Result<(), DeliveryError>> {
        Box::pin(async move {
            self.post(
                &self.calls_url,
                &[("To", to), ("From", &self.from), ("Twiml", twiml)],
            )
            .await
        })
    }

    /// Reads the account (`GET …/Accounts/{sid}.json`): it answers, and takes our credentials.
    fn check(&self) -> BoxFuture<'_, Result<String, String>> {
        Box::pin(async move {
            let response = self
                .client
                .get(&self.account_url)
                .basic_auth(&self.account_sid, Some(&self.auth_token))
                .send()
                .await
                .map_err(|e| format!("the SMS gateway cannot be reached: {}", without_url(&e)))?;
            match response.status() {
                s if s.is_success() => {
                    Ok("the SMS gateway answers and takes the credentials".to_owned())
                }
                s if s.as_u16() == 401 || s.as_u16() == 403 => Err(format!(
                    "the SMS gateway refuses the credentials (HTTP {s})"
                )),
                s => Err(format!("the SMS gateway answers HTTP {s}")),
            }
        })
    }
}
