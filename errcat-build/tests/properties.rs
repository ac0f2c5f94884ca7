//! Properties of the reader and checks over generated catalogues.

use std::collections::{BTreeMap, BTreeSet};

use errcat_build::model::Entry;
use errcat_build::{Analysis, Project};
use proptest::prelude::*;

#[derive(Debug, Clone)]
struct Record {
    code: u32,
    status: u16,
    name: Option<String>,
    message: String,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Layout {
    Bullets,
    Table,
    Constants,
}

/// Text a message may hold, hostile to Rust (quotes, braces, `#`, a
/// backslash in code comments), with CJK, a full-width colon, emoji. In
/// markdown layouts a message is the text the page shows, so markup is
/// left out of them here (the reader's own tests render it).
fn message(layout: Layout) -> impl Strategy<Value = String> {
    let pattern = match layout {
        // A pipe in a table cell is written `\|`.
        Layout::Table => r#"[a-zA-Z0-9 错误码：()#|"'+.:/{}😀-]{1,40}"#,
        Layout::Bullets => r#"[a-zA-Z0-9 错误码：()#"'+.:/{}😀-]{1,40}"#,
        Layout::Constants => r#"[a-zA-Z0-9 错误码：*_`\[\]()<>#|\\"'&!~+.:/{}😀-]{1,40}"#,
    };
    pattern
        .prop_map(|m| m.trim().to_string())
        .prop_filter("not blank", |m| !m.is_empty())
        // A cell of only `-` or `/` is the table placeholder for "no message".
        .prop_filter("not a placeholder", move |m| {
            layout != Layout::Table || !matches!(m.as_str(), "-" | "/" | "--" | "---")
        })
}

fn records(layout: Layout) -> impl Strategy<Value = Vec<Record>> {
    let record = (
        1u32..100_000,
        prop::sample::select(vec![400u16, 401, 403, 404, 409, 500, 503]),
        prop::option::of("[A-Z][A-Za-z0-9]{0,12}"),
        message(layout),
    );
    prop::collection::vec(record, 1..25).prop_map(move |raw| {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for (i, (sequence, status, name, message)) in raw.into_iter().enumerate() {
            // Status-prefixed codes, distinct.
            let code = u32::from(status) * 100_000 + sequence;
            if !seen.insert(code) {
                continue;
            }
            let name = match layout {
                Layout::Bullets => name.map(|n| format!("{n}X{i}")),
                Layout::Table => Some(format!("{}X{i}", name.unwrap_or_else(|| "Code".into()))),
                Layout::Constants => Some(format!(
                    "CODE_{i}_{}",
                    name.unwrap_or_default().to_uppercase()
                )),
            };
            out.push(Record {
                code,
                status,
                name,
                message,
            });
        }
        out
    })
}

/// Renders records in a layout, with the small variations authors use.
fn render(layout: Layout, records: &[Record], style: u8) -> String {
    let mut text = String::from("# Generated\n\n");
    match layout {
        Layout::Bullets => {
            let bullet = if style & 1 == 0 { "-" } else { "*" };
            let colon = if style & 2 == 0 { ":" } else { "：" };
            for (i, r) in records.iter().enumerate() {
                if i > 0 && style & 4 == 0 {
                    text.push_str("---\n");
                }
                text.push_str(&format!(
                    "{bullet} HttpCode{colon} {}\n{bullet} ErrorCode{colon} {}\n",
                    r.status, r.code
                ));
                if let Some(name) = &r.name {
                    text.push_str(&format!("{bullet} Name{colon} {name}\n"));
                }
                text.push_str(&format!("{bullet} 中文名称{colon} {}\n\n", r.message));
            }
        }
        Layout::Table => {
            text.push_str("| 错误码 | HTTP | 命名参考 | 说明 |\n|---|---|---|---|\n");
            for r in records {
                let message = r.message.replace('|', "\\|");
                text.push_str(&format!(
                    "| {} | {} | {} | {message} |\n",
                    r.code,
                    r.status,
                    r.name.as_deref().unwrap_or("")
                ));
            }
        }
        Layout::Constants => {
            text.push_str("```\n");
            for r in records {
                if style & 1 == 0 {
                    text.push_str(&format!(
                        "// {}\n{} = {}\n\n",
                        r.message,
                        r.name.as_deref().unwrap_or(""),
                        r.code
                    ));
                } else {
                    text.push_str(&format!(
                        "{} = {} // {}\n",
                        r.name.as_deref().unwrap_or(""),
                        r.code,
                        r.message
                    ));
                }
            }
            text.push_str("```\n");
        }
    }
    text
}

fn analyze(text: &str) -> Analysis {
    let mut project = Project::new();
    project.add_file("catalogs/generated.md", text.as_bytes().to_vec());
    project.analyze()
}

/// A record as read back: code, status, name, message.
type ReadBack = (i64, Option<i64>, Option<String>, Option<String>);

fn read_back(analysis: &Analysis) -> Vec<ReadBack> {
    let catalog = &analysis.model.catalogs[0];
    catalog
        .entries
        .iter()
        .map(|e| {
            (
                e.code_value().unwrap(),
                e.status_value(),
                e.name.as_ref().map(|n| n.as_str().to_string()),
                e.message_text().map(str::to_string),
            )
        })
        .collect()
}

fn layout() -> impl Strategy<Value = Layout> {
    prop_oneof![
        Just(Layout::Bullets),
        Just(Layout::Table),
        Just(Layout::Constants)
    ]
}

/// Findings as (id, what they concern), counted: the record's code, or for
/// a shared message the message (which of its records counts as the first
/// one depends on the order). Ordering findings are left out.
fn findings(analysis: &Analysis) -> BTreeMap<(&'static str, String), usize> {
    let catalog = &analysis.model.catalogs[0];
    let concerns = |entry: &Entry, at: u32| {
        let spans = [
            Some(entry.span),
            entry.code.as_ref().map(|c| c.span),
            entry.message.as_ref().map(|m| m.span),
        ];
        spans
            .into_iter()
            .flatten()
            .any(|s| (s.start..=s.end).contains(&at))
    };
    let mut counted = BTreeMap::new();
    for d in analysis
        .diagnostics
        .iter()
        .filter(|d| d.lint.id != "code-out-of-order")
    {
        let entry = catalog
            .entries
            .iter()
            .find(|e| concerns(e, d.span.start))
            .expect("a finding about a record");
        let key = match d.lint.id {
            "duplicate-message" => entry.message_text().unwrap_or_default().to_string(),
            _ => entry.code_value().unwrap().to_string(),
        };
        *counted.entry((d.lint.id, key)).or_insert(0) += 1;
    }
    counted
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn every_record_round_trips_through_the_model(
        (layout, records) in layout().prop_flat_map(|l| (Just(l), records(l))),
        style in 0u8..8,
    ) {
        let text = render(layout, &records, style);
        let analysis = analyze(&text);
        prop_assert_eq!(analysis.model.catalogs.len(), 1, "{}", text);
        let expected: Vec<_> = records
            .iter()
            .map(|r| {
                let status = match layout {
                    Layout::Constants => None,
                    _ => Some(i64::from(r.status)),
                };
                (i64::from(r.code), status, r.name.clone(), Some(r.message.clone()))
            })
            .collect();
        prop_assert_eq!(read_back(&analysis), expected, "{}", text);
    }

    #[test]
    fn shuffling_records_changes_no_finding_but_their_order(
        (layout, records) in layout().prop_flat_map(|l| (Just(l), records(l))),
        seed in any::<u64>(),
        wrong_status in prop::collection::vec(any::<bool>(), 25),
    ) {
        // Some records with a status their code does not start with, to
        // have findings to compare (shared messages come by themselves).
        let mut records = records;
        for (i, record) in records.iter_mut().enumerate() {
            if wrong_status[i] && i % 3 == 0 {
                record.status = if record.status == 400 { 404 } else { 400 };
            }
        }
        let mut shuffled = records.clone();
        // A seeded Fisher-Yates shuffle.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let before = analyze(&render(layout, &records, 0));
        let after = analyze(&render(layout, &shuffled, 0));
        prop_assert_eq!(findings(&before), findings(&after));
    }
}
