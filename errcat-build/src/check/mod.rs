//! The checks: each finding has a lint id, a span and notes pointing at the
//! other places involved.

mod placeholders;

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hash};

use foldhash::fast::FixedState;

use crate::concurrent::beside;
use crate::diagnostic::Diagnostic;
use crate::lint;
use crate::model::{Catalog, CodeType, Entry, Model, RangeOrigin, RecordFormat, is_symbol};
use crate::naming;
use crate::parse::is_http_status;

pub fn run(model: &Model) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (index, catalog) in model.catalogs.iter().enumerate() {
        let mut found = Vec::new();
        let shape = Shape {
            record_statuses: catalog.has_record_statuses(),
            status_prefixed: status_prefixed(catalog),
        };
        let (mut identifiers, mut order) = (Vec::new(), Vec::new());
        // The identifiers on this thread, the records' own checks and their
        // order aside: each pass over 100,000 records reads megabytes, and
        // these allocate next to nothing, so the second thread's memory
        // stays small.
        beside(
            catalog.entries.len() >= CHECKED_BESIDE_FROM,
            || {
                for entry in &catalog.entries {
                    check_entry(model, catalog, &shape, entry, &mut found);
                    placeholders::check_translations(entry, &mut found);
                }
                placeholders::check_styles(catalog, &mut found);
                check_order(catalog, &mut order);
            },
            || check_identifiers(catalog, &mut identifiers),
        );
        // In the order of checking on one thread, which the findings keep.
        found.append(&mut identifiers);
        check_duplicate_messages(catalog, &mut found);
        found.append(&mut order);
        out.extend(found.into_iter().map(|d| d.in_catalog(index)));
    }
    check_duplicate_codes(model, &mut out);
    check_overlapping_ranges(model, &mut out);
    out
}

/// The records from which a catalogue's identifiers are checked beside
/// its records' own checks, on two threads: the two longest checks, and
/// below this too short for a thread to win back its start.
const CHECKED_BESIDE_FROM: usize = 16_384;

/// Two declared ranges that share codes (`4000-4199` and `4100-4199`).
fn check_overlapping_ranges(model: &Model, out: &mut Vec<Diagnostic>) {
    for facts in &model.files {
        for (i, later) in facts.categories.iter().enumerate() {
            let earlier = facts.categories[..i]
                .iter()
                .find(|c| c.first <= later.last && later.first <= c.last);
            if let Some(earlier) = earlier {
                out.push(
                    Diagnostic::new(
                        &lint::OVERLAPPING_RANGES,
                        later.name.span,
                        format!(
                            "range {} overlaps range {} ({})",
                            later.pattern,
                            earlier.pattern,
                            earlier.name.as_str()
                        ),
                    )
                    .label("overlapping range")
                    .note_at("the other range is declared here", earlier.name.span),
                );
            }
        }
    }
}

/// What holds for a whole catalogue, worked out once for its records.
struct Shape {
    /// Records state their own HTTP status.
    record_statuses: bool,
    /// Codes start with their status.
    status_prefixed: bool,
}

fn check_entry(
    model: &Model,
    catalog: &Catalog,
    shape: &Shape,
    entry: &Entry,
    out: &mut Vec<Diagnostic>,
) {
    match &entry.code {
        None => out.push(
            Diagnostic::new(
                &lint::MISSING_CODE,
                entry.span,
                "this record has no error code",
            )
            .label("record without a code")
            .note("add a line such as `- ErrorCode: 40000001`"),
        ),
        Some(code) => match (catalog.code_type, code.value()) {
            // Numbers among symbols are kept as written (`"2001"`).
            (CodeType::Symbol, Some(_)) => {}
            (CodeType::Symbol, None) if !is_symbol(code.text()) => out.push(
                Diagnostic::new(
                    &lint::INVALID_CODE,
                    code.span,
                    format!("error code `{}` is not an identifier", code.text()),
                )
                .label("not a symbolic code")
                .note("symbolic codes are ASCII letters, digits, `_`, `-` and `.`, such as `ERR_INVALID_PARAM`"),
            ),
            (CodeType::Symbol, None) => {}
            (_, None) => out.push(
                Diagnostic::new(
                    &lint::INVALID_CODE,
                    code.span,
                    format!("error code `{}` is not an integer", code.text()),
                )
                .label("not an integer"),
            ),
            (code_type, Some(value)) if !code_type.holds(value) => out.push(
                Diagnostic::new(
                    &lint::INVALID_CODE,
                    code.span,
                    format!(
                        "error code {value} does not fit the code type {} ({} to {})",
                        code_type.name(),
                        code_type.min(),
                        code_type.max()
                    ),
                )
                .label("out of range")
                .note("codes of another range need `code-type` in catalogs.toml (\"u32\", \"i32\" or \"i64\")"),
            ),
            (_, Some(_)) => {}
        },
    }

    let status = match &entry.http_status {
        None => {
            // A bullet record names its fields: where its neighbours state
            // a status, one left out is a mistake. A table cell may say
            // none (`N/A`), and a catalogue that states none takes its
            // default.
            if shape.record_statuses && entry.format == RecordFormat::Bullet {
                out.push(
                    Diagnostic::new(
                        &lint::MISSING_HTTP_STATUS,
                        entry.span,
                        "this record has no HTTP status",
                    )
                    .label("record without `HttpCode`")
                    .note(format!(
                        "it would fall back to the catalogue's default, HTTP {}",
                        catalog.default_http_status
                    )),
                );
            }
            None
        }
        Some(status) => match status.value().map(i64::from) {
            Some(value) => {
                let reference = &model.facts(entry.span.file).status_reference;
                if let Some(reference) = reference
                    && reference.get(value as u16).is_none()
                {
                    let listed: Vec<String> = reference
                        .statuses
                        .iter()
                        .map(|s| s.status.to_string())
                        .collect();
                    out.push(
                        Diagnostic::new(
                            &lint::INVALID_HTTP_STATUS,
                            status.span,
                            format!("HTTP {value} is not in this file's status reference"),
                        )
                        .label("not documented")
                        .note_at("the status reference is here", reference.span)
                        .note(format!("documented statuses: {}", listed.join(", "))),
                    );
                }
                Some((value, status))
            }
            _ => {
                out.push(
                    Diagnostic::new(
                        &lint::INVALID_HTTP_STATUS,
                        status.span,
                        format!(
                            "`{}` is not an HTTP status (100 to 599)",
                            status.text(model.source(status.span.file))
                        ),
                    )
                    .label("not an HTTP status"),
                );
                None
            }
        },
    };

    if let (Some((status, status_field)), Some(code)) = (status, entry.code.as_ref()) {
        if let Some(value) = code.value().filter(|v| *v > 0 && shape.status_prefixed)
            && !starts_with_digits(value, status)
        {
            let digits = value.to_string();
            let implied = digits
                .get(..3)
                .and_then(|p| p.parse::<i64>().ok())
                .filter(|p| is_http_status(*p) && digits.len() > 3);
            let mut d = Diagnostic::new(
                &lint::HTTP_PREFIX_MISMATCH,
                code.span,
                format!("code {value} does not start with its HTTP status {status}"),
            )
            .label(match implied {
                Some(p) => format!("this code implies HTTP {p}"),
                None => format!("expected a code starting with {status}"),
            })
            .note_at("the record's status is here", status_field.span);
            if implied.is_none() {
                d = d.note("codes in this catalogue start with their HTTP status (`40400001` for HTTP 404)");
            }
            out.push(d);
        }
        if let Some(section) = catalog.section(entry)
            && let Some(class) = section.http_class
            && status / 100 != i64::from(class)
        {
            out.push(
                Diagnostic::new(
                    &lint::SECTION_CLASS_MISMATCH,
                    status_field.span,
                    format!(
                        "an HTTP {status} record under `{}`, a section for {class}xx statuses",
                        section.title.as_str()
                    ),
                )
                .label(format!("{}xx status", status / 100))
                .note_at("the section starts here", section.title.span),
            );
        }
    }

    check_category(model, catalog, entry, out);

    if let (Some(code), Some(field)) = (entry.code_key(catalog.code_type), entry.code.as_ref())
        && let Some(listed) = catalog.retired_at(code)
    {
        out.push(
            Diagnostic::new(
                &lint::RETIRED_CODE,
                field.span,
                format!("code {code} is retired and must not be used again"),
            )
            .label("retired code")
            .note_at("it is retired here", listed),
        );
    }

    if entry.message.as_ref().is_none_or(|m| m.as_str().is_empty()) {
        let span = entry.code.as_ref().map_or(entry.span, |c| c.span);
        out.push(
            Diagnostic::new(
                &lint::MISSING_MESSAGE,
                span,
                format!("code {} has no message", code_text(entry)),
            )
            .label("no message"),
        );
    }
}

/// A code must lie in the category its numbered section opens, in some
/// declared category at all, and not in a reserved range.
fn check_category(model: &Model, catalog: &Catalog, entry: &Entry, out: &mut Vec<Diagnostic>) {
    let facts = model.facts(catalog.file);
    let (Some(code), Some(code_field)) = (entry.code_value(), entry.code.as_ref()) else {
        return;
    };
    if facts.categories.is_empty() {
        return;
    }
    let found = facts.category_of(code);
    if let Some(range) = found.filter(|c| c.reserved) {
        out.push(
            Diagnostic::new(
                &lint::RESERVED_RANGE,
                code_field.span,
                format!("code {code} lies in the reserved range {}", range.pattern),
            )
            .label("reserved")
            .note_at("the range is reserved here", range.name.span),
        );
        return;
    }
    let section = catalog.section(entry);
    let expected = section.and_then(|s| facts.section_category(s));
    match (expected, found) {
        (Some(expected), found) if !expected.contains(code) => {
            let section = section.expect("a section category comes from a section");
            out.push(
                Diagnostic::new(
                    &lint::CATEGORY_RANGE_MISMATCH,
                    code_field.span,
                    format!(
                        "code {code} is outside {} ({}), the range of section `{}`",
                        expected.pattern,
                        expected.name.as_str(),
                        section.title.as_str()
                    ),
                )
                .label(match found {
                    Some(f) => format!("a {} code", f.pattern),
                    None => "in no declared range".to_string(),
                })
                .note_at("the section starts here", section.title.span),
            );
        }
        // Only a category table divides all codes between its ranges; a
        // range heading speaks for its own section only.
        (None, None)
            if facts
                .categories
                .iter()
                .any(|c| c.origin == RangeOrigin::CategoryTable) =>
        {
            let ranges: Vec<&str> = facts
                .categories
                .iter()
                .filter(|c| c.origin == RangeOrigin::CategoryTable)
                .map(|c| c.pattern.as_str())
                .collect();
            out.push(
                Diagnostic::new(
                    &lint::CATEGORY_RANGE_MISMATCH,
                    code_field.span,
                    format!("code {code} lies in no declared category range"),
                )
                .label("uncategorised")
                .note(format!("declared ranges: {}", ranges.join(", "))),
            );
        }
        _ => {}
    }
}

/// Whether the catalogue's codes start with their HTTP status
/// (`40400004` for HTTP 404): true when at least half of its records do,
/// so the others are mistakes; a catalogue with another numbering (`1001` with HTTP
/// 400) is not held to it.
pub fn status_prefixed(catalog: &Catalog) -> bool {
    let mut with_status = 0;
    let mut prefixed = 0;
    for entry in &catalog.entries {
        // 0 is success in any catalogue, whatever status it answers with.
        let code = entry.code_value().filter(|&code| code != 0);
        // A code that is its status (`404` answering 404) says nothing of
        // how the other codes are made.
        if let (Some(code), Some(status)) = (code, entry.status_value())
            && code != status
        {
            with_status += 1;
            if starts_with_digits(code, status) {
                prefixed += 1;
            }
        }
    }
    with_status > 0 && prefixed * 2 >= with_status
}

/// Whether `code`'s decimal digits begin with those of `prefix`
/// (`40400004` and 404), counted rather than formatted: this runs for
/// every record.
fn starts_with_digits(code: i64, prefix: i64) -> bool {
    if code < 0 || prefix < 0 {
        return false;
    }
    let digits = |n: i64| n.checked_ilog10().unwrap_or(0);
    let (code_digits, prefix_digits) = (digits(code), digits(prefix));
    code_digits >= prefix_digits && code / 10_i64.pow(code_digits - prefix_digits) == prefix
}

#[cfg(test)]
#[test]
fn digit_prefixes_are_counted_as_formatting_would_find_them() {
    for (code, prefix) in [
        (40400004, 404),
        (404, 404),
        (4, 4),
        (0, 0),
        (5000001, 500),
        (40, 404),
        (4040, 40),
        (-404, 404),
        (1, 10),
    ] {
        assert_eq!(
            starts_with_digits(code, prefix),
            code >= 0 && prefix >= 0 && code.to_string().starts_with(&prefix.to_string()),
            "{code} {prefix}"
        );
    }
}

/// The checks' hash tables: fast hashing, and the same order every run.
type Table<K, V> = HashMap<K, V, FixedState>;

fn table<K, V>(capacity: usize) -> Table<K, V> {
    HashMap::with_capacity_and_hasher(capacity, FixedState::default())
}

fn code_text(entry: &Entry) -> &str {
    entry.code_text().unwrap_or("?")
}

/// Records that repeat an earlier record's key, as `(first, again, key)`:
/// `first` is the earliest record with the key, by the records' order.
/// Records are kept in a table by 32 bits of their key's hash instead of by
/// the key, and keys are compared only among records that share a hash: a
/// table of `u32`s holds no copy of any key, and a hash met once, as most
/// are, costs one look-up.
fn repeats<I: Copy + Ord, K: Hash + Eq>(
    keys: impl Iterator<Item = (I, K)>,
    key_of: impl Fn(I) -> Option<K>,
) -> Vec<(I, I, K)> {
    let hasher = FixedState::default();
    repeats_by_hash(
        keys.map(|(index, key)| (index, hasher.hash_one(key))),
        key_of,
    )
}

/// [`repeats`] of keys given by their hashes (any hash that two equal keys
/// share), so that a key need not outlive its hashing.
fn repeats_by_hash<I: Copy + Ord, K: Eq>(
    hashes: impl Iterator<Item = (I, u64)>,
    key_of: impl Fn(I) -> Option<K>,
) -> Vec<(I, I, K)> {
    let mut first_of: Table<u32, I> = table(hashes.size_hint().1.unwrap_or(0));
    let mut again: Vec<(u32, I)> = Vec::new();
    for (index, hash) in hashes {
        let hash = hash as u32;
        let first = *first_of.entry(hash).or_insert(index);
        if first != index {
            again.push((hash, index));
        }
    }
    again.sort_unstable();
    let mut found = Vec::new();
    for run in again.chunk_by(|a, b| a.0 == b.0) {
        let mut records: Vec<I> = run.iter().map(|&(_, index)| index).collect();
        records.push(first_of[&run[0].0]);
        records.sort_unstable();
        // The first record of each key among those of one hash, in order.
        let mut firsts: Vec<(K, I)> = Vec::new();
        for index in records {
            let Some(key) = key_of(index) else {
                continue;
            };
            match firsts.iter().find(|(first, _)| *first == key) {
                Some(&(_, first)) => found.push((first, index, key)),
                None => firsts.push((key, index)),
            }
        }
    }
    found
}

fn check_identifiers(catalog: &Catalog, out: &mut Vec<Diagnostic>) {
    // Two unnamed records (`E40000001`) share a variant only when they
    // share a code, which is reported as a duplicate code. So an unnamed
    // record needs comparing only when a written name spells its variant,
    // which keeps most records of a large catalogue out of the search;
    // except in a catalogue of symbols, which keeps numbers as written:
    // `0004` and `4` are two codes and one variant, `E4`.
    let spelled: HashSet<i64, FixedState> = catalog
        .entries
        .iter()
        .filter_map(naming::spelled_code)
        .collect();
    let name_span = |entry: &Entry| entry.name.as_ref().map_or(entry.span, |n| n.span);
    let invalid = |entry: &Entry, reason: String| {
        Diagnostic::new(
            &lint::INVALID_IDENTIFIER,
            name_span(entry),
            format!("this name cannot become a Rust identifier: {reason}"),
        )
        .label("unusable name")
        .note("names become UpperCamelCase constants of the catalogue's `Code` and must be ASCII, starting with a letter")
    };
    // Named rows of tables that read alike get constants of their own: where
    // every record is one, no two can collide, and names are only checked.
    let only_checked = catalog.entries.iter().all(naming::disambiguates);
    // Hashed as they are made, each in one scratch string: 100,000
    // variants held at once, or each a string of its own, cost megabytes
    // and as many allocations.
    let hasher = FixedState::default();
    let mut scratch = String::new();
    let variants = (0u32..).zip(&catalog.entries).filter_map(|(index, entry)| {
        if entry.code_key(catalog.code_type).is_none() && entry.name.is_none() {
            return None; // already reported as a missing or invalid code
        }
        if catalog.code_type != CodeType::Symbol
            && naming::is_unnamed(entry)
            && entry.code_value().is_none_or(|c| !spelled.contains(&c))
        {
            return None;
        }
        if only_checked {
            if let Some(reason) = naming::variant_error(entry) {
                out.push(invalid(entry, reason));
            }
            return None;
        }
        match naming::variant_key_in(entry, &mut scratch) {
            Ok(variant) => Some((index, hasher.hash_one(variant))),
            Err(reason) => {
                out.push(invalid(entry, reason));
                None
            }
        }
    });
    if only_checked {
        variants.for_each(drop);
        return;
    }
    let variant_of = |index: u32| naming::variant_key(&catalog.entries[index as usize]).ok();
    for (first, again, variant) in repeats_by_hash(variants, variant_of) {
        let (first, entry) = (
            &catalog.entries[first as usize],
            &catalog.entries[again as usize],
        );
        // Two records with one code are a duplicate code, reported as such;
        // a table's row labels that read alike get constants of their own.
        // Records without a name are no exception: a symbolic code names
        // its own (`DocumentNotFound`, `document_not_found`).
        let same_code = first.code_key(catalog.code_type).is_some()
            && first.code_key(catalog.code_type) == entry.code_key(catalog.code_type);
        if same_code || naming::disambiguates(entry) {
            continue;
        }
        out.push(
            Diagnostic::new(
                &lint::DUPLICATE_IDENTIFIER,
                name_span(entry),
                format!(
                    "code {} and code {} both become the variant `{variant}`",
                    code_text(first),
                    code_text(entry),
                ),
            )
            .label("same identifier")
            .note_at("the first one is here", name_span(first)),
        );
    }
}

fn check_duplicate_messages(catalog: &Catalog, out: &mut Vec<Diagnostic>) {
    let message = |index: u32| {
        (catalog.entries[index as usize].message.as_ref()).filter(|m| !m.as_str().is_empty())
    };
    let messages =
        (0..catalog.entries.len() as u32).filter_map(|i| Some((i, message(i)?.as_str())));
    for (first, again, _) in repeats(messages, |i| message(i).map(|m| m.as_str())) {
        let (first, entry) = (
            &catalog.entries[first as usize],
            &catalog.entries[again as usize],
        );
        let (Some(repeated), Some(original)) = (&entry.message, &first.message) else {
            continue;
        };
        // A code defined twice is an error of its own; that its message is
        // the same says nothing more.
        // Nor for codes one row lists together (`-4000001<br/>-4000006`).
        let code = entry.code_key(catalog.code_type);
        if code.is_some() && code == first.code_key(catalog.code_type) || entry.span == first.span {
            continue;
        }
        out.push(
            Diagnostic::new(
                &lint::DUPLICATE_MESSAGE,
                repeated.span,
                format!(
                    "code {} has the same message as code {}",
                    code_text(entry),
                    code_text(first)
                ),
            )
            .label("same message")
            .note_at("the first one is here", original.span),
        );
    }
}

/// Flags the fewest records whose removal leaves each series in order: the
/// records outside a longest strictly monotonic run of codes, so one stray
/// record is reported once, not every record after it; and only a single
/// stray, or strays in a series at least four fifths in order. A series is the
/// codes of one section with one number of digits (`1005` and `10005`
/// belong to different series); it ascends, or descends where most of its
/// neighbours do (`0, -1, -2, …`).
fn check_order(catalog: &Catalog, out: &mut Vec<Diagnostic>) {
    // Codes that rise all the way put every series in order: most
    // catalogues, told in one pass without the tables below.
    let codes = catalog.entries.iter().filter_map(Entry::code_value);
    if codes.is_sorted_by(|a, b| a < b) {
        return;
    }
    let mut by_series: Table<(Option<u32>, usize), Vec<&Entry>> = table(0);
    let mut seen: HashSet<i64, FixedState> =
        HashSet::with_capacity_and_hasher(catalog.entries.len(), FixedState::default());
    for entry in &catalog.entries {
        // A repeated code is a duplicate, not a second place in the order.
        if let Some(code) = entry.code_value()
            && seen.insert(code)
        {
            let digits = code
                .unsigned_abs()
                .checked_ilog10()
                .map_or(1, |d| d as usize + 1);
            by_series
                .entry((entry.section, digits))
                .or_default()
                .push(entry);
        }
    }
    let mut series: Vec<_> = by_series.into_iter().collect();
    series.sort_by_key(|(key, _)| *key);
    for (_, entries) in series {
        let codes: Vec<i64> = entries.iter().filter_map(|e| e.code_value()).collect();
        // A section may count down (`0, -1, -2, …`): the order is the one
        // most neighbours follow.
        let rising = codes.windows(2).filter(|w| w[0] < w[1]).count();
        let falling = codes.windows(2).filter(|w| w[0] > w[1]).count();
        let key: Vec<i64> = if rising >= falling {
            codes.clone()
        } else {
            codes
                .iter()
                .map(|c| c.checked_neg().unwrap_or(i64::MAX))
                .collect()
        };
        // Most series are in order already, and need no search.
        if key.windows(2).all(|w| w[0] < w[1]) {
            continue;
        }
        let keep = longest_increasing(&key);
        // Only a code that breaks an otherwise ordered series is out of
        // order: one stray code, or strays among four fifths in order.
        // Where more are, the document orders the series otherwise on
        // purpose (by module, by page, interleaved).
        let in_order = keep.iter().filter(|&&k| k).count();
        if keep.len() - in_order > 1 && in_order * 5 < keep.len() * 4 {
            continue;
        }
        for (i, entry) in entries.iter().enumerate() {
            if keep[i] {
                continue;
            }
            let code = codes[i];
            // The code it follows that is in order.
            let previous = (0..i).rev().find(|&j| keep[j]).map(|j| codes[j]);
            let mut d = Diagnostic::new(
                &lint::CODE_OUT_OF_ORDER,
                entry.code.as_ref().map_or(entry.span, |c| c.span),
                match previous {
                    Some(prev) => format!("code {code} is out of order: it comes after {prev}"),
                    None => format!("code {code} is out of order"),
                },
            )
            .label("out of order");
            if let Some(next) = (0..codes.len()).find(|&j| keep[j] && key[j] > key[i]) {
                let next_entry = entries[next];
                let span = next_entry.code.as_ref().map_or(next_entry.span, |c| c.span);
                d = d.note_at(format!("it belongs before {}", codes[next]), span);
            }
            out.push(d);
        }
    }
}

/// Marks the members of one longest strictly increasing subsequence
/// (patience sorting, O(n log n)). Ties favour earlier records, so of two
/// swapped codes the later one is reported.
fn longest_increasing(values: &[i64]) -> Vec<bool> {
    // Run backwards looking for a decreasing run: the tie-breaking of
    // patience sorting then keeps the earlier of two equally good records.
    let reversed: Vec<i64> = values.iter().rev().copied().collect();
    // tails[k]: index of the largest tail of a decreasing run of length k+1.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; reversed.len()];
    for (i, &v) in reversed.iter().enumerate() {
        let k = tails.partition_point(|&t| reversed[t] > v);
        previous[i] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut keep = vec![false; values.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        keep[values.len() - 1 - i] = true;
        at = previous[i];
    }
    keep
}

fn check_duplicate_codes(model: &Model, out: &mut Vec<Diagnostic>) {
    // Catalogues in one configured namespace share the first one's index;
    // any other catalogue is a namespace of its own.
    let namespace: Vec<usize> = (model.catalogs.iter().enumerate())
        .map(|(index, catalog)| {
            let same =
                |other: &Catalog| other.namespace.is_some() && other.namespace == catalog.namespace;
            model.catalogs.iter().position(same).unwrap_or(index)
        })
        .collect();
    let entry = |(catalog, entry): (u32, u32)| {
        let catalog = &model.catalogs[catalog as usize];
        (catalog, &catalog.entries[entry as usize])
    };
    let key = |record: (u32, u32)| {
        let (catalog, entry) = entry(record);
        Some((
            namespace[record.0 as usize],
            entry.code_key(catalog.code_type)?,
        ))
    };
    // Records as (catalogue, record) pairs, which order as the catalogues
    // and their records do: the first of a code is its first definition.
    let records = || {
        (model.catalogs.iter().enumerate())
            .flat_map(|(c, catalog)| (0..catalog.entries.len() as u32).map(move |e| (c as u32, e)))
            .filter_map(|record| Some((record, key(record)?)))
    };
    // Codes that rise all the way, as most catalogues write them, repeat
    // none: one pass tells, and spares the sort.
    if records().map(|(_, key)| key).is_sorted_by(|a, b| a < b) {
        return;
    }
    for (first_record, record, (_, code)) in repeats(records(), key) {
        let (first_catalog, first) = entry(first_record);
        let (catalog, entry) = entry(record);
        let Some(code_field) = entry.code.as_ref() else {
            continue;
        };
        let message = if record.0 == first_record.0 {
            format!(
                "code {code} is defined twice in catalogue `{}`",
                catalog.name
            )
        } else {
            format!(
                "code {code} of catalogue `{}` is already used by catalogue `{}` ({}) in namespace `{}`",
                catalog.name,
                first_catalog.name,
                model.source(first_catalog.file).path(),
                catalog.namespace.as_deref().unwrap_or_default()
            )
        };
        out.push(
            Diagnostic::new(&lint::DUPLICATE_CODE, code_field.span, message)
                .label("defined again here")
                .note_at(
                    "first defined here",
                    first.code.as_ref().map_or(first.span, |c| c.span),
                )
                .in_catalog(record.0 as usize),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_pair_each_later_record_with_the_first_of_its_key() {
        let keys = ["a", "b", "a", "c", "b", "a"];
        let mut found = repeats((0u32..).zip(keys), |i| Some(keys[i as usize]));
        found.sort_unstable_by_key(|&(_, again, _)| again);
        assert_eq!(found, [(0, 2, "a"), (1, 4, "b"), (0, 5, "a")]);
        let none = repeats((0u32..).zip(["x", "y"]), |_| None::<&str>);
        assert!(none.is_empty());
    }

    /// A catalogue large enough to be checked on two threads gives the
    /// findings a small one checked on one thread gives.
    #[test]
    fn a_catalogue_checked_on_two_threads_finds_what_one_thread_does() {
        let findings = |records: usize| {
            let mut list = String::from("```\n");
            for i in 0..records {
                match i {
                    3 => list.push_str("SELF = 1000003\n"),
                    7 => list.push_str("ERR_TWO = 1000007\nERR__TWO = 1000008\n"),
                    8 => {}
                    _ => list.push_str(&format!("// message {i}\nERR_{i} = {}\n", 1_000_000 + i)),
                }
            }
            list.push_str("```\n");
            let mut project = crate::Project::new();
            project.add_file("catalogs/big.md", list.into_bytes());
            let analysis = project.analyze();
            (analysis.diagnostics.iter())
                .map(|d| format!("{} {}", d.lint.id, d.message))
                .filter(|d| !d.starts_with("code-out-of-order"))
                .collect::<Vec<_>>()
        };
        // In the order of the file, as the analysis sorts them.
        let expected = [
            "invalid-identifier this name cannot become a Rust identifier: `SELF` becomes `Self`, a Rust keyword",
            "missing-message code 1000003 has no message",
            "missing-message code 1000007 has no message",
            "duplicate-identifier code 1000007 and code 1000008 both become the variant `ErrTwo`",
            "missing-message code 1000008 has no message",
        ];
        assert_eq!(findings(CHECKED_BESIDE_FROM + 10), expected);
        assert_eq!(findings(100), expected);
    }

    /// Where every record is a named table row, names are only checked:
    /// the verdicts are those of the names in any other layout.
    #[test]
    fn names_of_table_rows_that_cannot_be_constants_are_reported() {
        let mut project = crate::Project::new();
        let table = "| 错误码 | 名称 | 说明 |\n|---|---|---|\n\
            | 1001 | Self | a |\n| 1002 | HTTPError | b |\n| 1003 | 用户名 | c |\n\
            | 1004 | GetUser | d |\n| 1005 | user_name | e |\n| 1006 | 1st | f |\n";
        project.add_file("catalogs/names.md", table.as_bytes().to_vec());
        let analysis = project.analyze();
        let found: Vec<(u32, &str)> = (analysis.diagnostics.iter())
            .filter(|d| d.lint.id == "invalid-identifier")
            .map(|d| (d.span.start, d.message.as_str()))
            .collect();
        let at = |cell: &str| table.find(cell).unwrap() as u32;
        assert_eq!(
            found,
            [
                (
                    at("Self"),
                    "this name cannot become a Rust identifier: `Self` becomes `Self`, a Rust keyword"
                ),
                (
                    at("用户名"),
                    "this name cannot become a Rust identifier: `用户名` becomes `用户名`, which has characters other than ASCII letters and digits"
                ),
                (
                    at("1st"),
                    "this name cannot become a Rust identifier: `1st` becomes `1st`, which does not start with a letter"
                ),
            ]
        );
    }

    #[test]
    fn longest_increasing_run_leaves_out_the_stray_records() {
        let keep = longest_increasing(&[1, 2, 9, 3, 4]);
        assert_eq!(keep, [true, true, false, true, true]);
        let keep = longest_increasing(&[10601, 10620, 10220, 10911, 10912]);
        assert_eq!(keep, [true, true, false, true, true]);
        assert_eq!(longest_increasing(&[5, 1]), [true, false]);
        assert_eq!(longest_increasing(&[]), Vec::<bool>::new());
    }
}
