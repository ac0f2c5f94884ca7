//! From a file's blocks to its parts (each a future catalogue) and the facts
//! it declares for all of them.
//!
//! Records outside code blocks form one part; a code block that holds
//! records forms a part of its own (a second edition of a catalogue kept in
//! a fence must not collide with the first). Code blocks are classified in
//! this order: a JSON body example, an HTTP status reference, a constant
//! list, otherwise markdown read again (bullet records, tables, headings).
//! Paragraphs may hold records too: pasted constants, plain `code message`
//! lines, and table rows after a blank line.

mod body;
mod bullet;
mod constant;
mod field;
mod lines;
mod range;
mod status;
mod table;

pub(crate) use status::is_http_status;

use std::ops::Range;
use std::sync::LazyLock;

use regex_lite::Regex;

use crate::config::ColumnRole;
use crate::diagnostic::Diagnostic;
use crate::lint;
use crate::model::{
    Category, Entry, FileFacts, Number, PartOrigin, RangeOrigin, RecordFormat, Section, Text,
};
use crate::reader::{self, Block, BlockKind, CodeBlock, Row};
use crate::source::SourceFile;
use field::Role;

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

/// Reads a file; `columns` names table headers errcat would not recognise.
pub(crate) fn parse_file(source: &SourceFile, columns: &[(String, ColumnRole)]) -> ParsedFile {
    let mut parser = FileParser {
        source,
        columns,
        facts: FileFacts {
            path: source.path().to_string(),
            ..FileFacts::default()
        },
        parts: Vec::new(),
        diagnostics: merge_conflicts(source),
    };
    // A piece of the file at a time, so a large catalogue is never held as
    // markdown events or blocks all at once.
    let mut document = PartBuilder::new(source, columns, PartOrigin::Document);
    reader::read_in_chunks(source, reader::CHUNK, |blocks| {
        parser.walk_blocks(&mut document, &blocks);
    });
    document.close_record();
    parser.parts.push(document.part);
    parser.parts.retain(|p| !p.entries.is_empty());
    // Growth by doubling leaves up to half the records' room unused, held
    // for as long as the model lives; large ones shrink in place (mremap).
    for part in &mut parser.parts {
        part.entries.shrink_to_fit();
    }
    parser.parts.sort_by_key(|p| p.entries[0].span.start);
    ParsedFile {
        facts: parser.facts,
        parts: parser.parts,
        diagnostics: parser.diagnostics,
    }
}

/// Leftover git conflict markers: each conflict is an error at its
/// `<<<<<<<` line, with its other markers noted.
fn merge_conflicts(source: &SourceFile) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let text = source.text();
    // A conflict starts with this marker: a file without it (a fast search)
    // need not be read line by line.
    if !text.contains("<<<<<<<") {
        return found;
    }
    let mut open: Option<(Range<usize>, Option<Range<usize>>)> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let range = at..at + line.trim_end_matches(['\n', '\r']).len();
        at += line.len();
        let line = &text[range.clone()];
        if line.starts_with("<<<<<<<") {
            open = Some((range, None));
        } else if line.trim_end() == "=======" || line.starts_with("||||||| ") {
            if let Some((_, middle)) = open.as_mut() {
                middle.get_or_insert(range);
            }
        } else if line.starts_with(">>>>>>>")
            && let Some((start, middle)) = open.take()
        {
            let mut d = Diagnostic::new(
                &lint::MERGE_CONFLICT,
                source.span(start),
                "an unresolved git merge conflict is left in the file",
            )
            .label("conflict starts here");
            if let Some(middle) = middle {
                d = d.note_at("the two versions are divided here", source.span(middle));
            }
            found.push(d.note_at("the conflict ends here", source.span(range)));
        }
    }
    found
}

struct FileParser<'a> {
    source: &'a SourceFile,
    columns: &'a [(String, ColumnRole)],
    facts: FileFacts,
    parts: Vec<Part>,
    diagnostics: Vec<Diagnostic>,
}

/// Reading state within one part.
pub(crate) struct PartBuilder<'a> {
    source: &'a SourceFile,
    columns: &'a [(String, ColumnRole)],
    part: Part,
    section: Option<usize>,
    record: bullet::OpenRecord,
    /// The last code table's columns, for rows that go on after it.
    table: Option<table::Shape>,
    /// Field names seen and what they name: a catalogue repeats a few
    /// names in every record.
    field_roles: Vec<(String, FieldRole)>,
}

type FieldRole = Option<(Role, Option<&'static str>)>;

impl<'a> PartBuilder<'a> {
    fn new(
        source: &'a SourceFile,
        columns: &'a [(String, ColumnRole)],
        origin: PartOrigin,
    ) -> Self {
        PartBuilder {
            source,
            columns,
            part: Part {
                origin,
                sections: Vec::new(),
                entries: Vec::new(),
                diagnostics: Vec::new(),
            },
            section: None,
            record: bullet::OpenRecord::default(),
            table: None,
            field_roles: Vec::new(),
        }
    }

    /// What a bullet field's name names, as [`field::role_of`] says.
    pub(crate) fn field_role(&mut self, name: &str) -> FieldRole {
        if let Some((_, role)) = self.field_roles.iter().find(|(known, _)| known == name) {
            return *role;
        }
        let role = field::role_of(name);
        // Bounded, for documents of endlessly varied field names.
        if self.field_roles.len() < 64 {
            self.field_roles.push((name.to_string(), role));
        }
        role
    }

    /// What a table header names: as catalogs.toml says, else as errcat
    /// knows it.
    pub(crate) fn role_of(&self, header: &str) -> Option<(Role, Option<&'static str>)> {
        let header = header.trim();
        let named = self
            .columns
            .iter()
            .find(|(name, _)| name.trim().eq_ignore_ascii_case(header));
        match named {
            Some((_, role)) => Some((
                match role {
                    ColumnRole::Code => Role::Code,
                    ColumnRole::Name => Role::Name,
                    ColumnRole::Message => Role::Message,
                    ColumnRole::HttpStatus => Role::HttpStatus,
                },
                None,
            )),
            None => field::role_of(header),
        }
    }

    pub(crate) fn text(&self, range: Range<usize>) -> Text {
        Text::read(self.source, range)
    }

    /// A message: its source text, with a line break inside a multi-line
    /// value (and the indentation after it) read as one space.
    pub(crate) fn message(&self, range: Range<usize>) -> Text {
        let text = self.text(range);
        if !text.as_str().contains('\n') {
            return text;
        }
        let joined = text.as_str().split('\n').map(str::trim).collect::<Vec<_>>();
        Text::made(text.span, joined.join(" "))
    }

    pub(crate) fn push_entry(&mut self, mut entry: Entry) {
        // Sections are at least a line each: their count fits 32 bits.
        entry.section = self.section.map(|i| i as u32);
        self.part.entries.push(entry);
    }

    fn close_record(&mut self) {
        let record = std::mem::take(&mut self.record);
        record.finish(self);
    }

    fn push_section(&mut self, title: Text, level: u8, range: Option<usize>) {
        let http_class = http_class_of(title.as_str());
        let number = section_number(title.as_str());
        self.part.sections.push(Section {
            title,
            level,
            http_class,
            number,
            range,
        });
        self.section = Some(self.part.sections.len() - 1);
    }

    /// A section opened by a table row (`|通用`, `| 1000-1999 | 通用错误 |`).
    pub(crate) fn row_section(&mut self, label: Range<usize>, range: Option<usize>) {
        let title = self.text(strip_markup(self.source.text(), label));
        self.push_section(title, 7, range);
    }
}

impl FileParser<'_> {
    fn walk(&mut self, blocks: &[Block], origin: PartOrigin) -> Part {
        let mut part = PartBuilder::new(self.source, self.columns, origin);
        self.walk_blocks(&mut part, blocks);
        part.close_record();
        part.part
    }

    fn walk_blocks(&mut self, part: &mut PartBuilder, blocks: &[Block]) {
        for block in blocks {
            match &block.kind {
                BlockKind::Heading { level, text } => self.heading(part, *level, text.clone()),
                BlockKind::ListItem { content, .. } => bullet::list_item(part, content.clone()),
                BlockKind::Rule => part.close_record(),
                BlockKind::Paragraph => {
                    part.close_record();
                    self.paragraph(part, block.range.clone());
                }
                BlockKind::Table(table) => {
                    part.close_record();
                    table::read(part, &mut self.facts, table, block.range.clone());
                }
                BlockKind::Code(code) => {
                    part.close_record();
                    self.code_block(part, code, block.range.clone());
                }
                BlockKind::TooDeep(nesting) => {
                    part.close_record();
                    let span = self.source.span(block.range.clone());
                    self.diagnostics.push(too_deep(*nesting, span));
                }
            }
        }
    }

    /// A heading opens a section; one that starts with a range
    /// (`### 1000-1999 - 通用错误`) declares the section's codes.
    fn heading(&mut self, part: &mut PartBuilder, level: u8, text: Range<usize>) {
        part.close_record();
        part.table = None;
        let title = part.text(text.clone());
        let range = range::in_heading(title.as_str()).map(|(declared, name)| {
            let name = if name.is_empty() {
                text.clone()
            } else {
                text.start + name.start..text.start + name.end
            };
            self.declare(part, declared, name)
        });
        part.push_section(title, level, range);
    }

    fn declare(
        &mut self,
        part: &PartBuilder,
        declared: range::Declared,
        name: Range<usize>,
    ) -> usize {
        declare_section_range(&mut self.facts, part, declared, name)
    }

    fn paragraph(&mut self, part: &mut PartBuilder, range: Range<usize>) {
        let lines = lines_of(self.source, range.clone());
        let first = self.source.slice(lines[0].clone());
        // `###User`: a heading without its space.
        if lines.len() == 1
            && let Some(c) = UNSPACED_HEADING.captures(first)
        {
            let title = c.get(2).expect("group 2 always matches").range();
            let level = c[1].len() as u8;
            self.heading(
                part,
                level,
                lines[0].start + title.start..lines[0].start + title.end,
            );
            return;
        }
        // `错误码范围：10001 - 10099` under a heading: the section's codes.
        if lines.len() == 1
            && let Some(declared) = range::in_line(first)
        {
            let section = part.section;
            let name = section.map_or(lines[0].clone(), |s| {
                part.part.sections[s].title.span.range()
            });
            let index = self.declare(part, declared, name);
            if let Some(section) = section.and_then(|s| part.part.sections.get_mut(s)) {
                section.range.get_or_insert(index);
            }
            return;
        }
        let constants = constant::scan(self.source, &lines);
        if let Some(reference) = status::from_constants(self.source, &constants, range) {
            self.add_statuses(reference);
            return;
        }
        if constants.is_constant_list() {
            constants_into(part, &constants);
            return;
        }
        let Some(records) = lines::records(self.source, &lines) else {
            return;
        };
        for line in records {
            match line {
                lines::Line::Row(line) => {
                    let Some(shape) = part.table.clone() else {
                        continue;
                    };
                    let row = Row {
                        cells: reader::split_cells(self.source.text(), line.clone()),
                        range: line,
                    };
                    table::read_row(part, &mut self.facts, &shape, &row);
                }
                lines::Line::Code {
                    line,
                    code,
                    message,
                } => {
                    let entry = Entry {
                        span: self.source.span(line),
                        format: RecordFormat::Table,
                        code: Some(Number::read(self.source, code)),
                        http_status: None,
                        name: None,
                        message: message.map(|m| part.message(m)),
                        section: None,
                        details: None,
                    };
                    part.push_entry(entry);
                }
            }
        }
    }

    /// A fenced block's constants or records form a part of their own; an
    /// indented block (code pasted into the text) belongs to the text.
    fn code_block(&mut self, part: &mut PartBuilder, code: &CodeBlock, range: Range<usize>) {
        if let Some(body) = body::from_code_block(self.source, code) {
            self.facts.body.get_or_insert(body);
            return;
        }
        let origin = PartOrigin::CodeBlock {
            span: self.source.span(range.clone()),
        };
        let constants = constant::scan(self.source, &code.lines);
        if let Some(reference) = status::from_constants(self.source, &constants, range) {
            self.add_statuses(reference);
            return;
        }
        if constants.is_constant_list() {
            if !code.fenced {
                constants_into(part, &constants);
                return;
            }
            let mut own = PartBuilder::new(self.source, self.columns, origin);
            constants_into(&mut own, &constants);
            self.parts.push(own.part);
            return;
        }
        let inner = code.read_markdown();
        let part = self.walk(&inner, origin);
        if !part.entries.is_empty() {
            self.parts.push(part);
        }
    }
}

impl FileParser<'_> {
    fn add_statuses(&mut self, reference: crate::model::StatusReference) {
        match &mut self.facts.status_reference {
            Some(existing) => existing.statuses.extend(reference.statuses),
            None => self.facts.status_reference = Some(reference),
        }
    }
}

/// Markdown the reader would not hand to the parser: records in it would be
/// lost without a word.
fn too_deep(nesting: reader::Nesting, span: crate::source::Span) -> Diagnostic {
    let (message, note) = match nesting {
        reader::Nesting::Containers => (
            "block quotes and list items are nested too deeply here to be read".to_string(),
            "the parser would walk all of them on every line that follows: the stretch from the last unindented line before this one that follows a blank line (or starts a list item) to the next such line is not read",
        ),
        reader::Nesting::CodeBlocks => (
            format!(
                "code blocks are nested more than {} deep",
                reader::MAX_CODE_DEPTH
            ),
            "this code block's content is not read: each fence in it, and each four columns of indentation, is one more",
        ),
    };
    Diagnostic::new(&lint::TOO_DEEPLY_NESTED, span, message)
        .label("nested this deep")
        .note(note)
}

/// Adds constants to a part, with the sections their comments open.
fn constants_into(part: &mut PartBuilder, scan: &constant::Scan) {
    let outer = part.section;
    let first_section = part.part.sections.len();
    for title in &scan.sections {
        let title = part.text(title.clone());
        part.push_section(title, 7, None);
    }
    for constant in &scan.constants {
        part.section = constant.section.map(|s| first_section + s).or(outer);
        let entry = Entry {
            span: part.source.span(constant.line.clone()),
            format: RecordFormat::Constant,
            code: Some(Number::read(part.source, constant.value.clone())),
            http_status: None,
            name: Some(part.text(constant.name.clone())),
            message: constant.comment.clone().map(|c| part.message(c)),
            section: None,
            details: None,
        };
        part.push_entry(entry);
    }
    part.section = outer;
}

/// Records the range a section declares (in a heading, a line under it or
/// a table row), named by the text at `name`; returns its index in
/// [`FileFacts::categories`].
pub(crate) fn declare_section_range(
    facts: &mut FileFacts,
    part: &PartBuilder,
    declared: range::Declared,
    name: Range<usize>,
) -> usize {
    facts.categories.push(Category {
        name: part.text(name),
        description: None,
        pattern: declared.pattern,
        first: declared.first,
        last: declared.last,
        reserved: false,
        origin: RangeOrigin::Section,
    });
    facts.categories.len() - 1
}

/// A test's text as a file, and every line of it without its terminator,
/// as a code block's lines are handed to the constant readers.
#[cfg(test)]
pub(crate) fn every_line(text: &str) -> (SourceFile, Vec<Range<usize>>) {
    let mut lines = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        lines.push(at..at + line.trim_end_matches(['\n', '\r']).len());
        at += line.len();
    }
    (SourceFile::new(0, "t", text.to_string()), lines)
}

/// The lines of a block, without their terminators.
fn lines_of(source: &SourceFile, range: Range<usize>) -> Vec<Range<usize>> {
    let text = source.slice(range.clone());
    let mut lines = Vec::new();
    let mut at = range.start;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n').trim_end_matches('\r');
        if !(body.trim().is_empty() && lines.is_empty()) {
            lines.push(at..at + body.len());
        }
        at += line.len();
    }
    while lines
        .last()
        .is_some_and(|l: &Range<usize>| source.slice(l.clone()).trim().is_empty())
    {
        lines.pop();
    }
    if lines.is_empty() {
        lines.push(range.start..range.start);
    }
    lines
}

static UNSPACED_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s{0,3}(#{1,6})([^#\s].*?)\s*#*\s*$").expect("valid pattern"));
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

    #[test]
    fn conflict_markers_are_found_with_their_parts() {
        let source = SourceFile::new(
            0,
            "a.md",
            "x\n<<<<<<< HEAD\n- ErrorCode: 1\n=======\n- ErrorCode: 2\n>>>>>>> branch\nTitle\n=======\n".to_string(),
        );
        let found = merge_conflicts(&source);
        assert_eq!(found.len(), 1, "a setext underline alone is no conflict");
        let lines: Vec<u32> = found[0]
            .notes
            .iter()
            .filter_map(|n| n.span.map(|s| source.line_of(s)))
            .collect();
        assert_eq!((source.line_of(found[0].span), lines), (2, vec![4, 6]));
    }
}
