//! A service crate built with cargo, as another team's would be: errcat
//! by path, errcat-build in its build script, every integration on.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use super::workspace;

pub fn manifest(name: &str) -> String {
    let root = workspace();
    format!(
        "[package]\nname = {name:?}\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\nerrcat = {{ path = {runtime:?}, features = [\"axum\"] }}\n\n\
         [build-dependencies]\nerrcat-build = {{ path = {build:?} }}\n",
        runtime = root.join("errcat").display().to_string(),
        build = root.join("errcat-build").display().to_string(),
    )
}

pub const BUILD: &str = "fn main() {
    errcat_build::Builder::new(\"catalogs\")
        .serde(errcat_build::Gate::On)
        .http(errcat_build::Gate::On)
        .axum(errcat_build::Gate::On)
        .compile_or_exit();
}
";

pub fn cargo(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    // The subcommand, then cargo's own flags, then the rest (which may
    // hold `-- …` for the compiler).
    Command::new(cargo)
        .arg(args[0])
        .args(["--offline", "--quiet"])
        .args(&args[1..])
        .current_dir(dir)
        // Shared across runs so only the first compiles the dependencies.
        .env("CARGO_TARGET_DIR", target())
        .env("CARGO_TERM_COLOR", "never")
        .envs(env.iter().copied())
        .output()
        .expect("cargo runs")
}

/// Clippy's pedantic lints and rustdoc's warnings, denied, find nothing in
/// the crate at `dir`, generated code included.
pub fn assert_strict_lints_pass(dir: &Path) {
    let clippy = cargo(
        dir,
        &[
            "clippy",
            "--all-targets",
            "--",
            "-D",
            "warnings",
            "-D",
            "clippy::pedantic",
        ],
        &[],
    );
    assert!(clippy.status.success(), "{}", text(&clippy.stderr));
    let doc = cargo(
        dir,
        &["doc", "--no-deps"],
        &[("RUSTDOCFLAGS", "-D warnings")],
    );
    assert!(doc.status.success(), "{}", text(&doc.stderr));
}

pub fn target() -> PathBuf {
    workspace().join("target/e2e")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
