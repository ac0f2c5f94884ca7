//! `cargo xtask check`: findings, then one row per catalogue.

use std::process::ExitCode;

use errcat_build::Analysis;
use errcat_build::model::PartOrigin;

pub fn run(analysis: &Analysis) -> ExitCode {
    if !analysis.diagnostics.is_empty() {
        eprintln!("{}", analysis.render(crate::color()));
    }
    crate::print_out(&summary(analysis));
    crate::exit_status(analysis)
}

/// The summary table: catalogue, source, records, errors, warnings; files
/// that gave no catalogue get a row of their own when they have findings.
pub fn summary(analysis: &Analysis) -> String {
    let model = &analysis.model;
    let mut rows: Vec<[String; 5]> =
        vec![["catalogue", "source", "records", "errors", "warnings"].map(String::from)];
    for (index, catalog) in model.catalogs.iter().enumerate() {
        let path = model.source(catalog.file).path();
        let source = match catalog.origin {
            PartOrigin::Document => path.to_string(),
            PartOrigin::CodeBlock { span } => {
                format!("{path}:{} (code block)", model.line_of(span))
            }
        };
        let (errors, warnings) = analysis.counts(index);
        rows.push([
            catalog.name.clone(),
            source,
            catalog.entries.len().to_string(),
            errors.to_string(),
            warnings.to_string(),
        ]);
    }
    for source in &model.sources {
        if model.catalogs.iter().any(|c| c.file == source.id()) {
            continue;
        }
        let about = analysis
            .diagnostics
            .iter()
            .filter(|d| d.catalog.is_none() && d.span.file == source.id());
        let (errors, warnings) =
            about.fold(
                (0, 0),
                |(e, w), d| if d.is_error() { (e + 1, w) } else { (e, w + 1) },
            );
        if errors + warnings > 0 {
            rows.push([
                "-".to_string(),
                source.path().to_string(),
                "0".to_string(),
                errors.to_string(),
                warnings.to_string(),
            ]);
        }
    }
    let widths: Vec<usize> = (0..5)
        .map(|col| {
            rows.iter()
                .map(|r| r[col].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in &rows {
        let line = format!(
            "{:<w0$}  {:<w1$}  {:>w2$}  {:>w3$}  {:>w4$}",
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
            w3 = widths[3],
            w4 = widths[4]
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let records: usize = model.catalogs.iter().map(|c| c.entries.len()).sum();
    let (errors, warnings) = (analysis.errors(), analysis.warnings());
    out.push_str(&format!(
        "{} catalogue{}, {records} record{}: {errors} error{}, {warnings} warning{}\n",
        model.catalogs.len(),
        plural(model.catalogs.len()),
        plural(records),
        plural(errors),
        plural(warnings)
    ));
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
