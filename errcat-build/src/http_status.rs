//! The HTTP status each record answers with, and where it comes from: the
//! record (or its heading), a rule in catalogs.toml, the code itself in a
//! catalogue that opts in to status-prefixed codes, or the default.

use std::ops::RangeInclusive;

use crate::model::{Catalog, Entry, Model};
use crate::source::Span;

/// A catalogs.toml rule giving records that state no status one.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct StatusRule {
    pub matcher: StatusMatcher,
    pub status: u16,
    /// The rule in catalogs.toml, or for a build script's, the catalogue.
    pub span: Span,
    /// Set by the build script ([`Builder::http_status`](crate::Builder::http_status)),
    /// not catalogs.toml.
    pub from_build_script: bool,
}

/// A status setting a build script gives a catalogue, as catalogs.toml
/// would; applied after catalogs.toml's (its rules come after the file's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusSetting {
    Default(u16),
    Rule(StatusMatcher, u16),
    FromCode(bool),
}

/// Which records a [`StatusRule`] is for.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum StatusMatcher {
    /// Records under a heading of this title (compared ignoring case and
    /// surrounding spaces), or under one nested in it.
    Section(String),
    /// Records in the declared range of this name or pattern (`PodError`,
    /// `2xxx`).
    Category(String),
    /// Records whose codes lie in this range.
    Codes(RangeInclusive<i64>),
}

impl StatusMatcher {
    /// As catalogs.toml writes it: `section "云盘"`.
    pub fn describe(&self) -> String {
        match self {
            StatusMatcher::Section(title) => format!("section `{title}`"),
            StatusMatcher::Category(name) => format!("category `{name}`"),
            StatusMatcher::Codes(range) if range.start() == range.end() => {
                format!("code {}", range.start())
            }
            StatusMatcher::Codes(range) => format!("codes {}-{}", range.start(), range.end()),
        }
    }
}

/// Where a record's status comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusOrigin<'m> {
    /// The record states it, or the heading above it does.
    Record,
    /// A catalogs.toml rule.
    Rule(&'m StatusRule),
    /// Its code's first three digits (`40100` → 401), where the catalogue
    /// sets `http-status-from-code`.
    Code,
    /// The catalogue's default.
    Default,
}

impl StatusOrigin<'_> {
    /// For docs and `explain`: `catalogs.toml: section `云盘``.
    pub fn describe(&self) -> Option<String> {
        match self {
            StatusOrigin::Record => None,
            StatusOrigin::Rule(rule) => Some(format!(
                "{}: {}",
                if rule.from_build_script {
                    "build.rs"
                } else {
                    "catalogs.toml"
                },
                rule.matcher.describe()
            )),
            StatusOrigin::Code => Some("from the code".to_string()),
            StatusOrigin::Default => Some("catalogue default".to_string()),
        }
    }
}

impl Model {
    /// The status `entry` of `catalog` answers with, and where it comes
    /// from. The first matching rule wins, in catalogs.toml's order.
    pub fn status_of<'m>(&'m self, catalog: &'m Catalog, entry: &Entry) -> (u16, StatusOrigin<'m>) {
        if let Some(status) = entry.status_value() {
            return (status as u16, StatusOrigin::Record);
        }
        if let Some(rule) = catalog
            .status_rules
            .iter()
            .find(|rule| self.rule_matches(catalog, &rule.matcher, entry))
        {
            return (rule.status, StatusOrigin::Rule(rule));
        }
        if catalog.status_from_code
            && let Some(status) = entry.code_value().and_then(status_prefix)
        {
            return (status, StatusOrigin::Code);
        }
        (catalog.default_http_status, StatusOrigin::Default)
    }

    pub fn rule_matches(&self, catalog: &Catalog, matcher: &StatusMatcher, entry: &Entry) -> bool {
        let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
        match matcher {
            StatusMatcher::Section(title) => {
                let mut section = entry.section;
                // The record's heading, then the headings it is nested in.
                while let Some(index) = section {
                    let s = &catalog.sections[index as usize];
                    if same(s.title.as_str(), title) {
                        return true;
                    }
                    section = catalog.parent_section(index);
                }
                false
            }
            StatusMatcher::Category(name) => entry
                .code_value()
                .and_then(|code| self.facts(entry.span.file).category_of(code))
                .is_some_and(|c| same(c.name.as_str(), name) || same(&c.pattern, name)),
            StatusMatcher::Codes(range) => entry.code_value().is_some_and(|c| range.contains(&c)),
        }
    }
}

/// The HTTP status a code starts with: its first three digits, if they are
/// an error status (400–599: `10001` does not mean 100 Continue) and more
/// digits follow (`40100` → 401; `404` alone is a code, not a prefix).
pub fn status_prefix(code: i64) -> Option<u16> {
    let digits = code.checked_abs()?.to_string();
    if digits.len() <= 3 || code < 0 {
        return None;
    }
    let status: u16 = digits[..3].parse().ok()?;
    (400..=599).contains(&status).then_some(status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_statuses_with_digits_after_them() {
        assert_eq!(status_prefix(40100), Some(401));
        assert_eq!(status_prefix(40400004), Some(404));
        assert_eq!(status_prefix(5000), Some(500));
        assert_eq!(status_prefix(404), None);
        assert_eq!(status_prefix(10001), None);
        assert_eq!(status_prefix(20000), None);
        assert_eq!(status_prefix(60001), None);
        assert_eq!(status_prefix(-40100), None);
    }
}
