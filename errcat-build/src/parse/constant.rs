//! Constant lists in code blocks: `NAME = 10001`, with the message in a
//! `// comment` on the line above or at the end of the line.
//!
//! ```text
//! //参数不合法
//! ILLEGAL_PARAMETER = 10001
//! SERVER_NOT_FOUND = 10002 // 未找到相应主机
//! ```

use std::ops::Range;
use std::sync::LazyLock;

use regex_lite::Regex;

use crate::reader::CodeBlock;
use crate::source::SourceFile;

/// One `NAME = value` line.
#[derive(Debug, Clone)]
pub(crate) struct Constant {
    pub line: Range<usize>,
    pub name: Range<usize>,
    pub value: Range<usize>,
    /// The comment on the line itself, or else the comment line right above.
    pub comment: Option<Range<usize>>,
}

/// A code block read line by line.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    pub constants: Vec<Constant>,
    /// Lines that are neither constants, comments nor blank.
    pub other_lines: Vec<Range<usize>>,
}

impl Scan {
    /// Whether the block is mostly constants (so it is a list, not code that
    /// happens to assign a number somewhere).
    pub fn is_constant_list(&self) -> bool {
        !self.constants.is_empty() && self.constants.len() >= self.other_lines.len()
    }
}

static CONSTANT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*([-+]?[0-9]+)\s*[,;]?\s*(?://\s*(.*?))?\s*$")
        .expect("valid pattern")
});
static COMMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*//\s*(.*?)\s*$").expect("valid pattern"));

pub(crate) fn scan(source: &SourceFile, code: &CodeBlock) -> Scan {
    let mut scan = Scan::default();
    // The last comment line since the last constant, blank or other line.
    let mut pending: Option<Range<usize>> = None;
    for line in &code.lines {
        let text = source.slice(line.clone());
        let at = |m: regex_lite::Match| line.start + m.start()..line.start + m.end();
        if text.trim().is_empty() {
            pending = None;
        } else if let Some(c) = CONSTANT.captures(text) {
            let trailing = c.get(3).filter(|m| !m.as_str().is_empty()).map(at);
            scan.constants.push(Constant {
                line: line.clone(),
                name: at(c.get(1).expect("group 1 always matches")),
                value: at(c.get(2).expect("group 2 always matches")),
                comment: trailing.or(pending.take()),
            });
            pending = None;
        } else if let Some(c) = COMMENT.captures(text) {
            let body = at(c.get(1).expect("group 1 always matches"));
            // Of several comment lines, the one right above the constant
            // is its message.
            if !body.is_empty() {
                pending = Some(body);
            }
        } else {
            scan.other_lines.push(line.clone());
            pending = None;
        }
    }
    scan
}
