//! From a file's blocks to its parts (each a future catalogue) and the facts
//! it declares for all of them.
//!
//! Records outside code blocks form one part; a code block that holds
//! records forms a part of its own (a second edition of a catalogue kept in
//! a fence must not collide with the first). Code blocks are classified in
//! this order: a JSON body example, an HTTP status reference, a constant
//! list, otherwise markdown read again (bullet records, tables, headings).

mod body;
mod bullet;
mod constant;
mod field;
mod status;
mod table;

pub(crate) use status::is_http_status;

use std::ops::Range;

use regex_lite::Regex;
use std::sync::LazyLock;

use crate::diagnostic::Diagnostic;
use crate::model::{Entry, FileFacts, Number, PartOrigin, RecordFormat, Section, Text};
use crate::reader::{self, Block, BlockKind, CodeBlock};
use crate::source::SourceFile;

/// The records of one part of a file, before it is named.
#[derive(Debug)]
pub(crate) struct Part {
    pub origin: PartOrigin,
    pub sections: Vec<Section>,
    pub entries: Vec<Entry>,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug)]
pub(crate) struct ParsedFile {
    pub facts: FileFacts,
    /// In order of each part's first record.
    pub parts: Vec<Part>,
    /// Findings that belong to no part.
    pub diagnostics: Vec<Diagnostic>,
}

pub(crate) fn parse_file(source: &SourceFile) -> ParsedFile {
    let mut parser = FileParser {
        source,
        facts: FileFacts {
            path: source.path().to_string(),
            ..FileFacts::default()
        },
        parts: Vec::new(),
        diagnostics: Vec::new(),
    };
    let blocks = reader::read(source);
    let document = parser.walk(&blocks, PartOrigin::Document);
    parser.parts.push(document);
    parser.parts.retain(|p| !p.entries.is_empty());
    parser.parts.sort_by_key(|p| p.entries[0].span.start);
    ParsedFile {
        facts: parser.facts,
        parts: parser.parts,
        diagnostics: parser.diagnostics,
    }
}

struct FileParser<'a> {
    source: &'a SourceFile,
    facts: FileFacts,
    parts: Vec<Part>,
    diagnostics: Vec<Diagnostic>,
}

/// Reading state within one part.
pub(crate) struct PartBuilder<'a> {
    source: &'a SourceFile,
    part: Part,
    section: Option<usize>,
    record: bullet::OpenRecord,
}

impl<'a> PartBuilder<'a> {
    fn new(source: &'a SourceFile, origin: PartOrigin) -> Self {
        PartBuilder {
            source,
            part: Part {
                origin,
                sections: Vec::new(),
                entries: Vec::new(),
                diagnostics: Vec::new(),
            },
            section: None,
            record: bullet::OpenRecord::default(),
        }
    }

    pub(crate) fn text(&self, range: Range<usize>) -> Text {
        Text {
            text: self.source.slice(range.clone()).to_string(),
            span: self.source.span(range),
        }
    }

    /// A message: its source text, with a line break inside a multi-line
    /// value (and the indentation after it) read as one space.
    pub(crate) fn message(&self, range: Range<usize>) -> Text {
        let mut text = self.text(range);
        if text.text.contains('\n') {
            text.text = text
                .text
                .split('\n')
                .map(str::trim)
                .collect::<Vec<_>>()
                .join(" ");
        }
        text
    }

    pub(crate) fn push_entry(&mut self, mut entry: Entry) {
        entry.section = self.section;
        self.part.entries.push(entry);
    }

    fn close_record(&mut self) {
        let record = std::mem::take(&mut self.record);
        record.finish(self);
    }

    fn heading(&mut self, level: u8, text: Range<usize>) {
        self.close_record();
        let title = self.text(text);
        let http_class = http_class_of(&title.text);
        let number = section_number(&title.text);
        self.part.sections.push(Section {
            title,
            level,
            http_class,
            number,
        });
        self.section = Some(self.part.sections.len() - 1);
    }
}

impl FileParser<'_> {
    fn walk(&mut self, blocks: &[Block], origin: PartOrigin) -> Part {
        let mut part = PartBuilder::new(self.source, origin);
        for block in blocks {
            match &block.kind {
                BlockKind::Heading { level, text } => part.heading(*level, text.clone()),
                BlockKind::ListItem { content, .. } => {
                    bullet::list_item(&mut part, content.clone())
                }
                BlockKind::Rule | BlockKind::Paragraph => part.close_record(),
                BlockKind::Table(table) => {
                    part.close_record();
                    table::read(&mut part, &mut self.facts, table, block.range.clone());
                }
                BlockKind::Code(code) => {
                    part.close_record();
                    self.code_block(code, block.range.clone());
                }
            }
        }
        part.close_record();
        part.part
    }

    fn code_block(&mut self, code: &CodeBlock, range: Range<usize>) {
        if let Some(body) = body::from_code_block(self.source, code) {
            self.facts.body.get_or_insert(body);
            return;
        }
        let origin = PartOrigin::CodeBlock {
            span: self.source.span(range.clone()),
        };
        let constants = constant::scan(self.source, code);
        if let Some(reference) = status::from_constants(self.source, &constants, range) {
            match &mut self.facts.status_reference {
                Some(existing) => existing.statuses.extend(reference.statuses),
                None => self.facts.status_reference = Some(reference),
            }
            return;
        }
        if constants.is_constant_list() {
            let mut part = PartBuilder::new(self.source, origin);
            for constant in &constants.constants {
                let entry = Entry {
                    span: self.source.span(constant.line.clone()),
                    format: RecordFormat::Constant,
                    code: Some(Number::new(
                        self.source.slice(constant.value.clone()),
                        self.source.span(constant.value.clone()),
                    )),
                    http_status: None,
                    name: Some(part.text(constant.name.clone())),
                    message: constant.comment.clone().map(|c| part.message(c)),
                    section: None,
                    extra: Vec::new(),
                };
                part.push_entry(entry);
            }
            self.parts.push(part.part);
            return;
        }
        let inner = code.read_markdown();
        let part = self.walk(&inner, origin);
        if !part.entries.is_empty() {
            self.parts.push(part);
        }
    }
}

static HTTP_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])([1-5])(?:[0-9]{2}|[xX]{2})(?:[^0-9]|$)").expect("valid pattern")
});
static SECTION_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*([0-9]{1,4})\s*[.、)．]").expect("valid pattern"));

/// The HTTP class a heading names: `400错误类型` and `4xx errors` name 4.
fn http_class_of(title: &str) -> Option<u8> {
    let captures = HTTP_CLASS.captures(title)?;
    captures[1].parse().ok()
}

/// The number of a numbered heading: `2. Pod 类型错误` is 2.
fn section_number(title: &str) -> Option<u32> {
    let captures = SECTION_NUMBER.captures(title)?;
    captures[1].parse().ok()
}

/// Trims whitespace (including full-width spaces) off a range of `text`.
pub(crate) fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = start + slice.trim().len();
    start..end
}

/// Removes inline-code backticks and bold markers around a value, so
/// `` `40000001` `` and `**Name**` read as the value itself.
pub(crate) fn strip_markup(text: &str, range: Range<usize>) -> Range<usize> {
    let mut range = trim(text, range);
    loop {
        let slice = &text[range.clone()];
        let marker = ["**", "__", "`"]
            .into_iter()
            .find(|m| slice.len() >= 2 * m.len() && slice.starts_with(m) && slice.ends_with(m));
        match marker {
            Some(m) => range = trim(text, range.start + m.len()..range.end - m.len()),
            None => return range,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_name_http_classes_and_numbers() {
        assert_eq!(http_class_of("400错误类型"), Some(4));
        assert_eq!(http_class_of("5xx errors"), Some(5));
        assert_eq!(http_class_of("1000-1999 - 通用错误"), None);
        assert_eq!(http_class_of("错误码对照表"), None);
        assert_eq!(section_number("2. Pod 类型错误"), Some(2));
        assert_eq!(section_number("一、接口 HTTP 状态码说明"), None);
    }

    #[test]
    fn markup_around_values_is_removed() {
        let text = " `40000001` ";
        assert_eq!(&text[strip_markup(text, 0..text.len())], "40000001");
        let text = "**` Name `**";
        assert_eq!(&text[strip_markup(text, 0..text.len())], "Name");
    }
}
