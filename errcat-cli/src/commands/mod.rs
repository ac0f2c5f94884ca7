//! One module per command: its arguments and its `exec`.

pub mod check;
pub mod diff;
pub mod docs;
pub mod dump;
pub mod explain;
pub mod new;

use crate::{Context, Exit, Failure};

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Check catalogues: every finding, then a summary table. Exit status
    /// 0 without errors, 1 with errors, 2 when there is nothing to check
    /// or files cannot be read.
    Check(check::Args),
    /// Print the catalogues as JSON. Findings go to stderr.
    Dump(dump::Args),
    /// Write a markdown reference and a self-contained HTML page of every
    /// catalogue.
    Docs(docs::Args),
    /// Everything known about a code (or identifier): catalogue, section,
    /// status, message, where it is defined, findings. Exit status 1 if no
    /// catalogue has it.
    Explain(explain::Args),
    /// Add a record with the next free code that passes every check, in
    /// the file's own style and in the right section.
    New(new::Args),
    /// Compare the catalogues at a git revision with the working tree,
    /// record by record: removed codes, changed statuses, renamed
    /// identifiers and reused codes are errors (exit 1), like the new
    /// tree's own check errors.
    Diff(diff::Args),
}

impl Command {
    /// The catalogues the command reads.
    pub fn inputs_mut(&mut self) -> &mut crate::discover::Inputs {
        match self {
            Command::Check(args) => &mut args.inputs,
            Command::Dump(args) => &mut args.inputs,
            Command::Docs(args) => &mut args.inputs,
            Command::Explain(args) => &mut args.inputs,
            Command::New(args) => &mut args.inputs,
            Command::Diff(args) => &mut args.inputs,
        }
    }
}

pub fn exec(command: Command, context: &mut Context) -> Result<Exit, Failure> {
    match command {
        Command::Check(args) => check::exec(context, &args),
        Command::Dump(args) => dump::exec(context, &args),
        Command::Docs(args) => docs::exec(context, &args),
        Command::Explain(args) => explain::exec(context, &args),
        Command::New(args) => new::exec(context, &args),
        Command::Diff(args) => diff::exec(context, &args),
    }
}
