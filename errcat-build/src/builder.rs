//! The build.rs entry point: analyse, report, and write the generated file
//! atomically, only when its content changes.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::emit::{self, EmitOptions, Gate};
use crate::project::{self, Analysis, LoadError, Project};

/// Compiles catalogue files into Rust source, for a build script:
///
/// ```no_run
/// // build.rs, in `fn main()`:
/// errcat_build::Builder::new("catalogs").compile_or_exit();
/// ```
///
/// and in the crate: `include!(concat!(env!("OUT_DIR"), "/errcat.rs"));`
#[derive(Debug, Clone)]
pub struct Builder {
    paths: Vec<PathBuf>,
    options: EmitOptions,
    out_dir: Option<PathBuf>,
    file_name: String,
    cargo: bool,
}

/// What a successful run did.
#[derive(Debug)]
pub struct Output {
    pub path: PathBuf,
    /// False when the file already had this content and was left alone.
    pub written: bool,
    pub analysis: Analysis,
}

#[derive(Debug)]
pub enum Failure {
    Load(LoadError),
    /// The catalogues have errors; `rendered` holds every finding.
    Findings {
        rendered: String,
        errors: usize,
    },
    Emit(String),
    Write(PathBuf, io::Error),
    NoOutDir,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Load(e) => write!(f, "error: cannot read the catalogues: {e}"),
            Failure::Findings { rendered, errors } => write!(
                f,
                "{rendered}\nerror: the catalogues have {errors} error{}; nothing was generated",
                if *errors == 1 { "" } else { "s" }
            ),
            Failure::Emit(e) => write!(f, "error: errcat-build could not generate code: {e}"),
            Failure::Write(path, e) => {
                write!(f, "error: cannot write {}: {e}", project::display(path))
            }
            Failure::NoOutDir => write!(
                f,
                "error: OUT_DIR is not set; run from a build script or set an output folder"
            ),
        }
    }
}

impl std::error::Error for Failure {}

impl Builder {
    /// Catalogues from a folder (or a file); more with [`Builder::path`].
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Builder {
            paths: vec![path.into()],
            options: EmitOptions::default(),
            out_dir: None,
            file_name: "errcat.rs".to_string(),
            cargo: true,
        }
    }

    pub fn path(mut self, path: impl Into<PathBuf>) -> Self {
        self.paths.push(path.into());
        self
    }

    /// Path of the errcat runtime in the generated code (default `::errcat`;
    /// `crate` inside errcat itself).
    pub fn runtime_path(mut self, path: impl Into<String>) -> Self {
        self.options.runtime = path.into();
        self
    }

    /// serde for `Code` (as its number) and `Body` (default: off). It
    /// needs errcat's `serde` feature; `Gate::feature("serde")` ties it to
    /// a feature of the crate that includes the code.
    pub fn serde(mut self, gate: Gate) -> Self {
        self.options.serde = gate;
        self
    }

    /// `From<Code> for http::StatusCode` (default: off; needs errcat's `http`).
    pub fn http(mut self, gate: Gate) -> Self {
        self.options.http = gate;
        self
    }

    /// axum's `IntoResponse` for `Code` (default: off; needs errcat's `axum`).
    pub fn axum(mut self, gate: Gate) -> Self {
        self.options.axum = gate;
        self
    }

    /// Where to write (default: `$OUT_DIR`).
    pub fn out_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// Name of the generated file (default `errcat.rs`).
    pub fn file_name(mut self, name: impl Into<String>) -> Self {
        self.file_name = name.into();
        self
    }

    /// Whether to print `cargo::` directives (default: yes).
    pub fn cargo_directives(mut self, yes: bool) -> Self {
        self.cargo = yes;
        self
    }

    /// Reads, checks and generates. Warnings go out as `cargo::warning`
    /// lines;
    /// on errors the generated file is removed, so nothing can compile
    /// against a stale one.
    pub fn run(&self) -> Result<Output, Failure> {
        let out_dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or(Failure::NoOutDir)?,
        };
        let path = out_dir.join(&self.file_name);
        let result = self.generate(&path);
        if result.is_err() {
            let _ = fs::remove_file(&path);
        }
        result
    }

    fn generate(&self, path: &Path) -> Result<Output, Failure> {
        let project = Project::load(&self.paths).map_err(Failure::Load)?;
        if self.cargo {
            for watched in project.watched_paths() {
                println!("cargo::rerun-if-changed={}", watched.display());
            }
        }
        let analysis = project.analyze();
        if analysis.has_errors() {
            return Err(Failure::Findings {
                rendered: analysis.render(false),
                errors: analysis.errors(),
            });
        }
        if self.cargo {
            // One line each: cargo shows warnings line by line, and
            // `cargo xtask check` shows them in full.
            for diagnostic in &analysis.diagnostics {
                println!(
                    "cargo::warning={}",
                    diagnostic.one_line(&analysis.model.sources)
                );
            }
        }
        let code = emit::emit(&analysis.model, &self.options).map_err(Failure::Emit)?;
        let written =
            write_if_changed(path, &code).map_err(|e| Failure::Write(path.to_path_buf(), e))?;
        Ok(Output {
            path: path.to_path_buf(),
            written,
            analysis,
        })
    }

    /// [`Builder::run`] for build scripts: on failure prints everything to
    /// stderr and exits with status 1 (no panic, no backtrace).
    pub fn compile_or_exit(&self) -> Output {
        match self.run() {
            Ok(output) => output,
            Err(failure) => {
                eprintln!("{failure}");
                std::process::exit(1);
            }
        }
    }
}

/// Writes through a temporary file and a rename, so readers never see half
/// a file; leaves the file (and its modification time) alone when the
/// content is already there.
pub fn write_if_changed(path: &Path, content: &str) -> io::Result<bool> {
    if fs::read(path).is_ok_and(|old| old == content.as_bytes()) {
        return Ok(false);
    }
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(format!(".{}.tmp", std::process::id()));
    let temporary = PathBuf::from(temporary);
    fs::write(&temporary, content)?;
    fs::rename(&temporary, path).inspect_err(|_| {
        let _ = fs::remove_file(&temporary);
    })?;
    Ok(true)
}
