//! How `errcat` writes: message formats for CI and tools, colors as
//! terminals and cargo's conventions ask, catalogue text never raw on a
//! terminal.

mod common;

use common::{errcat_in, errcat_with, workspace};

fn fixture(name: &str) -> String {
    workspace()
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn json_findings_are_one_object_a_line_then_a_summary() {
    let run = errcat_in(
        &workspace(),
        &["check", "--message-format", "json", "-p", "errcat-catalogs"],
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "", "nothing for people on stderr");
    let lines: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 8, "seven findings and the summary");
    let first = &lines[0];
    assert_eq!(first["reason"], "finding");
    assert_eq!(first["level"], "warning");
    assert_eq!(first["id"], "duplicate-message");
    assert_eq!(first["file"], "catalogs/account.md");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(126), Some(9))
    );
    assert_eq!(first["catalog"], "account_2");
    assert_eq!(first["notes"][0]["message"], "the first one is here");
    assert_eq!(first["notes"][0]["line"], 121);
    assert!(
        first["rendered"]
            .as_str()
            .unwrap()
            .starts_with("catalogs/account.md:126:9: warning[duplicate-message]:")
    );
    let summary = &lines[7];
    assert_eq!(summary["reason"], "summary");
    assert_eq!(
        (
            &summary["records"],
            &summary["errors"],
            &summary["warnings"]
        ),
        (
            &serde_json::json!(266),
            &serde_json::json!(0),
            &serde_json::json!(7)
        )
    );
    assert_eq!(summary["catalogs"][2]["catalog"], "api_switch");
    assert_eq!(summary["catalogs"][2]["crate"], "errcat_catalogs");
    assert_eq!(summary["catalogs"][2]["records"], 103);
}

#[test]
fn github_annotations_sit_on_the_markdown_lines() {
    let run = errcat_in(
        &workspace(),
        &[
            "check",
            "--message-format",
            "github",
            "-p",
            "errcat-catalogs",
        ],
    );
    assert_eq!(run.status, 0);
    let annotations: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(annotations.len(), 7);
    assert_eq!(
        annotations[4],
        "::warning file=catalogs/api_switch.md,line=272,col=20,endColumn=25,title=missing-message::code 10608 has no message"
    );
    // The summary table follows for the log.
    assert!(
        run.stdout
            .ends_with("6 catalogues, 266 records: 0 errors, 7 warnings\n")
    );
}

#[test]
fn colors_follow_the_flag_then_cargo_then_no_color() {
    let control = fixture("control/control.md");
    let args = |color: &'static str| ["check", "--color", color, control.as_str()];
    let colored = |run: &common::Run| run.stderr.contains("\x1b[");
    // `always` colors even a pipe, with rustc's header colors.
    let run = errcat_with(&workspace(), &args("always"), &[]);
    assert!(
        run.stderr.contains(
            "\x1b[1m\x1b[91merror[duplicate-code]\x1b[0m\x1b[1m: code 1001 is defined twice"
        ),
        "{:?}",
        run.stderr
    );
    assert!(!colored(&errcat_with(&workspace(), &args("never"), &[])));
    // `auto` on a pipe: no color, unless cargo's variable says always.
    assert!(!colored(&errcat_with(&workspace(), &args("auto"), &[])));
    let forced = errcat_with(
        &workspace(),
        &args("auto"),
        &[("CARGO_TERM_COLOR", Some("always"))],
    );
    assert!(colored(&forced));
    // The flag wins over the variables.
    let never = errcat_with(
        &workspace(),
        &args("never"),
        &[("CARGO_TERM_COLOR", Some("always"))],
    );
    assert!(!colored(&never));
}

#[test]
fn control_characters_from_a_catalogue_never_reach_the_terminal() {
    let control = fixture("control/control.md");
    let run = errcat_with(&workspace(), &["check", "--color", "never", &control], &[]);
    assert_eq!(run.status, 1);
    assert!(
        !run.stderr.contains('\x1b') && !run.stderr.contains('\x07'),
        "{:?}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("| 1001 | bell \u{2407} and \u{241b}[31mred\u{241b}[0m |"),
        "{}",
        run.stderr
    );
    let explain = errcat_with(&workspace(), &["explain", "1001", &control], &[]);
    assert!(!explain.stdout.contains('\x1b'), "{:?}", explain.stdout);
    assert!(
        explain
            .stdout
            .contains("message      bell \u{2407} and \u{241b}[31mred\u{241b}[0m")
    );
    // JSON keeps the text exactly, escaped as JSON escapes it.
    let dump = errcat_in(&workspace(), &["dump", &control]);
    assert!(
        dump.stdout
            .contains(r#""message": "bell \u0007 and \u001b[31mred\u001b[0m""#),
        "{}",
        dump.stdout
    );
}

#[test]
fn version_and_help_are_the_binarys() {
    let run = errcat_in(&workspace(), &["--version"]);
    assert_eq!(
        (run.status, run.stdout.as_str()),
        (0, concat!("errcat ", env!("CARGO_PKG_VERSION"), "\n"))
    );
    let run = errcat_in(&workspace(), &["check", "--message-format", "yaml"]);
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("invalid value 'yaml'"),
        "{}",
        run.stderr
    );
}
