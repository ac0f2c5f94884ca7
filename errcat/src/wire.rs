//! The JSON error body on the wire (`serde` feature).

use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{CodeValue, ErrorCode, OwnedCode, UnknownCode};

/// `{"<code field>": code, "<message field>": message}`
pub fn serialize_body<S: Serializer>(
    serializer: S,
    fields: [&'static str; 2],
    code: CodeValue<'_>,
    message: &str,
) -> Result<S::Ok, S::Error> {
    let mut body = serializer.serialize_struct("Body", 2)?;
    body.serialize_field(fields[0], &code)?;
    body.serialize_field(fields[1], message)?;
    body.end()
}

/// Any catalogue's code as its catalogue's JSON body, for code that holds
/// a `&dyn ErrorCode` (a concrete `Code` has its own `Body`):
///
/// ```
/// let entry = errcat_catalogs::lookup("api_switch", 10001).unwrap();
/// assert_eq!(serde_json::to_string(&errcat::BodyOf(entry))?, r#"{"Code":10001,"Message":"参数不合法"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct BodyOf<'a>(pub &'a dyn ErrorCode);

impl Serialize for BodyOf<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        BodyIn(self.0, None).serialize(serializer)
    }
}

/// The message a client reads: in `locale` where the catalogue has it,
/// with the error's values filled in.
pub(crate) fn message_of(
    error: &dyn ErrorCode,
    locale: Option<&str>,
) -> std::borrow::Cow<'static, str> {
    let template = locale
        .and_then(|l| error.message_in(l))
        .unwrap_or_else(|| error.message());
    match error.context() {
        Some(context) => std::borrow::Cow::Owned(context.fill(template).into_owned()),
        None => std::borrow::Cow::Borrowed(template),
    }
}

/// [`BodyOf`] with the message in a locale.
pub(crate) struct BodyIn<'a>(pub &'a dyn ErrorCode, pub Option<&'a str>);

impl Serialize for BodyIn<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let BodyIn(error, locale) = *self;
        let message = message_of(error, locale);
        if let Some(context) = error.context() {
            return crate::error::serialize_with_context(serializer, error, context, &message);
        }
        let catalog = error.catalog();
        serialize_body(
            serializer,
            [catalog.code_field(), catalog.message_field()],
            error.code(),
            &message,
        )
    }
}

/// A numeric code.
pub fn deserialize_number<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<OwnedCode, D::Error> {
    deserializer.deserialize_i64(CodeVisitor)
}

/// A symbolic code.
pub fn deserialize_symbol<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<OwnedCode, D::Error> {
    deserializer.deserialize_str(CodeVisitor)
}

/// The code and message of a body. Other fields are skipped; the code may
/// be a number, or a string (of digits, or a symbol).
pub fn deserialize_body<'de, D: Deserializer<'de>>(
    deserializer: D,
    fields: [&'static str; 2],
) -> Result<(OwnedCode, Option<String>), D::Error> {
    deserializer.deserialize_map(BodyVisitor { fields })
}

/// The variant for `code`, or an error naming the unknown code.
pub fn known<E: ErrorCode, Err: de::Error>(code: OwnedCode) -> Result<E, Err> {
    E::from_code(code.as_value())
        .ok_or_else(|| Err::custom(UnknownCode::new(E::catalog_of().name(), code)))
}

/// A body received from a server, whose code this build may not know (a
/// newer server can send codes added since). Deserialize it with the
/// catalogue's field names:
///
/// ```
/// use errcat::Received;
/// use errcat_catalogs::api_switch::Code;
///
/// let body: Received<Code> = serde_json::from_str(r#"{"Code":10005,"Message":"非法请求"}"#)?;
/// assert_eq!(body, Received::Known(Code::Badrequest));
///
/// let body: Received<Code> = serde_json::from_str(r#"{"Code":10999,"Message":"新的错误"}"#)?;
/// assert_eq!(body, Received::Unknown { code: 10999.into(), message: Some("新的错误".to_string()) });
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Received<E> {
    /// A code of the catalogue.
    Known(E),
    /// A code the catalogue does not have, with the message that came with it.
    Unknown {
        code: OwnedCode,
        message: Option<String>,
    },
}

impl<E: ErrorCode> Received<E> {
    /// The known code, if it is one.
    pub fn known(self) -> Option<E> {
        match self {
            Received::Known(code) => Some(code),
            Received::Unknown { .. } => None,
        }
    }

    /// The code, known or not.
    pub fn code(&self) -> CodeValue<'_> {
        match self {
            Received::Known(code) => code.code(),
            Received::Unknown { code, .. } => code.as_value(),
        }
    }
}

impl<'de, E: ErrorCode> Deserialize<'de> for Received<E> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let catalog = E::catalog_of();
        let (code, message) = deserialize_body(
            deserializer,
            [catalog.code_field(), catalog.message_field()],
        )?;
        Ok(match E::from_code(code.as_value()) {
            Some(known) => Received::Known(known),
            None => Received::Unknown { code, message },
        })
    }
}

/// A code: a number, or a string holding a number or a symbol.
struct CodeVisitor;

impl Visitor<'_> for CodeVisitor {
    type Value = OwnedCode;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an error code")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<OwnedCode, E> {
        Ok(OwnedCode::Number(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<OwnedCode, E> {
        i64::try_from(v)
            .map(OwnedCode::Number)
            .map_err(|_| E::custom(format_args!("error code {v} is out of range")))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<OwnedCode, E> {
        match CodeValue::parse(v) {
            CodeValue::Symbol(symbol) if !crate::is_symbolic_code(symbol) => {
                Err(E::invalid_value(de::Unexpected::Str(v), &self))
            }
            code => Ok(code.to_owned()),
        }
    }
}

/// Deserializes a code that may be a number or a string.
pub(crate) struct AnyCode;

impl<'de> DeserializeSeed<'de> for AnyCode {
    type Value = OwnedCode;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<OwnedCode, D::Error> {
        deserializer.deserialize_any(CodeVisitor)
    }
}

/// Which of the body's fields a map key is, without allocating it.
struct FieldOf([&'static str; 2]);

#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Code,
    Message,
    Other,
}

impl<'de> DeserializeSeed<'de> for FieldOf {
    type Value = Field;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Field, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for FieldOf {
    type Value = Field;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Field, E> {
        Ok(if v == self.0[0] {
            Field::Code
        } else if v == self.0[1] {
            Field::Message
        } else {
            Field::Other
        })
    }
}

struct BodyVisitor {
    fields: [&'static str; 2],
}

impl<'de> Visitor<'de> for BodyVisitor {
    type Value = (OwnedCode, Option<String>);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an error body with a `{}` field", self.fields[0])
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut code = None;
        let mut message = None;
        while let Some(field) = map.next_key_seed(FieldOf(self.fields))? {
            match field {
                Field::Code if code.is_some() => {
                    return Err(de::Error::duplicate_field(self.fields[0]));
                }
                Field::Code => code = Some(map.next_value_seed(AnyCode)?),
                Field::Message => message = map.next_value::<Option<String>>()?,
                Field::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let code = code.ok_or_else(|| de::Error::missing_field(self.fields[0]))?;
        Ok((code, message))
    }
}
