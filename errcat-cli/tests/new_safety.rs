//! `errcat new` loses no edit: two runs at once both land, an editor's
//! save made while it runs is kept, and the file keeps its protection, its
//! mode, its owner and its link.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use clap::Parser;
use common::{errcat_in, workspace};
use errcat_cli::{Cli, Context, Exit, commands};

fn catalogs_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("catalogs")).unwrap();
    for entry in fs::read_dir(workspace().join("catalogs")).unwrap() {
        let entry = entry.unwrap();
        fs::copy(
            entry.path(),
            dir.path().join("catalogs").join(entry.file_name()),
        )
        .unwrap();
    }
    dir
}

/// Every name in a folder, hidden ones too: no lock or temporary file may
/// be left.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

const CATALOGUES: [&str; 4] = ["account.md", "api_switch.md", "console.md", "k8s_api.md"];

/// The last 404 record of catalogs/console.md, which new 404 codes follow.
const LAST_404: &str = "- 中文名称: k8s集群节点不存在\n";

/// console.md with these 404 records after its last one, in this order.
fn with_records(before: &str, records: &[(&str, &str)]) -> String {
    let mut inserted = LAST_404.to_string();
    for (code, message) in records {
        inserted.push_str(&format!(
            "\n---\n\n- HttpCode: 404\n- ErrorCode: {code}\n- 中文名称: {message}\n"
        ));
    }
    assert_eq!(before.matches(LAST_404).count(), 1);
    before.replacen(LAST_404, &inserted, 1)
}

fn add_404(dir: &Path, message: &str) -> common::Run {
    errcat_in(
        dir,
        &[
            "new",
            "console",
            "--http",
            "404",
            "--message",
            message,
            "catalogs",
        ],
    )
}

#[test]
fn two_runs_at_once_both_add_their_record_with_distinct_codes() {
    // Several rounds: without the lock, each of them loses a record.
    for round in 0..5 {
        let dir = catalogs_copy();
        let path = dir.path().join("catalogs/console.md");
        let before = fs::read_to_string(&path).unwrap();
        let messages = [format!("甲{round}"), format!("乙{round}")];
        let children: Vec<_> = messages
            .iter()
            .map(|message| {
                Command::new(env!("CARGO_BIN_EXE_errcat"))
                    .args(["new", "console", "--http", "404", "--message", message])
                    .arg("catalogs")
                    .current_dir(dir.path())
                    .env("NO_COLOR", "1")
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let mut added = Vec::new();
        for (child, message) in children.into_iter().zip(&messages) {
            let output = child.wait_with_output().unwrap();
            let stdout = String::from_utf8(output.stdout).unwrap();
            let stderr = String::from_utf8(output.stderr).unwrap();
            assert_eq!(output.status.code(), Some(0), "{stderr}");
            assert_eq!(stderr, "");
            added.push((stdout, message.as_str()));
        }
        // Whichever took the lock first has the first code.
        added.sort();
        assert_eq!(
            added
                .iter()
                .map(|(out, _)| out.as_str())
                .collect::<Vec<_>>(),
            [
                "added 40400016 to catalogue `console` at catalogs/console.md:299\n",
                "added 40400017 to catalogue `console` at catalogs/console.md:305\n",
            ]
        );
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            with_records(
                &before,
                &[("40400016", added[0].1), ("40400017", added[1].1)]
            )
        );
        assert_eq!(names(&dir.path().join("catalogs")), CATALOGUES);
    }
}

/// A writer the test reads afterwards.
#[derive(Clone, Default)]
struct Captured(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
    }
}

#[test]
fn a_save_made_while_new_runs_is_kept_and_new_writes_nothing() {
    let dir = catalogs_copy();
    let catalogs = dir.path().join("catalogs");
    let path = catalogs.join("console.md");
    let before = fs::read_to_string(&path).unwrap();
    let theirs = with_records(&before, &[("40400016", "另一位作者的记录")]);

    let argv = [
        "errcat",
        "new",
        "console",
        "--http",
        "404",
        "--message",
        "集群节点已下线",
    ];
    let cli = Cli::try_parse_from(argv.into_iter().chain([catalogs.to_str().unwrap()])).unwrap();
    let commands::Command::New(args) = cli.command else {
        panic!("parsed as `new`");
    };
    let (out, err) = (Captured::default(), Captured::default());
    let mut context = Context::with_output(
        dir.path().to_path_buf(),
        Box::new(out.clone()),
        Box::new(err.clone()),
    );
    let mut saved = None;
    let exit = commands::new::exec_with(&mut context, &args, |at| {
        // An editor that takes no lock saves its own record, after `new`
        // read the file and before it writes it.
        fs::write(at, &theirs).unwrap();
        saved = Some(at.to_path_buf());
    })
    .unwrap();
    assert_eq!(saved.as_deref(), Some(path.as_path()));
    assert_eq!(exit, Exit::Findings);
    assert_eq!(exit.code(), 1);
    assert_eq!(out.text(), "");
    assert_eq!(
        err.text(),
        format!(
            "error: {} changed while errcat new ran; nothing was written; run it again\n",
            path.display()
        )
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), theirs);
    assert_eq!(names(&catalogs), CATALOGUES);

    // Run again, it adds its record after theirs.
    let run = add_404(dir.path(), "集群节点已下线");
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "added 40400017 to catalogue `console` at catalogs/console.md:305\n"
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        with_records(
            &before,
            &[
                ("40400016", "另一位作者的记录"),
                ("40400017", "集群节点已下线")
            ]
        )
    );
}

#[cfg(unix)]
mod unix {
    use super::*;
    use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};

    /// In octal, as `ls` and `chmod` show it.
    fn mode(path: &Path) -> String {
        format!(
            "{:o}",
            fs::metadata(path).unwrap().permissions().mode() & 0o7777
        )
    }

    #[test]
    fn a_read_only_catalogue_is_refused_and_stays_read_only() {
        let dir = catalogs_copy();
        let path = dir.path().join("catalogs/console.md");
        let before = fs::read_to_string(&path).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();

        let run = add_404(dir.path(), "集群节点已下线");
        assert_eq!(run.status, 1);
        assert_eq!(run.stdout, "");
        assert_eq!(
            run.stderr,
            "error: catalogs/console.md is read-only; nothing was written\n"
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), before);
        assert_eq!(mode(&path), "444");
        assert_eq!(names(&dir.path().join("catalogs")), CATALOGUES);

        // A dry run writes nothing, so it still shows the record.
        let run = errcat_in(
            dir.path(),
            &[
                "new",
                "console",
                "--http",
                "404",
                "--message",
                "x",
                "--dry-run",
                "catalogs",
            ],
        );
        assert_eq!(run.status, 0, "{}", run.stderr);
    }

    #[test]
    fn a_catalogue_keeps_its_mode() {
        let dir = catalogs_copy();
        let path = dir.path().join("catalogs/console.md");
        let before = fs::read_to_string(&path).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();

        let run = add_404(dir.path(), "集群节点已下线");
        assert_eq!(run.status, 0, "{}", run.stderr);
        assert_eq!(mode(&path), "640");
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            with_records(&before, &[("40400016", "集群节点已下线")])
        );
        assert_eq!(names(&dir.path().join("catalogs")), CATALOGUES);
    }

    #[test]
    fn a_linked_catalogue_stays_a_link_and_its_target_gets_the_record() {
        let dir = catalogs_copy();
        let catalogs = dir.path().join("catalogs");
        // A hidden folder: read only through the link.
        fs::create_dir(catalogs.join(".store")).unwrap();
        let target = catalogs.join(".store/console.md");
        fs::rename(catalogs.join("console.md"), &target).unwrap();
        symlink(".store/console.md", catalogs.join("console.md")).unwrap();
        let before = fs::read_to_string(&target).unwrap();

        let run = add_404(dir.path(), "集群节点已下线");
        assert_eq!(run.status, 0, "{}", run.stderr);
        assert_eq!(
            run.stdout,
            "added 40400016 to catalogue `console` at catalogs/console.md:299\n"
        );
        assert_eq!(
            fs::read_link(catalogs.join("console.md")).unwrap(),
            Path::new(".store/console.md")
        );
        assert_eq!(
            fs::read_to_string(&target).unwrap(),
            with_records(&before, &[("40400016", "集群节点已下线")])
        );
        let mut expected = vec![".store"];
        expected.extend(CATALOGUES);
        assert_eq!(names(&catalogs), expected);
        assert_eq!(names(&catalogs.join(".store")), ["console.md"]);
    }

    #[test]
    fn a_hard_linked_catalogue_is_refused() {
        let dir = catalogs_copy();
        let path = dir.path().join("catalogs/console.md");
        let other = dir.path().join("console-copy.md");
        fs::hard_link(&path, &other).unwrap();
        let before = fs::read_to_string(&path).unwrap();

        let run = add_404(dir.path(), "集群节点已下线");
        assert_eq!(run.status, 1);
        assert_eq!(
            run.stderr,
            "error: catalogs/console.md has 2 hard links, and replacing it would leave the others without the record; nothing was written\n"
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), before);
        assert_eq!(
            fs::metadata(&path).unwrap().ino(),
            fs::metadata(&other).unwrap().ino()
        );
        assert_eq!(names(&dir.path().join("catalogs")), CATALOGUES);
    }

    #[test]
    fn a_catalogue_keeps_its_owner_and_group() {
        let dir = catalogs_copy();
        let path = dir.path().join("catalogs/console.md");
        // Giving a file away takes privileges; without them there is no
        // other owner to keep.
        if let Err(e) = std::os::unix::fs::chown(&path, Some(65534), Some(65534)) {
            assert_eq!(e.kind(), std::io::ErrorKind::PermissionDenied);
            eprintln!("not checked: the owner cannot be changed here ({e})");
            return;
        }
        let run = add_404(dir.path(), "集群节点已下线");
        assert_eq!(run.status, 0, "{}", run.stderr);
        let metadata = fs::metadata(&path).unwrap();
        assert_eq!((metadata.uid(), metadata.gid()), (65534, 65534));
    }
}
