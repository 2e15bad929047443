//! `[directory]`: where the people who reset their passwords are kept. `SSPR_DIRECTORY` is
//! `[directory] kind`; the LDAP settings keep their whole name as key (`SSPR_LDAP_URL` is
//! `[directory] ldap_url`), shared by OpenLDAP and Active Directory.

use std::path::PathBuf;

use serde::{Deserialize, Deserializer};

use super::keys::Secret;
use super::names::Section;
use super::{ConfigError, invalid};

/// Which directory holds the accounts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DirectoryKind {
    /// The service's own accounts, in its database.
    #[default]
    Builtin,
    /// An LDAP server with the password policy overlay (OpenLDAP).
    Ldap,
    /// Active Directory (or Samba as a domain controller).
    ActiveDirectory,
}

impl std::str::FromStr for DirectoryKind {
    type Err = String;

    fn from_str(raw: &str) -> Result<Self, String> {
        match raw {
            "builtin" => Ok(Self::Builtin),
            "ldap" => Ok(Self::Ldap),
            "active_directory" => Ok(Self::ActiveDirectory),
            other => Err(format!(
                "unknown directory `{other}` (builtin, ldap or active_directory)"
            )),
        }
    }
}

impl<'de> Deserialize<'de> for DirectoryKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// `[directory]`.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(super) struct Directory {
    pub kind: DirectoryKind,
    /// `ldap://host:port` (with StartTLS) or `ldaps://host:port`.
    pub ldap_url: Option<String>,
    /// StartTLS on an `ldap://` URL; turning it off is refused in production.
    pub ldap_starttls: bool,
    /// The service account: it searches, resets and unlocks.
    pub ldap_bind_dn: Option<String>,
    pub ldap_bind_password: Option<Secret>,
    /// PEM bundle of the CAs the server's certificate is checked against (the system's
    /// roots otherwise).
    pub ldap_ca_file: Option<PathBuf>,
    pub ldap_user_base: Option<String>,
    /// Which entries under the base are people.
    pub ldap_user_filter: Option<String>,
    /// The login name's attribute (`uid`, `sAMAccountName`, `userPrincipalName`).
    pub ldap_username_attribute: Option<String>,
    pub ldap_group_base: Option<String>,
    pub ldap_group_filter: Option<String>,
    /// DN of the group whose members administer this service.
    pub ldap_admin_group: Option<String>,
    pub ldap_attr_display_name: String,
    pub ldap_attr_email: String,
    pub ldap_attr_mobile: String,
    pub ldap_attr_office_phone: String,
    /// Connections the service account keeps open.
    pub ldap_pool_size: u32,
    /// Longest wait for a connection or one operation.
    pub ldap_timeout_seconds: u64,
}

impl Default for Directory {
    fn default() -> Self {
        Self {
            kind: DirectoryKind::Builtin,
            ldap_url: None,
            ldap_starttls: true,
            ldap_bind_dn: None,
            ldap_bind_password: None,
            ldap_ca_file: None,
            ldap_user_base: None,
            ldap_user_filter: None,
            ldap_username_attribute: None,
            ldap_group_base: None,
            ldap_group_filter: None,
            ldap_admin_group: None,
            ldap_attr_display_name: "displayName".into(),
            ldap_attr_email: "mail".into(),
            ldap_attr_mobile: "mobile".into(),
            ldap_attr_office_phone: "telephoneNumber".into(),
            ldap_pool_size: 4,
            ldap_timeout_seconds: 5,
        }
    }
}

impl Section for Directory {
    const NAME: &'static str = "directory";
    const KIND_IS_NAME: bool = true;
}

/// How to reach and read an LDAP directory (OpenLDAP or Active Directory).
#[derive(Clone, Debug)]
pub struct LdapSettings {
    pub url: String,
    pub starttls: bool,
    pub bind_dn: String,
    pub bind_password: Secret,
    pub ca_file: Option<PathBuf>,
    pub user_base: String,
    pub user_filter: String,
    pub username_attribute: String,
    pub group_base: String,
    pub group_filter: String,
    pub admin_group: Option<String>,
    pub attr_display_name: String,
    pub attr_email: String,
    pub attr_mobile: String,
    pub attr_office_phone: String,
    pub pool_size: u32,
    pub timeout_secs: u64,
}

impl LdapSettings {
    /// Whether the connection is encrypted (LDAPS, or StartTLS on `ldap://`).
    pub fn encrypted(&self) -> bool {
        self.url.starts_with("ldaps://") || self.starttls
    }
}

impl Directory {
    /// The LDAP settings when the directory is LDAP or Active Directory; each flavour has its
    /// usual defaults for what is not set.
    pub fn checked(self) -> Result<(DirectoryKind, Option<LdapSettings>), ConfigError> {
        let ad = match self.kind {
            DirectoryKind::Builtin => return Ok((self.kind, None)),
            DirectoryKind::Ldap => false,
            DirectoryKind::ActiveDirectory => true,
        };
        let required = |value: Option<String>, name: &str| {
            value.filter(|v| !v.trim().is_empty()).ok_or_else(|| {
                invalid(
                    name,
                    "must be set when SSPR_DIRECTORY is ldap or active_directory",
                )
            })
        };
        let url = required(self.ldap_url, "ldap_url")?;
        if !(url.starts_with("ldap://") || url.starts_with("ldaps://")) {
            return Err(invalid("ldap_url", "must be an ldap:// or ldaps:// URL"));
        }
        if ad && url.starts_with("ldap://") && !self.ldap_starttls {
            // Samba would take a password on plain LDAP; Windows would not, and neither do we.
            return Err(invalid(
                "ldap_starttls",
                "Active Directory takes passwords only over TLS: use ldaps:// or StartTLS",
            ));
        }
        let bind_password = self.ldap_bind_password.ok_or_else(|| {
            invalid(
                "ldap_bind_password",
                "must be set when SSPR_DIRECTORY is ldap or active_directory",
            )
        })?;
        let user_base = required(self.ldap_user_base, "ldap_user_base")?;
        if !(1..=64).contains(&self.ldap_pool_size) {
            return Err(invalid("ldap_pool_size", "must be between 1 and 64"));
        }
        if !(1..=120).contains(&self.ldap_timeout_seconds) {
            return Err(invalid("ldap_timeout_seconds", "must be between 1 and 120"));
        }
        let (user_filter, username, group_filter) = if ad {
            (
                "(&(objectCategory=person)(objectClass=user))",
                "sAMAccountName",
                "(objectClass=group)",
            )
        } else {
            (
                "(objectClass=inetOrgPerson)",
                "uid",
                "(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames))",
            )
        };
        let settings = LdapSettings {
            url,
            starttls: self.ldap_starttls,
            bind_dn: required(self.ldap_bind_dn, "ldap_bind_dn")?,
            bind_password,
            ca_file: self.ldap_ca_file,
            group_base: self.ldap_group_base.unwrap_or_else(|| user_base.clone()),
            user_base,
            user_filter: self.ldap_user_filter.unwrap_or_else(|| user_filter.into()),
            username_attribute: self
                .ldap_username_attribute
                .unwrap_or_else(|| username.into()),
            group_filter: self
                .ldap_group_filter
                .unwrap_or_else(|| group_filter.into()),
            admin_group: self.ldap_admin_group,
            attr_display_name: self.ldap_attr_display_name,
            attr_email: self.ldap_attr_email,
            attr_mobile: self.ldap_attr_mobile,
            attr_office_phone: self.ldap_attr_office_phone,
            pool_size: self.ldap_pool_size,
            timeout_secs: self.ldap_timeout_seconds,
        };
        for (name, filter) in [
            ("ldap_user_filter", &settings.user_filter),
            ("ldap_group_filter", &settings.group_filter),
        ] {
            if !(filter.starts_with('(') && filter.ends_with(')')) {
                return Err(invalid(name, "must be an LDAP filter in parentheses"));
            }
        }
        Ok((self.kind, Some(settings)))
    }
}
