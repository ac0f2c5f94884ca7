//! Records in lines, the shapes people write codes in outside tables and
//! constant lists:
//!
//! ```text
//! 4031 黑名单用户                 a code and its message
//! -1：没有查到信息                 any separator: `:`, `：`, `-`, `=`, `;`, `//`, `|`, spaces
//! 错误编号10001：图片太大           a label that names the code (`错误编号`, `Error code:`, `code=`)
//! 0x11;     // 指令发送出错        hex codes, code pasted with its comment
//! 1001: "请求方式错误",            a JavaScript object's member
//! `ERR_NOT_FOUND` - not found     a symbol in backticks, or a bare `UPPER_CASE` one
//! ```
//!
//! A block (paragraph, list item, blockquote, pasted code) may mix such
//! lines with headers, labels (`登录:`, `**Auth errors (HTTP 403):**`) and
//! prose: each line is judged on its own, and the block's code lines are
//! records when there are two or more, or when the block is one line with
//! a message. A code alone on its line takes the line after it as its
//! message (`> \`20001\`` then `Container already created`).

use std::ops::Range;

use crate::parse::{infer, is_http_status};
use crate::source::SourceFile;

/// One line of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Line {
    /// A code and the message after it, if any.
    Code {
        line: Range<usize>,
        code: Range<usize>,
        name: Option<Range<usize>>,
        http: Option<Range<usize>>,
        message: Option<Range<usize>>,
    },
    /// `|4051|Invalid Auth Info|错误的认证信息|`: a row of a table.
    Row(Range<usize>),
    /// `~~1005 - 已废弃~~`: a code struck through, retired.
    Struck(Range<usize>),
    /// A label over the lines after it (`登录:`): a section's title.
    Label(Range<usize>),
    /// Anything else: prose, a header line, a brace.
    Other(Range<usize>),
}

/// What the code of a line is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Written {
    Number,
    /// In backticks or quotes.
    Quoted,
    /// In `**` or `__`.
    Bold,
    /// A bare `UPPER_CASE` or `E1001`-like symbol.
    Symbol,
}

/// Where a line's code is, and what follows it.
#[derive(Debug, Clone)]
pub(crate) struct CodeLine {
    pub code: Range<usize>,
    /// An `UPPER_CASE` name between the code and the message.
    pub name: Option<Range<usize>>,
    /// A status in parentheses after the message (`Not Found (404)`).
    pub http: Option<Range<usize>>,
    pub message: Option<Range<usize>>,
    /// Whether a label names the code (`Error code: 0`).
    pub labelled: bool,
    /// Whether a dash parts the code from the message (`1001 - …`): a
    /// second one parts the message, a title, from what it goes on to
    /// describe ([`title`]).
    pub dashed: bool,
}

/// `Missing crypto keys - One or more keys are missing.`: in a record whose
/// code a dash parts from the message, the words before the next spaced
/// dash (`-`, `--`, `–`, `—`) are its title, the message, where the rest
/// describes it in sentences or the title is bold. Where the rest is a
/// phrase, the words before the dash say what it is about and the rest
/// goes on the message (`E-Mail - ungültige E-Mail Adresse`).
pub(crate) fn title(text: &str, message: Range<usize>) -> Range<usize> {
    let slice = &text[message.clone()];
    let bytes = slice.as_bytes();
    let spaced_dash = slice.char_indices().find_map(|(i, c)| {
        if !c.is_whitespace() {
            return None;
        }
        let after = &slice[i + c.len_utf8()..];
        let dash = ["--", "-", "–", "—"]
            .into_iter()
            .find(|d| after.starts_with(d))?;
        let rest = &after[dash.len()..];
        rest.starts_with(char::is_whitespace).then_some(i)
    });
    match spaced_dash {
        Some(end)
            if end > 0
                && !bytes[..end].iter().all(u8::is_ascii_whitespace)
                && (emphasized(&slice[..end]) || describes(&slice[end..])) =>
        {
            infer::trim(text, message.start..message.start + end)
        }
        _ => message,
    }
}

/// Whether a title is set in bold (`**Bad Parameters**`): the page shows
/// it as the record's name, whatever follows.
fn emphasized(title: &str) -> bool {
    let title = title.trim();
    ["**", "__"].iter().any(|mark| {
        title.len() > 2 * mark.len() && title.starts_with(mark) && title.ends_with(mark)
    })
}

/// Whether the words after a title describe it: a sentence, or many words.
fn describes(rest: &str) -> bool {
    let rest = rest.trim_end();
    let sentence_end = |c: char| matches!(c, '.' | '!' | '?' | '。' | '！' | '？');
    rest.ends_with(sentence_end)
        || rest
            .match_indices(sentence_end)
            .any(|(at, end)| rest[at + end.len()..].starts_with(char::is_whitespace))
        || rest.split_whitespace().count() >= 8
}

fn is_separator(c: char) -> bool {
    matches!(
        c,
        ':' | '：' | '=' | ',' | '，' | ';' | '；' | '|' | '–' | '—' | '、'
    )
}

/// The list or quote markers a line of a block's text may still carry:
/// `* `, `- `, `+ `, `> `.
fn strip_markers(text: &str, at: usize) -> usize {
    let mut at = at;
    loop {
        let rest = &text[at..];
        let trimmed = rest.trim_start();
        let skipped = rest.len() - trimmed.len();
        let marker = ["> ", ">", "* ", "- ", "+ "].into_iter().find(|m| {
            trimmed.starts_with(m)
                && !(m.starts_with('-') && trimmed[1..].starts_with(|c: char| c.is_ascii_digit()))
        });
        match marker {
            Some(m) => at += skipped + m.len(),
            None => return at + skipped,
        }
    }
}

/// Past the marker of a definition under its term (`**0**` over
/// `:   Success.`), as pandoc and PHP Markdown Extra write definition lists:
/// a `:` or `~` then white space. The marker is markup, not the message.
fn after_definition_marker(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    match rest.strip_prefix([':', '~']) {
        Some(definition) if definition.starts_with([' ', '\t']) => {
            at + rest.len() - definition.trim_start_matches([' ', '\t']).len()
        }
        _ => at,
    }
}

/// The code at the start of `text[at..]`: its range and how it is written.
fn code_at(text: &str, at: usize) -> Option<(Range<usize>, Written)> {
    let rest = &text[at..];
    let bytes = rest.as_bytes();
    match bytes.first()? {
        // `**0000** - Internal Error`: a code in bold.
        b'*' | b'_' if rest.starts_with("**") || rest.starts_with("__") => {
            let marker = &rest[..2];
            let end = rest[2..].find(marker)? + 2;
            let inner = rest[2..end].trim();
            let lead = rest[2..end].len() - rest[2..end].trim_start().len();
            let kind = infer::kind(inner);
            let symbol = kind == infer::Kind::Symbol
                && (inner.contains('_') || inner.bytes().any(|b| b.is_ascii_digit()))
                && crate::parse::table::looks_like_code(inner);
            (matches!(kind, infer::Kind::Number(_)) || symbol)
                .then_some((at + 2 + lead..at + 2 + lead + inner.len(), Written::Bold))
        }
        b'`' | b'"' => {
            let quote = bytes[0] as char;
            let end = rest[1..].find(quote)? + 1;
            let inner = &rest[1..end];
            let kind = infer::kind(inner);
            // In a line, a code in backticks is a number, or a symbol with
            // `_` or digits (`ERR_GONE`): a word in backticks is prose's.
            let symbol = kind == infer::Kind::Symbol
                && quote == '`'
                && !inner.contains(['.', '-'])
                && (inner.contains('_') || inner.bytes().any(|b| b.is_ascii_digit()))
                && crate::parse::table::looks_like_code(inner);
            (matches!(kind, infer::Kind::Number(_)) || symbol)
                .then_some((at + 1..at + end, Written::Quoted))
        }
        b'-' | b'0'..=b'9' => {
            let sign = usize::from(bytes[0] == b'-');
            let digits = if rest[sign..].starts_with("0x") || rest[sign..].starts_with("0X") {
                2 + rest[sign + 2..]
                    .bytes()
                    .take_while(u8::is_ascii_hexdigit)
                    .count()
            } else {
                rest[sign..].bytes().take_while(u8::is_ascii_digit).count()
            };
            let end = sign + digits;
            (digits > 0 && infer::kind(&rest[..end]) != infer::Kind::Prose)
                .then_some((at..at + end, Written::Number))
        }
        b'A'..=b'Z' | b'a'..=b'z' | b'_' => {
            // `ERR\_PNPM\_X`: markdown escapes the underscores.
            let mut end = 0;
            while end < bytes.len() {
                match bytes[end] {
                    b if b.is_ascii_alphanumeric() || b == b'_' => end += 1,
                    b'\\' if bytes.get(end + 1) == Some(&b'_') => end += 2,
                    _ => break,
                }
            }
            let symbol = &rest[..end];
            let upper = symbol.bytes().all(|b| !b.is_ascii_lowercase());
            let code_like = symbol.contains('_') || symbol.bytes().any(|b| b.is_ascii_digit());
            (upper && code_like && symbol.len() >= 3).then_some((at..at + end, Written::Symbol))
        }
        _ => None,
    }
}

/// Reads `[label] CODE [separator] MESSAGE` off a line, if it is one.
pub(crate) fn code_line(text: &str, line: Range<usize>) -> Option<CodeLine> {
    let start = strip_markers(text, line.start).min(line.end);
    let body = &text[start..line.end];
    let lead = body.len() - body.trim_start().len();
    let mut at = start + lead;
    let mut labelled = false;
    let (code, written) = match code_at(&text[..line.end], at) {
        Some(found) => found,
        None => {
            // A label that names the code, up to the first digit or quote,
            // or through its colon (`Código: ERR1_T05`, a symbol after it).
            let (stop, c) = text[at..line.end]
                .char_indices()
                .find(|&(_, c)| c.is_ascii_digit() || matches!(c, '`' | '"' | '-' | ':' | '：'))?;
            let label_end = match c {
                // Past the colon, the bold it closes (`**Code:** 0`) and spaces.
                ':' | '：' => {
                    let after = &text[at + stop + c.len_utf8()..line.end];
                    let rest = after.trim_start_matches(['*', ' ', '\t', '\u{3000}']);
                    let rest = rest.strip_prefix("__ ").unwrap_or(rest).trim_start();
                    line.end - rest.len()
                }
                _ => at + stop,
            };
            let label = text[at..label_end]
                .trim_end_matches([' ', ':', '：', '=', '#', '\u{3000}', '*', '_'])
                .trim_start_matches(['*', '_']);
            // Words only: `if (code >= 2000` is code, not a label.
            let words_only = label
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '_');
            if label.is_empty()
                || !words_only
                || label.chars().count() > 24
                || !infer::names_code(label)
            {
                return None;
            }
            labelled = true;
            at = label_end;
            code_at(&text[..line.end], at)?
        }
    };
    let mut after = code.end
        + match written {
            Written::Quoted => 1,
            Written::Bold => text[code.end..].find(['*', '_']).map_or(0, |i| i + 2),
            Written::Number | Written::Symbol => 0,
        };
    // The separators after the code: spaces, punctuation, `//`, `--`.
    let mut explicit = false;
    let mut spaced = false;
    loop {
        let rest = &text[after..line.end];
        let trimmed = rest.trim_start();
        if trimmed.len() < rest.len() {
            spaced = true;
        }
        after += rest.len() - trimmed.len();
        let next = trimmed.chars().next();
        let step = match next {
            // `1000 => Invalid credentials`, `1001 -> …`: an arrow, whole.
            Some('=' | '-') if trimmed[1..].starts_with('>') => 2,
            Some(c) if is_separator(c) => c.len_utf8(),
            Some('-') if trimmed.starts_with("--") => 2,
            Some('-') => 1,
            Some('/') if trimmed.starts_with("//") => {
                2 + trimmed[2..]
                    .bytes()
                    .take_while(|b| *b == b'/' || *b == b'<')
                    .count()
            }
            Some('.') if trimmed[1..].starts_with(char::is_whitespace) => 1,
            _ => break,
        };
        explicit = true;
        after += step;
    }
    let rest = &text[after..line.end];
    let dashed = matches!(text[code.end..after].trim(), "-" | "--" | "–" | "—");
    if rest.is_empty() {
        return Some(CodeLine {
            code,
            name: None,
            http: None,
            message: None,
            labelled,
            dashed,
        });
    }
    // `3个`, `1.0.0`: the number runs on into a word or a number; but
    // `50413PLAYER_FILE_NOT_LOADED …` glues a name to its code. A quoted
    // code ends at its quote (`` `2310`> `404`: … ``).
    if !explicit && !spaced && written != Written::Quoted {
        let (name, message) = split_name(text, after..line.end);
        return match (written, name) {
            (Written::Number, Some(name)) => Some(CodeLine {
                code,
                name: Some(name),
                http: None,
                message: (!message.is_empty()).then_some(message),
                labelled,
                dashed,
            }),
            _ => None,
        };
    }
    // `1400 to 1499: …`, `100 至 199`: the first end of a range, no code.
    let range_word = ["to ", "至", "到"]
        .iter()
        .find_map(|word| rest.strip_prefix(word));
    if range_word.is_some_and(|end| end.trim_start().starts_with(|c: char| c.is_ascii_digit())) {
        return None;
    }
    // `2021-01-01`, `10:30`: a message does not start with a digit, but
    // after a clear separator and a space (`1001: 2FA required`).
    let separators = &text[code.end..after];
    let first = rest.chars().next()?;
    if first.is_ascii_digit()
        && !(explicit_strong(separators) && separators.ends_with(char::is_whitespace))
    {
        return None;
    }
    if written == Written::Symbol && !explicit {
        return None;
    }
    let mut message = clean_message(text, after..line.end);
    if dashed {
        message = title(text, message);
    }
    // `40001 AUDIO_FILE_NOTEXSIT Media server error`: a name between.
    let (name, message) = split_name(text, message);
    // `> 403: Permission needed`, `Not Found (404)`: the status the record
    // answers with.
    let (message, http) = match leading_status(text, message.clone()) {
        (message, Some(http)) => (message, Some(http)),
        _ => trailing_status(text, message),
    };
    Some(CodeLine {
        code,
        name,
        http,
        message: (!message.is_empty()).then_some(message),
        labelled,
        dashed,
    })
}

/// A message that starts with an `UPPER_CASE` name and then words: the
/// name, and the message after it.
fn split_name(text: &str, message: Range<usize>) -> (Option<Range<usize>>, Range<usize>) {
    let slice = &text[message.clone()];
    let bytes = slice.as_bytes();
    let mut end = 0;
    while end < bytes.len() {
        match bytes[end] {
            b if b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_' => end += 1,
            b'\\' if bytes.get(end + 1) == Some(&b'_') => end += 2,
            _ => break,
        }
    }
    let word = &slice[..end];
    let after = &slice[end..];
    let named = end >= 3
        && word.contains('_')
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && after.starts_with([' ', ',', '，', ':', '：'])
        && !after
            .trim_start_matches([' ', ',', '，', ':', '：'])
            .is_empty();
    if !named {
        return (None, message);
    }
    let rest = message.start + end..message.end;
    let rest = infer::trim(text, rest);
    let rest_start = rest.start
        + (text[rest.clone()].len()
            - text[rest.clone()]
                .trim_start_matches([',', '，', ':', '：'])
                .len());
    (
        Some(message.start..message.start + end),
        infer::trim(text, rest_start..rest.end),
    )
}

/// A message that starts with an HTTP status after an arrow and before a
/// colon (``- `2100` > `403`: Permission needed``, `1001 → 400: Bad input`):
/// the message after it and the status's digits.
fn leading_status(text: &str, message: Range<usize>) -> (Range<usize>, Option<Range<usize>>) {
    let slice = &text[message.clone()];
    let Some(after_arrow) = ["=>", "->", "→", ">"]
        .iter()
        .find_map(|arrow| slice.strip_prefix(arrow))
    else {
        return (message, None);
    };
    let status = after_arrow.trim_start().trim_start_matches('`');
    let digits = status
        .get(..3)
        .filter(|d| d.bytes().all(|b| b.is_ascii_digit()));
    let rest = status
        .get(3..)
        .unwrap_or("")
        .trim_start_matches('`')
        .trim_start();
    match (digits, rest.strip_prefix([':', '：'])) {
        (Some(d), Some(rest)) if d.parse::<i64>().is_ok_and(is_http_status) => {
            let at = message.end - status.len();
            let rest_start = message.end - rest.len();
            (infer::trim(text, rest_start..message.end), Some(at..at + 3))
        }
        _ => (message, None),
    }
}

/// A message that ends with an HTTP status in parentheses, `Not Found
/// (404)`, and maybe a tag after it (`(_Validation_)`): the message before
/// it and the status's digits.
fn trailing_status(text: &str, message: Range<usize>) -> (Range<usize>, Option<Range<usize>>) {
    let slice = &text[message.clone()];
    let Some(open) = slice.find(" (") else {
        return (message, None);
    };
    let digits = &slice[open + 2..];
    let status = digits
        .get(..3)
        .filter(|d| d.bytes().all(|b| b.is_ascii_digit()));
    let closes = digits.get(3..4) == Some(")");
    match status {
        Some(d) if closes && d.parse::<u16>().is_ok_and(|s| (100..=599).contains(&s)) => {
            let at = message.start + open + 2;
            (
                infer::trim(text, message.start..message.start + open),
                Some(at..at + 3),
            )
        }
        _ => (message, None),
    }
}

/// A separator that clearly ends a code (`:`, `=`, `|`, `//`), after which
/// a message may start with a digit (`1001: 2FA required`).
fn explicit_strong(separators: &str) -> bool {
    separators.contains([':', '：', '=', '|']) || separators.contains("//")
}

/// A message without what wraps it in pasted code: trailing `,` or `;`,
/// quotes (`"请求方式错误",`), or parentheses around all of it.
fn clean_message(text: &str, range: Range<usize>) -> Range<usize> {
    let mut range = infer::trim(text, range);
    loop {
        let slice = &text[range.clone()];
        let trimmed = slice.trim_end_matches([',', ';', '，', '；']);
        if trimmed.len() < slice.len() {
            range = infer::trim(text, range.start..range.start + trimmed.len());
            continue;
        }
        let wrapped = [("\"", "\""), ("'", "'"), ("(", ")"), ("（", "）")]
            .into_iter()
            .find(|(open, close)| {
                slice.len() > open.len() + close.len()
                    && slice.starts_with(open)
                    && slice.ends_with(close)
                    && !slice[open.len()..slice.len() - close.len()].contains([
                        open.chars().next().unwrap_or('"'),
                        close.chars().next().unwrap_or('"'),
                    ])
            });
        match wrapped {
            Some((open, close)) => {
                range = infer::trim(text, range.start + open.len()..range.end - close.len());
            }
            None => return range,
        }
    }
}

/// A label line: a short title that ends with a colon (`登录:`,
/// `System errors:`), or one set in bold (`**3XX错误码**`); its title.
pub(crate) fn label(text: &str, line: Range<usize>) -> Option<Range<usize>> {
    let range = infer::trim(text, line);
    let slice = &text[range.clone()];
    let bold = slice.len() > 4 && slice.starts_with("**") && slice.ends_with("**");
    let inner = if bold {
        infer::trim(text, range.start + 2..range.end - 2)
    } else {
        range
    };
    let title = &text[inner.clone()];
    let colon = title.ends_with([':', '：']);
    if !(bold || colon) || title.chars().count() > 60 || title.is_empty() {
        return None;
    }
    let title_end = inner.end - title.len() + title.trim_end_matches([':', '：']).len();
    let title_range = infer::trim(text, inner.start..title_end);
    // A sentence is no label: one that says where it ends before its end.
    (!text[title_range.clone()].contains(['。', '!', '?']) && !title_range.is_empty())
        .then_some(title_range)
}

/// Each line of a block, judged on its own.
pub(crate) fn classify(source: &SourceFile, lines: &[Range<usize>]) -> Vec<Line> {
    let text = source.text();
    lines
        .iter()
        .map(|line| {
            let slice = &text[line.clone()];
            if slice.trim_start().starts_with('|') {
                return Line::Row(line.clone());
            }
            let start = strip_markers(text, line.start).min(line.end);
            let content = infer::trim(text, start..line.end);
            if infer::struck(&text[content.clone()]) {
                let inner = infer::value(text, content.clone());
                if let Some(found) = code_line(text, inner) {
                    return Line::Struck(found.code);
                }
            }
            if let Some(found) = code_line(text, line.clone()) {
                return Line::Code {
                    line: line.clone(),
                    code: found.code,
                    name: found.name,
                    http: found.http,
                    message: found.message,
                };
            }
            match label(text, line.clone()) {
                Some(title) => Line::Label(title),
                None => Line::Other(line.clone()),
            }
        })
        .collect()
}

/// The records a block's lines give: code lines when there are two or
/// more, or the block is one code line with a message (a number alone is
/// no record), each missing message taken from a prose line right after.
pub(crate) fn records(source: &SourceFile, lines: &[Range<usize>]) -> Option<Vec<Line>> {
    let mut out = classify(source, lines);
    let codes = out
        .iter()
        .filter(|l| matches!(l, Line::Code { .. } | Line::Struck(_)))
        .count();
    // Lines of only punctuation (`{`, `}`, `];`) are the code's wrapping.
    let text = source.text();
    let trivial = |line: &Line| match line {
        Line::Other(range) => !text[range.clone()].chars().any(char::is_alphanumeric),
        _ => false,
    };
    let meaningful: Vec<&Line> = out.iter().filter(|l| !trivial(l)).collect();
    let single = match meaningful.as_slice() {
        [Line::Code { message, .. }] => message.is_some(),
        [Line::Code { message: None, .. }, Line::Other(_)] => true,
        _ => false,
    };
    if codes == 0 || (codes == 1 && !single) {
        return (out.iter().any(|l| matches!(l, Line::Row(_)))).then_some(out);
    }
    // `> \`20001\`` then the message on the next line.
    for i in 1..out.len() {
        if let (Line::Code { message: None, .. }, Line::Other(next)) = (&out[i - 1], &out[i]) {
            let start = strip_markers(source.text(), next.start);
            let start = after_definition_marker(source.text(), start).min(next.end);
            let next = infer::trim(source.text(), start..next.end);
            if let Line::Code { message, .. } = &mut out[i - 1] {
                *message = Some(next);
            }
            out[i] = Line::Other(0..0);
        }
    }
    cut_at_tabs(text, &mut out);
    Some(out)
}

/// `2001001⇥app not exist⇥appId不存在…`: a web table pasted without its
/// pipes. Where every code line's message holds a tab, as no sentence
/// does, the tabs part its columns: the message is the first, the others
/// are what a table's later prose columns are, not the message.
fn cut_at_tabs(text: &str, lines: &mut [Line]) {
    let messages = || {
        lines.iter().filter_map(|line| match line {
            Line::Code { message, .. } => Some(message.as_ref()),
            _ => None,
        })
    };
    let tabbed =
        |message: Option<&Range<usize>>| message.is_some_and(|m| text[m.clone()].contains('\t'));
    if messages().count() < 2 || !messages().all(tabbed) {
        return;
    }
    for line in lines {
        if let Line::Code {
            message: Some(message),
            ..
        } = line
            && let Some(tab) = text[message.clone()].find('\t')
        {
            *message = infer::trim(text, message.start..message.start + tab);
        }
    }
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
                .filter_map(|l| match l {
                    Line::Code { code, message, .. } => Some(format!(
                        "{} [{}]",
                        slice(code),
                        message.as_ref().map(slice).unwrap_or_default()
                    )),
                    Line::Row(r) => Some(format!("row {}", slice(r))),
                    Line::Struck(r) => Some(format!("retired {}", slice(r))),
                    Line::Label(r) => Some(format!("label {}", slice(r))),
                    Line::Other(_) => None,
                })
                .collect()
        })
    }

    #[test]
    fn a_second_dash_parts_a_title_from_its_description() {
        fn title_of(text: &str) -> &str {
            &text[title(text, 0..text.len())]
        }
        // What follows describes the title in sentences, or the title is bold.
        assert_eq!(
            title_of("Bad Parameters -- One or more are invalid."),
            "Bad Parameters"
        );
        assert_eq!(
            title_of("Not found\n  – The URL is gone. Use the new one"),
            "Not found"
        );
        assert_eq!(title_of("**Moved** - use the new URL"), "**Moved**");
        // A phrase after the dash goes on the message: the title says what
        // it is about.
        assert_eq!(
            title_of("E-Mail - ungültige Adresse"),
            "E-Mail - ungültige Adresse"
        );
        // Hyphens inside words, and a leading dash, part nothing.
        assert_eq!(title_of("Sign-in failed; re-try"), "Sign-in failed; re-try");
        assert_eq!(title_of("- x"), "- x");
        assert_eq!(
            read("- 1001 - Invalid file - see the docs.\n- 1002: A - B\n").unwrap(),
            ["1001 [Invalid file]", "1002 [A - B]"]
        );
    }

    #[test]
    fn tabs_that_part_every_message_are_columns() {
        assert_eq!(
            read("错误码\t说明\t处理\n2001001\tapp not exist\tappId不存在\n2001002\tsecret wrong\t检查\n").unwrap(),
            ["2001001 [app not exist]", "2001002 [secret wrong]"]
        );
        // One tab in one message of two is no column.
        assert_eq!(
            read("1001 参数错误\t见文档\n1002 签名错误\n").unwrap(),
            ["1001 [参数错误\t见文档]", "1002 [签名错误]"]
        );
    }

    #[test]
    fn code_lines_in_the_shapes_authors_use() {
        assert_eq!(
            read("4052 invalid.socialProvider\n4053 \n-1：没有查到信息\n1001    参数错误\n|4057|Banned|封号用户|\n").unwrap(),
            ["4052 [invalid.socialProvider]", "4053 []", "-1 [没有查到信息]", "1001 [参数错误]", "row |4057|Banned|封号用户|"]
        );
        assert_eq!(
            read("错误编号10001：图片太大\n错误编号10002：图片格式错误\n").unwrap(),
            ["10001 [图片太大]", "10002 [图片格式错误]"]
        );
        assert_eq!(
            read("0x11;     // 指令发送出错\n").unwrap(),
            ["0x11 [指令发送出错]"]
        );
        assert_eq!(
            read("{\n  1001: \"请求方式错误\",\n  1002: \"用户名或密码不正确\"\n}\n").unwrap(),
            ["1001 [请求方式错误]", "1002 [用户名或密码不正确]"]
        );
        assert_eq!(
            read("- 1001 - Invalid file name.\n").unwrap(),
            ["1001 [Invalid file name.]"]
        );
        assert_eq!(read("Error code: 0 (Success)\n").unwrap(), ["0 [Success]"]);
        assert_eq!(
            read("- **0000** - Internal Error (500)\n- **0004** - Invalid Request (400) (_Validation_)\n").unwrap(),
            ["0000 [Internal Error]", "0004 [Invalid Request]"]
        );
        assert_eq!(
            read("返回码  说明\n10001       参数错误\n10002       签名错误\n").unwrap(),
            ["10001 [参数错误]", "10002 [签名错误]"]
        );
        assert_eq!(
            read("登录:\n4031 黑名单用户\n4032 密码错误\n").unwrap(),
            ["label 登录", "4031 [黑名单用户]", "4032 [密码错误]"]
        );
        assert_eq!(
            read("> `20001`\nContainer already created\n").unwrap(),
            ["20001 [Container already created]"]
        );
        // A definition list: the marker under the term is not the message.
        assert_eq!(read("**0**\n:   Success.\n").unwrap(), ["0 [Success.]"]);
        assert_eq!(
            read("**2**\n~\tUsage error\n").unwrap(),
            ["2 [Usage error]"]
        );
        assert_eq!(
            read("**3**\n:no space, no marker\n").unwrap(),
            ["3 [:no space, no marker]"]
        );
        assert_eq!(
            read("ERR_NOT_FOUND: resource missing\n`ERR_GONE` - gone\n").unwrap(),
            ["ERR_NOT_FOUND [resource missing]", "ERR_GONE [gone]"]
        );
        assert_eq!(
            read("- 1001 - 参数错误\n- ~~1002 - 已废弃~~\n").unwrap(),
            ["1001 [参数错误]", "retired 1002"]
        );
    }

    #[test]
    fn prose_dates_versions_and_lone_numbers_are_not_records() {
        assert_eq!(read("20502\n"), None);
        assert_eq!(read("错误码使用四位数字，说明如下：\n"), None);
        assert_eq!(read("405001 管理员密码错误\n更多说明见下文\n"), None);
        assert_eq!(read("2021-01-01 发布\n2021-02-01 更新\n"), None);
        assert_eq!(read("1.0.0 initial\n1.1.0 fixes\n"), None);
        assert_eq!(read("3个参数\n4个参数\n"), None);
        assert_eq!(read("NOTE: one\nWARNING: two\n"), None);
        assert_eq!(read("10:30 meeting\n"), None);
        assert_eq!(
            read("405001 管理员密码错误\n").unwrap(),
            ["405001 [管理员密码错误]"]
        );
    }
}
