//! Deeply nested markdown: an error at the line where a limit is passed,
//! never a stack overflow, and the rest of the file still read.

use std::path::Path;

use errcat_build::{Analysis, Builder, Failure, Project};

const RECORD: &str = "- HttpCode: 400\n- ErrorCode: 40000001\n- 中文名称: 第一条\n";
const LATER: &str = "- HttpCode: 404\n- ErrorCode: 40400001\n- 中文名称: 第二条\n";

fn check(dir: &Path, file: &str, text: &str) -> Analysis {
    let catalogs = dir.join("catalogs");
    std::fs::create_dir_all(&catalogs).unwrap();
    std::fs::write(catalogs.join(file), text).unwrap();
    Project::load(&[catalogs]).unwrap().analyze()
}

/// `line:column id` of every error.
fn errors(analysis: &Analysis) -> Vec<String> {
    analysis
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| {
            let (line, column) = analysis.model.source(d.span.file).position(d.span);
            format!("{line}:{column} {}", d.lint.id)
        })
        .collect()
}

fn codes(analysis: &Analysis) -> Vec<String> {
    let entries = analysis.model.catalogs.iter().flat_map(|c| &c.entries);
    entries
        .filter_map(|e| Some(e.code.as_ref()?.text().to_string()))
        .collect()
}

#[test]
fn records_indented_sixteen_thousand_spaces_are_an_error_not_a_stack_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let indent = " ".repeat(16_000);
    let text = format!("{indent}- HttpCode: 400\n{indent}- ErrorCode: 40000001\n");
    let analysis = check(dir.path(), "deep.md", &text);
    assert_eq!(errors(&analysis), ["1:16001 too-deeply-nested"]);
}

#[test]
fn nested_fences_are_read_to_the_limit_and_the_records_around_them_kept() {
    let dir = tempfile::tempdir().unwrap();
    let fences = 100;
    let open: String = (0..fences)
        .map(|i| "`".repeat(3 + fences - i) + "\n")
        .collect();
    let close: String = (1..=fences).map(|i| "`".repeat(3 + i) + "\n").collect();
    let text = format!("{RECORD}\n{open}{RECORD}{close}\n{LATER}");
    let analysis = check(dir.path(), "fences.md", &text);
    // The ninth fence's content would be read a ninth time.
    assert_eq!(errors(&analysis), ["14:1 too-deeply-nested"]);
    assert_eq!(codes(&analysis), ["40000001", "40400001"]);
}

#[test]
fn deep_lists_are_refused_before_the_parser_and_the_records_around_them_kept() {
    let dir = tempfile::tempdir().unwrap();
    // The parser's time is depth × lines: 10,000 nested items and 1,000
    // lines that go on the innermost one lazily.
    let deep = "- ".repeat(10_000) + "x\n" + &"lazy\n".repeat(1_000);
    let quotes = "> ".repeat(2_000) + "y\n" + &"z\n".repeat(2_000);
    let text = format!("{RECORD}\n{deep}\n{LATER}\n{quotes}");
    let analysis = check(dir.path(), "lists.md", &text);
    assert_eq!(
        errors(&analysis),
        ["5:1 too-deeply-nested", "1011:1 too-deeply-nested"],
        "each stretch is reported"
    );
    assert_eq!(codes(&analysis), ["40000001", "40400001"]);
}

#[test]
fn deep_nesting_without_the_lines_to_make_it_costly_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("{}{RECORD}", "> ".repeat(10_000));
    let analysis = check(dir.path(), "quotes.md", &text);
    assert_eq!(errors(&analysis), Vec::<String>::new());
}

#[test]
fn a_build_of_deep_nesting_fails_and_leaves_no_stale_output() {
    let dir = tempfile::tempdir().unwrap();
    let catalogs = dir.path().join("catalogs");
    std::fs::create_dir(&catalogs).unwrap();
    std::fs::write(catalogs.join("a.md"), RECORD).unwrap();
    let builder = Builder::new(&catalogs)
        .out_dir(dir.path())
        .cargo_directives(false);
    let built = builder.run().expect("a clean catalogue builds");
    let indent = " ".repeat(16_000);
    let deep: String = RECORD.lines().map(|l| format!("{indent}{l}\n")).collect();
    std::fs::write(catalogs.join("a.md"), deep).unwrap();
    match builder.run() {
        Err(Failure::Findings {
            rendered, errors, ..
        }) => {
            assert_eq!(errors, 1);
            assert!(rendered.contains("error[too-deeply-nested]"), "{rendered}");
        }
        other => panic!("expected findings, got {other:?}"),
    }
    assert!(!built.path.exists(), "no stale file is left");
}
