//! How request bodies become domain types: a struct is read only from a JSON object.
//!
//! serde's derived `Deserialize` for a struct also accepts a JSON array of its fields in order,
//! so `"customization": [null, null]` would be read as `{helpdesk_url: null, helpdesk_email:
//! null}` and an array of ten values as a whole policy. The API documents objects; arrays must be
//! refused like any other wrong type. `http::extract::parse_json` refuses an array for the whole
//! body; struct-typed fields inside a body say `#[serde(deserialize_with = "crate::wire::object")]`
//! (or `objects` for a list of structs). The deserializer that carries the error paths
//! (`serde_path_to_error`) is kept, so a refusal still names the field (`customization`).

use serde::de::{Deserialize, Deserializer, Visitor};

/// Forwards everything to `D`, except that a struct is read as a map (a JSON object only).
struct ObjectOnly<D>(D);

macro_rules! forward {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.0.$method(visitor)
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for ObjectOnly<D> {
    type Error = D::Error;

    forward!(
        deserialize_any deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32
        deserialize_i64 deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32
        deserialize_u64 deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char
        deserialize_str deserialize_string deserialize_bytes deserialize_byte_buf
        deserialize_option deserialize_unit deserialize_seq deserialize_map
        deserialize_identifier deserialize_ignored_any
    );

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_unit_struct(name, visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_newtype_struct(name, visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple(len, visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple_struct(name, len, visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_enum(name, variants, visitor)
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// A struct-typed field, read from a JSON object only.
pub fn object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<T, D::Error> {
    T::deserialize(ObjectOnly(d))
}

struct Object<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        object(d).map(Object)
    }
}

/// A list of structs, each read from a JSON object only.
pub fn objects<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    Ok(Vec::<Object<T>>::deserialize(d)?
        .into_iter()
        .map(|o| o.0)
        .collect())
}

/// An optional JSON object kept as a value (with `#[serde(default)]`: absent or null is
/// `None`); anything but an object is refused (a passkey's credential).
pub fn optional_object<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<serde_json::Value>, D::Error> {
    match Option::<serde_json::Value>::deserialize(d)? {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(value @ serde_json::Value::Object(_)) => Ok(Some(value)),
        Some(_) => Err(serde::de::Error::invalid_type(
            serde::de::Unexpected::Other("a value that is not an object"),
            &"an object",
        )),
    }
}

/// An optional list of structs (with `#[serde(default)]`: absent is `None`).
pub fn optional_objects<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Vec<T>>, D::Error> {
    Ok(Option::<Vec<Object<T>>>::deserialize(d)?
        .map(|list| list.into_iter().map(|o| o.0).collect()))
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Inner {
        a: Option<u32>,
        b: Option<u32>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Outer {
        #[serde(deserialize_with = "super::object")]
        one: Inner,
        #[serde(deserialize_with = "super::objects")]
        many: Vec<Inner>,
        #[serde(default, deserialize_with = "super::optional_objects")]
        maybe: Option<Vec<Inner>>,
    }

    fn parse(text: &str) -> Result<Outer, String> {
        let mut de = serde_json::Deserializer::from_str(text);
        serde_path_to_error::deserialize(&mut de).map_err(|e| e.path().to_string())
    }

    #[test]
    fn objects_are_read_and_arrays_are_refused_with_their_path() {
        let good = parse(r#"{"one": {"a": 1}, "many": [{"b": 2}], "maybe": [{"a": 3}]}"#).unwrap();
        assert_eq!(
            good.one,
            Inner {
                a: Some(1),
                b: None
            }
        );
        assert_eq!(good.maybe.unwrap()[0].a, Some(3));
        assert_eq!(parse(r#"{"one": {}, "many": []}"#).unwrap().maybe, None);
        assert_eq!(
            parse(r#"{"one": [null, null], "many": []}"#).unwrap_err(),
            "one"
        );
        assert_eq!(
            parse(r#"{"one": {}, "many": [{}, [1, 2]]}"#).unwrap_err(),
            "many[1]"
        );
        assert_eq!(
            parse(r#"{"one": {}, "many": [], "maybe": [[null, 4]]}"#).unwrap_err(),
            "maybe[0]"
        );
    }
}
