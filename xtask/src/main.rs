//! `cargo xtask …`: errcat's project tasks.

mod bench_gen;
mod check;
mod diff;
mod docs;
mod dump;
mod explain;
mod git;
mod new;
mod records;

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
    /// Write a markdown reference and a self-contained HTML page of every
    /// catalogue.
    Docs {
        /// Output folder [default: target/errcat-docs]
        #[arg(long)]
        out: Option<PathBuf>,
        #[command(flatten)]
        inputs: Inputs,
    },
    /// Add a record with the next free code that passes every check, in
    /// the file's own style and in the right section.
    New {
        /// The catalogue (`console`, `api_switch`, …).
        catalog: String,
        /// Its HTTP status (for catalogues whose records carry one).
        #[arg(long)]
        http: Option<u16>,
        /// Its message.
        #[arg(long)]
        message: String,
        /// Its identifier (required where every record has one).
        #[arg(long)]
        name: Option<String>,
        /// The section (heading text) or category name to put it in.
        #[arg(long)]
        section: Option<String>,
        /// Print the record and where it would go; change nothing.
        #[arg(long)]
        dry_run: bool,
        #[command(flatten)]
        inputs: Inputs,
    },
    /// Compare the catalogues at a git revision with the working tree,
    /// record by record: removed codes, changed statuses, renamed variants
    /// and reused codes are errors (exit 1), like the new tree's own check
    /// errors.
    Diff {
        /// The revision to compare with (`main`, `HEAD~1`, a commit).
        #[arg(long)]
        base: String,
        #[arg(long, value_enum, default_value = "human")]
        format: diff::Format,
        #[command(flatten)]
        inputs: Inputs,
    },
    /// Measure errcat at N records against the alternatives: check against
    /// pulldown-cmark alone, build.rs, the compile time and lookup speed of
    /// the generated code against reference shapes (BENCHMARKS.md).
    BenchGen(bench_gen::Options),
    /// Read a file with pulldown-cmark alone (bench-gen's baseline).
    #[command(hide = true)]
    Pulldown { file: PathBuf },
    /// Run a command; print its wall time and peak memory (for bench-gen).
    #[command(hide = true)]
    Measure {
        #[arg(trailing_var_arg = true, allow_hyphen_values = true, required = true)]
        command: Vec<String>,
    },
    /// Everything known about a code (or identifier): catalogue, section,
    /// status, message, where it is defined, findings. Exit status 1 if no
    /// catalogue has it.
    Explain {
        /// A code (`40400004`) or an identifier (`ILLEGAL_PARAMETER`).
        code: String,
        /// Only this catalogue.
        #[arg(long)]
        catalog: Option<String>,
        #[command(flatten)]
        inputs: Inputs,
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
        Command::Check(inputs) => load(&inputs).map(|analysis| {
            let code = check::run(&analysis);
            // The process ends here: freeing a large model record by record
            // would only delay the exit.
            std::mem::forget(analysis);
            code
        }),
        Command::Dump { inputs, full } => load(&inputs).map(|a| dump::run(&a, full)),
        Command::Docs { out, inputs } => load(&inputs).map(|a| {
            let out = out.unwrap_or_else(|| PathBuf::from("target/errcat-docs"));
            docs::run(&a, &out)
        }),
        Command::New {
            catalog,
            http,
            message,
            name,
            section,
            dry_run,
            inputs,
        } => load_project(&inputs).map(|project| {
            let analysis = project.analyze();
            let request = new::Request {
                catalog: &catalog,
                http,
                message: &message,
                name: name.as_deref(),
                section: section.as_deref(),
                dry_run,
            };
            new::run(&project, &analysis, &request)
        }),
        Command::Diff {
            base,
            format,
            inputs,
        } => input_paths(&inputs).and_then(|paths| diff::run(&paths, &base, format)),
        Command::Explain {
            code,
            catalog,
            inputs,
        } => load(&inputs).map(|a| explain::run(&a, &code, catalog.as_deref())),
        Command::BenchGen(options) => bench_gen::run(&options).map(|()| ExitCode::SUCCESS),
        Command::Pulldown { file } => bench_gen::pulldown(&file).map(|()| ExitCode::SUCCESS),
        Command::Measure { command } => bench_gen::measure_child(&command),
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
    Ok(load_project(inputs)?.analyze())
}

fn load_project(inputs: &Inputs) -> Result<Project, String> {
    Project::load(&input_paths(inputs)?).map_err(|e| e.to_string())
}

/// The paths given, or `catalogs/`: here if there is one, else the
/// workspace's (entered, so paths read `catalogs/…`).
fn input_paths(inputs: &Inputs) -> Result<Vec<PathBuf>, String> {
    if !inputs.paths.is_empty() {
        return Ok(inputs.paths.clone());
    }
    let catalogs = PathBuf::from("catalogs");
    if !catalogs.is_dir() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
        std::env::set_current_dir(&root)
            .map_err(|e| format!("cannot enter the workspace root: {e}"))?;
    }
    Ok(vec![catalogs])
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
