//! `errcat explain CODE`: everything known about a code, like
//! `rustc --explain`.

use std::fmt::Write as _;

use errcat_build::Analysis;
use errcat_build::model::{Catalog, Entry};
use errcat_build::naming;

use crate::discover::Inputs;
use crate::records;
use crate::{Context, Exit, Failure};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A code (`40400004`) or an identifier (`ILLEGAL_PARAMETER`).
    pub code: String,
    /// Only this catalogue.
    #[arg(long)]
    pub catalog: Option<String>,
    #[command(flatten)]
    pub inputs: Inputs,
}

pub fn exec(context: &mut Context, args: &Args) -> Result<Exit, Failure> {
    let loaded = args.inputs.load(&context.cwd)?;
    let query = args.code.as_str();
    let only = args.catalog.as_deref();
    let mut blocks = Vec::new();
    for unit in &loaded {
        for (catalog, entry) in find(&unit.analysis, query, only) {
            blocks.push(explain(
                &unit.analysis,
                &unit.unit.crate_name,
                catalog,
                entry,
            ));
        }
    }
    if blocks.is_empty() {
        let known = |name: &str| {
            loaded
                .iter()
                .any(|l| l.analysis.model.catalog(name).is_some())
        };
        match only {
            Some(name) if !known(name) => context.error(&format!("there is no catalogue `{name}`")),
            Some(name) => context.error(&format!(
                "`{query}` is not a code or name in catalogue `{name}`"
            )),
            None => context.error(&format!("`{query}` is not a code or name in any catalogue")),
        }
        return Ok(Exit::Findings);
    }
    let count = blocks.len();
    let mut out = blocks.join("\n");
    if count > 1 {
        out.push_str(&format!("\n`{query}` is in {count} catalogues.\n"));
    }
    context.print(&crate::output::printable_lines(&out));
    Ok(Exit::Clean)
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

fn explain(analysis: &Analysis, crate_name: &str, catalog: &Catalog, entry: &Entry) -> String {
    let model = &analysis.model;
    let source = model.source(entry.span.file);
    let code = entry.code_text().unwrap_or("?");
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{code} in catalogue `{}`: {crate_name}::{}::Code::{}",
        catalog.name,
        catalog.name,
        records::Constants::of(catalog).get(entry)
    );
    let _ = writeln!(out);
    let (status, status_origin) = model.status_of(catalog, entry);
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
    let origin = status_origin
        .describe()
        .map_or_else(String::new, |origin| format!(" ({origin})"));
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
