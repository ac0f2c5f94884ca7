//! What every generated catalogue shares: the [`ErrorCode`] trait and the
//! [`Catalog`] description behind the registry.

use std::fmt;

use crate::CodeValue;

/// One error code of any catalogue. Every generated `Code` enum implements
/// it, so a service can handle codes of several catalogues with one
/// function, generically or as `&dyn ErrorCode`:
///
/// ```
/// use errcat::ErrorCode;
///
/// fn log_line(error: &dyn ErrorCode) -> String {
///     format!("{} {} HTTP {} ({})", error.catalog().name(), error.code(), error.http_status(), error.defined_at())
/// }
///
/// let line = log_line(&errcat_catalogs::console::Code::E40400004);
/// assert_eq!(line, "console 40400004 HTTP 404 (catalogs/console.md:227)");
/// ```
pub trait ErrorCode: fmt::Debug + fmt::Display + Send + Sync + 'static {
    /// The code, as sent on the wire: a number, or a symbol in a catalogue
    /// of symbolic codes.
    fn code(&self) -> CodeValue<'static>;

    /// The identifier as the catalogue writes it (`ILLEGAL_PARAMETER`),
    /// or the variant name when the catalogue gives none (`E40400004`).
    fn name(&self) -> &'static str;

    /// The message, exactly as written; empty if the record has none.
    fn message(&self) -> &'static str;

    /// The HTTP status to answer with: the record's own, or its
    /// catalogue's default (HTTP 500 unless catalogs.toml sets another).
    fn http_status(&self) -> u16;

    /// The catalogue the code belongs to.
    fn catalog(&self) -> &'static Catalog;

    /// Where the code is defined. (Not `source`, which
    /// [`std::error::Error`] has for the cause.)
    fn defined_at(&self) -> Source {
        Source {
            file: self.catalog().source(),
            line: self.source_line(),
        }
    }

    /// The line of the catalogue file that defines the code.
    fn source_line(&self) -> u32;

    /// The message in `locale`, a BCP 47 tag (`zh-CN` is served by `zh`,
    /// `zh` by `zh-CN`), if the catalogue has it in that language: a
    /// translation, or the message itself where that is its language. See
    /// [`Catalog::locales`].
    fn message_in(&self, locale: &str) -> Option<&'static str> {
        let _ = locale;
        None
    }

    /// The message in the language an `Accept-Language` header prefers
    /// among the catalogue's, else the message.
    fn message_for(&self, accept_language: &str) -> &'static str {
        let locales = self.catalog().locales();
        crate::language::negotiate(accept_language, locales)
            .and_then(|i| self.message_in(locales[i]))
            .unwrap_or_else(|| self.message())
    }

    /// The code's catalogue, without a value at hand.
    fn catalog_of() -> &'static Catalog
    where
        Self: Sized;

    /// The variant for a code, if the catalogue has it.
    fn from_code(code: CodeValue<'_>) -> Option<Self>
    where
        Self: Sized;

    /// What an [`Error`](crate::Error) adds to its code: a detail, fields,
    /// the cause. A bare code has none.
    fn context(&self) -> Option<&crate::Context> {
        None
    }

    /// The HTTP status as an [`http::StatusCode`]. A status the `http`
    /// crate cannot represent (only possible where catalogs.toml allows
    /// invalid statuses) becomes 500.
    #[cfg(feature = "http")]
    fn status_code(&self) -> http::StatusCode {
        http::StatusCode::from_u16(self.http_status())
            .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR)
    }
}

/// Where a code is defined: the catalogue file and line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Source {
    pub file: &'static str,
    pub line: u32,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// A catalogue: its name, file, size, wire body and codes. The generated
/// module of each catalogue holds one as `CATALOG`; `CATALOGS` lists them
/// all.
pub struct Catalog {
    name: &'static str,
    source: &'static str,
    records: usize,
    default_http_status: u16,
    body_fields: [&'static str; 2],
    problem_type: Option<&'static str>,
    locales: &'static [&'static str],
    lookup: fn(CodeValue<'_>) -> Option<&'static dyn ErrorCode>,
    entry: fn(usize) -> &'static dyn ErrorCode,
}

impl Catalog {
    #[doc(hidden)]
    #[allow(clippy::too_many_arguments)]
    pub const fn __new(
        name: &'static str,
        source: &'static str,
        records: usize,
        default_http_status: u16,
        body_fields: [&'static str; 2],
        problem_type: Option<&'static str>,
        locales: &'static [&'static str],
        lookup: fn(CodeValue<'_>) -> Option<&'static dyn ErrorCode>,
        entry: fn(usize) -> &'static dyn ErrorCode,
    ) -> Catalog {
        Catalog {
            name,
            source,
            records,
            default_http_status,
            body_fields,
            problem_type,
            locales,
            lookup,
            entry,
        }
    }

    /// The catalogue's name, which is also its module's (`console`).
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The catalogue file, relative to the crate that compiled it.
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// How many codes the catalogue has.
    pub fn len(&self) -> usize {
        self.records
    }

    pub fn is_empty(&self) -> bool {
        self.records == 0
    }

    /// The status of records that do not state their own.
    pub fn default_http_status(&self) -> u16 {
        self.default_http_status
    }

    /// The JSON body's field for the code (`Code`, or `code` by default).
    pub fn code_field(&self) -> &'static str {
        self.body_fields[0]
    }

    /// The JSON body's field for the message.
    pub fn message_field(&self) -> &'static str {
        self.body_fields[1]
    }

    /// The RFC 9457 problem `type` template from catalogs.toml, if any
    /// (`{catalog}`, `{code}` and `{name}` are filled in).
    pub fn problem_type(&self) -> Option<&'static str> {
        self.problem_type
    }

    /// The languages of the messages (BCP 47 tags): the messages' own
    /// first, where the catalogue declares or shows it, then those of its
    /// translations.
    pub fn locales(&self) -> &'static [&'static str] {
        self.locales
    }

    /// The entry for a code, for gateways translating codes they receive:
    /// a number, or text (a number in it, or a symbol).
    pub fn find<'c>(&self, code: impl Into<CodeValue<'c>>) -> Option<&'static dyn ErrorCode> {
        (self.lookup)(code.into())
    }

    /// Every code, in ascending order.
    pub fn codes(&self) -> impl ExactSizeIterator<Item = &'static dyn ErrorCode> + use<> {
        (0..self.records).map(self.entry)
    }
}

impl fmt::Debug for Catalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalog")
            .field("name", &self.name)
            .field("source", &self.source)
            .field("records", &self.records)
            .finish_non_exhaustive()
    }
}
