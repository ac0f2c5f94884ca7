//! Pipe tables, read as a person reads the rendered table: each column's
//! role comes from what its cells hold, its header only breaking ties.
//!
//! - a status table (`| 404 - Not Found | … |`, or a column of HTTP
//!   statuses under an HTTP header and no code column) is the file's HTTP
//!   status reference;
//! - a category table (`| 1xxx | BaseError | 基础错误类型 |`) declares code
//!   ranges;
//! - a code table has a column of codes: numbers (negative, hex, leading
//!   zeros) or symbols (`ERR_INVALID_PARAM`), whatever its header says.
//!   Beside numeric codes, a column of symbols names the records. A column
//!   of statuses (`404`, `400 Bad Request`) is their HTTP status. The first
//!   prose column is the message (a header naming the message, `消息`,
//!   `Beschreibung`, wins over one naming a category or advice), other
//!   prose columns in another language are its translations, the rest
//!   descriptions. A row holding only a label (`|通用`) or a range
//!   (`| 1000-1999 | 通用错误 |`) opens a section of the table;
//! - any other table (versions, modules, fields, the structure of a code)
//!   is not read.
//!
//! Rows that go on after a blank line ended the table (as paragraphs) are
//! read with the last code table's columns.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use regex_lite::Regex;

use crate::config::ColumnRole;
use crate::diagnostic::Diagnostic;
use crate::lint;
use crate::model::{
    Category, Details, Entry, FileFacts, Number, RangeOrigin, RecordFormat, Status, StatusDef,
    StatusReference, Translation,
};
use crate::parse::infer::{self, Hint, Kind, Strength};
use crate::parse::{PartBuilder, declare_section_range, plain, range};
use crate::reader::{Row, Table};

static STATUS_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([1-5][0-9]{2}(?:\s*[,，、/]\s*[1-5][0-9]{2})*)\s*[-–—:：]\s*(.+)$")
        .expect("valid pattern")
});

const RESERVED: &[&str] = &["预留", "保留", "reserved", "Reserved", "未使用"];

/// Type names a table of fields or parameters lists: such a table is not
/// one of codes, however code-like its names are.
const TYPE_NAMES: &[&str] = &[
    "int", "integer", "int32", "int64", "long", "string", "str", "bool", "boolean", "object",
    "array", "number", "float", "double", "list", "map", "json", "date", "datetime",
];

/// A data type as a table of fields writes it: a name of [`TYPE_NAMES`],
/// or an integer or float of a width (`u8`, `int32_t`, `uint64`, `f32`).
fn is_type_name(value: &str) -> bool {
    if TYPE_NAMES.iter().any(|t| t.eq_ignore_ascii_case(value)) {
        return true;
    }
    // Without a copy: every symbol cell of a table asks.
    let value = value.strip_suffix("_t").unwrap_or(value);
    let digits = value.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let kind = &value[..value.len() - digits.len()];
    ["uint", "int", "float", "u", "i", "f"]
        .iter()
        .any(|k| k.eq_ignore_ascii_case(kind))
        && matches!(digits, "8" | "16" | "32" | "64" | "128")
}

/// Yes and no as tables write them; lowercase ASCII or uncased, so
/// compared ignoring ASCII case.
const BOOLEANS: &[&str] = &[
    "true",
    "false",
    "yes",
    "no",
    "y",
    "n",
    "valid",
    "invalid",
    "required",
    "optional",
    "是",
    "否",
    "必填",
    "选填",
    "可选",
    "必须",
    "需要",
    "不需要",
];

/// HTTP methods, which a column of an endpoint table holds: not codes.
const HTTP_METHODS: &[&str] = &["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/// What a code table's columns hold.
#[derive(Debug, Clone, Default)]
pub(crate) struct Shape {
    code: usize,
    name: Option<usize>,
    http: Option<usize>,
    /// The message column.
    message: Option<usize>,
    /// Columns of the message in other languages, with their language.
    translations: Vec<(usize, String)>,
    /// The message column's language, where its header names one.
    language: Option<String>,
    /// Message columns whose headers name a language errcat does not know
    /// (`Message (Klingon)`): read as nothing, with a warning.
    unknown_languages: Vec<usize>,
    headers: Vec<String>,
    /// No column's header names a message: a table that only lists codes
    /// defined elsewhere may be one referring to them.
    refers_back: bool,
    /// The cells the header row has: the columns a renderer shows.
    header_cells: usize,
    /// Whether the codes are symbols (else numbers).
    symbolic: bool,
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
    let (shape, header_is_row) = match shape(part, table) {
        Ok(found) => found,
        Err(NotCodes::Unsure) => {
            report_unread(part, table);
            return;
        }
        Err(NotCodes::Other) => return,
    };
    // A table of codes defined above, with nothing to say of them as
    // messages (`| Error Code | Coverage Status | Note |`), refers to them.
    if shape.refers_back {
        let codes: Vec<String> = table
            .rows
            .iter()
            .map(|row| {
                cell_value(part, row, shape.code)
                    .unwrap_or_default()
                    .into_owned()
            })
            .collect();
        if part.all_defined(codes.iter().map(|c| Cow::Borrowed(c.as_str()))) {
            return;
        }
    }
    if part.part.language.is_none() {
        part.part.language.clone_from(&shape.language);
    }
    for &column in &shape.unknown_languages {
        report_unknown_language(part, table, &shape.headers[column], column);
    }
    let section = part.section;
    // Room for a record a row, so a large table does not double the list
    // of records on the way (the old and the new array held at once).
    part.part
        .entries
        .reserve(table.rows.len() + usize::from(header_is_row));
    if header_is_row {
        read_row(part, facts, &shape, &table.header);
    }
    // The last row that filled its code cell, for the rows under it that
    // leave it empty, as a merged cell, but name records of their own.
    let mut above: Option<&Row> = None;
    for (index, row) in table.rows.iter().enumerate() {
        let code_cell = row.cells.get(shape.code).cloned().unwrap_or_default();
        if let Some(codes) = enumerated_codes(part, &shape, &table.rows[index..]) {
            let span = part.source.span(code_cell.clone());
            for code in codes {
                let code = Number::made(span, code.to_string());
                read_row_with_code(part, facts, &shape, row, Some(code));
            }
        } else if code_cell.is_empty()
            && let Some(code) = above.and_then(|above| merged_code(part, &shape, above, row))
        {
            let code = Number::made(part.source.span(code_cell.clone()), code);
            read_row_with_code(part, facts, &shape, row, Some(code));
        } else {
            read_row(part, facts, &shape, row);
        }
        if !code_cell.is_empty() {
            above = Some(row);
        }
    }
    // A section a row opened ends with the table.
    part.section = section;
    part.table = Some(shape);
}

fn cell<'t>(part: &'t PartBuilder, row: &Row, index: usize) -> Option<&'t str> {
    row.cells.get(index).map(|c| part.source.slice(c.clone()))
}

/// The value a cell holds as the rendered table shows it: markup taken
/// off (`` `telNO_DST`_`PARTIAL` `` is `telNO_DST_PARTIAL`); of a cell
/// listing codes, the first.
fn cell_value<'t>(part: &'t PartBuilder, row: &Row, index: usize) -> Option<Cow<'t, str>> {
    let mut range = row.cells.get(index)?.clone();
    if let Some(codes) = listed_codes(part.source.text(), range.clone()) {
        range = codes[0].clone();
    }
    let value = part.source.slice(infer::value(part.source.text(), range));
    Some(plain::plain(value).map_or(Cow::Borrowed(value), Cow::Owned))
}

fn cell_kind(part: &PartBuilder, row: &Row, index: usize) -> Kind {
    cell_value(part, row, index).map_or(Kind::Empty, |v| infer::kind(&v))
}

fn read_status_table(
    part: &mut PartBuilder,
    facts: &mut FileFacts,
    table: &Table,
    range: Range<usize>,
) -> bool {
    if table.rows.is_empty() {
        return false;
    }
    let mut statuses = Vec::new();
    let mut status_rows = Vec::new();
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
        // `| HTTP 状态码 | 含义 | 使用场景 |` with `| 404 | Not Found | … |`:
        // statuses under an HTTP header, or beside their standard reason
        // phrases, and no other column of codes.
        let hints = hints(part, table);
        let all_statuses = |c: usize| {
            table
                .rows
                .iter()
                .all(|row| cell_kind(part, row, c).status().is_some())
        };
        let phrased = |c: usize| {
            let named = table.rows.iter().filter(|row| {
                let status = cell_kind(part, row, c).status().unwrap_or(0);
                (0..hints.len()).any(|other| {
                    other != c
                        && cell_value(part, row, other)
                            .is_some_and(|text| super::status::is_reason_phrase(status, &text))
                })
            });
            named.count() * 10 >= table.rows.len() * 8
        };
        let Some(http) =
            (0..hints.len()).find(|&c| all_statuses(c) && (hints[c].http || phrased(c)))
        else {
            return false;
        };
        let is_status = |row: &Row| cell_kind(part, row, http).status();
        let other_codes = (0..hints.len()).filter(|&c| c != http).any(|c| {
            (hints[c].code > Strength::None && !all_statuses(c))
                || table
                    .rows
                    .iter()
                    .filter(|row| matches!(cell_kind(part, row, c), Kind::Number(_)))
                    .count()
                    * 2
                    > table.rows.len()
        });
        if other_codes {
            return false;
        }
        // The first column of words, as a catalogue's message is.
        let message = (0..hints.len()).filter(|&c| c != http).find(|&c| {
            let worded = table
                .rows
                .iter()
                .filter(|row| matches!(cell_kind(part, row, c), Kind::Prose | Kind::Symbol));
            worded.count() * 2 >= table.rows.len()
        });
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
            let status_cell = row.cells[http].clone();
            let message = message.filter(|&c| !row.cells.get(c).is_none_or(Range::is_empty));
            let entry = Entry {
                span: part.source.span(row.range.clone()),
                format: RecordFormat::Table,
                code: Some(part.code(status_digits(part, status_cell.clone()))),
                http_status: self::status(part, status_cell),
                name: None,
                message: message.map(|c| part.message(row.cells[c].clone())),
                section: part.section.map(|i| i as u32),
                details: None,
            };
            status_rows.push(entry);
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
    part.part.fallback.extend(status_rows);
    true
}

/// `| 1xxx | BaseError | 基础错误类型 |`: a column of `x` patterns, every
/// row one, declares the file's categories.
fn read_category_table(part: &PartBuilder, facts: &mut FileFacts, table: &Table) -> bool {
    if table.rows.is_empty() {
        return false;
    }
    let width = table.header.cells.len();
    let pattern_of = |row: &Row, column: usize| {
        cell_value(part, row, column)
            .and_then(|v| range::in_cell(&v))
            .filter(|d| d.pattern.contains(['x', 'X']))
    };
    let Some(code) =
        (0..width).find(|&c| table.rows.iter().all(|row| pattern_of(row, c).is_some()))
    else {
        return false;
    };
    let hints = hints(part, table);
    let others: Vec<usize> = (0..width).filter(|&c| c != code).collect();
    let name = others.iter().copied().find(|&c| hints[c].name);
    let message = others
        .iter()
        .copied()
        .find(|&c| hints[c].message && Some(c) != name);
    // Without headers to say, the first other column names the range and
    // the next describes it.
    let name = name.or_else(|| others.iter().copied().find(|&c| Some(c) != message));
    let message = message.or_else(|| others.iter().copied().find(|&c| Some(c) != name));
    for row in &table.rows {
        let Some(declared) = pattern_of(row, code) else {
            continue;
        };
        let text = |column: Option<usize>| {
            column
                .and_then(|c| row.cells.get(c))
                .filter(|c| !c.is_empty())
                .map(|c| part.text(infer::value(part.source.text(), c.clone())))
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

/// Each column's hint: the role catalogs.toml gives its header, else what
/// the header says; a role catalogs.toml gives one column no other column
/// is hinted at.
fn hints(part: &PartBuilder, table: &Table) -> Vec<Hint> {
    let mut hints = header_hints(part, table);
    let configured: Vec<Option<ColumnRole>> = (0..hints.len())
        .map(|i| {
            let header = table
                .header
                .cells
                .get(i)
                .map_or("", |c| part.source.slice(c.clone()));
            part.configured_role(header)
        })
        .collect();
    for role in configured.iter().flatten() {
        for (hint, own) in hints.iter_mut().zip(&configured) {
            if own.is_some() {
                continue;
            }
            match role {
                ColumnRole::Code => hint.code = Strength::None,
                ColumnRole::HttpStatus => hint.http = false,
                ColumnRole::Name => hint.name = false,
                ColumnRole::Message => hint.message = false,
            }
        }
    }
    hints
}

fn header_hints(part: &PartBuilder, table: &Table) -> Vec<Hint> {
    let width = table
        .rows
        .iter()
        .map(|r| r.cells.len())
        .chain([table.header.cells.len()])
        .max()
        .unwrap_or(0);
    (0..width)
        .map(|i| {
            let written = table
                .header
                .cells
                .get(i)
                .map_or("", |c| part.source.slice(c.clone()));
            // The header as the page shows it: `**说明**`, `<b>原因码</b>`.
            let shown = plain::plain(written);
            let header = shown.as_deref().unwrap_or(written);
            match part
                .configured_role(header)
                .or_else(|| part.configured_role(written))
            {
                Some(role) => Hint {
                    code: if role == ColumnRole::Code {
                        Strength::Strong
                    } else {
                        Strength::None
                    },
                    http: role == ColumnRole::HttpStatus,
                    name: role == ColumnRole::Name,
                    message: role == ColumnRole::Message,
                    ..Hint::default()
                },
                None => infer::hint(header),
            }
        })
        .collect()
}

/// What one column's cells hold, over the rows that are not labels.
#[derive(Debug, Default, Clone, Copy)]
struct Profile {
    filled: usize,
    numbers: usize,
    statuses: usize,
    /// Statuses written with their reason phrase.
    phrased: usize,
    symbols: usize,
    /// Symbols that look like error codes without a header saying so.
    code_like_symbols: usize,
    prose: usize,
    /// Cells naming a type (`int`, `String`): a table of fields.
    type_names: usize,
    /// Cells of yes or no (`true`, `valid`, `必填`).
    booleans: usize,
    /// Numbers written in hex (`0x1A`).
    hex: usize,
    /// Whether the symbols are one word and a running number (`code-1`,
    /// `code-2`, `end-4a`): labels of rows, not codes.
    labels: bool,
}

impl Profile {
    fn share(count: usize, of: usize) -> bool {
        of > 0 && count * 10 >= of * 6
    }

    fn numeric(&self) -> bool {
        Profile::share(self.numbers, self.filled)
    }

    fn symbolic(&self) -> bool {
        Profile::share(self.symbols, self.filled)
    }

    /// Whether nearly all filled cells are of one kind, as a column of
    /// codes is.
    fn uniformly(&self, count: usize) -> bool {
        self.filled > 0 && count * 10 >= self.filled * 8
    }

    fn statusy(&self) -> bool {
        self.filled > 0 && self.statuses * 10 >= self.filled * 8
    }

    fn prosy(&self) -> bool {
        self.filled > 0 && self.prose * 10 >= self.filled * 4
    }
}

/// A symbol that reads as an error code even without a header saying
/// so: upper-case words (`ERR_INVALID`, `NOT_FOUND`), CamelCase with two
/// capitals or more (`BadDigest`), or one with digits (`USER_40301`).
pub(crate) fn looks_like_code(symbol: &str) -> bool {
    if symbol.len() > 48 || HTTP_METHODS.contains(&symbol) {
        return false;
    }
    let uppers = symbol.chars().filter(char::is_ascii_uppercase).count();
    let digits = symbol.chars().any(|c| c.is_ascii_digit());
    (uppers >= 2 && !symbol.contains(['-', '.'])) || (digits && !is_version(symbol))
}

/// `v1.4.0`, `V2.1`: a version, not a code.
fn is_version(symbol: &str) -> bool {
    let numbers = symbol.strip_prefix(['v', 'V']).unwrap_or(symbol);
    numbers.contains('.')
        && numbers
            .split('.')
            .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The word of a row label `word-N` (`code-1`, `end-4a`), if it is one.
fn label_word(symbol: &str) -> Option<String> {
    let (word, number) = symbol.rsplit_once('-')?;
    let digits = number.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &number[digits..];
    (digits > 0 && rest.len() <= 1 && word.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| word.to_ascii_lowercase())
}

/// Rows a column's profile is taken from, at most: what a column holds is
/// told by its shares, which rows spread evenly over the table keep, so a
/// table of 100,000 rows is profiled as fast as one of a few hundred.
const PROFILED_ROWS: usize = 256;

fn profiles(part: &PartBuilder, table: &Table, width: usize) -> Vec<Profile> {
    let filled: Vec<&Row> = table
        .rows
        .iter()
        .filter(|row| row.cells.iter().filter(|c| !c.is_empty()).count() > 1)
        .collect();
    let step = filled.len().div_ceil(PROFILED_ROWS).max(1);
    let data: Vec<&Row> = filled.into_iter().step_by(step).collect();
    (0..width)
        .map(|column| {
            let mut profile = Profile::default();
            let mut label_prefix: Option<String> = None;
            profile.labels = true;
            for row in &data {
                let value = cell_value(part, row, column).unwrap_or_default();
                let kind = infer::kind(&value);
                // Range rows are sections of the table, not its values.
                if matches!(kind, Kind::Empty | Kind::Range) {
                    continue;
                }
                profile.filled += 1;
                if BOOLEANS.iter().any(|b| b.eq_ignore_ascii_case(&value)) {
                    profile.booleans += 1;
                }
                if kind.status().is_some() {
                    profile.statuses += 1;
                }
                match kind {
                    Kind::Number(_) => {
                        profile.numbers += 1;
                        if value.trim_start_matches('-').starts_with("0x") {
                            profile.hex += 1;
                        }
                    }
                    Kind::Status(_) => profile.phrased += 1,
                    Kind::Symbol => {
                        profile.symbols += 1;
                        if looks_like_code(&value) {
                            profile.code_like_symbols += 1;
                        }
                        if is_type_name(&value) {
                            profile.type_names += 1;
                        }
                        let prefix = label_word(&value);
                        profile.labels &=
                            prefix.is_some() && (label_prefix.is_none() || label_prefix == prefix);
                        label_prefix = label_prefix.or(prefix);
                    }
                    Kind::Prose => profile.prose += 1,
                    Kind::Range | Kind::Empty => {}
                }
            }
            profile.labels &= profile.symbols >= 3 && profile.symbols == profile.filled;
            profile
        })
        .collect()
}

/// The shape of a code table, if it is one, and whether its header row is
/// a row of codes itself (a table written without headers).
/// Why a table is not read as codes.
enum NotCodes {
    /// It is a table of something else: fields, examples, row labels.
    Other,
    /// No column reads as codes with something beside them.
    Unsure,
}

/// A table none of whose columns errcat takes for codes, though three of
/// its rows or more hold something like one, is worth a warning: what was
/// found, and how catalogs.toml makes errcat read it.
fn report_unread(part: &mut PartBuilder, table: &Table) {
    let width = table.header.cells.len();
    let code_like = |row: &Row, c: usize| match cell_kind(part, row, c) {
        Kind::Number(_) => true,
        Kind::Symbol => cell_value(part, row, c).is_some_and(|v| looks_like_code(&v)),
        _ => false,
    };
    let best = (0..width)
        .map(|c| (c, table.rows.iter().filter(|row| code_like(row, c)).count()))
        .max_by_key(|&(c, count)| (count, std::cmp::Reverse(c)));
    let Some((column, count)) = best.filter(|&(_, count)| count >= 3) else {
        return;
    };
    let header = |c: usize| {
        table.header.cells.get(c).map_or(String::new(), |cell| {
            part.source.slice(cell.clone()).trim().to_string()
        })
    };
    let message = (0..width)
        .find(|&c| c != column)
        .map_or(String::new(), header);
    let span = part.source.span(table.header.range.clone());
    part.count_unread(count);
    part.part.diagnostics.push(
        Diagnostic::new(
            &lint::UNREAD_CODES,
            span,
            format!(
                "{count} rows of this table hold codes in column `{}`, but errcat did not read it as a table of codes",
                header(column)
            ),
        )
        .label("not read")
        .note("no column of it reads as codes beside a message, or its rows are too few to tell")
        .note(format!(
            "to read it, name its columns for this file in catalogs.toml: columns = {{ code = \"{}\", message = \"{message}\" }}",
            header(column)
        )),
    );
}

fn shape(part: &PartBuilder, table: &Table) -> Result<(Shape, bool), NotCodes> {
    let hints = hints(part, table);
    let width = hints.len();
    let profiles = profiles(part, table, width);
    if profiles
        .iter()
        .any(|p| p.type_names * 2 > p.filled && p.filled > 0)
    {
        return Err(NotCodes::Other); // a table of fields and their types
    }
    // A column of yes/no beside codes no header names: a table of
    // examples or of fields (`| 0x41 | valid | … |`, `| id | 必填 |`).
    let named_codes = hints.iter().any(|h| h.code == Strength::Strong);
    if !named_codes
        && profiles
            .iter()
            .any(|p| p.booleans * 2 > p.filled && p.filled > 0)
    {
        return Err(NotCodes::Other);
    }
    let rows_with = |column: usize| profiles[column].filled;
    // The HTTP status column: statuses under an HTTP header, or with their
    // reason phrases; bare statuses only beside another column of codes.
    let numeric_codes = |except: usize| {
        (0..width).any(|c| {
            c != except
                && !hints[c].ordinal
                && profiles[c].numeric()
                && (hints[c].code > Strength::None || !profiles[c].statusy())
        })
    };
    let symbolic_codes = |except: usize| {
        (0..width).any(|c| c != except && profiles[c].symbolic() && hints[c].code > Strength::None)
    };
    let http = (0..width).find(|&c| {
        let p = &profiles[c];
        p.statusy()
            && (hints[c].http
                || p.phrased * 2 > p.filled
                || ((numeric_codes(c) || symbolic_codes(c))
                    && (hints[c].code == Strength::None || hints[c].status)))
    });
    let (hints, profiles) = (&hints, &profiles);
    let candidates = |numeric: bool| {
        (0..width).filter(move |&c| {
            let p = &profiles[c];
            Some(c) != http
                && !hints[c].ordinal
                && !hints[c].advice
                && if numeric {
                    // Numbers under a header naming them identifiers, and
                    // not codes, identify something else (`| 标识符 | 名称 |`).
                    p.uniformly(p.numbers) && !(hints[c].name && hints[c].code == Strength::None)
                } else {
                    // Without a header saying so, symbols must look like
                    // codes, and not like the labels `code-1`, `code-2`, …
                    // some tables number their rows with.
                    p.uniformly(p.symbols)
                        && (hints[c].code == Strength::Strong
                            || ((hints[c].code == Strength::Weak
                                || Profile::share(p.code_like_symbols, p.filled))
                                && !p.labels))
                }
        })
    };
    let pick = |mut columns: Vec<usize>| {
        // Of two columns of one code (`| 0 | 0x00 |`), the hex one is how
        // the document writes codes.
        columns.sort_by_key(|&c| {
            (
                std::cmp::Reverse(hints[c].code),
                hints[c].name,
                profiles[c].hex * 2 < profiles[c].filled,
                c,
            )
        });
        columns.first().copied()
    };
    // How many of a column's values differ: codes and names are one a
    // record (repeats are mistakes, a few), categories and flags repeat.
    // Counted once a column: a table's candidates ask more than once. A
    // large table is counted on rows spread evenly over it, as profiled.
    let shares: Vec<std::cell::OnceCell<usize>> = vec![std::cell::OnceCell::new(); width];
    let step = table.rows.len().div_ceil(PROFILED_ROWS).max(1);
    let distinct_share = |c: usize| {
        *shares[c].get_or_init(|| {
            let mut values: Vec<Cow<str>> = table
                .rows
                .iter()
                .step_by(step)
                .filter_map(|row| cell_value(part, row, c))
                .filter(|v| !infer::is_placeholder(v))
                .collect();
            let filled = values.len().max(1);
            values.sort_unstable();
            values.dedup();
            values.len() * 10 / filled
        })
    };
    let distinct = |c: usize| distinct_share(c) >= 9;
    let numeric: Vec<usize> = candidates(true)
        .filter(|&c| distinct_share(c) >= 5)
        .collect();
    let symbolic: Vec<usize> = candidates(false)
        .filter(|&c| distinct_share(c) >= 5)
        .collect();
    let code = pick(numeric.clone()).or_else(|| {
        // Of symbolic columns, one the header calls a name names the
        // records; a code it is only when no other column can be.
        let unnamed: Vec<usize> = symbolic
            .iter()
            .copied()
            .filter(|&c| !hints[c].name)
            .collect();
        pick(if unnamed.is_empty() {
            symbolic.clone()
        } else {
            unnamed
        })
    });
    let Some(code) = code else {
        // A column of row labels (`code-1`, `end-2`) numbers the rows of a
        // table of something else.
        return Err(if profiles.iter().any(|p| p.labels) {
            NotCodes::Other
        } else {
            NotCodes::Unsure
        });
    };
    // Enough to be a table of codes: its header says so, or two rows hold
    // codes beside some text.
    let texts = (0..width).filter(|&c| {
        c != code && Some(c) != http && profiles[c].filled > 0 && !profiles[c].numeric()
    });
    if hints[code].code == Strength::None && (rows_with(code) < 2 || texts.count() == 0) {
        return Err(NotCodes::Unsure);
    }
    let code_is_symbolic = !numeric.contains(&code);
    let used = |c: usize| c == code || Some(c) == http;
    // Beside numeric codes, a column of symbols names the records, unless
    // it is the only text there is (then it is the message, as a reader
    // takes `| -1002 | MISSING_PARAMETER |`).
    let prose_columns: Vec<usize> = (0..width)
        .filter(|&c| !used(c) && profiles[c].prosy())
        .collect();
    let names_records = |c: usize| {
        if used(c) {
            return false;
        }
        // A name is an identifier, whatever the header calls it: a column
        // of words under `名称` holds the message.
        if hints[c].name && profiles[c].symbolic() {
            return true;
        }
        profiles[c].symbolic() && !code_is_symbolic && !prose_columns.is_empty()
    };
    // Names are one a record; a column whose values repeat down the rows
    // (`standard`, `non-standard`) files them under categories instead, and
    // so does one filled on only a few of the rows of codes (`Common` on the
    // first row of each group, the rows below it left empty).
    let most_rows = |c: usize| profiles[c].filled * 2 >= rows_with(code);
    let name = (0..width)
        .filter(|&c| names_records(c) && most_rows(c) && (hints[c].name || distinct(c)))
        .min_by_key(|&c| (!hints[c].name, c));
    // A column empty in every row that holds a code (`Component`, filled
    // only on the category rows between them) is no text of the records.
    let beside_codes = |c: usize| {
        table.rows.iter().step_by(step).any(|row| {
            row.cells.get(c).is_some_and(|cell| !cell.is_empty())
                && matches!(cell_kind(part, row, code), Kind::Number(_) | Kind::Symbol)
        })
    };
    let texts: Vec<usize> = (0..width)
        .filter(|&c| !used(c) && Some(c) != name && (profiles[c].filled > 0 || hints[c].message))
        .filter(|&c| hints[c].message || beside_codes(c))
        .filter(|&c| profiles[c].prosy() || hints[c].message || profiles[c].symbolic())
        .filter(|&c| !profiles[c].numeric())
        .collect();
    let message = texts
        .iter()
        .copied()
        .find(|&c| hints[c].message && !hints[c].advice)
        .or_else(|| {
            texts
                .iter()
                .copied()
                .find(|&c| !hints[c].advice && c > code)
        })
        .or_else(|| texts.iter().copied().find(|&c| !hints[c].advice))
        .or_else(|| texts.first().copied());
    let headers: Vec<String> = (0..width)
        .map(|i| {
            table.header.cells.get(i).map_or(String::new(), |c| {
                let written = part.source.slice(c.clone());
                plain::plain(written).unwrap_or_else(|| written.to_string())
            })
        })
        .collect();
    let primary_language = message.and_then(|m| infer::language(&headers[m]));
    let translations = texts
        .iter()
        .copied()
        .filter(|&c| Some(c) != message)
        .filter_map(|c| Some((c, infer::language(&headers[c])?)))
        .filter(|(_, language)| Some(language) != primary_language.as_ref())
        .collect();
    let unknown_languages = texts
        .iter()
        .copied()
        .filter(|&c| Some(c) != message && hints[c].message)
        .filter(|&c| {
            infer::language(&headers[c]).is_none() && infer::qualifier(&headers[c]).is_some()
        })
        .collect();
    // A header row of numeric codes is a row of codes itself: the table
    // was written without headers.
    let header_is_row =
        !code_is_symbolic && matches!(cell_kind(part, &table.header, code), Kind::Number(_));
    let refers_back = message.is_none_or(|m| !hints[m].message);
    // `| 状态码 | 说明 |`, `| Mã trạng thái | … |` over 403, 404: the codes
    // are HTTP statuses, each record's status its code.
    let names_status = hints[code].status || hints[code].http;
    let all_statuses =
        profiles[code].filled > 0 && profiles[code].statuses == profiles[code].filled;
    let http = http.or((names_status && !code_is_symbolic && all_statuses).then_some(code));
    Ok((
        Shape {
            code,
            name,
            http,
            message,
            translations,
            language: primary_language,
            unknown_languages,
            headers,
            refers_back,
            header_cells: table.header.cells.len(),
            symbolic: code_is_symbolic,
        },
        header_is_row,
    ))
}

/// A message column whose header names a language errcat cannot tell
/// (`Message (Klingon)`): its texts are in the table but in no record.
fn report_unknown_language(part: &mut PartBuilder, table: &Table, header: &str, column: usize) {
    let span = table.header.cells.get(column).map_or_else(
        || part.source.span(table.header.range.clone()),
        |c| part.source.span(c.clone()),
    );
    part.part.diagnostics.push(
        Diagnostic::new(
            &lint::UNKNOWN_LANGUAGE,
            span,
            format!("column `{header}` reads as the message in another language, but errcat cannot tell which; its texts are not read"),
        )
        .label("which language?")
        .note("write the language as a BCP 47 tag in the header, `Message (de)`, `描述 (zh-Hant)`"),
    );
}

/// The code of the row `above` for a row that leaves its code cell empty
/// but names a record of its own: a name and a message beside the empty
/// cell (`|  | InvalidNodeIdError | "kni không hợp lệ" |`), not a message
/// alone going on the row above; where `above` holds a code.
fn merged_code(part: &PartBuilder, shape: &Shape, above: &Row, row: &Row) -> Option<String> {
    let filled =
        |column: Option<usize>| column.is_some_and(|c| cell_kind(part, row, c) != Kind::Empty);
    if !(filled(shape.name) && filled(shape.message)) {
        return None;
    }
    match cell_kind(part, above, shape.code) {
        Kind::Number(_) | Kind::Symbol => cell_value(part, above, shape.code).map(Cow::into_owned),
        _ => None,
    }
}

/// The most codes a range row of a code table spells out.
const MOST_ENUMERATED: i64 = 64;

/// The codes the first of `rows` spans, in the order written, where it is
/// a range (`-4090001 ~ 4`) whose codes the rows after it do not go on in:
/// the next row's code lies outside it, so it opens no section of them and
/// stands for its own few codes, each with the row's message. A range the
/// next code lies in opens a section (`| 1000-1999 | 通用错误 |`).
fn enumerated_codes(part: &PartBuilder, shape: &Shape, rows: &[Row]) -> Option<Vec<i64>> {
    let (row, after) = rows.split_first()?;
    // Most code cells are a bare number, told by their bytes: cells are
    // trimmed already.
    let bytes = &part.source.text().as_bytes()[row.cells.get(shape.code)?.clone()];
    let digits = bytes.strip_prefix(b"-").unwrap_or(bytes);
    if digits.iter().all(u8::is_ascii_digit) || cell_kind(part, row, shape.code) != Kind::Range {
        return None;
    }
    let cell = cell(part, row, shape.code)?;
    let declared = range::in_cell(&cell_value(part, row, shape.code)?)?;
    if declared.pattern.contains(['x', 'X']) || declared.last - declared.first >= MOST_ENUMERATED {
        return None;
    }
    // The next row that fills its code cell (one look: a table of ranges
    // costs no pass per row).
    let next = after
        .iter()
        .find(|row| row.cells.get(shape.code).is_some_and(|c| !c.is_empty()))?;
    let Kind::Number(next) = cell_kind(part, next, shape.code) else {
        return None;
    };
    if (declared.first..=declared.last).contains(&next) {
        return None;
    }
    // From the end written first: `-4090001 ~ 3` counts down from -4090001.
    let written_first = cell
        .trim()
        .trim_matches('`')
        .starts_with(&declared.last.to_string());
    let codes: Vec<i64> = (declared.first..=declared.last).collect();
    Some(match written_first && declared.first != declared.last {
        true => codes.into_iter().rev().collect(),
        false => codes,
    })
}

/// Reads a row of a code table (or one that goes on after it).
pub(crate) fn read_row(part: &mut PartBuilder, facts: &mut FileFacts, shape: &Shape, row: &Row) {
    read_row_with_code(part, facts, shape, row, None);
}

/// [`read_row`], the row's code being `code` where given (one of the codes
/// its code cell spans).
fn read_row_with_code(
    part: &mut PartBuilder,
    facts: &mut FileFacts,
    shape: &Shape,
    row: &Row,
    code: Option<Number>,
) {
    let source = part.source;
    let text = source.text();
    // `| - | - | - |`, `|||`: a ruler between groups of rows.
    let ruler = |c: &Range<usize>| {
        let cell = source.slice(c.clone());
        infer::is_trimmed_placeholder(cell) || cell.chars().all(|ch| matches!(ch, '-' | ':' | ' '))
    };
    if row.cells.iter().all(ruler) {
        return;
    }
    // `| -4000001<br/>-4000006 | … |`: a row for each code the cell lists.
    if code.is_none()
        && let Some(cell) = row.cells.get(shape.code)
        && let Some(codes) = listed_codes(text, cell.clone())
    {
        for code in codes {
            let mut one = row.clone();
            one.cells[shape.code] = code;
            read_row(part, facts, shape, &one);
        }
        return;
    }
    // A code given is one of the row's codes, a number or a symbol of the
    // row above.
    let code_kind = match code.as_ref().map(Number::value) {
        Some(Some(value)) => Kind::Number(value),
        Some(None) => Kind::Symbol,
        None => cell_kind(part, row, shape.code),
    };
    match code_kind {
        // A code struck through is retired: no record, and no record may
        // use it again.
        Kind::Number(_) | Kind::Symbol
            if infer::struck(source.slice(row.cells[shape.code].clone())) =>
        {
            part.retire(row.cells[shape.code].clone());
            return;
        }
        // A code of another kind than its column's (`undefined` among
        // numbers) is no code of the table.
        Kind::Number(_) if shape.symbolic => return,
        Kind::Symbol if !shape.symbolic => return,
        Kind::Number(_) | Kind::Symbol => {}
        Kind::Range => {
            // `| 1000-1999 | 通用错误 |`: the range of a section.
            let code_cell = row.cells[shape.code].clone();
            let label = row
                .cells
                .iter()
                .enumerate()
                .find(|(i, c)| *i != shape.code && !c.is_empty())
                .map_or(code_cell.clone(), |(_, c)| c.clone());
            let value = cell_value(part, row, shape.code).unwrap_or_default();
            let declared = range::in_cell(&value).or_else(|| range::notation(&value).flatten());
            let index = declared.map(|declared| {
                let name = infer::value(text, label.clone());
                declare_section_range(facts, part, declared, name)
            });
            part.row_section(label, index);
            return;
        }
        _ => {
            // `|通用`: a label alone opens a section; any other row without a
            // code is no record.
            let mut filled = row.cells.iter().filter(|c| !c.is_empty());
            if let (Some(label), None) = (filled.next(), filled.next()) {
                part.row_section(label.clone(), None);
            }
            return;
        }
    }
    check_cell_count(part, row, shape.header_cells);
    let field = |index: Option<usize>| {
        index
            .and_then(|i| row.cells.get(i))
            .filter(|c| !c.is_empty() && !infer::is_trimmed_placeholder(source.slice((*c).clone())))
            .cloned()
    };
    let used = |i: usize| {
        [Some(shape.code), shape.name, shape.http, shape.message].contains(&Some(i))
            || shape.translations.iter().any(|(t, _)| *t == i)
    };
    let extra = row
        .cells
        .iter()
        .enumerate()
        .filter(|(i, c)| !c.is_empty() && !used(*i))
        .filter_map(|(i, c)| Some((shape.headers.get(i)?.clone(), part.message(c.clone()))))
        .collect();
    let translations = shape
        .translations
        .iter()
        .filter_map(|(i, locale)| {
            Some(Translation {
                locale: locale.clone(),
                text: part.message(field(Some(*i))?),
            })
        })
        .collect();
    let code_cell = row.cells[shape.code].clone();
    // A row whose name cell holds words and whose message cell is empty
    // wrote its message one cell early (`|58105 | OntAsset error, … |`).
    let (name, message) = match (field(shape.name), field(shape.message)) {
        (Some(name), None) if cell_kind(part, row, shape.name.unwrap_or(0)) == Kind::Prose => {
            (None, Some(name))
        }
        other => other,
    };
    let entry = Entry {
        span: source.span(row.range.clone()),
        format: RecordFormat::Table,
        code: Some(code.unwrap_or_else(|| part.code(code_cell))),
        http_status: field(shape.http).and_then(|c| status(part, c)),
        name: name.map(|c| part.name(c)),
        message: message.map(|c| part.message(c)),
        section: None,
        details: Details::boxed(translations, extra),
    };
    part.push_entry(entry);
}

/// The codes of a cell that lists several, one a line (`-4000001<br/>-4000006`):
/// each part's range, if there are two or more and each is an integer or
/// a symbol.
#[inline]
fn listed_codes(text: &str, cell: Range<usize>) -> Option<Vec<Range<usize>>> {
    // Every cell of a table asks: a list of a few codes is short, and most
    // cells hold no tag, told here without a call.
    let bytes = &text.as_bytes()[cell.clone()];
    if bytes.len() > 96 || !bytes.contains(&b'<') {
        return None;
    }
    split_listed_codes(text, cell)
}

/// [`listed_codes`] for a short cell that holds a `<`.
fn split_listed_codes(text: &str, cell: Range<usize>) -> Option<Vec<Range<usize>>> {
    let slice = &text[cell.clone()];
    let starts_as_code = slice
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'+' | b'`' | b'*'));
    if !starts_as_code {
        return None;
    }
    let lower = slice.to_ascii_lowercase();
    if !lower.contains("<br") {
        return None;
    }
    let mut parts = Vec::new();
    let mut start = 0;
    while let Some(found) = lower[start..].find("<br") {
        let open = start + found;
        let close = open + lower[open..].find('>')? + 1;
        parts.push(cell.start + start..cell.start + open);
        start = close;
    }
    parts.push(cell.start + start..cell.end);
    let parts: Vec<Range<usize>> = parts.into_iter().map(|p| infer::trim(text, p)).collect();
    // As a reader sees each part: `TCGB\_ERROR` is the symbol `TCGB_ERROR`.
    let code = |p: &Range<usize>| {
        let written = &text[infer::value(text, p.clone())];
        let value = plain::plain(written);
        let value = value.as_deref().unwrap_or(written);
        crate::model::parse_integer(value).is_some() || crate::model::is_symbol(value)
    };
    (parts.len() >= 2 && parts.iter().all(code)).then_some(parts)
}

/// The status of a cell: `404`, or the digits of `404 Not Found`.
fn status(part: &PartBuilder, cell: Range<usize>) -> Option<Status> {
    Some(Status::read(part.source, status_digits(part, cell)))
}

/// Where a cell's status is written: the cell's value, or the digits of
/// `404 Not Found`.
pub(crate) fn status_digits(part: &PartBuilder, cell: Range<usize>) -> Range<usize> {
    let text = part.source.text();
    let range = infer::value(text, cell);
    let value = &text[range.clone()];
    if infer::status_with_phrase(value).is_some() && value.len() > 3 {
        let digits = value.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
        let start = range.start + digits;
        return start..start + 3;
    }
    range
}

fn check_cell_count(part: &mut PartBuilder, row: &Row, expected: usize) {
    // A short row reads with empty cells, as GFM renders it; cells past
    // the header's last column are shown by no renderer, so they are
    // worth a warning, unless they are empty (a doubled closing pipe).
    let count = row.cells.len();
    if count <= expected || row.cells.iter().skip(expected).all(Range::is_empty) {
        return;
    }
    let span = part.source.span(row.range.clone());
    part.part.diagnostics.push(
        Diagnostic::new(
            &lint::MALFORMED_ROW,
            span,
            format!("this row has {count} cells but the table's header has {expected}"),
        )
        .label("extra cells")
        .note("a rendered table leaves them out"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_types_of_any_width_are_type_names() {
        for name in ["u8", "U16", "uint64_t", "int32", "f32", "float64", "string"] {
            assert!(is_type_name(name), "{name}");
        }
        for name in ["u", "u7", "E8", "int", "uint8x", "USER_8"] {
            assert_eq!(is_type_name(name), name == "int", "{name}");
        }
    }

    #[test]
    fn status_rows_list_one_or_more_statuses() {
        let c = STATUS_ROW
            .captures("500,502,503,504 - Server Errors")
            .unwrap();
        assert_eq!((&c[1], &c[2]), ("500,502,503,504", "Server Errors"));
        assert!(STATUS_ROW.is_match("404 - Not Found"));
        assert!(!STATUS_ROW.is_match("1001"));
    }

    #[test]
    fn a_merged_cell_of_a_symbol_gives_the_rows_under_it_that_symbol() {
        let text = "| Code | Name | Message |\n| --- | --- | --- |\n| ERR_BUSY | ServerBusy | busy |\n|  | QueueFull | queue full |\n| ERR_AUTH | BadToken | bad token |\n";
        let source = crate::source::SourceFile::new(0, "t.md", text.to_string());
        let parsed = crate::parse::parse_file(&source, &[], None);
        let read: Vec<(String, String)> = (parsed.parts.iter().flat_map(|p| &p.entries))
            .map(|e| {
                let code = e.code.as_ref().map_or("", |c| c.text()).to_string();
                (code, e.name.as_ref().map_or("", |n| n.as_str()).to_string())
            })
            .collect();
        let expected = [
            ("ERR_BUSY", "ServerBusy"),
            ("ERR_BUSY", "QueueFull"),
            ("ERR_AUTH", "BadToken"),
        ];
        assert_eq!(read, expected.map(|(c, n)| (c.to_string(), n.to_string())));
    }

    #[test]
    fn error_codes_by_their_look() {
        for code in [
            "ERR_INVALID",
            "NOT_FOUND",
            "BadDigest",
            "USER_40301",
            "telBAD_DOMAIN",
        ] {
            assert!(looks_like_code(code), "{code}");
        }
        for word in ["page", "user_id", "Success", "name", "v1.4.0", "V2.1"] {
            assert!(!looks_like_code(word), "{word}");
        }
    }
}
