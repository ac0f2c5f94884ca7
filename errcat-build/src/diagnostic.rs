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

use std::fmt::Write as _;

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
            self.location(sources),
            self.level,
            self.lint.id,
            self.message
        );
        for note in &self.notes {
            if let Some(span) = note.span {
                line.push_str(&format!(" ({}: {})", note.message, location(sources, span)));
            }
        }
        line
    }

    /// Renders the finding; `color` adds ANSI styles for a terminal.
    pub fn render(&self, sources: &[SourceFile], color: bool) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}: {}[{}]: {}",
            self.location(sources),
            self.level,
            self.lint.id,
            self.message
        );
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
        let line_start = source.line_of(self.span) as usize;
        let mut annotation = AnnotationKind::Primary.span(range);
        if let Some(label) = &self.label {
            annotation = annotation.label(label.as_str());
        }
        let mut main = Group::with_level(level).element(
            Snippet::source(line_text)
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
                        format!("{}: {}", note.message, location(sources, span)),
                        span,
                    )
                })
            })
            .collect();
        for note in self.notes.iter().filter(|n| n.span.is_none()) {
            main = main.element(annotate_snippets::Level::NOTE.message(note.message.as_str()));
        }
        groups.push(main);
        for (title, span) in &located {
            let other = &sources[span.file as usize];
            let (text, range) = line_window(other, *span);
            groups.push(
                annotate_snippets::Level::NOTE
                    .secondary_title(title.as_str())
                    .element(
                        Snippet::source(text)
                            .line_start(other.line_of(*span) as usize)
                            .annotation(AnnotationKind::Context.span(range)),
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

/// The span's first line and the span's range within it.
fn line_window(source: &SourceFile, span: Span) -> (&str, std::ops::Range<usize>) {
    let line = source.line_range(source.line_of(span));
    let text = source.slice(line.clone());
    let range = span.range();
    let start = range.start.clamp(line.start, line.end) - line.start;
    let end = range.end.clamp(line.start, line.end) - line.start;
    (text, start..end.max(start))
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
