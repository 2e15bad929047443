//! The words of every message. Plain functions of their inputs: each value is escaped for HTML
//! (and TwiML) where it is placed, so a display name like `<script>` arrives as text.

use chrono::{DateTime, Utc};

use super::EmailMessage;
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

fn helpdesk_text(h: &CustomizationPolicy) -> String {
    match (&h.helpdesk_url, &h.helpdesk_email) {
        (Some(url), _) => format!("If you need help, visit {url}"),
        (None, Some(email)) => format!("If you need help, write to {email}"),
        (None, None) => "If you need help, contact your helpdesk.".to_owned(),
    }
}

fn helpdesk_html(h: &CustomizationPolicy) -> String {
    match (&h.helpdesk_url, &h.helpdesk_email) {
        (Some(url), _) => format!(
            "If you need help, visit <a href=\"{0}\">{0}</a>.",
            escape(url)
        ),
        (None, Some(email)) => format!(
            "If you need help, write to <a href=\"mailto:{0}\">{0}</a>.",
            escape(email)
        ),
        (None, None) => "If you need help, contact your helpdesk.".to_owned(),
    }
}

fn page(org: &str, body_html: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{org}</title></head>\
         <body style=\"font-family: sans-serif; line-height: 1.5; color: #1b1b1b\">\
         <h1 style=\"font-size: 1.25rem\">{org}</h1>{body_html}</body></html>",
        org = escape(org)
    )
}

/// A verification code by email.
pub fn code_email(
    org: &str,
    to: &str,
    code: &str,
    minutes: i64,
    helpdesk: &CustomizationPolicy,
) -> EmailMessage {
    let text = format!(
        "Your {org} verification code is:\n\n    {code}\n\nIt expires in {minutes} minutes. \
         Nobody from {org} will ever ask you for it.\nIf you did not ask for this code, you can ignore this message.\n\n{}\n",
        helpdesk_text(helpdesk)
    );
    let html = page(
        org,
        &format!(
            "<p>Your verification code is:</p><p style=\"font-size: 1.75rem; letter-spacing: 0.2em\"><strong>{code}</strong></p>\
             <p>It expires in {minutes} minutes. Nobody from {org} will ever ask you for it.</p>\
             <p>If you did not ask for this code, you can ignore this message.</p><p>{}</p>",
            helpdesk_html(helpdesk),
            org = escape(org),
        ),
    );
    EmailMessage {
        to: to.to_owned(),
        subject: format!("Your {org} verification code"),
        text,
        html,
    }
}

/// A verification code by text message.
pub fn code_sms(org: &str, code: &str, minutes: i64) -> String {
    format!(
        "{code} is your {org} verification code. It expires in {minutes} minutes. Do not share it."
    )
}

/// A verification code read out in a call, digit by digit, twice.
pub fn code_twiml(org: &str, code: &str) -> String {
    let digits = code
        .chars()
        .map(String::from)
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "<Response><Say>Your {org} verification code is {digits}. Again: {digits}.</Say></Response>",
        org = escape(org)
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
        helpdesk_text(helpdesk)
    );
    let html = page(
        org,
        &format!(
            "<p>Hello {name},</p><p>The security info of your account changed on {when}: <strong>{change}</strong>.</p>\
             <p>If this was you, there is nothing to do. If it was not, someone else may have access to your \
             account: change your password and tell your helpdesk now.</p><p>{}</p>",
            helpdesk_html(helpdesk),
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
        helpdesk_text(helpdesk)
    );
    let html = page(
        org,
        &format!(
            "<p>Hello {name},</p><p>{body}</p>{link_html}<p>If this was not you, tell your helpdesk now.</p><p>{}</p>",
            helpdesk_html(helpdesk),
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
        assert!(code_twiml("A & B", "0123").contains("A &amp; B"));
    }

    #[test]
    fn codes_keep_leading_zeros_and_are_read_digit_by_digit() {
        assert!(code_sms("Org", "012345", 10).starts_with("012345 "));
        assert!(code_twiml("Org", "012").contains("0, 1, 2. Again: 0, 1, 2."));
        let email = code_email(
            "Org",
            "a@b.c",
            "00123456",
            10,
            &CustomizationPolicy {
                helpdesk_url: None,
                helpdesk_email: None,
            },
        );
        assert!(email.text.contains("00123456") && email.html.contains("00123456"));
    }
}
