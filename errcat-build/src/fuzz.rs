//! The whole front end on arbitrary bytes, its invariants asserted: for
//! the fuzz target (`fuzz/`) and the hostile-input tests that keep what it
//! found.

use crate::emit::{self, EmitOptions, Gate};
use crate::project::Project;
use crate::reader;
use crate::source::SourceFile;

/// Reads, parses, checks and (when there are no errors) emits one
/// catalogue file; a NUL byte splits off a catalogs.toml in front of it.
/// Panics only if an invariant breaks: reading in pieces differs from
/// reading whole, a finding outside its file, a rendering that fails, or
/// generated code that does not parse.
pub fn front_end(data: &[u8]) {
    let (config, catalogue) = match data.iter().position(|&b| b == 0) {
        Some(nul) => (Some(&data[..nul]), &data[nul + 1..]),
        None => (None, data),
    };
    if let Ok(text) = std::str::from_utf8(catalogue) {
        let source = SourceFile::new(0, "catalogs/input.md", text.to_string());
        let (mut pieces, mut whole) = (Vec::new(), Vec::new());
        reader::read_in_chunks(&source, 0, |blocks| pieces.extend(blocks));
        reader::read_in_chunks(&source, usize::MAX, |blocks| whole.extend(blocks));
        assert!(
            pieces == whole,
            "reading in pieces differs from reading whole"
        );
    }
    let mut project = Project::new();
    project.add_file("catalogs/input.md", catalogue.to_vec());
    if let Some(config) = config {
        project.add_config("catalogs", config.to_vec());
    }
    let analysis = project.analyze();
    let sources = &analysis.model.sources;
    for diagnostic in &analysis.diagnostics {
        assert_in_bounds(sources, diagnostic.span);
        for note in &diagnostic.notes {
            if let Some(span) = note.span {
                assert_in_bounds(sources, span);
            }
        }
        let rendered = diagnostic.render(sources, false);
        assert!(rendered.contains(diagnostic.lint.id));
    }
    for catalog in &analysis.model.catalogs {
        for entry in &catalog.entries {
            assert_in_bounds(sources, entry.span);
        }
    }
    if !analysis.has_errors() {
        let options = EmitOptions {
            runtime: "::errcat".to_string(),
            serde: Gate::On,
            http: Gate::On,
            axum: Gate::On,
            code_attributes: Vec::new(),
        };
        match emit::emit(&analysis.model, &options) {
            Ok(code) => assert!(code.starts_with(emit::HEADER)),
            Err(e) => panic!("a catalogue without errors must generate code: {e}"),
        }
    }
}

fn assert_in_bounds(sources: &[SourceFile], span: crate::source::Span) {
    let source = &sources[span.file as usize];
    let text = source.text();
    let range = span.range();
    assert!(
        range.start <= range.end && range.end <= text.len(),
        "span {span:?} outside {}",
        source.path()
    );
    assert!(
        text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
        "span {span:?} splits a character"
    );
}
