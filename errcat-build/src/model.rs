//! The catalogue model: plain data that every stage after parsing works on.
//!
//! Values keep the text the author wrote next to what was made of it, so a
//! check can say "`4000x` is not a number" at the right column.

use std::ops::Range;

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

    /// 1-based line of where a span starts.
    pub fn line_of(&self, span: Span) -> u32 {
        self.source(span.file).line_of(span)
    }

    /// Which part of its file a catalogue is, in words for docs.
    pub fn describe_origin(&self, catalog: &Catalog) -> String {
        match catalog.origin {
            PartOrigin::Document => "the records outside code blocks".to_string(),
            PartOrigin::CodeBlock { span } => {
                format!("the code block at line {}", self.line_of(span))
            }
        }
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
    /// Code-like lines and rows found but not read into records (each
    /// block of them has an `unread-codes` warning).
    pub unread_codes: u32,
}

impl FileFacts {
    /// The narrowest declared range that holds a code, reserved or not.
    pub fn category_of(&self, code: i64) -> Option<&Category> {
        self.categories
            .iter()
            .filter(|c| c.contains(code))
            .min_by_key(|c| c.last.saturating_sub(c.first))
    }

    /// The range of a section: the one it declares (`### 1000-1999 - …`,
    /// a range line under it), or the category its number opens
    /// (`### 2. Pod 类型错误` opens `2xxx`).
    pub fn section_category(&self, section: &Section) -> Option<&Category> {
        if let Some(index) = section.range {
            return self.categories.get(index);
        }
        let number = section.number?.to_string();
        self.categories
            .iter()
            .find(|c| c.origin == RangeOrigin::CategoryTable && c.prefix() == number)
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

/// A declared range of codes: a category (`1xxx | BaseError`), a range
/// heading (`### 1000-1999 - 通用错误`) or a range line under a heading
/// (`错误码范围：10001 - 10099`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Category {
    /// `BaseError`, or `预留` for a reserved range.
    pub name: Text,
    pub description: Option<Text>,
    /// How the range was written (`1xxx`, `1000-1999`).
    pub pattern: String,
    pub first: i64,
    pub last: i64,
    pub reserved: bool,
    pub origin: RangeOrigin,
}

/// Where a range is declared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum RangeOrigin {
    /// A category table: the ranges divide the codes between them, so
    /// every code must fall in one.
    CategoryTable,
    /// A heading, a line under a heading, or a row of a code table: the
    /// range of one section.
    Section,
}

impl Category {
    /// Whether the range holds a code; a range written without a sign
    /// (`10xx`) holds the negative codes it spells too (`-1001`), as
    /// catalogues of negative codes write their ranges.
    pub fn contains(&self, code: i64) -> bool {
        (self.first..=self.last).contains(&code)
            || (code < 0
                && self.first >= 0
                && (self.first..=self.last).contains(&code.saturating_neg()))
    }

    /// The digits before the `x`s: `2` for `2xxx`.
    pub fn prefix(&self) -> &str {
        self.pattern.trim_end_matches(['x', 'X'])
    }
}

/// The Rust type of a catalogue's codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum CodeType {
    U32,
    I32,
    I64,
    /// Codes that are identifiers (`ERR_INVALID_PARAM`), `&'static str`.
    #[cfg_attr(feature = "serde", serde(rename = "string"))]
    Symbol,
}

impl CodeType {
    pub fn parse(name: &str) -> Option<CodeType> {
        Some(match name {
            "u32" => CodeType::U32,
            "i32" => CodeType::I32,
            "i64" => CodeType::I64,
            "string" => CodeType::Symbol,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            CodeType::U32 => "u32",
            CodeType::I32 => "i32",
            CodeType::I64 => "i64",
            CodeType::Symbol => "string",
        }
    }

    pub fn min(self) -> i64 {
        match self {
            CodeType::U32 => 0,
            CodeType::I32 => i64::from(i32::MIN),
            CodeType::I64 | CodeType::Symbol => i64::MIN,
        }
    }

    pub fn max(self) -> i64 {
        match self {
            CodeType::U32 => i64::from(u32::MAX),
            CodeType::I32 => i64::from(i32::MAX),
            CodeType::I64 | CodeType::Symbol => i64::MAX,
        }
    }

    pub fn holds(self, code: i64) -> bool {
        (self.min()..=self.max()).contains(&code)
    }

    /// The type for a catalogue's codes, from the codes themselves:
    /// `string` when most are identifiers; else the narrowest of `u32`,
    /// `i32` and `i64` that holds them all (the `-1` so many catalogues
    /// start with makes them signed). One stray `ERR_X` in a numeric
    /// catalogue is an error rather than a silent change of the type.
    pub fn for_codes<'a>(codes: impl Iterator<Item = &'a Number>) -> CodeType {
        let (mut symbols, mut numbers) = (0usize, 0usize);
        let (mut min, mut max) = (0i64, 0i64);
        for code in codes {
            match code.value() {
                Some(value) => {
                    numbers += 1;
                    min = min.min(value);
                    max = max.max(value);
                }
                None if is_symbol(code.text()) => symbols += 1,
                None => numbers += 1,
            }
        }
        if symbols > numbers {
            CodeType::Symbol
        } else if min >= 0 && max <= i64::from(u32::MAX) {
            CodeType::U32
        } else if min >= i64::from(i32::MIN) && max <= i64::from(i32::MAX) {
            CodeType::I32
        } else {
            CodeType::I64
        }
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
    /// `4031 黑名单用户`, `- 1001 - Invalid file name.`, `错误编号10001：图片太大`.
    Line,
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
    /// catalogs.toml's rules for records without their own status, in order.
    pub status_rules: Vec<crate::http_status::StatusRule>,
    /// Whether a record without a status takes its code's first three
    /// digits (`40100` → 401).
    pub status_from_code: bool,
    /// The Rust type of the codes.
    pub code_type: CodeType,
    /// The language of the messages (a BCP 47 tag): catalogs.toml's
    /// `language`, else the one the message column's header names, else
    /// the one their script shows (`None` where nothing tells).
    pub language: Option<String>,
    pub body: WireBody,
    /// RFC 9457 problem `type` template (`{catalog}`, `{code}`, `{name}`).
    pub problem_type: Option<String>,
    /// Codes withdrawn on purpose, with where they are withdrawn: listed
    /// under `retired` in catalogs.toml, or struck through in the document
    /// (`~~1005~~`). No record may use them again.
    pub retired: Vec<(OwnedKey, Span)>,
    pub sections: Vec<Section>,
    pub entries: Vec<Entry>,
}

impl Catalog {
    /// Where a code is withdrawn, if it is.
    pub fn retired_at(&self, code: CodeKey) -> Option<Span> {
        self.retired
            .iter()
            .find(|(retired, _)| retired.as_key() == code)
            .map(|(_, span)| *span)
    }

    pub fn section(&self, entry: &Entry) -> Option<&Section> {
        entry.section.map(|i| &self.sections[i as usize])
    }

    /// The heading a section is nested in: the nearest one before it of a
    /// higher level.
    pub fn parent_section(&self, index: u32) -> Option<u32> {
        let level = self.sections[index as usize].level;
        (0..index)
            .rev()
            .find(|&i| self.sections[i as usize].level < level)
    }

    /// Whether records state their own HTTP status (so the status belongs to
    /// the record and the code-prefix and section checks apply).
    pub fn has_record_statuses(&self) -> bool {
        self.entries.iter().any(|e| e.http_status.is_some())
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
    /// The range the section declares, as an index into
    /// [`FileFacts::categories`].
    pub range: Option<usize>,
    /// The HTTP status the title states for the records under it
    /// (`### 400 Bad Request`, `Auth errors (HTTP 403):`), or a parent
    /// section states.
    pub http_status: Option<Status>,
}

/// One error code record.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Entry {
    /// The whole record.
    pub span: Span,
    pub format: RecordFormat,
    pub code: Option<Number>,
    pub http_status: Option<Status>,
    /// The identifier as written (`ILLEGAL_PARAMETER`, `ParamInvalidError`).
    pub name: Option<Text>,
    pub message: Option<Text>,
    /// Index into [`Catalog::sections`].
    pub section: Option<u32>,
    /// Translations and unused fields, which most records do not have: out
    /// of line, 8 bytes in a record instead of 32.
    #[cfg_attr(
        feature = "serde",
        serde(flatten, serialize_with = "serialize_details")
    )]
    pub details: Option<Box<Details>>,
}

/// What a record holds besides its code, status, name and message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Details {
    /// Messages in other columns, each with its language (`en`, `zh`) or,
    /// when the header does not say, the header itself.
    pub translations: Vec<Translation>,
    /// Fields or columns errcat does not use, kept for tools.
    pub extra: Vec<(String, Text)>,
}

impl Details {
    /// `None` for nothing, so records without details allocate nothing.
    pub fn boxed(
        translations: Vec<Translation>,
        extra: Vec<(String, Text)>,
    ) -> Option<Box<Details>> {
        (!translations.is_empty() || !extra.is_empty()).then(|| {
            Box::new(Details {
                translations,
                extra,
            })
        })
    }
}

/// Every record shows `translations` and `extra`, empty or not.
#[cfg(feature = "serde")]
fn serialize_details<S: serde::Serializer>(
    details: &Option<Box<Details>>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serde::Serialize::serialize(
        details.as_deref().unwrap_or(&Details::default()),
        serializer,
    )
}

/// A code as a key: a number, or the text of a symbolic code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CodeKey<'a> {
    Number(i64),
    Symbol(&'a str),
}

/// A [`CodeKey`] that owns its symbol.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
pub enum OwnedKey {
    Number(i64),
    Symbol(String),
}

impl OwnedKey {
    pub fn as_key(&self) -> CodeKey<'_> {
        match self {
            OwnedKey::Number(number) => CodeKey::Number(*number),
            OwnedKey::Symbol(symbol) => CodeKey::Symbol(symbol),
        }
    }

    /// The key of a code as written: its value, or its text.
    pub fn of(code: &Number) -> OwnedKey {
        code.value().map_or_else(
            || OwnedKey::Symbol(code.text().to_string()),
            OwnedKey::Number,
        )
    }
}

impl std::fmt::Display for CodeKey<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CodeKey::Number(number) => number.fmt(f),
            CodeKey::Symbol(symbol) => f.write_str(symbol),
        }
    }
}

impl Entry {
    pub fn code_value(&self) -> Option<i64> {
        self.code.as_ref().and_then(|c| c.value())
    }

    /// The code as a key in a catalogue of `code_type`: a number, or in a
    /// catalogue of symbolic codes an identifier.
    pub fn code_key(&self, code_type: CodeType) -> Option<CodeKey<'_>> {
        let code = self.code.as_ref()?;
        match (code_type, code.value()) {
            // A catalogue of symbols keeps its numbers as written (a
            // document may list symbolic and numeric codes side by side).
            (CodeType::Symbol, Some(_)) => Some(CodeKey::Symbol(code.text())),
            (CodeType::Symbol, None) if is_symbol(code.text()) => {
                Some(CodeKey::Symbol(code.text()))
            }
            (CodeType::Symbol, _) => None,
            (_, value) => value.map(CodeKey::Number),
        }
    }

    /// The code as written.
    pub fn code_text(&self) -> Option<&str> {
        self.code.as_ref().map(|c| c.text())
    }

    /// The HTTP status the record states, if it states one that is one.
    pub fn status_value(&self) -> Option<i64> {
        self.http_status.and_then(|s| s.value()).map(i64::from)
    }

    pub fn translations(&self) -> &[Translation] {
        self.details.as_ref().map_or(&[], |d| &d.translations)
    }

    pub fn extra(&self) -> &[(String, Text)] {
        self.details.as_ref().map_or(&[], |d| &d.extra)
    }

    pub fn message_text(&self) -> Option<&str> {
        self.message.as_ref().map(|m| m.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Translation {
    pub locale: String,
    pub text: Text,
}

/// A piece of text and where it was written.
///
/// Most texts are the file's own bytes at their span, and are read from
/// the file the model already holds instead of being copied: a
/// 100,000-record catalogue would otherwise cost 300,000 small strings.
#[derive(Clone)]
pub struct Text {
    pub span: Span,
    /// Whether `backing` is a text made from the file (the lines of a
    /// multi-line value joined, an escaped pipe unescaped) rather than the
    /// file itself. Beside the span rather than in an enum with the
    /// pointer, where it would take 8 bytes: a `Text` is 24 bytes and a
    /// [`Number`] 32, 3 MB less for 100,000 records.
    made: bool,
    backing: SourceFile,
}

/// A made text, held alone; its file's id keeps its span in that file.
fn made_backing(span: Span, text: String) -> SourceFile {
    SourceFile::new(span.file, String::new(), text)
}

/// The characters of a text or number at `span` of `backing`.
fn text_in(backing: &SourceFile, made: bool, span: Span) -> &str {
    match made {
        true => backing.text(),
        false => backing.slice(span.range()),
    }
}

impl Text {
    /// The text of `range` in `source`.
    pub fn read(source: &SourceFile, range: Range<usize>) -> Text {
        Text {
            span: source.span(range),
            made: false,
            backing: source.clone(),
        }
    }

    /// A text made from what is written at `span`.
    pub fn made(span: Span, text: String) -> Text {
        Text {
            span,
            made: true,
            backing: made_backing(span, text),
        }
    }

    pub fn as_str(&self) -> &str {
        text_in(&self.backing, self.made, self.span)
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.span == other.span && self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Text")
            .field("text", &self.as_str())
            .field("span", &self.span)
            .finish()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut text = serializer.serialize_struct("Text", 2)?;
        text.serialize_field("text", self.as_str())?;
        text.serialize_field("span", &self.span)?;
        text.end()
    }
}

/// An HTTP status as a record or section states it: where it is written,
/// and its value when that is a status (100 to 599). A span and two bytes
/// rather than a [`Number`]: no status needs its text kept apart from the
/// file, and a record of a large catalogue is 16 bytes smaller for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Status {
    pub span: Span,
    /// The status, or [`Status::NOT_A_STATUS`]: non-zero, so an
    /// `Option<Status>` takes no more room than a `Status`.
    #[cfg_attr(feature = "serde", serde(serialize_with = "serialize_status_value"))]
    value: std::num::NonZeroU16,
}

impl Status {
    /// What is written where a status is expected but is none (`4040`,
    /// `abc`): beyond any status.
    const NOT_A_STATUS: std::num::NonZeroU16 = std::num::NonZeroU16::MAX;

    /// The status written at `range` in `source`.
    pub fn read(source: &SourceFile, range: Range<usize>) -> Status {
        let value = parse_integer(source.slice(range.clone()));
        Status::at(source.span(range), value)
    }

    /// A status at `span` with the value read there, if it is an integer.
    pub fn at(span: Span, value: Option<i64>) -> Status {
        let value = value
            .filter(|v| (100..=599).contains(v))
            .and_then(|v| std::num::NonZeroU16::new(v as u16))
            .unwrap_or(Status::NOT_A_STATUS);
        Status { span, value }
    }

    /// The status, unless what is written is none.
    pub fn value(&self) -> Option<u16> {
        (self.value != Status::NOT_A_STATUS).then_some(self.value.get())
    }

    /// What is written at the status's span in its file.
    pub fn text<'s>(&self, source: &'s SourceFile) -> &'s str {
        source.slice(self.span.range())
    }
}

#[cfg(feature = "serde")]
fn serialize_status_value<S: serde::Serializer>(
    value: &std::num::NonZeroU16,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    use serde::Serialize;
    (*value != Status::NOT_A_STATUS)
        .then_some(value.get())
        .serialize(serializer)
}

/// A code as written, and its value when it is an integer
/// (decimal or `0x` hex). Its text is the file's own bytes at its span,
/// unless markup had to be taken out of it (`USER\_40301`).
#[derive(Clone)]
pub struct Number {
    pub span: Span,
    /// As in [`Text`].
    made: bool,
    backing: SourceFile,
    /// Meaningful when `integer`; an `Option<i64>` would take 8 more bytes.
    value: i64,
    integer: bool,
}

impl Number {
    /// The number written at `range` in `source`.
    pub fn read(source: &SourceFile, range: Range<usize>) -> Number {
        let value = parse_integer(source.slice(range.clone()));
        Number {
            span: source.span(range),
            made: false,
            backing: source.clone(),
            value: value.unwrap_or_default(),
            integer: value.is_some(),
        }
    }

    /// A code made from what is written at `span` (escapes taken out).
    pub fn made(span: Span, text: String) -> Number {
        let value = parse_integer(&text);
        Number {
            span,
            made: true,
            backing: made_backing(span, text),
            value: value.unwrap_or_default(),
            integer: value.is_some(),
        }
    }

    pub fn text(&self) -> &str {
        text_in(&self.backing, self.made, self.span)
    }

    /// The value, when the text is an integer.
    pub fn value(&self) -> Option<i64> {
        self.integer.then_some(self.value)
    }
}

impl PartialEq for Number {
    fn eq(&self, other: &Number) -> bool {
        self.span == other.span && self.text() == other.text()
    }
}

impl Eq for Number {}

impl std::fmt::Debug for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Number")
            .field("text", &self.text())
            .field("value", &self.value())
            .field("span", &self.span)
            .finish()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Number {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut number = serializer.serialize_struct("Number", 3)?;
        number.serialize_field("text", self.text())?;
        number.serialize_field("value", &self.value())?;
        number.serialize_field("span", &self.span)?;
        number.end()
    }
}

/// A symbolic code, as the runtime reads one ([`errcat::is_symbolic_code`]).
pub fn is_symbol(text: &str) -> bool {
    errcat::is_symbolic_code(text)
}

/// An optionally signed decimal integer, or a `0x` hexadecimal one; `_`
/// and `,` group separators are not accepted, since a catalogue would not
/// show them on the wire.
pub fn parse_integer(text: &str) -> Option<i64> {
    // Most codes are a few digits: read in one pass, where the general path
    // looks at each byte four times.
    short_decimal(text).or_else(|| any_integer(text))
}

/// [`parse_integer`] of any text.
fn any_integer(text: &str) -> Option<i64> {
    // A footnote mark after a code (`2*`, `1001※`) is the page's, not the
    // code's.
    let text = text.trim_end_matches(['*', '†', '‡', '※']);
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    if let Some(hex) = unsigned
        .strip_prefix("0x")
        .or_else(|| unsigned.strip_prefix("0X"))
    {
        if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let value = i64::from_str_radix(hex, 16).ok()?;
        return Some(if negative {
            value.checked_neg()?
        } else {
            value
        });
    }
    if unsigned.is_empty() || !unsigned.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
/// A number of 1 to 18 decimal digits (which cannot overflow), as
/// [`parse_integer`] reads it.
fn short_decimal(text: &str) -> Option<i64> {
    let digits = text.as_bytes();
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    digits.iter().try_fold(0i64, |value, &b| {
        b.is_ascii_digit().then(|| value * 10 + i64::from(b - b'0'))
    })
}

#[cfg(test)]
proptest::proptest! {
    #[test]
    fn short_decimals_are_read_as_any_integer(text in "[0-9]{0,20}|[-+0-9x*a ]{0,6}") {
        if let Some(value) = short_decimal(&text) {
            proptest::prop_assert_eq!(Some(value), any_integer(&text));
        } else {
            let digits = text.bytes().all(|b| b.is_ascii_digit());
            proptest::prop_assert!(!digits || text.is_empty() || text.len() > 18);
        }
    }
}

// A record's size is most of a large catalogue's memory (BENCHMARKS.md):
// a field that grows it should be a decision, not an accident.
#[cfg(target_pointer_width = "64")]
const _: () = assert!(
    size_of::<Entry>() == 128 && size_of::<Text>() == 24 && size_of::<Option<Status>>() == 16
);
