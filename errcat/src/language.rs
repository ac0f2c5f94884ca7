//! Choosing a message's language: BCP 47 tags, their fallbacks
//! (`zh-Hant-TW` → `zh-Hant` → `zh`), and `Accept-Language` with its
//! q-values (RFC 9110 §12.5.4).

/// Which of `available` (a catalogue's locales) serves `requested`: the
/// tag itself, else the tag with subtags taken off its end, else one that
/// only adds subtags to it (`zh` is served by `zh-CN`). Case is ignored.
///
/// ```
/// use errcat::language::best_match;
///
/// let locales = ["zh", "en", "pt-BR"];
/// assert_eq!(best_match(&locales, "zh-CN"), Some(0));
/// assert_eq!(best_match(&locales, "EN-gb"), Some(1));
/// assert_eq!(best_match(&locales, "pt"), Some(2));
/// assert_eq!(best_match(&locales, "de"), None);
/// ```
pub fn best_match(available: &[&str], requested: &str) -> Option<usize> {
    let requested = requested.trim();
    if requested.is_empty() || requested == "*" {
        return None;
    }
    let mut tag = requested;
    loop {
        if let Some(i) = available.iter().position(|a| a.eq_ignore_ascii_case(tag)) {
            return Some(i);
        }
        match tag.rfind('-') {
            Some(end) => tag = &tag[..end],
            None => break,
        }
    }
    // A more specific locale of the language asked for.
    available.iter().position(|a| {
        a.len() > tag.len()
            && a.as_bytes()[tag.len()] == b'-'
            && a[..tag.len()].eq_ignore_ascii_case(tag)
    })
}

/// The locale of `available` an `Accept-Language` header prefers: each
/// range in order of its q-value (equal ones as written), `q=0` excluded,
/// `*` meaning the first available. `None` when none is acceptable.
///
/// ```
/// use errcat::language::negotiate;
///
/// let locales = ["zh", "en", "de"];
/// assert_eq!(negotiate("de-CH, en;q=0.8", &locales), Some(2));
/// assert_eq!(negotiate("fr;q=0.9, en;q=0.5", &locales), Some(1));
/// assert_eq!(negotiate("en;q=0.1, zh-TW;q=0.7", &locales), Some(0));
/// assert_eq!(negotiate("fr, *;q=0.1", &locales), Some(0));
/// assert_eq!(negotiate("en;q=0, fr", &locales), None);
/// ```
pub fn negotiate(accept_language: &str, available: &[&str]) -> Option<usize> {
    let mut ranges: Vec<(&str, u16, usize)> = accept_language
        .split(',')
        .enumerate()
        .filter_map(|(order, item)| {
            let mut parts = item.split(';');
            let range = parts.next()?.trim();
            let quality = parts
                .find_map(|p| p.trim().strip_prefix("q=").or(p.trim().strip_prefix("Q=")))
                .map_or(Some(1000), parse_quality)?;
            (!range.is_empty() && quality > 0).then_some((range, quality, order))
        })
        .collect();
    ranges.sort_by_key(|&(_, quality, order)| (std::cmp::Reverse(quality), order));
    // A locale excluded with `q=0` is never chosen, even by `*`.
    let excluded: Vec<&str> = accept_language
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let range = parts.next()?.trim();
            let zero = parts.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(parse_quality)
                    .is_some_and(|q| q == 0)
            });
            zero.then_some(range)
        })
        .collect();
    let allowed = |i: usize| {
        !excluded
            .iter()
            .any(|range| best_match(&[available[i]], range).is_some())
    };
    ranges.into_iter().find_map(|(range, _, _)| {
        if range == "*" {
            (0..available.len()).find(|&i| allowed(i))
        } else {
            best_match(available, range).filter(|&i| allowed(i))
        }
    })
}

/// `0.8` → 800, `1` → 1000: thousandths, as the header allows three
/// decimals. `None` for a malformed value.
fn parse_quality(text: &str) -> Option<u16> {
    let text = text.trim();
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = format!("{fraction:0<3}").parse::<u16>().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualities_are_read_as_the_header_writes_them() {
        assert_eq!(parse_quality("0.8"), Some(800));
        assert_eq!(parse_quality("1"), Some(1000));
        assert_eq!(parse_quality("1.000"), Some(1000));
        assert_eq!(parse_quality("0"), Some(0));
        assert_eq!(parse_quality("0.0005"), None);
        assert_eq!(parse_quality("2"), None);
        assert_eq!(parse_quality("x"), None);
    }

    #[test]
    fn malformed_headers_choose_what_they_still_say() {
        let locales = ["zh", "en"];
        assert_eq!(negotiate("", &locales), None);
        assert_eq!(negotiate(",,;q=,en;q=abc, zh", &locales), Some(0));
        assert_eq!(negotiate("EN-us", &locales), Some(1));
        assert_eq!(negotiate("*;q=0.5, zh;q=0", &locales), Some(1));
    }
}
