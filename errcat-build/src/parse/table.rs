//! Pipe tables, recognised by what they hold, not where they stand:
//!
//! - a status table (`| 404 - Not Found | … |`, `| 500,502 - Server Errors | … |`,
//!   or an `HTTP 状态码` column of statuses and no code column) is the file's
//!   HTTP status reference;
//! - a category table (`| 1xxx | BaseError | 基础错误类型 |`) declares code ranges;
//! - a code table has a code column, found by its header (`错误码`, `Code`),
//!   and gives one record per row, its other columns found by header too, in
//!   any order; a row holding only a label (`|通用`) or a range
//!   (`| 1000-1999 | 通用错误 |`) opens a section of the table;
//! - any other table (versions, modules, code structure) is not read.
//!
//! Rows that go on after a blank line ended the table (as paragraphs) are
//! read with the last code table's columns.

use std::ops::Range;
use std::sync::LazyLock;

use regex_lite::Regex;

use crate::diagnostic::Diagnostic;
use crate::lint;
use crate::model::{
    Category, Details, Entry, FileFacts, Number, RangeOrigin, RecordFormat, StatusDef,
    StatusReference, Text, Translation, is_symbol, parse_integer,
};
use crate::parse::field::Role;
use crate::parse::{PartBuilder, declare_section_range, range, strip_markup};
use crate::reader::{Row, Table};

static STATUS_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([1-5][0-9]{2}(?:\s*[,，、/]\s*[1-5][0-9]{2})*)\s*[-–—:：]\s*(.+)$")
        .expect("valid pattern")
});

const RESERVED: &[&str] = &["预留", "保留", "reserved", "Reserved", "未使用"];

/// What a code table's columns hold.
#[derive(Debug, Clone, Default)]
pub(crate) struct Shape {
    code: usize,
    /// A second code column of identifiers (`ERR_INVALID_UID` beside a
    /// numeric `错误ID`) names the records when no name column does.
    name: Option<usize>,
    http: Option<usize>,
    /// The first is the message; the others are translations.
    messages: Vec<(usize, String)>,
    headers: Vec<String>,
}

pub(crate) fn read(
    part: &mut PartBuilder,
    facts: &mut FileFacts,
    table: &Table,
    range: Range<usize>,
) {
    if read_status_table(part, facts, table, range) || read_category_table(part, facts, table) {
        return;
    }
    if let Some(shape) = shape(part, table) {
        let section = part.section;
        for row in &table.rows {
            read_row(part, facts, &shape, row);
        }
        // A section a row opened ends with the table.
        part.section = section;
        part.table = Some(shape);
    }
}

fn cell<'t>(part: &'t PartBuilder, row: &Row, index: usize) -> Option<&'t str> {
    row.cells.get(index).map(|c| part.source.slice(c.clone()))
}

fn header(part: &PartBuilder, table: &Table, index: usize) -> String {
    table
        .header
        .cells
        .get(index)
        .map_or(String::new(), |c| part.source.slice(c.clone()).to_string())
}

fn read_status_table(
    part: &PartBuilder,
    facts: &mut FileFacts,
    table: &Table,
    range: Range<usize>,
) -> bool {
    if table.rows.is_empty() {
        return false;
    }
    let mut statuses = Vec::new();
    let listed = |row: &Row| cell(part, row, 0).and_then(|c| STATUS_ROW.captures(c));
    if table.rows.iter().all(|row| listed(row).is_some()) {
        // `| 404 - Not Found | 请求的资源不存在 |`
        for row in &table.rows {
            let Some(captures) = listed(row) else {
                continue;
            };
            let description = cell(part, row, 1)
                .filter(|d| !d.is_empty())
                .map(str::to_string);
            for status in captures[1].split([',', '，', '、', '/']) {
                let Ok(status) = status.trim().parse::<u16>() else {
                    continue;
                };
                statuses.push(StatusDef {
                    status,
                    name: Some(captures[2].trim().to_string()),
                    description: description.clone(),
                    span: part.source.span(row.range.clone()),
                });
            }
        }
    } else {
        // `| HTTP 状态码 | 含义 | 使用场景 |` with `| 404 | Not Found | … |`
        let roles: Vec<Option<Role>> = table
            .header
            .cells
            .iter()
            .map(|c| {
                part.role_of(part.source.slice(c.clone()))
                    .map(|(role, _)| role)
            })
            .collect();
        let Some(http) = roles.iter().position(|r| *r == Some(Role::HttpStatus)) else {
            return false;
        };
        let is_status = |row: &Row| {
            cell(part, row, http)
                .and_then(|c| c.parse::<u16>().ok())
                .filter(|s| crate::parse::is_http_status(i64::from(*s)))
        };
        if roles.contains(&Some(Role::Code))
            || !table.rows.iter().all(|row| is_status(row).is_some())
        {
            return false;
        }
        for row in &table.rows {
            let Some(status) = is_status(row) else {
                continue;
            };
            let text = |i: usize| {
                cell(part, row, i)
                    .filter(|t| !t.is_empty())
                    .map(str::to_string)
            };
            statuses.push(StatusDef {
                status,
                name: text(http + 1),
                description: text(http + 2),
                span: part.source.span(row.range.clone()),
            });
        }
    }
    let reference = StatusReference {
        span: part.source.span(range),
        statuses,
    };
    match &mut facts.status_reference {
        Some(existing) => existing.statuses.extend(reference.statuses),
        None => facts.status_reference = Some(reference),
    }
    true
}

fn read_category_table(part: &PartBuilder, facts: &mut FileFacts, table: &Table) -> bool {
    let roles = columns(part, table);
    let Some(&(code, _)) = roles.iter().find(|(_, role)| *role == Role::Code) else {
        return false;
    };
    let name = roles
        .iter()
        .find(|(_, role)| *role == Role::Name)
        .map(|(i, _)| *i);
    let message = roles
        .iter()
        .find(|(_, role)| *role == Role::Message)
        .map(|(i, _)| *i);
    let pattern_of = |row: &Row| {
        cell(part, row, code)
            .and_then(range::in_cell)
            .filter(|d| d.pattern.contains(['x', 'X']))
    };
    if table.rows.is_empty() || !table.rows.iter().all(|row| pattern_of(row).is_some()) {
        return false;
    }
    for row in &table.rows {
        let Some(declared) = pattern_of(row) else {
            continue;
        };
        let text = |column: Option<usize>| {
            column
                .and_then(|c| row.cells.get(c))
                .filter(|c| !c.is_empty())
                .map(|c| part.text(strip_markup(part.source.text(), c.clone())))
        };
        let description = text(message);
        let name = text(name)
            .or_else(|| description.clone())
            .unwrap_or_else(|| part.text(row.cells[code].clone()));
        let reserved = RESERVED.contains(&name.as_str())
            || description
                .as_ref()
                .is_some_and(|d| RESERVED.contains(&d.as_str()));
        facts.categories.push(Category {
            name,
            description,
            pattern: declared.pattern,
            first: declared.first,
            last: declared.last,
            reserved,
            origin: RangeOrigin::CategoryTable,
        });
    }
    true
}

/// Each column with a known role, in order, with its header's language.
fn columns(part: &PartBuilder, table: &Table) -> Vec<(usize, Role)> {
    table
        .header
        .cells
        .iter()
        .enumerate()
        .filter_map(|(i, c)| Some((i, part.role_of(part.source.slice(c.clone()))?.0)))
        .collect()
}

/// The shape of a code table, if it is one: a code column, and in some row
/// a code in it (a numeric one, when several columns claim codes).
fn shape(part: &PartBuilder, table: &Table) -> Option<Shape> {
    let text = part.source.text();
    let mut code_columns = Vec::new();
    let mut shape = Shape {
        headers: (0..table.header.cells.len())
            .map(|i| header(part, table, i))
            .collect(),
        ..Shape::default()
    };
    for (index, header) in table.header.cells.iter().enumerate() {
        let Some((role, locale)) = part.role_of(part.source.slice(header.clone())) else {
            continue;
        };
        match role {
            Role::Code => code_columns.push(index),
            Role::HttpStatus => {
                shape.http.get_or_insert(index);
            }
            Role::Name => {
                shape.name.get_or_insert(index);
            }
            Role::Message => {
                let locale = locale.map_or_else(|| shape.headers[index].clone(), str::to_string);
                shape.messages.push((index, locale));
            }
        }
    }
    let cells = |column: usize| {
        table
            .rows
            .iter()
            .filter_map(move |row| row.cells.get(column))
            .map(|c| &text[strip_markup(text, c.clone())])
            .filter(|c| !c.is_empty())
    };
    let numeric = |column: usize| cells(column).any(|c| parse_integer(c).is_some());
    // A table of symbolic codes (`ERR_INVALID_PARAM`) when no column holds numbers.
    let symbolic = |column: usize| cells(column).next().is_some() && cells(column).all(is_symbol);
    shape.code = code_columns
        .iter()
        .copied()
        .find(|&c| numeric(c))
        .or_else(|| code_columns.iter().copied().find(|&c| symbolic(c)))?;
    if shape.name.is_none() {
        shape.name = code_columns.iter().copied().find(|&c| c != shape.code);
    }
    Some(shape)
}

/// Reads a row of a code table (or one that goes on after it).
pub(crate) fn read_row(part: &mut PartBuilder, facts: &mut FileFacts, shape: &Shape, row: &Row) {
    let source = part.source;
    let text = source.text();
    // `| - | - | - |`: a ruler between groups of rows.
    if row
        .cells
        .iter()
        .all(|c| matches!(source.slice(c.clone()), "" | "-" | "--" | "---" | "—"))
    {
        return;
    }
    let field = |index: Option<usize>| {
        index
            .and_then(|i| row.cells.get(i))
            .filter(|c| !c.is_empty())
            .cloned()
    };
    let Some(code_cell) = field(Some(shape.code)) else {
        // `|通用`: a label alone opens a section.
        if let Some(label) = row.cells.iter().find(|c| !c.is_empty())
            && row.cells.iter().filter(|c| !c.is_empty()).count() == 1
        {
            part.row_section(label.clone(), None);
        } else {
            check_cell_count(part, row, shape.headers.len());
        }
        return;
    };
    let code_text = source.slice(strip_markup(text, code_cell.clone()));
    if let Some(declared) = range::in_cell(code_text) {
        // `| 1000-1999 | 通用错误 |`: the range of a section.
        let label = row
            .cells
            .iter()
            .enumerate()
            .find(|(i, c)| *i != shape.code && !c.is_empty())
            .map_or(code_cell.clone(), |(_, c)| c.clone());
        let name = strip_markup(text, label.clone());
        let index = declare_section_range(facts, part, declared, name);
        part.row_section(label, Some(index));
        return;
    }
    if parse_integer(code_text).is_none() && row.cells.iter().filter(|c| !c.is_empty()).count() == 1
    {
        part.row_section(code_cell, None);
        return;
    }
    check_cell_count(part, row, shape.headers.len());
    let used: Vec<usize> = [Some(shape.code), shape.name, shape.http]
        .into_iter()
        .flatten()
        .chain(shape.messages.iter().map(|(i, _)| *i))
        .collect();
    let extra = row
        .cells
        .iter()
        .enumerate()
        .filter(|(i, c)| !used.contains(i) && !c.is_empty())
        .filter_map(|(i, c)| Some((shape.headers.get(i)?.clone(), part.text(c.clone()))))
        .collect();
    // The first message column holds the message; the others translate it.
    let mut messages = shape
        .messages
        .iter()
        .map(|(i, locale)| (locale, field(Some(*i)).and_then(|c| message(part, c))));
    let primary = messages.next().and_then(|(_, text)| text);
    let translations = messages
        .filter_map(|(locale, text)| {
            Some(Translation {
                locale: locale.clone(),
                text: text?,
            })
        })
        .collect();
    let entry = Entry {
        span: source.span(row.range.clone()),
        format: RecordFormat::Table,
        code: Some(number(part, code_cell)),
        http_status: field(shape.http).map(|c| number(part, c)),
        name: field(shape.name).map(|c| part.text(strip_markup(text, c))),
        message: primary,
        section: None,
        details: Details::boxed(translations, extra),
    };
    part.push_entry(entry);
}

fn number(part: &PartBuilder, cell: Range<usize>) -> Number {
    let range = strip_markup(part.source.text(), cell);
    Number::read(part.source, range)
}

/// A cell's message: a pipe is written `\|` in a cell, so the message holds
/// the pipe; `<br>` is a line break in a cell, read as one space; a cell of
/// only `\` or `-` (placeholders some tables use) holds no message.
fn message(part: &PartBuilder, cell: Range<usize>) -> Option<Text> {
    let mut text = part.message(cell);
    if text.as_str() == "\\" || text.as_str() == "-" {
        return None;
    }
    if text.as_str().contains("\\|") {
        text = Text::made(text.span, text.as_str().replace("\\|", "|"));
    }
    for br in ["<br>", "<br/>", "<br />", "<BR>"] {
        if text.as_str().contains(br) {
            let words = text.as_str().replace(br, " ");
            let words = words.split_whitespace().collect::<Vec<_>>();
            text = Text::made(text.span, words.join(" "));
        }
    }
    Some(text)
}

fn check_cell_count(part: &mut PartBuilder, row: &Row, expected: usize) {
    let count = row.cells.len();
    // Empty cells past the header's last column (a doubled closing pipe)
    // add nothing and are let through.
    let extra_empty = row.cells.iter().skip(expected).all(Range::is_empty);
    if count == expected || (count > expected && extra_empty) {
        return;
    }
    let span = part.source.span(row.range.clone());
    part.part.diagnostics.push(
        Diagnostic::new(
            &lint::MALFORMED_ROW,
            span,
            format!(
                "this row has {count} cell{} but the table's header has {expected}",
                if count == 1 { "" } else { "s" }
            ),
        )
        .label(if count < expected {
            "missing cells"
        } else {
            "extra cells"
        }),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_rows_list_one_or_more_statuses() {
        let c = STATUS_ROW
            .captures("500,502,503,504 - Server Errors")
            .unwrap();
        assert_eq!((&c[1], &c[2]), ("500,502,503,504", "Server Errors"));
        assert!(STATUS_ROW.is_match("404 - Not Found"));
        assert!(!STATUS_ROW.is_match("1001"));
    }
}
