//! Catalogue files and catalogs.toml through the whole pipeline.

use errcat_build::model::PartOrigin;
use errcat_build::{Analysis, Builder, Failure, Level, Project};

fn analyze(files: &[(&str, &str)], config: Option<&str>) -> Analysis {
    let mut project = Project::new();
    for (path, text) in files {
        project.add_file(path, text.as_bytes().to_vec());
    }
    if let Some(config) = config {
        project.add_config("catalogs", config.as_bytes().to_vec());
    }
    project.analyze()
}

/// `line:col level[id]` of every finding.
fn findings(analysis: &Analysis) -> Vec<String> {
    analysis
        .diagnostics
        .iter()
        .map(|d| {
            let source = analysis.model.source(d.span.file);
            let (line, column) = source.position(d.span);
            format!(
                "{}:{line}:{column} {}[{}]",
                source.path(),
                d.level,
                d.lint.id
            )
        })
        .collect()
}

const TWO_PARTS: &str = "\
### 400错误类型
- HttpCode: 400
- ErrorCode: 40000001
- 中文名称: 第一版

```
- HttpCode: 400
- ErrorCode: 40000001
- 中文名称: 第二版
- HttpCode: 400
- ErrorCode: 40000002
- 中文名称: 第二版
```
";

#[test]
fn parts_are_named_after_the_file_in_order_of_their_first_record() {
    let analysis = analyze(&[("catalogs/user-center.md", TWO_PARTS)], None);
    let names: Vec<(&str, u32, usize)> = analysis
        .model
        .catalogs
        .iter()
        .map(|c| (c.name.as_str(), c.part, c.entries.len()))
        .collect();
    assert_eq!(names, [("user_center", 1, 1), ("user_center_2", 2, 2)]);
    assert_eq!(analysis.model.catalogs[0].origin, PartOrigin::Document);
    let PartOrigin::CodeBlock { span } = analysis.model.catalogs[1].origin else {
        panic!("the second part is the code block");
    };
    assert_eq!(analysis.model.line_of(span), 6);
    // The fence does not see the heading above it, and its codes do not
    // collide with the first part's.
    assert_eq!(analysis.model.catalogs[1].entries[0].section, None);
    assert_eq!(
        findings(&analysis),
        ["catalogs/user-center.md:12:9 warning[duplicate-message]"]
    );
}

#[test]
fn catalogs_toml_names_parts_and_sets_levels() {
    let config = r#"
[lints]
duplicate-message = "allow"
missing-message = "error"

[[catalog]]
file = "user-center.md"
part = 2
name = "user_center_v2"
lints = { duplicate-message = "warn" }
"#;
    let analysis = analyze(&[("catalogs/user-center.md", TWO_PARTS)], Some(config));
    let names: Vec<&str> = analysis
        .model
        .catalogs
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["user_center", "user_center_v2"]);
    // The catalogue's own level wins over the folder's.
    assert_eq!(
        findings(&analysis),
        ["catalogs/user-center.md:12:9 warning[duplicate-message]"]
    );

    let with_missing = TWO_PARTS.replace("- 中文名称: 第一版\n", "");
    let analysis = analyze(&[("catalogs/user-center.md", &with_missing)], Some(config));
    assert_eq!(
        findings(&analysis),
        [
            "catalogs/user-center.md:3:14 error[missing-message]",
            "catalogs/user-center.md:11:9 warning[duplicate-message]"
        ]
    );
}

#[test]
fn catalogs_toml_entries_that_match_nothing_are_errors() {
    let config = "[[catalog]]\nfile = \"user-center.md\"\npart = 3\n\n[[catalog]]\nfile = \"gone.md\"\nname = \"Gone\"\n";
    let analysis = analyze(&[("catalogs/user-center.md", TWO_PARTS)], Some(config));
    let messages: Vec<String> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.lint.id == "invalid-config")
        .map(|d| {
            let (line, column) = analysis.model.source(d.span.file).position(d.span);
            format!("{line}:{column} {}", d.message)
        })
        .collect();
    assert_eq!(
        messages,
        [
            "3:8 `user-center.md` has no part 3 (it has 2 parts with records)",
            "6:8 `gone.md` names no catalogue file in this folder",
        ]
    );
    assert!(analysis.has_errors());
}

#[test]
fn two_symbolic_codes_of_one_constant_are_a_duplicate_identifier() {
    // Neither record has a name: each symbol names its own constant, and
    // both become `DocumentNotFound`, which would be defined twice.
    let table = "\
| Code | Message |
|---|---|
| `DocumentNotFound` | The document was not found. |
| `document_not_found` | No such document. |
";
    let analysis = analyze(&[("catalogs/docs.md", table)], None);
    assert_eq!(
        findings(&analysis),
        ["catalogs/docs.md:4:1 error[duplicate-identifier]"],
        "{}",
        analysis.render(false)
    );
}

#[test]
fn a_row_label_read_twice_gets_a_constant_from_a_symbolic_code() {
    // The second `Random` adds its code, whose `-` and `.` no identifier
    // holds.
    let table = "\
| Code | Name | Message |
|---|---|---|
| RN-01 | Random | The first. |
| RN-02.1 | Random | The second. |
";
    let analysis = analyze(&[("catalogs/docs.md", table)], None);
    assert!(!analysis.has_errors(), "{}", analysis.render(false));
    let code = errcat_build::emit::emit(&analysis.model, &Default::default()).unwrap();
    assert!(code.contains("pub const Random: Code"), "{code}");
    assert!(code.contains("pub const RandomRN_02_1: Code"), "{code}");
}

#[test]
fn a_row_label_read_twice_takes_no_constant_of_a_later_record() {
    // The second `Foo` would be `FooA2`, the constant of the record below.
    let catalogue = "\
| Code | Name | Message |
|---|---|---|
| A1 | Foo | One. |
| A2 | Foo | Two. |

## More

- Code: A3
- Name: FooA2
- Message: Three.
";
    let analysis = analyze(&[("catalogs/docs.md", catalogue)], None);
    assert!(!analysis.has_errors(), "{}", analysis.render(false));
    let code = errcat_build::emit::emit(&analysis.model, &Default::default()).unwrap();
    let constants: Vec<&str> = (code.lines())
        .filter_map(|l| l.trim().strip_prefix("pub const ")?.split_once(": Code ="))
        .map(|(constant, _)| constant)
        .collect();
    assert_eq!(constants, ["Foo", "FooA2_2", "FooA2"], "{code}");
}

#[test]
fn two_numbers_of_one_value_in_a_catalogue_of_symbols_are_a_duplicate_identifier() {
    // A catalogue of symbols keeps numbers as written: `0004` and `4` are
    // two codes, and both unnamed records become `E4`.
    let list = "\
- `URA0030`: A symbol.
- `URA0031`: Another.
- `URA0032`: A third.
- `0004`: Padded.
- `4`: Plain.
";
    let analysis = analyze(&[("catalogs/docs.md", list)], None);
    assert_eq!(
        findings(&analysis),
        ["catalogs/docs.md:5:3 error[duplicate-identifier]"],
        "{}",
        analysis.render(false)
    );
}

#[test]
fn two_catalogues_may_not_share_a_name() {
    let record = "- HttpCode: 400\n- ErrorCode: 40000001\n- 中文名称: x\n";
    let analysis = analyze(
        &[
            ("catalogs/a/users.md", record),
            ("catalogs/b/users.md", record),
        ],
        None,
    );
    assert_eq!(
        findings(&analysis),
        ["catalogs/b/users.md:1:3 error[duplicate-identifier]"]
    );
    assert!(
        analysis.diagnostics[0]
            .message
            .contains("two catalogues are named `users`")
    );
}

#[test]
fn the_go_status_block_of_the_console_seed_is_a_status_reference() {
    let text = std::fs::read_to_string("../catalogs/console.md").unwrap();
    let analysis = analyze(&[("console.md", &text)], None);
    let reference = analysis.model.files[0]
        .status_reference
        .as_ref()
        .expect("a status reference");
    assert_eq!(reference.statuses.len(), 46);
    assert_eq!(analysis.model.line_of(reference.span), 2);
    let not_found = reference.get(404).unwrap();
    assert_eq!(not_found.name.as_deref(), Some("StatusNotFound"));
    assert_eq!(not_found.description.as_deref(), Some("请求不存在"));
    assert_eq!(analysis.model.line_of(reference.get(422).unwrap().span), 42);
    assert_eq!(
        reference.get(429).unwrap().name.as_deref(),
        Some("statusTooManyRequests")
    );
    assert_eq!(reference.get(418).unwrap().description, None);
    // The block gives no records: the statuses are not error codes.
    assert!(
        analysis
            .model
            .catalogs
            .iter()
            .all(|c| c.entries.iter().all(|e| e.code_value() > Some(1000)))
    );
}

#[test]
fn a_code_block_of_other_constants_is_a_constant_list_not_a_status_reference() {
    // Status-like names with error-code values, and status values under
    // other names: both are constant lists.
    let text = "```\nStatusInvalid = 10001\nStatusGone = 410\n```\n\n```\nNOT_FOUND = 404\n```\n";
    let analysis = analyze(&[("a.md", text)], None);
    assert_eq!(analysis.model.files[0].status_reference, None);
    let catalogs: Vec<(&str, Vec<&str>)> = analysis
        .model
        .catalogs
        .iter()
        .map(|c| {
            (
                c.name.as_str(),
                c.entries
                    .iter()
                    .map(|e| e.name.as_ref().unwrap().as_str())
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        catalogs,
        [
            ("a", vec!["StatusInvalid", "StatusGone"]),
            ("a_2", vec!["NOT_FOUND"])
        ]
    );
}

#[test]
fn a_code_block_that_assigns_now_and_then_is_code_and_a_list_opens_its_sections() {
    // Two assignments among five other lines: code, not a list, so none of
    // it is a record; the list after it keeps its sections in order.
    let code =
        "```go\nfunc f() {\n\tx = 1\n\tif x > 0 {\n\t\treturn\n\t}\n\ty = 2 // two\n}\n```\n";
    let list = "```\n// 参数检查\nA = 10001 // 参数错误\nB = 10002 // 缺少参数\n\n// 状态\nC = 10101 // 状态错误\n```\n";
    let analysis = analyze(&[("a.md", &format!("{code}\n{list}"))], None);
    let records: Vec<Vec<(&str, &str, &str)>> = (analysis.model.catalogs.iter())
        .map(|catalog| {
            (catalog.entries.iter())
                .map(|e| {
                    (
                        e.name.as_ref().unwrap().as_str(),
                        e.message.as_ref().unwrap().as_str(),
                        catalog.section(e).map_or("", |s| s.title.as_str()),
                    )
                })
                .collect()
        })
        .collect();
    assert_eq!(
        records,
        [vec![
            ("A", "参数错误", "参数检查"),
            ("B", "缺少参数", "参数检查"),
            ("C", "状态错误", "状态"),
        ]]
    );
}

#[test]
fn a_comment_over_a_list_of_constants_without_others_heads_it() {
    let messages = |block: &str| -> Vec<(String, Option<String>)> {
        let analysis = analyze(&[("a.md", &format!("```cpp\n{block}```\n"))], None);
        (analysis.model.catalogs[0].entries.iter())
            .map(|e| {
                (
                    e.name.as_ref().unwrap().as_str().to_string(),
                    e.message.as_ref().map(|m| m.as_str().to_string()),
                )
            })
            .collect()
    };
    let of = |pairs: &[(&str, Option<&str>)]| -> Vec<(String, Option<String>)> {
        (pairs.iter())
            .map(|(n, m)| (n.to_string(), m.map(str::to_string)))
            .collect()
    };
    // The one comment, over the first of several: the list's.
    assert_eq!(
        messages(
            "// status codes\nconstexpr Status SUCCESS = 0U;\nconstexpr Status FAILED = 503900U;\n"
        ),
        of(&[("SUCCESS", None), ("FAILED", None)])
    );
    // Another constant has a comment too: each is its constant's.
    assert_eq!(
        messages("// 成功\nOK = 0\nFAIL = 1 // 失败\n"),
        of(&[("OK", Some("成功")), ("FAIL", Some("失败"))])
    );
    // One constant alone keeps the comment above it.
    assert_eq!(messages("// 成功\nOK = 0\n"), of(&[("OK", Some("成功"))]));
}

#[test]
fn a_list_saying_what_each_field_holds_is_no_record_and_bold_labels_end_after_their_colon() {
    let text = "* **Component**: The related service\n* **Error Code:** The numeric code of the extended error\n* **Notes:** The human readable description\n* **HTTP Status Code:** The server level response\n\n---\n\n- **HttpCode:** 404\n- **ErrorCode:** 40400001\n- **Message:** `Not Found`\n";
    let analysis = analyze(&[("a.md", text)], None);
    let entries = &analysis.model.catalogs[0].entries;
    let read: Vec<(Option<i64>, Option<u16>, &str)> = (entries.iter())
        .map(|e| {
            (
                e.code_value(),
                e.http_status.as_ref().and_then(|s| s.value()),
                e.message.as_ref().map_or("", |m| m.as_str()),
            )
        })
        .collect();
    assert_eq!(read, [(Some(40400001), Some(404), "Not Found")]);
    assert_eq!(findings(&analysis), Vec::<String>::new());
}

#[test]
fn a_column_empty_beside_every_code_is_not_the_message() {
    // `Component` labels the groups on their range rows only; `Notes`,
    // though its header names advice, is the only text beside the codes.
    let text = "| Component | Error Code | Notes | HTTP Status Code | Corrective Action |\n|---|---|---|---|---|\n| *API Service* | *1000-1999* | | | |\n| | 1000 | OK | 200 | |\n| | 1100 | permission denied | 403 | check API key, retry |\n| *Mail* | *2000-2999* | | | |\n| | 2001 | invalid recipient | 422 | fix and retry |\n";
    let analysis = analyze(&[("a.md", text)], None);
    let entries = &analysis.model.catalogs[0].entries;
    let read: Vec<(Option<i64>, &str)> = (entries.iter())
        .map(|e| {
            (
                e.code_value(),
                e.message.as_ref().map_or("", |m| m.as_str()),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            (Some(1000), "OK"),
            (Some(1100), "permission denied"),
            (Some(2001), "invalid recipient")
        ]
    );
}

#[test]
fn a_title_per_code_with_its_fields_under_it_is_a_record() {
    // Level-1 titles that name a code as one; the title of the document
    // names none. The lines under each are fields, named in Spanish.
    let text = "# Errores de la API\n\n# Código: ERR1_T05\n\nDescripción: Error desconocido del servidor\nHTTP: 500\n\n# Código: ERR2_T05\n\nDescripción: Usuario no encontrado\nHTTP: 404\n";
    let analysis = analyze(&[("a.md", text)], None);
    let read: Vec<(&str, Option<u16>, &str)> = (analysis.model.catalogs[0].entries.iter())
        .map(|e| {
            (
                e.code_text().unwrap(),
                e.http_status.as_ref().and_then(|s| s.value()),
                e.message.as_ref().map_or("", |m| m.as_str()),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            ("ERR1_T05", Some(500), "Error desconocido del servidor"),
            ("ERR2_T05", Some(404), "Usuario no encontrado")
        ]
    );
    assert_eq!(findings(&analysis), Vec::<String>::new());
}

#[test]
fn a_go_status_block_is_a_status_reference_not_constants() {
    let text =
        "```go\nconst (\n\t// the usual ones\n\tStatusOK = 200\n    statusTeapot = 418\n)\n```\n";
    let analysis = analyze(&[("a.md", text)], None);
    let reference = analysis.model.files[0]
        .status_reference
        .as_ref()
        .expect("a reference");
    let statuses: Vec<u16> = reference.statuses.iter().map(|s| s.status).collect();
    assert_eq!(statuses, [200, 418]);
    assert!(analysis.model.catalogs.is_empty());
}

#[test]
fn statuses_outside_the_files_reference_are_findings_with_the_reference_noted() {
    let text = "```go\nStatusBadRequest = 400\n```\n\n- HttpCode: 401\n- ErrorCode: 40100001\n- 中文名称: x\n";
    let analysis = analyze(&[("a.md", text)], None);
    assert_eq!(
        findings(&analysis),
        ["a.md:5:13 error[invalid-http-status]"]
    );
    let d = &analysis.diagnostics[0];
    assert_eq!(d.notes[0].span.map(|s| analysis.model.line_of(s)), Some(1));
    assert_eq!(d.notes[1].message, "documented statuses: 400");
}

#[test]
fn lowered_levels_turn_an_error_into_a_warning() {
    let config = "[lints]\nhttp-prefix-mismatch = \"warn\"\n";
    // Two of three codes start with their status: the other is the mistake.
    let text = "- HttpCode: 400\n- ErrorCode: 40000001\n- 中文名称: x\n---\n- HttpCode: 400\n- ErrorCode: 40400002\n- 中文名称: y\n---\n- HttpCode: 404\n- ErrorCode: 40400003\n- 中文名称: z\n";
    let analysis = analyze(&[("catalogs/a.md", text)], Some(config));
    assert_eq!(
        findings(&analysis),
        ["catalogs/a.md:6:14 warning[http-prefix-mismatch]"]
    );
    assert_eq!(analysis.diagnostics[0].level, Level::Warning);
    assert!(!analysis.has_errors());
}

#[test]
fn codes_are_held_to_their_status_prefix_only_where_most_follow_it() {
    // `1001` with HTTP 400 is this catalogue's numbering, not a mistake.
    let text = "| 错误码 | 说明 | HTTP |\n|---|---|---|\n| 1001 | 参数错误 | 400 |\n| 2001 | 用户不存在 | 404 |\n";
    let analysis = analyze(&[("a.md", text)], None);
    assert_eq!(findings(&analysis), Vec::<String>::new());
}

#[test]
fn the_builder_writes_only_changed_output_and_removes_it_on_errors() {
    let dir = tempfile::tempdir().unwrap();
    let catalogs = dir.path().join("catalogs");
    std::fs::create_dir(&catalogs).unwrap();
    let good = "- HttpCode: 400\n- ErrorCode: 40000001\n- 中文名称: x\n";
    std::fs::write(catalogs.join("a.md"), good).unwrap();
    let builder = Builder::new(&catalogs)
        .out_dir(dir.path())
        .cargo_directives(false);

    let first = builder.run().expect("a clean catalogue builds");
    assert!(first.written);
    let generated = std::fs::read_to_string(&first.path).unwrap();
    assert!(generated.starts_with("// @generated by errcat-build"));
    let second = builder.run().expect("builds again");
    assert!(!second.written, "the same content is not written again");
    assert_eq!(std::fs::read_to_string(&second.path).unwrap(), generated);

    std::fs::write(catalogs.join("a.md"), format!("{good}---\n{good}")).unwrap();
    match builder.run() {
        Err(Failure::Findings {
            rendered, errors, ..
        }) => {
            assert_eq!(errors, 1);
            assert!(
                rendered.contains("a.md:6:14: error[duplicate-code]"),
                "{rendered}"
            );
        }
        other => panic!("expected findings, got {other:?}"),
    }
    assert!(
        !first.path.exists(),
        "no stale file is left to compile against"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, ["catalogs"], "no temporary file is left behind");
}

#[test]
fn emitting_twice_gives_the_same_bytes() {
    let text = std::fs::read_to_string("../catalogs/console.md").unwrap();
    let analysis = analyze(&[("catalogs/console.md", &text)], None);
    let options = errcat_build::emit::EmitOptions::default();
    let a = errcat_build::emit::emit(&analysis.model, &options).unwrap();
    let b = errcat_build::emit::emit(
        &analyze(&[("catalogs/console.md", &text)], None).model,
        &options,
    )
    .unwrap();
    assert_eq!(a, b);
}

#[test]
fn the_k8s_seed_declares_statuses_and_categories_in_tables() {
    let text = std::fs::read_to_string("../catalogs/k8s_api.md").unwrap();
    let analysis = analyze(&[("k8s_api.md", &text)], None);
    let facts = &analysis.model.files[0];
    let reference = facts.status_reference.as_ref().expect("the status table");
    let statuses: Vec<u16> = reference.statuses.iter().map(|s| s.status).collect();
    assert_eq!(
        statuses,
        [
            200, 204, 400, 401, 402, 403, 404, 409, 429, 500, 502, 503, 504
        ]
    );
    // The file's own meaning of 402.
    let failed = reference.get(402).unwrap();
    assert_eq!(failed.name.as_deref(), Some("Request Failed"));
    assert_eq!(failed.description.as_deref(), Some("参数正常但请求失败"));
    assert_eq!(
        reference.get(503).unwrap().name.as_deref(),
        Some("Server Errors")
    );
    assert_eq!(analysis.model.line_of(reference.get(503).unwrap().span), 16);

    let categories: Vec<(&str, &str, i64, i64, bool)> = facts
        .categories
        .iter()
        .map(|c| {
            (
                c.pattern.as_str(),
                c.name.as_str(),
                c.first,
                c.last,
                c.reserved,
            )
        })
        .collect();
    assert_eq!(
        categories,
        [
            ("1xxx", "BaseError", 1000, 1999, false),
            ("2xxx", "PodError", 2000, 2999, false),
            ("3xxx", "DeploymentError", 3000, 3999, false),
            ("4xxx", "ServiceError", 4000, 4999, false),
            ("5xxx", "TerminalError", 5000, 5999, false),
            ("6xxx", "预留", 6000, 6999, true),
            ("7xxx", "预留", 7000, 7999, true),
            ("8xxx", "预留", 8000, 8999, true),
            ("9xxx", "OtherError", 9000, 9999, false),
        ]
    );
    let catalog = &analysis.model.catalogs[0];
    let sections: Vec<(Option<u32>, &str)> = catalog
        .entries
        .iter()
        .map(|e| {
            let section = catalog.section(e).unwrap();
            (
                section.number,
                facts.section_category(section).unwrap().name.as_str(),
            )
        })
        .collect();
    assert_eq!(sections[2], (Some(2), "PodError"));
    assert_eq!(sections[11], (Some(9), "OtherError"));
    assert!(
        analysis.diagnostics.is_empty(),
        "{:?}",
        analysis.diagnostics
    );
}

#[test]
fn a_json_example_sets_the_wire_body() {
    let text = std::fs::read_to_string("../catalogs/api_switch.md").unwrap();
    let analysis = analyze(&[("api_switch.md", &text)], None);
    let body = &analysis.model.catalogs[0].body;
    assert_eq!(
        (body.code_field.as_str(), body.message_field.as_str()),
        ("Code", "Message")
    );
    assert_eq!(
        body.span.map(|s| analysis.model.source(s.file).position(s)),
        Some((6, 1))
    );

    let config = "[[catalog]]\nfile = \"api_switch.md\"\nbody = { code = \"errno\", message = \"errmsg\" }\n";
    let analysis = analyze(&[("catalogs/api_switch.md", &text)], Some(config));
    let body = &analysis.model.catalogs[0].body;
    assert_eq!(
        (body.code_field.as_str(), body.message_field.as_str()),
        ("errno", "errmsg")
    );
}

#[test]
fn two_builds_of_the_same_catalogues_write_the_same_bytes() {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    let build = |out: &std::path::Path| {
        Builder::new("../catalogs")
            .out_dir(out)
            .cargo_directives(false)
            .run()
            .expect("the seeds build")
            .path
    };
    let (a, b) = (build(first.path()), build(second.path()));
    assert_eq!(std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
}

#[test]
fn catalogs_toml_names_columns_over_what_errcat_infers() {
    // By their content and headers, 说明 would be the message.
    let text = "| 编号 | 说明 | 内容 |\n|---|---|---|\n| 1001 | 旧 | 参数错误 |\n| 1002 | 旧 | 用户不存在 |\n";
    let without = analyze(&[("catalogs/a.md", text)], None);
    let inferred: Vec<Option<&str>> = without.model.catalogs[0]
        .entries
        .iter()
        .map(|e| e.message_text())
        .collect();
    assert_eq!(inferred, [Some("旧"), Some("旧")]);
    let config =
        "[[catalog]]\nfile = \"a.md\"\ncolumns = { code = \"编号\", message = \"内容\" }\n";
    let with = analyze(&[("catalogs/a.md", text)], Some(config));
    let read: Vec<(Option<i64>, Option<&str>)> = with.model.catalogs[0]
        .entries
        .iter()
        .map(|e| (e.code_value(), e.message_text()))
        .collect();
    assert_eq!(
        read,
        [
            (Some(1001), Some("参数错误")),
            (Some(1002), Some("用户不存在"))
        ]
    );
    assert_eq!(findings(&with), Vec::<String>::new());

    let wrong = "[[catalog]]\nfile = \"a.md\"\ncolumns = { id = \"编号\" }\n";
    let analysis = analyze(&[("catalogs/a.md", text)], Some(wrong));
    assert!(
        analysis.diagnostics.iter().any(|d| d
            .message
            .starts_with("unknown column `id`; expected code, name, message or http")),
        "{:?}",
        analysis.diagnostics
    );
}

#[test]
fn an_unchanged_output_keeps_its_modification_time_though_it_is_taken_away_during_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let catalogs = dir.path().join("catalogs");
    std::fs::create_dir(&catalogs).unwrap();
    std::fs::write(
        catalogs.join("a.md"),
        "| 错误码 | 说明 |\n|---|---|\n| 1001 | 参数错误 |\n",
    )
    .unwrap();
    let builder = Builder::new(&catalogs)
        .out_dir(dir.path())
        .cargo_directives(false);
    let path = builder.run().unwrap().path;
    let old = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let again = builder.run().unwrap();
    assert!(!again.written);
    assert_eq!(std::fs::metadata(&path).unwrap().modified().unwrap(), old);
}

#[test]
fn a_checked_in_copy_is_verified_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let catalogs = dir.path().join("catalogs");
    std::fs::create_dir(&catalogs).unwrap();
    let text = "| 错误码 | 说明 |\n|---|---|\n| 1001 | 参数错误 |\n";
    std::fs::write(catalogs.join("a.md"), text).unwrap();
    let checked_in = dir.path().join("src");
    std::fs::create_dir(&checked_in).unwrap();
    let builder = Builder::new(&catalogs)
        .out_dir(&checked_in)
        .cargo_directives(false);
    let verify = builder.clone().verify(true);
    assert!(
        matches!(verify.run(), Err(Failure::Stale(_))),
        "nothing checked in yet"
    );
    builder.run().unwrap();
    verify.run().expect("fresh");
    std::fs::write(
        catalogs.join("a.md"),
        format!("{text}| 1002 | 用户不存在 |\n"),
    )
    .unwrap();
    match verify.run() {
        Err(failure @ Failure::Stale(_)) => assert!(
            failure.to_string().ends_with("errcat.rs is not what the catalogues generate now; build without `verify` to regenerate it, and commit it"),
            "{failure}"
        ),
        other => panic!("expected a stale copy, got {other:?}"),
    }
    let generated = std::fs::read_to_string(checked_in.join("errcat.rs")).unwrap();
    assert!(!generated.contains("1002"), "verify writes nothing");
}

#[test]
fn code_attributes_go_on_the_code_of_their_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    let catalogs = dir.path().join("catalogs");
    std::fs::create_dir(&catalogs).unwrap();
    let text = "| 错误码 | 说明 |\n|---|---|\n| 1001 | 参数错误 |\n";
    std::fs::write(catalogs.join("a.md"), text).unwrap();
    std::fs::write(catalogs.join("b.md"), text).unwrap();
    let (code, _) = Builder::new(&catalogs)
        .code_attribute("*", "#[doc(alias = \"Every\")]")
        .code_attribute("b", "#[doc(alias = \"OnlyB\")]")
        .generate()
        .unwrap();
    let struct_line = |module: &str| {
        let at = code.find(&format!("pub mod {module} {{")).unwrap();
        let rest = &code[at..];
        rest[..rest.find("pub struct Code").unwrap()].to_string()
    };
    assert!(struct_line("a").contains("#[doc(alias = \"Every\")]"));
    assert!(!struct_line("a").contains("OnlyB"));
    assert!(struct_line("b").contains("#[doc(alias = \"OnlyB\")]"));
    let broken = Builder::new(&catalogs)
        .code_attribute("*", "derive(Debug")
        .generate();
    match broken {
        Err(Failure::Emit(message)) => assert!(
            message.starts_with("code attribute `derive(Debug` is not"),
            "{message}"
        ),
        other => panic!("expected an emit failure, got {other:?}"),
    }
}

#[test]
fn placeholder_styles_and_translations_are_checked() {
    let text = "\
| 错误码 | 说明 | Message (English) |
|---|---|---|
| 1001 | 名称不能超过{最大长度}个字符 | The name may have at most {max} characters |
| 1002 | {信息}缺失 | missing |
| 1003 | 用户%s不存在 | User %s does not exist |
| 1004 | {a}与{b}冲突 | {a} conflicts with {b} |
| 1005 | 完成度 100% | 100% done |
";
    let analysis = analyze(&[("catalogs/p.md", text)], None);
    assert_eq!(
        findings(&analysis),
        [
            "catalogs/p.md:4:19 warning[translation-placeholders]",
            "catalogs/p.md:5:10 warning[mixed-placeholders]",
        ]
    );
    let messages: Vec<&str> = analysis
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "the `en` message takes 0 of the 1 values its primary message takes",
            "this message's placeholders are written `%s`; the catalogue's are `{name}`",
        ]
    );
}

#[test]
fn records_without_a_status_take_it_from_rules_the_code_or_the_default() {
    let text = "\
## 云盘

| 错误码 | 说明 |
|---|---|
| 10344 | 云盘不存在 |
| 10345 | 云盘已挂载 |

## 其他

| 错误码 | 说明 |
|---|---|
| 10001 | 参数不合法 |
| 40100 | 未登录 |
| 40301 | 无权限 |
";
    let config = "\
[[catalog]]
file = \"v.md\"
http-status-from-code = true
http-status = [
  { code = 10345, status = 409 },
  { section = \"云盘\", status = 404 },
  { codes = \"40300-40399\", status = 451 },
  { section = \"不存在\", status = 400 },
]
";
    let analysis = analyze(&[("catalogs/v.md", text)], Some(config));
    assert_eq!(
        findings(&analysis),
        ["catalogs/catalogs.toml:8:3 error[invalid-config]"]
    );
    assert_eq!(
        analysis.diagnostics[0].message,
        "this rule gives no record of catalogue `v` its status: no record without a status of its own is in section `不存在` that an earlier rule does not already match"
    );
    let model = &analysis.model;
    let catalog = &model.catalogs[0];
    let statuses: Vec<(i64, u16, Option<String>)> = catalog
        .entries
        .iter()
        .map(|e| {
            let (status, origin) = model.status_of(catalog, e);
            (e.code_value().unwrap(), status, origin.describe())
        })
        .collect();
    let origin = |text: &str| Some(text.to_string());
    assert_eq!(
        statuses,
        [
            (10344, 404, origin("catalogs.toml: section `云盘`")),
            (10345, 409, origin("catalogs.toml: code 10345")),
            (10001, 500, origin("catalogue default")),
            (40100, 401, origin("from the code")),
            (40301, 451, origin("catalogs.toml: codes 40300-40399")),
        ]
    );
}

#[test]
fn a_build_script_sets_statuses_after_catalogs_toml() {
    use errcat_build::http_status::StatusMatcher;
    let dir = tempfile::tempdir().unwrap();
    let text =
        "## 云盘\n\n| 错误码 | 说明 |\n|---|---|\n| 10344 | 云盘不存在 |\n| 10345 | 云盘已挂载 |\n";
    std::fs::write(dir.path().join("volumes.md"), text).unwrap();
    std::fs::write(
        dir.path().join("catalogs.toml"),
        "[[catalog]]\nfile = \"volumes.md\"\nhttp-status = [{ code = 10345, status = 409 }]\n",
    )
    .unwrap();
    let (_, analysis) = Builder::new(dir.path())
        .http_status("volumes", StatusMatcher::Section("云盘".into()), 404)
        .default_http_status("volumes", 503)
        .generate()
        .unwrap();
    let catalog = &analysis.model.catalogs[0];
    let statuses: Vec<(u16, Option<String>)> = catalog
        .entries
        .iter()
        .map(|e| {
            let (status, origin) = analysis.model.status_of(catalog, e);
            (status, origin.describe())
        })
        .collect();
    assert_eq!(
        statuses,
        [
            (404, Some("build.rs: section `云盘`".to_string())),
            (409, Some("catalogs.toml: code 10345".to_string())),
        ]
    );
    assert_eq!(catalog.default_http_status, 503);

    let failure = Builder::new(dir.path())
        .http_status("volume", StatusMatcher::Section("云盘".into()), 404)
        .default_http_status("volumes", 700)
        .generate()
        .unwrap_err();
    assert_eq!(
        failure.to_string(),
        "error: build.rs: a status setting names catalogue `volume`, which is not one of volumes\n\
         error: build.rs: HTTP status 700 for catalogue `volumes` is not 100-599"
    );
}

#[test]
fn languages_come_from_the_config_the_header_or_the_script() {
    let table = |header: &str, message: &str| {
        format!(
            "| 错误码 | {header} | Message (Klingon) | Message (en) |\n|---|---|---|---|\n| 1001 | {message} | Ghu DIvI | Invalid value |\n"
        )
    };
    let analysis = analyze(
        &[
            ("catalogs/a.md", &table("说明", "参数错误")),
            ("catalogs/b.md", &table("Beschreibung (de-AT)", "Ungültig")),
            ("catalogs/c.md", &table("Beschreibung", "Ungültig")),
            ("catalogs/d.md", &table("说明", "Invalid parameter")),
        ],
        Some("[[catalog]]\nfile = \"d.md\"\nlanguage = \"EN-gb\"\n"),
    );
    let languages: Vec<Option<&str>> = analysis
        .model
        .catalogs
        .iter()
        .map(|c| c.language.as_deref())
        .collect();
    assert_eq!(languages, [Some("zh"), Some("de-AT"), None, Some("en-GB")]);
    assert_eq!(
        findings(&analysis),
        [
            "catalogs/a.md:1:14 warning[unknown-language]",
            "catalogs/b.md:1:32 warning[unknown-language]",
            "catalogs/c.md:1:24 warning[unknown-language]",
            "catalogs/d.md:1:14 warning[unknown-language]",
        ]
    );
    let locales: Vec<&str> = analysis.model.catalogs[0].entries[0]
        .translations()
        .iter()
        .map(|t| t.locale.as_str())
        .collect();
    assert_eq!(locales, ["en"]);
}
