//! `cargo xtask diff` on small git repositories: each finding's id, level,
//! both places, and the exit status.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Run, errcat_in};

const USERS: &str = "\
### 400错误类型
- HttpCode: 400
- ErrorCode: 40000001
- 中文名称: 注册用户名已存在

---
- HttpCode: 400
- ErrorCode: 40000002
- 中文名称: 密码长度错误

---
- HttpCode: 400
- ErrorCode: 40000003
- 中文名称: 密码错误

### 500错误类型
- HttpCode: 500
- ErrorCode: 50000001
- 中文名称: 未知数据库错误
";

struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new(files: &[(&str, &str)]) -> Repo {
        let repo = Repo {
            dir: tempfile::tempdir().unwrap(),
        };
        repo.git(&["init", "--quiet", "--initial-branch=main"]);
        for (path, text) in files {
            repo.write(path, text);
        }
        repo.commit("base");
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn git(&self, args: &[&str]) {
        let status = Command::new("git")
            .args(args)
            .current_dir(self.path())
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.com")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.com")
            .status()
            .unwrap();
        assert!(status.success(), "git {args:?}");
    }

    fn write(&self, path: &str, text: &str) {
        let path = self.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "--quiet", "-m", message]);
    }

    fn diff(&self, extra: &[&str]) -> Run {
        let mut args = vec!["diff", "--base", "main"];
        args.extend_from_slice(extra);
        errcat_in(self.path(), &args)
    }
}

/// `path:line:col: level[id]: message` of every finding.
fn headers(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.contains(": error[") || l.contains(": warning[") || l.contains(": note["))
        .collect()
}

/// The JSON lines of `--message-format json` gathered as `findings` (the
/// changes), `check` (the new tree's errors, each as its one-line form
/// rebuilt from its fields) and `summary`.
fn json(run: &Run) -> serde_json::Value {
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON object per line"))
        .collect();
    let of = |reason: &'static str| lines.iter().filter(move |l| l["reason"] == reason);
    let located = |v: &serde_json::Value| {
        format!(
            "{}:{}:{}",
            v["file"].as_str().unwrap(),
            v["line"],
            v["column"]
        )
    };
    let check: Vec<String> = of("finding")
        .map(|f| {
            let mut line = format!(
                "{}: {}[{}]: {}",
                located(f),
                f["level"].as_str().unwrap(),
                f["id"].as_str().unwrap(),
                f["message"].as_str().unwrap()
            );
            for note in f["notes"].as_array().unwrap() {
                if note.get("file").is_some() {
                    line.push_str(&format!(
                        " ({}: {})",
                        note["message"].as_str().unwrap(),
                        located(note)
                    ));
                }
            }
            line
        })
        .collect();
    let summary: Vec<&serde_json::Value> = of("summary").collect();
    assert_eq!(summary.len(), 1, "one summary line last");
    assert_eq!(lines.last(), Some(summary[0]));
    serde_json::json!({
        "findings": of("change").cloned().collect::<Vec<_>>(),
        "check": check,
        "summary": summary[0],
    })
}

/// (id, level, old "path@rev:line", new "path:line") of every finding.
fn places(run: &Run) -> Vec<(String, String, String, String)> {
    let place = |p: &serde_json::Value| match p {
        serde_json::Value::Null => "-".to_string(),
        p => match p.get("rev") {
            Some(rev) => format!(
                "{}@{}:{}",
                p["path"].as_str().unwrap(),
                rev.as_str().unwrap(),
                p["line"]
            ),
            None => format!("{}:{}", p["path"].as_str().unwrap(), p["line"]),
        },
    };
    json(run)["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["id"].as_str().unwrap().to_string(),
                f["level"].as_str().unwrap().to_string(),
                place(&f["old"]),
                place(&f["new"]),
            )
        })
        .collect()
}

fn row(id: &str, level: &str, old: &str, new: &str) -> (String, String, String, String) {
    (
        id.to_string(),
        level.to_string(),
        old.to_string(),
        new.to_string(),
    )
}

#[test]
fn an_unchanged_tree_has_nothing_to_report() {
    let repo = Repo::new(&[("catalogs/users.md", USERS)]);
    let run = repo.diff(&[]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "against main: 0 breaking changes, 0 warnings, 0 notes; the new tree has 0 check errors\n"
    );
}

#[test]
fn each_kind_of_change_is_reported_with_both_places() {
    let repo = Repo::new(&[("catalogs/users.md", USERS)]);
    let edited = USERS
        // 40000001: a new message
        .replace("注册用户名已存在", "用户名已被注册")
        // 40000002: named, so its variant E40000002 becomes PasswordTooShort
        .replace("- ErrorCode: 40000002\n", "- ErrorCode: 40000002\n- Name: PasswordTooShort\n")
        // 40000003: removed
        .replace("---\n- HttpCode: 400\n- ErrorCode: 40000003\n- 中文名称: 密码错误\n\n", "")
        // 50000001: status changed (which also breaks its code prefix)
        .replace("- HttpCode: 500\n", "- HttpCode: 503\n")
        // a new code
        + "\n---\n- HttpCode: 500\n- ErrorCode: 50000002\n- 中文名称: 未知邮件系统错误\n";
    repo.write("catalogs/users.md", &edited);

    let run = repo.diff(&["--message-format", "json"]);
    assert_eq!(run.status, 1);
    assert_eq!(
        places(&run),
        [
            row(
                "message-changed",
                "warning",
                "catalogs/users.md@main:4",
                "catalogs/users.md:4"
            ),
            row(
                "identifier-changed",
                "error",
                "catalogs/users.md@main:8",
                "catalogs/users.md:9"
            ),
            row(
                "code-removed",
                "error",
                "catalogs/users.md@main:13",
                "catalogs/users.md:2"
            ),
            row(
                "http-status-changed",
                "error",
                "catalogs/users.md@main:17",
                "catalogs/users.md:13"
            ),
            row("code-added", "note", "-", "catalogs/users.md:19"),
        ]
    );
    let findings = &json(&run)["findings"];
    assert_eq!(
        findings[3]["message"],
        "code 50000001 now answers HTTP 503 instead of 500"
    );
    assert_eq!(
        findings[1]["message"],
        "the variant of code 40000002 is renamed from `E40000002` to `PasswordTooShort`"
    );
    // The new tree's own errors are reported too, not instead.
    assert_eq!(
        json(&run)["check"],
        serde_json::json!([
            "catalogs/users.md:14:14: error[http-prefix-mismatch]: code 50000001 does not start with its HTTP status 503 (the record's status is here: catalogs/users.md:13:13)"
        ])
    );

    let run = repo.diff(&[]);
    assert_eq!(run.status, 1);
    assert_eq!(
        headers(&run.stderr),
        [
            "catalogs/users.md:14:14: error[http-prefix-mismatch]: code 50000001 does not start with its HTTP status 503",
            "catalogs/users.md:4:9: warning[message-changed]: the message of code 40000001 changed from `注册用户名已存在` to `用户名已被注册`",
            "catalogs/users.md:9:9: error[identifier-changed]: the variant of code 40000002 is renamed from `E40000002` to `PasswordTooShort`",
            "catalogs/users.md:2:3: error[code-removed]: code 40000003 was removed from catalogue `users`; clients that know it break (list it under `retired` in catalogs.toml to withdraw it on purpose)",
            "catalogs/users.md:13:13: error[http-status-changed]: code 50000001 now answers HTTP 503 instead of 500",
            "catalogs/users.md:19:14: note[code-added]: code 50000002 was added to catalogue `users`",
        ]
    );
    assert!(
        run.stderr
            .contains("note: before: catalogs/users.md@main:17:13\n"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("17 | - HttpCode: 500\n"),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stdout,
        "against main: 3 breaking changes, 1 warning, 1 note; the new tree has 1 check error\n"
    );
}

#[test]
fn a_renamed_file_is_the_same_catalogue() {
    let repo = Repo::new(&[("catalogs/users.md", USERS)]);
    repo.git(&["mv", "catalogs/users.md", "catalogs/accounts.md"]);
    let run = repo.diff(&["--message-format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stdout);
    assert_eq!(
        places(&run),
        [row(
            "catalogue-renamed",
            "warning",
            "catalogs/users.md@main:2",
            "catalogs/accounts.md:2"
        )]
    );

    // Naming the catalogue keeps its module: nothing to report.
    repo.write(
        "catalogs/catalogs.toml",
        "[[catalog]]\nfile = \"accounts.md\"\nname = \"users\"\n",
    );
    let run = repo.diff(&["--message-format", "json"]);
    assert_eq!((run.status, places(&run)), (0, vec![]));
}

#[test]
fn a_retired_code_may_go_but_never_come_back() {
    let repo = Repo::new(&[("catalogs/users.md", USERS)]);
    let without = USERS.replace(
        "---\n- HttpCode: 400\n- ErrorCode: 40000003\n- 中文名称: 密码错误\n\n",
        "",
    );
    repo.write("catalogs/users.md", &without);
    repo.write(
        "catalogs/catalogs.toml",
        "[[catalog]]\nfile = \"users.md\"\nretired = [40000003]\n",
    );
    let run = repo.diff(&["--message-format", "json"]);
    assert_eq!(run.status, 0, "{}", run.stdout);
    assert_eq!(
        places(&run),
        [row(
            "code-retired",
            "note",
            "catalogs/users.md@main:13",
            "catalogs/catalogs.toml:3"
        )]
    );
    repo.commit("retire 40000003");

    // Reusing it is an error of both the diff and the check.
    let reused =
        format!("{without}\n---\n- HttpCode: 400\n- ErrorCode: 40000003\n- 中文名称: 新的含义\n");
    repo.write("catalogs/users.md", &reused);
    let run = repo.diff(&["--message-format", "json"]);
    assert_eq!(run.status, 1);
    assert_eq!(
        places(&run),
        [row(
            "code-reused",
            "error",
            "catalogs/catalogs.toml@main:3",
            "catalogs/users.md:18"
        )]
    );
    assert_eq!(
        json(&run)["check"],
        serde_json::json!([
            // Appended under the 5xx heading, the record is misfiled too.
            "catalogs/users.md:17:13: error[section-class-mismatch]: an HTTP 400 record under `500错误类型`, a section for 5xx statuses (the section starts here: catalogs/users.md:11:5)",
            "catalogs/users.md:18:14: error[retired-code]: code 40000003 is retired and must not be used again (it is retired here: catalogs/catalogs.toml:3:12)",
        ])
    );
    let check = errcat_in(repo.path(), &["check"]);
    assert_eq!(check.status, 1);
}

#[test]
fn a_code_with_a_new_name_and_message_is_a_reuse() {
    let repo = Repo::new(&[("catalogs/users.md", USERS)]);
    repo.write(
        "catalogs/users.md",
        &USERS.replace(
            "- ErrorCode: 40000003\n- 中文名称: 密码错误",
            "- ErrorCode: 40000003\n- Name: QuotaExceeded\n- 中文名称: 超出配额",
        ),
    );
    let run = repo.diff(&["--message-format", "json"]);
    assert_eq!(run.status, 1);
    assert_eq!(
        places(&run),
        [row(
            "code-reused",
            "error",
            "catalogs/users.md@main:13",
            "catalogs/users.md:13"
        )]
    );
    assert_eq!(
        json(&run)["findings"][0]["message"],
        "code 40000003 now means something else: `QuotaExceeded` (超出配额) instead of `E40000003` (密码错误)"
    );
}

#[test]
fn a_removed_catalogue_and_a_moved_code_are_reported() {
    let repo = Repo::new(&[
        ("catalogs/users.md", USERS),
        (
            "catalogs/orders.md",
            USERS
                .replace("40000", "40100")
                .replace("HttpCode: 400", "HttpCode: 401")
                .as_str(),
        ),
    ]);
    std::fs::remove_file(repo.path().join("catalogs/orders.md")).unwrap();
    // 40000003 and 50000001 now sit under a new heading.
    let moved = "\
### 400错误类型
- HttpCode: 400
- ErrorCode: 40000001
- 中文名称: 注册用户名已存在

---
- HttpCode: 400
- ErrorCode: 40000002
- 中文名称: 密码长度错误

### 密码
- HttpCode: 400
- ErrorCode: 40000003
- 中文名称: 密码错误

- HttpCode: 500
- ErrorCode: 50000001
- 中文名称: 未知数据库错误
";
    repo.write("catalogs/users.md", moved);
    let run = repo.diff(&["--message-format", "json"]);
    assert_eq!(run.status, 1);
    let ids: Vec<(String, String)> = places(&run)
        .into_iter()
        .map(|(id, level, _, _)| (id, level))
        .collect();
    assert_eq!(
        ids,
        [
            ("catalogue-removed".to_string(), "error".to_string()),
            ("section-changed".to_string(), "warning".to_string()),
            ("section-changed".to_string(), "warning".to_string()),
        ]
    );
    let findings = &json(&run)["findings"];
    assert_eq!(
        findings[0]["message"],
        "catalogue `orders` was removed with its 4 codes"
    );
    assert_eq!(findings[0]["old"]["path"], "catalogs/orders.md");
    assert_eq!(findings[0]["new"], serde_json::Value::Null);
    assert_eq!(
        findings[1]["message"],
        "code 40000003 moved from section `400错误类型` to `密码`"
    );
    assert_eq!(
        findings[2]["message"],
        "code 50000001 moved from section `500错误类型` to `密码`"
    );
}

#[test]
fn a_revision_that_does_not_exist_is_a_usage_error() {
    let repo = Repo::new(&[("catalogs/users.md", USERS)]);
    let run = errcat_in(repo.path(), &["diff", "--base", "no-such-branch"]);
    assert_eq!(run.status, 2);
    assert_eq!(
        run.stderr,
        "error: `no-such-branch` is not a revision of this repository\n"
    );
}
