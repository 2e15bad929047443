//! Phones: a code by text message or by a call to a mobile phone, or by a call to an office
//! phone (with an optional extension). Numbers are stored in E.164.

use super::{
    Channel, Destination, DestinationInput, DestinationKind, MethodType, Proof, missing, unexpected,
};
use crate::directory::PhoneNumber;
use crate::error::{Error, FieldCode, FieldError};
use crate::policy::MethodKind;

pub struct Phone {
    kind: MethodKind,
    channel: Channel,
    office: bool,
}

pub const MOBILE_SMS: Phone = Phone {
    kind: MethodKind::MobileSms,
    channel: Channel::Sms,
    office: false,
};
pub const MOBILE_VOICE: Phone = Phone {
    kind: MethodKind::MobileVoice,
    channel: Channel::Voice,
    office: false,
};
pub const OFFICE_VOICE: Phone = Phone {
    kind: MethodKind::OfficeVoice,
    channel: Channel::Voice,
    office: true,
};

impl MethodType for Phone {
    fn kind(&self) -> MethodKind {
        self.kind
    }
    fn proof(&self) -> Proof {
        Proof::Code
    }
    fn destination(&self) -> DestinationKind {
        if self.office {
            DestinationKind::Office
        } else {
            DestinationKind::Mobile
        }
    }
    fn channel(&self) -> Option<Channel> {
        Some(self.channel)
    }
    fn parse_destination(&self, input: &DestinationInput) -> Result<Option<Destination>, Error> {
        unexpected(
            input,
            if self.office {
                &["phone", "extension"]
            } else {
                &["phone"]
            },
        )?;
        let raw = input
            .phone
            .as_deref()
            .ok_or_else(|| missing("phone", "a phone number"))?;
        let number = PhoneNumber::parse(raw, "phone").map_err(|e| Error::Validation(vec![e]))?;
        let extension = match input
            .extension
            .as_deref()
            .map(str::trim)
            .filter(|e| !e.is_empty())
        {
            Some(ext) if ext.len() <= 10 && ext.chars().all(|c| c.is_ascii_digit()) => {
                Some(ext.to_owned())
            }
            Some(_) => {
                return Err(Error::Validation(vec![FieldError::new(
                    "extension",
                    FieldCode::Invalid,
                    "an extension is 1 to 10 digits",
                )]));
            }
            None => None,
        };
        Ok(Some(Destination {
            address: number.as_str().to_owned(),
            extension,
        }))
    }
    fn mask(&self, destination: Option<&str>) -> String {
        mask_phone(destination.unwrap_or(""))
    }
    fn describe(&self) -> &'static str {
        match self.kind {
            MethodKind::MobileSms => "mobile phone for text messages",
            MethodKind::MobileVoice => "mobile phone for calls",
            _ => "office phone",
        }
    }
}

/// The region libphonenumber assigns to a number (E.164), as an ISO 3166-1 alpha-2 code:
/// `+14165550100` → `CA`, `+442079460958` → `GB`.
pub fn region(e164: &str) -> Option<String> {
    let number = phonenumber::parse(None, e164).ok()?;
    let id = number.country().id()?;
    Some(id.as_ref().to_owned())
}

/// `+14155552671` → `+1 ••• ••• ••71`: the country code (from libphonenumber) and the last two
/// digits.
pub fn mask_phone(e164: &str) -> String {
    let country = phonenumber::parse(None, e164)
        .map(|n| n.code().value().to_string())
        .unwrap_or_default();
    let digits: Vec<char> = e164.chars().filter(char::is_ascii_digit).collect();
    let last: String = digits.iter().skip(digits.len().saturating_sub(2)).collect();
    format!("+{country} ••• ••• ••{last}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_masks_show_the_country_and_last_two_digits() {
        assert_eq!(mask_phone("+14155552667"), "+1 ••• ••• ••67");
        assert_eq!(mask_phone("+442079460958"), "+44 ••• ••• ••58");
    }

    #[test]
    fn regions_tell_countries_that_share_a_calling_code_apart() {
        assert_eq!(region("+14155552671").as_deref(), Some("US"));
        assert_eq!(region("+14165550100").as_deref(), Some("CA"));
        assert_eq!(region("+18765550100").as_deref(), Some("JM"));
        assert_eq!(region("+442079460958").as_deref(), Some("GB"));
        assert_eq!(region("+15005550006").as_deref(), Some("US"));
        assert_eq!(region("not a number"), None);
    }

    #[test]
    fn extensions_are_digits_and_only_for_office_phones() {
        let input = DestinationInput {
            phone: Some("+1 415 555 2671".into()),
            extension: Some("123".into()),
            email: None,
            name: None,
        };
        assert_eq!(
            OFFICE_VOICE
                .parse_destination(&input)
                .unwrap()
                .unwrap()
                .extension
                .as_deref(),
            Some("123")
        );
        assert!(MOBILE_SMS.parse_destination(&input).is_err());
        let bad = DestinationInput {
            extension: Some("12a".into()),
            ..input
        };
        assert!(OFFICE_VOICE.parse_destination(&bad).is_err());
    }
}
