//! What `Project::load` reads of a catalogue folder: regular files inside
//! it, each once; everything else is an error naming its path, reported
//! with every other finding, never a hang or a read of what lies outside.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use errcat_build::project::MAX_FILE_SIZE;
use errcat_build::{Analysis, Project};

const RECORD: &str = "- HttpCode: 400\n- ErrorCode: 40000001\n- 中文名称: 参数错误\n";
const SECRET: &str = "root:x:0:0:not-a-catalogue";

/// A catalogue folder with `a.md` in it, inside a temporary folder that
/// also holds `outside/secret.md`.
fn folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let catalogs = dir.path().join("catalogs");
    std::fs::create_dir(&catalogs).unwrap();
    std::fs::write(catalogs.join("a.md"), RECORD).unwrap();
    std::fs::create_dir(dir.path().join("outside")).unwrap();
    std::fs::write(dir.path().join("outside/secret.md"), SECRET).unwrap();
    (dir, catalogs)
}

/// Loads and analyses in a thread of its own, so that a hang (a FIFO
/// opened, a loop of links walked) fails the test instead of stalling the
/// run. The limit is no budget: loading takes milliseconds.
fn check(paths: &[PathBuf]) -> Analysis {
    let (sender, receiver) = mpsc::channel();
    let paths = paths.to_vec();
    std::thread::spawn(move || {
        let _ = sender.send(Project::load(&paths).map(|p| p.analyze()));
    });
    receiver
        .recv_timeout(Duration::from_secs(120))
        .expect("loading the catalogues never finished")
        .expect("the folder loads")
}

/// `path:line:column id` of every finding, paths from the catalogue folder.
fn findings(analysis: &Analysis) -> Vec<String> {
    analysis
        .diagnostics
        .iter()
        .map(|d| {
            let source = analysis.model.source(d.span.file);
            let (line, column) = source.position(d.span);
            let path = source.path();
            let path = &path[path.find("catalogs").unwrap_or(0)..];
            format!("{path}:{line}:{column} {}", d.lint.id)
        })
        .collect()
}

fn catalogues(analysis: &Analysis) -> Vec<(String, usize)> {
    let catalogs = analysis.model.catalogs.iter();
    catalogs
        .map(|c| (c.name.clone(), c.entries.len()))
        .collect()
}

#[cfg(unix)]
fn link(target: impl AsRef<Path>, link: impl AsRef<Path>) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

#[cfg(unix)]
#[test]
fn links_that_loop_are_walked_once() {
    let (_dir, catalogs) = folder();
    link(".", catalogs.join("l1"));
    link(".", catalogs.join("l2"));
    std::fs::create_dir(catalogs.join("sub")).unwrap();
    link("..", catalogs.join("sub/up"));
    let analysis = check(std::slice::from_ref(&catalogs));
    assert_eq!(findings(&analysis), Vec::<String>::new());
    assert_eq!(catalogues(&analysis), [("a".to_string(), 1)]);
}

#[cfg(unix)]
#[test]
fn a_link_inside_the_folder_is_followed_and_its_file_read_once() {
    let (_dir, catalogs) = folder();
    link("a.md", catalogs.join("0-first.md"));
    std::fs::create_dir(catalogs.join("sub")).unwrap();
    std::fs::write(
        catalogs.join("sub/b.md"),
        RECORD.replace("40000001", "40000002"),
    )
    .unwrap();
    link("sub", catalogs.join("also-sub"));
    let analysis = check(std::slice::from_ref(&catalogs));
    assert_eq!(findings(&analysis), Vec::<String>::new());
    // Each under its own name, though a link sorts first.
    let names: Vec<_> = analysis.model.sources.iter().map(|s| s.path()).collect();
    assert!(names[0].ends_with("catalogs/a.md"), "{names:?}");
    assert!(names[1].ends_with("catalogs/sub/b.md"), "{names:?}");
    assert_eq!(names.len(), 2, "{names:?}");
}

#[cfg(unix)]
#[test]
fn fifos_and_sockets_are_errors_at_their_path_and_are_not_opened() {
    let (_dir, catalogs) = folder();
    let _socket = std::os::unix::net::UnixListener::bind(catalogs.join("socket.md")).unwrap();
    let fifo = std::process::Command::new("mkfifo")
        .arg(catalogs.join("pipe.md"))
        .status()
        .is_ok_and(|s| s.success());
    let analysis = check(std::slice::from_ref(&catalogs));
    let mut expected = vec!["catalogs/socket.md:1:1 unreadable-file"];
    if fifo {
        expected.insert(0, "catalogs/pipe.md:1:1 unreadable-file");
    } else {
        eprintln!("no mkfifo here: the FIFO case is not run");
    }
    assert_eq!(findings(&analysis), expected);
    assert_eq!(catalogues(&analysis), [("a".to_string(), 1)]);
    let rendered = analysis.render(false);
    assert!(
        rendered.contains("a socket, not a regular file"),
        "{rendered}"
    );
    assert!(
        !fifo || rendered.contains("a named pipe (FIFO)"),
        "{rendered}"
    );
}

#[cfg(unix)]
#[test]
fn links_out_of_the_folder_are_errors_and_what_they_lead_to_is_not_read() {
    let (_dir, catalogs) = folder();
    link("../outside/secret.md", catalogs.join("secret.md"));
    link("/dev/zero", catalogs.join("zero.md"));
    link("../outside", catalogs.join("more"));
    link("nowhere.md", catalogs.join("dangling.md"));
    // Not a catalogue by its name: neither read nor reported.
    link("../outside/secret.md", catalogs.join("notes"));
    let analysis = check(std::slice::from_ref(&catalogs));
    assert_eq!(
        findings(&analysis),
        [
            "catalogs/dangling.md:1:1 unreadable-file",
            "catalogs/more:1:1 unreadable-file",
            "catalogs/secret.md:1:1 unreadable-file",
            "catalogs/zero.md:1:1 unreadable-file",
        ]
    );
    assert_eq!(catalogues(&analysis), [("a".to_string(), 1)]);
    let rendered = analysis.render(false);
    assert!(!rendered.contains(SECRET), "{rendered}");
    assert!(
        analysis
            .model
            .sources
            .iter()
            .all(|s| !s.text().contains(SECRET)),
        "nothing outside the folder is read"
    );
    assert!(
        rendered.contains("a link to `/dev/zero`, outside"),
        "{rendered}"
    );
    // A file given by name is held to its own folder too.
    let given = check(&[catalogs.join("secret.md")]);
    assert_eq!(findings(&given), ["catalogs/secret.md:1:1 unreadable-file"]);
}

#[test]
fn a_file_over_the_size_limit_is_an_error_and_is_not_read() {
    let (_dir, catalogs) = folder();
    // Sparse: no disk, and the limit is found before any byte is read.
    let big = std::fs::File::create(catalogs.join("big.md")).unwrap();
    big.set_len(MAX_FILE_SIZE + 1).unwrap();
    let analysis = check(std::slice::from_ref(&catalogs));
    assert_eq!(findings(&analysis), ["catalogs/big.md:1:1 unreadable-file"]);
    assert!(analysis.render(false).contains("read up to 256 MiB"));
}

#[test]
fn a_file_given_by_several_names_is_read_once() {
    let (_dir, catalogs) = folder();
    std::fs::create_dir(catalogs.join("sub")).unwrap();
    let analysis = check(&[
        catalogs.join("a.md"),
        catalogs.join(".").join("a.md"),
        catalogs.join("sub/../a.md"),
        catalogs.clone(),
    ]);
    assert_eq!(findings(&analysis), Vec::<String>::new());
    assert_eq!(catalogues(&analysis), [("a".to_string(), 1)]);
}

#[test]
fn catalogs_toml_names_only_files_in_its_folder_each_once() {
    let (_dir, catalogs) = folder();
    let config = "\
[[catalog]]
file = \"../../../../etc/passwd\"

[[catalog]]
file = \"../other/x.md\"

[[catalog]]
file = \"sub/../a.md\"
name = \"first\"

[[catalog]]
file = \"./a.md\"
name = \"second\"
";
    std::fs::write(catalogs.join("catalogs.toml"), config).unwrap();
    let analysis = check(std::slice::from_ref(&catalogs));
    assert_eq!(
        findings(&analysis),
        [
            "catalogs/catalogs.toml:2:8 invalid-config",
            "catalogs/catalogs.toml:5:8 invalid-config",
            "catalogs/catalogs.toml:11:1 invalid-config",
        ]
    );
    assert_eq!(catalogues(&analysis), [("first".to_string(), 1)]);
    let rendered = analysis.render(false);
    assert!(rendered.contains("`../other/x.md` is outside this folder"));
    assert!(rendered.contains("part 1 of `./a.md` is configured twice"));
}

#[cfg(unix)]
#[test]
fn a_catalogs_toml_that_links_out_of_the_folder_is_not_read() {
    let (dir, catalogs) = folder();
    std::fs::write(dir.path().join("outside/catalogs.toml"), "[lints]\n").unwrap();
    link("../outside/catalogs.toml", catalogs.join("catalogs.toml"));
    let analysis = check(std::slice::from_ref(&catalogs));
    assert_eq!(
        findings(&analysis),
        ["catalogs/catalogs.toml:1:1 unreadable-file"]
    );
}

#[test]
fn excluded_files_and_folders_are_not_read() {
    let (_dir, catalogs) = folder();
    std::fs::write(catalogs.join("README.md"), "# How to edit these\n").unwrap();
    std::fs::create_dir(catalogs.join("drafts")).unwrap();
    std::fs::write(catalogs.join("drafts/b.md"), SECRET).unwrap();
    std::fs::write(catalogs.join("c.draft.md"), SECRET).unwrap();
    let config = "exclude = [\"README.md\", \"drafts\", \"*.draft.md\"]\n";
    std::fs::write(catalogs.join("catalogs.toml"), config).unwrap();
    let analysis = check(std::slice::from_ref(&catalogs));
    assert_eq!(findings(&analysis), Vec::<String>::new());
    assert_eq!(catalogues(&analysis), [("a".to_string(), 1)]);

    // Named on its own, an excluded file is read: it was asked for.
    let analysis = check(&[catalogs.join("README.md")]);
    assert_eq!(findings(&analysis), ["catalogs/README.md:1:1 no-records"]);
}

#[test]
fn a_folder_without_catalogues_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let error = Project::load(&[dir.path()]).unwrap_err();
    assert!(
        error.to_string().ends_with(": no catalogue files in this folder (errcat reads its .md, .markdown and .txt files, less those catalogs.toml excludes)"),
        "{error}"
    );

    std::fs::write(dir.path().join("README.md"), RECORD).unwrap();
    std::fs::write(
        dir.path().join("catalogs.toml"),
        "exclude = [\"README.md\"]\n",
    )
    .unwrap();
    let error = Project::load(&[dir.path()]).unwrap_err();
    assert!(
        matches!(error, errcat_build::project::LoadError::NoCatalogues(_)),
        "{error}"
    );
}
