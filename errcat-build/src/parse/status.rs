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
use crate::parse::constant::Scan;
use crate::source::SourceFile;

static STATUS_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[Ss]tatus[A-Z0-9_]").expect("valid pattern"));
static DESCRIPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*([1-5][0-9]{2})\s+([A-Za-z]\w*)\s+(.+?)\s*$").expect("valid pattern")
});

pub(crate) fn is_http_status(value: i64) -> bool {
    (100..=599).contains(&value)
}

pub(crate) fn from_constants(
    source: &SourceFile,
    scan: &Scan,
    block: Range<usize>,
) -> Option<StatusReference> {
    if !scan.is_constant_list() {
        return None;
    }
    let all_statuses = scan.constants.iter().all(|c| {
        STATUS_NAME.is_match(source.slice(c.name.clone()))
            && parse_integer(source.slice(c.value.clone())).is_some_and(is_http_status)
    });
    if !all_statuses {
        return None;
    }
    let mut statuses: Vec<StatusDef> = scan
        .constants
        .iter()
        .map(|c| StatusDef {
            status: parse_integer(source.slice(c.value.clone())).unwrap_or_default() as u16,
            name: Some(source.slice(c.name.clone()).to_string()),
            description: c.comment.clone().map(|r| source.slice(r).to_string()),
            span: source.span(c.line.clone()),
        })
        .collect();
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
