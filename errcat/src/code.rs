//! Codes as values: a number (`40400004`) or, in a catalogue of symbolic
//! codes, a symbol (`ERR_INVALID_PARAM`).

use std::fmt;

/// Whether `text` is a symbolic code as catalogues write them: an
/// identifier (`ERR_INVALID_PARAM`, `USER_40301`, `BadDigest`), one joined
/// by `-` or `.` (`base-symbol-error`, `RN-01`, `invalid.token`), or such
/// parts namespaced by `/` (`post/title-too-short`).
///
/// ```
/// assert!(errcat::is_symbolic_code("ERR_INVALID_PARAM"));
/// assert!(errcat::is_symbolic_code("user/invalid-group"));
/// assert!(!errcat::is_symbolic_code("/users"));
/// assert!(!errcat::is_symbolic_code("bad-"));
/// assert!(!errcat::is_symbolic_code("40001"));
/// ```
pub fn is_symbolic_code(text: &str) -> bool {
    text.split('/').all(|part| {
        let bytes = part.as_bytes();
        bytes
            .first()
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_')
            && bytes
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
            && !matches!(bytes.last(), Some(b'-' | b'.'))
    })
}

/// A code as a catalogue defines it, borrowed.
///
/// ```
/// use errcat::{CodeValue, ErrorCode};
///
/// // The trait's code; `Code::code` gives the catalogue's own type (`u32`).
/// let code = ErrorCode::code(&errcat_catalogs::console::Code::E40400004);
/// assert_eq!(code, CodeValue::Number(40400004));
/// assert_eq!(code, 40400004);
/// assert_eq!(code.to_string(), "40400004");
/// assert_eq!(CodeValue::parse("ERR_INVALID_PARAM"), "ERR_INVALID_PARAM");
/// assert_eq!(CodeValue::parse("0x1A"), 26);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CodeValue<'a> {
    Number(i64),
    Symbol(&'a str),
}

impl<'a> CodeValue<'a> {
    /// A code written as text: a number if it is one (decimal, or `0x`
    /// hexadecimal), else a symbol.
    pub fn parse(text: &'a str) -> CodeValue<'a> {
        let text = text.trim();
        let hex = text
            .strip_prefix("0x")
            .or_else(|| text.strip_prefix("0X"))
            .and_then(|digits| i64::from_str_radix(digits, 16).ok());
        match hex.or_else(|| text.parse().ok()) {
            Some(number) => CodeValue::Number(number),
            None => CodeValue::Symbol(text),
        }
    }

    pub fn as_i64(self) -> Option<i64> {
        match self {
            CodeValue::Number(number) => Some(number),
            CodeValue::Symbol(_) => None,
        }
    }

    pub fn as_symbol(self) -> Option<&'a str> {
        match self {
            CodeValue::Number(_) => None,
            CodeValue::Symbol(symbol) => Some(symbol),
        }
    }

    pub fn to_owned(self) -> OwnedCode {
        match self {
            CodeValue::Number(number) => OwnedCode::Number(number),
            CodeValue::Symbol(symbol) => OwnedCode::Symbol(symbol.to_string()),
        }
    }
}

impl fmt::Display for CodeValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeValue::Number(number) => number.fmt(f),
            CodeValue::Symbol(symbol) => f.write_str(symbol),
        }
    }
}

impl PartialEq<i64> for CodeValue<'_> {
    fn eq(&self, other: &i64) -> bool {
        *self == CodeValue::Number(*other)
    }
}

impl PartialEq<&str> for CodeValue<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self == CodeValue::Symbol(other)
    }
}

impl From<i64> for CodeValue<'_> {
    fn from(number: i64) -> Self {
        CodeValue::Number(number)
    }
}

impl From<i32> for CodeValue<'_> {
    fn from(number: i32) -> Self {
        CodeValue::Number(i64::from(number))
    }
}

impl From<u32> for CodeValue<'_> {
    fn from(number: u32) -> Self {
        CodeValue::Number(i64::from(number))
    }
}

impl<'a> From<&'a str> for CodeValue<'a> {
    fn from(text: &'a str) -> Self {
        CodeValue::parse(text)
    }
}

impl<'a> From<&'a OwnedCode> for CodeValue<'a> {
    fn from(code: &'a OwnedCode) -> Self {
        code.as_value()
    }
}

/// A code held apart from its catalogue: one received from a server, or in
/// an error about a code no catalogue has.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OwnedCode {
    Number(i64),
    Symbol(String),
}

impl OwnedCode {
    pub fn as_value(&self) -> CodeValue<'_> {
        match self {
            OwnedCode::Number(number) => CodeValue::Number(*number),
            OwnedCode::Symbol(symbol) => CodeValue::Symbol(symbol),
        }
    }
}

impl fmt::Display for OwnedCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_value().fmt(f)
    }
}

impl PartialEq<i64> for OwnedCode {
    fn eq(&self, other: &i64) -> bool {
        self.as_value() == *other
    }
}

impl PartialEq<&str> for OwnedCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_value() == *other
    }
}

impl From<i64> for OwnedCode {
    fn from(number: i64) -> Self {
        OwnedCode::Number(number)
    }
}

impl From<i32> for OwnedCode {
    fn from(number: i32) -> Self {
        OwnedCode::Number(i64::from(number))
    }
}

impl From<u32> for OwnedCode {
    fn from(number: u32) -> Self {
        OwnedCode::Number(i64::from(number))
    }
}

impl From<&str> for OwnedCode {
    fn from(text: &str) -> Self {
        CodeValue::parse(text).to_owned()
    }
}

impl From<CodeValue<'_>> for OwnedCode {
    fn from(code: CodeValue<'_>) -> Self {
        code.to_owned()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for CodeValue<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            CodeValue::Number(number) => serializer.serialize_i64(*number),
            CodeValue::Symbol(symbol) => serializer.serialize_str(symbol),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for OwnedCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.as_value().serialize(serializer)
    }
}
