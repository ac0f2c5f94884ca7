//! Records described by what comes after them: a heading or a list item
//! that holds a code is held until the paragraph, fields or code block
//! under it say what the code is (`## 0` over `Success.`, `### E001`
//! over `**Description:**`, `` - `1001` `` over the item's next paragraph).

use std::ops::Range;

use super::field::Role;
use super::{PartBuilder, bullet, infer, lines, lines_of, status, table};
use crate::model::{Entry, RecordFormat, Status};
use crate::reader::CodeBlock;

impl PartBuilder<'_> {
    /// A list item that holds only its code (`` - `1001` ``, or a
    /// lowercase identifier, `` - `already-admin` ``): held for the
    /// paragraph after it to say what it is. True if it is one.
    pub(super) fn hold_item_record(&mut self, content: Range<usize>) -> bool {
        let text = self.source.text();
        let content = infer::trim(text, content);
        // A code alone is one word: most items (`- HttpCode: 400`) are told
        // by a byte search.
        let word = &text[content.clone()];
        if word.is_empty() || word.contains([' ', '\t', '\n']) {
            return false;
        }
        // Not a field (`- ErrorCode: 40000001`) of a bullet record.
        let alone = lines::code_line(text, content.clone())
            .filter(|f| !f.labelled && f.message.is_none() && f.name.is_none() && f.http.is_none());
        let (code, fallback) = match alone {
            Some(found) => (found.code, false),
            None => match quoted_identifier(text, content) {
                Some(code) => (code, true),
                None => return false,
            },
        };
        self.close_record();
        let entry = Entry {
            span: self.source.span(code.clone()),
            format: RecordFormat::Line,
            code: Some(self.code(code)),
            http_status: None,
            name: None,
            message: None,
            section: None,
            details: None,
        };
        self.item_record = Some((entry, fallback));
        true
    }

    /// The paragraph after an item that holds only its code is its message.
    pub(super) fn describe_item(&mut self, paragraph: Range<usize>) {
        let Some((mut entry, fallback)) = self.item_record.take() else {
            return;
        };
        entry.message = Some(self.message(infer::trim(self.source.text(), paragraph)));
        if fallback {
            self.place(&mut entry);
            self.part.fallback.push(entry);
        } else {
            self.push_line_entry(entry);
        }
    }

    /// A heading that reads as a code: held as a record until the
    /// paragraph under it gives its message. True if it is one.
    pub(super) fn open_heading_record(&mut self, heading: Range<usize>, level: u8) -> bool {
        let text = self.source.text();
        let Some(found) = lines::code_line(text, heading.clone()) else {
            return false;
        };
        // A document's title is no record, unless it names a code as one
        // (`# Código: ERR1_T05`, each record a title of its own).
        if level < 2 && !found.labelled {
            return false;
        }
        // `## 2021 Changes` is no code: a heading code is named as one, or
        // followed by a separator, or by a name that looks like a code, or
        // is a symbol or a quoted code alone.
        let after = &text[found.code.end..heading.end];
        let rest = found.message.as_ref().map(|m| &text[m.clone()]);
        let code_like = |s: &str| crate::model::is_symbol(s) && table::looks_like_code(s);
        let number = crate::model::parse_integer(&text[found.code.clone()]).is_some();
        // `## 2. Overview`, `### 1、简介`: the numbering of sections.
        let numbering = number && after.trim_start().starts_with(['.', '、', ')']);
        // `### 400 Bad Request`: a section of the records of that status.
        let status = status::in_title(&text[heading.clone()]).is_some();
        let named = match rest {
            _ if numbering || status => false,
            // `## 0` over `Success. …`: a number alone is a code when a
            // paragraph says what it is (with none it titles a section).
            None => true,
            Some(rest) => {
                found.labelled
                    || number
                    || after
                        .trim_start()
                        .starts_with(['-', ':', '：', '–', '—', '='])
                    || code_like(rest)
            }
        };
        if !named {
            return false;
        }
        let code = self.code(found.code);
        let (name, message) = match found.message {
            Some(rest) if code_like(&text[rest.clone()]) => (Some(self.name(rest)), None),
            Some(rest) => (None, Some(self.message(rest))),
            None => (None, None),
        };
        self.flush_heading();
        // The record sits beside the headings of its level: the sections
        // they opened, and labels under them (`**Recovery Steps:**`), end.
        self.close_sections_from(level);
        self.section = self.open_sections.last().copied();
        self.heading_level = level;
        self.heading_record = Some(Entry {
            span: self.source.span(heading),
            format: RecordFormat::Line,
            code: Some(code),
            http_status: None,
            name,
            message,
            section: None,
            details: None,
        });
        true
    }

    /// The paragraph under a code heading gives it its message: the text of
    /// a line that repeats the code (`Error code: 0 (Success)`), else the
    /// paragraph. True if the paragraph was taken so.
    pub(super) fn describe_heading(&mut self, paragraph: Range<usize>) -> bool {
        if self.heading_record.is_none() {
            return false;
        }
        // `**Description:**` over the text: a field's label, not the text.
        let lines = lines_of(self.source, paragraph.clone());
        let text = self.source.text();
        let label = lines::label(text, lines[0].clone());
        if lines.len() == 1 && label.is_some() || self.only_other_fields(&lines) {
            return true;
        }
        let Some(mut entry) = self.heading_record.take() else {
            return false;
        };
        // `**Description:**` and the text on the lines after it.
        if let Some(label) = label
            && let Some(last) = lines.last()
        {
            let hint = infer::hint(&text[label]);
            if hint.message && !hint.advice {
                entry.message = Some(self.message(lines[1].start..last.end));
                self.push_line_entry(entry);
                return true;
            }
        }
        // `Descripción: …` over `HTTP: 500`, a field a line, adds to the
        // record, which waits for more: a record's fields are often a
        // paragraph each (`**HTTP 状态码**: 400 Bad Request`). A heading's
        // own title (`### 40001 - Invalid Parameters`) stays its message; a
        // field describes it.
        if let Some(fields) = self.heading_fields(&lines) {
            for (role, value) in fields {
                match role {
                    Role::Message if entry.message.is_none() => {
                        entry.message = Some(self.message(value));
                    }
                    Role::HttpStatus => {
                        let value = table::status_digits(self, value);
                        entry.http_status = Some(Status::read(self.source, value));
                    }
                    Role::Name => entry.name = Some(self.name(value)),
                    Role::Message | Role::Code => {}
                }
            }
            self.heading_record = Some(entry);
            return true;
        }
        // The text of a line that restates the code is what the program
        // shows; the heading's own words (`### E001 - Deprecated`) title it.
        match self.restatement(&entry, lines[0].clone()) {
            Some(line) => {
                if let Some(message) = line.message {
                    entry.message = Some(self.message(message));
                }
            }
            None if entry.message.is_none() => {
                let text = self.source.text();
                entry.message = Some(self.message(infer::trim(text, paragraph)));
            }
            None => {}
        }
        self.push_line_entry(entry);
        true
    }

    /// `line` read as a code line, if it restates the code of `entry`
    /// (`Error code: 0 (Success)` under `## Error Code "0"`).
    fn restatement(&self, entry: &Entry, line: Range<usize>) -> Option<lines::CodeLine> {
        let found = lines::code_line(self.source.text(), line)?;
        let code = entry.code.as_ref()?;
        (code.text() == self.code(found.code.clone()).text()).then_some(found)
    }

    /// A block of code under a code heading whose first line restates the
    /// code and says what it is (`E002: Manifest fetch failed` under
    /// `### E002`): what the program prints, the heading's message. True
    /// if the block was taken so.
    pub(super) fn describe_heading_by_code(&mut self, code: &CodeBlock) -> bool {
        let Some(entry) = self.heading_record.as_ref() else {
            return false;
        };
        let file = self.source.text();
        let Some(first_line) = code
            .lines(file)
            .find(|l| !file[l.clone()].trim().is_empty())
        else {
            return false;
        };
        let Some(message) = self.restatement(entry, first_line).and_then(|l| l.message) else {
            return false;
        };
        let message = self.message(message);
        if let Some(mut entry) = self.heading_record.take() {
            entry.message = Some(message);
            self.push_line_entry(entry);
        }
        true
    }

    /// Whether each of two lines or more under a code heading is a field
    /// that names none of a record's parts (`**Severity:** ERROR` over
    /// `**Step:** 1`): what the page says of the code, not its message.
    fn only_other_fields(&mut self, lines: &[Range<usize>]) -> bool {
        let text = self.source.text();
        lines.len() >= 2
            && lines.iter().all(|line| {
                bullet::field_pair(text, line.clone()).is_some_and(|(key, value)| {
                    let hint = infer::hint(&text[key.clone()]);
                    !value.is_empty()
                        && self.field_role(&text[key]).is_none()
                        && !(hint.http
                            || hint.message
                            || hint.name
                            || hint.code != infer::Strength::None)
                })
            })
    }

    /// The fields of the lines under a code heading, where each is a
    /// `Field: value` of a message, status or name, named in any language
    /// a header may be (`Descripción`, `HTTP`); none if a line is not.
    fn heading_fields(&mut self, lines: &[Range<usize>]) -> Option<Vec<(Role, Range<usize>)>> {
        let text = self.source.text();
        let mut fields = Vec::with_capacity(lines.len());
        for line in lines {
            let (key, value) = bullet::field_pair(text, line.clone())?;
            let hint = infer::hint(&text[key.clone()]);
            let role = self.field_role(&text[key]).or(match hint {
                _ if hint.http => Some(Role::HttpStatus),
                _ if hint.message && !hint.advice => Some(Role::Message),
                _ if hint.name => Some(Role::Name),
                _ => None,
            })?;
            if role == Role::Code {
                return None;
            }
            fields.push((role, value));
        }
        Some(fields)
    }

    /// A held code heading with no paragraph under it: a record if the
    /// heading says what it is (`### -1000 未知错误` over a list of its
    /// details), else a section's title.
    pub(crate) fn flush_heading(&mut self) {
        match &self.heading_record {
            Some(entry) if entry.message.is_some() || entry.name.is_some() => {
                if let Some(mut entry) = self.heading_record.take() {
                    // `### -1008 SERVER_BUSY` and nothing to say more: the
                    // name is all the message there is.
                    if entry.message.is_none() {
                        entry.message = entry.name.clone();
                    }
                    self.push_line_entry(entry);
                }
            }
            _ => self.heading_as_section(),
        }
    }

    /// `### 400 Bad Request` over a paragraph, one after another: a page of
    /// the statuses an API answers with. Such a heading opens a section for
    /// the records of its status; where two or more of them hold none, each
    /// is a record of its own, its status its code, and a code heading
    /// beside them whose code could be a status (`### 441 Out Of Range`)
    /// states it too.
    pub(super) fn status_sections_as_records(&mut self) {
        let text = self.source.text();
        let sections = &self.part.sections;
        // Records before each section, counted once: a section holds what
        // lies in it and in the sections after it of deeper levels.
        let mut before = vec![0usize; sections.len() + 1];
        for entry in &self.part.entries {
            if let Some(s) = entry
                .section
                .map(|s| s as usize)
                .filter(|&s| s < sections.len())
            {
                before[s + 1] += 1;
            }
        }
        for i in 1..before.len() {
            before[i] += before[i - 1];
        }
        let holds_records = |index: usize| {
            let level = sections[index].level;
            let end = (index + 1..sections.len())
                .find(|&i| sections[i].level <= level)
                .unwrap_or(sections.len());
            before[end] > before[index]
        };
        let empty: Vec<(usize, Range<usize>)> = (0..sections.len())
            .filter(|&i| sections[i].level <= 6 && sections[i].http_status.is_some())
            .filter_map(|i| {
                let title = sections[i].title.span.range();
                let digits = status::in_title(&text[title.clone()])?;
                // The status first, its phrase after it.
                let before = &text[title.start..title.start + digits.start];
                before
                    .trim_matches(['*', ' '])
                    .is_empty()
                    .then_some((i, title))
            })
            .filter(|&(i, _)| !holds_records(i))
            .collect();
        if empty.len() < 2 {
            return;
        }
        let levels: Vec<u8> = empty.iter().map(|&(i, _)| sections[i].level).collect();
        for (index, title) in empty {
            let Some(found) = lines::code_line(text, title.clone()) else {
                continue;
            };
            let entry = Entry {
                span: self.source.span(self.source.line_range_at(title.start)),
                format: RecordFormat::Line,
                code: Some(self.code(found.code)),
                http_status: self.part.sections[index].http_status,
                name: None,
                message: found.message.map(|m| self.message(m)),
                section: self.part.sections[..index]
                    .iter()
                    .rposition(|s| s.level < self.part.sections[index].level)
                    .map(|s| s as u32),
                details: None,
            };
            self.part.entries.push(entry);
        }
        for entry in &mut self.part.entries {
            let heading = self
                .source
                .slice(self.source.line_range_at(entry.span.start as usize));
            let hashes = heading.bytes().take_while(|&b| b == b'#').count();
            let code = entry.code.as_ref().and_then(|c| c.value());
            if entry.http_status.is_none()
                && levels.contains(&(hashes as u8))
                && let Some(code) = code.filter(|&c| status::is_http_status(c))
            {
                let span = entry.code.as_ref().map_or(entry.span, |c| c.span);
                entry.http_status = Some(Status::at(span, Some(code)));
            }
        }
        self.part.entries.sort_by_key(|e| e.span.start);
    }

    /// A held code heading over a table is the table's section title
    /// (`### 0 - 成功` over the table that defines 0).
    pub(crate) fn heading_as_section(&mut self) {
        if let Some(entry) = self.heading_record.take() {
            let title = self.text(entry.span.range());
            self.push_section(title, self.heading_level, None);
        }
    }
}

/// A lowercase identifier in backticks, alone (`` `already-admin` ``,
/// `` `post/title-too-short` ``): the range inside the backticks.
fn quoted_identifier(text: &str, content: Range<usize>) -> Option<Range<usize>> {
    let inner = text[content.clone()].strip_prefix('`')?.strip_suffix('`')?;
    let mut words = inner.split(['_', '-', '.', '/']);
    let identifier = inner.starts_with(|c: char| c.is_ascii_alphabetic())
        && words.all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_alphanumeric()));
    identifier.then(|| content.start + 1..content.end - 1)
}
