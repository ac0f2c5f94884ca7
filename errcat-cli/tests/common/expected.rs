//! Documents against the entries their readers wrote down (the format of
//! tests/corpus/expected/README.md), for the corpus and the shape fixtures.

// Each test binary uses a part of this module.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::Path;

use errcat_build::Project;

/// One entry as its reader wrote it down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    line: u32,
    code: String,
    http: Option<String>,
    message: String,
    name: Option<String>,
}

/// A record as errcat read it.
#[derive(Debug, Clone)]
pub struct Read {
    lines: std::ops::RangeInclusive<u32>,
    code: String,
    http: Option<String>,
    message: String,
    name: Option<String>,
}

pub struct Expectations {
    pub entries: Vec<Expected>,
    /// `(id, line)` of each error the document has.
    errors: BTreeSet<(String, u32)>,
}

pub fn expectations(path: &Path) -> Expectations {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut entries = Vec::new();
    let mut errors = BTreeSet::new();
    let mut header = false;
    for (number, line) in text.lines().enumerate() {
        let at = || format!("{}:{}", path.display(), number + 1);
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if let Some(error) = line.strip_prefix("!error ") {
            let (id, line) = error
                .trim()
                .split_once(' ')
                .unwrap_or_else(|| panic!("{}", at()));
            errors.insert((
                id.to_string(),
                line.trim().parse().unwrap_or_else(|_| panic!("{}", at())),
            ));
            continue;
        }
        if !header {
            assert!(
                line.starts_with("line\tcode\thttp\tmessage"),
                "{}: the header line",
                at()
            );
            header = true;
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        assert!(
            (3..=5).contains(&cells.len()),
            "{}: {} cells",
            at(),
            cells.len()
        );
        entries.push(Expected {
            line: cells[0]
                .parse()
                .unwrap_or_else(|_| panic!("{}: line", at())),
            code: cells[1].to_string(),
            http: Some(cells[2]).filter(|h| *h != "-").map(str::to_string),
            message: cells.get(3).copied().unwrap_or("").to_string(),
            name: cells
                .get(4)
                .copied()
                .filter(|n| !n.is_empty())
                .map(str::to_string),
        });
    }
    assert!(header, "{}: no header line", path.display());
    Expectations { entries, errors }
}

/// What errcat reads of a document: its records, and its errors.
pub fn read(document: &Path) -> (Vec<Read>, BTreeSet<(String, u32)>) {
    let analysis = Project::load(&[document]).expect("loads").analyze();
    let model = &analysis.model;
    let mut records = Vec::new();
    for catalog in &model.catalogs {
        for entry in &catalog.entries {
            let source = model.source(entry.span.file);
            let first = source.line_of(entry.span);
            let last = source
                .line_column(entry.span.end.saturating_sub(1).max(entry.span.start) as usize)
                .0;
            records.push(Read {
                lines: first..=last,
                code: entry.code_text().unwrap_or("").to_string(),
                http: entry.http_status.map(|s| {
                    s.value()
                        .map_or_else(|| s.text(source).to_string(), |v| v.to_string())
                }),
                message: entry.message_text().unwrap_or("").to_string(),
                name: entry.name.as_ref().map(|n| n.as_str().to_string()),
            });
        }
    }
    let errors = analysis
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| (d.lint.id.to_string(), model.line_of(d.span)))
        .collect();
    (records, errors)
}

/// How a document reads: what differs from its expectations, if anything.
pub fn differences(
    expected: &Expectations,
    read: &[Read],
    errors: &BTreeSet<(String, u32)>,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut used = vec![false; read.len()];
    for entry in &expected.entries {
        let found = read
            .iter()
            .enumerate()
            .position(|(i, r)| !used[i] && r.code == entry.code && r.lines.contains(&entry.line));
        let Some(index) = found else {
            out.push(format!("line {}: code {} not read", entry.line, entry.code));
            continue;
        };
        used[index] = true;
        let record = &read[index];
        if record.message != entry.message {
            out.push(format!(
                "line {}: code {}: message {:?}, expected {:?}",
                entry.line, entry.code, record.message, entry.message
            ));
        }
        if record.http != entry.http {
            out.push(format!(
                "line {}: code {}: HTTP {:?}, expected {:?}",
                entry.line, entry.code, record.http, entry.http
            ));
        }
        if entry.name.is_some() && record.name != entry.name {
            out.push(format!(
                "line {}: code {}: name {:?}, expected {:?}",
                entry.line, entry.code, record.name, entry.name
            ));
        }
    }
    for (record, _) in read.iter().zip(&used).filter(|(_, used)| !**used) {
        out.push(format!(
            "line {}: code {} read, but it is no entry",
            record.lines.start(),
            record.code
        ));
    }
    for (id, line) in expected.errors.difference(errors) {
        out.push(format!("line {line}: expected error[{id}]"));
    }
    for (id, line) in errors.difference(&expected.errors) {
        out.push(format!(
            "line {line}: error[{id}] that the document does not have"
        ));
    }
    out
}

/// How a document reads against its expectations, as the differences.
pub fn compare(document: &Path, expected: &Path) -> (usize, usize, Vec<String>) {
    let expected = expectations(expected);
    let (read, errors) = read(document);
    let differences = differences(&expected, &read, &errors);
    (expected.entries.len(), read.len(), differences)
}
