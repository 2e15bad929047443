//! A setting's text as a serde deserializer: the value is parsed into whatever the field's type
//! asks for, so a variable (always text) and a TOML value (written to text on reading) type the
//! same way, and a bad value's error quotes it.

use serde::de::value::{Error, SeqDeserializer, StringDeserializer};
use serde::de::{self, Error as _, IntoDeserializer, Visitor};
use serde::forward_to_deserialize_any;

/// One setting's value, trimmed.
pub(super) struct Text(pub String);

impl Text {
    fn parse<T: std::str::FromStr>(&self) -> Result<T, Error>
    where
        T::Err: std::fmt::Display,
    {
        self.0
            .parse()
            .map_err(|e: T::Err| Error::custom(format!("`{}`: {e}", self.0)))
    }

    fn quoted(&self, e: Error) -> Error {
        Error::custom(format!("`{}`: {e}", self.0))
    }
}

impl<'de> IntoDeserializer<'de, Error> for Text {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

macro_rules! parsed {
    ($($method:ident => $visit:ident,)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
                visitor.$visit(self.parse()?)
            }
        )*
    };
}

impl<'de> de::Deserializer<'de> for Text {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_string(visitor)
    }

    parsed! {
        deserialize_bool => visit_bool,
        deserialize_i8 => visit_i8,
        deserialize_i16 => visit_i16,
        deserialize_i32 => visit_i32,
        deserialize_i64 => visit_i64,
        deserialize_u8 => visit_u8,
        deserialize_u16 => visit_u16,
        deserialize_u32 => visit_u32,
        deserialize_u64 => visit_u64,
        deserialize_f64 => visit_f64,
        deserialize_char => visit_char,
    }

    /// Types parsed from text by their own `Deserialize` (`SocketAddr`) fail here: quote the value.
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_str(&self.0).map_err(|e| self.quoted(e))
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    /// A value that is there is `Some`; an unset one never reaches a deserializer.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    /// Lists are comma-separated (a TOML array was joined with commas on reading).
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let items: Vec<Text> = self
            .0
            .split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(|item| Text(item.to_owned()))
            .collect();
        SeqDeserializer::new(items.into_iter()).deserialize_any(visitor)
    }

    /// `production`, `json`, `turnstile`: the variant's name.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_enum(StringDeserializer::<Error>::new(self.0))
    }

    forward_to_deserialize_any! {
        i128 u128 f32 bytes byte_buf unit unit_struct tuple tuple_struct map struct identifier
        ignored_any
    }
}
