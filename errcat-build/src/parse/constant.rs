//! Constant lists, in code blocks or pasted as paragraphs: `NAME = 10001`
//! in the shapes several languages write it, with the message in a comment
//! above the constant or at the end of its line.
//!
//! ```text
//! //参数不合法                                   a comment line above
//! ILLEGAL_PARAMETER = 10001
//! SERVER_NOT_FOUND = 10002 // 未找到相应主机      a comment at the end (Go)
//! YOUME_ERROR_INVALID_PARAM = -2, ///< 传入参数错误  a C/C++ enum member
//! /** 用户未登录 */                               a javadoc comment above (Java)
//! public static final int NOT_AUTHENTICATION = 10001;
//! constexpr Status FAILED = 503900U;            a constant of a named type (C++)
//! #define ERR_FS_NO_DIR_ENTRY -4200003          a macro (C)
//! ```
//!
//! A comment line above a constant that has its own comment at the end is
//! not its message but a section title (`// 参数和状态检查`).

use std::ops::Range;

use crate::source::{SourceFile, trimmed};

/// One `NAME = value` line.
#[derive(Debug, Clone)]
pub(crate) struct Constant {
    pub line: Range<usize>,
    pub name: Range<usize>,
    pub value: Range<usize>,
    /// The comment at the end of the line, or else the comment right above.
    pub comment: Option<Range<usize>>,
    /// The title of the section this constant opens, if it opens one: a
    /// comment line above a constant that has a comment of its own.
    pub opens_section: Option<Range<usize>>,
    /// Which of the sections the scan opened, counted from 0, the constant
    /// is in.
    pub section: Option<usize>,
}

/// Lines read as a constant list. The constants themselves go to the
/// caller one at a time rather than into a list: a list of 100,000 would
/// be held beside the records made from it, and the lines are cheap to
/// read again.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    /// How many constants the lines hold.
    pub constants: usize,
    /// Lines that are neither constants, comments nor blank.
    pub other_lines: Vec<Range<usize>>,
    /// How many constants have a comment.
    commented: usize,
    /// The first constant's comment is the line above it.
    first_above: bool,
    /// The lines end inside a block comment (`/* …` not yet closed).
    pub ends_in_comment: bool,
}

impl Scan {
    /// Whether the lines are mostly constants (a list, not code that
    /// happens to assign a number somewhere).
    pub fn is_constant_list(&self) -> bool {
        self.constants > 0 && self.constants >= self.other_lines.len()
    }

    /// Whether the lines define one constant and say nothing of it.
    pub fn one_bare_constant(&self) -> bool {
        self.constants == 1 && self.commented == 0
    }

    /// The one comment on any constant is the one above the first of
    /// several (`// status codes`): it heads the list rather than giving
    /// that constant its message.
    pub fn comment_heads_list(&self) -> bool {
        self.constants > 1 && self.commented == 1 && self.first_above
    }

    /// The scan of this scan's lines and then `later`'s, where `later`'s
    /// start at a blank line outside a comment (so that no state of the
    /// scan goes on across the two).
    pub fn then(mut self, mut later: Scan) -> Scan {
        if self.constants == 0 {
            self.first_above = later.first_above;
        }
        self.constants += later.constants;
        self.commented += later.commented;
        self.other_lines.append(&mut later.other_lines);
        self.ends_in_comment = later.ends_in_comment;
        self
    }
}

/// Declaration words before the name: Java, C, C++, Go, JavaScript.
const MODIFIERS: [&str; 22] = [
    "public",
    "private",
    "protected",
    "internal",
    "static",
    "final",
    "const",
    "constexpr",
    "readonly",
    "var",
    "let",
    "val",
    "int",
    "long",
    "short",
    "byte",
    "Integer",
    "Long",
    "int32_t",
    "int64_t",
    "uint32_t",
    "uint64_t",
];

/// A `NAME = value` line, as ranges into the line.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ConstantLine {
    name: Range<usize>,
    value: Range<usize>,
    /// The opener (`//`, `///<`, `/**`) and the rest of a comment at the end.
    comment: Option<(Range<usize>, Range<usize>)>,
}

/// Reads `[modifiers] NAME [Type] = [-+]digits[uUlL] [,;] [comment]`:
/// declaration words of Java, C, Go and JavaScript, the value, and a
/// comment at the end. Written out rather than as a regex: constant lists
/// run to many thousands of lines, and this reads one in a pass with no
/// allocation (the tests check it against the equivalent pattern).
fn constant_line(text: &str) -> Option<ConstantLine> {
    let Some(equals) = memchr::memchr(b'=', text.as_bytes()) else {
        return defined_constant(text);
    };
    let bytes = text.as_bytes();
    let mut at = skip_spaces(bytes, equals + 1);
    let value = match quoted_code(bytes, at) {
        Some(value) => {
            at = value.end + 1;
            value
        }
        None => {
            let (value, end) = integer_value(bytes, at)?;
            at = end;
            value
        }
    };
    at = skip_spaces(bytes, at);
    if matches!(bytes.get(at), Some(b',' | b';')) {
        at += 1;
    }
    let comment = trailing_comment(bytes, skip_spaces(bytes, at))?;
    let name = declared_name(text, equals)?;
    Some(ConstantLine {
        name,
        value,
        comment,
    })
}

/// `[-+]digits[uUlL]` at `at`: the number's range, and where its suffix
/// ends.
fn integer_value(bytes: &[u8], mut at: usize) -> Option<(Range<usize>, usize)> {
    let start = at;
    if matches!(bytes.get(at), Some(b'-' | b'+')) {
        at += 1;
    }
    let digits = at;
    at = skip_while(bytes, at, |b| b.is_ascii_digit());
    if at == digits {
        return None;
    }
    let end = skip_while(bytes, at, |b| matches!(b, b'u' | b'U' | b'l' | b'L'));
    Some((start..at, end))
}

/// The comment that ends a line from `at`, if anything is left there:
/// `Some(None)` at the line's end, `None` where what is left is no comment.
fn trailing_comment(bytes: &[u8], at: usize) -> Option<Option<(Range<usize>, Range<usize>)>> {
    match at == bytes.len() {
        true => Some(None),
        false => comment_opener(bytes, at, true).map(Some),
    }
}

/// The most constants `lines` can hold: each has an `=` on its line, or a
/// `#` (`#define`). Two single-byte searches, which cost less than one for
/// either byte where one of them is on every line.
pub(crate) fn most_constants(lines: &str) -> usize {
    let bytes = lines.as_bytes();
    memchr::memchr_iter(b'=', bytes).count() + memchr::memchr_iter(b'#', bytes).count()
}

/// The inside of a quoted value at `at` that is a code as an API sends it
/// (`'invalid_header'`, `"E_PARAM"`): letters, digits and `_ . - /`, no
/// space; a string enum's member is its name.
fn quoted_code(bytes: &[u8], at: usize) -> Option<Range<usize>> {
    let quote = *bytes.get(at).filter(|&&b| b == b'\'' || b == b'"')?;
    let end = skip_while(bytes, at + 1, |b| {
        b.is_ascii_alphanumeric() || b"_.-/".contains(&b)
    });
    let inside = at + 1..end;
    let letter_first = bytes.get(at + 1).is_some_and(u8::is_ascii_alphabetic);
    (bytes.get(end) == Some(&quote) && letter_first && inside.len() <= 64).then_some(inside)
}

/// Reads `#define NAME [(][-+]digits[uUlL][)] [comment]`, a C constant.
fn defined_constant(text: &str) -> Option<ConstantLine> {
    let bytes = text.as_bytes();
    let start = skip_spaces(bytes, 0);
    let after = start + "#define".len();
    if !text[start..].starts_with("#define") || !bytes.get(after).is_some_and(|&b| is_space(b)) {
        return None;
    }
    let name_start = skip_spaces(bytes, after);
    let name_end = skip_while(bytes, name_start, |b| {
        b.is_ascii_alphanumeric() || b == b'_'
    });
    if !is_identifier(&text[name_start..name_end]) {
        return None;
    }
    let mut at = skip_spaces(bytes, name_end);
    let parenthesized = bytes.get(at) == Some(&b'(');
    at = skip_spaces(bytes, at + usize::from(parenthesized));
    let (value, end) = integer_value(bytes, at)?;
    at = skip_spaces(bytes, end);
    if parenthesized {
        if bytes.get(at) != Some(&b')') {
            return None;
        }
        at = skip_spaces(bytes, at + 1);
    }
    let comment = trailing_comment(bytes, at)?;
    Some(ConstantLine {
        name: name_start..name_end,
        value,
        comment,
    })
}

/// The name among the words before `=`: after as many declaration words as
/// can be modifiers, one name and at most one type, before it as C writes
/// it where the name is in capitals and the type is not (`Status FAILED`),
/// else after it as Go does (`ErrNotFound ErrorCode`).
fn declared_name(text: &str, equals: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let (mut words, mut leading_modifiers) = (0, 0);
    // The last two words.
    let (mut before_last, mut last) = (0..0, 0..0);
    let mut at = skip_spaces(bytes, 0);
    while at < equals {
        let end = skip_while(bytes, at, |b| !is_space(b) && b != b'=');
        if leading_modifiers == words && MODIFIERS.contains(&&text[at..end]) {
            leading_modifiers += 1;
        }
        words += 1;
        (before_last, last) = (last, at..end);
        at = skip_spaces(bytes, end);
    }
    // Every word but the name (and its type) must be a modifier; as many
    // words as possible are, so a name alone wins over a name and a type.
    if words >= 1 && words - 1 <= leading_modifiers && is_identifier(&text[last.clone()]) {
        Some(last)
    } else if words >= 2 && words - 2 <= leading_modifiers {
        let (first, second) = (&text[before_last.clone()], &text[last.clone()]);
        if is_type_name(first) && !is_capitals(first) && is_capitals(second) {
            Some(last)
        } else if is_identifier(first) && is_type_name(second) {
            Some(before_last)
        } else {
            None
        }
    } else {
        None
    }
}

/// A name in capitals, as C writes constants: `FAILED`, `ERR_2`, `_X`.
fn is_capitals(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_uppercase() || c == '_')
        && (word.bytes()).all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// A comment opener at `at` (`//`, `///<`, `//!`, `/*`, `/**<`), and the
/// rest of the line; `/*<` and `/*!` only where `marked_block` allows.
fn comment_opener(
    bytes: &[u8],
    at: usize,
    marked_block: bool,
) -> Option<(Range<usize>, Range<usize>)> {
    let (block, repeated) = match bytes.get(at..at + 2)? {
        b"//" => (false, b'/'),
        b"/*" => (true, b'*'),
        _ => return None,
    };
    let mut end = skip_while(bytes, at + 1, |b| b == repeated);
    if (!block || marked_block) && matches!(bytes.get(end), Some(b'<' | b'!')) {
        end += 1;
    }
    Some((at..end, end..bytes.len()))
}

/// A whole-line comment: `// text`, `/* text */`, `/** text */`.
fn line_comment(text: &str) -> Option<(Range<usize>, Range<usize>)> {
    let bytes = text.as_bytes();
    comment_opener(bytes, skip_spaces(bytes, 0), false)
}

fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
}

fn skip_spaces(bytes: &[u8], at: usize) -> usize {
    skip_while(bytes, at, is_space)
}

fn skip_while(bytes: &[u8], mut at: usize, keep: impl Fn(u8) -> bool) -> usize {
    while bytes.get(at).is_some_and(|&b| keep(b)) {
        at += 1;
    }
    at
}

fn is_identifier(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && word.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// A type after the name: an identifier that may have dots (`pkg.Code`).
fn is_type_name(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
}

/// The text of a comment after its opener: trimmed, and without the
/// closing `*/` of a `/* … */` comment (a `//` comment keeps a `*/`).
fn comment_text(opener: &str, rest: Range<usize>, text: &str) -> Range<usize> {
    let mut body = &text[rest.clone()];
    if opener.starts_with("/*") {
        body = body.trim_end();
        body = body
            .strip_suffix("*/")
            .unwrap_or(body)
            .trim_end_matches('*');
    }
    let body = trimmed(body);
    rest.start + body.start..rest.start + body.end
}
/// The text of a line inside a block comment (` * text`), and whether the
/// line closes the comment (` */`).
fn block_line(text: &str) -> (Range<usize>, bool) {
    let trimmed = text.trim_end();
    let closes = trimmed.ends_with("*/");
    let end = trimmed.len() - if closes { 2 } else { 0 };
    // Past the indentation and the `*` a javadoc line starts with.
    let rest = text[..end].trim_start().trim_start_matches('*');
    let start = end - rest.len();
    let body = rest.trim();
    let body_start = start + (rest.len() - rest.trim_start().len());
    (body_start..body_start + body.len(), closes)
}

/// Where a comment being read stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Comment {
    None,
    /// Inside `/* … */` that has not ended yet.
    Block,
}

/// Reads `lines`, handing each constant to `each` in order, with the
/// section it opens; scanning the same lines again gives the same ones.
pub(crate) fn scan(
    source: &SourceFile,
    lines: impl IntoIterator<Item = Range<usize>>,
    mut each: impl FnMut(Constant),
) -> Scan {
    let mut scan = Scan::default();
    let mut sections = 0;
    // The text of the last comment since the last constant, blank or
    // other line (the first text line of a block comment).
    let mut pending: Option<Range<usize>> = None;
    let mut state = Comment::None;
    for line in lines {
        let text = source.slice(line.clone());
        let at = |r: Range<usize>| line.start + r.start..line.start + r.end;
        if state == Comment::Block {
            let (body, closes) = block_line(text);
            let body = line.start + body.start..line.start + body.end;
            // A javadoc tag (`@param`) is not the message.
            if pending.is_none() && !body.is_empty() && !source.slice(body.clone()).starts_with('@')
            {
                pending = Some(body);
            }
            if closes {
                state = Comment::None;
            }
            continue;
        }
        if trimmed(text).is_empty() {
            pending = None;
            continue;
        }
        // A comment line is never a constant (no name starts with `/`), and
        // is a third of most lists: it is looked for first.
        let comment = line_comment(text);
        if comment.is_none()
            && let Some(constant) = constant_line(text)
        {
            let trailing = constant
                .comment
                .map(|(opener, rest)| comment_text(&text[opener], at(rest), source.text()))
                .filter(|body| !body.is_empty());
            let opens_section = trailing.is_some().then(|| pending.take()).flatten();
            sections += usize::from(opens_section.is_some());
            let above = trailing.is_none();
            let comment = trailing.or(pending.take());
            if scan.constants == 0 {
                scan.first_above = above && comment.is_some();
            }
            scan.commented += usize::from(comment.is_some());
            scan.constants += 1;
            each(Constant {
                line: line.clone(),
                name: at(constant.name),
                value: at(constant.value),
                comment,
                opens_section,
                section: sections.checked_sub(1),
            });
        } else if let Some((opener, rest)) = comment {
            let body = comment_text(&text[opener], at(rest), source.text());
            let opens_block =
                text.trim_start().starts_with("/*") && !text.trim_end().ends_with("*/");
            if opens_block {
                state = Comment::Block;
                pending = (!body.is_empty()).then_some(body);
            } else if !body.is_empty() {
                // Of several comment lines, the one right above the
                // constant is its message.
                pending = Some(body);
            }
        } else {
            scan.other_lines.push(line.clone());
            pending = None;
        }
    }
    scan.ends_in_comment = state == Comment::Block;
    scan
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_string_enum_member_is_named_after_its_code() {
        let read = |text: &str| {
            constant_line(text).map(|c| (text[c.name].to_string(), text[c.value].to_string()))
        };
        assert_eq!(
            read("    HEADER_INVALID = 'invalid_header',"),
            Some(("HEADER_INVALID".into(), "invalid_header".into()))
        );
        assert_eq!(
            read("NOT_FOUND = \"E_NOT_FOUND\"; // missing"),
            Some(("NOT_FOUND".into(), "E_NOT_FOUND".into()))
        );
        for not in [
            "TITLE = 'two words'",
            "URL = 'https://x.io'",
            "EMPTY = ''",
            "N = '1st'",
        ] {
            assert_eq!(read(not), None, "{not}");
        }
    }

    #[test]
    fn c_macros_are_constants() {
        let read = |text: &str| {
            constant_line(text).map(|c| {
                let comment = c.comment.map(|(_, rest)| text[rest].trim().to_string());
                (text[c.name].to_string(), text[c.value].to_string(), comment)
            })
        };
        assert_eq!(
            read("#define ERR_FS_IS_DIRECTORY    -4200001"),
            Some(("ERR_FS_IS_DIRECTORY".into(), "-4200001".into(), None))
        );
        assert_eq!(
            read("  #define E_BUSY (16U) /* 忙 */"),
            Some(("E_BUSY".into(), "16".into(), Some("忙 */".into())))
        );
        for not in [
            "#define PATH \"/t\"",
            "#define FLAG 0x01",
            "#defineX 1",
            "#define 1X 2",
        ] {
            assert_eq!(read(not), None, "{not}");
        }
    }
    use regex_lite::Regex;

    /// What `constant_line` and `line_comment` read, as patterns.
    /// The name is group 1 after a C type (`Status FAILED`), else group 2.
    const CONSTANT: &str = r"^\s*(?:(?:public|private|protected|internal|static|final|const|constexpr|readonly|var|let|val|int|long|short|byte|Integer|Long|int32_t|int64_t|uint32_t|uint64_t)\s+)*(?:(?:[a-z][\w.]*|[A-Za-z_][\w.]*[a-z.][\w.]*)\s+([A-Z_][A-Z0-9_]*)|([A-Za-z_][A-Za-z0-9_]*)(?:\s+[A-Za-z_][\w.]*)?)\s*=\s*([-+]?[0-9]+)[uUlL]*\s*[,;]?\s*(?:(//+[<!]?|/\*+[<!]?)(.*))?$";
    const LINE_COMMENT: &str = r"^\s*(//+[<!]?|/\*+)(.*)$";

    fn one_of(options: &[&'static str]) -> impl Strategy<Value = &'static str> + use<> {
        prop::sample::select(options.to_vec())
    }

    /// Lines shaped like constants, each part sometimes wrong.
    fn constant_shaped() -> impl Strategy<Value = String> {
        let spaces = || one_of(&["", " ", "  ", "\t"]);
        let word = || {
            one_of(&[
                "public",
                "static",
                "final",
                "int",
                "var",
                "uint64_t",
                "internal",
                "constexpr",
                "Status",
                "NAME",
                "ERR_X",
                "_a1",
                "pkg.Type",
                "3ab",
                "参数",
                "a(b",
            ])
        };
        (
            (
                spaces(),
                prop::collection::vec((word(), one_of(&[" ", "\t", ""])), 0..4),
                word(),
            ),
            (spaces(), one_of(&["=", "==", ":", ""]), spaces()),
            (
                one_of(&["", "-", "+", "--"]),
                one_of(&["0", "10001", "", "x1"]),
                one_of(&["", "L", "uL", "f"]),
            ),
            (spaces(), one_of(&["", ",", ";", ",,"]), spaces()),
            (
                one_of(&["", "//", "///<", "//!", "/*", "/**<", "/*!", "*/", "/", "#"]),
                one_of(&["", " 说明", "*/", " a */"]),
            ),
        )
            .prop_map(
                |(
                    (lead, words, last),
                    (a, equals, b),
                    (sign, digits, suffix),
                    (c, punct, d),
                    (opener, rest),
                )| {
                    let mut line = lead.to_string();
                    for (word, gap) in words {
                        line.push_str(word);
                        line.push_str(gap);
                    }
                    for part in [
                        last, a, equals, b, sign, digits, suffix, c, punct, d, opener, rest,
                    ] {
                        line.push_str(part);
                    }
                    line
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Lines of the words, numbers and punctuation constant lists are
        /// made of: in any order, and in the order of a constant.
        #[test]
        fn reads_lines_as_the_patterns_do(
            text in prop_oneof![
                prop::collection::vec(prop::sample::select(vec![
                    " ", "\t", "=", "==", "-", "+", "0", "10001", "-2", "L", "u", ",", ";", "//",
                    "///<", "//!", "/*", "/**", "/*!", "*/", "<", "!", "public", "static", "final",
                    "int", "const", "constexpr", "var", "uint64_t", "internal", "NAME", "ERR_X", "_a1",
                    "pkg.Type", "Type", "x.y", "3ab", "(", "参数", "：", "·",
                ]), 0..10).prop_map(|parts| parts.concat()),
                constant_shaped(),
            ]
        ) {
            let constant = Regex::new(CONSTANT).unwrap();
            let expected = constant.captures(&text).map(|c| ConstantLine {
                name: c.get(1).or(c.get(2)).unwrap().range(),
                value: c.get(3).unwrap().range(),
                comment: c.get(4).zip(c.get(5)).map(|(o, r)| (o.range(), r.range())),
            });
            prop_assert_eq!(constant_line(&text), expected, "{:?}", text);
            let comment = Regex::new(LINE_COMMENT).unwrap();
            let expected = comment
                .captures(&text)
                .map(|c| (c.get(1).unwrap().range(), c.get(2).unwrap().range()));
            prop_assert_eq!(line_comment(&text), expected, "{:?}", text);
        }
    }

    /// Name, value, message and section of each constant.
    type Read = (String, String, Option<String>, Option<usize>);

    fn read(text: &str) -> (Vec<Read>, Vec<String>) {
        let (source, lines) = crate::parse::every_line(text);
        let (mut constants, mut sections) = (Vec::new(), Vec::new());
        let scan = scan(&source, lines.iter().cloned(), |c| {
            sections.extend(c.opens_section.map(|r| source.slice(r).to_string()));
            constants.push((
                source.slice(c.name.clone()).to_string(),
                source.slice(c.value.clone()).to_string(),
                c.comment.clone().map(|r| source.slice(r).to_string()),
                c.section,
            ));
        });
        assert_eq!(scan.constants, constants.len());
        (constants, sections)
    }

    #[test]
    fn comment_above_or_at_the_end() {
        let (constants, sections) =
            read("//参数不合法\nILLEGAL_PARAMETER = 10001\n\nA = 2 // 二\nB = 3\n");
        assert_eq!(
            constants,
            [
                (
                    "ILLEGAL_PARAMETER".into(),
                    "10001".into(),
                    Some("参数不合法".into()),
                    None
                ),
                ("A".into(), "2".into(), Some("二".into()), None),
                ("B".into(), "3".into(), None, None),
            ]
        );
        assert!(sections.is_empty());
    }

    #[test]
    fn c_enum_members_with_doc_comments_and_group_titles() {
        let (constants, sections) = read(
            "    YOUME_SUCCESS = 0,    ///< 成功\n    \n    // 参数和状态检查\n    YOUME_ERROR_API = -1,   ///< 不支持\n    YOUME_ERROR_STOP = -102, ///<  停止引擎失败\n",
        );
        assert_eq!(
            constants,
            [
                (
                    "YOUME_SUCCESS".into(),
                    "0".into(),
                    Some("成功".into()),
                    None
                ),
                (
                    "YOUME_ERROR_API".into(),
                    "-1".into(),
                    Some("不支持".into()),
                    Some(0)
                ),
                (
                    "YOUME_ERROR_STOP".into(),
                    "-102".into(),
                    Some("停止引擎失败".into()),
                    Some(0)
                ),
            ]
        );
        assert_eq!(sections, ["参数和状态检查"]);
    }

    #[test]
    fn java_constants_with_javadoc() {
        let (constants, _) = read(
            "/**\n\t * 用户未登录\n\t */\n\tpublic static final int NOT_AUTHENTICATION = 10001;\n\t/** 用户未注册 */\n\tpublic static final int NOT_REGISTER = 10006;\n\t/**\n\t * @deprecated\n\t */\n\tprivate static final long OLD = 3L;\n",
        );
        assert_eq!(
            constants,
            [
                (
                    "NOT_AUTHENTICATION".into(),
                    "10001".into(),
                    Some("用户未登录".into()),
                    None
                ),
                (
                    "NOT_REGISTER".into(),
                    "10006".into(),
                    Some("用户未注册".into()),
                    None
                ),
                ("OLD".into(), "3".into(), None, None),
            ]
        );
    }

    #[test]
    fn go_typed_constants() {
        let (constants, _) = read("const (\n\tErrNotFound ErrorCode = 110001 // 未找到\n)\n");
        assert_eq!(
            constants,
            [(
                "ErrNotFound".into(),
                "110001".into(),
                Some("未找到".into()),
                None
            )]
        );
    }

    /// A type before the name where the name is in capitals and the type is
    /// not; after it otherwise, as Go writes it.
    #[test]
    fn c_typed_constants() {
        let (constants, _) = read(
            "// status codes\nconstexpr Status SUCCESS = 0U;\nstatic const Status FAILED = 503900U; // 失败\nERR_X ErrCode = 7\n",
        );
        let names: Vec<(&str, &str)> = (constants.iter())
            .map(|(name, value, _, _)| (name.as_str(), value.as_str()))
            .collect();
        assert_eq!(
            names,
            [("SUCCESS", "0"), ("FAILED", "503900"), ("ERR_X", "7")]
        );
        assert_eq!(constants[0].2.as_deref(), Some("status codes"));
        assert_eq!(constants[1].2.as_deref(), Some("失败"));
    }
}
