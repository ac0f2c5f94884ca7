//! `cargo xtask check` and `dump` as a user runs them: exit status, finding
//! lines, summary and JSON.

use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

fn xtask_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("xtask runs");
    Run {
        status: output.status.code().expect("exit status"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    }
}

fn xtask(args: &[&str]) -> Run {
    xtask_in(&workspace(), args)
}

/// The first line of every finding: `path:line:col: level[id]: message`.
fn findings(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.contains(": error[") || l.contains(": warning["))
        .collect()
}

#[test]
fn seeds_pass_with_exactly_their_real_findings() {
    let run = xtask(&["check"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        findings(&run.stderr),
        [
            "catalogs/account.md:126:9: warning[duplicate-message]: code 40000017 has the same message as code 40000016",
            "catalogs/console.md:424:9: warning[duplicate-message]: code 40000017 has the same message as code 40000016",
        ]
    );
    assert!(
        run.stderr
            .contains("note: the first one is here: catalogs/console.md:419:9")
    );
    assert_eq!(
        run.stdout,
        "\
catalogue  source                                records  errors  warnings
account    catalogs/account.md                         8       0         0
account_2  catalogs/account.md:43 (code block)        48       0         1
console    catalogs/console.md                        47       0         0
console_2  catalogs/console.md:341 (code block)       48       0         1
4 catalogues, 151 records: 0 errors, 2 warnings
"
    );
}

/// Each fixture and the exact findings `check` gives for it.
const FIXTURES: &[(&str, i32, &[&str])] = &[
    (
        "duplicate-code",
        1,
        &[
            "duplicate-code.md:13:14: error[duplicate-code]: code 40000001 is defined twice in catalogue `duplicate_code`",
        ],
    ),
    (
        "http-prefix-mismatch",
        1,
        &[
            "http-prefix-mismatch.md:8:14: error[http-prefix-mismatch]: code 40400002 does not start with its HTTP status 400",
        ],
    ),
    (
        "section-class-mismatch",
        1,
        &[
            "section-class-mismatch.md:7:13: error[section-class-mismatch]: an HTTP 500 record under `400错误类型`, a section for 4xx statuses",
        ],
    ),
    (
        "invalid-http-status",
        1,
        &[
            "invalid-http-status.md:14:13: error[invalid-http-status]: `4O4` is not an HTTP status (100 to 599)",
            "invalid-http-status.md:19:13: error[invalid-http-status]: HTTP 409 is not in this file's status reference",
            "invalid-http-status.md:24:13: error[invalid-http-status]: `700` is not an HTTP status (100 to 599)",
        ],
    ),
    (
        "invalid-code",
        1,
        &[
            "invalid-code.md:2:14: error[invalid-code]: error code `4000000x` is not an integer",
            "invalid-code.md:7:14: error[invalid-code]: error code 40000000000 does not fit the code type u32 (0 to 4294967295)",
        ],
    ),
    (
        "duplicate-identifier",
        1,
        &[
            "duplicate-identifier.md:9:9: error[duplicate-identifier]: code 40000001 and code 40000002 both become the variant `UserNameTaken`",
            "duplicate-identifier.md:15:9: error[invalid-identifier]: this name cannot become a Rust identifier: `404NotFound` becomes `404notFound`, which does not start with a letter",
        ],
    ),
    (
        "missing-code",
        1,
        &[
            "missing-code.md:6:3: error[missing-code]: this record has no error code",
            "missing-code.md:10:3: error[missing-http-status]: this record has no HTTP status",
        ],
    ),
    (
        "missing-message",
        0,
        &[
            "missing-message.md:7:14: warning[missing-message]: code 40000002 has no message",
            "missing-message.md:11:14: warning[missing-message]: code 40000003 has no message",
        ],
    ),
    (
        "duplicate-message",
        0,
        &[
            "duplicate-message.md:8:10: warning[duplicate-message]: code 40000017 has the same message as code 40000016",
        ],
    ),
    (
        "code-out-of-order",
        0,
        &[
            "code-out-of-order.md:8:14: warning[code-out-of-order]: code 40000009 is out of order: it comes after 40000001",
        ],
    ),
    (
        "unknown-field",
        0,
        &[
            "unknown-field.md:4:3: warning[unknown-field]: unknown field `英文名称`; errcat keeps it but does not use it",
            "unknown-field.md:5:3: warning[unknown-field]: `备注` is not a `Field: value` pair; errcat ignores it",
        ],
    ),
    // A byte-order mark, CRLF line ends and tabs change no position.
    (
        "bom-crlf-tabs",
        0,
        &["bom-crlf-tabs.md:8:14: warning[missing-message]: code 40000002 has no message"],
    ),
    ("layouts", 0, &[]),
];

#[test]
fn every_bad_input_gets_its_finding_at_its_line() {
    let dir = workspace().join("tests/fixtures/checks");
    for (name, status, expected) in FIXTURES {
        let file = format!("{name}.md");
        let run = xtask_in(&dir, &["check", &file]);
        assert_eq!(
            findings(&run.stderr),
            *expected,
            "findings for {file}:\n{}",
            run.stderr
        );
        assert_eq!(run.status, *status, "exit status for {file}");
    }
}

#[test]
fn a_finding_shows_the_line_and_where_the_other_definition_is() {
    let dir = workspace().join("tests/fixtures/checks");
    let run = xtask_in(&dir, &["check", "duplicate-code.md"]);
    assert_eq!(
        run.stderr,
        "\
duplicate-code.md:13:14: error[duplicate-code]: code 40000001 is defined twice in catalogue `duplicate_code`
   |
13 | - ErrorCode: 40000001
   |              ^^^^^^^^ defined again here
   |
note: first defined here: duplicate-code.md:3:14
   |
 3 | - ErrorCode: 40000001
   |              --------

"
    );
}

#[test]
fn every_layout_reads_into_the_same_records() {
    let dir = workspace().join("tests/fixtures/checks");
    let run = xtask_in(&dir, &["dump", "layouts.md"]);
    let dump: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let entries = dump["catalogs"][0]["entries"].as_array().expect("entries");
    let rows: Vec<(i64, i64, &str, &str)> = entries
        .iter()
        .map(|e| {
            (
                e["code"].as_i64().unwrap(),
                e["http_status"].as_i64().unwrap(),
                e["name"].as_str().unwrap(),
                e["message"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (40000001, 400, "E40000001", "分隔线后有空格"),
            (40000002, 400, "E40000002", "两条分隔线"),
            (40000003, 400, "E40000003", "没有分隔线"),
            (40000004, 400, "E40000004", "星号列表"),
            (40000005, 400, "E40000005", "全角冒号"),
            (40000006, 400, "E40000006", "多余的空格"),
            (40000007, 400, "IndentedRecord", "缩进的列表"),
        ]
    );
}

#[test]
fn a_file_that_is_not_utf8_is_an_error_at_its_first_bad_byte() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut bytes = "- HttpCode: 400\n- ErrorCode: 40000001\n- 中文名称: "
        .as_bytes()
        .to_vec();
    // "注册" in GBK; its first two bytes happen to be valid UTF-8 (U+05E2),
    // so the first bad byte is the third, in column 10.
    bytes.extend([0xd7, 0xa2, 0xb2, 0xe1]);
    bytes.extend(b"\n");
    std::fs::write(dir.path().join("gbk.md"), bytes).expect("write");
    let run = xtask_in(dir.path(), &["check", "gbk.md"]);
    assert_eq!(run.status, 1);
    assert_eq!(
        findings(&run.stderr),
        [
            "gbk.md:3:10: error[invalid-utf8]: the file is not valid UTF-8; catalogues must be saved as UTF-8"
        ]
    );
    assert!(
        run.stdout
            .contains("-          gbk.md        0       1         0"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_namespace_keeps_codes_apart_across_files() {
    let run = xtask(&["check", "tests/fixtures/namespace"]);
    assert_eq!(run.status, 1);
    assert_eq!(
        findings(&run.stderr),
        [
            "tests/fixtures/namespace/users.md:8:14: error[duplicate-code]: code 40000002 of catalogue `users` is already used by catalogue `orders` (tests/fixtures/namespace/orders.md) in namespace `platform`"
        ]
    );
    assert!(
        run.stderr
            .contains("note: first defined here: tests/fixtures/namespace/orders.md:3:14")
    );
}

#[test]
fn unreadable_input_exits_with_2() {
    let run = xtask(&["check", "no/such/catalogue.md"]);
    assert_eq!(run.status, 2);
    assert_eq!(
        run.stderr,
        "error: no/such/catalogue.md: no such file or folder\n"
    );
    let run = xtask(&["check", "--no-such-flag"]);
    assert_eq!(run.status, 2);
}

/// The seeds' records, independently read: every dumped record's line
/// range holds exactly its `HttpCode`, `ErrorCode` and `中文名称` lines.
#[test]
fn dump_holds_every_seed_record_with_its_code_status_and_message() {
    let run = xtask(&["dump"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let dump: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let catalogs = dump["catalogs"].as_array().expect("catalogs");
    let summary: Vec<(&str, &str, &str, usize)> = catalogs
        .iter()
        .map(|c| {
            (
                c["name"].as_str().unwrap(),
                c["type"].as_str().unwrap(),
                c["source"].as_str().unwrap(),
                c["entries"].as_array().unwrap().len(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("account", "errcat::account::Code", "catalogs/account.md", 8),
            (
                "account_2",
                "errcat::account_2::Code",
                "catalogs/account.md",
                48
            ),
            (
                "console",
                "errcat::console::Code",
                "catalogs/console.md",
                47
            ),
            (
                "console_2",
                "errcat::console_2::Code",
                "catalogs/console.md",
                48
            ),
        ]
    );
    for catalog in catalogs {
        let text =
            std::fs::read_to_string(workspace().join(catalog["source"].as_str().unwrap())).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for entry in catalog["entries"].as_array().unwrap() {
            let line = entry["line"].as_u64().unwrap() as usize;
            let record = &lines[line - 1..(line + 2).min(lines.len())];
            let expected = [
                format!("- HttpCode: {}", entry["http_status"]),
                format!("- ErrorCode: {}", entry["code"]),
                format!("- 中文名称: {}", entry["message"].as_str().unwrap()),
            ];
            let normalized: Vec<String> = record
                .iter()
                .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect();
            assert_eq!(normalized, expected, "{} line {line}", catalog["source"]);
        }
    }
    let console = &catalogs[2]["entries"];
    assert_eq!(console[0]["section"], "400错误类型");
    assert_eq!(console[41]["code"], 50000001);
    assert_eq!(console[41]["message"], "服务器发生未知错，请联系管理员处理");
    assert_eq!(
        catalogs[3]["entries"][0]["section"],
        serde_json::Value::Null
    );
}
