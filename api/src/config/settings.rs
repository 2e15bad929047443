//! Raw settings: the TOML file's sections and the `SSPR_*` variables as text, keyed by the
//! variable's name, before typing. Every name is checked here against the section structs
//! ([`names`]), so a typo stops the start instead of being ignored.

use std::collections::BTreeMap;
use std::path::Path;

use super::names::{self, Writable};
use super::{ConfigError, invalid};

/// Environment variables under this prefix belong to the test suite and tools, not the service.
const TOOLING_PREFIX: &str = "SSPR_TEST_";

/// Raw settings as text, keyed by the variable's name without `SSPR_` in lower case:
/// `SSPR_DATABASE_URL` and the file's `[database] url` are both `database_url`.
#[derive(Clone, Default)]
pub struct Settings(pub(super) BTreeMap<String, String>);

/// Values may be secrets (a database URL with its password, keys): only the names are shown.
impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Settings")
            .field(&self.0.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl Settings {
    /// Reads the TOML file (if any) and then the `SSPR_*` variables of this process.
    pub fn load(file: Option<&Path>) -> Result<Self, ConfigError> {
        let mut settings = match file {
            Some(path) => Self::from_toml_file(path)?,
            None => Self::default(),
        };
        settings.overlay_env(std::env::vars())?;
        settings.read_secret_files()?;
        Ok(settings)
    }

    /// Replaces every `<secret>_file` setting by the file's content (without its final line
    /// break). Naming a secret both ways is refused: which one wins would be a guess.
    pub fn read_secret_files(&mut self) -> Result<(), ConfigError> {
        let files: Vec<(String, String)> = self
            .0
            .iter()
            .filter(|(k, _)| names::secret_file_of(k).is_some())
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (key, path) in files {
            let Some(secret) = names::secret_file_of(&key) else {
                continue;
            };
            let name = names::variable(&key);
            self.0.remove(&key);
            if self
                .0
                .get(&secret.name)
                .is_some_and(|v| !v.trim().is_empty())
            {
                return Err(invalid(&secret.name, format!("set it or {name}, not both")));
            }
            let text =
                std::fs::read_to_string(path.trim()).map_err(|e| ConfigError::SecretFile {
                    name: name.clone(),
                    path: path.trim().to_owned(),
                    message: e.to_string(),
                })?;
            let text = text.strip_suffix('\n').unwrap_or(&text);
            let text = text.strip_suffix('\r').unwrap_or(text);
            self.0.insert(secret.name.clone(), text.to_owned());
        }
        Ok(())
    }

    /// Reads a file of `[section]` tables. A setting at the top level is refused with the
    /// section it belongs in; an unknown key or section with the closest known one.
    pub fn from_toml_file(path: &Path) -> Result<Self, ConfigError> {
        let file_error = |message: String| ConfigError::File {
            path: path.display().to_string(),
            message,
        };
        let text = std::fs::read_to_string(path).map_err(|e| file_error(e.to_string()))?;
        let table: toml::Table = text
            .parse()
            .map_err(|e: toml::de::Error| file_error(e.to_string()))?;
        let mut settings = Self::default();
        for (section, value) in table {
            let entries = match value {
                toml::Value::Table(entries) if names::sections().any(|s| s == section) => entries,
                toml::Value::Table(_) => {
                    let closest = names::closest(
                        &section,
                        names::sections().map(|s| (s.to_owned(), format!("[{s}]"))),
                    );
                    return Err(ConfigError::UnknownSection {
                        name: section,
                        closest,
                    });
                }
                _ => {
                    return Err(at_top_level(section, |name| {
                        file_error(format!("`{name}` must be a section: [{name}]"))
                    }));
                }
            };
            for (key, value) in entries {
                let name = name_in_section(&section, &key)?;
                let text = text_of(value).ok_or_else(|| {
                    file_error(format!(
                        "`{key}` in [{section}] must be a string, a number, a boolean or an array of them"
                    ))
                })?;
                settings.0.insert(name, text);
            }
        }
        Ok(settings)
    }

    /// `SSPR_BIND=…` overrides `[server] bind = …`. An unknown `SSPR_*` variable stops the start,
    /// naming the closest known one: a typo must not start the service as if it were not set.
    /// Names under `SSPR_TEST_` belong to the test suite and are left alone.
    pub fn overlay_env(
        &mut self,
        vars: impl IntoIterator<Item = (String, String)>,
    ) -> Result<(), ConfigError> {
        for (name, value) in vars {
            let Some(key) = name.strip_prefix("SSPR_") else {
                continue;
            };
            if name.starts_with(TOOLING_PREFIX) {
                continue;
            }
            let key = key.to_ascii_lowercase();
            if !names::writable().any(|w| w.name == key) {
                return Err(ConfigError::UnknownVariable {
                    name,
                    closest: closest_variable(&key),
                });
            }
            self.0.insert(key, value);
        }
        Ok(())
    }

    /// Sets one setting by its variable's name in lower case without the prefix (`bind`,
    /// `database_url`), for tests and tools that build a configuration in code.
    pub fn set(&mut self, key: &str, value: impl Into<String>) -> &mut Self {
        self.0.insert(key.to_owned(), value.into());
        self
    }
}

/// `SSPR_SMTP_UR` → `SSPR_SMTP_URL`.
pub(super) fn closest_variable(name: &str) -> Option<String> {
    names::closest(
        name,
        names::writable().map(|w| (w.name.clone(), names::variable(&w.name))),
    )
}

/// `[database] url` → `database_url`; `[keys] jwt_keys_file` → `jwt_keys_file`.
fn name_in_section(section: &str, key: &str) -> Result<String, ConfigError> {
    if let Some(known) = names::writable().find(|w| w.section == section && w.key == key) {
        return Ok(known.name);
    }
    let closest = names::closest(
        key,
        names::writable().map(|w| {
            let said = if w.section == section {
                w.key.clone()
            } else {
                format!("[{}] {}", w.section, w.key)
            };
            (w.key, said)
        }),
    );
    Err(ConfigError::Unknown {
        name: key.to_owned(),
        section: Some(section.to_owned()),
        closest,
    })
}

/// A value outside every section: a setting written as in the flat files of earlier versions
/// (`bind = …`, `database_url = …`, `captcha = …`) is told where it goes; a section's name given
/// a plain value gets `not_a_table`; anything else is unknown.
fn at_top_level(name: String, not_a_table: impl FnOnce(String) -> ConfigError) -> ConfigError {
    let places: Vec<String> = names::writable()
        .filter(|w| w.key == name || w.name == name)
        .map(|Writable { section, key, .. }| {
            if key == name {
                format!("[{section}]")
            } else {
                format!("[{section}] (as `{key}`)")
            }
        })
        .collect();
    if !places.is_empty() {
        return ConfigError::Misplaced {
            name,
            place: places.join(" or "),
        };
    }
    if names::sections().any(|s| s == name) {
        return not_a_table(name);
    }
    let closest = names::closest(
        &name,
        names::writable().map(|w| (w.key.clone(), format!("[{}] {}", w.section, w.key))),
    );
    ConfigError::Unknown {
        name,
        section: None,
        closest,
    }
}

/// The text of a TOML value: lists are joined with commas, as a variable writes them.
fn text_of(value: toml::Value) -> Option<String> {
    Some(match value {
        toml::Value::String(s) => s,
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Boolean(b) => b.to_string(),
        toml::Value::Array(items) => items
            .into_iter()
            .map(|v| match v {
                toml::Value::String(s) => s,
                other => other.to_string(),
            })
            .collect::<Vec<_>>()
            .join(","),
        _ => return None,
    })
}
