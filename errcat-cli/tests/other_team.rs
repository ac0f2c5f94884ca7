//! Another team's crate, set up as README tells it: its own catalogue,
//! errcat-build in its build.rs, the errcat runtime as a dependency, every
//! common lint policy denied, and the errcat CLI run in it.

mod common;

use std::fs;
use std::path::Path;

use common::service::{BUILD, assert_strict_lints_pass, cargo, manifest, target, text};
use common::{errcat_in, workspace};

const BILLING: &str = "# Billing errors

| Code | HTTP | Name | Message |
|---|---|---|---|
| 40401 | 404 | InvoiceNotFound | Invoice not found |
| 40901 | 409 | InvoiceAlreadyPaid | The invoice is already paid |
| 50001 | 500 | LedgerUnavailable | The ledger is unavailable |
";

const LIB: &str = "//! mysvc's error codes.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

include!(concat!(env!(\"OUT_DIR\"), \"/errcat.rs\"));
";

const PROBE: &str = r#"//! What the generated registry holds.
use errcat::ErrorCode;

fn main() {
    let names: Vec<&str> = mysvc::CATALOGS.iter().map(|c| c.name()).collect();
    println!("{names:?}");
    let entry = mysvc::lookup("billing", 40401).expect("found");
    println!("{} {} {} {}", entry.name(), entry.code(), entry.http_status(), entry.message());
    for code in mysvc::billing::Code::all() {
        let number: u32 = code.code();
        println!("{number} {code:?} {}", ErrorCode::code(code));
    }
}
"#;

/// A package `name` in `dir`: manifest, build script, library, probe.
fn package(dir: &Path, name: &str, catalogue: &str) {
    fs::create_dir_all(dir.join("src/bin")).unwrap();
    fs::create_dir_all(dir.join("catalogs")).unwrap();
    fs::write(dir.join("Cargo.toml"), manifest(name)).unwrap();
    fs::write(dir.join("build.rs"), BUILD).unwrap();
    fs::write(dir.join("src/lib.rs"), LIB).unwrap();
    fs::write(dir.join("src/bin/probe.rs"), PROBE).unwrap();
    fs::write(dir.join("catalogs/billing.md"), catalogue).unwrap();
}

#[test]
fn another_teams_crate_gets_only_its_own_codes_under_strict_lints() {
    let dir = tempfile::tempdir().unwrap();
    let crate_dir = dir.path().join("mysvc");
    package(&crate_dir, "mysvc", BILLING);
    fs::write(
        crate_dir.join("Cargo.toml"),
        manifest("mysvc") + "\n[workspace]\n",
    )
    .unwrap();
    fs::copy(workspace().join("Cargo.lock"), crate_dir.join("Cargo.lock")).unwrap();

    let run = cargo(&crate_dir, &["run", "--bin", "probe"], &[]);
    let stderr = text(&run.stderr);
    assert!(run.status.success(), "{stderr}");
    // None of errcat's own catalogues, nor their warnings.
    assert!(!stderr.contains("console"), "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    assert_eq!(
        text(&run.stdout),
        "[\"billing\"]\n\
         InvoiceNotFound 40401 404 Invoice not found\n\
         40401 InvoiceNotFound 40401\n\
         40901 InvoiceAlreadyPaid 40901\n\
         50001 LedgerUnavailable 50001\n"
    );

    // Clippy's pedantic lints and rustdoc's, denied, find nothing.
    assert_strict_lints_pass(&crate_dir);
    let page = fs::read_to_string(target().join("doc/mysvc/billing/struct.Code.html")).unwrap();
    assert!(page.contains("InvoiceNotFound"));
    assert!(!page.contains("= 0"), "no position shows as a discriminant");

    // The CLI checks the crate, names its types by it, and says when a
    // folder has nothing to check.
    let check = errcat_in(&crate_dir, &["check"]);
    assert_eq!(check.status, 0, "{}", check.stderr);
    assert_eq!(
        check.stdout,
        "catalogue  source               records  unread  errors  warnings\n\
         billing    catalogs/billing.md        3       0       0         0\n\
         1 catalogue, 3 records: 0 errors, 0 warnings\n"
    );
    let explain = errcat_in(&crate_dir.join("src"), &["explain", "40401"]);
    assert_eq!(explain.status, 0, "{}", explain.stderr);
    assert!(
        explain
            .stdout
            .starts_with("40401 in catalogue `billing`: mysvc::billing::Code::InvoiceNotFound\n"),
        "{}",
        explain.stdout
    );
    let empty = tempfile::tempdir().unwrap();
    let nothing = errcat_in(empty.path(), &["check"]);
    assert_eq!(nothing.status, 2);
    assert!(
        nothing.stderr.starts_with("error: no catalogues to check:"),
        "{}",
        nothing.stderr
    );
}

#[test]
fn in_a_workspace_findings_name_paths_from_its_root() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(
        root.join("Cargo.toml"),
        "[workspace]\nmembers = [\"svc\", \"tools\"]\nresolver = \"3\"\n",
    )
    .unwrap();
    fs::copy(workspace().join("Cargo.lock"), root.join("Cargo.lock")).unwrap();
    let taken = BILLING.replace("| 40901 |", "| 40401 |");
    package(&root.join("svc"), "svc", &taken);
    // A member without catalogues is no error.
    fs::create_dir_all(root.join("tools/src")).unwrap();
    fs::write(
        root.join("tools/Cargo.toml"),
        "[package]\nname = \"tools\"\nversion = \"0.0.0\"\nedition = \"2024\"\n",
    )
    .unwrap();
    fs::write(root.join("tools/src/lib.rs"), "").unwrap();

    let build = cargo(root, &["build", "-p", "svc"], &[]);
    let stderr = text(&build.stderr);
    assert!(!build.status.success());
    assert!(
        stderr.contains(
            "error: svc@0.0.0: svc/catalogs/billing.md:6:3: error[duplicate-code]: code 40401 is defined twice in catalogue `billing`"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("note: first defined here: svc/catalogs/billing.md:5:3"),
        "{stderr}"
    );

    // The CLI at the root finds the member's catalogues, and in the
    // member, its own.
    let at_root = errcat_in(root, &["check", "--message-format", "github"]);
    assert_eq!(at_root.status, 1, "{}", at_root.stderr);
    assert!(
        at_root.stdout.starts_with(
            "::error file=svc/catalogs/billing.md,line=6,col=3,endColumn=8,title=duplicate-code::code 40401 is defined twice in catalogue `billing`%0Anote: first defined here: svc/catalogs/billing.md:5:3\n"
        ),
        "{}",
        at_root.stdout
    );
    let in_member = errcat_in(&root.join("svc/src"), &["check"]);
    assert_eq!(in_member.status, 1);
    assert!(
        in_member
            .stderr
            .starts_with("../catalogs/billing.md:6:3: error[duplicate-code]"),
        "{}",
        in_member.stderr
    );
    let in_tools = errcat_in(&root.join("tools"), &["check"]);
    assert_eq!(in_tools.status, 2);
    assert_eq!(
        in_tools.stderr,
        "error: no catalogues to check: package `tools` has no catalogs/ folder and names none in [package.metadata.errcat]; pass catalogue files or --catalogs DIR\n"
    );
}
