//! Running the errcat binary as a user would, for the tests.

// Each test binary uses a part of this module.
#![allow(dead_code)]

pub mod expected;
pub mod service;

use std::path::{Path, PathBuf};
use std::process::Command;

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `errcat ARGS` in `dir`, without colors.
pub fn errcat_in(dir: &Path, args: &[&str]) -> Run {
    errcat_with(dir, args, &[("NO_COLOR", Some("1"))])
}

/// Runs `errcat ARGS` in `dir` with these variables set (or, for `None`,
/// unset) and no other say about colors.
pub fn errcat_with(dir: &Path, args: &[&str], env: &[(&str, Option<&str>)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_errcat"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CARGO_TERM_COLOR");
    for (name, value) in env {
        match value {
            Some(value) => command.env(name, value),
            None => command.env_remove(name),
        };
    }
    let output = command.output().expect("errcat runs");
    Run {
        status: output.status.code().expect("exit status"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    }
}
