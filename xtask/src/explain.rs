//! `cargo xtask explain CODE`: everything known about a code, like
//! `rustc --explain`.

use std::fmt::Write as _;
use std::process::ExitCode;

use errcat_build::Analysis;
use errcat_build::model::{Catalog, Entry};

use crate::records;
use errcat_build::naming;

pub fn run(analysis: &Analysis, query: &str, catalog: Option<&str>) -> ExitCode {
    let matches = find(analysis, query, catalog);
    if matches.is_empty() {
        let scope = catalog.map_or_else(
            || "any catalogue".to_string(),
            |c| format!("catalogue `{c}`"),
        );
        if catalog.is_some_and(|c| analysis.model.catalog(c).is_none()) {
            eprintln!(
                "error: there is no catalogue `{}`",
                catalog.unwrap_or_default()
            );
        } else {
            eprintln!("error: `{query}` is not a code or name in {scope}");
        }
        return ExitCode::from(crate::FINDINGS);
    }
    let blocks: Vec<String> = matches
        .iter()
        .map(|(c, e)| explain(analysis, c, e))
        .collect();
    let mut out = blocks.join("\n");
    if matches.len() > 1 {
        out.push_str(&format!(
            "\n`{query}` is in {} catalogues.\n",
            matches.len()
        ));
    }
    crate::print_out(&out);
    ExitCode::SUCCESS
}

/// Records whose code (or, for a non-number, identifier) matches.
fn find<'a>(
    analysis: &'a Analysis,
    query: &str,
    only: Option<&str>,
) -> Vec<(&'a Catalog, &'a Entry)> {
    let code: Option<i64> = query.trim().parse().ok();
    let mut found = Vec::new();
    for catalog in &analysis.model.catalogs {
        if only.is_some_and(|name| name != catalog.name) {
            continue;
        }
        for entry in &catalog.entries {
            let hit = match code {
                Some(code) => entry.code_value() == Some(code),
                None => naming::identifier(entry) == query || records::variant(entry) == query,
            };
            if hit {
                found.push((catalog, entry));
            }
        }
    }
    found
}

fn explain(analysis: &Analysis, catalog: &Catalog, entry: &Entry) -> String {
    let model = &analysis.model;
    let source = model.source(entry.span.file);
    let code = entry.code_text().unwrap_or("?");
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{code} in catalogue `{}`: errcat_catalogs::{}::Code::{}",
        catalog.name,
        catalog.name,
        records::variant(entry)
    );
    let _ = writeln!(out);
    let status = records::http_status(catalog, entry);
    let status_text = match records::status_def(analysis, catalog, status) {
        Some(def) => {
            let described: Vec<&str> = [def.name.as_deref(), def.description.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            format!("{status} ({})", described.join(": "))
        }
        None => status.to_string(),
    };
    let origin = if entry.http_status.is_some() {
        ""
    } else {
        ", the catalogue's default"
    };
    let rows = [
        (
            "message",
            entry.message_text().unwrap_or("(none)").to_string(),
        ),
        ("HTTP status", format!("{status_text}{origin}")),
        ("identifier", naming::identifier(entry)),
        (
            "section",
            catalog
                .section(entry)
                .map_or("(none)".to_string(), |s| s.title.as_str().to_string()),
        ),
        (
            "category",
            records::category(analysis, catalog, entry)
                .unwrap_or("(none)")
                .to_string(),
        ),
        (
            "defined at",
            format!("{}:{}", source.path(), source.line_of(entry.span)),
        ),
    ];
    for (label, value) in rows {
        let _ = writeln!(out, "  {label:<12} {value}");
    }
    let extent = records::extent(entry);
    let first_line = source.line_column(extent.start).0;
    let last_line = source
        .line_column(extent.end.saturating_sub(1).max(extent.start))
        .0;
    let width = last_line.to_string().len();
    let _ = writeln!(out, "  {:width$} |", "");
    for line in first_line..=last_line {
        let text = source.slice(source.line_range(line));
        let _ = writeln!(out, "  {line:>width$} | {text}");
    }
    let findings = records::findings(analysis, entry);
    if findings.is_empty() {
        let _ = writeln!(out, "\n  no findings");
    } else {
        let _ = writeln!(out);
        for finding in findings {
            let _ = writeln!(out, "  {}", finding.one_line(&model.sources));
        }
    }
    out
}
