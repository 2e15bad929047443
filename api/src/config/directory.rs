//! `[directory]`: where the people who reset their passwords are kept (`SSPR_DIRECTORY` is
//! `[directory] kind`).

use serde::{Deserialize, Deserializer};

use super::names::Section;

/// Which directory holds the accounts. LDAP and Active Directory come in a later version; their
/// names are reserved so that setting one says so instead of "unknown".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DirectoryKind {
    /// The service's own accounts, in its database.
    #[default]
    Builtin,
}

impl std::str::FromStr for DirectoryKind {
    type Err = String;

    fn from_str(raw: &str) -> Result<Self, String> {
        match raw {
            "builtin" => Ok(Self::Builtin),
            "ldap" | "active_directory" => Err(format!(
                "`{raw}` is not available in this version (builtin is the only directory for now)"
            )),
            other => Err(format!(
                "unknown directory `{other}` (builtin is the only directory for now)"
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
#[derive(Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(super) struct Directory {
    pub kind: DirectoryKind,
}

impl Section for Directory {
    const NAME: &'static str = "directory";
    const PREFIXED: bool = true;
}
