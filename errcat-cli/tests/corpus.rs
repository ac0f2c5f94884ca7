//! Every real-world catalogue of tests/corpus (public documents, byte for
//! byte; INDEX.md says where each comes from) against the entries a person
//! wrote down by reading it (tests/corpus/expected/, format in its
//! README.md): every entry read (recall), nothing read that is not one
//! (precision), each code, stated HTTP status, message and name exactly,
//! and the errors the document really has, at their lines.

mod common;

use std::fmt::Write as _;

use common::expected::compare;
use common::workspace;

/// Documents errcat does not read right yet, each with what it misses. A
/// document listed here that reads right fails the test, so the list only
/// shrinks.
const NOT_YET: &[(&str, &str)] = &[
    (
        "75_emqx-mqtt5-cn-control-packet-format.md",
        "a protocol specification whose other enumerations (packet types 0-15) are tables of the same shape as its reason codes: only their titles tell them apart",
    ),
    (
        "95_b24restdocs-system-errors-yfm-table.md",
        "a YFM table (`#|` … `|#`, rows `|| … | … ||` over several lines, a cell holding the code and, on its next line, the message), a table syntax of the Diplodoc tool that no markdown parser reads",
    ),
    (
        "102_zemic-sensorintegration-readme-status-nested.md",
        "a protocol README whose status codes are one nested list (`- `0xFF`: Correct command`), beside command headings (`### 0x0A: Output Setting`) and payload notes in the same `code: text` shape",
    ),
    (
        "103_wht-slave-factory-test-protocol-zh.md",
        "a byte-level protocol specification of some 40 small tables: command IDs, sub-commands and addresses are tables of hex codes and their meanings, as its status tables are; only the headers (`Status` 值) tell them apart",
    ),
    (
        "110_ai-diet-assistant-api-error-codes-headings.md",
        "beside its code headings, a list that classifies codes by range holds one exact code (`- **0**: 成功` among `**40xxx**`), an example list starts a sentence with a number (`- 1 分钟内…`), and a table of user hints restates every code",
    ),
    (
        "113_hrpc-protocol-errors-identifiers.md",
        "dotted identifiers in code spans (`hrpc.not-found`) under an `Identifier` header are the codes, and a later `Identifier | Status` table gives each its HTTP status: neither the column nor the merge of a table that only adds a status is read",
    ),
    (
        "118_questionplanet-errors-code-lines.md",
        "endpoint headings numbered like codes (`## 101 user_register`), whose sections hold the real code lines (`1011：用户名不合法`): the headings are read as records, and the first line under `## 100 system` as its description",
    ),
    (
        "121_velocity-apispec-errors-route-bullets.md",
        "an introduction explains the digits of a code in items of the record shape (``- `4`: PATCH`` after `The next digit indicates the method:`), which only its words tell apart from codes: 0 and 1 of another page's own section are its codes",
    ),
    (
        "127_dsoftbus-go-coap-readme-go-const.md",
        "beside its error-code constants (under `### 错误码`), Go `const` blocks of ports and option numbers and a device-type table in the same shapes: only the headings over them say they are no codes",
    ),
    (
        "128_gprs-c-sdk-doc-fs-define-err.md",
        "its `#define ERR_FS_… -4200001` codes are read, and the flags its API reference defines one a heading are not, but an item of a function's parameters (`* pDevName:设备名：…` under `##### 参数`) is read as a bullet record without a code",
    ),
    (
        "131_mobilepay-error-codes-http-headings.md",
        "placeholders in single-underscore emphasis (`{_idempotencyKey_}`), which the page shows in italics without the underscores: errcat keeps a lone `_` as written, by design, as it keeps `_not em_`",
    ),
    (
        "136_k6-docs-error-codes-range-bullets.md",
        "its codes are read, but not the ranges its list declares (`- 1400-1499 - HTTP 4xx errors`), which code 1701 lies outside of, as the document really has it",
    ),
    (
        "137_centrifugo-codes-heading-fenced-records.md",
        "a heading per code over a bare fence of `Code: 101` and `Message: \"unknown channel\"` lines: each fence is read as a catalogue of its own, the label kept in the message, the heading not taken as the name, and a fence with one key more (`Temporary: true`) not read",
    ),
    (
        "138_walletconnect-sign-error-codes-swift-case.md",
        "pasted Swift `case .invalidMethod: return 1001` lines, the code last after `return`: no shape of a constant errcat reads",
    ),
];

#[test]
fn every_document_reads_as_its_reader_wrote_it_down() {
    let corpus = workspace().join("tests/corpus");
    let mut documents: Vec<String> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".md") || name.ends_with(".txt"))
        .filter(|name| name != "INDEX.md")
        .collect();
    documents.sort();
    assert!(documents.len() >= 49, "{} documents", documents.len());
    let index = std::fs::read_to_string(corpus.join("INDEX.md")).unwrap();
    let mut report = String::new();
    let mut wrong = Vec::new();
    let mut right = 0;
    for document in &documents {
        assert!(
            index.contains(&format!("| {document} |")),
            "INDEX.md names the source of {document}"
        );
        let (entries, read, differences) = compare(
            &corpus.join(document),
            &corpus.join("expected").join(format!("{document}.tsv")),
        );
        let known = NOT_YET.iter().find(|(name, _)| name == document);
        let _ = writeln!(
            report,
            "{document}: {entries} entries, {read} read, {}",
            if differences.is_empty() {
                "right".to_string()
            } else {
                format!("{} differences", differences.len())
            }
        );
        match (differences.is_empty(), known) {
            (true, None) => right += 1,
            (true, Some(_)) => {
                wrong.push(format!("{document} reads right now: take it off NOT_YET"))
            }
            (false, Some(_)) => {}
            (false, None) => wrong.push(format!("{document}:\n  {}", differences.join("\n  "))),
        }
    }
    let _ = writeln!(
        report,
        "{right} of {} documents read right",
        documents.len()
    );
    eprintln!("{report}");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
