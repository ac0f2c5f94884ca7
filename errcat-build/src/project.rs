//! A set of catalogue files and their catalogs.toml, analysed into a model
//! and findings. Shared by build.rs (through [`crate::Builder`]) and xtask.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::check;
use crate::config::{self, CatalogConfig, ColumnRole, Config, Setting};
use crate::diagnostic::{self, Diagnostic};
use crate::encoding::{self, Unusable};
use crate::lint::{self, Level};
use crate::model::{Catalog, CodeType, Entry, FileFacts, Model, OwnedKey, RecordFormat, WireBody};
use crate::naming;
use crate::parse;
use crate::source::{FileId, SourceFile};

/// Status of records that state none, unless catalogs.toml sets another:
/// an error whose catalogue does not say otherwise is the server's.
pub const DEFAULT_HTTP_STATUS: u16 = 500;

/// File extensions read as catalogues when a folder is given.
pub const EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

#[derive(Debug)]
pub enum LoadError {
    NotFound(PathBuf),
    Io(PathBuf, io::Error),
    /// Positions are 32-bit: a catalogue must be under 4 GiB.
    TooLarge(PathBuf, u64),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotFound(path) => write!(f, "{}: no such file or folder", display(path)),
            LoadError::Io(path, error) => write!(f, "{}: {error}", display(path)),
            LoadError::TooLarge(path, size) => write!(
                f,
                "{}: {size} bytes; a catalogue file must be under 4 GiB",
                display(path)
            ),
        }
    }
}

impl std::error::Error for LoadError {}

/// Catalogue files and configs, not yet analysed.
#[derive(Debug, Default, Clone)]
pub struct Project {
    sources: Vec<SourceFile>,
    catalogs: Vec<CatalogFile>,
    configs: Vec<ConfigFile>,
    watched: Vec<PathBuf>,
}

#[derive(Debug, Clone)]
struct CatalogFile {
    file: FileId,
    /// Offset of the first byte that is not UTF-8, and the bytes, to be
    /// read in another encoding.
    invalid_utf8: Option<(usize, Vec<u8>)>,
}

#[derive(Debug, Clone)]
struct ConfigFile {
    /// The folder the config applies to, normalised.
    dir: String,
    file: FileId,
}

impl Project {
    pub fn new() -> Self {
        Project::default()
    }

    /// Reads files and folders: a folder contributes its `.md`, `.markdown`
    /// and `.txt` files (recursively, in path order) and its catalogs.toml;
    /// a file also brings the catalogs.toml beside it.
    pub fn load<P: AsRef<Path>>(paths: &[P]) -> Result<Project, LoadError> {
        let mut project = Project::new();
        for path in paths {
            project.load_path(path.as_ref())?;
        }
        Ok(project)
    }

    fn load_path(&mut self, path: &Path) -> Result<(), LoadError> {
        let metadata = fs::metadata(path).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => LoadError::NotFound(path.to_path_buf()),
            _ => LoadError::Io(path.to_path_buf(), e),
        })?;
        if metadata.is_dir() {
            self.load_config_of(path)?;
            self.watched.push(path.to_path_buf());
            let mut files = Vec::new();
            collect_files(path, &mut files)?;
            for file in files {
                self.load_catalog(&file)?;
            }
        } else {
            if let Some(parent) = path.parent() {
                let dir = if parent.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    parent
                };
                self.load_config_of(dir)?;
            }
            self.load_catalog(path)?;
        }
        Ok(())
    }

    fn load_config_of(&mut self, dir: &Path) -> Result<(), LoadError> {
        let dir_key = normalize(&display(dir));
        if self.configs.iter().any(|c| c.dir == dir_key) {
            return Ok(());
        }
        let path = dir.join(config::FILE_NAME);
        match fs::read(&path) {
            Ok(bytes) => {
                self.watched.push(path.clone());
                self.add_config(&display(dir), bytes);
                Ok(())
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(LoadError::Io(path, e)),
        }
    }

    fn load_catalog(&mut self, path: &Path) -> Result<(), LoadError> {
        let key = normalize(&display(path));
        if self.sources.iter().any(|s| normalize(s.path()) == key) {
            return Ok(());
        }
        let size = fs::metadata(path)
            .map_err(|e| LoadError::Io(path.to_path_buf(), e))?
            .len();
        if size > u64::from(u32::MAX) {
            return Err(LoadError::TooLarge(path.to_path_buf(), size));
        }
        let bytes = fs::read(path).map_err(|e| LoadError::Io(path.to_path_buf(), e))?;
        self.watched.push(path.to_path_buf());
        self.add_file(&display(path), bytes);
        Ok(())
    }

    /// Adds a catalogue file from memory (under 4 GiB, as
    /// [`Project::load`] makes sure of for files it reads).
    pub fn add_file(&mut self, path: &str, bytes: Vec<u8>) {
        let id = self.sources.len() as FileId;
        let (source, invalid_utf8) = decode(id, path, bytes);
        self.sources.push(source);
        self.catalogs.push(CatalogFile {
            file: id,
            invalid_utf8,
        });
    }

    /// Replaces the content of a file already added (to check an edit
    /// before writing it); false if there is no such file.
    pub fn replace_file(&mut self, path: &str, bytes: Vec<u8>) -> bool {
        let key = normalize(path);
        let Some(index) = self.sources.iter().position(|s| normalize(s.path()) == key) else {
            return false;
        };
        let id = index as FileId;
        let (source, invalid_utf8) = decode(id, path, bytes);
        self.sources[index] = source;
        if let Some(file) = self.catalogs.iter_mut().find(|c| c.file == id) {
            file.invalid_utf8 = invalid_utf8;
        }
        true
    }

    /// Adds the catalogs.toml of folder `dir` from memory.
    pub fn add_config(&mut self, dir: &str, bytes: Vec<u8>) {
        let id = self.sources.len() as FileId;
        let path = if dir.is_empty() || dir == "." {
            config::FILE_NAME.to_string()
        } else {
            format!("{}/{}", dir.trim_end_matches('/'), config::FILE_NAME)
        };
        let text = String::from_utf8_lossy(&bytes).into_owned();
        self.sources.push(SourceFile::new(id, path, text));
        self.configs.push(ConfigFile {
            dir: normalize(dir),
            file: id,
        });
    }

    /// Every file and folder read, for `cargo::rerun-if-changed`.
    pub fn watched_paths(&self) -> &[PathBuf] {
        &self.watched
    }

    pub fn analyze(&self) -> Analysis {
        Analyzer::new(self).run()
    }
}

/// Whether a file found in a catalogue folder is read as a catalogue: a
/// `.md`, `.markdown` or `.txt` file whose name does not start with `.`.
pub fn is_catalogue_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    !name.starts_with('.')
        && path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// The file as UTF-8, or decoded lossily with the first bad byte's offset
/// and the bytes kept for another encoding.
fn decode(id: FileId, path: &str, bytes: Vec<u8>) -> (SourceFile, Option<(usize, Vec<u8>)>) {
    match SourceFile::decode(id, path, bytes) {
        Ok(source) => (source, None),
        Err(not_utf8) => (not_utf8.lossy, Some((not_utf8.offset, not_utf8.bytes))),
    }
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), LoadError> {
    let entries = fs::read_dir(dir).map_err(|e| LoadError::Io(dir.to_path_buf(), e))?;
    let mut paths = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| LoadError::Io(dir.to_path_buf(), e))?;
        paths.push(entry.path());
    }
    paths.sort();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect_files(&path, out)?;
        } else if is_catalogue_file(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// A path as shown in diagnostics and generated docs: forward slashes.
pub fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// A comparable form of a path: no `.` components or doubled separators.
fn normalize(path: &str) -> String {
    let parts: Vec<String> = Path::new(path)
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/").replace("//", "/")
}

/// The model and every finding, levels resolved, sorted by place.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub model: Model,
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    pub fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.level == Level::Error)
            .count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.level == Level::Warning)
            .count()
    }

    pub fn has_errors(&self) -> bool {
        self.errors() > 0
    }

    /// Errors and warnings about one catalogue.
    pub fn counts(&self, catalog: usize) -> (usize, usize) {
        let about = self
            .diagnostics
            .iter()
            .filter(|d| d.catalog == Some(catalog));
        about.fold((0, 0), |(e, w), d| match d.level {
            Level::Error => (e + 1, w),
            Level::Warning => (e, w + 1),
            Level::Note | Level::Allow => (e, w),
        })
    }

    /// All findings, rendered.
    pub fn render(&self, color: bool) -> String {
        self.diagnostics
            .iter()
            .map(|d| d.render(&self.model.sources, color))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

struct Analyzer<'a> {
    project: &'a Project,
    configs: Vec<Config>,
    /// Which config applies to each source file.
    config_of: Vec<Option<usize>>,
    /// Per config, which `[[catalog]]` entries matched a part.
    used: Vec<Vec<bool>>,
    model: Model,
    diagnostics: Vec<Diagnostic>,
    /// Per catalogue: its catalogs.toml entry, as (config, entry) indices.
    catalog_config: Vec<Option<(usize, usize)>>,
}

impl<'a> Analyzer<'a> {
    fn new(project: &'a Project) -> Self {
        Analyzer {
            project,
            configs: Vec::new(),
            config_of: Vec::new(),
            used: Vec::new(),
            model: Model {
                sources: project.sources.clone(),
                files: project
                    .sources
                    .iter()
                    .map(|s| FileFacts {
                        path: s.path().to_string(),
                        ..FileFacts::default()
                    })
                    .collect(),
                catalogs: Vec::new(),
            },
            diagnostics: Vec::new(),
            catalog_config: Vec::new(),
        }
    }

    fn run(mut self) -> Analysis {
        for config in &self.project.configs {
            let (parsed, found) = config::parse(&self.project.sources[config.file as usize]);
            self.used.push(vec![false; parsed.catalogs.len()]);
            self.configs.push(parsed);
            self.diagnostics.extend(found);
        }
        self.config_of = self
            .project
            .sources
            .iter()
            .map(|s| self.config_for(s.path()))
            .collect();
        for input in &self.project.catalogs {
            self.read_file(input);
        }
        self.report_unused();
        self.check_catalog_names();
        self.diagnostics.extend(check::run(&self.model));
        self.resolve_levels();
        diagnostic::sort(&mut self.diagnostics, &self.model.sources);
        Analysis {
            model: self.model,
            diagnostics: self.diagnostics,
        }
    }

    /// The config of the nearest folder holding the file.
    fn config_for(&self, path: &str) -> Option<usize> {
        let path = normalize(path);
        self.project
            .configs
            .iter()
            .enumerate()
            .filter(|(_, c)| c.dir.is_empty() || path.starts_with(&format!("{}/", c.dir)))
            .max_by_key(|(_, c)| c.dir.len())
            .map(|(i, _)| i)
    }

    fn catalog_entry(&self, catalog: usize) -> Option<&CatalogConfig> {
        let (config, entry) = self.catalog_config[catalog]?;
        Some(&self.configs[config].catalogs[entry])
    }

    /// The `[[catalog]]` entry for part `number` of a file, marked as used.
    fn find_entry(&mut self, file: FileId, number: u32) -> Option<(usize, usize)> {
        let config = self.config_of[file as usize]?;
        let dir = &self.project.configs[config].dir;
        let path = normalize(self.project.sources[file as usize].path());
        let position = self.configs[config]
            .catalogs
            .iter()
            .position(|entry| entry.part.value == number && join(dir, &entry.file.value) == path)?;
        self.used[config][position] = true;
        Some((config, position))
    }

    /// The `encoding` catalogs.toml sets for a file, if any; the entry
    /// that sets it counts as used (it is about the file, not a part).
    fn configured_encoding(&mut self, file: FileId) -> Option<Setting<String>> {
        let config = self.config_of[file as usize]?;
        let dir = &self.project.configs[config].dir;
        let path = normalize(self.project.sources[file as usize].path());
        let index = self.configs[config]
            .catalogs
            .iter()
            .position(|entry| entry.encoding.is_some() && join(dir, &entry.file.value) == path)?;
        self.used[config][index] = true;
        self.configs[config].catalogs[index].encoding.clone()
    }

    /// The table headers catalogs.toml names for a file; the entries that
    /// name them count as used (they are about the file, not a part).
    fn configured_columns(&mut self, file: FileId) -> Vec<(String, ColumnRole)> {
        let Some(config) = self.config_of[file as usize] else {
            return Vec::new();
        };
        let dir = &self.project.configs[config].dir;
        let path = normalize(self.project.sources[file as usize].path());
        let mut columns = Vec::new();
        for (index, entry) in self.configs[config].catalogs.iter().enumerate() {
            if !entry.columns.is_empty() && join(dir, &entry.file.value) == path {
                self.used[config][index] = true;
                columns.extend(
                    entry
                        .columns
                        .iter()
                        .map(|(header, role)| (header.value.clone(), *role)),
                );
            }
        }
        columns
    }

    /// The file's text: UTF-8, or decoded in the encoding catalogs.toml
    /// names or the one it is recognised in, with a `non-utf8` warning.
    /// `None` when it cannot be read (a finding says why).
    fn decode(&mut self, input: &CatalogFile) -> Option<SourceFile> {
        let original = &self.project.sources[input.file as usize];
        let bytes = input
            .invalid_utf8
            .as_ref()
            .map_or(original.text().as_bytes(), |(_, bytes)| bytes.as_slice());
        if let Some(label) = self.configured_encoding(input.file) {
            let finding = match encoding::decode_as(&label.value, bytes) {
                Ok(decoded) => {
                    let source = SourceFile::new(input.file, original.path(), decoded.text);
                    if decoded.encoding != "UTF-8" {
                        self.diagnostics.push(
                            Diagnostic::new(
                                &lint::NON_UTF8,
                                source.span(0..0),
                                format!("read as {}, as catalogs.toml says", decoded.encoding),
                            )
                            .note_at("the encoding is set here", label.span)
                            .note("saved as UTF-8, the file would need no setting"),
                        );
                    }
                    return Some(source);
                }
                Err(Unusable::UnknownLabel) => Diagnostic::new(
                    &lint::INVALID_CONFIG,
                    label.span,
                    format!(
                        "`{}` is not the name of an encoding (try `gbk`, `gb18030`, `big5`, `shift_jis`)",
                        label.value
                    ),
                ),
                Err(Unusable::Unsupported) => Diagnostic::new(
                    &lint::INVALID_CONFIG,
                    label.span,
                    format!(
                        "this errcat-build reads UTF-8 only; build it with its `encodings` feature to read `{}`",
                        label.value
                    ),
                ),
                Err(Unusable::Invalid(offset)) => {
                    // The lossy text matches the bytes up to the first
                    // byte that is not UTF-8; past it, point at the start.
                    let at =
                        if offset <= input.invalid_utf8.as_ref().map_or(usize::MAX, |(o, _)| *o) {
                            offset
                        } else {
                            0
                        };
                    Diagnostic::new(
                        &lint::INVALID_ENCODING,
                        original.span(at..at),
                        format!(
                            "the file is not valid {}, the encoding catalogs.toml sets for it",
                            label.value
                        ),
                    )
                    .note_at("the encoding is set here", label.span)
                }
            };
            self.diagnostics.push(finding);
            return None;
        }
        let Some((offset, _)) = &input.invalid_utf8 else {
            return Some(original.clone());
        };
        let offset = *offset;
        if let Some(decoded) = encoding::detect(bytes) {
            let line = original.line_column(offset).0;
            let source = SourceFile::new(input.file, original.path(), decoded.text);
            let line_start = source.line_range(line).start;
            self.diagnostics.push(
                Diagnostic::new(
                    &lint::NON_UTF8,
                    source.span(line_start..line_start),
                    format!(
                        "the file is not UTF-8: read as {}, the encoding it decodes in",
                        decoded.encoding
                    ),
                )
                .label("first line that is not UTF-8")
                .note(format!(
                    "convert the file to UTF-8, or set `encoding = \"{}\"` for it in catalogs.toml",
                    decoded.encoding.to_lowercase()
                )),
            );
            return Some(source);
        }
        let byte_end = original.text()[offset..]
            .chars()
            .next()
            .map_or(offset, |c| offset + c.len_utf8());
        let mut finding = Diagnostic::new(
            &lint::INVALID_UTF8,
            original.span(offset..byte_end),
            "the file is not valid UTF-8; catalogues must be saved as UTF-8",
        )
        .label("first byte that is not UTF-8");
        if cfg!(not(feature = "encodings")) {
            finding = finding
                .note("errcat-build reads other encodings (GBK, …) with its `encodings` feature");
        }
        self.diagnostics.push(finding);
        None
    }

    fn read_file(&mut self, input: &CatalogFile) {
        let Some(source) = self.decode(input) else {
            return;
        };
        self.model.sources[input.file as usize] = source;
        let columns = self.configured_columns(input.file);
        let source = &self.model.sources[input.file as usize];
        let parsed = parse::parse_file(source, &columns);
        self.diagnostics.extend(parsed.diagnostics);
        let file_body = parsed.facts.body.clone();
        self.model.files[input.file as usize] = parsed.facts;
        if parsed.parts.is_empty() {
            self.diagnostics.push(
                Diagnostic::new(
                    &lint::NO_RECORDS,
                    source.span(source.body_start()..source.body_start()),
                    "no error-code records found in this file",
                )
                .note("errcat reads bullet records (`- ErrorCode: …`), code tables and `NAME = 10001` constant lists"),
            );
            return;
        }
        let stem = Path::new(source.path())
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let base_name = naming::module_from_stem(&stem);
        for (index, part) in parsed.parts.into_iter().enumerate() {
            let number = index as u32 + 1;
            let found = self.find_entry(input.file, number);
            let entry = found.map(|(c, e)| &self.configs[c].catalogs[e]);
            let name = match entry.and_then(|e| e.name.as_ref()) {
                Some(name) => name.value.clone(),
                None if number == 1 => base_name.clone(),
                None => format!("{base_name}_{number}"),
            };
            let body = match entry.and_then(|e| e.body.as_ref()) {
                Some(configured) => WireBody {
                    code_field: configured.value.0.clone(),
                    message_field: configured.value.1.clone(),
                    span: Some(configured.span),
                },
                None => file_body.clone().unwrap_or_default(),
            };
            let catalog = Catalog {
                namespace: entry
                    .and_then(|e| e.namespace.as_ref())
                    .map(|n| n.value.clone()),
                name,
                file: input.file,
                part: number,
                origin: part.origin,
                format: majority_format(&part.entries),
                default_http_status: entry
                    .and_then(|e| e.default_http_status.as_ref())
                    .map_or(DEFAULT_HTTP_STATUS, |s| s.value),
                code_type: entry.and_then(|e| e.code_type.as_ref()).map_or_else(
                    || CodeType::for_codes(part.entries.iter().filter_map(|e| e.code.as_ref())),
                    |t| t.value,
                ),
                body,
                problem_type: entry
                    .and_then(|e| e.problem_type.as_ref())
                    .map(|t| t.value.clone()),
                retired: entry
                    .map_or_else(Vec::new, |e| {
                        e.retired
                            .iter()
                            .map(|r| (OwnedKey::Number(r.value), r.span))
                            .collect()
                    })
                    .into_iter()
                    .chain(part.retired)
                    .collect(),
                sections: part.sections,
                entries: part.entries,
            };
            let catalog_index = self.model.catalogs.len();
            self.diagnostics.extend(
                part.diagnostics
                    .into_iter()
                    .map(|d| d.in_catalog(catalog_index)),
            );
            self.model.catalogs.push(catalog);
            self.catalog_config.push(found);
        }
    }

    fn report_unused(&mut self) {
        for (c, config) in self.configs.iter().enumerate() {
            let dir = &self.project.configs[c].dir;
            for (i, entry) in config.catalogs.iter().enumerate() {
                if self.used[c][i] {
                    continue;
                }
                let target = join(dir, &entry.file.value);
                let loaded = self
                    .project
                    .sources
                    .iter()
                    .find(|s| normalize(s.path()) == target);
                let (span, message) = match loaded {
                    None if Path::new(&target).exists() => continue, // not among the files checked now
                    None => (
                        entry.file.span,
                        format!(
                            "`{}` names no catalogue file in this folder",
                            entry.file.value
                        ),
                    ),
                    Some(source) => {
                        let parts = self
                            .model
                            .catalogs
                            .iter()
                            .filter(|c| c.file == source.id())
                            .count();
                        (
                            entry.part.span,
                            format!(
                                "`{}` has no part {} (it has {parts} part{} with records)",
                                entry.file.value,
                                entry.part.value,
                                if parts == 1 { "" } else { "s" }
                            ),
                        )
                    }
                };
                self.diagnostics
                    .push(Diagnostic::new(&lint::INVALID_CONFIG, span, message));
            }
        }
    }

    fn check_catalog_names(&mut self) {
        for (index, catalog) in self.model.catalogs.iter().enumerate() {
            let configured = self.catalog_entry(index).and_then(|e| e.name.as_ref());
            let span = configured.map_or_else(|| catalog.entries[0].span, |n| n.span);
            if configured.is_some() && !naming::is_module_name(&catalog.name) {
                self.diagnostics.push(Diagnostic::new(
                    &lint::INVALID_CONFIG,
                    span,
                    format!(
                        "catalogue name `{}` is not a Rust module name: use lowercase ASCII letters, digits and `_`, starting with a letter",
                        catalog.name
                    ),
                ));
            }
            if let Some(first) = self.model.catalogs[..index]
                .iter()
                .find(|c| c.name == catalog.name)
            {
                self.diagnostics.push(
                    Diagnostic::new(
                        &lint::DUPLICATE_IDENTIFIER,
                        span,
                        format!(
                            "two catalogues are named `{}`: give one another name in catalogs.toml",
                            catalog.name
                        ),
                    )
                    .note_at("the other one starts here", first.entries[0].span)
                    .in_catalog(index),
                );
            }
        }
    }

    fn resolve_levels(&mut self) {
        let mut diagnostics = std::mem::take(&mut self.diagnostics);
        for d in &mut diagnostics {
            d.level = self.level(d);
        }
        diagnostics.retain(|d| d.level != Level::Allow);
        self.diagnostics = diagnostics;
    }

    /// A finding's level: the catalogue's own setting, else its folder's
    /// `[lints]`, else the default. Fixed lints are always errors.
    fn level(&self, d: &Diagnostic) -> Level {
        if d.lint.fixed {
            return Level::Error;
        }
        let catalog_level = d
            .catalog
            .and_then(|c| self.catalog_entry(c))
            .and_then(|e| e.lints.get(d.lint));
        let file = d
            .catalog
            .map_or(d.span.file, |c| self.model.catalogs[c].file);
        let folder_level = self
            .config_of
            .get(file as usize)
            .copied()
            .flatten()
            .and_then(|c| self.configs[c].lints.get(d.lint));
        catalog_level.or(folder_level).unwrap_or(d.lint.default)
    }
}

fn join(dir: &str, file: &str) -> String {
    if dir.is_empty() {
        normalize(file)
    } else {
        normalize(&format!("{dir}/{file}"))
    }
}

fn majority_format(entries: &[Entry]) -> RecordFormat {
    // One pass: a large part's records do not fit in cache.
    let mut counts = [
        (RecordFormat::Line, 0usize),
        (RecordFormat::Constant, 0),
        (RecordFormat::Table, 0),
        (RecordFormat::Bullet, 0),
    ];
    for entry in entries {
        if let Some((_, count)) = counts.iter_mut().find(|(f, _)| *f == entry.format) {
            *count += 1;
        }
    }
    // On a tie the later format wins: `max_by_key` keeps the last maximum.
    counts
        .into_iter()
        .max_by_key(|&(_, count)| count)
        .map_or(RecordFormat::Bullet, |(format, _)| format)
}
