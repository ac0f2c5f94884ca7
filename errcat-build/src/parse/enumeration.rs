//! A catalogue's codes are of one kind. A page that documents exit statuses
//! `0` to `130` may go on to list its environment variables (`**NO_COLOR**`
//! over `:   Disable colored output`) in the same shape, and a page of
//! `AUTH_001` codes may list the actions it logs (`- \`TEMPLATE_CREATED\`:
//! Şablon ekleme`): read as lines, each looks like a record, but a reader
//! sees another enumeration. Such a run of line records is set aside, with
//! a warning, rather than failing the build as codes that are not integers
//! or filling the catalogue with what are not its codes.

use crate::diagnostic::Diagnostic;
use crate::lint;
use crate::model::{Entry, RecordFormat};
use crate::parse::Part;

/// The kinds of code a catalogue holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `0`, `-1`, `0x1A`.
    Integer,
    /// A symbol with a number in it: `AUTH_001`, `E1001`.
    NumberedSymbol,
    /// A symbol of words alone: `NO_COLOR`, `BadDigest`.
    WordSymbol,
}

impl Kind {
    const ALL: [Kind; 3] = [Kind::Integer, Kind::NumberedSymbol, Kind::WordSymbol];

    fn of(entry: &Entry) -> Option<Kind> {
        let code = entry.code.as_ref()?;
        Some(match code.value() {
            Some(_) => Kind::Integer,
            None if code.text().bytes().any(|b| b.is_ascii_digit()) => Kind::NumberedSymbol,
            None => Kind::WordSymbol,
        })
    }

    fn plural(self) -> &'static str {
        match self {
            Kind::Integer => "integers",
            Kind::NumberedSymbol => "numbered symbols",
            Kind::WordSymbol => "symbols of words alone",
        }
    }
}

/// Sets aside, in every part of a file, each run of line records (in one
/// section, no other record between them) whose codes are all of a kind
/// fewer of the file's records have than of its most common kind: records
/// of tables, constant lists and bullets are never set aside, being read
/// from a layout made for codes.
pub(crate) fn set_aside_other_enumerations(parts: &mut [Part]) {
    let mut counts = [0usize; 3];
    for entry in parts.iter().flat_map(|p| &p.entries) {
        if let Some(kind) = Kind::of(entry) {
            counts[kind as usize] += 1;
        }
    }
    let Some(&most) = Kind::ALL.iter().max_by_key(|k| counts[**k as usize]) else {
        return;
    };
    for part in parts {
        set_aside_in(part, most, &counts);
    }
}

fn set_aside_in(part: &mut Part, most: Kind, counts: &[usize; 3]) {
    let runs = runs_of_lines(&part.entries);
    let mut keep = vec![true; part.entries.len()];
    for run in runs {
        let entries = &part.entries[run.clone()];
        let Some(kind) = Kind::of(&entries[0]) else {
            continue;
        };
        let one_kind = entries.iter().all(|e| Kind::of(e) == Some(kind));
        // Not of the most common kind, nor of one as common.
        if !one_kind || counts[kind as usize] >= counts[most as usize] {
            continue;
        }
        keep[run.clone()].fill(false);
        part.unread += run.len() as u32;
        part.diagnostics.push(warning(entries, kind, most, counts));
    }
    let mut index = 0;
    part.entries.retain(|_| {
        index += 1;
        keep[index - 1]
    });
}

/// The runs of consecutive line records in one section.
fn runs_of_lines(entries: &[Entry]) -> Vec<std::ops::Range<usize>> {
    let line = |e: &Entry| e.format == RecordFormat::Line;
    let mut runs = Vec::new();
    let mut at = 0;
    for group in entries.chunk_by(|a, b| line(a) && line(b) && a.section == b.section) {
        if line(&group[0]) {
            runs.push(at..at + group.len());
        }
        at += group.len();
    }
    runs
}

fn warning(run: &[Entry], kind: Kind, most: Kind, counts: &[usize; 3]) -> Diagnostic {
    let shown: Vec<String> = run
        .iter()
        .take(2)
        .filter_map(|e| e.code.as_ref())
        .map(|c| format!("`{}`", c.text()))
        .collect();
    let more = if run.len() > 2 { ", …" } else { "" };
    Diagnostic::new(
        &lint::UNREAD_CODES,
        run[0].span,
        format!(
            "{} lines from here read as codes ({}{more}), but they are {}, and most of this file's codes are {}: another enumeration, not read",
            run.len(),
            shown.join(", "),
            kind.plural(),
            most.plural(),
        ),
    )
    .label("not read")
    .note(format!(
        "a catalogue's codes are of one kind: this file has {} records whose codes are {} and {} whose codes are {}",
        counts[most as usize],
        most.plural(),
        counts[kind as usize],
        kind.plural(),
    ))
    .note("to read them as codes, set `code-type = \"string\"` for this file in catalogs.toml")
}

#[cfg(test)]
mod tests {
    use crate::model::CodeType;
    use crate::parse::parse_file;
    use crate::source::SourceFile;

    fn read(text: &str, code_type: Option<CodeType>) -> (Vec<String>, Vec<String>, u32) {
        let source = SourceFile::new(0, "t.md", text.to_string());
        let parsed = parse_file(&source, &[], code_type);
        let codes = parsed
            .parts
            .iter()
            .flat_map(|p| &p.entries)
            .filter_map(|e| e.code.as_ref().map(|c| c.text().to_string()))
            .collect();
        let warnings = (parsed.parts.iter().flat_map(|p| &p.diagnostics))
            .map(|d| format!("{} {}: {}", d.lint.id, source.line_of(d.span), d.message))
            .collect();
        (codes, warnings, parsed.facts.unread_codes)
    }

    const MAN_PAGE: &str = "## EXIT STATUS\n\n- `0` ok\n- `1` failed\n- `2` usage\n\n## ENVIRONMENT\n\n- `NO_COLOR` no colours\n- `TOOL_HOME` home\n";

    #[test]
    fn a_run_of_symbols_among_integer_codes_is_another_enumeration() {
        let (codes, warnings, unread) = read(MAN_PAGE, None);
        assert_eq!(codes, ["0", "1", "2"]);
        assert_eq!(
            warnings,
            [
                "unread-codes 9: 2 lines from here read as codes (`NO_COLOR`, `TOOL_HOME`), but they are symbols of words alone, and most of this file's codes are integers: another enumeration, not read"
            ]
        );
        assert_eq!(unread, 2);
    }

    #[test]
    fn codes_of_a_configured_type_or_of_the_most_common_kind_stay() {
        // The author says what the codes are.
        let (codes, warnings, _) = read(MAN_PAGE, Some(CodeType::Symbol));
        assert_eq!(codes, ["0", "1", "2", "NO_COLOR", "TOOL_HOME"]);
        assert!(warnings.is_empty(), "{warnings:?}");
        // As many of one kind as of the other: neither is set aside.
        let even = "- `0` ok\n- `1` failed\n\n## B\n\n- `NO_COLOR` x\n- `TOOL_HOME` y\n";
        assert_eq!(read(even, None).0, ["0", "1", "NO_COLOR", "TOOL_HOME"]);
        // A run that mixes kinds is the catalogue's, its odd codes errors.
        let mixed = "- `0` ok\n- `1` failed\n- `2` usage\n\n## B\n\n- `3` x\n- `TOOL_HOME` y\n";
        assert_eq!(read(mixed, None).0, ["0", "1", "2", "3", "TOOL_HOME"]);
        // Numbered symbols are codes of their own kind (`AUTH_001`), words
        // alone another (`TEMPLATE_CREATED`).
        let actions = "- `AUTH_001` a\n- `AUTH_002` b\n- `AUTH_003` c\n\n## Logged actions\n\n- `TEMPLATE_CREATED` d\n- `REPORT_DELETED` e\n";
        assert_eq!(read(actions, None).0, ["AUTH_001", "AUTH_002", "AUTH_003"]);
    }
}
