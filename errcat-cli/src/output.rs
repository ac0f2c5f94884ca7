//! How findings are written: for people, for tools (JSON lines, like
//! cargo's `--message-format json`), and for GitHub Actions (workflow
//! commands, so a pull request shows each finding on its markdown line).

use errcat_build::Diagnostic;
use errcat_build::diagnostic::location;
use errcat_build::lint::Level;
use errcat_build::source::{SourceFile, Span};
use serde::Serialize;

pub use errcat_build::diagnostic::printable;

/// `--message-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum MessageFormat {
    /// Compiler-style findings with the lines they are about.
    #[default]
    Human,
    /// One JSON object per line and finding, then a summary object.
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`).
    Github,
}

/// Text of several lines made [`printable`] line by line.
pub fn printable_lines(text: &str) -> String {
    let lines: Vec<_> = text.split('\n').map(printable).collect();
    lines.join("\n")
}

/// `error` or `warning` as rustc writes it: bold red or yellow.
pub fn level_header(level: &str, color: bool) -> String {
    if !color {
        return level.to_string();
    }
    let style = match level {
        "error" => "\x1b[1m\x1b[91m",
        "warning" => "\x1b[1m\x1b[33m",
        _ => "\x1b[1m\x1b[92m",
    };
    format!("{style}{level}\x1b[0m")
}

/// A place, as tools read it.
#[derive(Debug, Serialize)]
pub struct Place {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

impl Place {
    pub fn of(sources: &[SourceFile], span: Span) -> Option<Place> {
        let source = sources.get(span.file as usize)?;
        let (line, column) = source.line_column(span.start as usize);
        let (end_line, end_column) = source.line_column(span.end as usize);
        Some(Place {
            file: source.path().to_string(),
            line,
            column,
            end_line,
            end_column,
        })
    }
}

#[derive(Serialize)]
struct JsonNote<'a> {
    message: &'a str,
    #[serde(flatten)]
    place: Option<Place>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    reason: &'static str,
    level: Level,
    id: &'static str,
    message: &'a str,
    #[serde(flatten)]
    place: Option<Place>,
    /// The catalogue's module, where the finding is about one.
    catalog: Option<&'a str>,
    label: Option<&'a str>,
    notes: Vec<JsonNote<'a>>,
    /// The human form, as `--message-format human` shows it.
    rendered: String,
}

/// A finding as one JSON line (`"reason": "finding"`).
pub fn json_line(diagnostic: &Diagnostic, sources: &[SourceFile], catalog: Option<&str>) -> String {
    let finding = JsonFinding {
        reason: "finding",
        level: diagnostic.level,
        id: diagnostic.lint.id,
        message: &diagnostic.message,
        place: Place::of(sources, diagnostic.span),
        catalog,
        label: diagnostic.label.as_deref(),
        notes: diagnostic
            .notes
            .iter()
            .map(|n| JsonNote {
                message: &n.message,
                place: n.span.and_then(|span| Place::of(sources, span)),
            })
            .collect(),
        rendered: diagnostic.render(sources, false),
    };
    serde_json::to_string(&finding).unwrap_or_default()
}

/// A finding as a GitHub Actions workflow command: `::error` or
/// `::warning` (`::notice` for notes) with its file, line and columns,
/// the id as title, and the notes on lines of their own.
pub fn github_line(diagnostic: &Diagnostic, sources: &[SourceFile]) -> String {
    let command = match diagnostic.level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Note | Level::Allow => "notice",
    };
    github_command(
        command,
        Place::of(sources, diagnostic.span).as_ref(),
        diagnostic.lint.id,
        &github_message(diagnostic, sources),
    )
}

/// The message of a finding with its notes, as one workflow-command text.
fn github_message(diagnostic: &Diagnostic, sources: &[SourceFile]) -> String {
    let mut message = diagnostic.message.clone();
    for note in &diagnostic.notes {
        message.push_str("\nnote: ");
        message.push_str(&note.message);
        if let Some(span) = note.span {
            message.push_str(": ");
            message.push_str(&location(sources, span));
        }
    }
    message
}

/// `::COMMAND file=…,line=…,col=…,endLine=…,endColumn=…,title=…::MESSAGE`,
/// escaped as the runner expects.
pub fn github_command(command: &str, place: Option<&Place>, title: &str, message: &str) -> String {
    let mut properties = Vec::new();
    if let Some(place) = place {
        properties.push(format!("file={}", escape_property(&place.file)));
        properties.push(format!("line={}", place.line));
        properties.push(format!("col={}", place.column));
        if place.end_line == place.line {
            properties.push(format!("endColumn={}", place.end_column));
        } else {
            properties.push(format!("endLine={}", place.end_line));
        }
    }
    properties.push(format!("title={}", escape_property(title)));
    let lines: Vec<String> = message
        .split('\n')
        .map(|line| escape_data(&printable(line)))
        .collect();
    format!(
        "::{command} {}::{}",
        properties.join(","),
        lines.join("%0A")
    )
}

fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_escape_what_the_runner_would_read() {
        let place = Place {
            file: "cat,a:logs/x.md".to_string(),
            line: 3,
            column: 14,
            end_line: 3,
            end_column: 22,
        };
        assert_eq!(
            github_command(
                "error",
                Some(&place),
                "duplicate-code",
                "100% twice\nnote: here"
            ),
            "::error file=cat%2Ca%3Alogs/x.md,line=3,col=14,endColumn=22,title=duplicate-code::100%25 twice%0Anote: here"
        );
        assert_eq!(
            github_command("warning", None, "no-records", "bell \u{7} here"),
            "::warning title=no-records::bell \u{2407} here"
        );
    }
}
