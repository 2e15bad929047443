//! Parsed values of the directory. A value of one of these types is valid by construction.
//!
//! Normalisation rules (one per kind of text, applied everywhere the value is compared):
//! - usernames: NFKC, trimmed; compared by their lower-case form (the `key`);
//! - email addresses: trimmed, syntax checked; compared case-insensitively;
//! - phone numbers: parsed with libphonenumber's rules and stored in E.164 (`+14155550123`);
//! - display names: NFKC, trimmed, no control characters.

use unicode_normalization::UnicodeNormalization as _;

use crate::error::{FieldCode, FieldError};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Username {
    display: String,
    key: String,
}

impl Username {
    pub const MAX: usize = 64;

    pub fn parse(raw: &str, field: &str) -> Result<Self, FieldError> {
        let display: String = raw.trim().nfkc().collect();
        let n = display.chars().count();
        if n == 0 || n > Self::MAX {
            return Err(FieldError::new(
                field,
                FieldCode::Length,
                format!("a username is 1 to {} characters", Self::MAX),
            ));
        }
        if !display
            .chars()
            .all(|c| c.is_alphanumeric() || "._-@+".contains(c))
        {
            return Err(FieldError::new(
                field,
                FieldCode::InvalidCharacters,
                "a username may contain letters, digits and . _ - @ +",
            ));
        }
        let key = display.to_lowercase();
        Ok(Self { display, key })
    }

    /// As the person typed it (normalised).
    pub fn as_str(&self) -> &str {
        &self.display
    }

    /// The comparison form: two usernames are the same when their keys are equal.
    pub fn key(&self) -> &str {
        &self.key
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub fn parse(raw: &str, field: &str) -> Result<Self, FieldError> {
        let name: String = raw.trim().nfkc().collect();
        let n = name.chars().count();
        if n == 0 || n > 128 {
            return Err(FieldError::new(
                field,
                FieldCode::Length,
                "a display name is 1 to 128 characters",
            ));
        }
        if name.chars().any(char::is_control) {
            return Err(FieldError::new(
                field,
                FieldCode::InvalidCharacters,
                "a display name cannot contain control characters",
            ));
        }
        Ok(Self(name))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(raw: &str, field: &str) -> Result<Self, FieldError> {
        let text = raw.trim();
        if text.len() > 254 || text.parse::<lettre::Address>().is_err() {
            return Err(FieldError::new(
                field,
                FieldCode::InvalidEmail,
                "not a valid email address",
            ));
        }
        Ok(Self(text.to_owned()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhoneNumber(String);

impl PhoneNumber {
    /// Numbers must be written in international form (starting with `+` and the country code):
    /// the service has no way to know which country a bare local number belongs to.
    pub fn parse(raw: &str, field: &str) -> Result<Self, FieldError> {
        let invalid = || {
            FieldError::new(
                field,
                FieldCode::InvalidPhone,
                "not a valid phone number in international form (+country code)",
            )
        };
        let text = raw.trim();
        if !text.starts_with('+') || text.len() > 32 {
            return Err(invalid());
        }
        let number = phonenumber::parse(None, text).map_err(|_| invalid())?;
        if !phonenumber::is_valid(&number) {
            return Err(invalid());
        }
        Ok(Self(
            number.format().mode(phonenumber::Mode::E164).to_string(),
        ))
    }
    /// E.164.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_compare_case_insensitively_after_nfkc() {
        let a = Username::parse("  Alice.Smith ", "u").unwrap();
        let b = Username::parse("ＡＬＩＣＥ.smith", "u").unwrap();
        assert_eq!(a.as_str(), "Alice.Smith");
        assert_eq!(a.key(), b.key());
    }

    #[test]
    fn usernames_refuse_spaces_quotes_and_sql() {
        for bad in [
            "",
            "a b",
            "x'; DROP TABLE users; --",
            "a\"b",
            &"a".repeat(65),
        ] {
            assert!(Username::parse(bad, "u").is_err(), "{bad}");
        }
        assert!(Username::parse("j.doe@example.com", "u").is_ok());
    }

    #[test]
    fn phone_numbers_become_e164() {
        assert_eq!(
            PhoneNumber::parse("+1 (415) 555-2671", "p")
                .unwrap()
                .as_str(),
            "+14155552671"
        );
        assert_eq!(
            PhoneNumber::parse("+44 20 7946 0958", "p")
                .unwrap()
                .as_str(),
            "+442079460958"
        );
        assert!(PhoneNumber::parse("415 555 2671", "p").is_err());
        assert!(PhoneNumber::parse("+1 000", "p").is_err());
    }

    #[test]
    fn emails_are_checked() {
        assert!(EmailAddress::parse("a.person@example.com", "e").is_ok());
        assert!(EmailAddress::parse("not-an-address", "e").is_err());
        assert!(EmailAddress::parse("a@b.c\r\nBcc: x@y.z", "e").is_err());
    }
}
