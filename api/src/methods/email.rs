//! Email: a code sent to an address the person registers (8 digits, as DESIGN.md says).

use super::{
    Channel, Destination, DestinationInput, DestinationKind, MethodType, Proof, missing, unexpected,
};
use crate::directory::EmailAddress;
use crate::error::Error;
use crate::policy::MethodKind;

pub struct Email;

impl MethodType for Email {
    fn kind(&self) -> MethodKind {
        MethodKind::Email
    }
    fn proof(&self) -> Proof {
        Proof::Code
    }
    fn destination(&self) -> DestinationKind {
        DestinationKind::Address
    }
    fn channel(&self) -> Option<Channel> {
        Some(Channel::Email)
    }
    fn code_length(&self) -> usize {
        8
    }
    fn parse_destination(&self, input: &DestinationInput) -> Result<Option<Destination>, Error> {
        unexpected(input, &["email"])?;
        let raw = input
            .email
            .as_deref()
            .ok_or_else(|| missing("email", "an email address"))?;
        let address = EmailAddress::parse(raw, "email").map_err(|e| Error::Validation(vec![e]))?;
        Ok(Some(Destination {
            address: address.as_str().to_owned(),
            extension: None,
        }))
    }
    fn mask(&self, destination: Option<&str>) -> String {
        mask_email(destination.unwrap_or(""))
    }
    fn describe(&self) -> &'static str {
        "email address"
    }
}

/// `jane.doe@example.com` → `j***@e***.com`: enough for the person to recognise, too little to
/// learn the address.
pub fn mask_email(address: &str) -> String {
    let (local, domain) = address.rsplit_once('@').unwrap_or((address, ""));
    let (host, tld) = domain.rsplit_once('.').unwrap_or((domain, ""));
    let first = |s: &str| s.chars().next().map(String::from).unwrap_or_default();
    if tld.is_empty() {
        format!("{}***@{}***", first(local), first(host))
    } else {
        format!("{}***@{}***.{tld}", first(local), first(host))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_keep_the_first_letters_and_the_top_level_domain() {
        assert_eq!(mask_email("jane.doe@contoso.com"), "j***@c***.com");
        assert_eq!(mask_email("x@mail.example.co.uk"), "x***@m***.uk");
    }
}
