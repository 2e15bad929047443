//! `[database]`: where the data lives (`SSPR_DATABASE_*`, keys without the prefix).

use std::path::Path;

use serde::Deserialize;

use super::keys::Secret;
use super::names::Section;
use super::{ConfigError, invalid};
use crate::store::DatabaseTarget;

/// `[database]`.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(super) struct Database {
    /// `sqlite://PATH` or `postgres://…`; a secret because it may hold a password.
    pub url: Option<Secret>,
    /// Connections per process.
    pub pool_size: u32,
}

impl Default for Database {
    fn default() -> Self {
        Self {
            url: None,
            pool_size: 10,
        }
    }
}

impl Section for Database {
    const NAME: &'static str = "database";
    const PREFIXED: bool = true;
}

impl Database {
    pub fn checked(self) -> Result<Self, ConfigError> {
        if !(1..=200).contains(&self.pool_size) {
            return Err(invalid("database_pool_size", "must be between 1 and 200"));
        }
        Ok(self)
    }

    /// The configured database, or SQLite in the data directory.
    pub fn target(&self, data_dir: &Path) -> Result<DatabaseTarget, ConfigError> {
        match &self.url {
            Some(url) => {
                DatabaseTarget::parse(url.expose()).map_err(|m| invalid("database_url", m))
            }
            None => Ok(DatabaseTarget::Sqlite(data_dir.join("sspr.db"))),
        }
    }
}
