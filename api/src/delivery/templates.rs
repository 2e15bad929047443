//! The words of every message. Plain functions of their inputs: each value is escaped for HTML
//! (and TwiML) where it is placed, so a display name like `<script>` arrives as text.

use chrono::{DateTime, Utc};

use super::EmailMessage;
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

/// A verification code by email, in `lang`.
pub fn code_email(
    lang: Lang,
    org: &str,
    to: &str,
    code: &str,
    minutes: i64,
    helpdesk: &CustomizationPolicy,
) -> EmailMessage {
    let org_arg = [("org", Arg::Text(org))];
    let expiry = words(
        lang,
        "code-email-expiry",
        &[("org", Arg::Text(org)), ("minutes", Arg::Number(minutes))],
    );
    let ignore = words(lang, "code-email-ignore", &[]);
    let text = format!(
        "{}\n\n    {code}\n\n{expiry}\n{ignore}\n\n{}\n",
        words(lang, "code-email-intro", &org_arg),
        helpdesk_text(lang, helpdesk)
    );
    let html = page(
        lang,
        org,
        &format!(
            "<p>{}</p><p style=\"font-size: 1.75rem; letter-spacing: 0.2em\"><strong>{code}</strong></p>\
             <p>{}</p><p>{}</p><p>{}</p>",
            escape(&words(lang, "code-email-html-intro", &[])),
            escape(&expiry),
            escape(&ignore),
            helpdesk_html(lang, helpdesk),
        ),
    );
    EmailMessage {
        to: to.to_owned(),
        subject: words(lang, "code-email-subject", &org_arg),
        text,
        html,
    }
}

/// A verification code by text message, in `lang`.
pub fn code_sms(lang: Lang, org: &str, code: &str, minutes: i64) -> String {
    words(
        lang,
        "code-sms",
        &[
            ("code", Arg::Text(code)),
            ("org", Arg::Text(org)),
            ("minutes", Arg::Number(minutes)),
        ],
    )
}

/// A verification code read out in a call, digit by digit, twice, by a voice of `lang`.
pub fn code_twiml(lang: Lang, org: &str, code: &str) -> String {
    let digits = code
        .chars()
        .map(String::from)
        .collect::<Vec<_>>()
        .join(", ");
    let said = words(
        lang,
        "code-voice",
        &[("org", Arg::Text(org)), ("digits", Arg::Text(&digits))],
    );
    format!(
        "<Response><Say language=\"{}\">{}</Say></Response>",
        lang.voice(),
        escape(&said)
    )
}

/// "Your security info changed" to the person's address (and to a replaced address).
pub fn security_info_changed(
    org: &str,
    to: &str,
    display_name: &str,
    change: &str,
    at: DateTime<Utc>,
    helpdesk: &CustomizationPolicy,
) -> EmailMessage {
    let when = at.format("%Y-%m-%d %H:%M UTC");
    let text = format!(
        "Hello {display_name},\n\nThe security info of your {org} account changed on {when}: {change}.\n\n\
         If this was you, there is nothing to do. If it was not, someone else may have access to your \
         account: change your password and tell your helpdesk now.\n\n{}\n",
        helpdesk_text(Lang::En, helpdesk)
    );
    let html = page(
        Lang::En,
        org,
        &format!(
            "<p>Hello {name},</p><p>The security info of your account changed on {when}: <strong>{change}</strong>.</p>\
             <p>If this was you, there is nothing to do. If it was not, someone else may have access to your \
             account: change your password and tell your helpdesk now.</p><p>{}</p>",
            helpdesk_html(Lang::En, helpdesk),
            name = escape(display_name),
            change = escape(change),
        ),
    );
    EmailMessage {
        to: to.to_owned(),
        subject: format!("Your {org} security info changed"),
        text,
        html,
    }
}

/// A short notice about the account ("Your Example Corp password was reset"), with an optional
/// link built from the configured public URL.
pub fn notice(
    org: &str,
    to: &str,
    display_name: &str,
    what: &str,
    text: &str,
    link: Option<(&str, &str)>,
    helpdesk: &CustomizationPolicy,
) -> EmailMessage {
    let link_text = link
        .map(|(label, url)| format!("\n{label}: {url}\n"))
        .unwrap_or_default();
    let link_html = link
        .map(|(label, url)| format!("<p><a href=\"{0}\">{1}</a></p>", escape(url), escape(label)))
        .unwrap_or_default();
    let body_text = format!(
        "Hello {display_name},\n\n{text}\n{link_text}\nIf this was not you, tell your helpdesk now.\n\n{}\n",
        helpdesk_text(Lang::En, helpdesk)
    );
    let html = page(
        Lang::En,
        org,
        &format!(
            "<p>Hello {name},</p><p>{body}</p>{link_html}<p>If this was not you, tell your helpdesk now.</p><p>{}</p>",
            helpdesk_html(Lang::En, helpdesk),
            name = escape(display_name),
            body = escape(text),
        ),
    );
    EmailMessage {
        to: to.to_owned(),
        subject: format!("Your {org} {what}"),
        text: body_text,
        html,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_data_is_escaped_in_html_and_twiml() {
        let h = CustomizationPolicy {
            helpdesk_url: Some("https://help.example.com/?a=1&b=2".into()),
            helpdesk_email: None,
            default_language: Lang::En,
        };
        let m = security_info_changed(
            "Org",
            "a@b.c",
            "<script>x</script>",
            "email added",
            Utc::now(),
            &h,
        );
        assert!(m.html.contains("&lt;script&gt;"));
        assert!(!m.html.contains("<script>"));
        assert!(m.html.contains("a=1&amp;b=2"));
        assert!(code_twiml(Lang::En, "A & B", "0123").contains("A &amp; B"));
    }

    #[test]
    fn codes_keep_leading_zeros_and_are_read_digit_by_digit() {
        assert!(code_sms(Lang::En, "Org", "012345", 10).starts_with("012345 "));
        assert!(code_twiml(Lang::En, "Org", "012").contains("0, 1, 2. Again: 0, 1, 2."));
        let email = code_email(
            Lang::En,
            "Org",
            "a@b.c",
            "00123456",
            10,
            &CustomizationPolicy {
                helpdesk_url: None,
                helpdesk_email: None,
                default_language: Lang::En,
            },
        );
        assert!(email.text.contains("00123456") && email.html.contains("00123456"));
    }

    #[test]
    fn codes_are_written_and_read_out_in_the_language_asked_for() {
        let h = CustomizationPolicy {
            helpdesk_url: None,
            helpdesk_email: Some("help@example.com".into()),
            default_language: Lang::De,
        };
        let de = code_email(Lang::De, "Org", "a@b.c", "123456", 10, &h);
        assert_eq!(de.subject, "Ihr Bestätigungscode für Org");
        assert!(de.text.contains("10 Minuten") && de.html.contains("lang=\"de\""));
        assert!(
            de.html
                .contains("<a href=\"mailto:help@example.com\">help@example.com</a>")
        );
        let ar = code_email(Lang::Ar, "Org", "a@b.c", "123456", 2, &h);
        assert!(ar.html.contains("dir=\"rtl\"") && ar.text.contains("دقيقتين"));
        assert!(code_sms(Lang::Fr, "Org", "123456", 10).contains("10 minutes"));
        assert!(
            code_twiml(Lang::Es, "Org", "12").starts_with("<Response><Say language=\"es-ES\">")
        );
    }
}
