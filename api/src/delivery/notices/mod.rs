//! The messages the service sends and their words: the catalogue's (`api/locales`, in the
//! person's language) unless the administrators adjusted a message's subject or body for that
//! language in the policy (`customization.messages`). An adjusted wording is a template that
//! minijinja runs in a sandbox: no loader (so no file is read), no network, a fuel limit, and
//! only the message's documented variables (an unknown one is an error, found when the policy is
//! saved, never when a message is sent).
//!
//! A body is text, its paragraphs separated by blank lines. The email's HTML part escapes the
//! whole of it ([`super::templates`]), wording and values alike, so neither a display name nor
//! an adjusted wording can put markup in a message.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use minijinja::Value;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::i18n::{Arg, Lang, text};
use crate::methods::recovery_codes::FEW_LEFT;
use crate::policy::MethodKind;
use crate::store::ports::Accounts;

mod template;
#[cfg(test)]
mod tests;

pub use template::{TemplateError, check, check_all, check_one, render};

/// A message the service sends.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Notice {
    /// A verification code by email.
    CodeEmail,
    /// A verification code by text message.
    CodeSms,
    /// A verification code read out in a call.
    CodeVoice,
    /// A method was added, changed or removed.
    SecurityInfoChanged,
    /// The password was reset with self-service.
    PasswordReset,
    /// The account was unlocked with self-service.
    AccountUnlocked,
    /// To the other administrators: an administrator reset their password.
    AdministratorReset,
    /// A recovery code was used.
    RecoveryCodeUsed,
    /// The account was locked after failed sign-ins.
    AccountLocked,
}

/// The longest adjusted subject and body, in characters.
pub const SUBJECT_MAX: usize = 200;
pub const BODY_MAX: usize = 5_000;

impl Notice {
    pub const ALL: [Notice; 9] = [
        Notice::CodeEmail,
        Notice::CodeSms,
        Notice::CodeVoice,
        Notice::SecurityInfoChanged,
        Notice::PasswordReset,
        Notice::AccountUnlocked,
        Notice::AdministratorReset,
        Notice::RecoveryCodeUsed,
        Notice::AccountLocked,
    ];

    /// Its messages' prefix in the catalogue.
    const fn id(self) -> &'static str {
        match self {
            Notice::CodeEmail => "code-email",
            Notice::CodeSms => "code-sms",
            Notice::CodeVoice => "code-voice",
            Notice::SecurityInfoChanged => "security-info-changed",
            Notice::PasswordReset => "password-reset",
            Notice::AccountUnlocked => "account-unlocked",
            Notice::AdministratorReset => "administrator-reset",
            Notice::RecoveryCodeUsed => "recovery-code-used",
            Notice::AccountLocked => "account-locked",
        }
    }

    /// An email (with a subject), not a text message or a call.
    pub const fn is_email(self) -> bool {
        !matches!(self, Notice::CodeSms | Notice::CodeVoice)
    }

    /// The variables its wording may use (the documented set; no other is accepted).
    pub const fn variables(self) -> &'static [&'static str] {
        match self {
            Notice::CodeEmail | Notice::CodeSms => &["org", "code", "minutes"],
            Notice::CodeVoice => &["org", "digits"],
            Notice::SecurityInfoChanged => &["org", "name", "when", "change"],
            Notice::PasswordReset | Notice::AccountUnlocked => &["org", "name", "when"],
            Notice::AdministratorReset => &["org", "name", "when", "administrator"],
            Notice::RecoveryCodeUsed => &["org", "name", "when", "purpose", "left", "total"],
            Notice::AccountLocked => &["org", "name", "when", "failures", "minutes", "link"],
        }
    }

    /// Values to preview it with.
    pub fn sample(self, lang: Lang, org: &str, public_url: &str, now: DateTime<Utc>) -> Vars {
        let v = Vars::new(org);
        let person = |v: Vars| v.text("name", "Alex Example").when(now);
        match self {
            Notice::CodeEmail | Notice::CodeSms => v.text("code", "123456").number("minutes", 10),
            Notice::CodeVoice => v.text("digits", "1, 2, 3, 4, 5, 6"),
            Notice::SecurityInfoChanged => person(v).text(
                "change",
                Change::Added {
                    kind: MethodKind::Email,
                    detail: None,
                }
                .words(lang),
            ),
            Notice::PasswordReset | Notice::AccountUnlocked => person(v),
            Notice::AdministratorReset => person(v).text("administrator", "admin"),
            Notice::RecoveryCodeUsed => person(v)
                .text("purpose", "reset_password")
                .number("left", 2)
                .number("total", 10),
            Notice::AccountLocked => person(v).number("failures", 5).number("minutes", 15).text(
                "link",
                format!("{public_url}/recover?purpose=unlock_account"),
            ),
        }
    }
}

/// One variable's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Var {
    Text(String),
    Number(i64),
}

/// The values of a message's variables.
#[derive(Clone, Debug, Default)]
pub struct Vars(Vec<(&'static str, Var)>);

impl Vars {
    /// Every message names the organisation.
    pub fn new(org: &str) -> Self {
        Self(vec![("org", Var::Text(org.to_owned()))])
    }

    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.0.push((name, Var::Text(value.into())));
        self
    }

    pub fn number(mut self, name: &'static str, value: i64) -> Self {
        self.0.push((name, Var::Number(value)));
        self
    }

    /// `when`: the moment, as every message writes it (in UTC, the same in every language).
    pub fn when(self, at: DateTime<Utc>) -> Self {
        self.text("when", at.format("%Y-%m-%d %H:%M UTC").to_string())
    }

    pub fn get(&self, name: &str) -> Option<&Var> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    fn args(&self) -> Vec<(&str, Arg<'_>)> {
        self.0
            .iter()
            .map(|(name, value)| {
                let arg = match value {
                    Var::Text(t) => Arg::Text(t),
                    Var::Number(n) => Arg::Number(*n),
                };
                (*name, arg)
            })
            .collect()
    }

    fn context(&self) -> Value {
        let map: BTreeMap<&str, Value> = self
            .0
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Var::Text(t) => Value::from(t.as_str()),
                    Var::Number(n) => Value::from(*n),
                };
                (*name, value)
            })
            .collect();
        Value::from(map)
    }
}

/// The administrators' wording of one message in one language (`None`: the catalogue's).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MessageWording {
    pub notice: Notice,
    pub language: Lang,
    /// The email's subject, one line (emails only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The text; paragraphs are separated by blank lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

/// A message's words: its subject (empty for a text message or a call) and its body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wording {
    pub subject: String,
    pub body: String,
}

/// The words of `notice` in `lang`: the administrators' where they adjusted them, else the
/// catalogue's.
pub fn wording(lang: Lang, notice: Notice, vars: &Vars, adjusted: &[MessageWording]) -> Wording {
    debug_assert!(notice.variables().iter().all(|v| vars.get(v).is_some()));
    let own = adjusted
        .iter()
        .find(|m| m.notice == notice && m.language == lang);
    let custom = |part: Option<&String>| {
        let template = part?;
        match render(template, vars) {
            Ok(words) => Some(words),
            Err(e) => {
                // Checked when the policy was saved; a failure here is a bug, not the wording's.
                tracing::error!(?notice, lang = lang.code(), error = %e.message, "adjusted wording");
                None
            }
        }
    };
    let subject = custom(own.and_then(|m| m.subject.as_ref()))
        .map(|s| s.lines().next().unwrap_or_default().trim().to_owned())
        .unwrap_or_else(|| default_subject(lang, notice, vars));
    let body = custom(own.and_then(|m| m.body.as_ref()))
        .unwrap_or_else(|| default_body(lang, notice, vars));
    Wording { subject, body }
}

fn default_subject(lang: Lang, notice: Notice, vars: &Vars) -> String {
    if !notice.is_email() {
        return String::new();
    }
    text(lang, &format!("{}-subject", notice.id()), &vars.args())
}

fn default_body(lang: Lang, notice: Notice, vars: &Vars) -> String {
    let args = vars.args();
    let say = |id: &str| text(lang, id, &args);
    let code = || match vars.get("code") {
        Some(Var::Text(code)) => code.clone(),
        _ => String::new(),
    };
    let paragraphs: Vec<String> = match notice {
        Notice::CodeSms | Notice::CodeVoice => vec![say(notice.id())],
        Notice::CodeEmail => vec![
            say("code-email-intro"),
            code(),
            say("code-email-expiry"),
            say("code-email-ignore"),
        ],
        Notice::SecurityInfoChanged => vec![
            say("notice-greeting"),
            say("security-info-changed-body"),
            say("security-info-changed-advice"),
        ],
        _ => {
            let mut out = vec![
                say("notice-greeting"),
                say(&format!("{}-body", notice.id())),
            ];
            match notice {
                Notice::RecoveryCodeUsed if matches!(vars.get("left"), Some(Var::Number(n)) if *n <= FEW_LEFT as i64) =>
                {
                    out.push(say("recovery-code-used-few"));
                }
                Notice::AccountLocked => out.push(say("account-locked-link")),
                _ => {}
            }
            out.push(say("notice-not-you"));
            out
        }
    };
    paragraphs.join("\n\n")
}

/// What changed in a person's security info, said in their language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// A method was added; `detail` names it among several (a masked number, a passkey's name).
    Added {
        kind: MethodKind,
        detail: Option<String>,
    },
    Replaced(MethodKind),
    Removed(MethodKind),
    QuestionsAdded,
    QuestionsChanged,
    /// Recovery codes generated; `again`: they replace a set (whose codes stop working).
    CodesGenerated {
        again: bool,
    },
}

impl Change {
    pub fn words(&self, lang: Lang) -> String {
        let method = |kind: &MethodKind| text(lang, &format!("method-{}", kind.as_str()), &[]);
        match self {
            Change::Added { kind, detail: None } => text(
                lang,
                "change-added",
                &[("method", Arg::Text(&method(kind)))],
            ),
            Change::Added {
                kind,
                detail: Some(detail),
            } => text(
                lang,
                "change-added-named",
                &[
                    ("method", Arg::Text(&method(kind))),
                    ("detail", Arg::Text(detail)),
                ],
            ),
            Change::Replaced(kind) => text(
                lang,
                "change-replaced",
                &[("method", Arg::Text(&method(kind)))],
            ),
            Change::Removed(kind) => text(
                lang,
                "change-removed",
                &[("method", Arg::Text(&method(kind)))],
            ),
            Change::QuestionsAdded => text(lang, "change-questions-added", &[]),
            Change::QuestionsChanged => text(lang, "change-questions-changed", &[]),
            Change::CodesGenerated { again: false } => text(lang, "change-codes-generated", &[]),
            Change::CodesGenerated { again: true } => text(lang, "change-codes-regenerated", &[]),
        }
    }
}

/// The language to write to a person in: the one they chose (saved on their account), else
/// `otherwise` (the flow's, the request's or the organisation's).
pub fn language_of(
    conn: &mut impl Accounts,
    person_id: &str,
    otherwise: Lang,
) -> Result<Lang, crate::error::Error> {
    Ok(conn
        .account(person_id)?
        .and_then(|a| a.language)
        .map_or(otherwise, |code| Lang::of(&code)))
}
