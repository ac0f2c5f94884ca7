//! A message as the rendered page shows it: markup rendered away
//! (`**点数不足**` → `点数不足`, `` `Unauthorized` `` → `Unauthorized`,
//! `[text](url)` → `text`, `<br>` → a space, `\_` → `_`, `&amp;` → `&`),
//! white space trimmed, every other character exactly as written (quotes,
//! backslashes that escape nothing, `{}`, `%s`, `<placeholders>`).

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Characters without which a text has no inline markup to render.
fn may_have_markup(text: &str) -> bool {
    // A table lookup a byte: every message of a catalogue passes here, and
    // most hold none of these.
    const MARKUP: [bool; 256] = {
        let mut table = [false; 256];
        let mut i = 0;
        let bytes = b"*_`[<&\\~!";
        while i < bytes.len() {
            table[bytes[i] as usize] = true;
            i += 1;
        }
        table
    };
    text.bytes().any(|b| MARKUP[usize::from(b)])
}

/// Formatting tags that HTML in a message uses; any other `<…>` is text a
/// reader sees (a placeholder such as `<user_id>`).
const FORMATTING_TAGS: &[&str] = &[
    "b", "i", "em", "strong", "code", "kbd", "span", "font", "u", "s", "del", "strike", "sup",
    "sub", "mark", "small", "big", "tt", "var", "samp", "a", "p", "div", "script", "style",
];

/// `<br>`, `<br/>`, `<BR />`.
fn is_break(html: &str) -> bool {
    let name: String = html
        .trim_start_matches('<')
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    name.eq_ignore_ascii_case("br")
}

fn is_formatting(html: &str) -> bool {
    let body = html.trim_start_matches('<').trim_start_matches('/');
    let name: String = body
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let closes = body[name.len()..].starts_with(['>', ' ', '/', '\t']);
    closes && is_formatting_tag(&name)
}

/// Whether an element of this name only formats its content.
pub(crate) fn is_formatting_tag(name: &str) -> bool {
    FORMATTING_TAGS.iter().any(|t| t.eq_ignore_ascii_case(name))
}

/// The text a reader of the rendered page sees, or `None` when it is the
/// text as written, trimmed (most messages: nothing is copied for them).
pub(crate) fn plain(text: &str) -> Option<String> {
    if !may_have_markup(text) {
        return None;
    }
    // Inline markup only: a message that starts like a block (`- x`,
    // `1. x`, `# x`, `> x`) is still that text, so the start is escaped.
    let escaped;
    let start = text.trim_start();
    let bytes = start.as_bytes();
    let block_marker = match bytes.first() {
        Some(b'-' | b'+' | b'*') => matches!(bytes.get(1), None | Some(b' ' | b'\t')),
        Some(b'#') => {
            let hashes = bytes.iter().take_while(|&&b| b == b'#').count();
            hashes <= 6 && matches!(bytes.get(hashes), None | Some(b' ' | b'\t'))
        }
        Some(b'>') => true,
        _ => false,
    };
    let input = if block_marker {
        escaped = format!("\\{start}");
        escaped.as_str()
    } else if starts_like_ordered_item(start) {
        escaped = escape_ordinal(start);
        escaped.as_str()
    } else {
        start
    };
    // A lone `*` or `_` stays as written (`*/`, `a*b`, `*.json`,
    // `max_tres`): only doubled ones (`**bold**`) render away.
    let lone_escaped = escape_lone_emphasis(input);
    let input = lone_escaped.as_deref().unwrap_or(input);
    let mut out = String::with_capacity(text.len());
    // After a line break, the spaces around it read as one.
    let mut after_break = false;
    let push = |out: &mut String, t: &str, after_break: &mut bool| {
        let t = if *after_break { t.trim_start() } else { t };
        *after_break &= t.is_empty();
        out.push_str(t);
    };
    let line_break = |out: &mut String, after_break: &mut bool| {
        out.truncate(out.trim_end().len());
        out.push(' ');
        *after_break = true;
    };
    let options = Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(input, options) {
        match event {
            Event::Text(t) | Event::Code(t) => push(&mut out, &t, &mut after_break),
            Event::SoftBreak | Event::HardBreak => line_break(&mut out, &mut after_break),
            Event::InlineHtml(html) | Event::Html(html) => {
                if is_break(&html) {
                    line_break(&mut out, &mut after_break);
                } else if !is_formatting(&html) {
                    push(&mut out, &html, &mut after_break);
                }
            }
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => {}
            Event::FootnoteReference(t) => push(&mut out, &t, &mut after_break),
            _ => {}
        }
    }
    let shown = out.trim();
    // A text that renders to nothing (`---`, `<b></b>`) is kept as written:
    // the author meant it as text.
    (shown != text && !shown.is_empty()).then(|| shown.to_string())
}

/// `text` with every lone `*` and `_` outside code spans escaped, or
/// `None` if it has none.
fn escape_lone_emphasis(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 4);
    let mut changed = false;
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        let run = bytes[at..].iter().take_while(|&&c| c == b).count();
        match b {
            b'`' => {
                // A code span runs to the next run of as many backticks.
                let fence = &text[at..at + run];
                let close = text[at + run..].find(fence).map(|i| at + run + i + run);
                let end = close.unwrap_or(at + run);
                out.push_str(&text[at..end]);
                at = end;
            }
            b'\\' => {
                // An escape already: keep it and what it escapes.
                let next = text[at + 1..].chars().next().map_or(0, char::len_utf8);
                out.push_str(&text[at..at + 1 + next]);
                at += 1 + next;
            }
            b'*' | b'_' if run == 1 => {
                out.push('\\');
                out.push(b as char);
                changed = true;
                at += 1;
            }
            _ => {
                let len = if b.is_ascii() {
                    run
                } else {
                    text[at..].chars().next().map_or(1, char::len_utf8)
                };
                out.push_str(&text[at..at + len]);
                at += len;
            }
        }
    }
    changed.then_some(out)
}

fn starts_like_ordered_item(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    (1..=9).contains(&digits)
        && matches!(text.as_bytes().get(digits), Some(b'.' | b')'))
        && matches!(text.as_bytes().get(digits + 1), None | Some(b' ' | b'\t'))
}

fn escape_ordinal(text: &str) -> String {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    format!("{}\\{}", &text[..digits], &text[digits..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> String {
        plain(text).unwrap_or_else(|| text.to_string())
    }

    #[test]
    fn markup_renders_away() {
        assert_eq!(shown("**点数不足**"), "点数不足");
        assert_eq!(shown("`Unauthorized`"), "Unauthorized");
        assert_eq!(shown("see [the docs](http://x.io) now"), "see the docs now");
        assert_eq!(shown("a<br>b"), "a b");
        assert_eq!(shown("a <br/> b"), "a b");
        assert_eq!(shown("a  **b**  c"), "a  b  c");
        assert_eq!(shown("USER\\_ID is bad"), "USER_ID is bad");
        assert_eq!(shown("Tom &amp; Jerry"), "Tom & Jerry");
        assert_eq!(shown("~~gone~~ here"), "gone here");
        assert_eq!(shown("<b>bold</b> & <code>x</code>"), "bold & x");
        assert_eq!(shown("__strong__ ***both***"), "strong both");
    }

    #[test]
    fn everything_else_stays_as_written() {
        assert_eq!(plain("参数错误"), None);
        assert_eq!(plain("请求来自未经授权的IP地址:%s"), None);
        assert_eq!(shown("max_tres_per_job 超限"), "max_tres_per_job 超限");
        assert_eq!(shown("a \\d b"), "a \\d b");
        assert_eq!(shown("missing <field>"), "missing <field>");
        assert_eq!(shown("- not a list"), "- not a list");
        assert_eq!(shown("1. not a list"), "1. not a list");
        assert_eq!(shown("\"quoted\" */ \"# {}"), "\"quoted\" */ \"# {}");
        assert_eq!(
            shown("*/ closes a comment /* opens one"),
            "*/ closes a comment /* opens one"
        );
        assert_eq!(shown("_not em_ *not em* `a*b`"), "_not em_ *not em* a*b");
        assert_eq!(shown("rtl \u{202e}x"), "rtl \u{202e}x");
    }
}
