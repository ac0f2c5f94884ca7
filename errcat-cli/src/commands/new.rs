//! `errcat new`: the next free code, written into its catalogue in the
//! file's own style.
//!
//! The code satisfies every check: the HTTP prefix of status-prefixed
//! codes (`404` + sequence), the section of its class or the category of
//! its numbered section, reserved ranges, and every catalogue of its
//! namespace. The record is a copy of a neighbouring record (bullets,
//! table row or constant) with the new values, placed after the code below
//! it so the section stays in order, with the same separator the file uses
//! between records. The edited file is analysed again before it is
//! written; nothing else in it changes.
//!
//! The file is written by `safe_write::edit_file`: under a lock, so
//! concurrent runs each add their record; only if no one else changed it
//! meanwhile; with its mode kept; through a link to its target; never a
//! half-written file.

mod safe_write;

use std::collections::HashSet;
use std::ops::Range;
use std::path::Path;
use std::sync::LazyLock;

use errcat_build::model::{Catalog, CodeType, Entry, OwnedKey, RecordFormat};
use errcat_build::{Analysis, Project, naming};
use regex_lite::Regex;
use unicode_width::UnicodeWidthStr;

use crate::discover::Inputs;
use crate::records;
use crate::{Context, Exit, Failure};
use safe_write::EditError;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The catalogue (`console`, `api_switch`, …).
    pub catalog: String,
    /// Its HTTP status (for catalogues whose records carry one).
    #[arg(long)]
    pub http: Option<u16>,
    /// Its message.
    #[arg(long)]
    pub message: String,
    /// Its identifier (required where every record has one).
    #[arg(long)]
    pub name: Option<String>,
    /// The section (heading text) or category name to put it in.
    #[arg(long)]
    pub section: Option<String>,
    /// Print the record and where it would go; change nothing.
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub inputs: Inputs,
}

#[derive(Debug)]
pub struct Request<'a> {
    pub catalog: &'a str,
    pub http: Option<u16>,
    pub message: &'a str,
    pub name: Option<&'a str>,
    pub section: Option<&'a str>,
    pub dry_run: bool,
}

/// Why no record was added.
enum Refusal {
    /// The request does not fit the catalogue.
    Usage(String),
    /// The catalogue (or the edit) does not pass the checks.
    Findings(String),
}

struct Plan {
    path: String,
    code: i64,
    /// The whole file after the insertion.
    text: String,
    record: String,
    line: u32,
    /// Findings about the new record (warnings: it still passes).
    notes: Vec<String>,
}

pub fn exec(context: &mut Context, args: &Args) -> Result<Exit, Failure> {
    exec_with(context, args, |_| {})
}

/// [`exec`], calling `before_write` with the catalogue's path once the
/// edit is made and before it is written: tests change the file there as
/// another editor would, at the one moment that matters.
#[doc(hidden)]
pub fn exec_with(
    context: &mut Context,
    args: &Args,
    before_write: impl FnOnce(&Path),
) -> Result<Exit, Failure> {
    let loaded = args.inputs.load(&context.cwd)?;
    let request = Request {
        catalog: &args.catalog,
        http: args.http,
        message: &args.message,
        name: args.name.as_deref(),
        section: args.section.as_deref(),
        dry_run: args.dry_run,
    };
    let holding: Vec<_> = loaded
        .iter()
        .filter(|l| l.analysis.model.catalog(&args.catalog).is_some())
        .collect();
    let unit = match holding.as_slice() {
        [one] => *one,
        // Unknown everywhere: the first unit says which catalogues it has.
        [] => &loaded[0],
        several => {
            let crates: Vec<&str> = several.iter().map(|l| l.unit.crate_name.as_str()).collect();
            return Err(Failure(format!(
                "catalogue `{}` is in several crates ({}); name its folder with --catalogs",
                args.catalog,
                crates.join(", ")
            )));
        }
    };
    let model = &unit.analysis.model;
    let source = model
        .catalog(&args.catalog)
        .map(|c| model.source(c.file))
        .filter(|_| !request.dry_run);
    let planned = match source {
        // A dry run, or no such catalogue: nothing to write.
        None => plan(&unit.project, &unit.analysis, &request).map_err(EditError::Edit),
        Some(source) => {
            let path = source.path();
            safe_write::edit_file(Path::new(path), |bytes| {
                // The file as read under the lock: as loaded, unless another
                // run added a record meanwhile.
                let reread;
                let (project, analysis) = if bytes == source.text().as_bytes() {
                    (&unit.project, &unit.analysis)
                } else {
                    let mut project = unit.project.clone();
                    project.replace_file(path, bytes.to_vec());
                    let analysis = project.analyze();
                    reread = (project, analysis);
                    (&reread.0, &reread.1)
                };
                let mut plan = plan(project, analysis, &request)?;
                before_write(Path::new(path));
                Ok((std::mem::take(&mut plan.text).into_bytes(), plan))
            })
        }
    };
    let plan = match planned {
        Ok(plan) => plan,
        Err(error) => return refused(context, source.map_or("", |s| s.path()), error),
    };
    let verb = if request.dry_run {
        "would add"
    } else {
        "added"
    };
    let mut out = format!(
        "{verb} {} to catalogue `{}` at {}:{}",
        plan.code, request.catalog, plan.path, plan.line
    );
    if request.dry_run {
        out.push_str(":\n\n");
        out.push_str(&plan.record);
    }
    out.push('\n');
    for note in &plan.notes {
        out.push_str(&format!("note: {note}\n"));
    }
    context.print(&crate::output::printable_lines(&out));
    Ok(Exit::Clean)
}

/// Says why nothing was written to `path`: exit status 1 for what the
/// catalogue or the file does not allow, 2 for a bad request or a failure.
fn refused(context: &mut Context, path: &str, error: EditError<Refusal>) -> Result<Exit, Failure> {
    let message = match error {
        EditError::Edit(Refusal::Usage(message)) => return Err(Failure(message)),
        EditError::Io(what, e) => {
            return Err(Failure(format!("{what}: {e}; nothing was written")));
        }
        EditError::Edit(Refusal::Findings(message)) => message,
        EditError::ReadOnly => format!("{path} is read-only; nothing was written"),
        EditError::HardLinks(n) => format!(
            "{path} has {n} hard links, and replacing it would leave the others without the record; nothing was written"
        ),
        EditError::Changed => {
            format!("{path} changed while errcat new ran; nothing was written; run it again")
        }
    };
    context.error(&message);
    Ok(Exit::Findings)
}

fn plan(project: &Project, analysis: &Analysis, request: &Request) -> Result<Plan, Refusal> {
    let model = &analysis.model;
    let Some(catalog) = model.catalog(request.catalog) else {
        let names: Vec<&str> = model.catalogs.iter().map(|c| c.name.as_str()).collect();
        return Err(Refusal::Usage(format!(
            "there is no catalogue `{}`; catalogues: {}",
            request.catalog,
            names.join(", ")
        )));
    };
    let source = model.source(catalog.file);
    let errors: Vec<String> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && d.span.file == catalog.file)
        .map(|d| d.one_line(&model.sources))
        .collect();
    if !errors.is_empty() {
        return Err(Refusal::Findings(format!(
            "{} has errors; fix them first:\n{}",
            source.path(),
            errors.join("\n")
        )));
    }
    if catalog.code_type == CodeType::Symbol {
        return Err(Refusal::Usage(format!(
            "catalogue `{}` has symbolic codes, which authors choose: add the record by hand",
            catalog.name
        )));
    }
    let reencoded = analysis
        .diagnostics
        .iter()
        .any(|d| d.lint.id == "non-utf8" && d.span.file == catalog.file);
    if reencoded {
        return Err(Refusal::Usage(format!(
            "{} is not UTF-8, and `new` writes UTF-8: convert the file first",
            source.path()
        )));
    }
    if request.message.trim().is_empty() || request.message.contains(['\n', '\r']) {
        return Err(Refusal::Usage(
            "--message must be one line of text".to_string(),
        ));
    }

    let status = status(catalog, request)?;
    let group = group(analysis, catalog, request, status)?;
    let code = allocate(analysis, catalog, group, status)?;
    let name = identifier(catalog, request)?;
    let text = source.text();
    let insertion = insertion(catalog, group, code, text);
    let template = template(catalog, insertion.anchor)?;
    let record = fill(
        catalog,
        template,
        text,
        code,
        status,
        request.message,
        name.as_deref(),
    )?;

    let (offset, inserted) = match insertion.place {
        Place::After(offset) => (offset, format!("{}{record}", insertion.gap)),
        Place::Before(offset) => (offset, format!("{record}{}", insertion.gap)),
    };
    let mut edited = String::with_capacity(text.len() + inserted.len());
    edited.push_str(&text[..offset]);
    edited.push_str(&inserted);
    edited.push_str(&text[offset..]);
    let record_start = match insertion.place {
        Place::After(_) => offset + insertion.gap.len(),
        Place::Before(_) => offset,
    };
    let line = edited[..record_start].matches('\n').count() as u32 + 1;

    let notes = verify(project, catalog, source.path(), &edited, code, request)?;
    Ok(Plan {
        path: source.path().to_string(),
        code,
        text: edited,
        record: record.trim_start_matches(['\r', '\n']).to_string(),
        line,
        notes,
    })
}

/// The record's HTTP status: its own where records carry one, else the
/// catalogue's default.
fn status(catalog: &Catalog, request: &Request) -> Result<u16, Refusal> {
    match (catalog.has_record_statuses(), request.http) {
        (true, Some(status)) => Ok(status),
        (true, None) => Err(Refusal::Usage(format!(
            "catalogue `{}` gives every record an HTTP status: pass --http",
            catalog.name
        ))),
        (false, Some(status)) if status != catalog.default_http_status => {
            Err(Refusal::Usage(format!(
                "catalogue `{}` has no per-record statuses: every code answers HTTP {} (leave out --http, or set default-http-status in catalogs.toml)",
                catalog.name, catalog.default_http_status
            )))
        }
        (false, _) => Ok(catalog.default_http_status),
    }
}

/// Which section the record goes to (`None`: the records before any
/// heading, or a catalogue without headings).
fn group(
    analysis: &Analysis,
    catalog: &Catalog,
    request: &Request,
    status: u16,
) -> Result<Option<u32>, Refusal> {
    let facts = analysis.model.facts(catalog.file);
    let mut groups: Vec<Option<u32>> = Vec::new();
    for entry in &catalog.entries {
        if !groups.contains(&entry.section) {
            groups.push(entry.section);
        }
    }
    let describe = |section: Option<u32>| -> String {
        section.map_or("(before any heading)".to_string(), |s| {
            let section = &catalog.sections[s as usize];
            match facts.section_category(section) {
                Some(c) => format!("{} [{}]", section.title.as_str(), c.name.as_str()),
                None => section.title.as_str().to_string(),
            }
        })
    };
    if let Some(query) = request.section {
        let wanted = query.to_lowercase();
        return groups
            .iter()
            .copied()
            .find(|&g| {
                g.is_some_and(|s| {
                    let section = &catalog.sections[s as usize];
                    section.title.as_str().to_lowercase().contains(&wanted)
                        || facts.section_category(section).is_some_and(|c| {
                            c.name.as_str().to_lowercase() == wanted
                                || c.pattern.eq_ignore_ascii_case(query)
                        })
                })
            })
            .ok_or_else(|| {
                let choices: Vec<String> = groups.iter().map(|&g| describe(g)).collect();
                Refusal::Usage(format!(
                    "no section of catalogue `{}` matches `{query}`; sections: {}",
                    catalog.name,
                    choices.join("; ")
                ))
            });
    }
    if catalog.has_record_statuses() {
        // Beside the records of the same HTTP class.
        let class = status / 100;
        let same_class = catalog
            .entries
            .iter()
            .filter(|e| {
                e.status_value()
                    .is_some_and(|s| s / 100 == i64::from(class))
            })
            .max_by_key(|e| e.code_value());
        if let Some(entry) = same_class {
            return Ok(entry.section);
        }
        if let Some(s) = catalog
            .sections
            .iter()
            .position(|s| s.http_class == Some(class as u8))
        {
            return Ok(Some(s as u32));
        }
        if catalog.sections.iter().any(|s| s.http_class.is_some()) {
            return Err(Refusal::Usage(format!(
                "catalogue `{}` has no section for {class}xx statuses; add a heading such as `### {status}错误类型` first",
                catalog.name
            )));
        }
    }
    match groups.as_slice() {
        [only] => Ok(*only),
        _ => {
            let choices: Vec<String> = groups.iter().map(|&g| describe(g)).collect();
            Err(Refusal::Usage(format!(
                "catalogue `{}` has several sections; choose one with --section: {}",
                catalog.name,
                choices.join("; ")
            )))
        }
    }
}

/// Every code the new one must not take: its namespace's codes, used or
/// retired.
fn taken(analysis: &Analysis, catalog: &Catalog) -> HashSet<i64> {
    analysis
        .model
        .catalogs
        .iter()
        .filter(|c| {
            c.name == catalog.name || (c.namespace.is_some() && c.namespace == catalog.namespace)
        })
        .flat_map(|c| {
            let used = c.entries.iter().filter_map(Entry::code_value);
            used.chain(c.retired.iter().filter_map(|(code, _)| match code {
                OwnedKey::Number(code) => Some(*code),
                OwnedKey::Symbol(_) => None,
            }))
        })
        .collect()
}

fn allocate(
    analysis: &Analysis,
    catalog: &Catalog,
    group: Option<u32>,
    status: u16,
) -> Result<i64, Refusal> {
    let facts = analysis.model.facts(catalog.file);
    let taken = taken(analysis, catalog);
    let usable =
        |code: i64| !taken.contains(&code) && !facts.category_of(code).is_some_and(|c| c.reserved);
    let exhausted = || {
        Refusal::Usage(format!(
            "no free code is left for this request in catalogue `{}`",
            catalog.name
        ))
    };

    if errcat_build::check::status_prefixed(catalog) {
        // Codes are the status and a sequence of a fixed width.
        let width = most_common_width(catalog);
        let prefix = status.to_string();
        let scale = 10i64.pow(width.saturating_sub(prefix.len()) as u32);
        let first = i64::from(status) * scale;
        let highest = catalog
            .entries
            .iter()
            .filter_map(Entry::code_value)
            .filter(|c| (first..first + scale).contains(c))
            .max();
        let mut code = highest.map_or(first + 1, |h| h + 1);
        while !usable(code) {
            code += 1;
        }
        return if code < first + scale {
            Ok(code)
        } else {
            Err(exhausted())
        };
    }

    let in_group: Vec<i64> = catalog
        .entries
        .iter()
        .filter(|e| e.section == group)
        .filter_map(Entry::code_value)
        .collect();
    let section = group.map(|s| &catalog.sections[s as usize]);
    if let Some(category) = section.and_then(|s| facts.section_category(s)) {
        let highest = in_group
            .iter()
            .copied()
            .filter(|c| category.contains(*c))
            .max();
        let mut code = highest.map_or(category.first + 1, |h| h + 1);
        while code <= category.last && !usable(code) {
            code += 1;
        }
        return if code <= category.last {
            Ok(code)
        } else {
            Err(exhausted())
        };
    }
    // A group of negative codes counts down (`-1, -2, …`): the next code is
    // below its lowest.
    let counting_down = in_group.iter().filter(|c| **c < 0).count() * 2 > in_group.len();
    let (edge, step) = if counting_down {
        (in_group.iter().copied().min().unwrap_or(0), -1)
    } else {
        (in_group.iter().copied().max().unwrap_or(0), 1)
    };
    let mut code = edge.checked_add(step).ok_or_else(exhausted)?;
    // Stay inside the range the group's codes are in, if the file declares ranges.
    let range = facts.category_of(edge).filter(|c| !c.reserved);
    while !usable(code) {
        code = code.checked_add(step).ok_or_else(exhausted)?;
    }
    if range.is_some_and(|r| !r.contains(code)) || !catalog.code_type.holds(code) {
        return Err(exhausted());
    }
    Ok(code)
}

fn most_common_width(catalog: &Catalog) -> usize {
    let mut counts = std::collections::BTreeMap::new();
    for code in catalog.entries.iter().filter_map(Entry::code_value) {
        *counts.entry(code.to_string().len()).or_insert(0usize) += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(width, count)| (count, width))
        .map_or(8, |(width, _)| width)
}

/// The name to write, if any: required where every record has one.
fn identifier(catalog: &Catalog, request: &Request) -> Result<Option<String>, Refusal> {
    let all_named = catalog.entries.iter().all(|e| e.name.is_some());
    let Some(name) = request.name else {
        if all_named && !matches!(catalog.format, RecordFormat::Bullet) {
            return Err(Refusal::Usage(format!(
                "every record of catalogue `{}` has a name: pass --name",
                catalog.name
            )));
        }
        return Ok(None);
    };
    let variant = naming::variant_from_name(name)
        .map_err(|reason| Refusal::Usage(format!("--name: {reason}")))?;
    if let Some(other) = catalog
        .entries
        .iter()
        .find(|e| naming::variant(e).is_ok_and(|v| v == variant))
    {
        return Err(Refusal::Usage(format!(
            "--name `{name}` becomes `{variant}`, which code {} already uses",
            other.code_text().unwrap_or("?")
        )));
    }
    Ok(Some(name.to_string()))
}

enum Place {
    /// Insert `gap + record` here (the end of the line before).
    After(usize),
    /// Insert `record + gap` here (the start of the line after).
    Before(usize),
}

struct Insertion<'a> {
    place: Place,
    /// The text between two records of the group, from the end of one's
    /// last line to the start of the next one's first line.
    gap: String,
    /// The record the new one is placed beside.
    anchor: &'a Entry,
}

fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map_or(0, |i| i + 1)
}

/// End of the line holding `offset`, before its `\n` or `\r\n`.
fn line_end(text: &str, offset: usize) -> usize {
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    if end > 0 && text.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
    }
}

/// Whole lines of a record with its fields.
fn record_lines(text: &str, entry: &Entry) -> Range<usize> {
    let extent = records::extent(entry);
    // Spans end before their line's terminator, so the end is on the last line.
    line_start(text, extent.start)..line_end(text, extent.end)
}

fn insertion<'a>(catalog: &'a Catalog, group: Option<u32>, code: i64, text: &str) -> Insertion<'a> {
    let mut members: Vec<&Entry> = catalog
        .entries
        .iter()
        .filter(|e| e.section == group)
        .collect();
    members.sort_by_key(|e| e.span.start);
    // The record the new one follows in the group's order: the nearest code
    // below it, or above it in a group that counts down.
    let codes: Vec<i64> = members.iter().filter_map(|e| e.code_value()).collect();
    let rising = codes.windows(2).filter(|w| w[0] < w[1]).count();
    let falling = codes.windows(2).filter(|w| w[0] > w[1]).count();
    let order = |c: i64| {
        if falling > rising {
            c.checked_neg().unwrap_or(i64::MAX)
        } else {
            c
        }
    };
    let before = members
        .iter()
        .copied()
        .filter(|e| e.code_value().is_some_and(|c| order(c) < order(code)))
        .max_by_key(|e| e.code_value().map(order));
    let (place, anchor) = match before {
        Some(anchor) => (Place::After(record_lines(text, anchor).end), anchor),
        None => {
            let first = members
                .iter()
                .copied()
                .min_by_key(|e| e.code_value().map(order))
                .expect("a group has records");
            (Place::Before(record_lines(text, first).start), first)
        }
    };
    // The gap between the anchor and a neighbour, else between any two
    // records of the group, else the format's usual one.
    let position = members
        .iter()
        .position(|e| std::ptr::eq(*e, anchor))
        .unwrap_or(0);
    let pairs = members.windows(2).enumerate();
    let mut best: Option<(usize, String)> = None;
    for (i, pair) in pairs {
        let gap = &text[record_lines(text, pair[0]).end..record_lines(text, pair[1]).start];
        let distance = i.abs_diff(position).min((i + 1).abs_diff(position));
        if best.as_ref().is_none_or(|(d, _)| distance < *d) {
            best = Some((distance, gap.to_string()));
        }
    }
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let gap = best
        .map(|(_, gap)| gap)
        .unwrap_or_else(|| match catalog.format {
            RecordFormat::Bullet => format!("{newline}{newline}---{newline}"),
            RecordFormat::Table | RecordFormat::Line => newline.to_string(),
            RecordFormat::Constant => format!("{newline}{newline}"),
        });
    Insertion { place, gap, anchor }
}

/// A record to copy the style from: the anchor if it shows every field a
/// new record needs, else the nearest record that does.
fn template<'a>(catalog: &'a Catalog, anchor: &'a Entry) -> Result<&'a Entry, Refusal> {
    let complete = |e: &Entry| {
        e.code.is_some()
            && e.message.is_some()
            && (e.http_status.is_some()
                || !catalog.has_record_statuses()
                || e.format != RecordFormat::Bullet)
    };
    if complete(anchor) {
        return Ok(anchor);
    }
    catalog
        .entries
        .iter()
        .filter(|e| e.section == anchor.section && complete(e))
        .chain(catalog.entries.iter().filter(|e| complete(e)))
        .min_by_key(|e| e.span.start.abs_diff(anchor.span.start))
        .ok_or_else(|| {
            Refusal::Usage(format!(
                "no record of catalogue `{}` shows a message to copy the layout from",
                catalog.name
            ))
        })
}

static FIELD_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\s*[-*+]\s+)([^:：]+?)(\s*[:：]\s*)").expect("valid pattern"));

/// The template record's text with the new values in place.
fn fill(
    catalog: &Catalog,
    template: &Entry,
    text: &str,
    code: i64,
    status: u16,
    message: &str,
    name: Option<&str>,
) -> Result<String, Refusal> {
    let lines = record_lines(text, template);
    let base = lines.start;
    let local = |span: errcat_build::source::Span| {
        let range = span.range();
        range.start - base..range.end - base
    };
    let mut record = text[lines].to_string();
    // (range in the record, new text), applied from the end backwards.
    let mut replacements: Vec<(Range<usize>, String)> = Vec::new();
    if let Some(field) = &template.code {
        replacements.push((local(field.span), code.to_string()));
    }
    if let Some(field) = &template.http_status {
        replacements.push((local(field.span), status.to_string()));
    }
    if let Some(field) = &template.message {
        replacements.push((local(field.span), message.to_string()));
    }
    let mut name_line: Option<(usize, String)> = None;
    match (&template.name, name) {
        (Some(field), Some(name)) => replacements.push((local(field.span), name.to_string())),
        (Some(field), None) => {
            // The catalogue names only some records: drop the name line.
            let start = line_start(&record, local(field.span).start);
            let end = record[start..]
                .find('\n')
                .map_or(record.len(), |i| start + i + 1);
            replacements.push((start..end, String::new()));
        }
        (None, Some(name)) if template.format == RecordFormat::Bullet => {
            // Add `- Name: …` after the code line, written like it.
            let code_span = template
                .code
                .as_ref()
                .map(|c| local(c.span))
                .unwrap_or(0..0);
            let start = line_start(&record, code_span.start);
            let end = record[start..]
                .find('\n')
                .map_or(record.len(), |i| start + i);
            let code_line = record[start..end].trim_end_matches('\r');
            let Some(parts) = FIELD_LINE.captures(code_line) else {
                return Err(Refusal::Usage(
                    "cannot tell how this catalogue writes its fields".to_string(),
                ));
            };
            let newline = if record[end..].starts_with('\n') && record[..end].ends_with('\r') {
                "\r\n"
            } else {
                "\n"
            };
            name_line = Some((
                end,
                format!("{newline}{}Name{}{name}", &parts[1], &parts[3]),
            ));
        }
        (None, Some(_)) => {
            return Err(Refusal::Usage(format!(
                "the records of catalogue `{}` have no name to set; leave out --name",
                catalog.name
            )));
        }
        (None, None) => {}
    }
    if let Some((at, line)) = name_line {
        replacements.push((at..at, line));
    }
    replacements.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    for (range, new) in replacements {
        let old_width = record[range.clone()].width();
        record.replace_range(range.clone(), &new);
        if template.format == RecordFormat::Table {
            realign(&mut record, range.start + new.len(), old_width, new.width());
        }
    }
    Ok(record)
}

/// Keeps a table's closing pipe where it was: the spaces after a replaced
/// cell grow or shrink by the change in display width (one space stays).
fn realign(row: &mut String, at: usize, old_width: usize, new_width: usize) {
    let spaces = row[at..].chars().take_while(|&c| c == ' ').count();
    if !row[at + spaces..].starts_with('|') {
        return;
    }
    let wanted = (spaces + old_width)
        .saturating_sub(new_width)
        .max(1.min(spaces));
    row.replace_range(at..at + spaces, &" ".repeat(wanted));
}

/// Analyses the edited file as `check` would; the record must be there and
/// the file free of errors.
fn verify(
    project: &Project,
    catalog: &Catalog,
    path: &str,
    edited: &str,
    code: i64,
    request: &Request,
) -> Result<Vec<String>, Refusal> {
    let mut project = project.clone();
    project.replace_file(path, edited.as_bytes().to_vec());
    let after = project.analyze();
    let model = &after.model;
    let file = model.catalog(&catalog.name).map(|c| c.file);
    let errors: Vec<String> = after
        .diagnostics
        .iter()
        .filter(|d| d.is_error() && Some(d.span.file) == file)
        .map(|d| d.one_line(&model.sources))
        .collect();
    if !errors.is_empty() {
        return Err(Refusal::Findings(format!(
            "the new record would not pass check, so nothing was written:\n{}",
            errors.join("\n")
        )));
    }
    let entry = model
        .catalog(&catalog.name)
        .and_then(|c| c.entries.iter().find(|e| e.code_value() == Some(code)));
    let Some(entry) = entry.filter(|e| e.message_text() == Some(request.message.trim())) else {
        return Err(Refusal::Findings(
            "the new record did not read back as written, so nothing was written".to_string(),
        ));
    };
    Ok(records::findings(&after, entry)
        .iter()
        .map(|d| d.one_line(&model.sources))
        .collect())
}
