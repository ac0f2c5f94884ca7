//! Paragraphs of records: plain `code message` lines (`405001 管理员密码错误`,
//! `-1：没有查到信息`, aligned columns) and table rows that go on after a
//! blank line ended their table.

use std::ops::Range;
use std::sync::LazyLock;

use regex_lite::Regex;

use crate::source::SourceFile;

static CODE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(-?[0-9]+)(?:\s*[:：]\s*|\s+|$)(.*?)\s*$").expect("valid pattern")
});

/// One line of a paragraph of records.
#[derive(Debug, Clone)]
pub(crate) enum Line {
    /// `405001 管理员密码错误`: the code, and the message if any.
    Code {
        line: Range<usize>,
        code: Range<usize>,
        message: Option<Range<usize>>,
    },
    /// `|4051|Invalid Auth Info|错误的认证信息|`
    Row(Range<usize>),
}

/// The paragraph as records, if every line is one: several lines, or one
/// with a message (a number alone is not a record).
pub(crate) fn records(source: &SourceFile, lines: &[Range<usize>]) -> Option<Vec<Line>> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let text = source.slice(line.clone());
        if text.trim_start().starts_with('|') {
            out.push(Line::Row(line.clone()));
            continue;
        }
        let c = CODE_LINE.captures(text)?;
        let at = |m: regex_lite::Match| line.start + m.start()..line.start + m.end();
        out.push(Line::Code {
            line: line.clone(),
            code: at(c.get(1).expect("group 1 always matches")),
            message: c.get(2).filter(|m| !m.as_str().is_empty()).map(at),
        });
    }
    let single_bare = matches!(out.as_slice(), [Line::Code { message: None, .. }]);
    (!out.is_empty() && !single_bare).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Option<Vec<String>> {
        let (source, lines) = crate::parse::every_line(text);
        let slice = |r: &Range<usize>| source.slice(r.clone()).to_string();
        records(&source, &lines).map(|lines| {
            lines
                .iter()
                .map(|l| match l {
                    Line::Code { code, message, .. } => {
                        format!(
                            "{} [{}]",
                            slice(code),
                            message.as_ref().map(slice).unwrap_or_default()
                        )
                    }
                    Line::Row(r) => format!("row {}", slice(r)),
                })
                .collect()
        })
    }

    #[test]
    fn code_lines_in_the_shapes_authors_use() {
        assert_eq!(
            read("4052 invalid.socialProvider\n4053 \n-1：没有查到信息\n1001    参数错误\n|4057|Banned|封号用户|\n").unwrap(),
            ["4052 [invalid.socialProvider]", "4053 []", "-1 [没有查到信息]", "1001 [参数错误]", "row |4057|Banned|封号用户|"]
        );
    }

    #[test]
    fn prose_and_lone_numbers_are_not_records() {
        assert_eq!(read("20502\n"), None);
        assert_eq!(read("错误码使用四位数字，说明如下：\n"), None);
        assert_eq!(read("405001 管理员密码错误\n更多说明见下文\n"), None);
        assert_eq!(
            read("405001 管理员密码错误\n").unwrap(),
            ["405001 [管理员密码错误]"]
        );
    }
}
