//! `catalogs.toml`: optional names, namespaces, defaults and lint levels.
//!
//! ```toml
//! [lints]                       # levels for every catalogue in this folder
//! duplicate-message = "allow"   # "allow", "warn" or "error"
//!
//! [[catalog]]
//! file = "console.md"           # relative to this folder
//! part = 2                      # 1 = the part whose first record comes first
//! name = "console_v2"           # module name (default: file stem, `_2`, `_3`…)
//! namespace = "platform"        # catalogues of one namespace share one wire
//! default-http-status = 500     # for records without their own status
//! body = { code = "Code", message = "Message" }
//! problem-type = "https://errors.example.com/{catalog}/{code}"
//! retired = [40400003]          # codes withdrawn on purpose: never to be reused
//! encoding = "gbk"              # the file's encoding, if not UTF-8
//! code-type = "i64"             # u32 (default), or i32 (default when most codes are negative)
//! columns = { code = "编号", message = "内容" }   # headers errcat would not recognise
//! lints = { code-out-of-order = "allow" }
//! ```

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use crate::diagnostic::Diagnostic;
use crate::lint::{self, Level, LintLevels};
use crate::source::{SourceFile, Span};

pub const FILE_NAME: &str = "catalogs.toml";

#[derive(Debug, Clone, Default)]
pub struct Config {
    pub lints: LintLevels,
    pub catalogs: Vec<CatalogConfig>,
    /// Files and folders of the catalogue folder not read as catalogues
    /// (its README, drafts): paths or globs relative to catalogs.toml.
    pub exclude: Exclude,
}

/// The `exclude` patterns: `README.md` and `drafts` (a folder, and so
/// everything in it), `**/*.draft.md`.
#[derive(Debug, Clone, Default)]
pub struct Exclude {
    patterns: Vec<Setting<String>>,
    /// Each pattern as itself and as a folder (`drafts/**`).
    globs: Vec<glob::Pattern>,
}

/// `*` stays within one part of a path, as in a shell; `**` crosses them.
const GLOB_OPTIONS: glob::MatchOptions = glob::MatchOptions {
    case_sensitive: true,
    require_literal_separator: true,
    require_literal_leading_dot: false,
};

impl Exclude {
    /// Whether `path`, relative to the folder of catalogs.toml with `/`
    /// between its parts, is excluded.
    pub fn matches(&self, path: &str) -> bool {
        self.globs
            .iter()
            .any(|glob| glob.matches_with(path, GLOB_OPTIONS))
    }

    pub fn patterns(&self) -> impl Iterator<Item = &Setting<String>> {
        self.patterns.iter()
    }
}

#[derive(Debug, Clone)]
pub struct CatalogConfig {
    /// The catalogue file, relative to the folder holding catalogs.toml.
    pub file: Setting<String>,
    pub part: Setting<u32>,
    pub name: Option<Setting<String>>,
    pub namespace: Option<Setting<String>>,
    pub default_http_status: Option<Setting<u16>>,
    /// Statuses for records that state none, by section, category or code
    /// range (`http-status = [{ section = "云盘", status = 404 }]`).
    pub status_rules: Vec<crate::http_status::StatusRule>,
    /// `http-status-from-code = true`: `40100` answers 401.
    pub status_from_code: Option<Setting<bool>>,
    pub body: Option<Setting<(String, String)>>,
    pub problem_type: Option<Setting<String>>,
    /// The file's encoding, if not UTF-8 (`gbk`).
    pub encoding: Option<Setting<String>>,
    pub code_type: Option<Setting<crate::model::CodeType>>,
    /// The messages' language, a BCP 47 tag (`zh-CN`).
    pub language: Option<Setting<String>>,
    /// Table headers errcat would not recognise, and what their columns hold.
    pub columns: Vec<(Setting<String>, ColumnRole)>,
    /// Codes withdrawn on purpose: their removal is no break, and no record
    /// may use them again.
    pub retired: Vec<Setting<i64>>,
    pub lints: LintLevels,
    /// The whole `[[catalog]]` table.
    pub span: Span,
}

/// What a table column holds, for `columns` in catalogs.toml.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnRole {
    Code,
    Name,
    Message,
    HttpStatus,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub span: Span,
}

/// Reads catalogs.toml; every problem becomes an `invalid-config` finding and
/// the valid rest is still used.
pub fn parse(source: &SourceFile) -> (Config, Vec<Diagnostic>) {
    let mut reader = Reader {
        source,
        diagnostics: Vec::new(),
    };
    let (root, errors) = DeTable::parse_recoverable(source.text());
    for error in errors {
        let range = error.span().unwrap_or(0..0);
        reader.error(
            range,
            format!("catalogs.toml is not valid TOML: {}", error.message()),
        );
    }
    let mut config = Config::default();
    for (key, value) in root.get_ref() {
        match key.get_ref().as_ref() {
            "lints" => config.lints = reader.lints(value),
            "exclude" => config.exclude = reader.exclude(value),
            "catalog" => match value.get_ref() {
                DeValue::Array(items) => {
                    for item in items {
                        if let Some(catalog) = reader.catalog(item) {
                            config.catalogs.push(catalog);
                        }
                    }
                }
                _ => reader.error(
                    value.span(),
                    "`catalog` must be an array of tables: write `[[catalog]]`",
                ),
            },
            other => reader.error(
                key.span(),
                format!("unknown key `{other}`; expected `exclude`, `lints` or `[[catalog]]`"),
            ),
        }
    }
    for (i, a) in config.catalogs.iter().enumerate() {
        if let Some(b) = config.catalogs[..i]
            .iter()
            .find(|b| b.file.value == a.file.value && b.part.value == a.part.value)
        {
            reader.diagnostics.push(
                Diagnostic::new(
                    &lint::INVALID_CONFIG,
                    a.span,
                    format!(
                        "part {} of `{}` is configured twice",
                        a.part.value, a.file.value
                    ),
                )
                .note_at("first configured here", b.span),
            );
        }
    }
    (config, reader.diagnostics)
}

type Spanned<T> = toml::Spanned<T>;

struct Reader<'a> {
    source: &'a SourceFile,
    diagnostics: Vec<Diagnostic>,
}

impl Reader<'_> {
    fn span(&self, range: Range<usize>) -> Span {
        self.source.span(range)
    }

    fn error(&mut self, range: Range<usize>, message: impl Into<String>) {
        let span = self.span(range);
        self.diagnostics
            .push(Diagnostic::new(&lint::INVALID_CONFIG, span, message));
    }

    fn string(&mut self, value: &Spanned<DeValue>, what: &str) -> Option<Setting<String>> {
        match value.get_ref() {
            DeValue::String(s) => Some(Setting {
                value: s.to_string(),
                span: self.span(value.span()),
            }),
            other => {
                self.error(
                    value.span(),
                    format!("{what} must be a string, not {}", other.type_str()),
                );
                None
            }
        }
    }

    fn integer(
        &mut self,
        value: &Spanned<DeValue>,
        what: &str,
        range: Range<i64>,
    ) -> Option<Setting<i64>> {
        let parsed = match value.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
            _ => None,
        };
        match parsed {
            Some(n) if range.contains(&n) => Some(Setting {
                value: n,
                span: self.span(value.span()),
            }),
            _ => {
                self.error(
                    value.span(),
                    format!(
                        "{what} must be an integer from {} to {}",
                        range.start,
                        range.end - 1
                    ),
                );
                None
            }
        }
    }

    fn columns(&mut self, value: &Spanned<DeValue>) -> Vec<(Setting<String>, ColumnRole)> {
        let DeValue::Table(table) = value.get_ref() else {
            self.error(
                value.span(),
                "`columns` must be a table: { code = \"编号\", message = \"内容\" }",
            );
            return Vec::new();
        };
        let mut columns = Vec::new();
        for (key, header) in table {
            let role = match key.get_ref().as_ref() {
                "code" => ColumnRole::Code,
                "name" => ColumnRole::Name,
                "message" => ColumnRole::Message,
                "http" => ColumnRole::HttpStatus,
                other => {
                    self.error(
                        key.span(),
                        format!("unknown column `{other}`; expected code, name, message or http"),
                    );
                    continue;
                }
            };
            if let Some(header) = self.string(header, "a column's header") {
                columns.push((header, role));
            }
        }
        columns
    }

    fn codes(&mut self, value: &Spanned<DeValue>) -> Vec<Setting<i64>> {
        let DeValue::Array(items) = value.get_ref() else {
            self.error(
                value.span(),
                "`retired` must be an array of codes: [40400003, 40400007]",
            );
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| self.integer(item, "a retired code", i64::MIN..i64::MAX))
            .collect()
    }

    fn exclude(&mut self, value: &Spanned<DeValue>) -> Exclude {
        const SHAPE: &str =
            "`exclude` must be an array of paths or globs: [\"README.md\", \"drafts\"]";
        let DeValue::Array(items) = value.get_ref() else {
            self.error(value.span(), SHAPE);
            return Exclude::default();
        };
        let mut globs = Vec::new();
        let mut patterns = Vec::new();
        for item in items {
            let Some(pattern) = self.string(item, "an `exclude` pattern") else {
                continue;
            };
            let trimmed = pattern.value.trim_start_matches("./").trim_end_matches('/');
            if trimmed.is_empty()
                || trimmed.starts_with('/')
                || trimmed.split('/').any(|p| p == "..")
            {
                self.error(
                    item.span(),
                    format!("`{}` is not a path inside this folder", pattern.value),
                );
                continue;
            }
            // A pattern names a file or a folder; a folder's files go with it.
            let pair = [trimmed.to_string(), format!("{trimmed}/**")]
                .map(|text| glob::Pattern::new(&text));
            match pair {
                [Ok(itself), Ok(inside)] => {
                    globs.extend([itself, inside]);
                    patterns.push(pattern);
                }
                [Err(e), _] | [_, Err(e)] => self.error(
                    item.span(),
                    format!(
                        "`{}` is not a valid glob: {} at character {}",
                        pattern.value,
                        e.msg,
                        e.pos + 1
                    ),
                ),
            }
        }
        Exclude { patterns, globs }
    }

    fn lints(&mut self, value: &Spanned<DeValue>) -> LintLevels {
        let mut levels = LintLevels::default();
        let DeValue::Table(table) = value.get_ref() else {
            self.error(
                value.span(),
                "`lints` must be a table of `lint-id = \"level\"`",
            );
            return levels;
        };
        for (key, level) in table {
            let id = key.get_ref().as_ref();
            let Some(lint) = lint::find(id) else {
                let known: Vec<&str> = lint::ALL.iter().map(|l| l.id).collect();
                self.error(
                    key.span(),
                    format!("unknown lint `{id}`; known lints: {}", known.join(", ")),
                );
                continue;
            };
            let Some(text) = self.string(level, "a lint level") else {
                continue;
            };
            let Some(level) = Level::parse(&text.value) else {
                self.error(
                    text.span.range(),
                    format!(
                        "unknown level `{}`; expected \"allow\", \"warn\" or \"error\"",
                        text.value
                    ),
                );
                continue;
            };
            if lint.fixed && level != Level::Error {
                self.error(
                    text.span.range(),
                    format!(
                        "`{id}` cannot be lowered: the generated code cannot be built around it ({})",
                        lint.summary
                    ),
                );
                continue;
            }
            levels.set(lint, level);
        }
        levels
    }

    fn catalog(&mut self, item: &Spanned<DeValue>) -> Option<CatalogConfig> {
        let DeValue::Table(table) = item.get_ref() else {
            self.error(item.span(), "each `[[catalog]]` entry must be a table");
            return None;
        };
        let span = self.span(item.span());
        let mut file = None;
        let mut part = None;
        let mut name = None;
        let mut namespace = None;
        let mut default_http_status = None;
        let mut status_rules = Vec::new();
        let mut status_from_code = None;
        let mut body = None;
        let mut problem_type = None;
        let mut retired = Vec::new();
        let mut encoding = None;
        let mut code_type = None;
        let mut language = None;
        let mut columns = Vec::new();
        let mut lints = LintLevels::default();
        for (key, value) in table {
            match key.get_ref().as_ref() {
                "file" => file = self.string(value, "`file`"),
                "part" => {
                    part = self.integer(value, "`part`", 1..1 << 16).map(|s| Setting {
                        value: s.value as u32,
                        span: s.span,
                    })
                }
                "name" => name = self.string(value, "`name`"),
                "namespace" => namespace = self.string(value, "`namespace`"),
                "default-http-status" => {
                    default_http_status =
                        self.integer(value, "`default-http-status`", 100..600).map(|s| Setting {
                            value: s.value as u16,
                            span: s.span,
                        })
                }
                "http-status" => status_rules = self.status_rules(value),
                "http-status-from-code" => status_from_code = self.boolean(value, "`http-status-from-code`"),
                "body" => body = self.body(value),
                "problem-type" => problem_type = self.string(value, "`problem-type`"),
                "retired" => retired = self.codes(value),
                "encoding" => encoding = self.string(value, "`encoding`"),
                "language" => language = self.language(value),
                "columns" => columns = self.columns(value),
                "code-type" => {
                    code_type = self.string(value, "`code-type`").and_then(|name| {
                        match crate::model::CodeType::parse(&name.value) {
                            Some(t) => Some(Setting { value: t, span: name.span }),
                            None => {
                                self.error(name.span.range(), "`code-type` is \"u32\", \"i32\" or \"i64\"");
                                None
                            }
                        }
                    })
                }
                "lints" => lints = self.lints(value),
                other => self.error(
                    key.span(),
                    format!(
                        "unknown key `{other}` in `[[catalog]]`; expected file, part, name, namespace, language, default-http-status, http-status, http-status-from-code, body, problem-type, retired, encoding, code-type, columns or lints"
                    ),
                ),
            }
        }
        let Some(file) = file else {
            self.error(item.span(), "`[[catalog]]` needs `file = \"…\"`");
            return None;
        };
        Some(CatalogConfig {
            part: part.unwrap_or(Setting {
                value: 1,
                span: file.span,
            }),
            file,
            name,
            namespace,
            default_http_status,
            status_rules,
            language,
            status_from_code,
            body,
            problem_type,
            encoding,
            code_type,
            columns,
            retired,
            lints,
            span,
        })
    }

    fn language(&mut self, value: &Spanned<DeValue>) -> Option<Setting<String>> {
        let text = self.string(value, "`language`")?;
        match crate::parse::infer::any_tag(&text.value) {
            Some(tag) => Some(Setting {
                value: tag,
                span: text.span,
            }),
            None => {
                self.error(
                    value.span(),
                    format!(
                        "`language` must be a BCP 47 tag (`zh`, `en-US`, `zh-Hant`), not `{}`",
                        text.value
                    ),
                );
                None
            }
        }
    }

    fn boolean(&mut self, value: &Spanned<DeValue>, what: &str) -> Option<Setting<bool>> {
        match value.get_ref() {
            DeValue::Boolean(b) => Some(Setting {
                value: *b,
                span: self.span(value.span()),
            }),
            other => {
                self.error(
                    value.span(),
                    format!("{what} must be true or false, not {}", other.type_str()),
                );
                None
            }
        }
    }

    /// `[{ section = "云盘", status = 404 }, { codes = "10300-10399", status = 409 }]`
    fn status_rules(&mut self, value: &Spanned<DeValue>) -> Vec<crate::http_status::StatusRule> {
        use crate::http_status::{StatusMatcher, StatusRule};
        const SHAPE: &str = "`http-status` must be an array of rules: [{ section = \"云盘\", status = 404 }], each with one of section, category, codes or code";
        let DeValue::Array(items) = value.get_ref() else {
            self.error(value.span(), SHAPE);
            return Vec::new();
        };
        let mut rules = Vec::new();
        for item in items {
            let DeValue::Table(table) = item.get_ref() else {
                self.error(item.span(), SHAPE);
                continue;
            };
            let (mut matchers, mut status, mut ok) = (Vec::new(), None, true);
            for (key, field) in table {
                let matcher = match key.get_ref().as_ref() {
                    "status" => {
                        status = self.integer(field, "`status`", 100..600);
                        ok &= status.is_some();
                        continue;
                    }
                    "section" => self
                        .string(field, "`section`")
                        .map(|t| StatusMatcher::Section(t.value)),
                    "category" => self
                        .string(field, "`category`")
                        .map(|t| StatusMatcher::Category(t.value)),
                    "code" => self
                        .integer(field, "`code`", i64::MIN..i64::MAX)
                        .map(|c| StatusMatcher::Codes(c.value..=c.value)),
                    "codes" => self.code_range(field),
                    other => {
                        self.error(
                            key.span(),
                            format!("unknown key `{other}` in an `http-status` rule; expected section, category, codes, code or status"),
                        );
                        None
                    }
                };
                match matcher {
                    Some(matcher) => matchers.push(matcher),
                    None => ok = false,
                }
            }
            if !ok {
                continue;
            }
            match (matchers.len(), status) {
                (1, Some(status)) => rules.push(StatusRule {
                    matcher: matchers.pop().expect("one matcher"),
                    status: status.value as u16,
                    span: self.span(item.span()),
                    from_build_script: false,
                }),
                (_, None) => self.error(item.span(), "this `http-status` rule has no `status`"),
                (0, _) => self.error(item.span(), "this `http-status` rule says no records: give section, category, codes or code"),
                _ => self.error(item.span(), "this `http-status` rule gives more than one of section, category, codes and code: write one rule for each"),
            }
        }
        rules
    }

    /// `"10300-10399"`: a range of codes, either end included.
    fn code_range(
        &mut self,
        value: &Spanned<DeValue>,
    ) -> Option<crate::http_status::StatusMatcher> {
        let text = self.string(value, "`codes`")?;
        let parsed = text.value.split_once('-').and_then(|(first, last)| {
            let (first, last) = (
                first.trim().parse::<i64>().ok()?,
                last.trim().parse::<i64>().ok()?,
            );
            (first <= last).then_some(first..=last)
        });
        match parsed {
            Some(range) => Some(crate::http_status::StatusMatcher::Codes(range)),
            None => {
                self.error(
                    value.span(),
                    format!(
                        "`codes` must be a range of codes, lowest first: \"10300-10399\", not `{}`",
                        text.value
                    ),
                );
                None
            }
        }
    }

    /// A JSON field name for the body: it reaches docs and literals, and
    /// a control or a direction override in one is never meant.
    fn field_name(&mut self, value: &Spanned<DeValue>, what: &str) -> Option<Setting<String>> {
        let name = self.string(value, what)?;
        let unprintable = name.value.chars().find(|&c| {
            c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
        });
        if name.value.is_empty() {
            self.error(value.span(), format!("{what} must not be empty"));
            return None;
        }
        if let Some(c) = unprintable {
            self.error(
                value.span(),
                format!(
                    "{what} holds U+{:04X}, which no field name should: use printable characters",
                    u32::from(c)
                ),
            );
            return None;
        }
        Some(name)
    }

    fn body(&mut self, value: &Spanned<DeValue>) -> Option<Setting<(String, String)>> {
        let DeValue::Table(table) = value.get_ref() else {
            self.error(
                value.span(),
                "`body` must be a table: { code = \"…\", message = \"…\" }",
            );
            return None;
        };
        let (mut code, mut message) = (None, None);
        // A field given but refused has been reported already.
        let mut refused = false;
        for (key, field) in table {
            match key.get_ref().as_ref() {
                "code" => {
                    code = self.field_name(field, "`body.code`");
                    refused |= code.is_none();
                }
                "message" => {
                    message = self.field_name(field, "`body.message`");
                    refused |= message.is_none();
                }
                other => self.error(
                    key.span(),
                    format!("unknown key `{other}` in `body`; expected code or message"),
                ),
            }
        }
        match (code, message) {
            (Some(code), Some(message)) if code.value == message.value => {
                self.error(
                    value.span(),
                    format!(
                        "`body` names `{}` for both the code and the message",
                        code.value.escape_debug()
                    ),
                );
                None
            }
            (Some(code), Some(message)) => Some(Setting {
                value: (code.value, message.value),
                span: self.span(value.span()),
            }),
            _ if refused => None,
            _ => {
                self.error(
                    value.span(),
                    "`body` needs both `code` and `message` field names",
                );
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> (Config, Vec<String>) {
        let source = SourceFile::new(0, "catalogs.toml", text.to_string());
        let (config, mut diagnostics) = parse(&source);
        diagnostics.sort_by_key(|d| d.span.start);
        let messages = diagnostics
            .iter()
            .map(|d| {
                let (line, column) = source.position(d.span);
                format!("{line}:{column}: {}", d.message)
            })
            .collect();
        (config, messages)
    }

    #[test]
    fn reads_catalog_entries_and_levels() {
        let (config, errors) = parse_text(
            "[lints]\nduplicate-message = \"allow\"\n\n[[catalog]]\nfile = \"console.md\"\npart = 2\nname = \"console_v2\"\ndefault-http-status = 502\nbody = { code = \"Code\", message = \"Message\" }\nlints = { code-out-of-order = \"error\" }\n",
        );
        assert_eq!(errors, Vec::<String>::new());
        assert_eq!(
            config.lints.get(&lint::DUPLICATE_MESSAGE),
            Some(Level::Allow)
        );
        let c = &config.catalogs[0];
        assert_eq!((c.file.value.as_str(), c.part.value), ("console.md", 2));
        assert_eq!(c.name.as_ref().unwrap().value, "console_v2");
        assert_eq!(c.default_http_status.as_ref().unwrap().value, 502);
        assert_eq!(
            c.body.as_ref().unwrap().value,
            ("Code".to_string(), "Message".to_string())
        );
        assert_eq!(c.lints.get(&lint::CODE_OUT_OF_ORDER), Some(Level::Error));
    }

    #[test]
    fn reports_every_problem_at_its_line() {
        let (_, errors) = parse_text(
            "[lints]\nno-such-lint = \"warn\"\nduplicate-code = \"allow\"\nmissing-message = \"loud\"\n\n[[catalog]]\nfile = \"a.md\"\ndefault-http-status = 700\ncolour = 1\n\n[[catalog]]\nfile = \"a.md\"\n",
        );
        assert_eq!(errors.len(), 6, "{errors:#?}");
        assert!(errors[0].starts_with("2:1: unknown lint `no-such-lint`"));
        assert!(errors[1].starts_with("3:18: `duplicate-code` cannot be lowered"));
        assert_eq!(
            errors[2],
            "4:19: unknown level `loud`; expected \"allow\", \"warn\" or \"error\""
        );
        assert_eq!(
            errors[3],
            "8:23: `default-http-status` must be an integer from 100 to 599"
        );
        assert!(errors[4].starts_with("9:1: unknown key `colour`"));
        assert_eq!(errors[5], "11:1: part 1 of `a.md` is configured twice");
    }

    #[test]
    fn excludes_files_folders_and_globs_relative_to_the_config() {
        let (config, errors) = parse_text(
            "exclude = [\"README.md\", \"drafts/\", \"**/*.draft.md\", \"./notes.txt\"]\n",
        );
        assert_eq!(errors, Vec::<String>::new());
        let exclude = &config.exclude;
        for path in [
            "README.md",
            "drafts/a.md",
            "drafts/x/b.md",
            "v2/login.draft.md",
            "login.draft.md",
            "notes.txt",
        ] {
            assert!(exclude.matches(path), "{path}");
        }
        for path in [
            "v2/README.md",
            "readme.md",
            "drafts.md",
            "login.md",
            "v2/notes.txt",
        ] {
            assert!(!exclude.matches(path), "{path}");
        }
    }

    #[test]
    fn a_bad_exclude_pattern_is_reported_at_its_place() {
        let (config, errors) = parse_text("exclude = [\"a[.md\", \"../other\", 3, \"ok.md\"]\n");
        assert_eq!(
            errors,
            [
                "1:12: `a[.md` is not a valid glob: invalid range pattern at character 2",
                "1:21: `../other` is not a path inside this folder",
                "1:33: an `exclude` pattern must be a string, not integer",
            ]
        );
        assert!(config.exclude.matches("ok.md"));
        let (_, errors) = parse_text("exclude = \"README.md\"\n");
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].starts_with("1:11: `exclude` must be an array"),
            "{errors:?}"
        );
    }

    #[test]
    fn body_field_names_are_printable_distinct_and_not_empty() {
        let (config, errors) = parse_text(
            "[[catalog]]\nfile = \"a.md\"\nbody = { code = \"c\\r\", message = \"m\\u202E\" }\n\n[[catalog]]\nfile = \"b.md\"\nbody = { code = \"\", message = \"m\" }\n\n[[catalog]]\nfile = \"c.md\"\nbody = { code = \"x\", message = \"x\" }\n",
        );
        assert_eq!(
            errors,
            [
                "3:17: `body.code` holds U+000D, which no field name should: use printable characters",
                "3:34: `body.message` holds U+202E, which no field name should: use printable characters",
                "7:17: `body.code` must not be empty",
                "11:8: `body` names `x` for both the code and the message",
            ]
        );
        assert!(config.catalogs.iter().all(|c| c.body.is_none()));
    }

    #[test]
    fn status_rules_name_one_set_of_records_and_a_status() {
        use crate::http_status::StatusMatcher;
        let (config, errors) = parse_text(
            "[[catalog]]\nfile = \"a.md\"\nhttp-status-from-code = true\nhttp-status = [\n  { section = \"云盘\", status = 404 },\n  { category = \"2xxx\", status = 400 },\n  { codes = \"10300-10399\", status = 409 },\n  { code = 10344, status = 410 },\n  { codes = \"10399-10300\", status = 409 },\n  { section = \"x\" },\n  { section = \"x\", code = 1, status = 400 },\n  { status = 700, code = 1 },\n  { colour = 1, status = 400 },\n]\n",
        );
        let rules: Vec<(StatusMatcher, u16)> = config.catalogs[0]
            .status_rules
            .iter()
            .map(|r| (r.matcher.clone(), r.status))
            .collect();
        assert_eq!(
            rules,
            [
                (StatusMatcher::Section("云盘".into()), 404),
                (StatusMatcher::Category("2xxx".into()), 400),
                (StatusMatcher::Codes(10300..=10399), 409),
                (StatusMatcher::Codes(10344..=10344), 410),
            ]
        );
        assert!(config.catalogs[0].status_from_code.as_ref().unwrap().value);
        assert_eq!(
            errors,
            [
                "9:13: `codes` must be a range of codes, lowest first: \"10300-10399\", not `10399-10300`",
                "10:3: this `http-status` rule has no `status`",
                "11:3: this `http-status` rule gives more than one of section, category, codes and code: write one rule for each",
                "12:14: `status` must be an integer from 100 to 599",
                "13:5: unknown key `colour` in an `http-status` rule; expected section, category, codes, code or status",
            ]
        );
    }

    #[test]
    fn invalid_toml_is_a_finding_not_a_panic() {
        let (_, errors) = parse_text("[[catalog]\nfile = \n");
        assert!(!errors.is_empty());
        assert!(errors[0].contains("not valid TOML"), "{errors:?}");
    }
}
