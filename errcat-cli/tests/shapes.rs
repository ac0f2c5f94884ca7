//! One small file per shape of catalogue errcat reads (tests/fixtures/shapes),
//! each against the entries written down for it: exact codes, stated
//! statuses, messages, names, and the errors it has.

mod common;

use common::expected::compare;
use common::workspace;

#[test]
fn every_shape_reads_into_exactly_its_entries() {
    let shapes = workspace().join("tests/fixtures/shapes");
    let mut files: Vec<String> = std::fs::read_dir(&shapes)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".md"))
        .collect();
    files.sort();
    assert!(files.len() >= 9, "{files:?}");
    let mut wrong = Vec::new();
    for file in &files {
        let (_, _, differences) = compare(
            &shapes.join(file),
            &shapes.join("expected").join(format!("{file}.tsv")),
        );
        if !differences.is_empty() {
            wrong.push(format!("{file}:\n  {}", differences.join("\n  ")));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
