//! The checks' stable ids and default levels.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Level {
    Allow,
    /// Shown, but neither a warning nor an error.
    Note,
    Warning,
    Error,
}

impl Level {
    /// Reads a level as written in catalogs.toml.
    pub fn parse(text: &str) -> Option<Level> {
        match text {
            "allow" => Some(Level::Allow),
            "note" => Some(Level::Note),
            "warn" | "warning" => Some(Level::Warning),
            "error" | "deny" => Some(Level::Error),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Note => "note",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A kind of finding, with a stable kebab-case id.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Lint {
    pub id: &'static str,
    pub default: Level,
    /// Findings the generated code cannot be built around (two variants for
    /// one code, a record without a code): their level cannot be lowered.
    pub fixed: bool,
    pub summary: &'static str,
}

macro_rules! lints {
    ($($name:ident = $id:literal, $level:ident, $fixed:literal, $summary:literal;)*) => {
        $(pub static $name: Lint = Lint { id: $id, default: Level::$level, fixed: $fixed, summary: $summary };)*
        /// Every lint, in a stable order.
        pub static ALL: &[&Lint] = &[$(&$name),*];
    };
}

lints! {
    INVALID_UTF8 = "invalid-utf8", Error, true, "the file is not valid UTF-8";
    INVALID_ENCODING = "invalid-encoding", Error, true, "the file is not valid in the encoding catalogs.toml sets";
    NON_UTF8 = "non-utf8", Warning, false, "a file is read in an encoding other than UTF-8";
    MERGE_CONFLICT = "merge-conflict", Error, true, "a git conflict marker is left in the file";
    TOO_DEEPLY_NESTED = "too-deeply-nested", Error, true, "markdown is nested too deeply to be read";
    INVALID_CONFIG = "invalid-config", Error, true, "catalogs.toml is malformed or names something that does not exist";
    UNREADABLE_FILE = "unreadable-file", Error, true, "a file in the catalogue folder is not read: not a regular file, a link out of the folder, too large, or unreadable";
    MISSING_CODE = "missing-code", Error, true, "a record has no error code";
    INVALID_CODE = "invalid-code", Error, true, "an error code is not a number or does not fit the code type";
    DUPLICATE_CODE = "duplicate-code", Error, true, "a code is defined twice in one catalogue or namespace";
    DUPLICATE_IDENTIFIER = "duplicate-identifier", Error, true, "two records become the same Rust identifier";
    INVALID_IDENTIFIER = "invalid-identifier", Error, true, "a name cannot become a Rust identifier";
    RETIRED_CODE = "retired-code", Error, false, "a record uses a code catalogs.toml lists as retired";
    MISSING_HTTP_STATUS = "missing-http-status", Error, false, "a record that should carry an HTTP status has none";
    INVALID_HTTP_STATUS = "invalid-http-status", Error, false, "an HTTP status is not 100-599 or not in the file's status reference";
    HTTP_PREFIX_MISMATCH = "http-prefix-mismatch", Error, false, "a code does not start with its HTTP status";
    SECTION_CLASS_MISMATCH = "section-class-mismatch", Error, false, "a record sits under a heading of another HTTP class";
    CATEGORY_RANGE_MISMATCH = "category-range-mismatch", Error, false, "a code lies outside its category's range";
    RESERVED_RANGE = "reserved-range", Error, false, "a code lies in a reserved range";
    MALFORMED_ROW = "malformed-row", Warning, false, "a table row has more cells than its header, which a rendered table leaves out";
    MISSING_MESSAGE = "missing-message", Warning, false, "a record has no message";
    DUPLICATE_MESSAGE = "duplicate-message", Warning, false, "two codes share one message";
    OVERLAPPING_RANGES = "overlapping-ranges", Warning, false, "two declared code ranges overlap";
    CODE_OUT_OF_ORDER = "code-out-of-order", Warning, false, "a code breaks the ascending order of its section";
    UNKNOWN_FIELD = "unknown-field", Warning, false, "a record has a field errcat does not know";
    NO_RECORDS = "no-records", Error, false, "a catalogue file holds no records";
    UNREAD_CODES = "unread-codes", Warning, false, "a block holds codes errcat did not read into records";
    MIXED_PLACEHOLDERS = "mixed-placeholders", Warning, false, "a catalogue writes its message placeholders in more than one style";
    UNKNOWN_LANGUAGE = "unknown-language", Warning, false, "a translation column's header names no language errcat can tell";
    TRANSLATION_PLACEHOLDERS = "translation-placeholders", Warning, false, "a translation takes fewer placeholders than its primary message";
}

pub fn find(id: &str) -> Option<&'static Lint> {
    ALL.iter().copied().find(|lint| lint.id == id)
}

/// Lint levels set in catalogs.toml, by lint.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LintLevels {
    levels: Vec<(&'static Lint, Level)>,
}

impl LintLevels {
    pub fn set(&mut self, lint: &'static Lint, level: Level) {
        self.levels.retain(|(l, _)| *l != lint);
        self.levels.push((lint, level));
    }

    pub fn get(&self, lint: &Lint) -> Option<Level> {
        self.levels
            .iter()
            .find(|(l, _)| *l == lint)
            .map(|(_, level)| *level)
    }
}
