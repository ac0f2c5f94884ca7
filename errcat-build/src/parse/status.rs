//! HTTP status references: the statuses a file documents, which are not
//! error codes themselves.
//!
//! A code block is a status reference, not a constant list, when it is a
//! constant list whose every name is Go net/http's `StatusXxx` (or the
//! unexported `statusXxx`) and every value is an HTTP status (100-599).
//! `SERVER_NOT_FOUND = 10002` fails both tests; `StatusNotFound = 404`
//! passes both. Lines such as `404 StatusNotFound 请求不存在` in the same
//! block describe a status.

use std::ops::Range;
use std::sync::LazyLock;

use regex_lite::Regex;

use crate::model::{StatusDef, StatusReference, parse_integer};
use crate::parse::constant::{Constant, Scan};
use crate::source::SourceFile;

static STATUS_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[Ss]tatus[A-Z0-9_]").expect("valid pattern"));
static DESCRIPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*([1-5][0-9]{2})\s+([A-Za-z]\w*)\s+(.+?)\s*$").expect("valid pattern")
});

/// Where a section title states an HTTP status: `HTTP 403` anywhere in it,
/// a status and its standard reason phrase at its start (`400 Bad
/// Request`), or a status in brackets closing it (`AUTH - Kimlik
/// Doğrulama Hataları (401)`); the range of the status's digits.
pub(crate) fn in_title(title: &str) -> Option<Range<usize>> {
    static HTTP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\bHTTP[\s/:-]*([1-5][0-9]{2})\b").expect("valid pattern")
    });
    static BRACKETED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[(（]\s*([1-5][0-9]{2})\s*[)）][\s*:：]*$").expect("valid pattern")
    });
    // Words before the brackets: `(401)` alone is a heading of a code.
    if let Some(c) = BRACKETED.captures(title)
        && let Some(digits) = c.get(1)
        && title[..digits.start()].chars().any(char::is_alphabetic)
    {
        return Some(digits.range());
    }
    static PHRASED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*\**\s*([1-5][0-9]{2})\s*[-–:]?\s*([A-Za-z][A-Za-z' -]*[A-Za-z])")
            .expect("valid pattern")
    });
    if let Some(c) = HTTP.captures(title) {
        return c.get(1).map(|m| m.range());
    }
    let c = PHRASED.captures(title)?;
    let digits = c.get(1)?;
    let status: u16 = digits.as_str().parse().ok()?;
    let phrase = c[2].split(" - ").next().unwrap_or("");
    is_reason_phrase(status, phrase).then(|| digits.range())
}

pub(crate) fn is_http_status(value: i64) -> bool {
    (100..=599).contains(&value)
}

/// The statuses of a constant list, collected as [`crate::parse::constant::scan`]
/// hands over its constants: the list is a status reference only if every
/// constant is a status.
pub(crate) struct StatusConstants<'s> {
    source: &'s SourceFile,
    statuses: Vec<StatusDef>,
    all_statuses: bool,
}

impl<'s> StatusConstants<'s> {
    pub(crate) fn new(source: &'s SourceFile) -> Self {
        StatusConstants {
            source,
            statuses: Vec::new(),
            all_statuses: true,
        }
    }

    pub(crate) fn add(&mut self, constant: &Constant) {
        if !self.all_statuses {
            return;
        }
        let source = self.source;
        let status =
            parse_integer(source.slice(constant.value.clone())).filter(|&v| is_http_status(v));
        let (true, Some(status)) = (
            STATUS_NAME.is_match(source.slice(constant.name.clone())),
            status,
        ) else {
            // A list of error codes: nothing more to collect.
            self.all_statuses = false;
            self.statuses = Vec::new();
            return;
        };
        self.statuses.push(StatusDef {
            status: status as u16,
            name: Some(source.slice(constant.name.clone()).to_string()),
            description: (constant.comment.clone()).map(|r| source.slice(r).to_string()),
            span: source.span(constant.line.clone()),
        });
    }

    /// Takes the statuses of the constants after those added so far.
    pub(crate) fn append(&mut self, later: StatusConstants) {
        if self.all_statuses && later.all_statuses {
            self.statuses.extend(later.statuses);
        } else {
            self.all_statuses = false;
            self.statuses = Vec::new();
        }
    }

    /// The reference, when the scanned lines were a list of statuses.
    pub(crate) fn finish(self, scan: &Scan, block: Range<usize>) -> Option<StatusReference> {
        if !scan.is_constant_list() || !self.all_statuses {
            return None;
        }
        let source = self.source;
        let mut statuses = self.statuses;
        for line in &scan.other_lines {
            let Some(c) = DESCRIPTION.captures(source.slice(line.clone())) else {
                continue;
            };
            let Ok(status) = c[1].parse::<u16>() else {
                continue;
            };
            if let Some(def) = statuses.iter_mut().find(|d| d.status == status) {
                def.description = Some(c[3].to_string());
            }
        }
        Some(StatusReference {
            span: source.span(block),
            statuses,
        })
    }
}

/// The reason phrases of the HTTP statuses (RFC 9110 and the common
/// extensions), by status: a table that gives a status its standard phrase
/// explains HTTP statuses rather than listing error codes.
pub(crate) const REASON_PHRASES: &[(u16, &str)] = &[
    (100, "Continue"),
    (101, "Switching Protocols"),
    (102, "Processing"),
    (103, "Early Hints"),
    (200, "OK"),
    (201, "Created"),
    (202, "Accepted"),
    (203, "Non-Authoritative Information"),
    (204, "No Content"),
    (205, "Reset Content"),
    (206, "Partial Content"),
    (207, "Multi-Status"),
    (300, "Multiple Choices"),
    (301, "Moved Permanently"),
    (302, "Found"),
    (303, "See Other"),
    (304, "Not Modified"),
    (307, "Temporary Redirect"),
    (308, "Permanent Redirect"),
    (400, "Bad Request"),
    (401, "Unauthorized"),
    (402, "Payment Required"),
    (403, "Forbidden"),
    (404, "Not Found"),
    (405, "Method Not Allowed"),
    (406, "Not Acceptable"),
    (407, "Proxy Authentication Required"),
    (408, "Request Timeout"),
    (409, "Conflict"),
    (410, "Gone"),
    (411, "Length Required"),
    (412, "Precondition Failed"),
    (413, "Content Too Large"),
    (414, "URI Too Long"),
    (415, "Unsupported Media Type"),
    (416, "Range Not Satisfiable"),
    (417, "Expectation Failed"),
    (418, "I'm a teapot"),
    (421, "Misdirected Request"),
    (422, "Unprocessable Content"),
    (423, "Locked"),
    (424, "Failed Dependency"),
    (425, "Too Early"),
    (426, "Upgrade Required"),
    (428, "Precondition Required"),
    (429, "Too Many Requests"),
    (431, "Request Header Fields Too Large"),
    (451, "Unavailable For Legal Reasons"),
    (500, "Internal Server Error"),
    (501, "Not Implemented"),
    (502, "Bad Gateway"),
    (503, "Service Unavailable"),
    (504, "Gateway Timeout"),
    (505, "HTTP Version Not Supported"),
    (507, "Insufficient Storage"),
    (508, "Loop Detected"),
    (511, "Network Authentication Required"),
];

/// Whether `text` is the standard reason phrase of `status`, however it
/// is cased or spaced (`NOT FOUND`, `Not_Found`, `NotFound`).
pub(crate) fn is_reason_phrase(status: u16, text: &str) -> bool {
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let Ok(index) = REASON_PHRASES.binary_search_by_key(&status, |(s, _)| *s) else {
        return false;
    };
    let phrase = REASON_PHRASES[index].1;
    let text = key(text);
    !text.is_empty()
        && (text == key(phrase)
            || (status == 413 && text == "requestentitytoolarge")
            || (status == 422 && text == "unprocessableentity"))
}

#[cfg(test)]
mod phrase_tests {
    use super::*;

    #[test]
    fn reason_phrases_are_sorted_and_found_in_any_case() {
        assert!(REASON_PHRASES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(is_reason_phrase(404, "NOT FOUND"));
        assert!(is_reason_phrase(500, "INTERNAL SERVER ERROR"));
        assert!(is_reason_phrase(200, "OK"));
        assert!(!is_reason_phrase(404, "资源不存在"));
        assert!(!is_reason_phrase(999, "unknown"));
    }
}
