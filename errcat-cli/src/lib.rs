//! The `errcat` command, as a library: the binary, `cargo xtask` and the
//! tests run the same commands.
//!
//! Each command is a module of [`commands`] with its `Args` and an `exec`
//! that writes through a [`Context`] and returns an [`Exit`]: 0 without
//! errors, 1 when the catalogues have errors, 2 when something could not
//! be done at all (no catalogues, a file that cannot be read, a bad
//! command line).

pub mod commands;
mod context;
mod discover;
mod git;
pub mod output;
mod records;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::Parser;

pub use context::{ColorChoice, Context, Exit, Failure};
pub use discover::{Inputs, Unit};

/// Checks, documents and extends markdown error catalogues.
#[derive(Debug, Parser)]
#[command(name = "errcat", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: commands::Command,
    /// When to color the output: `auto` colors a terminal unless `NO_COLOR`
    /// is set or `CARGO_TERM_COLOR` says otherwise.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// Runs a parsed command line.
pub fn run(cli: Cli, context: &mut Context) -> Exit {
    context.set_color(cli.color);
    match commands::exec(cli.command, context) {
        Ok(exit) => exit,
        Err(failure) => {
            context.error(&failure.to_string());
            Exit::Trouble
        }
    }
}

/// `errcat ARGS…` as a process: parses `args` (the first is the program
/// name), runs in the current folder, writes to stdout and stderr.
pub fn main_with(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                Exit::Trouble.into()
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let mut context = match Context::process() {
        Ok(context) => context,
        Err(failure) => {
            eprintln!("error: {failure}");
            return Exit::Trouble.into();
        }
    };
    run(cli, &mut context).into()
}
