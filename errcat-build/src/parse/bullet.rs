//! Bullet records: list items of `Field: value`, one record per group.
//!
//! ```text
//! - HttpCode: 400
//! - ErrorCode: 40000001
//! - 中文名称: 注册用户名已存在
//! ---
//! ```
//!
//! A record ends at a rule, a heading, any other block, or when a field it
//! already has comes again (so a missing `---` between two records, or a
//! doubled one, changes nothing). Colons may be ASCII or full-width.

use std::ops::Range;

use crate::diagnostic::Diagnostic;
use crate::lint;
use crate::model::{Details, Entry, Number, RecordFormat, Status, Text};
use crate::parse::field::Role;
use crate::parse::{PartBuilder, strip_markup, trim};

/// The record being read; empty between records.
#[derive(Debug, Default)]
pub(crate) struct OpenRecord {
    range: Option<Range<usize>>,
    code: Option<Number>,
    http_status: Option<Status>,
    name: Option<Text>,
    message: Option<Text>,
    extra: Vec<(String, Text)>,
    diagnostics: Vec<Diagnostic>,
}

impl OpenRecord {
    fn is_open(&self) -> bool {
        self.range.is_some()
    }

    fn has(&self, field: Role) -> bool {
        match field {
            Role::HttpStatus => self.http_status.is_some(),
            Role::Code => self.code.is_some(),
            Role::Name => self.name.is_some(),
            Role::Message => self.message.is_some(),
        }
    }

    fn extend(&mut self, range: Range<usize>) {
        self.range = Some(match self.range.take() {
            Some(r) => r.start..range.end.max(r.end),
            None => range,
        });
    }

    pub(crate) fn finish(self, part: &mut PartBuilder) {
        let Some(range) = self.range else {
            return;
        };
        // `- **Error Code:** The numeric code of the extended error`: a
        // list that says what each field holds, not a record, whose other
        // fields are no findings either.
        if self
            .code
            .as_ref()
            .is_some_and(|c| describes_field(c.text()))
        {
            return;
        }
        part.part.diagnostics.extend(self.diagnostics);
        let known = self.code.is_some()
            || self.http_status.is_some()
            || self.name.is_some()
            || self.message.is_some();
        if !known {
            return;
        }
        let entry = Entry {
            span: part.source.span(range),
            format: RecordFormat::Bullet,
            code: self.code,
            http_status: self.http_status,
            name: self.name,
            message: self.message,
            section: None,
            details: Details::boxed(Vec::new(), self.extra),
        };
        part.push_entry(entry);
    }
}

/// Whether a list item is a `Field: value` pair of a field errcat knows
/// (`ErrorCode: 40000001`), rather than a line of its own.
pub(crate) fn is_field(part: &mut PartBuilder, content: Range<usize>) -> bool {
    let text = part.source.text();
    field_pair(text, content).is_some_and(|(key, _)| part.field_role(&text[key]).is_some())
}

/// The label and value of a `Field: value` line, each trimmed, split at
/// its first colon; a label's markup that closes after the colon
/// (`**Error Code:** 1001`) is taken off both.
pub(crate) fn field_pair(
    text: &str,
    content: Range<usize>,
) -> Option<(Range<usize>, Range<usize>)> {
    let (colon, c) = text[content.clone()]
        .char_indices()
        .find(|&(_, c)| c == ':' || c == '：')?;
    Some(label_and_value(
        text,
        trim(text, content.start..content.start + colon),
        trim(text, content.start + colon + c.len_utf8()..content.end),
    ))
}

/// Reads one list item into the open record. An item whose lines are
/// each a field (`- Error Code：**\`0\`**` over `  Symbol: …` and
/// `  Description: …`) gives each line as a field.
pub(crate) fn list_item(part: &mut PartBuilder, content: Range<usize>) {
    let text = part.source.text();
    if text[content.clone()].contains('\n') {
        let mut at = content.start;
        let lines: Vec<Range<usize>> = text[content.clone()]
            .split('\n')
            .map(|line| {
                let range = trim(text, at..at + line.len());
                at += line.len() + 1;
                range
            })
            .collect();
        if lines.len() > 1 && lines.iter().all(|l| is_field(part, l.clone())) {
            for line in lines {
                field_item(part, line);
            }
            return;
        }
    }
    field_item(part, content);
}

/// Reads one `Field: value` into the open record.
fn field_item(part: &mut PartBuilder, content: Range<usize>) {
    let text = part.source.text();
    let item = &text[content.clone()];
    let Some((key_range, value_range)) = field_pair(text, content.clone()) else {
        if part.record.is_open() {
            let span = part.source.span(content.clone());
            part.record.diagnostics.push(
                Diagnostic::new(
                    &lint::UNKNOWN_FIELD,
                    span,
                    format!(
                        "`{}` is not a `Field: value` pair; errcat ignores it",
                        item.trim()
                    ),
                )
                .label("inside a record"),
            );
            part.record.extend(content);
        }
        return;
    };
    let key = &text[key_range.clone()];
    let Some(field) = part.field_role(key) else {
        if part.record.is_open() {
            let value = part.text(value_range);
            let span = part.source.span(key_range);
            part.record.diagnostics.push(
                Diagnostic::new(
                    &lint::UNKNOWN_FIELD,
                    span,
                    format!("unknown field `{key}`; errcat keeps it but does not use it"),
                )
                .note("known fields: HttpCode, ErrorCode, Name, 中文名称 (or Message)"),
            );
            part.record.extra.push((key.to_string(), value));
            part.record.extend(content);
        }
        return;
    };
    if part.record.has(field) {
        part.close_record();
    }
    match field {
        Role::HttpStatus | Role::Code => {
            let value = strip_markup(text, value_range);
            if field == Role::Code {
                part.record.code = Some(Number::read(part.source, value));
            } else {
                part.record.http_status = Some(Status::read(part.source, value));
            }
        }
        Role::Name => {
            let value = strip_markup(text, value_range);
            part.record.name = Some(part.text(value));
        }
        Role::Message => {
            if !value_range.is_empty() {
                part.record.message = Some(part.message(value_range));
            }
        }
    }
    part.record.extend(content);
}

/// The label and value of `**Error Code:** 1001`, where the label's markup
/// closes after the colon: the label without its opening marker, the value
/// without the closing one. Other pairs are as found.
fn label_and_value(
    text: &str,
    key: Range<usize>,
    value: Range<usize>,
) -> (Range<usize>, Range<usize>) {
    for marker in ["**", "__", "*", "_", "`"] {
        let (label, after) = (&text[key.clone()], &text[value.clone()]);
        if let Some(inner) = label.strip_prefix(marker)
            && !inner.contains(marker)
            && after.starts_with(marker)
        {
            return (
                trim(text, key.start + marker.len()..key.end),
                trim(text, value.start + marker.len()..value.end),
            );
        }
    }
    (key, value)
}

/// Whether a code field's value is a sentence about the field (three words
/// or more, and no digit) rather than a code, however mistyped.
fn describes_field(value: &str) -> bool {
    value.split_whitespace().count() >= 3 && !value.bytes().any(|b| b.is_ascii_digit())
}
