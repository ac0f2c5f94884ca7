//! `cargo xtask …`: this repository's tasks. The catalogue commands are
//! the `errcat` CLI's (errcat-cli), run at the workspace's root; bench-gen
//! measures errcat at scale (BENCHMARKS.md).

mod bench_gen;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use errcat_cli::{ColorChoice, Context, Exit};

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    about = "errcat's project tasks: the errcat commands on this workspace, and benchmarks"
)]
struct Cli {
    #[command(subcommand)]
    task: Task,
    /// When to color the output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Subcommand)]
enum Task {
    #[command(flatten)]
    Errcat(errcat_cli::commands::Command),
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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.task {
        Task::Errcat(command) => return errcat(command, cli.color),
        Task::BenchGen(options) => bench_gen::run(&options).map(|()| ExitCode::SUCCESS),
        Task::Pulldown { file } => bench_gen::pulldown(&file).map(|()| ExitCode::SUCCESS),
        Task::Measure { command } => bench_gen::measure_child(&command),
    };
    result.unwrap_or_else(|message| {
        eprintln!("error: {message}");
        Exit::Trouble.into()
    })
}

/// An errcat command at the workspace's root, so `cargo xtask check`
/// checks this repository's catalogues (`catalogs/`, the errcat-catalogs
/// package's) from any folder of it; `-p` or paths choose others.
fn errcat(mut command: errcat_cli::commands::Command, color: ColorChoice) -> ExitCode {
    let inputs = command.inputs_mut();
    if inputs.paths.is_empty() && inputs.catalogs.is_empty() && inputs.packages.is_empty() {
        inputs.packages.push("errcat-catalogs".to_string());
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    if let Err(e) = std::env::set_current_dir(&root) {
        eprintln!("error: cannot enter the workspace root: {e}");
        return Exit::Trouble.into();
    }
    let mut context = match Context::process() {
        Ok(context) => context,
        Err(failure) => {
            eprintln!("error: {failure}");
            return Exit::Trouble.into();
        }
    };
    errcat_cli::run(errcat_cli::Cli { command, color }, &mut context).into()
}
