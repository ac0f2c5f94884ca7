//! `errcat diff --base REV`: what changed between the catalogues at a
//! git revision and the working tree, judged as a contract. Once a code
//! ships, services and their clients depend on it: removing it, changing
//! its status or renaming its variant breaks them, as `buf breaking` says
//! of protobuf.

use std::collections::{BTreeMap, HashSet};

use errcat_build::lint::{Level, Lint};
use errcat_build::model::{Catalog, CodeKey, Entry};
use errcat_build::source::{SourceFile, Span};
use errcat_build::{Analysis, Diagnostic, Project};
use serde::Serialize;

use crate::discover::Inputs;
use crate::git::Repo;
use crate::output::{self, MessageFormat};
use crate::records;
use crate::{Context, Exit, Failure};

macro_rules! findings {
    ($($name:ident = $id:literal, $level:ident, $summary:literal;)*) => {
        $(static $name: Lint = Lint { id: $id, default: Level::$level, fixed: true, summary: $summary };)*
    };
}

findings! {
    CATALOGUE_REMOVED = "catalogue-removed", Error, "a catalogue is gone";
    CODE_REMOVED = "code-removed", Error, "a code is gone without being retired";
    HTTP_STATUS_CHANGED = "http-status-changed", Error, "a code answers with another HTTP status";
    IDENTIFIER_CHANGED = "identifier-changed", Error, "a code's generated variant is renamed";
    CODE_REUSED = "code-reused", Error, "a code comes back with another meaning";
    BODY_CHANGED = "body-changed", Error, "the JSON body's field names changed";
    CATALOGUE_RENAMED = "catalogue-renamed", Warning, "a catalogue's module is renamed";
    MESSAGE_CHANGED = "message-changed", Warning, "a code's message changed";
    SECTION_CHANGED = "section-changed", Warning, "a code moved to another section";
    CODE_ADDED = "code-added", Note, "a new code";
    CODE_RETIRED = "code-retired", Note, "a retired code is gone, as intended";
    CATALOGUE_ADDED = "catalogue-added", Note, "a new catalogue";
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The revision to compare with (`main`, `HEAD~1`, a commit).
    #[arg(long)]
    pub base: String,
    /// How to write changes and findings: for people, as JSON lines, or as
    /// GitHub Actions annotations.
    #[arg(long, alias = "format", value_enum, default_value_t = MessageFormat::Human)]
    pub message_format: MessageFormat,
    #[command(flatten)]
    pub inputs: Inputs,
}

/// A code in a finding: a number, or a symbol.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(untagged)]
enum Key {
    Number(i64),
    Symbol(String),
}

impl From<CodeKey<'_>> for Key {
    fn from(key: CodeKey<'_>) -> Key {
        match key {
            CodeKey::Number(number) => Key::Number(number),
            CodeKey::Symbol(symbol) => Key::Symbol(symbol.to_string()),
        }
    }
}

/// One change, located in the old tree, the new one, or both.
struct Finding {
    lint: &'static Lint,
    catalog: String,
    code: Option<Key>,
    message: String,
    old: Option<Span>,
    new: Option<Span>,
}

struct Sides<'a> {
    old: &'a Analysis,
    new: &'a Analysis,
}

pub fn exec(context: &mut Context, args: &Args) -> Result<Exit, Failure> {
    let repo = Repo::discover()?;
    let commit = repo.resolve(&args.base)?;
    let base = args.base.as_str();
    let mut exit = Exit::Clean;
    for unit in args.inputs.units(&context.cwd)? {
        let new = Project::load(&unit.paths)
            .map_err(|e| Failure(e.to_string()))?
            .analyze();
        let old = repo.project_at(&commit, &unit.paths)?.analyze();
        let findings = compare(&Sides {
            old: &old,
            new: &new,
        });
        let check_errors: Vec<&Diagnostic> =
            new.diagnostics.iter().filter(|d| d.is_error()).collect();
        let report = Report {
            old: &old,
            new: &new,
            base,
            commit: &commit,
            findings: &findings,
            check_errors: &check_errors,
        };
        match args.message_format {
            MessageFormat::Human => report.human(context),
            MessageFormat::Json => report.json(context),
            MessageFormat::Github => report.github(context),
        }
        let breaking = findings.iter().any(|f| f.lint.default == Level::Error);
        exit = exit.max(Exit::from_errors(breaking || !check_errors.is_empty()));
    }
    Ok(exit)
}

/// Pairs each old catalogue with its new self: by name, else (a renamed
/// file or module) the new catalogue sharing most of its codes.
fn pair<'a>(sides: &Sides<'a>) -> Vec<(Option<&'a Catalog>, Option<&'a Catalog>)> {
    let old = &sides.old.model.catalogs;
    let new = &sides.new.model.catalogs;
    let mut taken = vec![false; new.len()];
    let mut pairs: Vec<(Option<&Catalog>, Option<&Catalog>)> = Vec::new();
    let mut unmatched = Vec::new();
    for catalog in old {
        match new.iter().position(|n| n.name == catalog.name) {
            Some(i) => {
                taken[i] = true;
                pairs.push((Some(catalog), Some(&new[i])));
            }
            None => unmatched.push(catalog),
        }
    }
    for catalog in unmatched {
        let codes: HashSet<CodeKey> = catalog
            .entries
            .iter()
            .filter_map(|e| e.code_key(catalog.code_type))
            .collect();
        let best = new
            .iter()
            .enumerate()
            .filter(|(i, _)| !taken[*i])
            .map(|(i, n)| {
                (
                    i,
                    n.entries
                        .iter()
                        .filter_map(|e| e.code_key(n.code_type))
                        .filter(|c| codes.contains(c))
                        .count(),
                )
            })
            .filter(|&(_, shared)| shared * 2 > codes.len())
            .max_by_key(|&(_, shared)| shared);
        match best {
            Some((i, _)) => {
                taken[i] = true;
                pairs.push((Some(catalog), Some(&new[i])));
            }
            None => pairs.push((Some(catalog), None)),
        }
    }
    for (i, catalog) in new.iter().enumerate() {
        if !taken[i] {
            pairs.push((None, Some(catalog)));
        }
    }
    pairs
}

fn compare(sides: &Sides) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (old, new) in pair(sides) {
        match (old, new) {
            (Some(old), None) => findings.push(Finding {
                lint: &CATALOGUE_REMOVED,
                catalog: old.name.clone(),
                code: None,
                message: format!(
                    "catalogue `{}` was removed with its {} codes",
                    old.name,
                    old.entries.len()
                ),
                old: old.entries.first().map(|e| e.span),
                new: None,
            }),
            (None, Some(new)) => findings.push(Finding {
                lint: &CATALOGUE_ADDED,
                catalog: new.name.clone(),
                code: None,
                message: format!(
                    "catalogue `{}` was added with {} codes",
                    new.name,
                    new.entries.len()
                ),
                old: None,
                new: new.entries.first().map(|e| e.span),
            }),
            (Some(old), Some(new)) => compare_catalogs(sides, old, new, &mut findings),
            (None, None) => {}
        }
    }
    // By catalogue, its own findings first, then by code.
    findings.sort_by(|a, b| (&a.catalog, &a.code).cmp(&(&b.catalog, &b.code)));
    findings
}

fn by_code(catalog: &Catalog) -> BTreeMap<CodeKey<'_>, &Entry> {
    catalog
        .entries
        .iter()
        .filter_map(|e| Some((e.code_key(catalog.code_type)?, e)))
        .collect()
}

fn compare_catalogs(sides: &Sides, old: &Catalog, new: &Catalog, findings: &mut Vec<Finding>) {
    let (old_constants, new_constants) = (records::Constants::of(old), records::Constants::of(new));
    let at = |entry: &Entry| entry.code.as_ref().map_or(entry.span, |c| c.span);
    let finding = |lint: &'static Lint,
                   code: Option<CodeKey>,
                   message: String,
                   old: Option<Span>,
                   new_span: Option<Span>| Finding {
        lint,
        catalog: new.name.clone(),
        code: code.map(Key::from),
        message,
        old,
        new: new_span,
    };
    if old.name != new.name {
        findings.push(finding(
            &CATALOGUE_RENAMED,
            None,
            format!(
                "catalogue `{}` is now `{}`: the Rust module errcat_catalogs::{} becomes errcat_catalogs::{} (name it in catalogs.toml to keep it)",
                old.name, new.name, old.name, new.name
            ),
            old.entries.first().map(|e| e.span),
            new.entries.first().map(|e| e.span),
        ));
    }
    if (&old.body.code_field, &old.body.message_field)
        != (&new.body.code_field, &new.body.message_field)
    {
        findings.push(finding(
            &BODY_CHANGED,
            None,
            format!(
                "the JSON body of `{}` changed from {{\"{}\", \"{}\"}} to {{\"{}\", \"{}\"}}: clients will not read it",
                new.name, old.body.code_field, old.body.message_field, new.body.code_field, new.body.message_field
            ),
            old.body.span.or(old.entries.first().map(|e| e.span)),
            new.body.span.or(new.entries.first().map(|e| e.span)),
        ));
    }
    let old_codes = by_code(old);
    let new_codes = by_code(new);
    let retired: HashSet<CodeKey> = old
        .retired
        .iter()
        .chain(&new.retired)
        .map(|(code, _)| code.as_key())
        .collect();
    for (&code, &before) in &old_codes {
        let Some(&after) = new_codes.get(&code) else {
            let retired_here = new.retired_at(code);
            findings.push(match retired_here {
                Some(listed) => finding(
                    &CODE_RETIRED,
                    Some(code),
                    format!("code {code} was retired from catalogue `{}`", new.name),
                    Some(at(before)),
                    Some(listed),
                ),
                None => finding(
                    &CODE_REMOVED,
                    Some(code),
                    format!(
                        "code {code} was removed from catalogue `{}`; clients that know it break (list it under `retired` in catalogs.toml to withdraw it on purpose)",
                        new.name
                    ),
                    Some(at(before)),
                    new.entries.first().map(|e| e.span),
                ),
            });
            continue;
        };
        let (old_status, new_status) = (
            sides.old.model.status_of(old, before).0,
            sides.new.model.status_of(new, after).0,
        );
        if old_status != new_status {
            let span = after.http_status.as_ref().map_or(at(after), |s| s.span);
            findings.push(finding(
                &HTTP_STATUS_CHANGED,
                Some(code),
                format!("code {code} now answers HTTP {new_status} instead of {old_status}"),
                Some(before.http_status.as_ref().map_or(at(before), |s| s.span)),
                Some(span),
            ));
        }
        let (old_variant, new_variant) = (old_constants.get(before), new_constants.get(after));
        let (old_message, new_message) = (before.message_text(), after.message_text());
        let renamed = old_variant != new_variant;
        let reworded = old_message != new_message;
        let message_span = |e: &Entry| e.message.as_ref().map_or(at(e), |m| m.span);
        if renamed && reworded {
            findings.push(finding(
                &CODE_REUSED,
                Some(code),
                format!(
                    "code {code} now means something else: `{new_variant}` ({}) instead of `{old_variant}` ({})",
                    new_message.unwrap_or("no message"),
                    old_message.unwrap_or("no message")
                ),
                Some(at(before)),
                Some(at(after)),
            ));
        } else if renamed {
            let span = |e: &Entry| e.name.as_ref().map_or(at(e), |n| n.span);
            findings.push(finding(
                &IDENTIFIER_CHANGED,
                Some(code),
                format!(
                    "the variant of code {code} is renamed from `{old_variant}` to `{new_variant}`"
                ),
                Some(span(before)),
                Some(span(after)),
            ));
        } else if reworded {
            findings.push(finding(
                &MESSAGE_CHANGED,
                Some(code),
                format!(
                    "the message of code {code} changed from `{}` to `{}`",
                    old_message.unwrap_or(""),
                    new_message.unwrap_or("")
                ),
                Some(message_span(before)),
                Some(message_span(after)),
            ));
        }
        let section =
            |catalog: &Catalog, e: &Entry| catalog.section(e).map(|s| s.title.as_str().to_string());
        let (old_section, new_section) = (section(old, before), section(new, after));
        if old_section != new_section {
            findings.push(finding(
                &SECTION_CHANGED,
                Some(code),
                format!(
                    "code {code} moved from section `{}` to `{}`",
                    old_section.as_deref().unwrap_or("(none)"),
                    new_section.as_deref().unwrap_or("(none)")
                ),
                Some(at(before)),
                Some(at(after)),
            ));
        }
    }
    for (&code, &after) in &new_codes {
        if old_codes.contains_key(&code) {
            continue;
        }
        if retired.contains(&code) {
            findings.push(finding(
                &CODE_REUSED,
                Some(code),
                format!("code {code} was retired and is used again"),
                old.retired_at(code),
                Some(at(after)),
            ));
        } else {
            findings.push(finding(
                &CODE_ADDED,
                Some(code),
                format!("code {code} was added to catalogue `{}`", new.name),
                None,
                Some(at(after)),
            ));
        }
    }
}

/// New-tree sources, then old-tree sources shown as `path@REV`; old spans
/// are moved to the ids the old files get here.
struct Combined {
    sources: Vec<SourceFile>,
    offset: u32,
}

impl Combined {
    fn new(old: &Analysis, new: &Analysis, base: &str) -> Self {
        let offset = new.model.sources.len() as u32;
        let mut sources = new.model.sources.clone();
        for source in &old.model.sources {
            sources.push(SourceFile::new(
                offset + source.id(),
                format!("{}@{base}", source.path()),
                source.text().to_string(),
            ));
        }
        Combined { sources, offset }
    }

    fn old(&self, span: Span) -> Span {
        Span {
            file: span.file + self.offset,
            ..span
        }
    }

    fn diagnostic(&self, finding: &Finding) -> Diagnostic {
        let old = finding.old.map(|s| self.old(s));
        let (primary, other, note) = match (finding.new, old) {
            (Some(new), old) => (new, old, "before"),
            (None, Some(old)) => (old, None, ""),
            (None, None) => unreachable!("a finding has a place"),
        };
        let mut diagnostic = Diagnostic::new(finding.lint, primary, finding.message.clone());
        diagnostic.level = finding.lint.default;
        if let Some(other) = other {
            diagnostic = diagnostic.note_at(note, other);
        }
        diagnostic
    }
}

/// One unit's comparison, to be written out.
struct Report<'a> {
    old: &'a Analysis,
    new: &'a Analysis,
    base: &'a str,
    commit: &'a str,
    findings: &'a [Finding],
    check_errors: &'a [&'a Diagnostic],
}

impl Report<'_> {
    fn count(&self, level: Level) -> usize {
        self.findings
            .iter()
            .filter(|f| f.lint.default == level)
            .count()
    }

    fn human(&self, context: &mut Context) {
        let combined = Combined::new(self.old, self.new, self.base);
        let mut out = String::new();
        for diagnostic in self.check_errors {
            out.push_str(&diagnostic.render(&self.new.model.sources, context.color()));
            out.push('\n');
        }
        for finding in self.findings {
            out.push_str(
                &combined
                    .diagnostic(finding)
                    .render(&combined.sources, context.color()),
            );
            out.push('\n');
        }
        let (errors, warnings, notes) = (
            self.count(Level::Error),
            self.count(Level::Warning),
            self.count(Level::Note),
        );
        let summary = format!(
            "against {}: {errors} breaking change{}, {warnings} warning{}, {notes} note{}; the new tree has {} check error{}\n",
            self.base,
            plural(errors),
            plural(warnings),
            plural(notes),
            self.check_errors.len(),
            plural(self.check_errors.len()),
        );
        context.eprint(&out);
        context.print(&summary);
    }

    /// Workflow commands: each change at its place in the new tree (or, for
    /// a removal, where the old tree had it), and the check errors.
    fn github(&self, context: &mut Context) {
        let combined = Combined::new(self.old, self.new, self.base);
        for diagnostic in self.check_errors {
            context.print(&format!(
                "{}\n",
                output::github_line(diagnostic, &self.new.model.sources)
            ));
        }
        for finding in self.findings {
            let diagnostic = combined.diagnostic(finding);
            // A place only the old tree has is annotated on the file's
            // path, without the `@REV` the human form shows.
            let place = finding
                .new
                .and_then(|span| output::Place::of(&self.new.model.sources, span))
                .or_else(|| {
                    finding
                        .old
                        .and_then(|span| output::Place::of(&self.old.model.sources, span))
                });
            let command = match finding.lint.default {
                Level::Error => "error",
                Level::Warning => "warning",
                Level::Note | Level::Allow => "notice",
            };
            let mut message = finding.message.clone();
            for note in &diagnostic.notes {
                if let Some(span) = note.span {
                    message.push_str(&format!(
                        "\nnote: {}: {}",
                        note.message,
                        errcat_build::diagnostic::location(&combined.sources, span)
                    ));
                }
            }
            context.print(&format!(
                "{}\n",
                output::github_command(command, place.as_ref(), finding.lint.id, &message)
            ));
        }
    }

    /// JSON lines: a `change` per finding, a `finding` per check error of
    /// the new tree, then a `summary`.
    fn json(&self, context: &mut Context) {
        let location = |analysis: &Analysis, rev: Option<&str>, span: Option<Span>| {
            span.map(|s| Location {
                path: analysis.model.source(s.file).path().to_string(),
                rev: rev.map(str::to_string),
                line: analysis.model.line_of(s),
            })
        };
        let mut out = String::new();
        for f in self.findings {
            let change = JsonChange {
                reason: "change",
                id: f.lint.id,
                level: f.lint.default,
                catalog: &f.catalog,
                code: f.code.as_ref(),
                message: &f.message,
                old: location(self.old, Some(self.base), f.old),
                new: location(self.new, None, f.new),
            };
            out.push_str(&serde_json::to_string(&change).unwrap_or_default());
            out.push('\n');
        }
        for d in self.check_errors {
            let catalog = d.catalog.map(|c| self.new.model.catalogs[c].name.as_str());
            out.push_str(&output::json_line(d, &self.new.model.sources, catalog));
            out.push('\n');
        }
        let summary = JsonSummary {
            reason: "summary",
            base: self.base,
            commit: self.commit,
            errors: self.count(Level::Error),
            warnings: self.count(Level::Warning),
            notes: self.count(Level::Note),
            check_errors: self.check_errors.len(),
        };
        out.push_str(&serde_json::to_string(&summary).unwrap_or_default());
        out.push('\n');
        context.print(&out);
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[derive(Serialize)]
struct JsonChange<'a> {
    reason: &'static str,
    id: &'static str,
    level: Level,
    catalog: &'a str,
    code: Option<&'a Key>,
    message: &'a str,
    old: Option<Location>,
    new: Option<Location>,
}

#[derive(Serialize)]
struct Location {
    path: String,
    /// The revision, for a place in the old tree.
    #[serde(skip_serializing_if = "Option::is_none")]
    rev: Option<String>,
    line: u32,
}

#[derive(Serialize)]
struct JsonSummary<'a> {
    reason: &'static str,
    base: &'a str,
    commit: &'a str,
    /// Breaking changes.
    errors: usize,
    warnings: usize,
    notes: usize,
    /// The new tree's own check errors.
    check_errors: usize,
}
