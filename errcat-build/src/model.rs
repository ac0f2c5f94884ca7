//! The catalogue model: plain data that every stage after parsing works on.
//!
//! Values keep the text the author wrote next to what was made of it, so a
//! check can say "`4000x` is not a number" at the right column.

use crate::source::{FileId, SourceFile, Span};

/// Everything read from one set of catalogue files.
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Model {
    #[cfg_attr(feature = "serde", serde(skip))]
    pub sources: Vec<SourceFile>,
    /// Facts declared once per file, indexed by [`FileId`].
    pub files: Vec<FileFacts>,
    pub catalogs: Vec<Catalog>,
}

impl Model {
    pub fn source(&self, file: FileId) -> &SourceFile {
        &self.sources[file as usize]
    }

    pub fn facts(&self, file: FileId) -> &FileFacts {
        &self.files[file as usize]
    }

    pub fn catalog(&self, name: &str) -> Option<&Catalog> {
        self.catalogs.iter().find(|c| c.name == name)
    }
}

/// What a file declares for all the catalogues it holds.
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct FileFacts {
    pub path: String,
    /// The HTTP statuses the file documents (a Go `StatusXxx = NNN` block or
    /// a `| 404 - Not Found | … |` table). When present, records may only
    /// use these statuses.
    pub status_reference: Option<StatusReference>,
    /// Field names of the JSON error body, from a fenced example.
    pub body: Option<WireBody>,
    /// Code ranges by category (`1xxx | BaseError | 基础错误类型`).
    pub categories: Vec<Category>,
}

impl FileFacts {
    /// The declared range that holds a code, reserved or not.
    pub fn category_of(&self, code: i64) -> Option<&Category> {
        self.categories.iter().find(|c| c.contains(code))
    }

    /// The category a numbered section opens: `### 2. Pod 类型错误`
    /// opens `2xxx`.
    pub fn section_category(&self, section: &Section) -> Option<&Category> {
        let number = section.number?.to_string();
        self.categories.iter().find(|c| c.prefix() == number)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct StatusReference {
    pub span: Span,
    pub statuses: Vec<StatusDef>,
}

impl StatusReference {
    pub fn get(&self, status: u16) -> Option<&StatusDef> {
        self.statuses.iter().find(|s| s.status == status)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct StatusDef {
    pub status: u16,
    /// The reference's own name for it (`StatusNotFound`, `Not Found`).
    pub name: Option<String>,
    pub description: Option<String>,
    pub span: Span,
}

/// The JSON error body's field names.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct WireBody {
    pub code_field: String,
    pub message_field: String,
    /// Where the body was declared; `None` for the built-in default.
    pub span: Option<Span>,
}

impl Default for WireBody {
    fn default() -> Self {
        WireBody {
            code_field: "code".to_string(),
            message_field: "message".to_string(),
            span: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Category {
    /// `BaseError`, or `预留` for a reserved range.
    pub name: Text,
    pub description: Option<Text>,
    /// How the range was written (`1xxx`).
    pub pattern: String,
    pub first: i64,
    pub last: i64,
    pub reserved: bool,
}

impl Category {
    pub fn contains(&self, code: i64) -> bool {
        (self.first..=self.last).contains(&code)
    }

    /// The digits before the `x`s: `2` for `2xxx`.
    pub fn prefix(&self) -> &str {
        self.pattern.trim_end_matches(['x', 'X'])
    }
}

/// How a part's records are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum RecordFormat {
    /// `- HttpCode: 400` / `- ErrorCode: 40000001` / `- 中文名称: …`
    Bullet,
    /// `| 1001 | ParamInvalidError | 参数不合法 |`
    Table,
    /// `NAME = 10001` under a `// message` comment.
    Constant,
}

/// Where a part of a file lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum PartOrigin {
    /// All records outside code blocks.
    Document,
    /// The records of one code block.
    CodeBlock { span: Span },
}

/// One catalogue: the records of one part of a file. Each becomes a module
/// with its own enum.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Catalog {
    /// Rust module name, unique in the model (`console`).
    pub name: String,
    pub file: FileId,
    /// 1-based, in order of each part's first record.
    pub part: u32,
    pub origin: PartOrigin,
    pub format: RecordFormat,
    /// Catalogues in one namespace share one wire: codes must not collide
    /// across them. `None`: the catalogue is a namespace of its own.
    pub namespace: Option<String>,
    /// Status for records that do not carry their own.
    pub default_http_status: u16,
    pub body: WireBody,
    /// RFC 9457 problem `type` template (`{catalog}`, `{code}`, `{name}`).
    pub problem_type: Option<String>,
    /// Codes withdrawn on purpose (catalogs.toml `retired`), with where
    /// they are listed: no record may use them again.
    pub retired: Vec<(i64, Span)>,
    pub sections: Vec<Section>,
    pub entries: Vec<Entry>,
}

impl Catalog {
    pub fn section(&self, entry: &Entry) -> Option<&Section> {
        entry.section.map(|i| &self.sections[i])
    }

    /// Whether records state their own HTTP status (so the status belongs to
    /// the record and the code-prefix and section checks apply).
    pub fn has_record_statuses(&self) -> bool {
        self.format == RecordFormat::Bullet || self.entries.iter().any(|e| e.http_status.is_some())
    }
}

/// A heading that groups the records after it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Section {
    pub title: Text,
    pub level: u8,
    /// The HTTP class the title names: 4 for `### 400错误类型` or `4xx`.
    pub http_class: Option<u8>,
    /// The leading number of a numbered title (`### 2. Pod 类型错误`).
    pub number: Option<u32>,
}

/// One error code record.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Entry {
    /// The whole record.
    pub span: Span,
    pub format: RecordFormat,
    pub code: Option<Number>,
    pub http_status: Option<Number>,
    /// The identifier as written (`ILLEGAL_PARAMETER`, `ParamInvalidError`).
    pub name: Option<Text>,
    pub message: Option<Text>,
    /// Index into [`Catalog::sections`].
    pub section: Option<usize>,
    /// Fields or columns errcat does not use, kept for tools.
    pub extra: Vec<(String, Text)>,
}

impl Entry {
    pub fn code_value(&self) -> Option<i64> {
        self.code.as_ref().and_then(|c| c.value)
    }

    pub fn status_value(&self) -> Option<i64> {
        self.http_status.as_ref().and_then(|s| s.value)
    }

    pub fn message_text(&self) -> Option<&str> {
        self.message.as_ref().map(|m| m.text.as_str())
    }
}

/// A piece of source text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Text {
    pub text: String,
    pub span: Span,
}

/// A number as written, and its value when it is an integer.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Number {
    pub text: String,
    pub value: Option<i64>,
    pub span: Span,
}

impl Number {
    pub fn new(text: &str, span: Span) -> Self {
        Number {
            text: text.to_string(),
            value: parse_integer(text),
            span,
        }
    }
}

/// An optionally signed decimal integer; `_` and `,` group separators are
/// not accepted, since a catalogue would not show them on the wire.
pub fn parse_integer(text: &str) -> Option<i64> {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
