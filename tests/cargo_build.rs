//! A crate that compiles a catalogue in its build.rs, as a service team
//! would: `cargo build` picks up an appended record, and fails on a taken
//! code with the new record's place and the first definition's.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const RECORD_FRESH: &str =
    "\n---\n- HttpCode: 500\n- ErrorCode: 50000007\n- 中文名称: 镜像仓库不可用\n";
const RECORD_TAKEN: &str =
    "\n---\n- HttpCode: 500\n- ErrorCode: 50000001\n- 中文名称: 重复的错误码\n";

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn service_crate(dir: &Path) {
    let root = workspace();
    let manifest = format!(
        "[package]\nname = \"service\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nerrcat = {{ path = {root:?} }}\n\n\
         [build-dependencies]\nerrcat-build = {{ path = {build:?} }}\n\n[workspace]\n",
        root = root.display().to_string(),
        build = root.join("errcat-build").display().to_string(),
    );
    fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    fs::write(
        dir.join("build.rs"),
        "fn main() {\n    errcat_build::Builder::new(\"catalogs\").compile_or_exit();\n}\n",
    )
    .unwrap();
    fs::create_dir_all(dir.join("src")).unwrap();
    fs::create_dir_all(dir.join("catalogs")).unwrap();
    fs::copy(
        root.join("catalogs/console.md"),
        dir.join("catalogs/console.md"),
    )
    .unwrap();
}

fn cargo_build(dir: &Path) -> Output {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    Command::new(cargo)
        .args(["build", "--offline", "--quiet"])
        .current_dir(dir)
        // Shared across runs so only the first one compiles the dependencies.
        .env("CARGO_TARGET_DIR", workspace().join("target/e2e"))
        .env("CARGO_TERM_COLOR", "never")
        .output()
        .expect("cargo runs")
}

fn append(path: &Path, text: &str) -> u32 {
    let mut content = fs::read_to_string(path).unwrap();
    content.push_str(text);
    fs::write(path, &content).unwrap();
    // The line of the appended `ErrorCode`.
    content.lines().count() as u32 - 1
}

#[test]
fn cargo_build_follows_catalogue_edits() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    service_crate(dir);
    let catalogue = dir.join("catalogs/console.md");

    // The new record becomes a variant the service can name.
    append(&catalogue, RECORD_FRESH);
    fs::write(
        dir.join("src/lib.rs"),
        "include!(concat!(env!(\"OUT_DIR\"), \"/errcat.rs\"));\n\n\
         pub fn newest() -> console::Code {\n    console::Code::E50000007\n}\n",
    )
    .unwrap();
    let output = cargo_build(dir);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );

    // A taken code fails the build, naming both places.
    let line = append(&catalogue, RECORD_TAKEN);
    let output = cargo_build(dir);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "catalogs/console.md:{line}:14: error[duplicate-code]: code 50000001 is defined twice in catalogue `console`"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("note: first defined here: catalogs/console.md:312:14"),
        "{stderr}"
    );
    assert!(
        stderr.contains("error: the catalogues have 1 error; nothing was generated"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}
