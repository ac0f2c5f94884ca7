//! The build.rs entry point: analyse, report, and write the generated file
//! atomically, only when its content changes.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::emit::{self, EmitOptions, Gate};
use crate::http_status::{StatusMatcher, StatusSetting};
use crate::project::{self, Analysis, LoadError, Project};
use crate::source::SourceFile;

/// Compiles catalogue files into Rust source, for a build script:
///
/// ```no_run
/// // build.rs, in `fn main()`:
/// errcat_build::Builder::new("catalogs").compile_or_exit();
/// ```
///
/// and in the crate: `include!(concat!(env!("OUT_DIR"), "/errcat.rs"));`.
/// Each option is a method with its default; [`Builder::generate`] gives
/// the source without writing anything.
#[derive(Debug, Clone)]
pub struct Builder {
    paths: Vec<PathBuf>,
    options: EmitOptions,
    out_dir: Option<PathBuf>,
    file_name: String,
    cargo: bool,
    verify: bool,
    statuses: Vec<(String, StatusSetting)>,
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
        analysis: Box<Analysis>,
    },
    Emit(String),
    Write(PathBuf, io::Error),
    NoOutDir,
    /// [`Builder::verify`]: the file at this path is not what the
    /// catalogues generate now.
    Stale(PathBuf),
    /// A setting of the build script's that cannot apply.
    Settings(String),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Load(e) => write!(f, "error: cannot read the catalogues: {e}"),
            Failure::Findings {
                rendered, errors, ..
            } => write!(
                f,
                "{rendered}\nerror: the catalogues have {errors} error{}; nothing was generated",
                if *errors == 1 { "" } else { "s" }
            ),
            Failure::Emit(e) => write!(f, "error: errcat-build could not generate code: {e}"),
            Failure::Write(path, e) => {
                write!(f, "error: cannot write {}: {e}", project::display(path))
            }
            Failure::Settings(why) => write!(f, "error: build.rs: {why}"),
            Failure::NoOutDir => write!(
                f,
                "error: OUT_DIR is not set; run from a build script or set an output folder"
            ),
            Failure::Stale(path) => write!(
                f,
                "error: {} is not what the catalogues generate now; build without `verify` to regenerate it, and commit it",
                project::display(path)
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
            verify: false,
            statuses: Vec::new(),
        }
    }

    pub fn path(mut self, path: impl Into<PathBuf>) -> Self {
        self.paths.push(path.into());
        self
    }

    /// Path of the errcat runtime in the generated code (default
    /// `::errcat`), for a crate that re-exports it under another name.
    pub fn runtime_path(mut self, path: impl Into<String>) -> Self {
        self.options.runtime = path.into();
        self
    }

    /// serde for `Code` (as its number) and `Body` (default: off). It
    /// needs the runtime's `serde` feature; `Gate::feature("serde")` ties it
    /// to a feature of the crate that includes the code.
    pub fn serde(mut self, gate: Gate) -> Self {
        self.options.serde = gate;
        self
    }

    /// `From<Code> for http::StatusCode` (default: off; needs the runtime's
    /// `http`).
    pub fn http(mut self, gate: Gate) -> Self {
        self.options.http = gate;
        self
    }

    /// axum's `IntoResponse` for `Code` (default: off; needs the runtime's
    /// `axum`).
    pub fn axum(mut self, gate: Gate) -> Self {
        self.options.axum = gate;
        self
    }

    /// An attribute for the `Code` type of catalogue `catalog` (its module
    /// name), or of every catalogue with `"*"`; repeatable, in order:
    ///
    /// ```no_run
    /// errcat_build::Builder::new("catalogs")
    ///     .code_attribute("*", "#[derive(Default)]")
    ///     .code_attribute("billing", "#[doc(alias = \"BillingError\")]")
    ///     .compile_or_exit();
    /// ```
    ///
    /// An attribute that is not Rust fails the build, naming it.
    pub fn code_attribute(
        mut self,
        catalog: impl Into<String>,
        attribute: impl Into<String>,
    ) -> Self {
        self.options
            .code_attributes
            .push((catalog.into(), attribute.into()));
        self
    }

    /// The status of `catalog`'s records that state none and match no
    /// rule, as `default-http-status` in catalogs.toml.
    pub fn default_http_status(mut self, catalog: impl Into<String>, status: u16) -> Self {
        self.statuses
            .push((catalog.into(), StatusSetting::Default(status)));
        self
    }

    /// A status for `catalog`'s records that state none, by section,
    /// category or codes, as an `http-status` rule in catalogs.toml (and
    /// after those):
    ///
    /// ```no_run
    /// use errcat_build::http_status::StatusMatcher;
    ///
    /// errcat_build::Builder::new("catalogs")
    ///     .http_status("volumes", StatusMatcher::Section("云盘".into()), 404)
    ///     .http_status("volumes", StatusMatcher::Codes(10300..=10399), 409)
    ///     .compile_or_exit();
    /// ```
    ///
    /// A rule that gives no record its status, or names no catalogue,
    /// fails the build.
    pub fn http_status(
        mut self,
        catalog: impl Into<String>,
        matcher: StatusMatcher,
        status: u16,
    ) -> Self {
        self.statuses
            .push((catalog.into(), StatusSetting::Rule(matcher, status)));
        self
    }

    /// Whether `catalog`'s records without a status take their code's
    /// first three digits (`40100` → 401), as `http-status-from-code`.
    pub fn http_status_from_code(mut self, catalog: impl Into<String>, yes: bool) -> Self {
        self.statuses
            .push((catalog.into(), StatusSetting::FromCode(yes)));
        self
    }

    /// Every status setting names a catalogue and a status.
    fn check_settings(&self, analysis: &Analysis) -> Result<(), Failure> {
        let mut problems = Vec::new();
        for (name, setting) in &self.statuses {
            if analysis.model.catalog(name).is_none() {
                let names: Vec<&str> = analysis
                    .model
                    .catalogs
                    .iter()
                    .map(|c| c.name.as_str())
                    .collect();
                problems.push(format!(
                    "a status setting names catalogue `{name}`, which is not one of {}",
                    names.join(", ")
                ));
            }
            if let StatusSetting::Default(status) | StatusSetting::Rule(_, status) = setting
                && !(100..=599).contains(status)
            {
                problems.push(format!(
                    "HTTP status {status} for catalogue `{name}` is not 100-599"
                ));
            }
        }
        match problems.is_empty() {
            true => Ok(()),
            false => Err(Failure::Settings(problems.join("\nerror: build.rs: "))),
        }
    }

    /// Where to write (default: `$OUT_DIR`). A folder in the source tree
    /// checks the generated code in; [`Builder::verify`] keeps it fresh.
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

    /// Compare instead of write (default: off): the run fails with
    /// [`Failure::Stale`] when the file is not what the catalogues generate.
    /// For a checked-in copy, in a test CI runs:
    ///
    /// ```no_run
    /// // tests/generated.rs
    /// #[test]
    /// fn checked_in_errors_are_fresh() {
    ///     errcat_build::Builder::new("catalogs")
    ///         .out_dir("src/generated")
    ///         .cargo_directives(false)
    ///         .verify(true)
    ///         .run()
    ///         .unwrap();
    /// }
    /// ```
    pub fn verify(mut self, yes: bool) -> Self {
        self.verify = yes;
        self
    }

    /// Reads, checks and generates, writing nothing: the source and the
    /// analysis, or why there is none.
    pub fn generate(&self) -> Result<(String, Analysis), Failure> {
        let project = Project::load(&self.paths).map_err(Failure::Load)?;
        self.generate_from(&project)
    }

    fn generate_from(&self, project: &Project) -> Result<(String, Analysis), Failure> {
        let analysis = project.analyze_with(&self.statuses);
        self.check_settings(&analysis)?;
        if analysis.has_errors() {
            return Err(Failure::Findings {
                rendered: analysis.render(false),
                errors: analysis.errors(),
                analysis: Box::new(analysis),
            });
        }
        let code = emit::emit(&analysis.model, &self.options).map_err(Failure::Emit)?;
        Ok((code, analysis))
    }

    /// Reads, checks and generates. Warnings go out as `cargo::warning`
    /// lines. The generated file is taken away while the catalogues are
    /// read, so no failure, not even a crash, leaves a stale one to compile
    /// against; an unchanged file is put back as it was.
    pub fn run(&self) -> Result<Output, Failure> {
        let out_dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or(Failure::NoOutDir)?,
        };
        let path = out_dir.join(&self.file_name);
        if self.verify {
            let (code, analysis) = self.generate()?;
            return match fs::read(&path) {
                Ok(old) if old == code.as_bytes() => Ok(Output {
                    path,
                    written: false,
                    analysis,
                }),
                _ => Err(Failure::Stale(path)),
            };
        }
        let previous = Previous::take(&path);
        let result = self.write(&path, previous);
        if result.is_err() {
            let _ = fs::remove_file(&path);
        }
        result
    }

    fn write(&self, path: &Path, previous: Option<Previous>) -> Result<Output, Failure> {
        let project = Project::load(&self.paths).map_err(Failure::Load)?;
        if self.cargo {
            for watched in project.watched_paths() {
                println!("cargo::rerun-if-changed={}", watched.display());
            }
        }
        let (code, analysis) = self.generate_from(&project)?;
        if self.cargo {
            // One line each: cargo shows warnings line by line, and
            // `errcat check` shows them in full.
            let sources = workspace_relative(&analysis.model.sources);
            for diagnostic in &analysis.diagnostics {
                println!("cargo::warning={}", diagnostic.one_line(&sources));
            }
        }
        let written = match previous {
            Some(previous) if previous.content == code.as_bytes() => {
                previous
                    .restore(path, &code)
                    .map_err(|e| Failure::Write(path.to_path_buf(), e))?;
                false
            }
            _ => {
                write_if_changed(path, &code).map_err(|e| Failure::Write(path.to_path_buf(), e))?
            }
        };
        Ok(Output {
            path: path.to_path_buf(),
            written,
            analysis,
        })
    }

    /// [`Builder::run`] for build scripts: on failure reports everything
    /// and ends the build script (no panic, no backtrace). Under cargo the
    /// errors go out as `cargo::error` lines, which cargo shows as errors of
    /// the build without its "failed to run custom build command" wrapper,
    /// with paths from the workspace's root; the script then exits 0, as cargo wants for them (every cargo
    /// that builds this edition-2024 crate knows the directive, new in 1.84).
    pub fn compile_or_exit(&self) -> Output {
        match self.run() {
            Ok(output) => output,
            Err(failure) => {
                if self.cargo {
                    for line in cargo_errors(&failure) {
                        println!("cargo::error={line}");
                    }
                    std::process::exit(0);
                }
                eprintln!("{failure}");
                std::process::exit(1);
            }
        }
    }
}

/// A failure as the lines of `cargo::error` directives: each error
/// rendered, the warnings on one line each (cargo drops a failed script's
/// `cargo::warning` lines), and what it means for the build.
fn cargo_errors(failure: &Failure) -> Vec<String> {
    let Failure::Findings {
        errors, analysis, ..
    } = failure
    else {
        let text = failure.to_string();
        return (text.lines())
            .map(|l| l.strip_prefix("error: ").unwrap_or(l).to_string())
            .collect();
    };
    let sources = workspace_relative(&analysis.model.sources);
    let mut lines = Vec::new();
    for diagnostic in &analysis.diagnostics {
        if diagnostic.is_error() {
            let rendered = diagnostic.render(&sources, false);
            lines.extend(rendered.lines().map(str::to_string));
        } else {
            lines.push(diagnostic.one_line(&sources));
        }
    }
    lines.push(format!(
        "the catalogues have {errors} error{}; nothing was generated",
        if *errors == 1 { "" } else { "s" }
    ));
    lines
}

/// The generated file as it was before a run, taken away meanwhile.
struct Previous {
    content: Vec<u8>,
    modified: Option<std::time::SystemTime>,
}

impl Previous {
    fn take(path: &Path) -> Option<Previous> {
        let content = fs::read(path).ok()?;
        let modified = fs::metadata(path).and_then(|m| m.modified()).ok();
        fs::remove_file(path).ok()?;
        Some(Previous { content, modified })
    }

    /// Puts the file back with its old modification time, so cargo sees
    /// nothing to recompile.
    fn restore(self, path: &Path, content: &str) -> io::Result<()> {
        write_if_changed(path, content)?;
        if let Some(modified) = self.modified {
            fs::File::options()
                .write(true)
                .open(path)?
                .set_modified(modified)?;
        }
        Ok(())
    }
}

/// The sources with paths as seen from the workspace's root, when a build
/// script runs in a member package below it (`svc/catalogs/x.md`).
fn workspace_relative(sources: &[SourceFile]) -> Vec<SourceFile> {
    let Some(prefix) = package_prefix() else {
        return sources.to_vec();
    };
    sources
        .iter()
        .map(|s| {
            SourceFile::new(
                s.id(),
                format!("{prefix}/{}", s.path()),
                s.text().to_string(),
            )
        })
        .collect()
}

/// The package's folder relative to the root of its workspace, if it is
/// not the root: the nearest folder above with a `[workspace]` manifest.
fn package_prefix() -> Option<String> {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR")?);
    for dir in manifest_dir.ancestors().skip(1) {
        let Ok(manifest) = fs::read_to_string(dir.join("Cargo.toml")) else {
            continue;
        };
        let is_workspace = toml::de::DeTable::parse(&manifest)
            .is_ok_and(|t| t.get_ref().contains_key("workspace"));
        if is_workspace {
            let relative = manifest_dir.strip_prefix(dir).ok()?;
            return Some(project::display(relative));
        }
    }
    None
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
