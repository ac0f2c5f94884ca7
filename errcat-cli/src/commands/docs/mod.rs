//! `errcat docs`: a markdown reference and a self-contained HTML page
//! of every catalogue, from the model.

mod html;
mod lang;
mod markdown;

use std::fmt::Write as _;
use std::path::{Component, Path, PathBuf};

use errcat_build::Analysis;
use errcat_build::builder::write_if_changed;
use errcat_build::model::{Catalog, Entry, Section};
use errcat_build::project::display;

use crate::discover::{Inputs, relative};
use crate::{Context, Exit, Failure};

use html::html;
use markdown::markdown;

pub const MARKDOWN: &str = "reference.md";
pub const HTML: &str = "reference.html";

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output folder [default: target/errcat-docs]
    #[arg(long)]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub inputs: Inputs,
}

/// Writes each unit's reference: into the output folder, or with several
/// crates' catalogues, a folder per crate in it.
pub fn exec(context: &mut Context, args: &Args) -> Result<Exit, Failure> {
    let loaded = args.inputs.load(&context.cwd)?;
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from("target/errcat-docs"));
    for unit in &loaded {
        let dir = match loaded.len() {
            1 => out.clone(),
            _ => out.join(&unit.unit.crate_name),
        };
        write(context, &unit.analysis, &unit.unit.crate_name, &dir)?;
    }
    Ok(Exit::Clean)
}

fn write(
    context: &mut Context,
    analysis: &Analysis,
    crate_name: &str,
    out: &Path,
) -> Result<(), Failure> {
    std::fs::create_dir_all(out)
        .map_err(|e| Failure(format!("cannot create {}: {e}", display(out))))?;
    let links = Links::new(out);
    for (name, content) in [
        (MARKDOWN, markdown(analysis, &links, crate_name)),
        (HTML, html(analysis, &links, crate_name)),
    ] {
        let path = out.join(name);
        match write_if_changed(&path, &content) {
            Ok(true) => context.print(&format!("wrote {}\n", display(&path))),
            Ok(false) => context.print(&format!("unchanged {}\n", display(&path))),
            Err(e) => return Err(Failure(format!("cannot write {}: {e}", display(&path)))),
        }
    }
    Ok(())
}

/// Links from the output folder back to the catalogue files.
struct Links {
    out: PathBuf,
}

impl Links {
    fn new(out: &Path) -> Self {
        Links { out: absolute(out) }
    }

    /// A relative URL, percent-encoded: a file named `a (1) #2.md` gives
    /// a link that neither markdown nor the browser reads differently.
    fn to(&self, source: &str, line: u32) -> String {
        let target = relative(&self.out, &absolute(Path::new(source)));
        format!("{}#L{line}", percent_encode(&display(&target)))
    }
}

/// Everything but the unreserved characters of RFC 3986 and `/`, as UTF-8
/// bytes: spaces, `(`, `)`, `<` and `|` would end a markdown link or table
/// cell, `#` and `?` would start a fragment or a query.
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

fn absolute(path: &Path) -> PathBuf {
    let joined = std::env::current_dir().map_or_else(|_| path.to_path_buf(), |cwd| cwd.join(path));
    let mut out = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// A catalogue's records grouped by section, in section order; records
/// before any heading come first. Within a group, by code.
fn groups(catalog: &Catalog) -> Vec<(Option<&Section>, Vec<&Entry>)> {
    let mut groups: Vec<(Option<u32>, Vec<&Entry>)> = Vec::new();
    for entry in &catalog.entries {
        match groups
            .iter_mut()
            .find(|(section, _)| *section == entry.section)
        {
            Some((_, entries)) => entries.push(entry),
            None => groups.push((entry.section, vec![entry])),
        }
    }
    groups.sort_by_key(|(section, _)| section.map_or(0, |s| s + 1));
    groups
        .into_iter()
        .map(|(section, mut entries)| {
            entries.sort_by_key(|e| e.code_value());
            (section.map(|s| &catalog.sections[s as usize]), entries)
        })
        .collect()
}

fn section_title(analysis: &Analysis, catalog: &Catalog, section: &Section) -> String {
    let facts = analysis.model.facts(catalog.file);
    match facts.section_category(section) {
        Some(category) => format!(
            "{} ({}, {})",
            section.title.as_str(),
            category.name.as_str(),
            category.pattern
        ),
        None => section.title.as_str().to_string(),
    }
}

fn code_text(entry: &Entry) -> &str {
    entry.code_text().unwrap_or("?")
}

#[cfg(test)]
mod tests {
    use super::html::escape_html;
    use super::markdown::{cell, code_cell, code_span};
    use super::*;

    #[test]
    fn relative_paths_climb_out_of_the_output_folder() {
        assert_eq!(
            relative(
                Path::new("/w/target/errcat-docs"),
                Path::new("/w/catalogs/console.md")
            ),
            PathBuf::from("../../catalogs/console.md")
        );
        assert_eq!(
            relative(Path::new("/w"), Path::new("/w/a.md")),
            PathBuf::from("a.md")
        );
    }

    #[test]
    fn link_targets_are_percent_encoded() {
        assert_eq!(
            percent_encode("../catalogs/a b(1)#<x>|y%.md"),
            "../catalogs/a%20b%281%29%23%3Cx%3E%7Cy%25.md"
        );
        assert_eq!(percent_encode("错.md"), "%E9%94%99.md");
    }

    #[test]
    fn code_spans_hold_backticks_and_pipes() {
        assert_eq!(code_span("a.md"), "`a.md`");
        assert_eq!(code_span("a`b`.md"), "``a`b`.md``");
        assert_eq!(code_span("`a.md"), "`` `a.md ``");
        assert_eq!(code_span("a|b.md"), "`a|b.md`");
        assert_eq!(code_cell("a|b.md"), "`a\\|b.md`");
    }

    #[test]
    fn cells_and_html_are_escaped() {
        assert_eq!(cell("a|b*c&"), "a\\|b\\*c\\&");
        assert_eq!(
            escape_html("<script>\"&'"),
            "&lt;script&gt;&quot;&amp;&#39;"
        );
    }
}
