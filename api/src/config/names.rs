//! The names of the settings, read off the section structs: which section a variable belongs
//! to, what its key is in the file, which settings hold a secret, and the closest known name
//! to a mistyped one. The structs are the only list; nothing here repeats their fields.
//!
//! The rule: a key is its variable's name without `SSPR_`, in lower case (`SSPR_BIND` is
//! `[server] bind`), except in the sections whose variables all begin with the section's name
//! ([`Section::PREFIXED`]), where the key leaves that name out (`SSPR_DATABASE_URL` is
//! `[database] url`) and the variable that is the name alone is `kind` (`SSPR_CAPTCHA` is
//! `[captcha] kind`). `[directory]` is not prefixed but has that `kind` too (`SSPR_DIRECTORY`;
//! [`Section::KIND_IS_NAME`]): its LDAP settings keep their whole name (`ldap_url`).

use std::sync::LazyLock;

use serde::de::{self, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::forward_to_deserialize_any;

use super::captcha::Captcha;
use super::database::Database;
use super::delivery::Delivery;
use super::directory::Directory;
use super::keys::Keys;
use super::limits::Limits;
use super::server::Server;

/// The newtype names the loader looks for in a field's type (see [`Kind`]).
pub(super) const SECRET: &str = "Secret";
pub(super) const LISTENER: &str = "Listener";

/// One part of the configuration file: a `[NAME]` table, deserialized into its struct.
pub(super) trait Section: DeserializeOwned + Default {
    const NAME: &'static str;
    /// Whether the section's variables all start with its name, which their keys then leave out.
    const PREFIXED: bool = false;
    /// Whether the variable that is the section's name alone is its `kind` (true wherever the
    /// section is [`Self::PREFIXED`]; `[directory]` has it without the prefix).
    const KIND_IS_NAME: bool = Self::PREFIXED;
}

/// What loading must know about a setting's value, as its field's type says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Plain,
    /// A [`super::Secret`]: may instead be read from the file named by `<name>_file`.
    Secret,
    /// A listener that can be turned off: an empty value means "off", not "not set".
    Listener,
}

#[derive(Debug)]
pub(super) struct Setting {
    pub section: &'static str,
    pub key: &'static str,
    /// The variable's name without `SSPR_`, in lower case: what `Settings` is keyed by.
    pub name: String,
    pub kind: Kind,
}

impl Setting {
    pub fn variable(&self) -> String {
        variable(&self.name)
    }
}

/// `smtp_url` → `SSPR_SMTP_URL`.
pub(super) fn variable(name: &str) -> String {
    format!("SSPR_{}", name.to_ascii_uppercase())
}

/// Every setting, section by section, in the order of the struct fields.
pub(super) fn all() -> &'static [Setting] {
    static ALL: LazyLock<Vec<Setting>> = LazyLock::new(|| {
        let mut all = Vec::new();
        add::<Server>(&mut all);
        add::<Database>(&mut all);
        add::<Directory>(&mut all);
        add::<Delivery>(&mut all);
        add::<Captcha>(&mut all);
        add::<Limits>(&mut all);
        add::<Keys>(&mut all);
        all
    });
    &ALL
}

fn add<S: Section>(all: &mut Vec<Setting>) {
    for (key, kind) in fields::<S>() {
        let name = match (S::PREFIXED, key) {
            (_, "kind") if S::KIND_IS_NAME => S::NAME.to_owned(),
            (false, _) => key.to_owned(),
            (true, _) => format!("{}_{key}", S::NAME),
        };
        all.push(Setting {
            section: S::NAME,
            key,
            name,
            kind,
        });
    }
}

pub(super) fn sections() -> impl Iterator<Item = &'static str> {
    let mut names: Vec<&'static str> = all().iter().map(|s| s.section).collect();
    names.dedup();
    names.into_iter()
}

pub(super) fn by_name(name: &str) -> Option<&'static Setting> {
    all().iter().find(|s| s.name == name)
}

pub(super) fn by_key(section: &str, key: &str) -> Option<&'static Setting> {
    all().iter().find(|s| s.section == section && s.key == key)
}

/// `sms_auth_token_file` → the `sms_auth_token` setting, for the settings that hold a secret.
pub(super) fn secret_file_of(name: &str) -> Option<&'static Setting> {
    by_name(name.strip_suffix("_file")?).filter(|s| s.kind == Kind::Secret)
}

/// A name one may write, in the file or as a variable: every setting, and `<secret>_file`.
pub(super) struct Writable {
    pub section: &'static str,
    pub key: String,
    pub name: String,
}

pub(super) fn writable() -> impl Iterator<Item = Writable> {
    all().iter().flat_map(|s| {
        let plain = Writable {
            section: s.section,
            key: s.key.to_owned(),
            name: s.name.clone(),
        };
        let file = (s.kind == Kind::Secret).then(|| Writable {
            section: s.section,
            key: format!("{}_file", s.key),
            name: format!("{}_file", s.name),
        });
        std::iter::once(plain).chain(file)
    })
}

/// The candidate closest to a mistyped name, when it is close enough to be a typo
/// (Jaro–Winkler ≥ 0.85); each candidate comes with what to say about it.
pub(super) fn closest<T>(
    typed: &str,
    candidates: impl IntoIterator<Item = (String, T)>,
) -> Option<T> {
    candidates
        .into_iter()
        .map(|(candidate, said)| (strsim::jaro_winkler(typed, &candidate), said))
        .filter(|(score, _)| *score >= 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, said)| said)
}

/// A struct's fields and the [`Kind`] of each, from its `Deserialize` implementation (the trick
/// of `serde_aux::serde_introspect`): `deserialize_struct` is handed the field names, and
/// feeding one field a probe shows which newtype, if any, its type asks for.
fn fields<S: DeserializeOwned>() -> Vec<(&'static str, Kind)> {
    let mut names: &'static [&'static str] = &[];
    let _ = S::deserialize(Introspect {
        names: &mut names,
        probe: None,
    });
    names
        .iter()
        .map(|&key| {
            let mut kind = Kind::Plain;
            let mut again: &'static [&'static str] = &[];
            let _ = S::deserialize(Introspect {
                names: &mut again,
                probe: Some((key, &mut kind)),
            });
            (key, kind)
        })
        .collect()
}

type Error = de::value::Error;

/// Deserializes nothing: it records the field names, and, when probing, offers one field.
struct Introspect<'a> {
    names: &'a mut &'static [&'static str],
    probe: Option<(&'static str, &'a mut Kind)>,
}

impl<'de> Deserializer<'de> for Introspect<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
        Err(de::Error::custom("only structs are introspected"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        *self.names = fields;
        match self.probe {
            None => Err(de::Error::custom("names recorded")),
            Some((key, kind)) => visitor.visit_map(OneField {
                key: Some(key),
                kind,
            }),
        }
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

struct OneField<'a> {
    key: Option<&'static str>,
    kind: &'a mut Kind,
}

impl<'de> MapAccess<'de> for OneField<'_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        self.key
            .take()
            .map(|key| seed.deserialize(de::value::BorrowedStrDeserializer::new(key)))
            .transpose()
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(Probe(self.kind))
    }
}

/// Stands for a field's value: looks through `Option` and records the first newtype asked for,
/// then stops the deserialization.
struct Probe<'a>(&'a mut Kind);

impl<'de> Deserializer<'de> for Probe<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
        Err(de::Error::custom("probed"))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _: V,
    ) -> Result<V::Value, Error> {
        *self.0 = match name {
            SECRET => Kind::Secret,
            LISTENER => Kind::Listener,
            _ => Kind::Plain,
        };
        Err(de::Error::custom("probed"))
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}
