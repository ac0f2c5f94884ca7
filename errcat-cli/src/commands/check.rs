//! `errcat check`: findings, then one row per catalogue.

use errcat_build::Analysis;
use errcat_build::model::PartOrigin;
use serde::Serialize;

use crate::discover::{Inputs, Loaded};
use crate::output::{self, MessageFormat};
use crate::{Context, Exit, Failure};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub inputs: Inputs,
    /// How to write findings: for people, as JSON lines, or as GitHub
    /// Actions annotations.
    #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
    pub message_format: MessageFormat,
}

pub fn exec(context: &mut Context, args: &Args) -> Result<Exit, Failure> {
    let loaded = args.inputs.load(&context.cwd)?;
    print_findings(context, &loaded, args.message_format);
    match args.message_format {
        MessageFormat::Json => {
            let line = serde_json::to_string(&summary_json(&loaded)).unwrap_or_default();
            context.print(&format!("{line}\n"));
        }
        MessageFormat::Human | MessageFormat::Github => context.print(&summary(&loaded)),
    }
    let errors = loaded.iter().any(|l| l.analysis.has_errors());
    // The process ends soon: freeing a large model record by record
    // would only delay the exit.
    std::mem::forget(loaded);
    Ok(Exit::from_errors(errors))
}

/// Every finding of every unit, in the format asked for: human findings
/// on stderr, the others on stdout (where CI runners read them).
pub fn print_findings(context: &mut Context, loaded: &[Loaded], format: MessageFormat) {
    for unit in loaded {
        let analysis = &unit.analysis;
        let sources = &analysis.model.sources;
        match format {
            MessageFormat::Human => {
                if !analysis.diagnostics.is_empty() {
                    let rendered = analysis.render(context.color());
                    context.eprint(&format!("{rendered}\n"));
                }
            }
            MessageFormat::Json => {
                for d in &analysis.diagnostics {
                    let catalog = d.catalog.map(|c| analysis.model.catalogs[c].name.as_str());
                    context.print(&format!("{}\n", output::json_line(d, sources, catalog)));
                }
            }
            MessageFormat::Github => {
                for d in &analysis.diagnostics {
                    context.print(&format!("{}\n", output::github_line(d, sources)));
                }
            }
        }
    }
}

/// One catalogue's row of the summary.
#[derive(Serialize)]
struct Row {
    /// The catalogue's module, under its crate when several are checked.
    catalog: String,
    #[serde(rename = "crate")]
    crate_name: String,
    source: String,
    records: usize,
    /// Code-like lines and rows of the file errcat found but did not read
    /// (on the row of the file's first catalogue).
    unread: u32,
    errors: usize,
    warnings: usize,
}

fn rows(loaded: &[Loaded]) -> Vec<Row> {
    let several = loaded.len() > 1;
    let mut rows = Vec::new();
    for unit in loaded {
        let crate_name = &unit.unit.crate_name;
        let qualify = |name: &str| {
            if several {
                format!("{crate_name}::{name}")
            } else {
                name.to_string()
            }
        };
        rows.extend(unit_rows(&unit.analysis).into_iter().map(|mut row| {
            row.catalog = qualify(&row.catalog);
            row.crate_name = crate_name.clone();
            row
        }));
    }
    rows
}

/// The rows of one unit: a catalogue each; a file that gave no catalogue
/// gets one when it has findings.
fn unit_rows(analysis: &Analysis) -> Vec<Row> {
    let model = &analysis.model;
    let mut rows = Vec::new();
    for (index, catalog) in model.catalogs.iter().enumerate() {
        let path = model.source(catalog.file).path();
        let source = match catalog.origin {
            PartOrigin::Document => path.to_string(),
            PartOrigin::CodeBlock { span } => {
                format!("{path}:{} (code block)", model.line_of(span))
            }
        };
        let (errors, warnings) = analysis.counts(index);
        let first_of_file = model.catalogs[..index]
            .iter()
            .all(|c| c.file != catalog.file);
        rows.push(Row {
            catalog: catalog.name.clone(),
            crate_name: String::new(),
            source,
            records: catalog.entries.len(),
            unread: if first_of_file {
                model.facts(catalog.file).unread_codes
            } else {
                0
            },
            errors,
            warnings,
        });
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
            rows.push(Row {
                catalog: "-".to_string(),
                crate_name: String::new(),
                source: source.path().to_string(),
                records: 0,
                unread: model.facts(source.id()).unread_codes,
                errors,
                warnings,
            });
        }
    }
    rows
}

/// Totals over every unit: catalogues, records, errors, warnings.
fn totals(loaded: &[Loaded]) -> (usize, usize, usize, usize) {
    loaded.iter().fold((0, 0, 0, 0), |(c, r, e, w), unit| {
        let model = &unit.analysis.model;
        (
            c + model.catalogs.len(),
            r + model
                .catalogs
                .iter()
                .map(|c| c.entries.len())
                .sum::<usize>(),
            e + unit.analysis.errors(),
            w + unit.analysis.warnings(),
        )
    })
}

/// The summary table: catalogue, source, records, unread code-like lines,
/// errors, warnings.
pub fn summary(loaded: &[Loaded]) -> String {
    let mut table: Vec<[String; 6]> = vec![
        [
            "catalogue",
            "source",
            "records",
            "unread",
            "errors",
            "warnings",
        ]
        .map(String::from),
    ];
    for row in rows(loaded) {
        table.push([
            output::printable(&row.catalog).into_owned(),
            output::printable(&row.source).into_owned(),
            row.records.to_string(),
            row.unread.to_string(),
            row.errors.to_string(),
            row.warnings.to_string(),
        ]);
    }
    let widths: Vec<usize> = (0..6)
        .map(|col| {
            table
                .iter()
                .map(|r| r[col].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in &table {
        let line = format!(
            "{:<w0$}  {:<w1$}  {:>w2$}  {:>w3$}  {:>w4$}  {:>w5$}",
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            row[5],
            w0 = widths[0],
            w1 = widths[1],
            w2 = widths[2],
            w3 = widths[3],
            w4 = widths[4],
            w5 = widths[5]
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let (catalogs, records, errors, warnings) = totals(loaded);
    let unread: u32 = loaded
        .iter()
        .flat_map(|l| &l.analysis.model.files)
        .map(|f| f.unread_codes)
        .sum();
    let unread = match unread {
        0 => String::new(),
        n => format!("; {n} code-like line{} unread", plural(n as usize)),
    };
    out.push_str(&format!(
        "{catalogs} catalogue{}, {records} record{}: {errors} error{}, {warnings} warning{}{unread}\n",
        plural(catalogs),
        plural(records),
        plural(errors),
        plural(warnings)
    ));
    out
}

#[derive(Serialize)]
struct Summary {
    reason: &'static str,
    catalogs: Vec<Row>,
    records: usize,
    errors: usize,
    warnings: usize,
}

fn summary_json(loaded: &[Loaded]) -> Summary {
    let (_, records, errors, warnings) = totals(loaded);
    Summary {
        reason: "summary",
        catalogs: rows(loaded),
        records,
        errors,
        warnings,
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
