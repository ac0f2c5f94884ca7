//! What every command runs in: the folder, whether to color, where output
//! goes, and how it ends.

use std::fmt;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// How a command ended, as the process's exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Nothing wrong (warnings allowed): 0.
    Clean,
    /// The catalogues have errors: 1.
    Findings,
    /// The command could not do its work: 2.
    Trouble,
}

impl Exit {
    pub fn code(self) -> u8 {
        match self {
            Exit::Clean => 0,
            Exit::Findings => 1,
            Exit::Trouble => 2,
        }
    }

    /// `Findings` when there are errors, else `Clean`.
    pub fn from_errors(errors: bool) -> Exit {
        if errors { Exit::Findings } else { Exit::Clean }
    }

    /// The worse of two.
    pub fn max(self, other: Exit) -> Exit {
        if other.code() > self.code() {
            other
        } else {
            self
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit.code())
    }
}

/// Why a command could not do its work (exit status 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure(pub String);

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Failure {}

impl From<String> for Failure {
    fn from(message: String) -> Failure {
        Failure(message)
    }
}

impl From<&str> for Failure {
    fn from(message: &str) -> Failure {
        Failure(message.to_string())
    }
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// The folder a command runs in, and its output.
pub struct Context {
    pub cwd: PathBuf,
    color: bool,
    /// Whether stderr is a terminal, for `--color auto`.
    terminal: bool,
    out: Box<dyn Write>,
    err: Box<dyn Write>,
}

impl fmt::Debug for Context {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Context")
            .field("cwd", &self.cwd)
            .field("color", &self.color)
            .finish_non_exhaustive()
    }
}

impl Context {
    /// The process's own: its current folder, stdout and stderr.
    pub fn process() -> Result<Context, Failure> {
        let cwd = std::env::current_dir()
            .map_err(|e| Failure(format!("cannot read the current folder: {e}")))?;
        Ok(Context {
            cwd,
            color: false,
            terminal: io::stderr().is_terminal(),
            out: Box::new(io::stdout()),
            err: Box::new(io::stderr()),
        })
    }

    /// Output into the given writers (tests), never colored.
    pub fn with_output(cwd: PathBuf, out: Box<dyn Write>, err: Box<dyn Write>) -> Context {
        Context {
            cwd,
            color: false,
            terminal: false,
            out,
            err,
        }
    }

    /// Decides coloring: `always` and `never` as said; `auto` a terminal,
    /// unless `NO_COLOR` is set or `CARGO_TERM_COLOR` is `never`
    /// (`always` there forces it, as cargo does).
    pub fn set_color(&mut self, choice: ColorChoice) {
        let cargo = std::env::var("CARGO_TERM_COLOR").ok();
        self.color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => match cargo.as_deref() {
                Some("always") => true,
                Some("never") => false,
                _ => self.terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            },
        };
    }

    pub fn color(&self) -> bool {
        self.color
    }

    /// Writes to stdout; a closed pipe (`… | head`) just ends the output.
    pub fn print(&mut self, text: &str) {
        let _ = self
            .out
            .write_all(text.as_bytes())
            .and_then(|()| self.out.flush());
    }

    /// Writes to stderr.
    pub fn eprint(&mut self, text: &str) {
        let _ = self
            .err
            .write_all(text.as_bytes())
            .and_then(|()| self.err.flush());
    }

    /// `error: …` on stderr, the header colored like rustc's.
    pub fn error(&mut self, message: &str) {
        let header = crate::output::level_header("error", self.color);
        let message = crate::output::printable_lines(message);
        self.eprint(&format!("{header}: {message}\n"));
    }
}
