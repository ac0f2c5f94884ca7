//! `cargo xtask …`: errcat's project tasks.

mod check;
mod dump;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use errcat_build::{Analysis, Project};

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    about = "Checks and inspects errcat's markdown error catalogues"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check catalogues: every finding, then a summary table. Exit status
    /// 0 without errors, 1 with errors, 2 when files cannot be read.
    Check(Inputs),
    /// Print the catalogues as JSON (shape in README). Findings go to stderr.
    Dump {
        #[command(flatten)]
        inputs: Inputs,
        /// Print the whole model instead of the documented summary shape.
        #[arg(long)]
        full: bool,
    },
}

#[derive(clap::Args)]
struct Inputs {
    /// Catalogue files or folders [default: the workspace's catalogs/]
    paths: Vec<PathBuf>,
}

/// Exit status for catalogue errors.
const FINDINGS: u8 = 1;
/// Exit status for usage and I/O problems.
const TROUBLE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(inputs) => load(&inputs).map(|a| check::run(&a)),
        Command::Dump { inputs, full } => load(&inputs).map(|a| dump::run(&a, full)),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(TROUBLE)
        }
    }
}

fn load(inputs: &Inputs) -> Result<Analysis, String> {
    let paths = if inputs.paths.is_empty() {
        // Run from the workspace root so paths read `catalogs/…`.
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
        std::env::set_current_dir(&root)
            .map_err(|e| format!("cannot enter the workspace root: {e}"))?;
        vec![PathBuf::from("catalogs")]
    } else {
        inputs.paths.clone()
    };
    let project = Project::load(&paths).map_err(|e| e.to_string())?;
    Ok(project.analyze())
}

/// Writes to stdout; a closed pipe (`… | head`) just ends the output.
fn print_out(text: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
}

/// Whether to color findings on stderr.
fn color() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal()
}

fn exit_status(analysis: &Analysis) -> ExitCode {
    if analysis.has_errors() {
        ExitCode::from(FINDINGS)
    } else {
        ExitCode::SUCCESS
    }
}
