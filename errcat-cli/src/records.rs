//! Records with what the analysis says about them, for the tools that show
//! records one by one (`explain`, `docs`).

use errcat_build::Analysis;
use errcat_build::Diagnostic;
use errcat_build::model::{Catalog, Entry, StatusDef};
use errcat_build::naming;
use errcat_build::source::Span;

/// Whether a finding is about this record: its place lies in the record or
/// in one of the record's fields (a constant's message sits on the line
/// above it).
fn concerns(diagnostic: &Diagnostic, entry: &Entry) -> bool {
    let at = diagnostic.span;
    spans(entry).any(|span| {
        span.file == at.file && (span.start..span.end.max(span.start + 1)).contains(&at.start)
    })
}

/// Every span of a record: its own and its fields'.
fn spans(entry: &Entry) -> impl Iterator<Item = Span> + '_ {
    let fields = [
        entry.code.as_ref().map(|c| c.span),
        entry.http_status.as_ref().map(|s| s.span),
        entry.name.as_ref().map(|n| n.span),
        entry.message.as_ref().map(|m| m.span),
    ];
    std::iter::once(entry.span).chain(fields.into_iter().flatten())
}

/// The first and last byte of a record with its fields (a constant's
/// message comment sits on the line above the constant).
pub fn extent(entry: &Entry) -> std::ops::Range<usize> {
    let start = spans(entry)
        .map(|s| s.start)
        .min()
        .unwrap_or(entry.span.start);
    let end = spans(entry).map(|s| s.end).max().unwrap_or(entry.span.end);
    start as usize..end as usize
}

pub fn findings<'a>(analysis: &'a Analysis, entry: &Entry) -> Vec<&'a Diagnostic> {
    analysis
        .diagnostics
        .iter()
        .filter(|d| concerns(d, entry))
        .collect()
}

/// The generated variant's name, or `?` when the record cannot be one.
pub fn variant(entry: &Entry) -> String {
    naming::variant(entry).unwrap_or_else(|_| "?".to_string())
}

/// The generated constant of each record of a catalogue, as the emitter
/// names them ([`naming::constants`]).
pub struct Constants(std::collections::HashMap<Span, String>);

impl Constants {
    pub fn of(catalog: &Catalog) -> Constants {
        let names = naming::constants(&catalog.entries);
        Constants(catalog.entries.iter().map(|e| e.span).zip(names).collect())
    }

    pub fn get(&self, entry: &Entry) -> &str {
        self.0.get(&entry.span).map_or("?", String::as_str)
    }
}

/// What the file's status reference says of a status.
pub fn status_def<'a>(
    analysis: &'a Analysis,
    catalog: &Catalog,
    status: u16,
) -> Option<&'a StatusDef> {
    analysis
        .model
        .facts(catalog.file)
        .status_reference
        .as_ref()?
        .get(status)
}

/// The name of the declared range holding the record's code.
pub fn category<'a>(analysis: &'a Analysis, catalog: &Catalog, entry: &Entry) -> Option<&'a str> {
    let code = entry.code_value()?;
    Some(
        analysis
            .model
            .facts(catalog.file)
            .category_of(code)?
            .name
            .as_str(),
    )
}
