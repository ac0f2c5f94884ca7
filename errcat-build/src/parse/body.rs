//! A JSON example of the error body declares the catalogue's wire field
//! names: `{"Code": XXX, "Message": "XXX"}` gives `Code` and `Message`.

use std::ops::Range;
use std::sync::LazyLock;

use regex_lite::Regex;

use crate::model::WireBody;
use crate::reader::CodeBlock;
use crate::source::SourceFile;

static KEY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""([^"\\]+)"\s*:"#).expect("valid pattern"));

const CODE_KEYS: &[&str] = &[
    "code",
    "errcode",
    "errorcode",
    "errno",
    "retcode",
    "returncode",
    "resultcode",
];
const MESSAGE_KEYS: &[&str] = &[
    "message",
    "msg",
    "errmsg",
    "errormessage",
    "errormsg",
    "retmsg",
    "description",
    "desc",
    "detail",
];

fn normalized(key: &str) -> String {
    key.chars()
        .filter(|c| !matches!(c, '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The body a code block shows, if it is a JSON object with a code and a
/// message field.
pub(crate) fn from_code_block(source: &SourceFile, code: &CodeBlock) -> Option<WireBody> {
    let mut lines = code.lines(source.text());
    let first = lines.next()?;
    // Told by its first text before its last line is looked for: a block
    // of 100,000 constants is no body, and has as many lines.
    let blank = |line: &Range<usize>| source.slice(line.clone()).trim().is_empty();
    let head = std::iter::once(first.clone())
        .chain(lines.by_ref())
        .find(|line| !blank(line))?;
    if !source.slice(head.clone()).trim_start().starts_with('{') {
        return None;
    }
    let end = lines.last().map_or(head.end, |last| last.end);
    let text = source.slice(first.start..end);
    let trimmed = text.trim();
    if !(trimmed.starts_with('{') && trimmed.ends_with('}')) {
        return None;
    }
    let keys: Vec<&str> = KEY
        .captures_iter(text)
        .filter_map(|c| c.get(1))
        .map(|m| m.as_str())
        .collect();
    let find = |candidates: &[&str]| {
        keys.iter()
            .find(|k| candidates.contains(&normalized(k).as_str()))
            .copied()
    };
    let code_field = find(CODE_KEYS)?;
    let message_field = find(MESSAGE_KEYS)?;
    let start = first.start + (text.len() - text.trim_start().len());
    Some(WireBody {
        code_field: code_field.to_string(),
        message_field: message_field.to_string(),
        span: Some(source.span(start..start + trimmed.len())),
    })
}
