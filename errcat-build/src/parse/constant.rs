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
//! ```
//!
//! A comment line above a constant that has its own comment at the end is
//! not its message but a section title (`// 参数和状态检查`).

use std::ops::Range;
use std::sync::LazyLock;

use regex_lite::Regex;

use crate::source::SourceFile;

/// One `NAME = value` line.
#[derive(Debug, Clone)]
pub(crate) struct Constant {
    pub line: Range<usize>,
    pub name: Range<usize>,
    pub value: Range<usize>,
    /// The comment at the end of the line, or else the comment right above.
    pub comment: Option<Range<usize>>,
    /// Index into [`Scan::sections`] of the section the constant is in.
    pub section: Option<usize>,
}

/// Lines read as a constant list.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    pub constants: Vec<Constant>,
    /// Section titles from comment lines, in order.
    pub sections: Vec<Range<usize>>,
    /// Lines that are neither constants, comments nor blank.
    pub other_lines: Vec<Range<usize>>,
}

impl Scan {
    /// Whether the lines are mostly constants (a list, not code that
    /// happens to assign a number somewhere).
    pub fn is_constant_list(&self) -> bool {
        !self.constants.is_empty() && self.constants.len() >= self.other_lines.len()
    }
}

/// Declaration words before the name: Java, C, Go, JavaScript.
const MODIFIERS: &str = r"(?:(?:public|private|protected|internal|static|final|const|readonly|var|let|val|int|long|short|byte|Integer|Long|int32_t|int64_t|uint32_t|uint64_t)\s+)*";

static CONSTANT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*{MODIFIERS}([A-Za-z_][A-Za-z0-9_]*)(?:\s+[A-Za-z_][\w.]*)?\s*=\s*([-+]?[0-9]+)[uUlL]*\s*[,;]?\s*(?:(//+[<!]?|/\*+[<!]?)(.*))?$"
    ))
    .expect("valid pattern")
});
/// A whole-line comment: `// text`, `/* text */`, `/** text */`.
static LINE_COMMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(//+[<!]?|/\*+)(.*)$").expect("valid pattern"));

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
    let start = rest.start + (body.len() - body.trim_start().len());
    start..start + body.trim().len()
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

pub(crate) fn scan(source: &SourceFile, lines: &[Range<usize>]) -> Scan {
    let mut scan = Scan::default();
    // The text of the last comment since the last constant, blank or
    // other line (the first text line of a block comment).
    let mut pending: Option<Range<usize>> = None;
    let mut state = Comment::None;
    for line in lines {
        let text = source.slice(line.clone());
        let at = |m: regex_lite::Match| line.start + m.start()..line.start + m.end();
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
        if text.trim().is_empty() {
            pending = None;
        } else if let Some(c) = CONSTANT.captures(text) {
            let trailing = c
                .get(3)
                .zip(c.get(4))
                .map(|(opener, rest)| comment_text(opener.as_str(), at(rest), source.text()))
                .filter(|body| !body.is_empty());
            if trailing.is_some()
                && let Some(title) = pending.take()
            {
                scan.sections.push(title);
            }
            scan.constants.push(Constant {
                line: line.clone(),
                name: at(c.get(1).expect("group 1 always matches")),
                value: at(c.get(2).expect("group 2 always matches")),
                comment: trailing.or(pending.take()),
                section: scan.sections.len().checked_sub(1),
            });
        } else if let Some(c) = LINE_COMMENT.captures(text) {
            let opener = c.get(1).expect("group 1 always matches").as_str();
            let body = comment_text(
                opener,
                at(c.get(2).expect("group 2 always matches")),
                source.text(),
            );
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
    scan
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Name, value, message and section of each constant.
    type Read = (String, String, Option<String>, Option<usize>);

    fn read(text: &str) -> (Vec<Read>, Vec<String>) {
        let source = SourceFile::new(0, "t", text.to_string());
        let mut lines = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            lines.push(at..at + line.trim_end_matches(['\n', '\r']).len());
            at += line.len();
        }
        let scan = scan(&source, &lines);
        let constants = scan
            .constants
            .iter()
            .map(|c| {
                (
                    source.slice(c.name.clone()).to_string(),
                    source.slice(c.value.clone()).to_string(),
                    c.comment.clone().map(|r| source.slice(r).to_string()),
                    c.section,
                )
            })
            .collect();
        let sections = scan
            .sections
            .iter()
            .map(|r| source.slice(r.clone()).to_string())
            .collect();
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
}
