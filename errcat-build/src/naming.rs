//! How catalogue and record names become Rust identifiers.
//!
//! - A catalogue's module is its configured name, or else the file stem,
//!   transliterated to ASCII (`错误码` → `cuo_wu_ma`), in snake_case with
//!   only ASCII letters, digits and `_` kept; `catalog_` is put in front
//!   when that is empty or starts with a digit, `_` after a Rust keyword,
//!   and `_catalog` after a crate a service names at its root (`std`,
//!   `serde`, …). A second part of a file adds `_2`, a third `_3`, …
//! - A record's variant is its name in UpperCamelCase (`ILLEGAL_PARAMETER`
//!   → `IllegalParameter`), or `E` and its code when it has no name
//!   (`E40000001`; `EMinus1` for -1). A name that does not give an ASCII
//!   identifier starting with a letter is an `invalid-identifier` error
//!   rather than something silently made up.

use heck::{ToSnakeCase, ToUpperCamelCase};

use crate::model::{Category, Entry, RecordFormat};

const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

pub fn is_keyword(ident: &str) -> bool {
    // Every keyword but `Self` is lowercase and at most eight bytes long:
    // the UpperCamelCase constants of a large catalogue skip the search.
    match ident.as_bytes().first() {
        Some(b'a'..=b'z') => ident.len() <= 8 && KEYWORDS.contains(&ident),
        _ => ident == "Self",
    }
}

/// Crates a service's code uses by name at its crate root, beside the
/// generated modules: a module of one of these names would make
/// `use serde::Serialize;` there ambiguous (E0659), though the generated
/// code itself (which writes `::serde`) would build.
pub const RESERVED_MODULES: &[&str] = &[
    "std",
    "core",
    "alloc",
    "proc_macro",
    "test",
    "errcat",
    "serde",
    "serde_json",
    "http",
    "axum",
];

pub fn is_reserved_module(name: &str) -> bool {
    RESERVED_MODULES.contains(&name)
}

/// The default module name for a file stem.
pub fn module_from_stem(stem: &str) -> String {
    // A control or formatting character (a direction override) separates
    // words, as a space would: transliteration would drop it.
    let words: String = stem
        .chars()
        .map(|c| {
            if c.is_control() || is_format_control(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    let ascii = deunicode::deunicode_with_tofu(&words, " ");
    let snake: String = ascii
        .to_snake_case()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    let snake = snake.trim_matches('_');
    let name = if snake.is_empty() {
        "catalog".to_string()
    } else if snake.starts_with(|c: char| c.is_ascii_digit()) {
        format!("catalog_{snake}")
    } else {
        snake.to_string()
    };
    if is_keyword(&name) {
        format!("{name}_")
    } else if is_reserved_module(&name) {
        format!("{name}_catalog")
    } else {
        name
    }
}

/// Direction and joining controls, which show nothing of their own.
fn is_format_control(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{061C}' | '\u{FEFF}')
}

/// Whether a configured catalogue name can be used as a module name as is.
pub fn is_module_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !is_keyword(name)
        && !is_reserved_module(name)
}

/// The record's symbolic code, if it has one (`ERR_INVALID_PARAM`).
fn symbol(entry: &Entry) -> Option<&str> {
    let code = entry.code.as_ref().filter(|c| c.value().is_none())?;
    crate::model::is_symbol(code.text()).then_some(code.text())
}

/// The identifier `name()` returns: the record's name as written, else its
/// symbolic code, else its variant.
pub fn identifier(entry: &Entry) -> String {
    match (&entry.name, symbol(entry)) {
        (Some(name), _) => name.as_str().to_string(),
        (None, Some(symbol)) => symbol.to_string(),
        (None, None) => variant(entry).unwrap_or_default(),
    }
}

/// The enum variant for a record, or why its name cannot be one.
pub fn variant(entry: &Entry) -> Result<String, String> {
    // A key displays as its variant: a written name keyed by the code it
    // spells is that code's fallback, letter for letter.
    variant_key_in(entry, &mut String::new()).map(|key| key.to_string())
}

/// Why `entry` has no [`variant`], if it has none: [`variant`]'s verdict
/// without making the variant where the name or symbol already is one, as
/// most names of a large catalogue are.
pub fn variant_error(entry: &Entry) -> Option<String> {
    let written = (entry.name.as_ref().map(|n| n.as_str())).or_else(|| symbol(entry));
    if written.is_some_and(is_own_constant) {
        return None;
    }
    variant(entry).err()
}

/// The constant of every record of a catalogue, in the records' order:
/// each its [`variant`], except that where a name read from a table's
/// column of names gives the constant of an earlier record (`InvalidParams`
/// after `INVALID_PARAMS`), the later one adds its code
/// (`InvalidParams51001`, numbered from 2 where another record has that
/// constant): a table's names label its rows, and two labels that read
/// alike make no two codes one. Named records of other layouts
/// that collide are a `duplicate-identifier` error instead
/// ([`crate::check`]), as is a record whose name cannot be a constant.
pub fn constants(entries: &[Entry]) -> Vec<String> {
    let variants: Vec<String> = (entries.iter())
        .map(|entry| variant(entry).unwrap_or_else(|_| "Invalid".to_string()))
        .collect();
    // Every record's own constant, which a constant made up for a repeated
    // label must not take from a later record (`FooA2` for the second
    // `Foo`, code A2, when a record further on is named `FooA2`); built
    // only when some label repeats.
    let mut own: Option<std::collections::HashSet<&str>> = None;
    let mut taken: std::collections::HashSet<String> =
        std::collections::HashSet::with_capacity(entries.len());
    let mut out = Vec::with_capacity(entries.len());
    for (entry, variant) in entries.iter().zip(&variants) {
        let mut constant = variant.clone();
        if taken.contains(&constant) && disambiguates(entry) {
            let own = own.get_or_insert_with(|| variants.iter().map(String::as_str).collect());
            // A symbolic code may hold `-` and `.`, which no identifier does.
            let code = entry.code_value().map_or_else(
                || {
                    entry
                        .code_text()
                        .unwrap_or_default()
                        .replace(['-', '.'], "_")
                },
                |c| fallback(c).trim_start_matches('E').to_string(),
            );
            let base = format!("{constant}{code}");
            constant = base.clone();
            let mut n = 2;
            while taken.contains(&constant) || own.contains(constant.as_str()) {
                constant = format!("{base}_{n}");
                n += 1;
            }
        }
        taken.insert(constant.clone());
        out.push(constant);
    }
    out
}

/// Whether a record whose constant is taken gets one of its own: a named
/// row of a table ([`constants`]).
pub fn disambiguates(entry: &Entry) -> bool {
    entry.format == RecordFormat::Table && entry.name.is_some()
}

/// The variant of a record with no name: `E40000001`, `EMinus1`.
fn fallback(code: i64) -> String {
    if code < 0 {
        format!("EMinus{}", code.unsigned_abs())
    } else {
        format!("E{code}")
    }
}

/// A variant as a key for finding two records with one variant. Unnamed
/// records (most of a large catalogue) are keyed by their code instead of
/// a formatted `E40000001`, and a written name of that exact form by the
/// code it spells, so the two still meet.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum VariantKey<S = String> {
    Fallback(i64),
    Written(S),
}

impl<S: AsRef<str>> std::fmt::Display for VariantKey<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            VariantKey::Fallback(code) => f.write_str(&fallback(*code)),
            VariantKey::Written(variant) => f.write_str(variant.as_ref()),
        }
    }
}

/// Whether the record's variant is made from its code (`E40000001`):
/// it has neither a name nor a symbolic code.
pub fn is_unnamed(entry: &Entry) -> bool {
    entry.name.is_none() && symbol(entry).is_none()
}

/// The code a written name or symbol spells as an unnamed record's
/// variant (`Name: E40000004` spells 40000004), if it does.
pub fn spelled_code(entry: &Entry) -> Option<i64> {
    let written = entry.name.as_ref().map(|n| n.as_str()).or(symbol(entry))?;
    // The variant starts with the first letter or digit of the name: most
    // names are ruled out without making the variant.
    let mut letters = written.chars().filter(|c| c.is_alphanumeric());
    if !matches!(letters.next()?, 'e' | 'E') {
        return None;
    }
    // `E404`, `e_404`, `E_MINUS_1`: digits or `minus` follow the `E`.
    if !letters
        .next()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, 'm' | 'M'))
    {
        return None;
    }
    match variant_key(entry) {
        Ok(VariantKey::Fallback(code)) => Some(code),
        _ => None,
    }
}

/// [`variant`] as a [`VariantKey`].
pub fn variant_key(entry: &Entry) -> Result<VariantKey, String> {
    Ok(match variant_key_in(entry, &mut String::new())? {
        VariantKey::Fallback(code) => VariantKey::Fallback(code),
        VariantKey::Written(variant) => VariantKey::Written(variant.to_owned()),
    })
}

/// [`variant_key`] made in `scratch`, or borrowed from the record where its
/// name is its own constant: keying 100,000 records allocates nothing.
pub fn variant_key_in<'a>(
    entry: &'a Entry,
    scratch: &'a mut String,
) -> Result<VariantKey<&'a str>, String> {
    let written = match (&entry.name, symbol(entry)) {
        (Some(name), _) => name.as_str(),
        // A symbolic code names its own variant.
        (None, Some(symbol)) => symbol,
        (None, None) => {
            return entry
                .code_value()
                .map(VariantKey::Fallback)
                .ok_or_else(|| "the record has no usable code to name it after".to_string());
        }
    };
    let variant = variant_in(written, scratch)?;
    Ok(match fallback_code(variant) {
        Some(code) => VariantKey::Fallback(code),
        None => VariantKey::Written(variant),
    })
}

/// The code a fallback variant spells (`E404` → 404, `EMinus1` → -1), if
/// `variant` is one exactly as [`fallback`] writes it.
fn fallback_code(variant: &str) -> Option<i64> {
    let (negative, digits) = match variant.strip_prefix("EMinus") {
        Some(digits) => (true, digits),
        None => (false, variant.strip_prefix('E')?),
    };
    let canonical = digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
        && !(negative && digits == "0");
    if !canonical {
        return None;
    }
    let magnitude: u64 = digits.parse().ok()?;
    if negative {
        0i64.checked_sub_unsigned(magnitude)
    } else {
        i64::try_from(magnitude).ok()
    }
}

/// The constants of a file's categories, in the order given: each its
/// name in UpperCamelCase, or where that is no identifier or is taken,
/// `Range` and its pattern (`Range1xxx`, `Range1000To1999`), numbered from
/// 2 where even that is taken (two rows declaring `1xxx`). Always distinct.
pub fn category_constants(categories: &[&Category]) -> Vec<String> {
    let word = |v: i64| {
        if v < 0 {
            format!("Minus{}", v.unsigned_abs())
        } else {
            v.to_string()
        }
    };
    let mut constants: Vec<String> = Vec::with_capacity(categories.len());
    for category in categories {
        let fallback = if category.pattern.chars().all(|c| c.is_ascii_alphanumeric()) {
            format!("Range{}", category.pattern)
        } else {
            format!("Range{}To{}", word(category.first), word(category.last))
        };
        let taken = |name: &str, constants: &[String]| constants.iter().any(|c| c == name);
        let name = match variant_from_name(category.name.as_str()) {
            Ok(name) if !taken(&name, &constants) => name,
            _ if !taken(&fallback, &constants) => fallback,
            _ => (2..)
                .map(|n| format!("{fallback}_{n}"))
                .find(|name| !taken(name, &constants))
                .expect("some number is free"),
        };
        constants.push(name);
    }
    constants
}

pub fn variant_from_name(name: &str) -> Result<String, String> {
    variant_in(name, &mut String::new()).map(str::to_owned)
}

/// [`variant_from_name`], made in `scratch` unless `name` is already its
/// own constant.
fn variant_in<'a>(name: &'a str, scratch: &'a mut String) -> Result<&'a str, String> {
    if constant_case_in(name, scratch) {
        return Ok(scratch.as_str());
    }
    variant_checked_in(name, scratch)
}

/// `ERROR_12345`, as most constants are written, made `Error12345` in
/// `scratch` in one pass over its bytes, when it is only capitals, digits
/// and `_` and makes a usable variant; false, with nothing to rely on in
/// `scratch`, for any other name. This is [`variant_checked_in`] of such
/// names (the tests hold the two equal), which looks at each byte some
/// eight times: most of the check of a catalogue of 100,000 constants.
fn constant_case_in(name: &str, scratch: &mut String) -> bool {
    scratch.clear();
    let mut starts_word = true;
    for b in name.bytes() {
        match b {
            b'A'..=b'Z' | b'0'..=b'9' => {
                let written = if starts_word {
                    b
                } else {
                    b.to_ascii_lowercase()
                };
                scratch.push(char::from(written));
                starts_word = false;
            }
            b'_' => starts_word = true,
            _ => return false,
        }
    }
    // Every keyword but `Self` starts with a lowercase letter.
    scratch
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_uppercase)
        && scratch != "Self"
}

/// [`variant_in`] of any name.
fn variant_checked_in<'a>(name: &'a str, scratch: &'a mut String) -> Result<&'a str, String> {
    if is_own_constant(name) {
        return Ok(name);
    }
    if name.trim().is_empty() {
        return Err("the name is empty".to_string());
    }
    scratch.clear();
    upper_camel_into(name, scratch);
    let camel = scratch.as_str();
    if !camel.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(format!(
            "`{name}` becomes `{camel}`, which has characters other than ASCII letters and digits"
        ));
    }
    if !camel
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphabetic)
    {
        return Err(format!(
            "`{name}` becomes `{camel}`, which does not start with a letter"
        ));
    }
    if is_keyword(camel) {
        return Err(format!("`{name}` becomes `{camel}`, a Rust keyword"));
    }
    Ok(camel)
}

/// [`upper_camel_into`] as a string of its own.
#[cfg(test)]
fn upper_camel(name: &str) -> String {
    let mut out = String::new();
    upper_camel_into(name, &mut out);
    out
}

/// Appends `name` in UpperCamelCase, as heck writes it. heck formats
/// through `fmt::Write` one character at a time, about 700 ns a name: most
/// of the check of a 100,000-constant catalogue. ASCII names, nearly all of
/// them, take heck's word rules here in one pass over bytes; the property
/// test below holds the two equal.
fn upper_camel_into(name: &str, out: &mut String) {
    if !name.is_ascii() {
        out.push_str(&name.to_upper_camel_case());
        return;
    }
    if is_upper_camel(name) {
        out.push_str(name);
        return;
    }
    // `ERROR_12345`, as most constants are written: no lowercase letter, so
    // no word ends inside a run of letters and digits, and each run is a
    // word, its first letter kept and the rest lowered.
    if !name.bytes().any(|b| b.is_ascii_lowercase()) {
        out.reserve(name.len());
        let mut starts_word = true;
        for b in name.bytes() {
            if b.is_ascii_alphanumeric() {
                out.push(char::from(if starts_word {
                    b
                } else {
                    b.to_ascii_lowercase()
                }));
                starts_word = false;
            } else {
                starts_word = true;
            }
        }
        return;
    }
    #[derive(Clone, Copy, PartialEq)]
    enum Cased {
        /// No letter since the word began.
        None,
        Lower,
        Upper,
    }
    // Bytes, not `char`s: every byte of the name is ASCII.
    fn capitalize(word: &[u8], out: &mut String) {
        if let Some((first, rest)) = word.split_first() {
            out.push(char::from(first.to_ascii_uppercase()));
            out.extend(rest.iter().map(|b| char::from(b.to_ascii_lowercase())));
        }
    }
    out.reserve(name.len());
    for word in name.as_bytes().split(|b| !b.is_ascii_alphanumeric()) {
        let (mut start, mut cased) = (0, Cased::None);
        for (i, &c) in word.iter().enumerate() {
            let Some(&next) = word.get(i + 1) else {
                capitalize(&word[start..], out);
                break;
            };
            let cased_with_c = if c.is_ascii_lowercase() {
                Cased::Lower
            } else if c.is_ascii_uppercase() {
                Cased::Upper
            } else {
                cased
            };
            if cased_with_c == Cased::Lower && next.is_ascii_uppercase() {
                // `userName`: a word ends after a lowercase letter.
                capitalize(&word[start..=i], out);
                (start, cased) = (i + 1, Cased::None);
            } else if cased == Cased::Upper && c.is_ascii_uppercase() && next.is_ascii_lowercase() {
                // `HTTPServer`: the last capital of a run starts a word.
                capitalize(&word[start..i], out);
                (start, cased) = (i, Cased::None);
            } else {
                cased = cased_with_c;
            }
        }
    }
}

/// Whether a name is written as its constant, as most are: nothing to
/// convert or test.
fn is_own_constant(name: &str) -> bool {
    is_upper_camel(name) && !is_keyword(name)
}

/// Whether an ASCII name is already as [`upper_camel`] writes it, as most
/// written names are (`GetResourceError`, `E404`): letters and digits only,
/// a capital first, and every other capital after a lowercase letter (a
/// capital after a capital, as in `HTTPError`, is lowered).
fn is_upper_camel(name: &str) -> bool {
    let bytes = name.as_bytes();
    if !bytes.first().is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    let mut last_letter_upper = true;
    for &b in &bytes[1..] {
        if b.is_ascii_uppercase() {
            if last_letter_upper {
                return false;
            }
            last_letter_upper = true;
        } else if b.is_ascii_lowercase() {
            last_letter_upper = false;
        } else if !b.is_ascii_digit() {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_keyword_is_one_and_no_other_word() {
        for keyword in KEYWORDS {
            assert!(is_keyword(keyword), "{keyword}");
        }
        for word in [
            "Self_",
            "self_",
            "SELF",
            "Type",
            "types",
            "abstracts",
            "E404",
            "",
        ] {
            assert!(!is_keyword(word), "{word}");
        }
    }

    #[test]
    fn module_names_from_stems() {
        assert_eq!(module_from_stem("console"), "console");
        assert_eq!(module_from_stem("API-Switch"), "api_switch");
        assert_eq!(
            module_from_stem("02_cranesched-error_code-zh"),
            "catalog_02_cranesched_error_code_zh"
        );
        assert_eq!(module_from_stem("错误码"), "cuo_wu_ma");
        assert_eq!(module_from_stem("用户-errors"), "yong_hu_errors");
        assert_eq!(module_from_stem("Ошибки"), "oshibki");
        assert_eq!(module_from_stem("{}{{"), "catalog");
        assert_eq!(module_from_stem("rtl\u{202E}in"), "rtl_in");
        assert_eq!(module_from_stem("cr\rin"), "cr_in");
        assert_eq!(module_from_stem("type"), "type_");
        assert_eq!(module_from_stem("serde"), "serde_catalog");
        assert_eq!(module_from_stem("Std"), "std_catalog");
        assert!(!is_module_name("std"));
        assert!(is_module_name("console_v2"));
        assert!(!is_module_name("Console"));
        assert!(!is_module_name("self"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        #[test]
        fn ascii_names_become_what_heck_makes_of_them(
            name in "[ -~]{0,24}|[A-Za-z0-9_]{0,24}|[A-Z][a-zA-Z0-9]{0,24}|[A-Z0-9_ .-]{0,24}"
        ) {
            proptest::prop_assert_eq!(upper_camel(&name), name.to_upper_camel_case());
        }

        #[test]
        fn constant_case_names_become_the_variants_any_name_would(
            name in "[A-Z0-9_]{0,24}|[A-Z_]{0,3}|SELF|_SELF_|[A-Z0-9_a ]{0,12}"
        ) {
            let (mut fast, mut checked) = (String::new(), String::new());
            let expected = variant_checked_in(&name, &mut checked).map(str::to_owned);
            if constant_case_in(&name, &mut fast) {
                proptest::prop_assert_eq!(Ok(fast), expected);
            } else {
                // Only names that are not constant case, or that make no
                // variant, are left to the general path.
                let constant_case = name.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
                proptest::prop_assert!(!constant_case || expected.is_err(), "{}", name);
            }
        }
    }

    #[test]
    fn upper_camel_matches_heck_on_the_usual_shapes() {
        for name in [
            "ILLEGAL_PARAMETER",
            "ParamInvalidError",
            "userNameTaken",
            "HTTPServerError",
            "user.name-taken",
            "E40000001",
            "v2Api",
            "ABC",
            "aB",
            "Ab",
            "a1B",
            "A1b",
            "__x__",
            "",
            "GetResource993Error",
            "AbC",
            "Ab1C",
            "A1B",
            "E40000001X",
        ] {
            assert_eq!(upper_camel(name), name.to_upper_camel_case(), "{name}");
        }
        assert_eq!(upper_camel("HTTPServerError"), "HttpServerError");
        assert_eq!(
            upper_camel("invalid.socialProvider"),
            "InvalidSocialProvider"
        );
    }

    #[test]
    fn written_names_of_the_fallback_form_key_as_the_code_they_spell() {
        assert_eq!(fallback_code("E404"), Some(404));
        assert_eq!(fallback_code("E0"), Some(0));
        assert_eq!(fallback_code("EMinus1"), Some(-1));
        assert_eq!(fallback_code("EMinus9223372036854775808"), Some(i64::MIN));
        // Not as `fallback` writes any code: they stay written names.
        for other in [
            "E0404",
            "EMinus0",
            "E",
            "E4x",
            "Ex404",
            "E9223372036854775808",
        ] {
            assert_eq!(fallback_code(other), None, "{other}");
        }
        for code in [0, 7, 40000001, -1, -1000, i64::MAX, i64::MIN] {
            assert_eq!(fallback_code(&fallback(code)), Some(code));
        }
        assert_eq!(VariantKey::<String>::Fallback(-2).to_string(), "EMinus2");
    }

    #[test]
    fn variant_names_from_record_names() {
        assert_eq!(
            variant_from_name("ILLEGAL_PARAMETER").as_deref(),
            Ok("IllegalParameter")
        );
        assert_eq!(
            variant_from_name("ParamInvalidError").as_deref(),
            Ok("ParamInvalidError")
        );
        assert_eq!(
            variant_from_name("invalid.socialProvider").as_deref(),
            Ok("InvalidSocialProvider")
        );
        assert!(variant_from_name("self").unwrap_err().contains("keyword"));
        assert!(
            variant_from_name("404_NOT_FOUND")
                .unwrap_err()
                .contains("does not start with a letter")
        );
        assert!(variant_from_name("用户不存在").is_err());
        assert!(variant_from_name(" ").is_err());
    }
}
