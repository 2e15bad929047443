//! Adjusted wordings as minijinja templates: run in a sandbox (no loader, so no file is read;
//! no network; a fuel limit; undefined variables are errors) and checked before they are saved.

use chrono::Utc;
use minijinja::{AutoEscape, Environment, UndefinedBehavior};

use super::{BODY_MAX, MessageWording, Notice, SUBJECT_MAX, Vars};
use crate::error::FieldCode;
use crate::i18n::Lang;

/// How much work one rendering may do (minijinja's fuel): far more than any message needs, far
/// less than a loop that would hold a worker.
const FUEL: u64 = 50_000;

/// What is wrong with an adjusted wording, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateError {
    /// The line of the wording (from 1), when the engine knows it.
    pub line: Option<usize>,
    pub message: String,
}

impl TemplateError {
    /// "line 3: …", as the 422 says it.
    pub fn describe(&self) -> String {
        match self.line {
            Some(line) => format!("line {line}: {}", self.message),
            None => self.message.clone(),
        }
    }
}

fn engine() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    // Text in, text out: the HTML part escapes the whole result.
    env.set_auto_escape_callback(|_| AutoEscape::None);
    env.set_fuel(Some(FUEL));
    env.set_keep_trailing_newline(false);
    env
}

fn engine_error(e: &minijinja::Error) -> TemplateError {
    TemplateError {
        line: e.line(),
        message: e
            .detail()
            .map(str::to_owned)
            .unwrap_or_else(|| e.kind().to_string()),
    }
}

/// Runs an adjusted wording with `vars`.
pub fn render(template: &str, vars: &Vars) -> Result<String, TemplateError> {
    let env = engine();
    let compiled = env
        .template_from_str(template)
        .map_err(|e| engine_error(&e))?;
    let out = compiled
        .render(vars.context())
        .map_err(|e| engine_error(&e))?;
    Ok(out.trim().to_owned())
}

/// Checks an adjusted wording of `notice` before it is saved: it parses, uses only the
/// notice's variables and renders with sample values.
pub fn check(notice: Notice, template: &str) -> Result<(), TemplateError> {
    let env = engine();
    let compiled = env
        .template_from_str(template)
        .map_err(|e| engine_error(&e))?;
    let allowed = notice.variables();
    let mut unknown: Vec<String> = compiled
        .undeclared_variables(false)
        .into_iter()
        .filter(|name| !allowed.contains(&name.as_str()))
        .collect();
    unknown.sort();
    if let Some(name) = unknown.first() {
        let line = template
            .lines()
            .position(|l| mentions(l, name))
            .map(|i| i + 1);
        return Err(TemplateError {
            line,
            message: format!(
                "unknown variable `{name}`; this message has {}",
                allowed
                    .iter()
                    .map(|v| format!("`{v}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        });
    }
    let sample = notice.sample(Lang::En, "Example", "https://sspr.example.com", Utc::now());
    compiled
        .render(sample.context())
        .map(|_| ())
        .map_err(|e| engine_error(&e))
}

/// Checks the administrators' wordings of a policy: one per message and language, and each
/// sound ([`check_one`], reported as `customization.messages[i].subject|body`).
pub fn check_all(messages: &[MessageWording], err: &mut impl FnMut(&str, FieldCode, String)) {
    let mut seen = std::collections::HashSet::new();
    for (i, m) in messages.iter().enumerate() {
        let at = |part: &str| format!("customization.messages[{i}].{part}");
        if !seen.insert((m.notice, m.language)) {
            err(
                &at("notice"),
                FieldCode::Duplicate,
                "this message already has a wording in this language".into(),
            );
        }
        check_one(m, &at, err);
    }
}

/// Checks one wording: a subject only for an email, one line, within the lengths, and each
/// template sound (the message naming the line); `at` names a part's field.
pub fn check_one(
    m: &MessageWording,
    at: &dyn Fn(&str) -> String,
    err: &mut impl FnMut(&str, FieldCode, String),
) {
    if m.subject.is_none() && m.body.is_none() {
        err(
            &at("body"),
            FieldCode::Required,
            "give a subject or a body (remove the entry to use the default)".into(),
        );
    }
    if let Some(subject) = &m.subject {
        if !m.notice.is_email() {
            err(
                &at("subject"),
                FieldCode::NotApplicable,
                "text messages and calls have no subject".into(),
            );
        } else if subject.trim().is_empty() || subject.contains('\n') {
            err(
                &at("subject"),
                FieldCode::Invalid,
                "must be one line of text".into(),
            );
        } else if subject.chars().count() > SUBJECT_MAX {
            err(
                &at("subject"),
                FieldCode::TooLong,
                format!("at most {SUBJECT_MAX} characters"),
            );
        } else if let Err(e) = check(m.notice, subject) {
            err(&at("subject"), FieldCode::InvalidTemplate, e.describe());
        }
    }
    if let Some(body) = &m.body {
        if body.trim().is_empty() {
            err(&at("body"), FieldCode::Required, "must not be empty".into());
        } else if body.chars().count() > BODY_MAX {
            err(
                &at("body"),
                FieldCode::TooLong,
                format!("at most {BODY_MAX} characters"),
            );
        } else if let Err(e) = check(m.notice, body) {
            err(&at("body"), FieldCode::InvalidTemplate, e.describe());
        }
    }
}

/// Whether `line` names `word` as a whole identifier.
fn mentions(line: &str, word: &str) -> bool {
    line.match_indices(word).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let after = line[at + word.len()..].chars().next();
        let ident = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        !ident(before) && !ident(after)
    })
}
