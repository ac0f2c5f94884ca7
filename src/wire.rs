//! Support for the serde impls of generated code (`serde` feature): the
//! JSON error body and codes as numbers. Not a public API.

use std::fmt;

pub use serde;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserializer, Serializer};

use crate::UnknownCode;

/// `{"<code field>": code, "<message field>": message}`
pub fn serialize_body<S: Serializer>(
    serializer: S,
    fields: [&'static str; 2],
    code: u32,
    message: &str,
) -> Result<S::Ok, S::Error> {
    let mut body = serializer.serialize_struct("Body", 2)?;
    body.serialize_field(fields[0], &code)?;
    body.serialize_field(fields[1], message)?;
    body.end()
}

/// A code as a number.
pub fn deserialize_code<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
    deserializer.deserialize_i64(CodeVisitor)
}

/// The code of a body; its message and any other field are not needed to
/// know the code and are skipped. The code may be a number or a string of
/// digits.
pub fn deserialize_body<'de, D: Deserializer<'de>>(
    deserializer: D,
    code_field: &'static str,
) -> Result<i64, D::Error> {
    deserializer.deserialize_map(BodyVisitor { code_field })
}

/// The variant found for `code`, or an error naming the unknown code.
pub fn known<T, E: de::Error>(catalog: &'static str, code: i64, found: Option<T>) -> Result<T, E> {
    found.ok_or_else(|| E::custom(UnknownCode::new(catalog, code)))
}

struct CodeVisitor;

impl Visitor<'_> for CodeVisitor {
    type Value = i64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer error code")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<i64, E> {
        Ok(v)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<i64, E> {
        i64::try_from(v).map_err(|_| E::custom(format_args!("error code {v} is out of range")))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<i64, E> {
        v.trim()
            .parse()
            .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
    }
}

/// Deserializes a code that may be a number or a string of digits.
struct AnyCode;

impl<'de> DeserializeSeed<'de> for AnyCode {
    type Value = i64;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<i64, D::Error> {
        deserializer.deserialize_any(CodeVisitor)
    }
}

/// Whether a map key is the code field, without allocating it.
struct IsField(&'static str);

impl<'de> DeserializeSeed<'de> for IsField {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for IsField {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
        Ok(v == self.0)
    }
}

struct BodyVisitor {
    code_field: &'static str,
}

impl<'de> Visitor<'de> for BodyVisitor {
    type Value = i64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an error body with a `{}` field", self.code_field)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<i64, A::Error> {
        let mut code = None;
        while let Some(is_code) = map.next_key_seed(IsField(self.code_field))? {
            if !is_code {
                map.next_value::<IgnoredAny>()?;
            } else if code.is_some() {
                return Err(de::Error::duplicate_field(self.code_field));
            } else {
                code = Some(map.next_value_seed(AnyCode)?);
            }
        }
        code.ok_or_else(|| de::Error::missing_field(self.code_field))
    }
}
