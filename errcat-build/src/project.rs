//! A set of catalogue files and their catalogs.toml, analysed into a model
//! and findings. Shared by build.rs (through [`crate::Builder`]) and xtask.

use std::collections::{BTreeSet, HashSet};
use std::fmt;
use std::fs;
use std::io::{self, Read};
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

/// The largest catalogue or catalogs.toml read; a larger file is an
/// `unreadable-file` error, found before reading it (and a file that grows
/// past it while read, or reports no size, as `/dev/zero` does, is read no
/// further). Positions are 32-bit, and the front end holds about four
/// times a file: 256 MiB keeps that near a gigabyte.
pub const MAX_FILE_SIZE: u64 = 256 << 20;

/// A path given to [`Project::load`] that cannot be read at all. A file
/// found inside a folder that cannot be read is a finding instead
/// (`unreadable-file`), so that every problem shows in one run.
#[derive(Debug)]
pub enum LoadError {
    NotFound(PathBuf),
    /// A folder holding no catalogue file (once `exclude` is applied).
    NoCatalogues(PathBuf),
    Io(PathBuf, io::Error),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotFound(path) => write!(f, "{}: no such file or folder", display(path)),
            LoadError::NoCatalogues(path) => write!(
                f,
                "{}: no catalogue files in this folder (errcat reads its .md, .markdown and .txt files, less those catalogs.toml excludes)",
                display(path)
            ),
            LoadError::Io(path, error) => write!(f, "{}: {error}", display(path)),
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
    /// Files found but not read, each an empty source for the finding
    /// about it, and why.
    refused: Vec<(FileId, String)>,
    /// Every file read, by its real path: each is read once, under
    /// whichever name reached it first.
    read: HashSet<PathBuf>,
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
    /// and `.txt` files (recursively, in path order) less those its
    /// catalogs.toml excludes, and that catalogs.toml; a folder with none is
    /// [`LoadError::NoCatalogues`]. A file also brings the catalogs.toml
    /// beside it, and is read even if excluded: it was asked for.
    ///
    /// Only regular files inside the folder are read, each once: a link is
    /// followed only to a file or folder inside it (so no loop of links is
    /// walked), and a link out of it, a FIFO, a device, a socket or a file
    /// over [`MAX_FILE_SIZE`] is an `unreadable-file` error at its path.
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
            let root = fs::canonicalize(path).map_err(|e| LoadError::Io(path.to_path_buf(), e))?;
            self.load_config_of(path, &root);
            self.watched.push(path.to_path_buf());
            fs::read_dir(path).map_err(|e| LoadError::Io(path.to_path_buf(), e))?;
            let exclude = self.exclude_of(path);
            let mut any = false;
            for found in collect_files(path, &root) {
                let relative = found.path.strip_prefix(path).unwrap_or(&found.path);
                if exclude.matches(&normalize(&display(relative))) {
                    continue;
                }
                any = true;
                match found.real {
                    Ok(real) => self.load_catalog(&found.path, &real),
                    Err(why) => self.refuse(&found.path, why),
                }
            }
            if !any {
                return Err(LoadError::NoCatalogues(path.to_path_buf()));
            }
        } else {
            let dir = match path.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent,
                _ => Path::new("."),
            };
            let root = fs::canonicalize(dir).map_err(|e| LoadError::Io(dir.to_path_buf(), e))?;
            self.load_config_of(dir, &root);
            match fs::canonicalize(path) {
                Ok(real) if real.starts_with(&root) => self.load_catalog(path, &real),
                Ok(real) => self.refuse(path, outside(&real, dir)),
                Err(e) => self.refuse(path, unreadable(&e)),
            }
        }
        Ok(())
    }

    /// The catalogs.toml of folder `dir` (whose real path is `root`), if
    /// it has one.
    fn load_config_of(&mut self, dir: &Path, root: &Path) {
        let dir_key = normalize(&display(dir));
        if self.configs.iter().any(|c| c.dir == dir_key) {
            return;
        }
        let path = dir.join(config::FILE_NAME);
        match fs::symlink_metadata(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return,
            Err(e) => return self.refuse(&path, unreadable(&e)),
            Ok(_) => {}
        }
        self.watched.push(path.clone());
        let read = match fs::canonicalize(&path) {
            Ok(real) if real.starts_with(root) => read_bounded(&real),
            Ok(real) => Err(outside(&real, dir)),
            Err(e) => Err(unreadable(&e)),
        };
        match read {
            Ok(bytes) => self.add_config(&display(dir), bytes),
            Err(why) => self.refuse(&path, why),
        }
    }

    /// The `exclude` patterns of folder `dir`'s catalogs.toml (whose
    /// mistakes are reported when the project is analysed).
    fn exclude_of(&self, dir: &Path) -> config::Exclude {
        let key = normalize(&display(dir));
        self.configs
            .iter()
            .find(|c| c.dir == key)
            .map(|c| config::parse(&self.sources[c.file as usize]).0.exclude)
            .unwrap_or_default()
    }

    /// A catalogue file found at `path`, its real path `real` (inside the
    /// folder): read unless it was already, or refused with why.
    fn load_catalog(&mut self, path: &Path, real: &Path) {
        let key = normalize(&display(path));
        if self.read.contains(real) || self.sources.iter().any(|s| normalize(s.path()) == key) {
            return;
        }
        self.read.insert(real.to_path_buf());
        self.watched.push(path.to_path_buf());
        match read_bounded(real) {
            Ok(bytes) => self.add_file(&display(path), bytes),
            Err(why) => self.refuse(path, why),
        }
    }

    /// A file or folder not read, and why: an empty source to hold the
    /// `unreadable-file` finding.
    fn refuse(&mut self, path: &Path, why: String) {
        let id = self.sources.len() as FileId;
        self.sources
            .push(SourceFile::new(id, display(path), String::new()));
        self.refused.push((id, why));
        self.watched.push(path.to_path_buf());
    }

    /// Adds a catalogue file from memory (under 4 GiB; [`Project::load`]
    /// reads none over [`MAX_FILE_SIZE`]).
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
        self.analyze_with(&[])
    }

    /// [`Project::analyze`], with status settings a build script gives
    /// catalogues by name (one naming no catalogue is ignored here; the
    /// [`Builder`](crate::Builder) refuses it).
    pub fn analyze_with(
        &self,
        settings: &[(String, crate::http_status::StatusSetting)],
    ) -> Analysis {
        Analyzer::new(self).run(settings)
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

/// A catalogue file found in a folder, or something there that is refused.
struct Found {
    path: PathBuf,
    /// Its real path, inside the folder; or why it is not read.
    real: Result<PathBuf, String>,
}

/// The catalogue files under folder `dir` (real path `root`) in path order,
/// each real file once, and what cannot be followed or listed. Folders are
/// walked from an explicit stack (no recursion to overflow), each once:
/// first those reached without links, so that a file keeps its own name,
/// then those links lead to, in path order.
fn collect_files(dir: &Path, root: &Path) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let mut refuse = |path: PathBuf, why: String| {
        found.push(Found {
            path,
            real: Err(why),
        })
    };
    let mut files = Vec::new();
    let mut folders = HashSet::from([root.to_path_buf()]);
    let mut stack = vec![(dir.to_path_buf(), root.to_path_buf(), false)];
    let mut linked: BTreeSet<(PathBuf, PathBuf)> = BTreeSet::new();
    loop {
        let (folder, real_folder, via_link) = match stack.pop() {
            Some(next) => next,
            None => match linked.pop_first() {
                Some((path, real)) if folders.insert(real.clone()) => (path, real, true),
                Some(_) => continue,
                None => break,
            },
        };
        let entries = match fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(e) => {
                refuse(folder, unreadable(&e));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    refuse(folder.clone(), unreadable(&e));
                    break;
                }
            };
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let catalogue = is_catalogue_file(&path);
            if !kind.is_symlink() {
                let real = real_folder.join(entry.file_name());
                if kind.is_dir() {
                    if folders.insert(real.clone()) {
                        stack.push((path, real, via_link));
                    }
                } else if catalogue {
                    files.push((path, real, via_link));
                }
                continue;
            }
            // A link: followed only inside the folder, each folder once.
            let target = fs::canonicalize(&path).and_then(|real| Ok((fs::metadata(&real)?, real)));
            let (metadata, real) = match target {
                Ok(target) => target,
                Err(_) if catalogue => {
                    let to = fs::read_link(&path).map_or_else(|_| "?".into(), |to| display(&to));
                    refuse(path, format!("a link to `{to}`, which does not exist"));
                    continue;
                }
                Err(_) => continue,
            };
            if !real.starts_with(root) {
                if catalogue || metadata.is_dir() {
                    refuse(path, outside(&real, dir));
                }
            } else if metadata.is_dir() {
                linked.insert((path, real));
            } else if catalogue {
                files.push((path, real, true));
            }
        }
    }
    // A file reached both directly and through a link keeps its own name.
    let direct: HashSet<PathBuf> = files
        .iter()
        .filter(|(_, _, via_link)| !via_link)
        .map(|(_, real, _)| real.clone())
        .collect();
    for (path, real, via_link) in files {
        if !via_link || !direct.contains(&real) {
            found.push(Found {
                path,
                real: Ok(real),
            });
        }
    }
    // Path order, as a walk of sorted folders would give.
    found.sort_by(|a, b| a.path.cmp(&b.path));
    found
}

/// A regular file's bytes, at most [`MAX_FILE_SIZE`] of them; otherwise
/// why it is not read. The size is checked before the file is opened (a
/// FIFO would block the open) and again while reading (a device or a
/// growing file may report less than it holds).
fn read_bounded(path: &Path) -> Result<Vec<u8>, String> {
    let metadata = fs::metadata(path).map_err(|e| unreadable(&e))?;
    if !metadata.is_file() {
        return Err(format!(
            "{}, not a regular file: catalogues are read from regular files only",
            kind_of(&metadata)
        ));
    }
    let too_large = |size: u64| {
        format!(
            "{size} bytes: catalogue files are read up to {} MiB",
            MAX_FILE_SIZE >> 20
        )
    };
    if metadata.len() > MAX_FILE_SIZE {
        return Err(too_large(metadata.len()));
    }
    let file = fs::File::open(path).map_err(|e| unreadable(&e))?;
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(&e))?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// What a file that is not a regular one is.
fn kind_of(metadata: &fs::Metadata) -> &'static str {
    let kind = metadata.file_type();
    if kind.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
    }
    "a special file"
}

fn unreadable(error: &io::Error) -> String {
    format!("cannot be read: {error}")
}

fn outside(real: &Path, dir: &Path) -> String {
    format!(
        "a link to `{}`, outside `{}`: links are followed only inside the catalogue folder",
        display(real),
        display(dir)
    )
}

/// The file as UTF-8, or decoded lossily with the first bad byte's offset
/// and the bytes kept for another encoding.
fn decode(id: FileId, path: &str, bytes: Vec<u8>) -> (SourceFile, Option<(usize, Vec<u8>)>) {
    match SourceFile::decode(id, path, bytes) {
        Ok(source) => (source, None),
        Err(not_utf8) => (not_utf8.lossy, Some((not_utf8.offset, not_utf8.bytes))),
    }
}

/// A path as shown in diagnostics and generated docs: forward slashes.
pub fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// A comparable form of a path: no `.` components or doubled separators,
/// and `..` taken back where it can be (`a/../b.md` is `b.md`).
fn normalize(path: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    for component in Path::new(path).components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir if parts.last().is_some_and(|p| p != ".." && p != "/") => {
                parts.pop();
            }
            other => parts.push(other.as_os_str().to_string_lossy().into_owned()),
        }
    }
    parts.join("/").replace("//", "/")
}

/// Whether a path in catalogs.toml leaves its folder: absolute, or with
/// more `..` than folders before them.
fn leaves_folder(file: &str) -> bool {
    let mut depth = 0usize;
    for component in Path::new(file).components() {
        match component {
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
            Component::ParentDir if depth > 0 => depth -= 1,
            Component::ParentDir | Component::RootDir | Component::Prefix(_) => return true,
        }
    }
    false
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

    fn run(mut self, settings: &[(String, crate::http_status::StatusSetting)]) -> Analysis {
        for (id, why) in &self.project.refused {
            let source = &self.project.sources[*id as usize];
            self.diagnostics.push(
                Diagnostic::new(&lint::UNREADABLE_FILE, source.span(0..0), why.clone())
                    .label("not read"),
            );
        }
        for config in &self.project.configs {
            let (parsed, found) = config::parse(&self.project.sources[config.file as usize]);
            self.used.push(vec![false; parsed.catalogs.len()]);
            self.configs.push(parsed);
            self.diagnostics.extend(found);
        }
        self.check_config_files();
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
        self.apply_status_settings(settings);
        self.check_catalog_names();
        self.check_status_rules();
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

    /// The catalogs.toml that governs a file, and its `[[catalog]]`
    /// entries about the file, each with its index.
    fn entries_about(
        &self,
        file: FileId,
    ) -> Option<(usize, impl Iterator<Item = (usize, &CatalogConfig)>)> {
        let config = self.config_of[file as usize]?;
        let dir = &self.project.configs[config].dir;
        let path = normalize(self.project.sources[file as usize].path());
        let entries = (self.configs[config].catalogs.iter().enumerate())
            .filter(move |(_, entry)| join(dir, &entry.file.value) == path);
        Some((config, entries))
    }

    /// The `[[catalog]]` entry for part `number` of a file, marked as used.
    fn find_entry(&mut self, file: FileId, number: u32) -> Option<(usize, usize)> {
        let (config, mut entries) = self.entries_about(file)?;
        let (position, _) = entries.find(|(_, entry)| entry.part.value == number)?;
        drop(entries);
        self.used[config][position] = true;
        Some((config, position))
    }

    /// The `encoding` catalogs.toml sets for a file, if any; the entry
    /// that sets it counts as used (it is about the file, not a part).
    fn configured_encoding(&mut self, file: FileId) -> Option<Setting<String>> {
        let (config, mut entries) = self.entries_about(file)?;
        let (index, entry) = entries.find(|(_, entry)| entry.encoding.is_some())?;
        let encoding = entry.encoding.clone();
        drop(entries);
        self.used[config][index] = true;
        encoding
    }

    /// The kind of code catalogs.toml gives a part of the file, if any.
    fn configured_code_type(&self, file: FileId) -> Option<CodeType> {
        let (_, mut entries) = self.entries_about(file)?;
        entries.find_map(|(_, entry)| entry.code_type.as_ref().map(|t| t.value))
    }

    /// The table headers catalogs.toml names for a file; the entries that
    /// name them count as used (they are about the file, not a part).
    fn configured_columns(&mut self, file: FileId) -> Vec<(String, ColumnRole)> {
        let Some((config, entries)) = self.entries_about(file) else {
            return Vec::new();
        };
        let naming: Vec<(usize, Vec<(String, ColumnRole)>)> = entries
            .filter(|(_, entry)| !entry.columns.is_empty())
            .map(|(index, entry)| {
                let columns = (entry.columns.iter())
                    .map(|(header, role)| (header.value.clone(), *role))
                    .collect();
                (index, columns)
            })
            .collect();
        let mut columns = Vec::new();
        for (index, named) in naming {
            self.used[config][index] = true;
            columns.extend(named);
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
        let code_type = self.configured_code_type(input.file);
        let source = &self.model.sources[input.file as usize];
        let parsed = parse::parse_file(source, &columns, code_type);
        // A file the reader already refused in part says why it has no
        // records; "no records" on top would only repeat it.
        let refused = parsed.diagnostics.iter().any(Diagnostic::is_error);
        self.diagnostics.extend(parsed.diagnostics);
        let file_body = parsed.facts.body.clone();
        self.model.files[input.file as usize] = parsed.facts;
        if parsed.parts.is_empty() && refused {
            return;
        }
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
                status_rules: entry.map_or_else(Vec::new, |e| e.status_rules.clone()),
                status_from_code: entry
                    .and_then(|e| e.status_from_code.as_ref())
                    .is_some_and(|s| s.value),
                language: entry
                    .and_then(|e| e.language.as_ref())
                    .map(|l| l.value.clone())
                    .or(part.language)
                    .or_else(|| {
                        let messages = part.entries.iter().filter_map(Entry::message_text);
                        crate::parse::infer::language_of(messages).map(str::to_string)
                    }),
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

    /// Each `file` of catalogs.toml names a file in its folder, and names
    /// it once per part, however it is spelt (`./x.md` is `x.md`).
    fn check_config_files(&mut self) {
        for (c, config) in self.configs.iter().enumerate() {
            let dir = &self.project.configs[c].dir;
            for (i, entry) in config.catalogs.iter().enumerate() {
                if leaves_folder(&entry.file.value) {
                    self.used[c][i] = true;
                    self.diagnostics.push(
                        Diagnostic::new(
                            &lint::INVALID_CONFIG,
                            entry.file.span,
                            format!(
                                "`{}` is outside this folder: catalogs.toml configures the files of its own folder and the folders in it",
                                entry.file.value
                            ),
                        )
                        .label("leaves the folder"),
                    );
                    continue;
                }
                let target = join(dir, &entry.file.value);
                // Entries spelt alike are reported as the config is read.
                let first = config.catalogs[..i].iter().find(|earlier| {
                    earlier.part.value == entry.part.value
                        && earlier.file.value != entry.file.value
                        && join(dir, &earlier.file.value) == target
                });
                if let Some(first) = first {
                    self.used[c][i] = true;
                    self.diagnostics.push(
                        Diagnostic::new(
                            &lint::INVALID_CONFIG,
                            entry.span,
                            format!(
                                "part {} of `{}` is configured twice (as `{}` too)",
                                entry.part.value, entry.file.value, first.file.value
                            ),
                        )
                        .note_at("first configured here", first.span),
                    );
                }
            }
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
                let refused = |source: &SourceFile| {
                    let refused = &self.project.refused;
                    refused.iter().any(|(id, _)| *id == source.id())
                };
                let (span, message) = match loaded {
                    // Its own finding says why it was not read.
                    Some(source) if refused(source) => continue,
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

    fn apply_status_settings(&mut self, settings: &[(String, crate::http_status::StatusSetting)]) {
        use crate::http_status::{StatusRule, StatusSetting};
        for (name, setting) in settings {
            let Some(catalog) = self.model.catalogs.iter_mut().find(|c| &c.name == name) else {
                continue;
            };
            match setting {
                StatusSetting::Default(status) => catalog.default_http_status = *status,
                StatusSetting::FromCode(yes) => catalog.status_from_code = *yes,
                StatusSetting::Rule(matcher, status) => catalog.status_rules.push(StatusRule {
                    matcher: matcher.clone(),
                    status: *status,
                    span: catalog.entries[0].span,
                    from_build_script: true,
                }),
            }
        }
    }

    /// A status rule that gives no record its status is a mistake: a
    /// misspelt section, a range beside the codes.
    fn check_status_rules(&mut self) {
        for catalog in &self.model.catalogs {
            for (index, rule) in catalog.status_rules.iter().enumerate() {
                let used = catalog.entries.iter().any(|entry| {
                    matches!(self.model.status_of(catalog, entry).1, crate::http_status::StatusOrigin::Rule(r) if std::ptr::eq(r, &catalog.status_rules[index]))
                });
                if !used {
                    self.diagnostics.push(Diagnostic::new(
                        &lint::INVALID_CONFIG,
                        rule.span,
                        format!(
                            "{} gives no record of catalogue `{}` its status: no record without a status of its own is in {}{}",
                            if rule.from_build_script { "build.rs's status rule" } else { "this rule" },
                            catalog.name,
                            rule.matcher.describe(),
                            if index > 0 { " that an earlier rule does not already match" } else { "" }
                        ),
                    ));
                }
            }
        }
    }

    fn check_catalog_names(&mut self) {
        for (index, catalog) in self.model.catalogs.iter().enumerate() {
            let configured = self.catalog_entry(index).and_then(|e| e.name.as_ref());
            let span = configured.map_or_else(|| catalog.entries[0].span, |n| n.span);
            if configured.is_some() && naming::is_reserved_module(&catalog.name) {
                self.diagnostics.push(Diagnostic::new(
                    &lint::INVALID_CONFIG,
                    span,
                    format!(
                        "catalogue name `{0}` is the name of a crate: a module `{0}` would make `use {0}::…` in the crate ambiguous; call it `{0}_catalog` or another name",
                        catalog.name
                    ),
                ));
            } else if configured.is_some() && !naming::is_module_name(&catalog.name) {
                self.diagnostics.push(Diagnostic::new(
                    &lint::INVALID_CONFIG,
                    span,
                    format!(
                        "catalogue name `{}` is not a Rust module name: use lowercase ASCII letters, digits and `_`, starting with a letter",
                        catalog.name.escape_debug()
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
                    .note(format!(
                        "name it in catalogs.toml: `[[catalog]]` with `file = {:?}` (its path from there) and `name = \"{}_2\"`, or another name",
                        Path::new(self.model.source(catalog.file).path())
                            .file_name()
                            .map(|n| n.to_string_lossy())
                            .unwrap_or_default(),
                        catalog.name
                    ))
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
