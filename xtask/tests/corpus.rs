//! The real-world catalogues in tests/corpus (public documents, byte for
//! byte; INDEX.md says where each comes from and what is odd in it).

mod common;

use common::{workspace, xtask_in};

#[test]
fn every_corpus_file_gets_a_verdict_and_never_a_panic() {
    let corpus = workspace().join("tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name != "INDEX.md")
        .collect();
    files.sort();
    assert_eq!(files.len(), 10);
    for file in files {
        let run = xtask_in(&corpus, &["check", &file]);
        assert!(
            [0, 1].contains(&run.status),
            "{file}: exit {}\n{}",
            run.status,
            run.stderr
        );
        assert!(!run.stderr.contains("panicked"), "{file}: {}", run.stderr);
        assert!(
            run.stdout.ends_with("\n") && run.stdout.contains(" error"),
            "{file}: a summary\n{}",
            run.stdout
        );
        // Every finding names its place and id.
        for line in run
            .stderr
            .lines()
            .filter(|l| l.contains("error[") || l.contains("warning["))
        {
            assert!(line.starts_with(&format!("{file}:")), "{file}: {line}");
        }
    }
}
