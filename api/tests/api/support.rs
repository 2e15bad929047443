//! Real peers for the delivery tests: an SMTP server that speaks SMTP over TCP and keeps what
//! it receives, and helpers around the HTTP stub of the SMS/voice gateway.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

/// One message as the SMTP server received it.
#[derive(Clone, Debug)]
pub struct Mail {
    pub from: String,
    pub to: Vec<String>,
    /// Headers and body as sent (dot-unstuffed, soft line breaks of quoted-printable joined).
    pub data: String,
}

impl Mail {
    pub fn subject(&self) -> String {
        self.data
            .lines()
            .find_map(|l| l.strip_prefix("Subject: "))
            .unwrap_or("")
            .to_owned()
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
    let mut lines = BufReader::new(read).lines();
    write.write_all(b"220 test-smtp ESMTP ready\r\n").await?;
    let (mut from, mut to) = (String::new(), Vec::new());
    while let Some(line) = lines.next_line().await? {
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
            let mut data = String::new();
            while let Some(l) = lines.next_line().await? {
                if l == "." {
                    break;
                }
                let l = if l.starts_with("..") {
                    l[1..].to_owned()
                } else {
                    l
                };
                data.push_str(&l);
                data.push('\n');
            }
            let data = quoted_printable(&data.replace("=\n", ""));
            mails.lock().unwrap().push(Mail {
                from: from.clone(),
                to: to.clone(),
                data,
            });
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

/// Decodes `=XX` escapes (lettre sends text parts quoted-printable when it must).
fn quoted_printable(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3).unwrap_or(b"zz")).unwrap_or("zz");
            if let Ok(b) = u8::from_str_radix(hex, 16) {
                if hex
                    .chars()
                    .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
                {
                    out.push(b);
                    i += 3;
                    continue;
                }
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn angle(line: &str) -> String {
    line.split_once('<')
        .and_then(|(_, r)| r.split_once('>'))
        .map(|(a, _)| a.to_owned())
        .unwrap_or_default()
}

/// Decodes `application/x-www-form-urlencoded`.
pub fn form(body: &[u8]) -> Vec<(String, String)> {
    let text = String::from_utf8_lossy(body);
    text.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect()
}

fn decode(s: &str) -> String {
    let bytes = s.replace('+', " ").into_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(
                std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"),
                16,
            ) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
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
