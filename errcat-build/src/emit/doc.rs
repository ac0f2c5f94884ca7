//! The rustdoc the generated code carries: catalogue text shown as text.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::model::{Catalog, Entry, Model};

/// The doc of a record's constant: code, message, status, name, section,
/// category and source line.
pub(super) fn variant_doc(model: &Model, catalog: &Catalog, entry: &Entry) -> Vec<String> {
    let code = entry.code_text().unwrap_or_default();
    let (status, origin) = model.status_of(catalog, entry);
    let status_note = origin.describe().map_or_else(String::new, |origin| {
        format!(" ({})", escape_markdown(&origin))
    });
    let mut lines = vec![match entry.message_text() {
        Some(message) => format!("**{code}**: {}", escape_markdown(message)),
        None => format!("**{code}** (no message)"),
    }];
    lines.push(String::new());
    let facts = model.facts(entry.span.file);
    let status_name = facts
        .status_reference
        .as_ref()
        .and_then(|r| r.get(status))
        .and_then(|s| s.description.as_deref().or(s.name.as_deref()));
    lines.push(match status_name {
        Some(name) => format!(
            "- HTTP status: {status}{status_note}, {}",
            escape_markdown(name)
        ),
        None => format!("- HTTP status: {status}{status_note}"),
    });
    if let Some(name) = &entry.name {
        lines.push(format!("- Name: {}", escape_markdown(name.as_str())));
    }
    if let Some(section) = catalog.section(entry) {
        lines.push(format!(
            "- Section: {}",
            escape_markdown(section.title.as_str())
        ));
    }
    if let Some(category) = entry.code_value().and_then(|c| facts.category_of(c)) {
        lines.push(format!(
            "- Category: {} ({})",
            escape_markdown(category.name.as_str()),
            category.pattern
        ));
    }
    lines.push(format!(
        "- Source: {}, line {}",
        code_span(model.source(entry.span.file).path()),
        model.line_of(entry.span)
    ));
    lines
}

/// `#[doc]` attributes, one per line, each after a space as `///` would be.
pub(super) fn doc_lines(lines: &[String]) -> TokenStream {
    let docs = lines.iter().map(|line| doc_line(line));
    quote! { #(#[doc = #docs])* }
}

/// A doc line as `///` gives it: after a space, unless empty.
///
/// rustc rejects a doc comment holding a carriage return or a
/// text-direction control. Catalogue text is escaped before it gets here
/// ([`escape_markdown`], [`code_span`]); this is the one place every line
/// passes, so whatever text reaches a doc by another road cannot break the
/// build either: such a character becomes U+FFFD.
fn doc_line(line: &str) -> String {
    if line.is_empty() {
        return String::new();
    }
    let mut out = String::with_capacity(line.len() + 1);
    out.push(' ');
    out.extend(
        line.chars()
            .map(|c| if is_unprintable(c) { '\u{FFFD}' } else { c }),
    );
    out
}

/// A control character or a text-direction control: nothing a doc can
/// hold as it is.
fn is_unprintable(c: char) -> bool {
    c.is_control() || is_direction_control(c)
}

fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// [`doc_lines`] as syntax.
pub(super) fn doc_attributes(lines: &[String]) -> Vec<syn::Attribute> {
    let span = proc_macro2::Span::call_site();
    lines
        .iter()
        .map(|line| {
            let line = doc_line(line);
            syn::Attribute {
                pound_token: Default::default(),
                style: syn::AttrStyle::Outer,
                bracket_token: Default::default(),
                meta: syn::Meta::NameValue(syn::MetaNameValue {
                    path: Ident::new("doc", span).into(),
                    eq_token: Default::default(),
                    value: syn::Expr::Lit(syn::ExprLit {
                        attrs: Vec::new(),
                        lit: syn::Lit::Str(syn::LitStr::new(&line, span)),
                    }),
                }),
            }
        })
        .collect()
}

/// Inline code for a path, or escaped text if the path has a backtick or
/// a character inline code would show as it is (a control, a direction
/// override).
pub(super) fn code_span(text: &str) -> String {
    if text.contains('`') || text.chars().any(is_unprintable) {
        escape_markdown(text)
    } else {
        format!("`{text}`")
    }
}

/// Escapes text so rustdoc shows it literally: every ASCII punctuation
/// character that markdown or HTML could read as markup gets a backslash,
/// and a text-direction control (which rustc rejects in comments, and which
/// would reorder what a reader sees) is shown as `<U+202E>`.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_direction_control(c) {
            out.push_str(&format!("\\<U+{:04X}\\>", u32::from(c)));
            continue;
        }
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '{'
                | '}'
                | '['
                | ']'
                | '<'
                | '>'
                | '('
                | ')'
                | '#'
                | '+'
                | '-'
                | '.'
                | '!'
                | '|'
                | '~'
                | '&'
                | '"'
                | '\''
        ) {
            out.push('\\');
        }
        if c.is_control() {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_doc_line_holds_what_rustc_rejects_in_a_doc_comment() {
        assert_eq!(doc_line("a\rb\u{202E}c"), " a\u{FFFD}b\u{FFFD}c");
        assert_eq!(doc_line(""), "");
        assert_eq!(code_span("catalogs/x.md"), "`catalogs/x.md`");
        assert_eq!(
            code_span("catalogs/a\rb\u{202E}.md"),
            "catalogs/a b\\<U+202E\\>\\.md"
        );
    }
}
