//! The placeholders a message declares, in the styles catalogues write
//! them: `{name}` (any script: `{最大长度}`), `{}` and `{0}`, printf's
//! `%s`, `%d`, `%05.2f` (and Go's `%v`), and numbered `%1`. errcat-build
//! reads them with this same grammar when it checks and compiles a
//! catalogue.

use std::ops::Range;

/// One placeholder of a message.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Placeholder<'m> {
    /// Where it is in the message, in bytes.
    pub range: Range<usize>,
    pub key: Key<'m>,
    pub style: Style,
}

/// What fills a placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key<'m> {
    /// A named value (`{name}`).
    Named(&'m str),
    /// The positional argument of this index, from 0 (`{0}`, `%1`).
    Index(usize),
    /// The next positional argument (`{}`, `%s`).
    Next,
}

/// How a placeholder is written; a catalogue keeps to one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Style {
    /// `{name}`, `{0}`, `{}`
    Brace,
    /// `%s`, `%d`, `%v`, `%.2f`
    Printf,
    /// `%1`, `%2`
    Numbered,
}

impl Style {
    pub fn as_str(self) -> &'static str {
        match self {
            Style::Brace => "{name}",
            Style::Printf => "%s",
            Style::Numbered => "%1",
        }
    }
}

/// The placeholders of `message`, in order:
///
/// ```
/// use errcat::placeholder::{placeholders, Key};
///
/// let keys: Vec<Key> = placeholders("{字段}不能超过{最大长度}个字符，当前 %d，100% 完成")
///     .map(|p| p.key)
///     .collect();
/// assert_eq!(keys, [Key::Named("字段"), Key::Named("最大长度"), Key::Next]);
/// ```
///
/// Braces holding anything but a name or a number (`{"a":1}`, `{ x }`,
/// `` {`object`} ``) and a `%` before anything but a conversion (`100%`,
/// `%%`) are text.
pub fn placeholders(message: &str) -> impl Iterator<Item = Placeholder<'_>> + '_ {
    let bytes = message.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let start = at;
            let found = match bytes[at] {
                b'{' => brace(message, at),
                b'%' => percent(bytes, at),
                _ => None,
            };
            match found {
                Some((end, key, style)) => {
                    at = end;
                    return Some(Placeholder {
                        range: start..end,
                        key,
                        style,
                    });
                }
                // `%%` is one literal percent sign, not the start of a `%s`.
                None if bytes[at] == b'%' && bytes.get(at + 1) == Some(&b'%') => at += 2,
                None => at += 1,
            }
        }
        None
    })
}

/// `{name}`, `{0}` or `{}` at `start`: its end and key.
fn brace(message: &str, start: usize) -> Option<(usize, Key<'_>, Style)> {
    let rest = &message[start + 1..];
    let close = rest.find('}')?;
    let inside = &rest[..close];
    let end = start + 1 + close + 1;
    if inside.is_empty() {
        return Some((end, Key::Next, Style::Brace));
    }
    if inside.chars().count() > 32 {
        return None;
    }
    if inside.bytes().all(|b| b.is_ascii_digit()) {
        return Some((end, Key::Index(inside.parse().ok()?), Style::Brace));
    }
    let is_name = inside
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'));
    let starts_well = inside.starts_with(|c: char| c.is_alphabetic() || c == '_');
    (is_name && starts_well).then_some((end, Key::Named(inside), Style::Brace))
}

/// `%s`, `%-5d`, `%.2f`, `%v` or `%1` at `start`: its end and key.
fn percent(bytes: &[u8], start: usize) -> Option<(usize, Key<'static>, Style)> {
    let mut at = start + 1;
    // Numbered: `%1` … `%99`, not followed by more digits.
    let digits = bytes[at..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    if (1..=2).contains(&digits) && bytes[at] != b'0' {
        let after = bytes.get(at + digits).copied();
        let conversion_follows = after.is_some_and(is_conversion);
        let dollar = after == Some(b'$');
        if !conversion_follows && !dollar && after != Some(b'.') {
            let n: usize = std::str::from_utf8(&bytes[at..at + digits])
                .ok()?
                .parse()
                .ok()?;
            return Some((at + digits, Key::Index(n - 1), Style::Numbered));
        }
    }
    // printf: `%[n$][flags][width][.precision]conversion`.
    let mut index = None;
    if digits > 0 && bytes.get(at + digits) == Some(&b'$') {
        let n: usize = std::str::from_utf8(&bytes[at..at + digits])
            .ok()?
            .parse()
            .ok()?;
        index = Some(n.checked_sub(1)?);
        at += digits + 1;
    }
    while bytes
        .get(at)
        .is_some_and(|b| matches!(b, b'-' | b'+' | b' ' | b'0' | b'#'))
    {
        at += 1;
    }
    while bytes.get(at).is_some_and(u8::is_ascii_digit) {
        at += 1;
    }
    if bytes.get(at) == Some(&b'.') {
        at += 1;
        while bytes.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
    }
    let conversion = *bytes.get(at)?;
    if !is_conversion(conversion) {
        return None;
    }
    // `%s` then a letter (`%success`) is still `%s`: conversions are one
    // letter, and messages are written in any language.
    let key = index.map_or(Key::Next, Key::Index);
    Some((at + 1, key, Style::Printf))
}

fn is_conversion(b: u8) -> bool {
    matches!(
        b,
        b's' | b'd'
            | b'i'
            | b'u'
            | b'f'
            | b'F'
            | b'e'
            | b'E'
            | b'g'
            | b'G'
            | b'x'
            | b'X'
            | b'o'
            | b'c'
            | b'v'
            | b'q'
            | b't'
            | b'@'
    )
}

/// What a code's message takes: its named placeholders (each once, in
/// order) and how many positional arguments. Generated as a constant for
/// every code (`Code::X.params()`), which is how [`error!`](crate::error!)
/// checks its arguments while the service compiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Params {
    named: &'static [&'static str],
    positional: usize,
}

impl Params {
    /// A message without placeholders.
    pub const NONE: Params = Params {
        named: &[],
        positional: 0,
    };

    #[doc(hidden)]
    pub const fn __new(named: &'static [&'static str], positional: usize) -> Params {
        Params { named, positional }
    }

    /// What `message` takes.
    pub fn of(message: &str) -> (Vec<&str>, usize) {
        let mut named: Vec<&str> = Vec::new();
        let (mut next, mut indexed) = (0, 0);
        for placeholder in placeholders(message) {
            match placeholder.key {
                Key::Named(name) if !named.contains(&name) => named.push(name),
                Key::Named(_) => {}
                Key::Index(i) => indexed = indexed.max(i + 1),
                Key::Next => next += 1,
            }
        }
        (named, next.max(indexed))
    }

    /// The names of the named placeholders.
    pub const fn named(&self) -> &'static [&'static str] {
        self.named
    }

    /// How many positional arguments the message takes.
    pub const fn positional(&self) -> usize {
        self.positional
    }

    /// Whether the message takes no argument.
    pub const fn is_empty(&self) -> bool {
        self.named.is_empty() && self.positional == 0
    }
}

/// The text put for a placeholder no argument fills: never the raw `%s`.
pub const UNFILLED: &str = "…";

/// `message` with its placeholders filled: named ones by `named`,
/// positional ones from `positional` in order; one with no value becomes
/// [`UNFILLED`].
///
/// ```
/// use errcat::placeholder::fill;
///
/// let named = |name: &str| (name == "最大长度").then_some(20);
/// assert_eq!(fill("名称不能超过{最大长度}个字符", named, &[""]), "名称不能超过20个字符");
/// assert_eq!(fill("%s不存在，%s", |_| None::<u8>, &["项目"]), "项目不存在，…");
/// ```
pub fn fill<'m, N: std::fmt::Display, P: std::fmt::Display>(
    message: &'m str,
    named: impl Fn(&str) -> Option<N>,
    positional: &[P],
) -> std::borrow::Cow<'m, str> {
    use std::fmt::Write as _;
    let mut found = placeholders(message).peekable();
    if found.peek().is_none() {
        return std::borrow::Cow::Borrowed(message);
    }
    let mut out = String::with_capacity(message.len() + 16);
    let (mut at, mut next) = (0, 0);
    for placeholder in found {
        out.push_str(&message[at..placeholder.range.start]);
        at = placeholder.range.end;
        let written = match placeholder.key {
            Key::Named(name) => named(name).map(|v| write!(out, "{v}")),
            Key::Index(i) => positional.get(i).map(|v| write!(out, "{v}")),
            Key::Next => {
                next += 1;
                positional.get(next - 1).map(|v| write!(out, "{v}"))
            }
        };
        if written.is_none() {
            out.push_str(UNFILLED);
        }
    }
    out.push_str(&message[at..]);
    std::borrow::Cow::Owned(out)
}

/// Why [`error!`](crate::error!) refuses its arguments, as a compile error
/// at the call. (A panic in a constant is how a `const fn` fails the build;
/// it never runs in the service.)
#[doc(hidden)]
pub const fn __check_args(params: Params, named: &[&str], positional: usize) {
    if positional != params.positional {
        panic!("errcat::error!: the message takes another number of positional arguments");
    }
    let mut i = 0;
    while i < params.named.len() {
        if !contains(named, params.named[i]) {
            panic!("errcat::error!: the message has a named placeholder no argument fills");
        }
        i += 1;
    }
    let mut i = 0;
    while i < named.len() {
        if !contains(params.named, named[i]) {
            panic!("errcat::error!: an argument names no placeholder of the message");
        }
        i += 1;
    }
}

const fn contains(names: &[&str], name: &str) -> bool {
    let mut i = 0;
    while i < names.len() {
        if str_eq(names[i], name) {
            return true;
        }
        i += 1;
    }
    false
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(message: &str) -> Vec<(Key<'_>, &str)> {
        placeholders(message)
            .map(|p| (p.key, &message[p.range]))
            .collect()
    }

    #[test]
    fn every_style_catalogues_write() {
        assert_eq!(
            keys("名称长度不能超过{最大长度}"),
            [(Key::Named("最大长度"), "{最大长度}")]
        );
        assert_eq!(keys("{信息}缺失"), [(Key::Named("信息"), "{信息}")]);
        assert_eq!(
            keys("user {0} has {1} roles, {}"),
            [
                (Key::Index(0), "{0}"),
                (Key::Index(1), "{1}"),
                (Key::Next, "{}")
            ]
        );
        assert_eq!(
            keys("%s不存在: %d, %-5.2f %v %1$s %@"),
            [
                (Key::Next, "%s"),
                (Key::Next, "%d"),
                (Key::Next, "%-5.2f"),
                (Key::Next, "%v"),
                (Key::Index(0), "%1$s"),
                (Key::Next, "%@"),
            ]
        );
        assert_eq!(
            keys("文件 %1 无法移动到 %2"),
            [(Key::Index(0), "%1"), (Key::Index(1), "%2")]
        );
    }

    #[test]
    fn text_that_only_looks_like_a_placeholder() {
        for text in [
            "100% 完成",
            "50%的用户",
            "%% literal",
            "%%s is literal too",
            r#"body {"code": 1}"#,
            "{ content }",
            "{`object`}",
            "{% badge %}",
            "{0,127}",
            "{unclosed",
            "%",
            "%0",
            "{1abc}",
        ] {
            assert_eq!(keys(text), [], "{text}");
        }
    }

    #[test]
    fn params_count_names_once_and_positions_by_the_larger_use() {
        assert_eq!(Params::of("{a}{b}{a}"), (vec!["a", "b"], 0));
        assert_eq!(Params::of("%s %s"), (vec![], 2));
        assert_eq!(Params::of("%2 then %1"), (vec![], 2));
        assert_eq!(Params::of("{0} {0} {}"), (vec![], 1));
        assert_eq!(Params::of("no placeholder, 100%"), (vec![], 0));
    }

    #[test]
    fn fill_puts_values_and_marks_what_is_missing() {
        let named = |name: &str| (name == "a").then_some("A");
        assert_eq!(fill("{a}-{b}", named, &[""; 0]), "A-…");
        assert_eq!(fill("%2/%1", |_| None::<&str>, &["x", "y"]), "y/x");
        assert_eq!(fill("%s %d %s", |_| None::<&str>, &["x", "y"]), "x y …");
        assert_eq!(fill("100%% sure", |_| None::<&str>, &[""; 0]), "100%% sure");
        assert!(matches!(
            fill("plain", |_| None::<&str>, &[""; 0]),
            std::borrow::Cow::Borrowed("plain")
        ));
    }

    #[test]
    fn styles_are_told_apart() {
        let styles: Vec<Style> = placeholders("{a} %s %1").map(|p| p.style).collect();
        assert_eq!(styles, [Style::Brace, Style::Printf, Style::Numbered]);
    }
}
