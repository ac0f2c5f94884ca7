//! `cargo xtask check` and `dump` as a user runs them: exit status, finding
//! lines, summary and JSON.

mod common;

use common::{Run, errcat_in, workspace};

/// `errcat ARGS` on this repository's catalogues, as `cargo xtask` runs it.
fn xtask(args: &[&str]) -> Run {
    errcat_in(&workspace(), &[args, &["-p", "errcat-catalogs"]].concat())
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
            "catalogs/api_switch.md:81:4: warning[duplicate-message]: code 10302 has the same message as code 10001",
            "catalogs/api_switch.md:195:4: warning[duplicate-message]: code 10340 has the same message as code 10323",
            "catalogs/api_switch.md:224:4: warning[duplicate-message]: code 10350 has the same message as code 10313",
            "catalogs/api_switch.md:272:20: warning[missing-message]: code 10608 has no message",
            "catalogs/api_switch.md:311:26: warning[code-out-of-order]: code 10220 is out of order: it comes after 10620",
            "catalogs/console.md:424:9: warning[duplicate-message]: code 40000017 has the same message as code 40000016",
        ]
    );
    assert!(
        run.stderr
            .contains("note: the first one is here: catalogs/console.md:419:9")
    );
    assert!(
        run.stderr
            .contains("note: it belongs before 10301: catalogs/api_switch.md:79:27")
    );
    assert_eq!(
        run.stdout,
        "\
catalogue   source                                  records  unread  errors  warnings
account     catalogs/account.md                           8       0       0         0
account_2   catalogs/account.md:43 (code block)          48       0       0         1
api_switch  catalogs/api_switch.md:14 (code block)      103       0       0         5
console     catalogs/console.md                          47       0       0         0
console_2   catalogs/console.md:341 (code block)         48       0       0         1
k8s_api     catalogs/k8s_api.md                          12       0       0         0
6 catalogues, 266 records: 0 errors, 7 warnings
"
    );
}

#[test]
fn at_the_workspace_root_every_package_is_checked_apart() {
    let run = errcat_in(&workspace(), &["check"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "\
catalogue                        source                                  records  unread  errors  warnings
errcat_catalogs::account         catalogs/account.md                           8       0       0         0
errcat_catalogs::account_2       catalogs/account.md:43 (code block)          48       0       0         1
errcat_catalogs::api_switch      catalogs/api_switch.md:14 (code block)      103       0       0         5
errcat_catalogs::console         catalogs/console.md                          47       0       0         0
errcat_catalogs::console_2       catalogs/console.md:341 (code block)         48       0       0         1
errcat_catalogs::k8s_api         catalogs/k8s_api.md                          12       0       0         0
errcat_example_service::billing  examples/service/catalogs/billing.md          4       0       0         0
7 catalogues, 270 records: 0 errors, 7 warnings
"
    );
    let unknown = errcat_in(&workspace(), &["check", "-p", "nope"]);
    assert_eq!(unknown.status, 2);
    assert!(
        unknown
            .stderr
            .starts_with("error: no package `nope` in the workspace; its packages are "),
        "{}",
        unknown.stderr
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
        // A code defined twice with its message: the one error, no warning
        // that the message is repeated.
        "duplicate-code-same-message",
        1,
        &[
            "duplicate-code-same-message.md:8:14: error[duplicate-code]: code 40000001 is defined twice in catalogue `duplicate_code_same_message`",
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
            "duplicate-identifier.md:26:9: error[duplicate-identifier]: code 40000004 and code 40000005 both become the variant `E40000004`",
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
    (
        "merge-conflict",
        1,
        &[
            "merge-conflict.md:6:1: error[merge-conflict]: an unresolved git merge conflict is left in the file",
            "merge-conflict.md:9:3: error[duplicate-code]: code 1002 is defined twice in catalogue `merge_conflict`",
        ],
    ),
    (
        "invalid-identifier",
        1,
        &[
            "invalid-identifier.md:3:9: error[invalid-identifier]: this name cannot become a Rust identifier: `Self` becomes `Self`, a Rust keyword",
            "invalid-identifier.md:8:9: error[invalid-identifier]: this name cannot become a Rust identifier: `1st` becomes `1st`, which does not start with a letter",
            "invalid-identifier.md:13:8: error[invalid-identifier]: this name cannot become a Rust identifier: the name is empty",
            "invalid-identifier.md:18:9: error[invalid-identifier]: this name cannot become a Rust identifier: `用户名` becomes `用户名`, which has characters other than ASCII letters and digits",
        ],
    ),
    (
        "category-range-mismatch",
        1,
        &[
            "category-range-mismatch.md:17:5: error[category-range-mismatch]: code 3001 is outside 2xxx (PodError), the range of section `2. Pod 类型错误`",
        ],
    ),
    (
        "reserved-range",
        1,
        &[
            "reserved-range.md:11:5: error[reserved-range]: code 6001 lies in the reserved range 6xxx",
        ],
    ),
    (
        // As GFM renders a table: a short row has empty cells, and cells
        // past the header's are left out, which is worth a warning.
        "malformed-row",
        0,
        &[
            "malformed-row.md:4:5: warning[missing-message]: code 1002 has no message",
            "malformed-row.md:5:1: warning[malformed-row]: this row has 4 cells but the table's header has 3",
        ],
    ),
    (
        "constants",
        1,
        &[
            "constants.md:13:1: error[duplicate-identifier]: code 10003 and code 10004 both become the variant `AppName`",
            "constants.md:16:18: error[duplicate-code]: code 10002 is defined twice in catalogue `constants`",
        ],
    ),
];

#[test]
fn every_bad_input_gets_its_finding_at_its_line() {
    let dir = workspace().join("tests/fixtures/checks");
    for (name, status, expected) in FIXTURES {
        let file = format!("{name}.md");
        let run = errcat_in(&dir, &["check", &file]);
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
    let run = errcat_in(&dir, &["check", "duplicate-code.md"]);
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
    let run = errcat_in(&dir, &["dump", "layouts.md"]);
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
    // Not text in any encoding: 0x81 then a space.
    bytes.extend(b"\x81 \n");
    std::fs::write(dir.path().join("broken.md"), bytes).expect("write");
    let run = errcat_in(dir.path(), &["check", "broken.md"]);
    assert_eq!(run.status, 1);
    assert_eq!(
        findings(&run.stderr),
        [
            "broken.md:3:9: error[invalid-utf8]: the file is not valid UTF-8; catalogues must be saved as UTF-8"
        ]
    );
    assert!(
        run.stdout
            .contains("-          broken.md        0       0       1         0"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_gbk_file_is_read_with_a_warning_naming_its_encoding() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut bytes =
        b"- HttpCode: 400\n- ErrorCode: 40000001\n- \xd6\xd0\xce\xc4\xc3\xfb\xb3\xc6: ".to_vec();
    bytes.extend(b"\xd7\xa2\xb2\xe1\xd3\xc3\xbb\xa7\xc3\xfb\xd2\xd1\xb4\xe6\xd4\xda\n"); // 注册用户名已存在
    std::fs::write(dir.path().join("gbk.md"), &bytes).expect("write");
    let run = errcat_in(dir.path(), &["check", "gbk.md"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        findings(&run.stderr),
        [
            "gbk.md:3:1: warning[non-utf8]: the file is not UTF-8: read as GBK, the encoding it decodes in"
        ]
    );
    assert!(run.stderr.contains(
        "= note: convert the file to UTF-8, or set `encoding = \"gbk\"` for it in catalogs.toml"
    ));
    let dump = errcat_in(dir.path(), &["dump", "gbk.md"]);
    assert!(
        dump.stdout.contains("\"message\": \"注册用户名已存在\""),
        "{}",
        dump.stdout
    );

    // Said in catalogs.toml, it is read as said; a wrong name is an error.
    std::fs::write(
        dir.path().join("catalogs.toml"),
        "[[catalog]]\nfile = \"gbk.md\"\nencoding = \"gb18030\"\n",
    )
    .unwrap();
    let run = errcat_in(dir.path(), &["check", "gbk.md"]);
    assert_eq!(
        findings(&run.stderr),
        ["gbk.md:1:1: warning[non-utf8]: read as gb18030, as catalogs.toml says"]
    );
    std::fs::write(
        dir.path().join("catalogs.toml"),
        "[[catalog]]\nfile = \"gbk.md\"\nencoding = \"utf-8\"\n",
    )
    .unwrap();
    let run = errcat_in(dir.path(), &["check", "gbk.md"]);
    assert_eq!(run.status, 1);
    assert!(findings(&run.stderr)[0].ends_with("error[invalid-encoding]: the file is not valid utf-8, the encoding catalogs.toml sets for it"), "{}", run.stderr);
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

fn dump_seeds() -> serde_json::Value {
    let run = xtask(&["dump"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("JSON")
}

fn seed_lines(source: &serde_json::Value) -> Vec<String> {
    let text = std::fs::read_to_string(workspace().join(source.as_str().unwrap())).unwrap();
    text.lines().map(str::to_string).collect()
}

#[test]
fn dump_lists_every_seed_catalogue() {
    let dump = dump_seeds();
    let summary: Vec<(&str, &str, &str, usize)> = dump["catalogs"]
        .as_array()
        .unwrap()
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
            (
                "account",
                "errcat_catalogs::account::Code",
                "catalogs/account.md",
                8
            ),
            (
                "account_2",
                "errcat_catalogs::account_2::Code",
                "catalogs/account.md",
                48
            ),
            (
                "api_switch",
                "errcat_catalogs::api_switch::Code",
                "catalogs/api_switch.md",
                103
            ),
            (
                "console",
                "errcat_catalogs::console::Code",
                "catalogs/console.md",
                47
            ),
            (
                "console_2",
                "errcat_catalogs::console_2::Code",
                "catalogs/console.md",
                48
            ),
            (
                "k8s_api",
                "errcat_catalogs::k8s_api::Code",
                "catalogs/k8s_api.md",
                12
            ),
        ]
    );
}

/// The bullet seeds' records, independently read: every dumped record's
/// line range holds exactly its `HttpCode`, `ErrorCode` and `中文名称` lines.
#[test]
fn dump_holds_every_bullet_record_with_its_code_status_and_message() {
    let dump = dump_seeds();
    let catalogs = dump["catalogs"].as_array().unwrap();
    for catalog in catalogs.iter().filter(|c| {
        let source = c["source"].as_str().unwrap();
        source.ends_with("console.md") || source.ends_with("account.md")
    }) {
        let lines = seed_lines(&catalog["source"]);
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
    let console = &catalogs[3]["entries"];
    assert_eq!(console[0]["section"], "400错误类型");
    assert_eq!(console[41]["code"], 50000001);
    assert_eq!(console[41]["message"], "服务器发生未知错，请联系管理员处理");
    assert_eq!(
        catalogs[4]["entries"][0]["section"],
        serde_json::Value::Null
    );
}

/// Each constant's line is `NAME = CODE`, and its message is the comment
/// right above it.
#[test]
fn dump_holds_every_constant_with_its_name_and_message() {
    let dump = dump_seeds();
    let catalog = &dump["catalogs"][2];
    assert_eq!(catalog["name"], "api_switch");
    let lines = seed_lines(&catalog["source"]);
    let entries = catalog["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 103);
    for entry in entries {
        let line = entry["line"].as_u64().unwrap() as usize;
        assert_eq!(
            lines[line - 1],
            format!("{} = {}", entry["name"].as_str().unwrap(), entry["code"])
        );
        let above = lines[line - 2].trim_start_matches('/').trim();
        match entry["message"].as_str() {
            Some(message) => assert_eq!(message, above, "line {line}"),
            None => assert!(!lines[line - 2].starts_with("//"), "line {line}"),
        }
        assert_eq!(entry["http_status"], 500, "the catalogue default");
    }
    assert_eq!(entries[0]["name"], "ILLEGAL_PARAMETER");
    assert_eq!(entries[0]["message"], "参数不合法");
    let missing: Vec<&serde_json::Value> = entries
        .iter()
        .filter(|e| e["message"].is_null())
        .map(|e| &e["code"])
        .collect();
    assert_eq!(missing, [10608]);
}

/// Each table row is `| code | identifier | message |`, under the
/// category its section numbers.
#[test]
fn dump_holds_every_table_code_with_identifier_message_and_category() {
    let dump = dump_seeds();
    let catalog = &dump["catalogs"][5];
    assert_eq!(catalog["name"], "k8s_api");
    let lines = seed_lines(&catalog["source"]);
    let rows: Vec<(i64, &str, &str, &str)> = catalog["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let line = &lines[e["line"].as_u64().unwrap() as usize - 1];
            let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
            assert_eq!(
                cells,
                [
                    e["code"].to_string().as_str(),
                    e["name"].as_str().unwrap(),
                    e["message"].as_str().unwrap()
                ]
            );
            (
                e["code"].as_i64().unwrap(),
                e["name"].as_str().unwrap(),
                e["message"].as_str().unwrap(),
                e["category"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (1001, "ParamInvalidError", "参数不合法", "BaseError"),
            (1002, "RecordNotExistError", "记录不存在", "BaseError"),
            (2001, "GetPodError", "获取 Pod 失败", "PodError"),
            (2002, "GetPodEventError", "获取 Pod 事件失败", "PodError"),
            (
                3001,
                "GetDeploymentError",
                "获取 Deployment 失败",
                "DeploymentError"
            ),
            (4001, "GetServiceError", "获取 Service 失败", "ServiceError"),
            (
                5001,
                "GetTerminalError",
                "获取 Terminal 失败",
                "TerminalError"
            ),
            (
                5002,
                "WebsocketError",
                "Websocket 相关错误",
                "TerminalError"
            ),
            (
                5003,
                "RequestK8sExecError",
                "请求 K8s Exec 命令错误",
                "TerminalError"
            ),
            (9001, "GetClusterError", "获取集群信息错误", "OtherError"),
            (9002, "GetEndpointError", "获取 Endpoint 错误", "OtherError"),
            (9003, "GetNodeError", "获取 Node 错误", "OtherError"),
        ]
    );
}

#[test]
fn a_folder_contributes_its_markdown_and_txt_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let record = "- HttpCode: 404\n- ErrorCode: 40400001\n- 中文名称: 不存在\n";
    std::fs::create_dir(dir.path().join("catalogs")).unwrap();
    std::fs::write(dir.path().join("catalogs/legacy.txt"), record).unwrap();
    std::fs::write(dir.path().join("catalogs/notes.rs"), record).unwrap();
    std::fs::write(dir.path().join("catalogs/.hidden.md"), record).unwrap();
    let run = errcat_in(dir.path(), &["check", "catalogs"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "catalogue  source               records  unread  errors  warnings\nlegacy     catalogs/legacy.txt        1       0       0         0\n1 catalogue, 1 record: 0 errors, 0 warnings\n"
    );
}
