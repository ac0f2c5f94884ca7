//! The front end on every input that ever broke it, on the seeds, the
//! real-world corpus and the test fixtures: no panic, the same blocks read
//! in pieces as whole, findings inside their files, generated code that
//! parses, is the same twice and defines no name twice, under the
//! integration gates (every combination for the regressions).

use std::path::Path;

fn inputs(dir: &str) -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(dir);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn fuzz_regressions_stay_fixed() {
    let files = inputs("fuzz/regressions");
    assert!(!files.is_empty());
    for file in files {
        errcat_build::fuzz::front_end_under_every_gate(&std::fs::read(&file).unwrap());
    }
}

#[test]
fn the_seeds_the_corpus_and_the_fixtures_go_through_the_front_end() {
    let fixtures =
        ["checks", "hostile", "namespace", "symbolic"].map(|d| format!("tests/fixtures/{d}"));
    let dirs = ["catalogs", "tests/corpus"]
        .map(String::from)
        .into_iter()
        .chain(fixtures);
    for file in dirs.flat_map(|dir| inputs(&dir)) {
        errcat_build::fuzz::front_end(&std::fs::read(&file).unwrap());
    }
}
