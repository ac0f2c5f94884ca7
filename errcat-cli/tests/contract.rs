//! The contract a docs author and CI rely on: whatever `errcat check`
//! accepts, `cargo build` compiles under strict lints; whatever it rejects,
//! it rejects at a line, and the build fails with the same findings.
//!
//! The catalogues are adversarial: records, categories and files named as
//! every Rust keyword, prelude item, runtime item and generated item;
//! crate names as file stems; file names in other scripts and with
//! control characters; nesting past the reader's limits.

mod common;

use std::fs;
use std::path::Path;

use common::service::{BUILD, assert_strict_lints_pass, cargo, manifest, target, text};
use common::{errcat_in, workspace};

/// Every keyword of Rust 2024, strict and reserved, but `self`: `SELF`
/// becomes `Self`, which no identifier can be (it is in the rejected set).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "static", "struct", "super", "trait", "true", "try", "type", "typeof", "union",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// The std prelude's names, and the associated items of the traits a
/// generated `Code` implements (`TryFrom::Error`, `FromStr::Err`, …).
const PRELUDE: &[&str] = &[
    "Some",
    "None",
    "Ok",
    "Err",
    "Option",
    "Result",
    "Box",
    "String",
    "Vec",
    "Default",
    "Copy",
    "Clone",
    "Send",
    "Sync",
    "Sized",
    "Unpin",
    "Drop",
    "Fn",
    "FnMut",
    "FnOnce",
    "Iterator",
    "IntoIterator",
    "DoubleEndedIterator",
    "ExactSizeIterator",
    "Extend",
    "ToString",
    "ToOwned",
    "From",
    "Into",
    "TryFrom",
    "TryInto",
    "AsRef",
    "AsMut",
    "PartialEq",
    "Eq",
    "PartialOrd",
    "Ord",
    "Debug",
    "Display",
    "Hash",
    "Error",
    "Target",
    "Output",
    "Item",
    "FromStr",
];

/// The runtime's public items and the generated code's own (one
/// spelling of each: `ALL` and `all` would both be `All`).
const GENERATED: &[&str] = &[
    "ErrorCode",
    "CodeValue",
    "Catalog",
    "Problem",
    "OwnedCode",
    "UnknownCode",
    "UnknownName",
    "BodyOf",
    "Received",
    "Source",
    "PROBLEM_JSON",
    "Code",
    "Category",
    "Body",
    "ALL",
    "COUNT",
    "CATALOGS",
    "CODES",
    "CODE_FIELD",
    "MESSAGE_FIELD",
    "MESSAGES",
    "NAMES",
    "HTTP_STATUSES",
    "LINES",
    "lookup",
    "from_code",
    "from_name",
    "message",
    "name",
    "http_status",
    "source_line",
    "index",
];

/// A fenced constant list naming one record after each name.
fn constants(names: impl IntoIterator<Item = String>, first: u32) -> String {
    let mut text = String::from("```\n");
    for (i, name) in names.into_iter().enumerate() {
        text.push_str(&format!("// 说明 {i}\n{name} = {}\n", first + i as u32));
    }
    text + "```\n"
}

const RECORD: &str = "- HttpCode: 400\n- ErrorCode: 40000001\n- 中文名称: 参数错误\n";

/// The catalogues `check` accepts.
fn write_accepted(catalogs: &Path) {
    let keywords = KEYWORDS.iter().map(|k| k.to_uppercase());
    fs::write(catalogs.join("keywords.md"), constants(keywords, 10001)).unwrap();
    let prelude = PRELUDE.iter().map(|n| n.to_string());
    fs::write(catalogs.join("prelude.md"), constants(prelude, 10001)).unwrap();
    let generated = GENERATED.iter().map(|n| n.to_string());
    fs::write(catalogs.join("generated.md"), constants(generated, 10001)).unwrap();

    // Categories named as prelude items, one named as another's range.
    let mut categories = String::from("| 范围 | 名称 | 说明 |\n|---|---|---|\n");
    let names = [
        "Some",
        "None",
        "Error",
        "Code",
        "Range2xxx",
        "Category",
        "Self_",
        "All",
    ];
    for (i, name) in names.iter().enumerate() {
        categories.push_str(&format!("| {}xxx | {name} | 类别 {i} |\n", i + 1));
    }
    categories.push_str("\n| 错误码 | 说明 |\n|---|---|\n");
    for i in 1..=names.len() {
        categories.push_str(&format!("| {i}001 | 错误 {i} |\n"));
    }
    fs::write(catalogs.join("categories.md"), categories).unwrap();

    // Stems that are crates, keywords, the registry's items, or no ASCII.
    for stem in [
        "错误码",
        "std",
        "core",
        "alloc",
        "errcat",
        "serde",
        "http",
        "axum",
        "catalog",
        "code",
        "lookup",
        "self",
        "type",
        "CATALOGS",
        "__errcat_lookup",
        "wire",
        "problem",
    ] {
        fs::write(catalogs.join(format!("{stem}.md")), RECORD).unwrap();
    }
    // Messages in a language errcat cannot tell, with a translation.
    fs::write(
        catalogs.join("unbestimmt.md"),
        "| Code | Meldung | Meldung (en) |\n|---|---|---|\n| 1 | Benutzer unbekannt | Unknown user |\n| 2 | Ungültig | Invalid |\n",
    )
    .unwrap();
    // A body example whose field names hold a direction override and a
    // carriage return, escaped in JSON.
    fs::write(
        catalogs.join("body.md"),
        "```json\n{\"Code\\u202e\": XXX, \"Msg\\r\": \"XXX\"}\n```\n\n".to_string() + RECORD,
    )
    .unwrap();
    // File names with control characters, where the file system has them.
    if cfg!(unix) {
        fs::write(catalogs.join("cr\rin.md"), RECORD).unwrap();
        fs::write(catalogs.join("rtl\u{202e}in.md"), RECORD).unwrap();
    }
}

/// The service's own code names std, core, alloc and errcat at its root,
/// beside the generated modules: none may shadow them.
const LIB: &str = r#"//! A service with adversarial catalogues.
#![forbid(unsafe_code)]
#![deny(missing_docs, warnings)]

extern crate alloc;

use alloc::string::String;
use core::fmt::Write;
use errcat::ErrorCode;
use std::collections::HashMap;

include!(concat!(env!("OUT_DIR"), "/errcat.rs"));

/// The prelude catalogue's messages, by code, through the crates named
/// beside the generated modules.
#[must_use]
pub fn messages() -> HashMap<u32, String> {
    let mut messages = HashMap::new();
    for code in prelude::Code::all() {
        let mut message = String::new();
        let _ = write!(message, "{}", ErrorCode::message(code));
        messages.insert(code.code(), message);
    }
    messages
}
"#;

const PROBE: &str = r#"//! Every catalogue, its codes and the messages they answer with.
use contract_accepted::{categories, generated, keywords, prelude};
use errcat::ErrorCode;

fn main() {
    for catalog in contract_accepted::CATALOGS {
        let codes: Vec<String> = catalog.codes().map(|c| format!("{}={}", c.code(), c.name())).collect();
        println!("{} {}", catalog.name(), codes.join(" "));
    }
    let named = [keywords::Code::Type, keywords::Code::Fn, keywords::Code::Crate];
    println!("{named:?}");
    let named = [prelude::Code::Err, prelude::Code::Error, prelude::Code::Some, prelude::Code::FromStr];
    println!("{named:?}");
    let named = [generated::Code::Code, generated::Code::ErrorCode, generated::Code::Catalogs];
    println!("{named:?}");
    let categories = [categories::Category::Some, categories::Category::Range2xxx, categories::Category::Error];
    println!("{:?}", categories.map(|c| c.name()));
    let some = prelude::Code::Some;
    println!("{} {} {}", some.code(), some.message(), ErrorCode::http_status(&some));
}
"#;

#[test]
fn what_check_accepts_builds_under_strict_lints() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("contract_accepted");
    fs::create_dir_all(root.join("src/bin")).unwrap();
    fs::create_dir_all(root.join("catalogs")).unwrap();
    let manifest = manifest("contract_accepted") + "\n[workspace]\n";
    fs::write(root.join("Cargo.toml"), manifest).unwrap();
    fs::copy(workspace().join("Cargo.lock"), root.join("Cargo.lock")).unwrap();
    fs::write(root.join("build.rs"), BUILD).unwrap();
    fs::write(root.join("src/lib.rs"), LIB).unwrap();
    fs::write(root.join("src/bin/probe.rs"), PROBE).unwrap();
    write_accepted(&root.join("catalogs"));

    let check = errcat_in(&root, &["check", "--message-format", "json"]);
    assert_eq!(check.status, 0, "{}\n{}", check.stdout, check.stderr);
    assert!(
        !check.stdout.contains("\"level\":\"error\""),
        "{}",
        check.stdout
    );

    assert_strict_lints_pass(&root);

    let run = cargo(&root, &["run", "--bin", "probe"], &[]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    let stdout = text(&run.stdout);
    let catalogues = stdout.lines().take_while(|l| !l.starts_with('['));
    let modules: Vec<&str> = catalogues
        .filter_map(|l| l.split_once(' ').map(|(name, _)| name))
        .collect();
    let mut expected = vec![
        "alloc_catalog",
        "axum_catalog",
        "body",
        "catalog",
        "catalogs",
        "categories",
        "code",
        "core_catalog",
        "cuo_wu_ma",
        "errcat_catalog",
        "errcat_lookup",
        "generated",
        "http_catalog",
        "keywords",
        "lookup",
        "prelude",
        "problem",
        "self_",
        "serde_catalog",
        "std_catalog",
        "type_",
        "unbestimmt",
        "wire",
    ];
    if cfg!(unix) {
        expected.extend(["cr_in", "rtl_in"]);
    }
    expected.sort_unstable();
    assert_eq!(modules, expected, "{stdout}");
    let keywords = stdout.lines().find(|l| l.starts_with("keywords ")).unwrap();
    assert!(keywords.contains(" 10001=ABSTRACT "), "{keywords}");
    assert!(keywords.ends_with(" 10051=YIELD"), "{keywords}");
    let prelude = stdout.lines().find(|l| l.starts_with("prelude ")).unwrap();
    assert!(prelude.contains(" 10004=Err 10005=Option "), "{prelude}");
    let tail: Vec<&str> = stdout.lines().skip(modules.len()).collect();
    assert_eq!(
        tail,
        [
            "[Type, Fn, Crate]",
            "[Err, Error, Some, FromStr]",
            "[Code, ErrorCode, Catalogs]",
            "[\"Some\", \"Range2xxx\", \"Error\"]",
            "10001 说明 0 500",
        ]
    );

    let docs = target().join("doc/contract_accepted/body/struct.Body.html");
    let page = fs::read_to_string(docs).unwrap();
    assert!(
        !page.contains('\u{202e}'),
        "no direction override in the docs"
    );
    assert!(!page.contains('\r'), "no carriage return in the docs");
}

/// The catalogues `check` rejects, each problem at its line.
fn write_rejected(catalogs: &Path) {
    fs::write(catalogs.join("ok.md"), RECORD).unwrap();
    fs::write(
        catalogs.join("self_name.md"),
        constants(["SELF".to_string()], 1),
    )
    .unwrap();
    fs::write(catalogs.join("catalog.md"), RECORD).unwrap();
    fs::write(catalogs.join("{}{{.md"), RECORD).unwrap();
    let indent = " ".repeat(16_000);
    let deep = RECORD
        .lines()
        .map(|l| format!("{indent}{l}\n"))
        .collect::<String>();
    fs::write(catalogs.join("deep.md"), deep).unwrap();
    fs::write(
        catalogs.join("conflict.md"),
        format!(
            "{RECORD}<<<<<<< HEAD\n---\n- HttpCode: 400\n- ErrorCode: 40000002\n- 中文名称: 甲\n=======\n---\n- HttpCode: 400\n- ErrorCode: 40000003\n- 中文名称: 乙\n>>>>>>> branch\n"
        ),
    )
    .unwrap();
    fs::write(
        catalogs.join("catalogs.toml"),
        "[[catalog]]\nfile = \"ok.md\"\nname = \"std\"\nbody = { code = \"c\\u202E\", message = \"m\" }\n",
    )
    .unwrap();
}

#[test]
fn what_check_rejects_fails_at_a_line_and_fails_the_build() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("contract_rejected");
    fs::create_dir_all(root.join("src")).unwrap();
    fs::create_dir_all(root.join("catalogs")).unwrap();
    let manifest = manifest("contract_rejected") + "\n[workspace]\n";
    fs::write(root.join("Cargo.toml"), manifest).unwrap();
    fs::copy(workspace().join("Cargo.lock"), root.join("Cargo.lock")).unwrap();
    fs::write(root.join("build.rs"), BUILD).unwrap();
    fs::write(root.join("src/lib.rs"), LIB).unwrap();
    write_rejected(&root.join("catalogs"));

    let check = errcat_in(&root, &["check"]);
    assert_eq!(check.status, 1, "{}\n{}", check.stdout, check.stderr);
    let mut errors: Vec<&str> = check
        .stderr
        .lines()
        .filter(|l| l.contains(": error["))
        .map(|l| l.split_once(": error[").map_or(l, |(at, _)| at))
        .collect();
    errors.sort_unstable();
    assert_eq!(
        errors,
        [
            "catalogs/catalogs.toml:3:8",
            "catalogs/catalogs.toml:4:17",
            "catalogs/conflict.md:4:1",
            "catalogs/deep.md:1:16001",
            "catalogs/self_name.md:3:1",
            "catalogs/{}{{.md:1:3",
        ],
        "{}",
        check.stderr
    );

    let build = cargo(&root, &["build"], &[]);
    assert!(!build.status.success());
    let stderr = text(&build.stderr);
    for at in &errors {
        assert!(stderr.contains(at), "the build reports {at}: {stderr}");
    }
}
