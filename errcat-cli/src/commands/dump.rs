//! `errcat dump`: the catalogues as JSON.

use errcat_build::model::{Catalog, CodeKey, Entry, Model};
use errcat_build::naming;
use serde::Serialize;

use crate::discover::{Inputs, Loaded};
use crate::{Context, Exit, Failure};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub inputs: Inputs,
    /// Print the whole model instead of the documented summary shape.
    #[arg(long)]
    pub full: bool,
}

/// The documented shape (README, "dump").
#[derive(Serialize)]
struct Dump<'a> {
    catalogs: Vec<CatalogView<'a>>,
    /// Every file read: its records, and the code-like lines and rows
    /// found but not read.
    files: Vec<FileView<'a>>,
}

#[derive(Serialize)]
struct FileView<'a> {
    path: &'a str,
    records: usize,
    unread: u32,
}

#[derive(Serialize)]
struct CatalogView<'a> {
    name: &'a str,
    module: &'a str,
    /// The generated enum's full path.
    #[serde(rename = "type")]
    type_path: String,
    source: &'a str,
    part: u32,
    namespace: Option<&'a str>,
    default_http_status: u16,
    /// `u32`, `i32`, `i64` or `string`.
    code_type: &'static str,
    entries: Vec<EntryView<'a>>,
}

#[derive(Serialize)]
struct EntryView<'a> {
    /// A number, or a string in a catalogue of symbolic codes.
    code: Option<serde_json::Value>,
    http_status: u16,
    name: String,
    message: Option<&'a str>,
    section: Option<&'a str>,
    /// The declared range holding the code (`PodError`), if the file declares ranges.
    category: Option<&'a str>,
    /// Messages in other languages, by language (`en`) or column header.
    translations: std::collections::BTreeMap<&'a str, &'a str>,
    line: u32,
}

pub fn exec(context: &mut Context, args: &Args) -> Result<Exit, Failure> {
    let loaded = args.inputs.load(&context.cwd)?;
    super::check::print_findings(context, &loaded, crate::output::MessageFormat::Human);
    let json = if args.full {
        let models: Vec<_> = loaded.iter().map(|l| &l.analysis.model).collect();
        match models.as_slice() {
            [one] => serde_json::to_string_pretty(one),
            several => serde_json::to_string_pretty(several),
        }
    } else {
        serde_json::to_string_pretty(&view(&loaded))
    };
    let json = json.map_err(|e| Failure(format!("cannot serialize the model: {e}")))?;
    context.print(&format!("{json}\n"));
    Ok(Exit::from_errors(
        loaded.iter().any(|l| l.analysis.has_errors()),
    ))
}

fn view(loaded: &[Loaded]) -> Dump<'_> {
    let mut catalogs = Vec::new();
    for unit in loaded {
        let model = &unit.analysis.model;
        catalogs.extend(model.catalogs.iter().map(|catalog| {
            CatalogView {
                name: &catalog.name,
                module: &catalog.name,
                type_path: format!("{}::{}::Code", unit.unit.crate_name, catalog.name),
                source: model.source(catalog.file).path(),
                part: catalog.part,
                namespace: catalog.namespace.as_deref(),
                default_http_status: catalog.default_http_status,
                code_type: catalog.code_type.name(),
                entries: catalog
                    .entries
                    .iter()
                    .map(|e| entry(model, catalog, e))
                    .collect(),
            }
        }));
    }
    let files = loaded
        .iter()
        .flat_map(|unit| {
            let model = &unit.analysis.model;
            model
                .files
                .iter()
                .enumerate()
                .map(move |(id, facts)| FileView {
                    path: &facts.path,
                    records: (model.catalogs.iter())
                        .filter(|c| c.file as usize == id)
                        .map(|c| c.entries.len())
                        .sum(),
                    unread: facts.unread_codes,
                })
        })
        .filter(|f| !f.path.ends_with(errcat_build::config::FILE_NAME))
        .collect();
    Dump { catalogs, files }
}

fn entry<'a>(model: &'a Model, catalog: &'a Catalog, entry: &'a Entry) -> EntryView<'a> {
    let facts = model.facts(catalog.file);
    EntryView {
        code: entry.code_key(catalog.code_type).map(|key| match key {
            CodeKey::Number(number) => serde_json::Value::from(number),
            CodeKey::Symbol(symbol) => serde_json::Value::from(symbol),
        }),
        http_status: model.status_of(catalog, entry).0,
        name: naming::identifier(entry),
        message: entry.message_text(),
        section: catalog.section(entry).map(|s| s.title.as_str()),
        category: entry
            .code_value()
            .and_then(|c| facts.category_of(c))
            .map(|c| c.name.as_str()),
        translations: entry
            .translations()
            .iter()
            .map(|t| (t.locale.as_str(), t.text.as_str()))
            .collect(),
        line: model.line_of(entry.span),
    }
}
