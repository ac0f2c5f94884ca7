//! Placeholders in messages: one style per catalogue, and every
//! translation taking what its primary message takes.

use errcat::placeholder::{Params, Style, placeholders};

use crate::diagnostic::Diagnostic;
use crate::lint;
use crate::model::{Catalog, Entry};

/// Records whose placeholders are written in another style than most of
/// the catalogue's: a service fills `%s` and `{name}` differently, so a
/// catalogue that mixes them is one whose callers will get one wrong.
pub(super) fn check_styles(catalog: &Catalog, out: &mut Vec<Diagnostic>) {
    let style_of = |entry: &Entry| {
        let message = entry.message_text()?;
        placeholders(message).next().map(|p| p.style)
    };
    let mut counts: Vec<(Style, usize, &Entry)> = Vec::new();
    for entry in &catalog.entries {
        let Some(style) = style_of(entry) else {
            continue;
        };
        match counts.iter_mut().find(|(s, _, _)| *s == style) {
            Some((_, count, _)) => *count += 1,
            None => counts.push((style, 1, entry)),
        }
    }
    if counts.len() < 2 {
        return;
    }
    // The most common style, and among equals the first written.
    let &(main, _, first) = counts
        .iter()
        .max_by_key(|(_, count, entry)| (*count, std::cmp::Reverse(entry.span.start)))
        .expect("two styles or more");
    for entry in &catalog.entries {
        let (Some(style), Some(message)) = (style_of(entry), &entry.message) else {
            continue;
        };
        if style == main {
            continue;
        }
        let first_message = first.message.as_ref().map_or(first.span, |m| m.span);
        out.push(
            Diagnostic::new(
                &lint::MIXED_PLACEHOLDERS,
                message.span,
                format!(
                    "this message's placeholders are written `{}`; the catalogue's are `{}`",
                    style.as_str(),
                    main.as_str()
                ),
            )
            .label("another placeholder style")
            .note_at(format!("`{}` as here", main.as_str()), first_message),
        );
    }
}

/// A translation with fewer placeholders than its primary message: the
/// value a service passes would be lost in that language. Names may be
/// translated (`{最大长度}`, `{max}`), so placeholders are counted.
pub(super) fn check_translations(entry: &Entry, out: &mut Vec<Diagnostic>) {
    // Most records have no translation: their message is not parsed.
    if entry.translations().is_empty() {
        return;
    }
    let Some(primary) = entry.message_text() else {
        return;
    };
    let takes = |message: &str| {
        let (named, positional) = Params::of(message);
        named.len() + positional
    };
    let wanted = takes(primary);
    if wanted == 0 {
        return;
    }
    for translation in entry.translations() {
        let given = takes(translation.text.as_str());
        if given < wanted {
            out.push(
                Diagnostic::new(
                    &lint::TRANSLATION_PLACEHOLDERS,
                    translation.text.span,
                    format!(
                        "the `{}` message takes {given} of the {wanted} values its primary message takes",
                        translation.locale
                    ),
                )
                .label("a placeholder is missing here")
                .note(format!("the primary message: {primary}")),
            );
        }
    }
}
