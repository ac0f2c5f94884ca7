//! Code ranges as authors write them: `1000-1999`, `` `10001` - `10099` ``,
//! `1xxx`; at the start of a heading, in a `错误码范围：…` line, or alone in
//! a table cell.

use std::ops::Range;
use std::sync::LazyLock;

use regex_lite::{Captures, Regex};

/// A range and how it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Declared {
    pub first: i64,
    pub last: i64,
    pub pattern: String,
}

const RANGE: &str =
    r"(?:`?(-?[0-9]+)`?\s*(?:-|~|～|–|—|至|到|to)\s*`?(-?[0-9]+)`?|`?([0-9]+)([xX]+)`?)";

static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\s*{RANGE}(?:\s*[-–—:：]\s*|\s+)(.*?)\s*$")).expect("valid pattern")
});
static LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*[^:：]*(?:范围|[Rr]ange)[^:：]*[:：]\s*{RANGE}\s*[.。]?\s*$"
    ))
    .expect("valid pattern")
});
static CELL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^\s*{RANGE}\s*$")).expect("valid pattern"));

fn declared(c: &Captures) -> Option<Declared> {
    let (first, last, pattern) = match (c.get(1), c.get(2), c.get(3), c.get(4)) {
        (Some(first), Some(last), _, _) => {
            let (first, last) = abbreviated(first.as_str(), last.as_str())?;
            (first, last, format!("{first}-{last}"))
        }
        (_, _, Some(prefix), Some(xs)) => {
            let prefix: i64 = prefix.as_str().parse().ok()?;
            let width = 10i64.checked_pow(xs.as_str().len() as u32)?;
            let first = prefix.checked_mul(width)?;
            (
                first,
                first.checked_add(width - 1)?,
                format!("{prefix}{}", xs.as_str()),
            )
        }
        _ => return None,
    };
    (first <= last).then_some(Declared {
        first,
        last,
        pattern,
    })
}

/// A range's two ends, the second maybe written as the last digits of the
/// first where it is shorter and read whole would make no range of codes
/// (`-4090001 ~ 4` is -4090001 to -4090004, `1000-15` 1000 to 1015).
fn abbreviated(first: &str, last: &str) -> Option<(i64, i64)> {
    let (start, end): (i64, i64) = (first.parse().ok()?, last.parse().ok()?);
    let magnitude = first.trim_start_matches(['-', '+']);
    let shorter = last.bytes().all(|b| b.is_ascii_digit()) && last.len() < magnitude.len();
    if !shorter || (start <= end && start.signum() == end.signum().max(0)) {
        return Some((start, end));
    }
    let whole: i64 = format!("{}{last}", &magnitude[..magnitude.len() - last.len()])
        .parse()
        .ok()?;
    let whole = if start < 0 { -whole } else { whole };
    Some((start.min(whole), start.max(whole)))
}

/// A heading that starts with a range; the range and where its name is.
pub(crate) fn in_heading(title: &str) -> Option<(Declared, Range<usize>)> {
    let c = HEADING.captures(title)?;
    let name = c.get(5).map_or(title.len()..title.len(), |m| m.range());
    Some((declared(&c)?, name))
}

/// A line such as `错误码范围：10001 - 10099` or `Range: 1000-1999`.
pub(crate) fn in_line(line: &str) -> Option<Declared> {
    declared(&LINE.captures(line)?)
}

/// A cell written as a range that declares no bounds of its own
/// (`100开头`, codes starting with 100, of any length), or one that declares
/// them in words (`小于0`, `< 0`): the first a section's label, the second a
/// range.
pub(crate) fn notation(cell: &str) -> Option<Option<Declared>> {
    let cell = cell.trim().trim_matches('`');
    if let Some(prefix) = cell
        .strip_suffix("开头")
        .or_else(|| cell.strip_suffix("开头的"))
        .map(str::trim)
        && !prefix.is_empty()
        && prefix.bytes().all(|b| b.is_ascii_digit())
    {
        return Some(None);
    }
    let below = cell
        .strip_prefix("小于")
        .or_else(|| cell.strip_prefix('<'))
        .map(str::trim)?;
    let bound: i64 = below.parse().ok()?;
    Some(Some(Declared {
        first: i64::from(i32::MIN),
        last: bound.checked_sub(1)?,
        pattern: format!("<{bound}"),
    }))
}

/// A cell that holds only a range.
pub(crate) fn in_cell(cell: &str) -> Option<Declared> {
    if let Some(declared) = hex_pattern(cell) {
        return Some(declared);
    }
    // Every cell of a code table passes through here: most hold a bare
    // code, which cannot be a range, and the pattern costs far more.
    // The pattern also needs a digit or a sign first, which most prose
    // and symbol cells lack.
    let bare = cell.trim().trim_matches('`');
    let digits = bare.trim_start_matches('-');
    if digits.bytes().all(|b| b.is_ascii_digit())
        || !bare.starts_with(|c: char| c.is_ascii_digit() || c == '-')
    {
        return None;
    }
    declared(&CELL.captures(cell)?)
}

/// `0x0001xx`: the hex codes the `x`s leave open.
fn hex_pattern(cell: &str) -> Option<Declared> {
    let cell = cell.trim().trim_matches('`');
    let digits = cell
        .strip_prefix("0x")
        .or_else(|| cell.strip_prefix("0X"))?;
    let open = digits
        .bytes()
        .rev()
        .take_while(|b| matches!(b, b'x' | b'X'))
        .count();
    let fixed = &digits[..digits.len() - open];
    if open == 0 || !fixed.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let width = 16i64.checked_pow(open as u32)?;
    let prefix = if fixed.is_empty() {
        0
    } else {
        i64::from_str_radix(fixed, 16).ok()?
    };
    let first = prefix.checked_mul(width)?;
    Some(Declared {
        first,
        last: first.checked_add(width - 1)?,
        pattern: cell.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(d: Option<Declared>) -> Option<(i64, i64, String)> {
        d.map(|d| (d.first, d.last, d.pattern))
    }

    #[test]
    fn ranges_where_authors_write_them() {
        let (d, name) = in_heading("1000-1999 - 通用错误").unwrap();
        assert_eq!((d.first, d.last), (1000, 1999));
        assert_eq!(&"1000-1999 - 通用错误"[name], "通用错误");
        assert_eq!(
            range(in_heading("2xxx 用户").map(|d| d.0)),
            Some((2000, 2999, "2xxx".into()))
        );
        assert_eq!(in_heading("0 - 成功"), None);
        assert_eq!(in_heading("400错误类型"), None);
        assert_eq!(
            range(in_line("错误码范围：`10001` - `10099`")),
            Some((10001, 10099, "10001-10099".into()))
        );
        assert_eq!(
            range(in_line("Range: 1000 ~ 1999")),
            Some((1000, 1999, "1000-1999".into()))
        );
        assert_eq!(in_line("错误码使用四位数字，说明如下："), None);
        assert_eq!(range(in_cell(" 1xxx ")), Some((1000, 1999, "1xxx".into())));
        assert_eq!(
            range(in_cell("-39999 - -30000")),
            Some((-39999, -30000, "-39999--30000".into()))
        );
        assert_eq!(
            in_cell("-30000 - -39999"),
            None,
            "the first code is above the last"
        );
        assert_eq!(in_cell("1999-1000"), None);
        // The end written as the first's last digits.
        assert_eq!(
            range(in_cell("-4090001 ~ 4")),
            Some((-4090004, -4090001, "-4090004--4090001".into()))
        );
        assert_eq!(
            range(in_cell("1000~15")),
            Some((1000, 1015, "1000-1015".into()))
        );
        assert_eq!(in_cell(" `40001` "), None);
        assert_eq!(in_cell("-5"), None);
        assert_eq!(
            range(in_cell("0x0001xx")),
            Some((256, 511, "0x0001xx".into()))
        );
        assert_eq!(notation("100开头"), Some(None));
        assert_eq!(
            notation("小于0").flatten().map(|d| (d.last, d.pattern)),
            Some((-1, "<0".into()))
        );
        assert_eq!(notation("1001"), None);
    }
}
