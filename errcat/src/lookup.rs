//! Errors of the lookups every generated enum offers.

use std::fmt;

use crate::OwnedCode;

/// A code that is not in the catalogue (`TryFrom<u32>`): a newer server may
/// send codes this build does not know.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnknownCode {
    pub catalog: &'static str,
    pub code: OwnedCode,
}

impl UnknownCode {
    pub fn new(catalog: &'static str, code: impl Into<OwnedCode>) -> Self {
        UnknownCode {
            catalog,
            code: code.into(),
        }
    }
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "code {} is not in catalogue `{}`",
            self.code, self.catalog
        )
    }
}

impl std::error::Error for UnknownCode {}

/// A name that is not in the catalogue (`FromStr`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnknownName {
    pub catalog: &'static str,
    pub name: String,
}

impl UnknownName {
    pub fn new(catalog: &'static str, name: &str) -> Self {
        UnknownName {
            catalog,
            name: name.to_string(),
        }
    }
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a name in catalogue `{}`",
            self.name, self.catalog
        )
    }
}

impl std::error::Error for UnknownName {}
