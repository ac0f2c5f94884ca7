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
mod constant_list;
mod described;
mod enumeration;
mod field;
pub(crate) mod infer;
mod item_statuses;
mod lines;
mod plain;
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
    Category, CodeType, Entry, FileFacts, Number, OwnedKey, PartOrigin, RangeOrigin, RecordFormat,
    Section, Status, Text,
};
use crate::reader::{self, Block, BlockKind, CodeBlock, Row};
use crate::source::{SourceFile, Span};
use constant_list::{ConstantSections, constants_into};
use field::Role;

/// The records of one part of a file, before it is named.
#[derive(Debug)]
pub(crate) struct Part {
    pub origin: PartOrigin,
    pub sections: Vec<Section>,
    pub entries: Vec<Entry>,
    /// Codes struck through (`~~1005~~`): retired, never to be used again.
    pub retired: Vec<(OwnedKey, Span)>,
    /// Code-like lines and rows found but not read into records.
    pub unread: u32,
    /// The language its messages' header names (`Error Description(Chinese)`).
    pub language: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
    /// Records of readings that hold only where the file has no others:
    /// the rows of a table of HTTP statuses (beside a catalogue, its
    /// reference of statuses; alone on its page, the catalogue), and items
    /// that are a lowercase identifier over what it means (beside other
    /// records, more likely a list of fields or options).
    pub fallback: Vec<Entry>,
}

#[derive(Debug)]
pub(crate) struct ParsedFile {
    pub facts: FileFacts,
    /// In order of each part's first record.
    pub parts: Vec<Part>,
    /// Findings that belong to no part.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a file; `columns` names table headers errcat would not recognise,
/// and `code_type`, where catalogs.toml gives one, the kind of its codes.
pub(crate) fn parse_file(
    source: &SourceFile,
    columns: &[(String, ColumnRole)],
    code_type: Option<CodeType>,
) -> ParsedFile {
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
    document.flush_heading();
    document.end_part();
    parser.parts.push(document.part);
    if parser.parts.iter().all(|p| p.entries.is_empty()) {
        for part in &mut parser.parts {
            part.entries = std::mem::take(&mut part.fallback);
        }
    }
    // A kind of code configured is what the author says the codes are.
    if code_type.is_none() {
        enumeration::set_aside_other_enumerations(&mut parser.parts);
    }
    parser.facts.unread_codes = parser.parts.iter().map(|p| p.unread).sum();
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
    /// The sections the current one sits in, outermost first.
    open_sections: Vec<usize>,
    /// The codes records of other layouts than lines define, once a line
    /// record asks (most files have none).
    defined: Option<std::collections::HashSet<DefinedKey>>,
    /// A heading that is a code, waiting for the paragraph under it, and
    /// its level.
    heading_record: Option<Entry>,
    /// A list item that holds only its code, waiting for the paragraph
    /// after it in the item; and whether it is a fallback record.
    item_record: Option<(Entry, bool)>,
    heading_level: u8,
    /// The document said the lines after it are not codes (`非错误码`),
    /// up to the next heading.
    not_codes: bool,
    record: bullet::OpenRecord,
    /// The records of the list being read, with how its items nest.
    items: item_statuses::ItemRecords,
    /// The last code table's columns, for rows that go on after it.
    table: Option<table::Shape>,
    /// Field names seen and what they name: a catalogue repeats a few
    /// names in every record.
    field_roles: Vec<(String, FieldRole)>,
}

type FieldRole = Option<Role>;

/// A code as [`PartBuilder::push_line_record`] compares it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum DefinedKey {
    Number(i64),
    Text(String),
}

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
                retired: Vec::new(),
                unread: 0,
                language: None,
                diagnostics: Vec::new(),
                fallback: Vec::new(),
            },
            section: None,
            open_sections: Vec::new(),
            defined: None,
            heading_record: None,
            item_record: None,
            heading_level: 0,
            not_codes: false,
            record: bullet::OpenRecord::default(),
            items: item_statuses::ItemRecords::default(),
            table: None,
            field_roles: Vec::new(),
        }
    }

    /// What a bullet field's name names, as [`field::role_of`] says.
    pub(crate) fn field_role(&mut self, name: &str) -> FieldRole {
        if let Some((_, role)) = self.field_roles.iter().find(|(known, _)| known == name) {
            return *role;
        }
        // Known names, else what a short label says as a column header
        // would, in any language (`Fehlercode`, `Meldung`, `Statut HTTP`);
        // not a sentence that happens to hold a colon, nor a name, which
        // too many other fields are called (`Header Name`).
        let label = name.trim().trim_matches('*');
        let short = label.chars().count() <= 24
            && label.split_whitespace().count() <= 3
            && label
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '_'));
        let role = field::role_of(name).or_else(|| {
            let hint = infer::hint(label);
            match hint {
                _ if !short => None,
                _ if hint.http => Some(Role::HttpStatus),
                _ if hint.code == infer::Strength::Strong => Some(Role::Code),
                _ if hint.message && !hint.advice => Some(Role::Message),
                _ => None,
            }
        });
        // Bounded, for documents of endlessly varied field names.
        if self.field_roles.len() < 64 {
            self.field_roles.push((name.to_string(), role));
        }
        role
    }

    /// The role catalogs.toml gives a table header, if it names it.
    pub(crate) fn configured_role(&self, header: &str) -> Option<ColumnRole> {
        let header = header.trim();
        self.columns
            .iter()
            .find(|(name, _)| name.trim().eq_ignore_ascii_case(header))
            .map(|(_, role)| *role)
    }

    pub(crate) fn text(&self, range: Range<usize>) -> Text {
        Text::read(self.source, range)
    }

    /// A message as the rendered page shows it: markup rendered away, a
    /// line break inside a multi-line value (and the indentation after it)
    /// read as one space; a cell of only a placeholder (`\`, `-`) holds
    /// none.
    pub(crate) fn message(&self, range: Range<usize>) -> Text {
        let range = infer::trim(self.source.text(), range);
        let text = self.text(range);
        let joined = text.as_str().contains('\n').then(|| {
            let lines: Vec<&str> = text.as_str().split('\n').map(str::trim).collect();
            lines.join(" ")
        });
        let written = joined.as_deref().unwrap_or(text.as_str());
        match plain::plain(written) {
            Some(shown) => Text::made(text.span, shown),
            None => match joined {
                Some(joined) => Text::made(text.span, joined),
                None => text,
            },
        }
    }

    /// Counts code-like lines or rows left unread (reported where found).
    pub(crate) fn count_unread(&mut self, count: usize) {
        self.part.unread += count as u32;
    }

    /// A code struck through where it is written: retired.
    pub(crate) fn retire(&mut self, code: Range<usize>) {
        let code = self.code(code);
        let span = code.span;
        self.part.retired.push((OwnedKey::of(&code), span));
    }

    /// A code as written, its markup taken off (`` `40001` ``, `**x**`,
    /// `USER\_40301`).
    pub(crate) fn code(&self, range: Range<usize>) -> Number {
        let range = infer::value(self.source.text(), range);
        match plain::plain(self.source.slice(range.clone())) {
            Some(shown) => Number::made(self.source.span(range), shown),
            None => Number::read(self.source, range),
        }
    }

    /// A name as written, its markup taken off.
    pub(crate) fn name(&self, range: Range<usize>) -> Text {
        let range = infer::value(self.source.text(), range);
        let text = self.text(range.clone());
        match plain::plain(text.as_str()) {
            Some(shown) => Text::made(text.span, shown),
            None => text,
        }
    }

    pub(crate) fn push_entry(&mut self, mut entry: Entry) {
        if entry.format != RecordFormat::Line
            && let (Some(defined), Some(code)) = (self.defined.as_mut(), entry.code.as_ref())
        {
            defined.insert(code.value().map_or_else(
                || DefinedKey::Text(code.text().to_string()),
                DefinedKey::Number,
            ));
        }
        self.place(&mut entry);
        self.part.entries.push(entry);
    }

    /// Puts a record in the current section, with its status where it
    /// states none.
    fn place(&self, entry: &mut Entry) {
        // Sections are at least a line each: their count fits 32 bits.
        entry.section = self.section.map(|i| i as u32);
        // A record that states no status takes the one its section does.
        if entry.http_status.is_none()
            && let Some(section) = self.section
        {
            entry.http_status = self.part.sections[section].http_status;
        }
    }

    /// A record of a line (`4031 黑名单用户`), unless a record of a table,
    /// list of constants or bullets already defines its code: a line that
    /// repeats it is an example or a reference (`- \`1002\` - 用户未传入…`
    /// under the table), not a second definition.
    pub(crate) fn push_line_record(
        &mut self,
        line: Range<usize>,
        code: Range<usize>,
        name: Option<Range<usize>>,
        http: Option<Range<usize>>,
        message: Option<Range<usize>>,
    ) {
        if self.not_codes {
            return;
        }
        let entry = Entry {
            span: self.source.span(line),
            format: RecordFormat::Line,
            code: Some(self.code(code)),
            http_status: http.map(|h| Status::read(self.source, h)),
            name: name.map(|n| self.name(n)),
            message: message.map(|m| self.message(m)),
            section: None,
            details: None,
        };
        self.push_line_entry(entry);
    }

    /// Whether every code given is defined by a record of the part.
    pub(crate) fn all_defined<'c>(
        &self,
        codes: impl Iterator<Item = std::borrow::Cow<'c, str>>,
    ) -> bool {
        let mut keys = codes
            .filter(|c| !c.is_empty())
            .map(|c| {
                crate::model::parse_integer(&c)
                    .map_or_else(|| DefinedKey::Text(c.to_string()), DefinedKey::Number)
            })
            .peekable();
        if keys.peek().is_none() || self.part.entries.is_empty() {
            return false;
        }
        let defined: std::collections::HashSet<DefinedKey> = self
            .part
            .entries
            .iter()
            .filter_map(|e| e.code.as_ref())
            .map(|c| {
                c.value().map_or_else(
                    || DefinedKey::Text(c.text().to_string()),
                    DefinedKey::Number,
                )
            })
            .collect();
        keys.all(|k| defined.contains(&k))
    }

    /// [`PartBuilder::push_line_record`] for an entry made.
    fn push_line_entry(&mut self, entry: Entry) {
        let Some(code) = entry.code.as_ref() else {
            return;
        };
        let key = code.value().map_or_else(
            || DefinedKey::Text(code.text().to_string()),
            DefinedKey::Number,
        );
        let defined = self.defined.get_or_insert_with(|| {
            self.part
                .entries
                .iter()
                .filter(|e| e.format != RecordFormat::Line)
                .filter_map(|e| e.code.as_ref())
                .map(|c| {
                    c.value().map_or_else(
                        || DefinedKey::Text(c.text().to_string()),
                        DefinedKey::Number,
                    )
                })
                .collect()
        });
        if defined.contains(&key) {
            return;
        }
        self.push_entry(entry);
    }

    fn close_record(&mut self) {
        let record = std::mem::take(&mut self.record);
        record.finish(self);
    }

    /// Ends the list being read ([`item_statuses`]).
    fn end_list(&mut self) {
        self.items.finish(&mut self.part.entries);
    }

    /// What the part's records learn once all its blocks are read: the
    /// statuses of its last list and of its status headings.
    fn end_part(&mut self) {
        self.end_list();
        self.status_sections_as_records();
    }

    /// Ends the open sections of `level` and deeper.
    fn close_sections_from(&mut self, level: u8) {
        while let Some(&open) = self.open_sections.last() {
            if self.part.sections[open].level < level {
                break;
            }
            self.open_sections.pop();
        }
    }

    fn push_section(&mut self, title: Text, level: u8, range: Option<usize>) {
        let http_class = http_class_of(title.as_str());
        let number = section_number(title.as_str());
        // The sections this one sits in: those of lower levels before it.
        self.close_sections_from(level);
        let inherited = self
            .open_sections
            .last()
            .and_then(|&parent| self.part.sections[parent].http_status);
        let http_status = status::in_title(title.as_str())
            .map(|digits| {
                // The digits in the file, where the title is its own text.
                let start = title.span.start as usize;
                if self.source.slice(title.span.range()) == title.as_str() {
                    Status::read(self.source, start + digits.start..start + digits.end)
                } else {
                    Status::at(title.span, title.as_str()[digits].parse().ok())
                }
            })
            .or(inherited);
        self.part.sections.push(Section {
            title,
            level,
            http_class,
            number,
            range,
            http_status,
        });
        let index = self.part.sections.len() - 1;
        self.open_sections.push(index);
        self.section = Some(index);
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
        part.end_part();
        part.part
    }

    fn walk_blocks(&mut self, part: &mut PartBuilder, blocks: &[Block]) {
        for block in blocks {
            // An item holding only its code is described by the paragraph
            // right after it, or not at all.
            if !matches!(block.kind, BlockKind::ItemText) {
                part.item_record = None;
            }
            if !matches!(block.kind, BlockKind::ItemText | BlockKind::ListItem { .. }) {
                part.end_list();
            }
            match &block.kind {
                BlockKind::Heading { level, text } => {
                    part.flush_heading();
                    self.heading(part, *level, text.clone());
                }
                BlockKind::ListItem { content, depth } => {
                    part.flush_heading();
                    let before = part.part.entries.len();
                    if !part.hold_item_record(content.clone())
                        && !self.list_item_lines(part, content.clone())
                    {
                        bullet::list_item(part, content.clone());
                    }
                    part.items.item(*depth, before..part.part.entries.len());
                }
                BlockKind::ItemText => part.describe_item(block.range.clone()),
                BlockKind::Rule => {
                    part.flush_heading();
                    part.close_record();
                }
                BlockKind::Paragraph => {
                    part.close_record();
                    if !part.describe_heading(block.range.clone()) {
                        self.paragraph(part, block.range.clone());
                    }
                }
                BlockKind::Table(table) => {
                    part.heading_as_section();
                    part.close_record();
                    table::read(part, &mut self.facts, table, block.range.clone());
                }
                BlockKind::Code(code) => {
                    if part.describe_heading_by_code(code) {
                        continue;
                    }
                    part.flush_heading();
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

    /// A list item of code lines (`- 1001 - Invalid file name.`, or lines
    /// of codes under a label item) rather than a bullet field: read as
    /// lines; false if it is none.
    fn list_item_lines(&mut self, part: &mut PartBuilder, content: Range<usize>) -> bool {
        if bullet::is_field(part, content.clone()) {
            return false;
        }
        let lines = lines_of(self.source, content);
        let text = self.source.text();
        let code_lines: Vec<Option<lines::CodeLine>> = (lines.iter())
            .map(|line| lines::code_line(text, line.clone()))
            .collect();
        if code_lines.iter().all(Option::is_none) {
            return false;
        }
        part.close_record();
        // `- 1001 - Invalid file` over `  name given.`: an item is one
        // paragraph, its code line's message wrapped over the lines after.
        if let [Some(first), rest @ ..] = code_lines.as_slice()
            && !rest.is_empty()
            && rest.iter().all(Option::is_none)
            && let Some(message) = &first.message
            && let Some(last) = lines.last()
        {
            let wrapped = message.start..last.end;
            let message = match first.dashed {
                true => lines::title(text, wrapped),
                false => wrapped,
            };
            let (code, name, http) = (first.code.clone(), first.name.clone(), first.http.clone());
            part.push_line_record(lines[0].clone(), code, name, http, Some(message));
            return true;
        }
        self.lines(part, &lines);
        true
    }

    /// A heading opens a section; one that starts with a range
    /// (`### 1000-1999 - 通用错误`) declares the section's codes. A heading
    /// that is a code (`## Error Code "0"`, `### 1001 InvalidToken`,
    /// `## ERR_PNPM_UNEXPECTED_STORE`) is a record, described by the
    /// paragraph under it.
    fn heading(&mut self, part: &mut PartBuilder, level: u8, text: Range<usize>) {
        part.close_record();
        part.table = None;
        part.not_codes = false;
        if part.open_heading_record(text.clone(), level) {
            return;
        }
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
        let mut statuses = status::StatusConstants::new(self.source);
        let constants = constant::scan(self.source, lines.iter().cloned(), |c| statuses.add(&c));
        if let Some(reference) = statuses.finish(&constants, range) {
            self.add_statuses(reference);
            return;
        }
        if constants.is_constant_list() {
            constants_into(part, constants.constants, lines.iter().cloned());
            return;
        }
        self.lines(part, &lines);
    }

    /// The records, rows that go on after a table, and labels of a block's
    /// lines ([`lines::records`]).
    fn lines(&mut self, part: &mut PartBuilder, lines: &[Range<usize>]) {
        let text = self.source.text();
        // `补充（…，非错误码…）：`: the document says what follows is no code.
        if lines.iter().any(|l| says_not_codes(&text[l.clone()])) {
            part.not_codes = true;
            return;
        }
        if part.table.is_none()
            && let Some(table) = pipe_lines_table(text, lines)
        {
            let range = lines[0].start..lines[lines.len() - 1].end;
            table::read(part, &mut self.facts, &table, range);
            return;
        }
        if let Some((header, table)) = table_after_lines(text, lines) {
            self.lines(part, &lines[..header]);
            let range = lines[header].start..lines[lines.len() - 1].end;
            part.heading_as_section();
            part.close_record();
            table::read(part, &mut self.facts, &table, range);
            return;
        }
        let Some(found) = lines::records(self.source, lines) else {
            // Labels alone open sections (`**3XX错误码**`,
            // `**Auth errors (HTTP 403):**`).
            let titles: Vec<Range<usize>> = lines
                .iter()
                .filter_map(|line| lines::label(text, line.clone()))
                .collect();
            if titles.len() == lines.len() {
                for title in titles {
                    let title = part.text(title);
                    part.push_section(title, 7, None);
                }
            }
            return;
        };
        for line in found {
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
                    name,
                    http,
                    message,
                } => part.push_line_record(line, code, name, http, message),
                lines::Line::Label(title) => {
                    let title = part.text(title);
                    part.push_section(title, 7, None);
                }
                lines::Line::Struck(code) => part.retire(code),
                lines::Line::Other(_) => {}
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
        let file = self.source.text();
        let origin = PartOrigin::CodeBlock {
            span: self.source.span(range.clone()),
        };
        let mut statuses = status::StatusConstants::new(self.source);
        // A fenced block's records are made as it is scanned, into a part of
        // its own that is dropped if the block is no constant list; an
        // indented one's go into the text's part, so it is scanned first to
        // tell, then again to add them.
        let mut own = (code.fenced).then(|| {
            let own = PartBuilder::new(self.source, self.columns, origin);
            (ConstantSections::of(&own), own)
        });
        let constants = match own.as_mut() {
            Some((sections, own)) => constant_list::scan_fenced(own, sections, code, &mut statuses),
            None => constant::scan(self.source, code.lines(file), |c| statuses.add(&c)),
        };
        if let Some(reference) = statuses.finish(&constants, range) {
            self.add_statuses(reference);
            return;
        }
        if constants.is_constant_list() && !defines_its_heading(part, &constants, &own) {
            match own {
                Some((sections, mut own)) => {
                    sections.finish(&mut own, &constants);
                    self.parts.push(own.part);
                }
                None => constants_into(part, constants.constants, code.lines(file)),
            }
            return;
        }
        let inner = code.read_markdown(file);
        let part = self.walk(&inner, origin);
        // A code block's part counts what it leaves unread, records or not.
        self.parts.push(part);
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

/// `### FS_O_RDONLY` over a fence of `#define FS_O_RDONLY 0`: a block
/// that defines the one constant its heading names, and says nothing
/// of it, shows that constant's definition, as an API reference does.
fn defines_its_heading(
    part: &PartBuilder,
    constants: &constant::Scan,
    own: &Option<(ConstantSections, PartBuilder)>,
) -> bool {
    let name = own
        .as_ref()
        .and_then(|(_, own)| own.part.entries.first())
        .and_then(|entry| entry.name.as_ref());
    let Some(name) = name.filter(|_| constants.one_bare_constant()) else {
        return false;
    };
    // The heading opened a section, or was read as a record of the
    // name as a code.
    let section = part
        .section
        .map(|s| part.part.sections[s].title.as_str().trim());
    let heading_record = (part.part.entries.last())
        .and_then(|entry| entry.code.as_ref())
        .map(|code| code.text());
    [section, heading_record].contains(&Some(name.as_str()))
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

/// `{:.table}` over `Status | Code | Description` over `---|---|---`: a
/// delimiter row under a paragraph's line makes that line a table's
/// header and the lines after it its rows, as GitHub renders it (the
/// markdown parser leaves them all one paragraph); the lines before stay
/// a paragraph. The index of the header line, and the table.
fn table_after_lines(text: &str, lines: &[Range<usize>]) -> Option<(usize, reader::Table)> {
    let delimiter = (2..lines.len()).find(|&i| is_delimiter_row(&text[lines[i].clone()]))?;
    let header = delimiter - 1;
    let row = |line: &Range<usize>| Row {
        range: line.clone(),
        cells: reader::split_cells(text, line.clone()),
    };
    let head = row(&lines[header]);
    let width = reader::split_cells(text, lines[delimiter].clone()).len();
    if head.cells.len() != width || width < 2 {
        return None;
    }
    let table = reader::Table {
        header: head,
        rows: lines[delimiter + 1..].iter().map(row).collect(),
        rows_unsplit: false,
    };
    Some((header, table))
}

/// A table's delimiter row: `---|:---:|---`, with or without outer pipes.
fn is_delimiter_row(line: &str) -> bool {
    let line = line.trim();
    let inner = line.strip_prefix('|').unwrap_or(line);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    line.contains('|')
        && inner.split('|').all(|cell| {
            let cell = cell.trim();
            let dashes = cell.trim_start_matches(':').trim_end_matches(':');
            !dashes.is_empty() && dashes.bytes().all(|b| b == b'-')
        })
}

/// Lines of pipes that no delimiter row made a table (or a DokuWiki
/// table, `^ header ^ header ^` over `| cell | cell |`): read as one, the
/// first line its header.
fn pipe_lines_table(text: &str, lines: &[Range<usize>]) -> Option<reader::Table> {
    let piped = |line: &Range<usize>| {
        let t = text[line.clone()].trim();
        (t.starts_with('|') || t.starts_with('^')) && t.len() > 1
    };
    if lines.len() < 3 || !lines.iter().all(piped) {
        return None;
    }
    let cells = |line: &Range<usize>| {
        let slice = &text[line.clone()];
        if slice.trim_start().starts_with('^') {
            // DokuWiki: `^` separates header cells as `|` does.
            let mut out = Vec::new();
            let mut start = line.start;
            for (i, c) in slice.char_indices() {
                if c == '^' || c == '|' {
                    out.push(infer::trim(text, start..line.start + i));
                    start = line.start + i + 1;
                }
            }
            out.push(infer::trim(text, start..line.end));
            // The outer `^`s open and close the row, as outer pipes do.
            if out.first().is_some_and(Range::is_empty) {
                out.remove(0);
            }
            if out.last().is_some_and(Range::is_empty) {
                out.pop();
            }
            out
        } else {
            reader::split_cells(text, line.clone())
        }
    };
    let row = |line: &Range<usize>| Row {
        range: line.clone(),
        cells: cells(line),
    };
    Some(reader::Table {
        header: row(&lines[0]),
        rows: lines[1..].iter().map(row).collect(),
        rows_unsplit: false,
    })
}

/// Whether a line says that what follows is not error codes.
fn says_not_codes(line: &str) -> bool {
    const SAYINGS: &[&str] = &[
        "非错误码",
        "不是错误码",
        "并非错误码",
        "not error codes",
        "not an error code",
        "are not errors",
    ];
    let lower = line.to_lowercase();
    SAYINGS.iter().any(|s| lower.contains(s))
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
static SECTION_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*([0-9]{1,4})\s*[.、)．]").expect("valid pattern"));

/// The HTTP class a heading names: `400错误类型` and `4xx errors` name 4;
/// `Dosya Hataları (400/500)` names two, so no one class.
fn http_class_of(title: &str) -> Option<u8> {
    // Each run of digits that is a status (`400`) or a class (`4xx`).
    let bytes = title.as_bytes();
    let mut classes = (0..bytes.len())
        .filter(|&i| i == 0 || !bytes[i - 1].is_ascii_digit())
        .filter_map(|start| {
            let digits = bytes[start..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let rest = &bytes[start + digits..];
            let class = match digits {
                3 => bytes[start],
                1 if rest.len() >= 2 && rest[..2].eq_ignore_ascii_case(b"xx") => bytes[start],
                _ => return None,
            };
            (b'1'..=b'5').contains(&class).then_some(class - b'0')
        });
    let class = classes.next()?;
    classes.all(|other| other == class).then_some(class)
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
        assert_eq!(http_class_of("FILE - Dosya Hataları (400/500)"), None);
        assert_eq!(http_class_of("404 and 409 errors"), Some(4));
        assert_eq!(http_class_of("1000-1999 - 通用错误"), None);
        assert_eq!(http_class_of("错误码对照表"), None);
        assert_eq!(section_number("2. Pod 类型错误"), Some(2));
        assert_eq!(section_number("一、接口 HTTP 状态码说明"), None);
    }

    #[test]
    fn a_code_heading_ends_the_labels_under_the_heading_before_it() {
        let text = "## Validation\n\n### E_ONE\n\nFirst.\n\n**Recovery Steps:**\n1. Retry\n\n### E_TWO\n\nSecond.\n";
        let source = SourceFile::new(0, "t.md", text.to_string());
        let parsed = parse_file(&source, &[], None);
        let part = &parsed.parts[0];
        let sections: Vec<&str> = (part.entries.iter())
            .map(|e| part.sections[e.section.unwrap() as usize].title.as_str())
            .collect();
        assert_eq!(sections, ["Validation", "Validation"]);
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
