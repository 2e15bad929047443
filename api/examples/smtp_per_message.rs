//! What one email costs on the wire: sends `--messages` (200) messages one after another over
//! loopback to a minimal SMTP server started here, first with lettre's own transport and pool
//! (what sspr used before: no `TCP_NODELAY`), then with sspr's mailer (`delivery::smtp`), and
//! prints milliseconds per message for each (the first message, which opens the connection,
//! is left out).
//!
//!     cargo run --release -p sspr-api --example smtp_per_message -- --messages 200

// A measurement run by hand: any failure ends it at once, with its message.
#![allow(clippy::expect_used, clippy::panic)]

use std::time::Instant;

use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport as _, Message, Tokio1Executor};
use sspr::delivery::smtp::SmtpMailer;
use sspr::delivery::{EmailMessage, Mailer as _};
use tokio::io::{AsyncBufReadExt as _, AsyncWriteExt as _, BufReader};
use tokio::net::TcpListener;

#[tokio::main]
async fn main() {
    let mut messages = 200usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--messages" => {
                messages = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--messages N")
            }
            other => panic!("unknown argument {other}"),
        }
    }
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("address").port();
    tokio::spawn(sink(listener));

    let message = EmailMessage {
        to: "person@example.com".into(),
        subject: "Your code".into(),
        text: "Your code is 12345678.\n".repeat(20),
        html: format!("<p>{}</p>", "Your code is 12345678. ".repeat(20)),
    };

    let lettre_transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous("127.0.0.1")
        .port(port)
        .build();
    let from: Mailbox = "sspr@example.com".parse().expect("from");
    let to: Mailbox = message.to.parse().expect("to");
    let lettre_ms = per_message(messages, || async {
        let email = Message::builder()
            .from(from.clone())
            .to(to.clone())
            .subject(message.subject.clone())
            .multipart(lettre::message::MultiPart::alternative_plain_html(
                message.text.clone(),
                message.html.clone(),
            ))
            .expect("message");
        lettre_transport.send(email).await.expect("lettre send");
    })
    .await;

    let mailer =
        SmtpMailer::new(&format!("smtp://127.0.0.1:{port}"), "sspr@example.com").expect("mailer");
    let sspr_ms = per_message(messages, || async {
        mailer.send(&message).await.expect("sspr send");
    })
    .await;

    println!("| transport | messages | ms per message | messages/s on one connection |");
    println!("|---|---|---|---|");
    for (name, ms) in [
        ("lettre 0.11.23 transport (no TCP_NODELAY)", lettre_ms),
        ("sspr `delivery::smtp` (TCP_NODELAY)", sspr_ms),
    ] {
        println!("| {name} | {messages} | {ms:.2} | {:.0} |", 1000.0 / ms);
    }
}

/// Milliseconds per message over `n` sends, the first one (which connects) excluded.
async fn per_message<F, Fut>(n: usize, send: F) -> f64
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    send().await;
    let began = Instant::now();
    for _ in 0..n {
        send().await;
    }
    began.elapsed().as_secs_f64() * 1000.0 / n as f64
}

/// A minimal SMTP server: accepts every command and every message.
async fn sink(listener: TcpListener) {
    loop {
        let Ok((socket, _)) = listener.accept().await else {
            return;
        };
        tokio::spawn(async move {
            let (read, mut write) = socket.into_split();
            let mut lines = BufReader::new(read);
            let _ = write.write_all(b"220 sink ESMTP\r\n").await;
            let mut line = String::new();
            let mut in_data = false;
            loop {
                line.clear();
                match lines.read_line(&mut line).await {
                    Ok(0) | Err(_) => return,
                    Ok(_) => {}
                }
                let reply: &[u8] = if in_data {
                    if line != ".\r\n" {
                        continue;
                    }
                    in_data = false;
                    b"250 queued\r\n"
                } else {
                    let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
                    match verb.as_str() {
                        "EHLO" => b"250-sink\r\n250 8BITMIME\r\n",
                        "DATA" => {
                            in_data = true;
                            b"354 go on\r\n"
                        }
                        "QUIT" => {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            return;
                        }
                        _ => b"250 ok\r\n",
                    }
                };
                if write.write_all(reply).await.is_err() {
                    return;
                }
            }
        });
    }
}
