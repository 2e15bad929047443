//! How every message is laid out: an email's text and HTML parts (the words come from
//! [`super::notices`]), a text message, a call's TwiML. The HTML part escapes the whole text,
//! wording and values alike, so a display name like `<script>` arrives as text.

use super::EmailMessage;
use chrono::{DateTime, Utc};

use super::notices::{MessageWording, Notice, Var, Vars, check_one, wording};
use crate::error::{Error, FieldError};
use crate::i18n::{Arg, Lang, text as words};
use crate::policy::CustomizationPolicy;

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn helpdesk_text(lang: Lang, h: &CustomizationPolicy) -> String {
    match (&h.helpdesk_url, &h.helpdesk_email) {
        (Some(url), _) => words(lang, "helpdesk-visit", &[("url", Arg::Text(url))]),
        (None, Some(email)) => words(lang, "helpdesk-write", &[("email", Arg::Text(email))]),
        (None, None) => words(lang, "helpdesk-contact", &[]),
    }
}

fn helpdesk_html(lang: Lang, h: &CustomizationPolicy) -> String {
    // The sentence is escaped whole, then its address becomes a link.
    match (&h.helpdesk_url, &h.helpdesk_email) {
        (Some(url), _) => {
            let url = escape(url);
            escape(&words(
                lang,
                "helpdesk-visit",
                &[("url", Arg::Text("\u{1}"))],
            ))
            .replace('\u{1}', &format!("<a href=\"{url}\">{url}</a>"))
        }
        (None, Some(email)) => {
            let email = escape(email);
            escape(&words(
                lang,
                "helpdesk-write",
                &[("email", Arg::Text("\u{1}"))],
            ))
            .replace('\u{1}', &format!("<a href=\"mailto:{email}\">{email}</a>"))
        }
        (None, None) => escape(&words(lang, "helpdesk-contact", &[])),
    }
}

fn page(lang: Lang, org: &str, body_html: &str) -> String {
    let dir = if lang == Lang::Ar { "rtl" } else { "ltr" };
    format!(
        "<!DOCTYPE html><html lang=\"{code}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"><title>{org}</title></head>\
         <body style=\"font-family: sans-serif; line-height: 1.5; color: #1b1b1b\">\
         <h1 style=\"font-size: 1.25rem\">{org}</h1>{body_html}</body></html>",
        code = lang.code(),
        org = escape(org)
    )
}

fn text_of(vars: &Vars, name: &str) -> String {
    match vars.get(name) {
        Some(Var::Text(t)) => t.clone(),
        Some(Var::Number(n)) => n.to_string(),
        None => String::new(),
    }
}

/// The body's paragraphs as HTML, every character escaped; the code of a code email stands out,
/// and the link of a notice (from configuration, never from a request) is a link.
fn paragraphs_html(body: &str, code: Option<&str>, link: Option<&str>) -> String {
    let body = body.replace("\r\n", "\n");
    let mut out = String::new();
    for paragraph in body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        if Some(paragraph) == code {
            out.push_str(&format!(
                "<p style=\"font-size: 1.75rem; letter-spacing: 0.2em\"><strong>{}</strong></p>",
                escape(paragraph)
            ));
            continue;
        }
        let mut html = escape(paragraph).replace('\n', "<br>");
        if let Some(link) = link.filter(|l| !l.is_empty()) {
            let link = escape(link);
            html = html.replace(&link, &format!("<a href=\"{link}\">{link}</a>"));
        }
        out.push_str(&format!("<p>{html}</p>"));
    }
    out
}

/// An email of `notice` to `to`, in `lang`: the words the administrators chose for that
/// language, else the catalogue's; then the helpdesk line.
pub fn email(
    lang: Lang,
    notice: Notice,
    to: &str,
    vars: &Vars,
    custom: &CustomizationPolicy,
) -> EmailMessage {
    let org = text_of(vars, "org");
    let words = wording(lang, notice, vars, &custom.messages);
    let code = (notice == Notice::CodeEmail).then(|| text_of(vars, "code"));
    let link = vars.get("link").map(|_| text_of(vars, "link"));
    let html = page(
        lang,
        &org,
        &format!(
            "{}<p>{}</p>",
            paragraphs_html(&words.body, code.as_deref(), link.as_deref()),
            helpdesk_html(lang, custom)
        ),
    );
    EmailMessage {
        to: to.to_owned(),
        subject: words.subject,
        text: format!("{}\n\n{}\n", words.body, helpdesk_text(lang, custom)),
        html,
    }
}

/// A verification code by text message, in `lang`.
pub fn code_sms(
    lang: Lang,
    org: &str,
    code: &str,
    minutes: i64,
    custom: &CustomizationPolicy,
) -> String {
    let vars = Vars::new(org).text("code", code).number("minutes", minutes);
    wording(lang, Notice::CodeSms, &vars, &custom.messages).body
}

/// A verification code read out in a call, digit by digit, twice, by a voice of `lang`.
pub fn code_twiml(lang: Lang, org: &str, code: &str, custom: &CustomizationPolicy) -> String {
    let digits = code
        .chars()
        .map(String::from)
        .collect::<Vec<_>>()
        .join(", ");
    let vars = Vars::new(org).text("digits", digits);
    let said = wording(lang, Notice::CodeVoice, &vars, &custom.messages).body;
    format!(
        "<Response><Say language=\"{}\">{}</Say></Response>",
        lang.voice(),
        escape(&said)
    )
}

/// A verification code by email, in `lang`.
pub fn code_email(
    lang: Lang,
    org: &str,
    to: &str,
    code: &str,
    minutes: i64,
    custom: &CustomizationPolicy,
) -> EmailMessage {
    let vars = Vars::new(org).text("code", code).number("minutes", minutes);
    email(lang, Notice::CodeEmail, to, &vars, custom)
}

/// A message as it would be sent.
pub struct Preview {
    /// The email's subject (none for a text message or a call).
    pub subject: Option<String>,
    /// The text part, the text message, or what the call says.
    pub text: String,
    /// The email's HTML part.
    pub html: Option<String>,
}

/// `wording` (or, without a subject and a body, the catalogue's) of its notice, filled with
/// sample values, as it would be sent under `custom`; nothing is sent or saved. A wording that
/// would not be saved is refused the same way (422, naming the line).
pub fn preview(
    wording: MessageWording,
    org: &str,
    public_url: &str,
    custom: &CustomizationPolicy,
    now: DateTime<Utc>,
) -> Result<Preview, Error> {
    let (notice, lang) = (wording.notice, wording.language);
    let mut custom = custom.clone();
    custom
        .messages
        .retain(|m| (m.notice, m.language) != (notice, lang));
    if wording.subject.is_some() || wording.body.is_some() {
        let mut errors = Vec::new();
        check_one(
            &wording,
            &|part: &str| part.to_owned(),
            &mut |field, code, message| {
                errors.push(FieldError::new(field, code, message));
            },
        );
        if !errors.is_empty() {
            return Err(Error::Validation(errors));
        }
        custom.messages.push(wording);
    }
    let vars = notice.sample(lang, org, public_url, now);
    Ok(if notice.is_email() {
        let m = email(lang, notice, "alex@example.com", &vars, &custom);
        Preview {
            subject: Some(m.subject),
            text: m.text,
            html: Some(m.html),
        }
    } else {
        Preview {
            subject: None,
            text: super::notices::wording(lang, notice, &vars, &custom.messages).body,
            html: None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn custom(lang: Lang, url: Option<&str>, email: Option<&str>) -> CustomizationPolicy {
        CustomizationPolicy {
            helpdesk_url: url.map(str::to_owned),
            helpdesk_email: email.map(str::to_owned),
            default_language: lang,
            messages: Vec::new(),
        }
    }

    #[test]
    fn user_data_and_wording_are_escaped_in_html_and_twiml() {
        let mut h = custom(Lang::En, Some("https://help.example.com/?a=1&b=2"), None);
        h.messages.push(MessageWording {
            notice: Notice::PasswordReset,
            language: Lang::En,
            subject: None,
            body: Some("<b>Hi</b> {{ name }}".into()),
        });
        let vars = Vars::new("Org")
            .text("name", "<script>x</script>")
            .when(Utc::now());
        let m = email(Lang::En, Notice::PasswordReset, "a@b.c", &vars, &h);
        assert!(m.html.contains("&lt;script&gt;") && m.html.contains("&lt;b&gt;Hi"));
        assert!(!m.html.contains("<script>") && !m.html.contains("<b>"));
        assert!(m.html.contains("a=1&amp;b=2"));
        assert!(m.text.starts_with("<b>Hi</b> <script>x</script>"));
        assert!(code_twiml(Lang::En, "A & B", "0123", &h).contains("A &amp; B"));
    }

    #[test]
    fn codes_keep_leading_zeros_and_are_read_digit_by_digit() {
        let h = custom(Lang::En, None, None);
        assert!(code_sms(Lang::En, "Org", "012345", 10, &h).starts_with("012345 "));
        assert!(code_twiml(Lang::En, "Org", "012", &h).contains("0, 1, 2. Again: 0, 1, 2."));
        let email = code_email(Lang::En, "Org", "a@b.c", "00123456", 10, &h);
        assert!(email.text.contains("00123456"));
        assert!(email.html.contains("<strong>00123456</strong>"));
    }

    #[test]
    fn codes_are_written_and_read_out_in_the_language_asked_for() {
        let h = custom(Lang::De, None, Some("help@example.com"));
        let de = code_email(Lang::De, "Org", "a@b.c", "123456", 10, &h);
        assert_eq!(de.subject, "Ihr Bestätigungscode für Org");
        assert!(de.text.contains("10 Minuten") && de.html.contains("lang=\"de\""));
        assert!(
            de.html
                .contains("<a href=\"mailto:help@example.com\">help@example.com</a>")
        );
        let ar = code_email(Lang::Ar, "Org", "a@b.c", "123456", 2, &h);
        assert!(ar.html.contains("dir=\"rtl\"") && ar.text.contains("دقيقتين"));
        assert!(code_sms(Lang::Fr, "Org", "123456", 10, &h).contains("10 minutes"));
        assert!(
            code_twiml(Lang::Es, "Org", "12", &h).starts_with("<Response><Say language=\"es-ES\">")
        );
    }

    #[test]
    fn a_notice_s_link_is_a_link() {
        let h = custom(Lang::En, None, None);
        let link = "https://sspr.example/recover?purpose=unlock_account&x=1";
        let vars = Vars::new("Org")
            .text("name", "Ann")
            .when(Utc::now())
            .number("failures", 5)
            .number("minutes", 15)
            .text("link", link);
        let m = email(Lang::En, Notice::AccountLocked, "a@b.c", &vars, &h);
        assert_eq!(m.subject, "Your Org account was locked");
        let escaped = escape(link);
        assert!(
            m.html
                .contains(&format!("<a href=\"{escaped}\">{escaped}</a>")),
            "{}",
            m.html
        );
        assert!(m.text.contains("15 minutes") && m.text.contains(link));
    }
}
