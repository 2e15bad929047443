//! Real peers for the delivery tests: an SMTP server that speaks SMTP over TCP and keeps what
//! it receives, and helpers around the HTTP stub of the SMS/voice gateway.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use mail_parser::{Address, HeaderValue, PartType};
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

/// One message as the SMTP server received it, parsed with `mail-parser`: MIME parts, transfer
/// encodings (quoted-printable, base64), charsets and RFC 2047 encoded words are decoded.
#[derive(Clone, Debug)]
pub struct Mail {
    /// The envelope sender (`MAIL FROM`).
    pub from: String,
    /// The envelope recipients (`RCPT TO`).
    pub to: Vec<String>,
    /// The message as a reader sees it, for searching: every header, decoded, one a line as
    /// `Name: value`, then a blank line and every text part (plain and HTML), decoded.
    pub data: String,
    headers: Vec<(String, String)>,
    text: String,
    html: String,
}

impl Mail {
    /// Parses the message `raw` (as sent after `DATA`, dot-unstuffed) of the envelope `from`/`to`.
    pub fn parse(from: String, to: Vec<String>, raw: &[u8]) -> Self {
        let Some(message) = mail_parser::MessageParser::default().parse(raw) else {
            // No header at all: keep what came, for the failure message of a test.
            let data = String::from_utf8_lossy(raw).into_owned();
            return Self {
                from,
                to,
                text: data.clone(),
                data,
                headers: Vec::new(),
                html: String::new(),
            };
        };
        let headers: Vec<(String, String)> = message
            .headers()
            .iter()
            .map(|h| {
                let raw_value = raw
                    .get(h.offset_start as usize..h.offset_end as usize)
                    .unwrap_or_default();
                (h.name().to_owned(), header_value(h.value(), raw_value))
            })
            .collect();
        let body = |part: Option<&mail_parser::MessagePart<'_>>| {
            part.and_then(mail_parser::MessagePart::text_contents)
                .unwrap_or_default()
                .to_owned()
        };
        let text = body(
            message
                .text_bodies()
                .find(|p| matches!(p.body, PartType::Text(_))),
        );
        let html = body(
            message
                .html_bodies()
                .find(|p| matches!(p.body, PartType::Html(_))),
        );
        let mut data: String = headers
            .iter()
            .map(|(name, value)| format!("{name}: {value}\n"))
            .collect();
        for part in &message.parts {
            if let PartType::Text(t) | PartType::Html(t) = &part.body {
                data.push('\n');
                data.push_str(t);
                data.push('\n');
            }
        }
        Self {
            from,
            to,
            data,
            headers,
            text,
            html,
        }
    }

    /// The decoded `Subject`, or "" when there is none.
    pub fn subject(&self) -> String {
        self.header("Subject").unwrap_or("").to_owned()
    }

    /// The first header `name` (any case), decoded; addresses as `Name <address>`, comma-separated.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The plain-text body, decoded ("" when there is none).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The HTML body, decoded ("" when there is none).
    pub fn html(&self) -> &str {
        &self.html
    }
}

fn header_value(value: &HeaderValue<'_>, raw: &[u8]) -> String {
    fn mailbox(a: &mail_parser::Addr<'_>) -> String {
        match (a.name(), a.address()) {
            (Some(name), Some(address)) => format!("{name} <{address}>"),
            (name, address) => name.or(address).unwrap_or_default().to_owned(),
        }
    }
    let list = |l: &[mail_parser::Addr<'_>]| l.iter().map(mailbox).collect::<Vec<_>>().join(", ");
    match value {
        HeaderValue::Address(Address::List(l)) => list(l),
        HeaderValue::Address(Address::Group(groups)) => groups
            .iter()
            .map(|g| {
                format!(
                    "{}: {};",
                    g.name.as_deref().unwrap_or(""),
                    list(&g.addresses)
                )
            })
            .collect::<Vec<_>>()
            .join(" "),
        HeaderValue::Text(t) => t.to_string(),
        HeaderValue::TextList(l) => l.join(", "),
        HeaderValue::DateTime(d) => d.to_rfc3339(),
        // Content-Type, Received, …: as sent, unfolded.
        _ => String::from_utf8_lossy(raw)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// A small SMTP server: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT. It can be stopped
/// (closing every open connection, as a crashed server would) and started again on its port.
pub struct TestSmtp {
    pub port: u16,
    mails: Arc<Mutex<Vec<Mail>>>,
    tasks: Arc<Mutex<Vec<JoinHandle<()>>>>,
}

impl TestSmtp {
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let smtp = Self {
            port,
            mails: Arc::default(),
            tasks: Arc::default(),
        };
        smtp.serve(listener);
        smtp
    }

    fn serve(&self, listener: TcpListener) {
        let (mails, tasks) = (self.mails.clone(), self.tasks.clone());
        let acceptor = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let mails = mails.clone();
                let handler = tokio::spawn(async move {
                    let _ = session(stream, mails).await;
                });
                tasks.lock().unwrap().push(handler);
            }
        });
        self.tasks.lock().unwrap().push(acceptor);
    }

    /// Closes the listener and every connection.
    pub fn stop(&self) {
        for task in self.tasks.lock().unwrap().drain(..) {
            task.abort();
        }
    }

    /// Listens again on the same port.
    pub async fn restart(&self) {
        let mut tries = 0;
        let listener = loop {
            match TcpListener::bind(("127.0.0.1", self.port)).await {
                Ok(l) => break l,
                Err(e) if tries < 50 => {
                    tries += 1;
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
                Err(e) => panic!("cannot listen on {} again: {e}", self.port),
            }
        };
        self.serve(listener);
    }

    pub fn mails_to(&self, address: &str) -> Vec<Mail> {
        self.mails
            .lock()
            .unwrap()
            .iter()
            .filter(|m| m.to.iter().any(|t| t.eq_ignore_ascii_case(address)))
            .cloned()
            .collect()
    }

    /// Waits (up to 10 s) until `count` messages to `address` have arrived, and returns them.
    pub async fn wait_for(&self, address: &str, count: usize) -> Vec<Mail> {
        self.wait_for_within(address, count, 10).await
    }

    /// Waits up to `seconds` until `count` messages to `address` have arrived.
    pub async fn wait_for_within(&self, address: &str, count: usize, seconds: u64) -> Vec<Mail> {
        for _ in 0..seconds * 50 {
            let mails = self.mails_to(address);
            if mails.len() >= count {
                return mails;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!(
            "{count} message(s) to {address} did not arrive; got {:?}",
            self.mails_to(address).len()
        );
    }

    /// Waits (up to 10 s) for the `nth` (from 1) email with a code to `address`, and returns its
    /// code.
    pub async fn nth_code(&self, address: &str, nth: usize) -> String {
        for _ in 0..500 {
            let codes: Vec<String> = self
                .mails_to(address)
                .iter()
                .filter_map(|m| code_after(&m.data, "verification code is:"))
                .collect();
            if codes.len() >= nth {
                return codes[nth - 1].clone();
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("code number {nth} to {address} did not arrive");
    }

    /// The code in the latest verification email to `address`.
    pub async fn code_for(&self, address: &str) -> String {
        let mails = self.wait_for(address, 1).await;
        let mail = mails.last().unwrap();
        code_after(&mail.data, "verification code is:")
            .unwrap_or_else(|| panic!("no code in {}", mail.data))
    }
}

impl Drop for TestSmtp {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The first run of digits after `marker`.
pub fn code_after(text: &str, marker: &str) -> Option<String> {
    let start = text.find(marker)? + marker.len();
    let digits: String = text[start..]
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    (!digits.is_empty()).then_some(digits)
}

async fn session(
    stream: tokio::net::TcpStream,
    mails: Arc<Mutex<Vec<Mail>>>,
) -> std::io::Result<()> {
    let (read, mut write) = stream.into_split();
    let mut read = BufReader::new(read);
    write.write_all(b"220 test-smtp ESMTP ready\r\n").await?;
    let (mut from, mut to) = (String::new(), Vec::new());
    while let Some(line) = next_line(&mut read).await? {
        let line = String::from_utf8_lossy(&line).into_owned();
        let upper = line.to_ascii_uppercase();
        let reply: &[u8] = if upper.starts_with("EHLO") {
            b"250-test-smtp\r\n250 8BITMIME\r\n"
        } else if upper.starts_with("HELO") || upper.starts_with("NOOP") {
            b"250 OK\r\n"
        } else if upper.starts_with("MAIL FROM:") {
            from = angle(&line);
            to.clear();
            b"250 OK\r\n"
        } else if upper.starts_with("RCPT TO:") {
            to.push(angle(&line));
            b"250 OK\r\n"
        } else if upper == "DATA" {
            write.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await?;
            let mut raw = Vec::new();
            while let Some(l) = next_line(&mut read).await? {
                if l == b"." {
                    break;
                }
                // RFC 5321 4.5.2: the client doubled every dot that starts a line.
                raw.extend_from_slice(l.strip_prefix(b".").unwrap_or(&l));
                raw.extend_from_slice(b"\r\n");
            }
            let mail = Mail::parse(from.clone(), to.clone(), &raw);
            mails.lock().unwrap().push(mail);
            b"250 OK queued\r\n"
        } else if upper.starts_with("RSET") {
            to.clear();
            b"250 OK\r\n"
        } else if upper.starts_with("QUIT") {
            write.write_all(b"221 bye\r\n").await?;
            return Ok(());
        } else {
            b"502 command not implemented\r\n"
        };
        write.write_all(reply).await?;
    }
    Ok(())
}

/// One line as bytes (8-bit mail need not be UTF-8), without its CRLF; `None` at the end.
async fn next_line<R: AsyncBufRead + Unpin>(read: &mut R) -> std::io::Result<Option<Vec<u8>>> {
    let mut line = Vec::new();
    if read.read_until(b'\n', &mut line).await? == 0 {
        return Ok(None);
    }
    if line.ends_with(b"\n") {
        line.pop();
    }
    if line.ends_with(b"\r") {
        line.pop();
    }
    Ok(Some(line))
}

fn angle(line: &str) -> String {
    line.split_once('<')
        .and_then(|(_, r)| r.split_once('>'))
        .map(|(a, _)| a.to_owned())
        .unwrap_or_default()
}

/// Decodes `application/x-www-form-urlencoded` (the body of a gateway request).
pub fn form(body: &[u8]) -> Vec<(String, String)> {
    serde_urlencoded::from_bytes(body)
        .unwrap_or_else(|e| panic!("not a form ({e}): {}", String::from_utf8_lossy(body)))
}

pub const SMS_SID: &str = "AC0123456789";
pub const SMS_TOKEN: &str = "gateway-token-secret";
pub const SMS_FROM: &str = "+15005550006";

/// Stands up the gateway stub: it answers only requests with the exact path, basic auth and
/// content type a Twilio-compatible gateway expects (anything else gets wiremock's 404, which
/// the service reports as a refused delivery).
pub async fn gateway() -> wiremock::MockServer {
    use wiremock::matchers::{basic_auth, header, method, path};
    use wiremock::{Mock, ResponseTemplate};
    let server = wiremock::MockServer::start().await;
    for (resource, sid_prefix) in [("Messages.json", "SM"), ("Calls.json", "CA")] {
        Mock::given(method("POST"))
            .and(path(format!("/2010-04-01/Accounts/{SMS_SID}/{resource}")))
            .and(basic_auth(SMS_SID, SMS_TOKEN))
            .and(header("content-type", "application/x-www-form-urlencoded"))
            .respond_with(
                ResponseTemplate::new(201)
                    .set_body_json(serde_json::json!({"sid": format!("{sid_prefix}0001")})),
            )
            .mount(&server)
            .await;
    }
    server
}

/// The form fields of every request the gateway received at `resource` for `to`.
pub async fn gateway_requests(
    server: &wiremock::MockServer,
    resource: &str,
    to: &str,
) -> Vec<Vec<(String, String)>> {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .filter(|r| r.url.path().ends_with(resource))
        .map(|r| form(&r.body))
        .filter(|f| f.iter().any(|(k, v)| k == "To" && v == to))
        .collect()
}

pub fn field<'a>(form: &'a [(String, String)], name: &str) -> &'a str {
    form.iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}
