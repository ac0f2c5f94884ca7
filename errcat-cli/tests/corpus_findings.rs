//! The first ten real-world catalogues of tests/corpus, run through
//! `errcat check` and `dump` as a user would: exit status, records and
//! every finding. (tests/corpus.rs holds every document to the entries its
//! reader wrote down.)

mod common;

use common::{errcat_in, workspace};

/// Each file: exit status, records, and its findings as `line level[id]`.
const EXPECTED: &[(&str, i32, usize, &[&str])] = &[
    (
        // Numeric 错误ID as the code, the `ERR_…` column as the name; row 2
        // has a sixth, unlabelled cell; twelve rows leave 触发条件 empty; 44
        // and 45 share their message.
        "02_cranesched-error_code-zh.md",
        0,
        110,
        &[
            "6 warning[malformed-row]",
            "44 warning[missing-message]",
            "49 warning[duplicate-message]",
            "54 warning[missing-message]",
            "57 warning[missing-message]",
            "58 warning[missing-message]",
            "59 warning[missing-message]",
            "60 warning[missing-message]",
            "62 warning[missing-message]",
            "63 warning[missing-message]",
            "64 warning[missing-message]",
            "67 warning[missing-message]",
            "68 warning[missing-message]",
            "75 warning[missing-message]",
        ],
    ),
    // Category rows (`|通用`) open sections; 30007 and 30010 share a message.
    (
        "03_neuqer-vote-errcode.md",
        0,
        22,
        &["23 warning[duplicate-message]"],
    ),
    // A C++ enum body counting down from 0, `// 分组` comments as sections.
    ("06_ymvideosdk-errcode-table.md", 0, 36, &[]),
    // Chinese and English descriptions side by side.
    ("07_winter_item-errcode.md", 0, 36, &[]),
    // CRLF; range lines under headings.
    ("10_czrjs-Error_Code-crlf.md", 0, 3, &[]),
    // The code-structure table is not read; `| - | - | - |` rulers are skipped.
    (
        "14_ok-family-ErrorCode-weibo.md",
        0,
        142,
        &["139 warning[duplicate-message]"],
    ),
    // GBK Java constants with javadoc: 1005 and 1009 are defined twice. Its
    // five-digit codes run 10001, 10006, 10008, 10007, 10002, …: three of
    // eight out of place is an order of the document's own, no stray.
    (
        "16_jxsk-errcode-java-const-gbk.txt",
        1,
        15,
        &[
            "1 warning[non-utf8]",
            "47 error[duplicate-code]",
            "72 error[duplicate-code]",
        ],
    ),
    // `###User`; table rows after a blank line; plain `4052 …` lines, two
    // without a message. (INDEX.md counts 28; the file lists 30 codes:
    // 22 table rows, 4051, 4052-4056 and the rows 4057 and 4058.)
    (
        "22_like-backend-Error-Code.md",
        0,
        30,
        &["30 warning[missing-message]", "31 warning[missing-message]"],
    ),
    // Range headings, two of which overlap; an HTTP column and a trailing
    // HTTP status table that is the file's status reference.
    (
        "26_music_back-errcode-spec-ranges.md",
        0,
        81,
        &["133 warning[overlapping-ranges]"],
    ),
    // Rows indented eight spaces still belong to the table; negative codes.
    (
        "27_ktx-api-zh-errors-indented-f4c8a0c.md",
        0,
        30,
        &[
            "22 warning[duplicate-message]",
            "24 warning[duplicate-message]",
        ],
    ),
];

#[test]
fn every_corpus_file_reads_with_exactly_its_findings() {
    let corpus = workspace().join("tests/corpus");
    for (file, status, records, findings) in EXPECTED {
        let run = errcat_in(&corpus, &["check", file]);
        assert!(!run.stderr.contains("panicked"), "{file}: {}", run.stderr);
        let found: Vec<String> = run
            .stderr
            .lines()
            .filter(|l| l.contains(": error[") || l.contains(": warning["))
            .map(|l| {
                let mut parts = l.splitn(4, ':');
                let (_, line, _, rest) = (
                    parts.next(),
                    parts.next().unwrap(),
                    parts.next(),
                    parts.next().unwrap(),
                );
                format!("{line} {}", rest.trim_start().split(':').next().unwrap())
            })
            .collect();
        assert_eq!(found, *findings, "{file}:\n{}", run.stderr);
        assert_eq!(run.status, *status, "{file}");
        let summary = run.stdout.lines().last().unwrap();
        assert!(
            summary.starts_with(&format!("1 catalogue, {records} records:")),
            "{file}: {summary}"
        );

        // The dump holds every record.
        let dump = errcat_in(&corpus, &["dump", file]);
        let json: serde_json::Value = serde_json::from_str(&dump.stdout).unwrap();
        assert_eq!(
            json["catalogs"][0]["entries"].as_array().unwrap().len(),
            *records,
            "{file}"
        );
    }
}

#[test]
fn corpus_records_read_as_written() {
    let corpus = workspace().join("tests/corpus");
    let entries = |file: &str| {
        let dump = errcat_in(&corpus, &["dump", file]);
        let json: serde_json::Value = serde_json::from_str(&dump.stdout).unwrap();
        json["catalogs"][0]["entries"].as_array().unwrap().clone()
    };
    let pick = |e: &serde_json::Value| {
        format!(
            "{} {} {} {} {}",
            e["code"], e["name"], e["http_status"], e["message"], e["section"]
        )
    };
    let e = entries("02_cranesched-error_code-zh.md");
    assert_eq!(
        pick(&e[0]),
        r#"1 "ERR_INVALID_UID" 500 "尝试操作的用户 UID 在系统中未注册或已被删除" "错误码参考""#
    );
    let e = entries("03_neuqer-vote-errcode.md");
    // The exception column names the records (as tests/corpus/expected has it).
    assert_eq!(
        pick(&e[1]),
        r#"10001 "PasswordErrorException" 500 "密码错误" "用户""#
    );
    let e = entries("06_ymvideosdk-errcode-table.md");
    assert_eq!(
        pick(&e[1]),
        r#"-1 "YOUME_ERROR_API_NOT_SUPPORTED" 500 "正在使用的SDK不支持特定的API" "参数和状态检查""#
    );
    assert_eq!(
        pick(&e[35]),
        r#"-1000 "YOUME_ERROR_UNKNOWN" 500 "未知错误" "连麦错误""#
    );
    let e = entries("16_jxsk-errcode-java-const-gbk.txt");
    assert_eq!(
        pick(&e[0]),
        r#"10001 "NOT_AUTHENTICATION" 500 "用户未登录" null"#
    );
    let e = entries("22_like-backend-Error-Code.md");
    assert_eq!(pick(&e[0]), r#"4010 "E4010" 500 "Invalid Mobile" "User""#);
    assert_eq!(
        pick(&e[23]),
        r#"4052 "E4052" 500 "invalid.socialProvider" "User""#
    );
    assert_eq!(pick(&e[29]), r#"4058 "E4058" 500 "Tag Subscribe" "User""#);
    let e = entries("26_music_back-errcode-spec-ranges.md");
    assert_eq!(pick(&e[0]), r#"0 "E0" 200 "操作成功" "0 - 成功""#);
    assert_eq!(e[2]["category"], "通用错误");
    let e = entries("27_ktx-api-zh-errors-indented-f4c8a0c.md");
    assert_eq!(
        pick(&e[17]),
        r#"-21004 "EMinus21004" 500 "MISSING_HEADER =" "错误码""#
    );
}
