//! Passwords: the one normalisation rule, argon2id hashing on a bounded worker pool, and the
//! length rules. Knows nothing of users or storage: callers pass PHC strings in and out.
//!
//! Normalisation: NFKC, nothing else (no trimming, no case folding), applied identically when a
//! password is set and when it is checked, so that the same visible text always matches.
//! Length is counted in Unicode code points after normalisation and never truncated.

pub mod hasher;
pub mod rules;

pub use hasher::{Hasher, Verification};

use unicode_normalization::UnicodeNormalization as _;

use crate::error::{Error, FieldCode, FieldError};

/// The hard upper bound on any password (policy may lower it, never raise it).
pub const MAX_LENGTH: usize = 256;

/// A password as typed, normalised (NFKC). Its `Debug` never shows the text.
#[derive(Clone)]
pub struct Password(String);

impl Password {
    /// Normalises the text. Refuses control characters (other than none: passwords may not
    /// contain them) and anything longer than [`MAX_LENGTH`] code points, so a 1 MB "password"
    /// never reaches the hasher.
    pub fn parse(raw: &str, field: &str) -> Result<Self, Error> {
        if raw.chars().count() > MAX_LENGTH * 4 {
            return Err(too_long(field, MAX_LENGTH));
        }
        let normalised: String = raw.nfkc().collect();
        if normalised.chars().any(char::is_control) {
            return Err(Error::validation(
                field,
                FieldCode::InvalidCharacters,
                "passwords cannot contain control characters",
            ));
        }
        if normalised.chars().count() > MAX_LENGTH {
            return Err(too_long(field, MAX_LENGTH));
        }
        Ok(Self(normalised))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn char_count(&self) -> usize {
        self.0.chars().count()
    }

    /// Length rules for a password that is about to be set.
    pub fn check_length(&self, field: &str, min: usize, max: usize) -> Result<(), Error> {
        let n = self.char_count();
        if n < min {
            return Err(Error::Validation(vec![FieldError::new(
                field,
                FieldCode::TooShort,
                format!("the password must be at least {min} characters long"),
            )]));
        }
        if n > max {
            return Err(too_long(field, max));
        }
        Ok(())
    }
}

fn too_long(field: &str, max: usize) -> Error {
    Error::validation(
        field,
        FieldCode::TooLong,
        format!("the password must be at most {max} characters long"),
    )
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

/// A random password for the bootstrap administrator: 24 characters from an alphabet without
/// look-alikes (about 137 bits).
pub fn generate() -> String {
    use rand::RngExt as _;
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    let mut rng = rand::rng();
    (0..24)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect()
}

/// Checks a password allowed per client address and minute: plenty for a meter that asks a
/// few hundred milliseconds after the typing stops, too few to run a dictionary through it.
const CHECKS_PER_MINUTE: i64 = 60;

/// Rates `raw` under the current policy for the strength meter: its score and the rules it
/// breaks, as a change or reset would decide (the history aside). Nothing is stored or logged.
pub async fn rate(
    ctx: &crate::context::Ctx,
    meta: &crate::context::RequestMeta,
    raw: &str,
    username: Option<&str>,
) -> Result<crate::http::wire::public::PasswordCheck, Error> {
    let password = Password::parse(raw, "password")?;
    let now = ctx.now();
    let bucket = format!(
        "password-check:{}",
        crate::flows::limits::address_key(meta.ip)
    );
    let policy = ctx
        .store
        .write(move |conn| {
            crate::flows::limits::hit(
                conn,
                &bucket,
                chrono::Duration::minutes(1),
                CHECKS_PER_MINUTE,
                now,
            )?;
            Ok(crate::policy::service::current_on(conn)?.policy.password)
        })
        .await?;
    let person = rules::Person {
        username: username.unwrap_or_default(),
        display_name: "",
        email: "",
    };
    let problems = rules::check(&policy, &password, &person, "password");
    Ok(crate::http::wire::public::PasswordCheck {
        score: rules::score(&password, &person),
        acceptable: problems.is_empty(),
        problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfkc_makes_look_alike_forms_equal() {
        // U+FB01 LATIN SMALL LIGATURE FI and full-width letters normalise to plain ones.
        assert_eq!(Password::parse("\u{FB01}ne", "p").unwrap().expose(), "fine");
        assert_eq!(Password::parse("ＡＢＣ", "p").unwrap().expose(), "ABC");
    }

    #[test]
    fn length_is_counted_in_code_points() {
        let p = Password::parse(&"é".repeat(12), "p").unwrap();
        assert_eq!(p.char_count(), 12);
        assert!(p.check_length("p", 12, 256).is_ok());
        assert!(p.check_length("p", 13, 256).is_err());
        assert!(Password::parse(&"x".repeat(257), "p").is_err());
        assert!(Password::parse(&"x".repeat(256), "p").is_ok());
    }

    #[test]
    fn control_characters_are_refused_and_debug_is_redacted() {
        assert!(Password::parse("abc\u{0}def", "p").is_err());
        let p = Password::parse("hunter2hunter2", "p").unwrap();
        assert!(!format!("{p:?}").contains("hunter2"));
    }

    #[test]
    fn generated_passwords_differ() {
        let a = generate();
        assert_eq!(a.len(), 24);
        assert_ne!(a, generate());
    }
}
