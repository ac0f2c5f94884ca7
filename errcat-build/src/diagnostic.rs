//! Findings and their rendering, compiler style:
//!
//! ```text
//! catalogs/console.md:120:14: error[duplicate-code]: code 40000001 is defined twice in catalogue `console`
//!     |
//! 120 | - ErrorCode: 40000001
//!     |              ^^^^^^^^ defined again here
//!     |
//! note: first defined here: catalogs/console.md:68:14
//!     |
//!  68 | - ErrorCode: 40000001
//!     |              --------
//! ```

use std::borrow::Cow;
use std::fmt::Write as _;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Renderer, Snippet};

use crate::lint::{Level, Lint};
use crate::source::{SourceFile, Span};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub lint: &'static Lint,
    pub level: Level,
    pub message: String,
    pub span: Span,
    /// Text under the marker.
    pub label: Option<String>,
    pub notes: Vec<Note>,
    /// Index of the catalogue the finding is about, for per-catalogue levels.
    pub catalog: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub message: String,
    /// A related place, shown as `message: path:line:col` and its line.
    pub span: Option<Span>,
}

impl Diagnostic {
    pub fn new(lint: &'static Lint, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            lint,
            level: lint.default,
            message: message.into(),
            span,
            label: None,
            notes: Vec::new(),
            catalog: None,
        }
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn note(mut self, message: impl Into<String>) -> Self {
        self.notes.push(Note {
            message: message.into(),
            span: None,
        });
        self
    }

    pub fn note_at(mut self, message: impl Into<String>, span: Span) -> Self {
        self.notes.push(Note {
            message: message.into(),
            span: Some(span),
        });
        self
    }

    pub fn in_catalog(mut self, catalog: usize) -> Self {
        self.catalog = Some(catalog);
        self
    }

    pub fn is_error(&self) -> bool {
        self.level == Level::Error
    }

    /// `path:line:col`
    pub fn location(&self, sources: &[SourceFile]) -> String {
        location(sources, self.span)
    }

    /// The finding on one line, with the places its notes point at:
    /// `path:line:col: warning[id]: message (note: path:line:col)`.
    pub fn one_line(&self, sources: &[SourceFile]) -> String {
        let mut line = format!(
            "{}: {}[{}]: {}",
            printable(&self.location(sources)),
            self.level,
            self.lint.id,
            printable(&self.message)
        );
        for note in &self.notes {
            if let Some(span) = note.span {
                line.push_str(&format!(
                    " ({}: {})",
                    printable(&note.message),
                    printable(&location(sources, span))
                ));
            }
        }
        line
    }

    /// The first line of [`Diagnostic::render`]: `path:line:col: level[id]:
    /// message`, colored as rustc colors its own (level in bold red or
    /// yellow, message in bold).
    pub fn header(&self, sources: &[SourceFile], color: bool) -> String {
        let location = printable(&self.location(sources)).into_owned();
        let message = printable(&self.message);
        if !color {
            return format!("{location}: {}[{}]: {message}", self.level, self.lint.id);
        }
        let level = match self.level {
            Level::Error => "\x1b[1m\x1b[91m",
            Level::Warning => "\x1b[1m\x1b[33m",
            Level::Note | Level::Allow => "\x1b[1m\x1b[92m",
        };
        format!(
            "\x1b[1m{location}\x1b[0m: {level}{}[{}]\x1b[0m\x1b[1m: {message}\x1b[0m",
            self.level, self.lint.id
        )
    }

    /// Renders the finding; `color` adds ANSI styles for a terminal.
    pub fn render(&self, sources: &[SourceFile], color: bool) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "{}", self.header(sources, color));
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let level = match self.level {
            Level::Error => annotate_snippets::Level::ERROR,
            Level::Warning => annotate_snippets::Level::WARNING,
            Level::Note | Level::Allow => annotate_snippets::Level::NOTE,
        };
        let source = &sources[self.span.file as usize];
        let (line_text, range) = line_window(source, self.span);
        let label = self.label.as_deref().map(printable);
        let line_start = source.line_of(self.span) as usize;
        let mut annotation = AnnotationKind::Primary.span(range);
        if let Some(label) = &label {
            annotation = annotation.label(label.as_ref());
        }
        let mut main = Group::with_level(level).element(
            Snippet::source(line_text.as_ref())
                .line_start(line_start)
                .annotation(annotation),
        );
        let mut groups = Vec::new();
        let located: Vec<(String, Span)> = self
            .notes
            .iter()
            .filter_map(|note| {
                note.span.map(|span| {
                    (
                        printable(&format!("{}: {}", note.message, location(sources, span)))
                            .into_owned(),
                        span,
                    )
                })
            })
            .collect();
        let plain_notes: Vec<Cow<str>> = (self.notes.iter())
            .filter(|n| n.span.is_none())
            .map(|n| printable(&n.message))
            .collect();
        for note in &plain_notes {
            main = main.element(annotate_snippets::Level::NOTE.message(note.as_ref()));
        }
        groups.push(main);
        let windows: Vec<(Cow<str>, Range<usize>)> = located
            .iter()
            .map(|(_, span)| line_window(&sources[span.file as usize], *span))
            .collect();
        for ((title, span), (text, range)) in located.iter().zip(&windows) {
            let other = &sources[span.file as usize];
            groups.push(
                annotate_snippets::Level::NOTE
                    .secondary_title(title.as_str())
                    .element(
                        Snippet::source(text.as_ref())
                            .line_start(other.line_of(*span) as usize)
                            .annotation(AnnotationKind::Context.span(range.clone())),
                    ),
            );
        }
        out.push_str(&renderer.render(&groups));
        out.push('\n');
        out
    }
}

pub fn location(sources: &[SourceFile], span: Span) -> String {
    match sources.get(span.file as usize) {
        Some(source) => {
            let (line, column) = source.position(span);
            format!("{}:{line}:{column}", source.path())
        }
        None => format!("?:{}", span.start),
    }
}

/// The span's first line, made [`printable`], and the span's range
/// within it.
fn line_window(source: &SourceFile, span: Span) -> (Cow<'_, str>, Range<usize>) {
    let line = source.line_range(source.line_of(span));
    let text = source.slice(line.clone());
    let range = span.range();
    let start = range.start.clamp(line.start, line.end) - line.start;
    let end = range.end.clamp(line.start, line.end) - line.start;
    printable_range(text, start..end.max(start))
}

/// Text as a terminal may show it: a control character (ESC, BEL, a
/// carriage return, C1 controls; a tab stays) becomes its picture (`␛`) or
/// U+FFFD, so text from a catalogue can neither move the cursor nor
/// change colors.
pub fn printable(text: &str) -> Cow<'_, str> {
    printable_range(text, 0..0).0
}

/// [`printable`], with a byte range of `text` mapped into the result.
fn printable_range(text: &str, range: Range<usize>) -> (Cow<'_, str>, Range<usize>) {
    let shown = |c: char| match c {
        '\t' => None,
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' => Some('\u{fffd}'),
        _ => None,
    };
    if !text.chars().any(|c| shown(c).is_some()) {
        return (Cow::Borrowed(text), range);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let (mut start, mut end) = (range.start, range.end);
    for (at, c) in text.char_indices() {
        if at == range.start {
            start = out.len();
        }
        if at == range.end {
            end = out.len();
        }
        out.push(shown(c).unwrap_or(c));
    }
    if range.start >= text.len() {
        start = out.len();
    }
    if range.end >= text.len() {
        end = out.len();
    }
    (Cow::Owned(out), start..end.max(start))
}

/// Orders findings by file, position and id, so output does not depend on
/// the order checks ran in.
pub fn sort(diagnostics: &mut [Diagnostic], sources: &[SourceFile]) {
    diagnostics.sort_by(|a, b| {
        let path = |d: &Diagnostic| sources.get(d.span.file as usize).map(|s| s.path());
        // Offsets order as lines and columns do.
        (path(a), a.span.start, a.lint.id, &a.message).cmp(&(
            path(b),
            b.span.start,
            b.lint.id,
            &b.message,
        ))
    });
}
