//! The password policy's rules for a new password: length (in code points, never truncated),
//! the built-in list of common passwords, the organisation's banned words, the person's own
//! names, and a minimum zxcvbn strength. Every failing rule is reported, so a form can show
//! them all at once. Reuse of earlier passwords needs their hashes and is checked by the caller.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::Password;
use crate::error::{FieldCode, FieldError};
use crate::policy::PasswordPolicy;

/// The 30,000 most common passwords (see `api/data/README.md`).
static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../data/common-passwords.txt")
        .lines()
        .filter(|l| !l.is_empty())
        .collect()
});

pub fn common_password_count() -> usize {
    COMMON.len()
}

/// What the service knows of the person, so that their own names are refused.
pub struct Person<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub email: &'a str,
}

/// zxcvbn's cost grows with length; past this many characters a password is strong anyway.
const SCORED_PREFIX: usize = 100;

/// zxcvbn's estimate of `password`, knowing the person's own words `personal`.
fn estimate(password: &Password, personal: &[&str]) -> zxcvbn::Entropy {
    let scored: String = password.expose().chars().take(SCORED_PREFIX).collect();
    zxcvbn::zxcvbn(&scored, personal)
}

/// How hard `password` is to guess, 0–4 (zxcvbn's score, as [`check`] compares it with the
/// policy's `min_strength`).
pub fn score(password: &Password, person: &Person<'_>) -> u8 {
    let words: Vec<String> = std::iter::once(person.username.to_lowercase())
        .chain(
            person
                .display_name
                .split_whitespace()
                .map(str::to_lowercase),
        )
        .collect();
    let inputs: Vec<&str> = words.iter().map(String::as_str).collect();
    u8::from(estimate(password, &inputs).score())
}

pub fn check(
    policy: &PasswordPolicy,
    password: &Password,
    person: &Person<'_>,
    field: &str,
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let text = password.expose();
    let lower = text.to_lowercase();
    let n = password.char_count();
    if n < policy.min_length as usize {
        errors.push(FieldError::new(
            field,
            FieldCode::TooShort,
            format!("use at least {} characters", policy.min_length),
        ));
    }
    if n > policy.max_length as usize {
        errors.push(FieldError::new(
            field,
            FieldCode::TooLong,
            format!("use at most {} characters", policy.max_length),
        ));
    }
    if COMMON.contains(lower.as_str()) {
        errors.push(FieldError::new(
            field,
            FieldCode::CommonPassword,
            "this is one of the most common passwords",
        ));
    }
    if let Some(word) = policy
        .banned_words
        .iter()
        .map(|w| w.trim().to_lowercase())
        .find(|w| w.chars().count() >= 3 && lower.contains(w.as_str()))
    {
        errors.push(FieldError::new(
            field,
            FieldCode::BannedWord,
            format!("it contains the banned word \"{word}\""),
        ));
    }
    let mut personal: Vec<String> = vec![person.username.to_lowercase()];
    personal.extend(
        person
            .display_name
            .split_whitespace()
            .map(str::to_lowercase),
    );
    if let Some((local, _)) = person.email.split_once('@') {
        personal.push(local.to_lowercase());
    }
    if personal
        .iter()
        .any(|p| p.chars().count() >= 3 && lower.contains(p.as_str()))
    {
        errors.push(FieldError::new(
            field,
            FieldCode::PersonalInformation,
            "it contains your name, username or email address",
        ));
    }
    let inputs: Vec<&str> = personal.iter().map(String::as_str).collect();
    let estimate = estimate(password, &inputs);
    let score = u8::from(estimate.score());
    if score < policy.min_strength {
        let hint = estimate
            .feedback()
            .and_then(|f| f.warning().map(|w| w.to_string()))
            .unwrap_or_else(|| "add more words or characters that are hard to guess".to_owned());
        errors.push(FieldError::new(
            field,
            FieldCode::TooWeak,
            format!(
                "it is too easy to guess (strength {score} of 4, {} needed): {hint}",
                policy.min_strength
            ),
        ));
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Policy;

    fn codes(raw: &str) -> Vec<String> {
        let policy = Policy {
            ..Policy::default()
        }
        .password;
        let person = Person {
            username: "jdoe",
            display_name: "Jane Doe",
            email: "jane.doe@example.com",
        };
        check(&policy, &Password::parse(raw, "p").unwrap(), &person, "p")
            .into_iter()
            .map(|e| e.code.as_str().to_owned())
            .collect()
    }

    #[test]
    fn the_list_is_large_and_loaded() {
        assert!(common_password_count() >= 10_000);
    }

    #[test]
    fn long_passphrases_without_composition_rules_pass() {
        assert!(
            codes("correct horse battery staple").is_empty(),
            "{:?}",
            codes("correct horse battery staple")
        );
        assert!(codes("paper lanterns drift over quiet harbours").is_empty());
    }

    #[test]
    fn every_failing_rule_is_reported() {
        assert_eq!(
            codes("password"),
            ["too_short", "common_password", "too_weak"]
        );
        assert!(codes("Password1234").contains(&"too_weak".to_owned()));
        assert!(codes("jdoe is my password forever").contains(&"personal_information".to_owned()));
        assert!(codes("jane.doe horse battery").contains(&"personal_information".to_owned()));
        let mut policy = Policy::default().password;
        policy.banned_words = vec!["contoso".into()];
        let person = Person {
            username: "x",
            display_name: "Y",
            email: "z@e.com",
        };
        let errors = check(
            &policy,
            &Password::parse("Contoso rocks on mondays!", "p").unwrap(),
            &person,
            "p",
        );
        assert_eq!(
            errors.iter().map(|e| e.code.as_str()).collect::<Vec<_>>(),
            ["banned_word"]
        );
    }
}
