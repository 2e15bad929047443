//! The test peers read what the service sends as a mail client and a web server would: each
//! message through `mail-parser` (base64 and quoted-printable parts, multipart bodies, RFC 2047
//! words in headers), each gateway form through `serde_urlencoded`. Messages go to `TestSmtp`
//! over SMTP with lettre, as the service sends them.

use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport as _, Message, Tokio1Executor};

use crate::support::{Mail, TestSmtp, code_after, field, form};

async fn send(smtp: &TestSmtp, message: Message) {
    AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous("127.0.0.1")
        .port(smtp.port)
        .build()
        .send(message)
        .await
        .unwrap();
}

fn mailbox(text: &str) -> Mailbox {
    text.parse().unwrap()
}

fn base64_plain(text: &str) -> SinglePart {
    SinglePart::builder()
        .header(ContentType::TEXT_PLAIN)
        .header(ContentTransferEncoding::Base64)
        .body(text.to_owned())
}

async fn only_mail(smtp: &TestSmtp, address: &str) -> Mail {
    let mut mails = smtp.wait_for(address, 1).await;
    assert_eq!(mails.len(), 1);
    mails.pop().unwrap()
}

#[tokio::test]
async fn a_base64_text_part_is_decoded() {
    let smtp = TestSmtp::start().await;
    let message = Message::builder()
        .from(mailbox("no-reply@example.com"))
        .to(mailbox("ann@example.com"))
        .subject("Your Example Corp verification code")
        .singlepart(base64_plain(
            "Hello,\r\n\r\nYour verification code is: 12345678\r\n\r\nIt expires soon.\r\n",
        ))
        .unwrap();
    send(&smtp, message).await;

    assert_eq!(smtp.code_for("ann@example.com").await, "12345678");
    let mail = only_mail(&smtp, "ann@example.com").await;
    assert!(mail.data.contains("It expires soon."), "{}", mail.data);
    assert!(!mail.data.contains("WW91ciB2"), "{}", mail.data);
    assert_eq!(mail.subject(), "Your Example Corp verification code");
    assert_eq!(
        mail.text(),
        "Hello,\r\n\r\nYour verification code is: 12345678\r\n\r\nIt expires soon.\r\n"
    );
}

#[tokio::test]
async fn a_multipart_alternative_message_is_read_part_by_part() {
    let smtp = TestSmtp::start().await;
    let plain = "Bonjour,\r\nVotre code de vérification est : 24680135\r\nYour verification code is: 24680135\r\n";
    let html = "<p>Votre code de vérification est : <b>24680135</b></p>\
                <p><a href=\"https://sspr.example.com/recover?purpose=reset_password\">Réinitialiser</a></p>";
    let message = Message::builder()
        .from(mailbox("no-reply@example.com"))
        .to(mailbox("bea@example.com"))
        .subject("Votre code de vérification Example Corp")
        .multipart(
            MultiPart::alternative()
                .singlepart(base64_plain(plain))
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_HTML)
                        .header(ContentTransferEncoding::QuotedPrintable)
                        .body(html.to_owned()),
                ),
        )
        .unwrap();
    send(&smtp, message).await;

    assert_eq!(smtp.code_for("bea@example.com").await, "24680135");
    let mail = only_mail(&smtp, "bea@example.com").await;
    assert_eq!(mail.subject(), "Votre code de vérification Example Corp");
    assert!(
        mail.data
            .contains("Votre code de vérification est : 24680135"),
        "{}",
        mail.data
    );
    assert!(
        mail.data
            .contains("href=\"https://sspr.example.com/recover?purpose=reset_password\""),
        "{}",
        mail.data
    );
    assert_eq!(mail.text(), plain);
    assert_eq!(mail.html(), html);
    assert!(
        mail.header("content-type")
            .unwrap()
            .starts_with("multipart/alternative;")
    );
    assert_eq!(
        code_after(mail.text(), "verification code is:").as_deref(),
        Some("24680135")
    );
}

#[tokio::test]
async fn non_ascii_display_names_are_decoded() {
    let smtp = TestSmtp::start().await;
    let message = Message::builder()
        .from(mailbox("Zoë Exämple Corp <no-reply@example.com>"))
        .to(mailbox("Jürgen Groß <jurgen@example.com>"))
        .cc(mailbox("\"Ünal, Ayşe\" <ayse@example.com>"))
        .subject("Your Example Corp security info changed")
        .body("An email address was added.\r\n".to_owned())
        .unwrap();
    send(&smtp, message).await;

    let mail = only_mail(&smtp, "jurgen@example.com").await;
    assert_eq!(mail.from, "no-reply@example.com");
    assert_eq!(mail.to, ["jurgen@example.com", "ayse@example.com"]);
    assert_eq!(smtp.mails_to("ayse@example.com").len(), 1);
    assert!(
        mail.data
            .contains("From: Zoë Exämple Corp <no-reply@example.com>\n"),
        "{}",
        mail.data
    );
    assert!(
        mail.data.contains("To: Jürgen Groß <jurgen@example.com>\n"),
        "{}",
        mail.data
    );
    assert_eq!(
        mail.header("From"),
        Some("Zoë Exämple Corp <no-reply@example.com>")
    );
    assert_eq!(mail.header("to"), Some("Jürgen Groß <jurgen@example.com>"));
    assert_eq!(mail.header("Cc"), Some("Ünal, Ayşe <ayse@example.com>"));
    assert_eq!(mail.text().trim_end(), "An email address was added.");
}

#[tokio::test]
async fn a_line_that_starts_with_a_dot_keeps_it() {
    let smtp = TestSmtp::start().await;
    let message = Message::builder()
        .from(mailbox("no-reply@example.com"))
        .to(mailbox("cy@example.com"))
        .subject("Dots")
        .body(".one\r\n..two\r\n.\r\nend\r\n".to_owned())
        .unwrap();
    send(&smtp, message).await;
    let mail = only_mail(&smtp, "cy@example.com").await;
    // (lettre ends the data with a line break of its own before the final dot.)
    assert_eq!(mail.text().trim_end(), ".one\r\n..two\r\n.\r\nend");
}

#[test]
fn a_form_is_fully_decoded() {
    let fields = form(b"To=%2B15005550006&From=%2B15005550001&Body=caf%C3%A9");
    assert_eq!(field(&fields, "To"), "+15005550006");
    assert_eq!(field(&fields, "From"), "+15005550001");
    assert_eq!(field(&fields, "Body"), "café");
    let fields = form(b"Body=12345678+is+your+code%2C+50%25&Twiml=%3CSay%3Eok%3C%2FSay%3E");
    assert_eq!(field(&fields, "Body"), "12345678 is your code, 50%");
    assert_eq!(field(&fields, "Twiml"), "<Say>ok</Say>");
    assert_eq!(form(b"A=%E2%82%AC")[0], ("A".to_owned(), "€".to_owned()));
    assert!(form(b"").is_empty());
}
