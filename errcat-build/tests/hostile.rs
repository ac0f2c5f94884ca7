//! The front end on every input that ever broke it, on the seeds and on the
//! real-world corpus: no panic, findings inside their files, generated code
//! that parses.

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
        errcat_build::fuzz::front_end(&std::fs::read(&file).unwrap());
    }
}

#[test]
fn the_seeds_and_the_corpus_go_through_the_front_end() {
    for file in inputs("catalogs").into_iter().chain(inputs("tests/corpus")) {
        errcat_build::fuzz::front_end(&std::fs::read(&file).unwrap());
    }
}
