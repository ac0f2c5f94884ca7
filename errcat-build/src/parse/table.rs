//! Pipe tables, recognised by what they hold, not where they stand:
//!
//! - a status table (`| 404 - Not Found | … |`, `| 500,502 - Server Errors | … |`)
//!   is the file's HTTP status reference;
//! - a category table (`| 1xxx | BaseError | 基础错误类型 |`) declares code ranges;
//! - a code table has a code column, found by its header (`错误码`), and
//!   gives one record per row, its other columns found by header too
//!   (`命名参考`, `说明`, `HTTP`), in any order;
//! - any other table (versions, modules, …) is not read.

use std::ops::Range;
use std::sync::LazyLock;

use regex_lite::Regex;

use crate::diagnostic::Diagnostic;
use crate::lint;
use crate::model::{
    Category, Entry, FileFacts, Number, RecordFormat, StatusDef, StatusReference, Text,
};
use crate::parse::field::{Role, role_of};
use crate::parse::{PartBuilder, strip_markup};
use crate::reader::{Row, Table};

static STATUS_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([1-5][0-9]{2}(?:\s*[,，、/]\s*[1-5][0-9]{2})*)\s*[-–—:：]\s*(.+)$")
        .expect("valid pattern")
});
static RANGE_PATTERN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-9]*)([xX]+)$").expect("valid pattern"));

const RESERVED: &[&str] = &["预留", "保留", "reserved", "Reserved", "未使用"];

pub(crate) fn read(
    part: &mut PartBuilder,
    facts: &mut FileFacts,
    table: &Table,
    range: Range<usize>,
) {
    if read_status_table(part, facts, table, range) || read_category_table(part, facts, table) {
        return;
    }
    read_code_table(part, table);
}

fn cell<'t>(part: &'t PartBuilder, row: &Row, index: usize) -> Option<&'t str> {
    row.cells.get(index).map(|c| part.source.slice(c.clone()))
}

fn read_status_table(
    part: &PartBuilder,
    facts: &mut FileFacts,
    table: &Table,
    range: Range<usize>,
) -> bool {
    let is_status_row = |row: &Row| cell(part, row, 0).is_some_and(|c| STATUS_ROW.is_match(c));
    if table.rows.is_empty() || !table.rows.iter().all(is_status_row) {
        return false;
    }
    let mut statuses = Vec::new();
    for row in &table.rows {
        let Some(captures) = cell(part, row, 0).and_then(|c| STATUS_ROW.captures(c)) else {
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

/// Index of the column for each role; the first column of a role wins.
#[derive(Debug, Default)]
struct Columns {
    code: Option<usize>,
    http: Option<usize>,
    name: Option<usize>,
    message: Option<usize>,
}

fn columns(part: &PartBuilder, table: &Table) -> Columns {
    let mut found = Columns::default();
    for (index, header) in table.header.cells.iter().enumerate() {
        let slot = match role_of(part.source.slice(header.clone())) {
            Some(Role::Code) => &mut found.code,
            Some(Role::HttpStatus) => &mut found.http,
            Some(Role::Name) => &mut found.name,
            Some(Role::Message) => &mut found.message,
            None => continue,
        };
        slot.get_or_insert(index);
    }
    found
}

fn read_category_table(part: &PartBuilder, facts: &mut FileFacts, table: &Table) -> bool {
    let Columns {
        code: Some(code),
        name,
        message,
        ..
    } = columns(part, table)
    else {
        return false;
    };
    let pattern_of = |row: &Row| cell(part, row, code).and_then(|c| RANGE_PATTERN.captures(c));
    if table.rows.is_empty() || !table.rows.iter().all(|row| pattern_of(row).is_some()) {
        return false;
    }
    for row in &table.rows {
        let Some(captures) = pattern_of(row) else {
            continue;
        };
        let prefix: i64 = captures[1].parse().unwrap_or(0);
        let width = 10i64
            .checked_pow(captures[2].len() as u32)
            .unwrap_or(i64::MAX);
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
        let reserved = RESERVED.contains(&name.text.as_str())
            || description
                .as_ref()
                .is_some_and(|d| RESERVED.contains(&d.text.as_str()));
        facts.categories.push(Category {
            name,
            description,
            pattern: captures[0].to_string(),
            first: prefix.saturating_mul(width),
            last: prefix
                .saturating_add(1)
                .saturating_mul(width)
                .saturating_sub(1),
            reserved,
        });
    }
    true
}

fn read_code_table(part: &mut PartBuilder, table: &Table) {
    let Columns {
        code: Some(code),
        http,
        name,
        message,
    } = columns(part, table)
    else {
        return;
    };
    let source = part.source;
    let text = source.text();
    let has_codes = table.rows.iter().any(|row| {
        row.cells.get(code).is_some_and(|c| {
            crate::model::parse_integer(&text[strip_markup(text, c.clone())]).is_some()
        })
    });
    if !has_codes {
        return;
    }
    let headers: Vec<String> = table
        .header
        .cells
        .iter()
        .map(|c| source.slice(c.clone()).to_string())
        .collect();
    for row in &table.rows {
        check_cell_count(part, row, headers.len());
        let field = |index: Option<usize>| {
            index
                .and_then(|i| row.cells.get(i))
                .filter(|c| !c.is_empty())
                .cloned()
        };
        let code_cell = field(Some(code));
        let extra = row
            .cells
            .iter()
            .enumerate()
            .filter(|(i, c)| {
                ![Some(code), http, name, message].contains(&Some(*i)) && !c.is_empty()
            })
            .filter_map(|(i, c)| Some((headers.get(i)?.clone(), part.text(c.clone()))))
            .collect();
        let entry = Entry {
            span: source.span(row.range.clone()),
            format: RecordFormat::Table,
            code: code_cell.map(|c| number(part, c)),
            http_status: field(http).map(|c| number(part, c)),
            name: field(name).map(|c| part.text(strip_markup(text, c))),
            message: field(message).map(|c| unescape_pipes(part.text(c))),
            section: None,
            extra,
        };
        part.push_entry(entry);
    }
}

fn number(part: &PartBuilder, cell: Range<usize>) -> Number {
    let range = strip_markup(part.source.text(), cell);
    Number::new(part.source.slice(range.clone()), part.source.span(range))
}

/// A pipe inside a cell is written `\|`; the message holds the pipe.
fn unescape_pipes(mut text: Text) -> Text {
    if text.text.contains("\\|") {
        text.text = text.text.replace("\\|", "|");
    }
    text
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
