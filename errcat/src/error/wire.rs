//! An [`Error`] on the wire (`serde` feature): the catalogue's body, then
//! `detail` and the fields.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, IgnoredAny, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Context, Error, Value};
use crate::ErrorCode;
use crate::wire::{AnyCode, known};

/// The key of an occurrence's detail in a body.
const DETAIL: &str = "detail";

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Text(text) => serializer.serialize_str(text),
            Value::Int(n) => serializer.serialize_i64(*n),
            Value::UInt(n) => serializer.serialize_u64(*n),
            Value::Float(n) => serializer.serialize_f64(*n),
            Value::Bool(b) => serializer.serialize_bool(*b),
        }
    }
}

/// `{"<code field>": …, "<message field>": …, "detail": …, fields…}`:
/// fields named as one of the body's own keys are left out.
pub(crate) fn serialize_with_context<S: Serializer>(
    serializer: S,
    error: &dyn ErrorCode,
    context: &Context,
    message: &str,
) -> Result<S::Ok, S::Error> {
    let catalog = error.catalog();
    let own = [catalog.code_field(), catalog.message_field(), DETAIL];
    let fields = context.fields().filter(|(name, _)| !own.contains(name));
    let mut map = serializer.serialize_map(None)?;
    map.serialize_entry(own[0], &error.code())?;
    map.serialize_entry(own[1], message)?;
    if let Some(detail) = context.detail() {
        map.serialize_entry(DETAIL, detail)?;
    }
    for (name, value) in fields {
        map.serialize_entry(name, value)?;
    }
    map.end()
}

/// The catalogue's body, then `detail` and the fields:
///
/// ```
/// use errcat::Error;
/// use errcat_catalogs::api_switch::Code;
///
/// let error = Error::new(Code::VolNotExists).with_detail("no volume `data`").with_field("volume", "data");
/// assert_eq!(
///     serde_json::to_string(&error)?,
///     r#"{"Code":10344,"Message":"云盘不存在","detail":"no volume `data`","volume":"data"}"#
/// );
/// let back: Error<Code> = serde_json::from_str(&serde_json::to_string(&error)?)?;
/// assert_eq!(back, Code::VolNotExists);
/// assert_eq!(back.detail(), Some("no volume `data`"));
/// # Ok::<(), serde_json::Error>(())
/// ```
impl<E: ErrorCode> Serialize for Error<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::BodyOf(self).serialize(serializer)
    }
}

/// A body of the catalogue's code, with its detail and fields (text,
/// numbers and booleans; other values are skipped). An unknown code is an
/// error that names it; read [`Received`](crate::Received) to keep one.
impl<'de, E: ErrorCode> Deserialize<'de> for Error<E> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ErrorVisitor(std::marker::PhantomData))
    }
}

struct ErrorVisitor<E>(std::marker::PhantomData<E>);

impl<'de, E: ErrorCode> Visitor<'de> for ErrorVisitor<E> {
    type Value = Error<E>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let catalog = E::catalog_of();
        write!(f, "an error body of catalogue `{}`", catalog.name())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let catalog = E::catalog_of();
        let mut code = None;
        let mut context = Context::default();
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if key == catalog.code_field() {
                if code.is_some() {
                    return Err(de::Error::duplicate_field(catalog.code_field()));
                }
                code = Some(map.next_value_seed(AnyCode)?);
            } else if key == catalog.message_field() {
                // The message is the code's own.
                map.next_value::<IgnoredAny>()?;
            } else if key == DETAIL {
                context.detail = map.next_value::<Option<String>>()?.map(Cow::Owned);
            } else if let Scalar(Some(value)) = map.next_value()? {
                context.fields.push((Cow::Owned(key.into_owned()), value));
            }
        }
        let code = code.ok_or_else(|| de::Error::missing_field(catalog.code_field()))?;
        let code: E = known(code)?;
        let has_context = context.detail.is_some() || !context.fields.is_empty();
        Ok(Error {
            code,
            context: has_context.then(|| Box::new(context)),
        })
    }
}

/// A field's value if it is text, a number or a boolean.
struct Scalar(Option<Value>);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field value")
    }

    fn visit_bool<Err: de::Error>(self, b: bool) -> Result<Scalar, Err> {
        Ok(Scalar(Some(Value::Bool(b))))
    }

    fn visit_i64<Err: de::Error>(self, n: i64) -> Result<Scalar, Err> {
        Ok(Scalar(Some(Value::Int(n))))
    }

    fn visit_u64<Err: de::Error>(self, n: u64) -> Result<Scalar, Err> {
        Ok(Scalar(Some(Value::UInt(n))))
    }

    fn visit_f64<Err: de::Error>(self, n: f64) -> Result<Scalar, Err> {
        Ok(Scalar(Some(Value::Float(n))))
    }

    fn visit_str<Err: de::Error>(self, text: &str) -> Result<Scalar, Err> {
        Ok(Scalar(Some(Value::Text(Cow::Owned(text.to_string())))))
    }

    fn visit_string<Err: de::Error>(self, text: String) -> Result<Scalar, Err> {
        Ok(Scalar(Some(Value::Text(Cow::Owned(text)))))
    }

    fn visit_unit<Err: de::Error>(self) -> Result<Scalar, Err> {
        Ok(Scalar(None))
    }

    fn visit_none<Err: de::Error>(self) -> Result<Scalar, Err> {
        Ok(Scalar(None))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Scalar, D::Error> {
        Scalar::deserialize(deserializer)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Scalar(None))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar(None))
    }
}
