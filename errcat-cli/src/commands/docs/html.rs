//! `reference.html`: one self-contained page, its style and script
//! inlined from `page.css` and `page.js`.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use errcat_build::Analysis;
use errcat_build::model::Catalog;
use errcat_build::naming;

use super::lang::{Lang, Votes};
use super::{Links, code_text, groups, section_title};
use crate::records;

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");

pub(super) fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

pub(super) fn html(analysis: &Analysis, links: &Links, crate_name: &str) -> String {
    let model = &analysis.model;
    let mut statuses = BTreeSet::new();
    let mut body = String::new();
    let mut page_votes = Votes::default();
    for catalog in &model.catalogs {
        let source = model.source(catalog.file).path();
        let votes = catalog_votes(catalog);
        page_votes.merge(&votes);
        let lang = votes.majority();
        let _ = writeln!(
            body,
            "<section class=\"catalog\" id=\"{}\"{}>",
            escape_html(&catalog.name),
            lang_attribute(lang)
        );
        let _ = writeln!(body, "<h2>{}</h2>", escape_html(&catalog.name));
        let _ = writeln!(
            body,
            "<p class=\"meta\" lang=\"en\"><code>{crate_name}::{}::Code</code> · {} codes from <a href=\"{}\">{}</a> ({}) · default HTTP {}</p>",
            escape_html(&catalog.name),
            catalog.entries.len(),
            escape_html(&links.to(source, 1)),
            escape_html(source),
            escape_html(&model.describe_origin(catalog)),
            catalog.default_http_status
        );
        // One table per catalogue, a tbody per section: the columns line
        // up from one section to the next.
        body.push_str("<div class=\"scroll\">\n<table>\n<thead lang=\"en\"><tr><th>code</th><th>identifier</th><th>HTTP</th><th>message</th><th>source</th></tr></thead>\n");
        for (section, entries) in groups(catalog) {
            body.push_str("<tbody>\n");
            if let Some(section) = section {
                let _ = writeln!(
                    body,
                    "<tr class=\"title\"><th colspan=\"5\"><h3>{}</h3></th></tr>",
                    escape_html(&section_title(analysis, catalog, section))
                );
            }
            for entry in entries {
                let status = model.status_of(catalog, entry).0;
                statuses.insert(status);
                let code = code_text(entry);
                let identifier = naming::identifier(entry);
                let message = entry.message_text().unwrap_or("");
                // A message in another language than its catalogue's says so.
                let message_lang = match Lang::of(message) {
                    Some(own) if lang != Some(own) => lang_attribute(Some(own)),
                    _ => String::new(),
                };
                let anchor = format!("{}-{code}", catalog.name);
                let searchable =
                    format!("{code} {identifier} {} {message}", records::variant(entry))
                        .to_lowercase();
                // Beside the message, which most findings are about, rather
                // than in a column of their own that is mostly empty.
                let findings = records::findings(analysis, entry)
                    .iter()
                    .map(|d| {
                        format!(
                            "<span class=\"finding {}\" lang=\"en\" title=\"{}\">{}[{}]</span>",
                            d.level,
                            escape_html(&d.one_line(&model.sources)),
                            d.level,
                            d.lint.id
                        )
                    })
                    .collect::<String>();
                let findings = if findings.is_empty() {
                    findings
                } else {
                    format!("<span class=\"findings\">{findings}</span>")
                };
                let _ = writeln!(
                    body,
                    "<tr id=\"{a}\" data-status=\"{status}\" data-text=\"{t}\"><td class=\"code\"><a href=\"#{a}\">{c}</a></td><td class=\"identifier\"><code>{i}</code></td><td class=\"status\">{status}</td><td class=\"message\"{ml}>{m}{findings}</td><td class=\"source\"><a href=\"{l}\">{f}:{line}</a></td></tr>",
                    a = escape_html(&anchor),
                    t = escape_html(&searchable),
                    c = escape_html(code),
                    // A long SCREAMING_SNAKE identifier wraps at its
                    // underscores rather than anywhere.
                    i = escape_html(&identifier).replace('_', "_<wbr>"),
                    m = escape_html(message),
                    ml = message_lang,
                    l = escape_html(&links.to(source, model.line_of(entry.span))),
                    f = escape_html(
                        &Path::new(source)
                            .file_name()
                            .map_or(source.into(), |n| n.to_string_lossy())
                    ),
                    line = model.line_of(entry.span),
                );
            }
            body.push_str("</tbody>\n");
        }
        body.push_str("</table>\n</div>\n</section>\n");
    }
    let total: usize = model.catalogs.iter().map(|c| c.entries.len()).sum();
    let options: String = statuses
        .iter()
        .map(|s| format!("<option>{s}</option>"))
        .collect();
    let nav: String = model
        .catalogs
        .iter()
        .map(|c| format!("<a href=\"#{n}\">{n}</a>", n = escape_html(&c.name)))
        .collect();
    // The page's language is that of most texts; its own words are English.
    let page_lang = page_votes.majority().unwrap_or(Lang::En).tag();
    format!(
        r#"<!doctype html>
<!-- @generated by `errcat docs` from the catalogues. Do not edit. -->
<html lang="{page_lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Error code reference</title>
<style>
{STYLE}</style>
</head>
<body>
<h1 lang="en">Error code reference</h1>
<header lang="en">
<div class="controls" role="search">
<input id="search" type="search" placeholder="Search codes, identifiers, messages" aria-label="Search codes, identifiers, messages" autocomplete="off" spellcheck="false" autofocus>
<select id="status" aria-label="HTTP status"><option value="">All HTTP statuses</option>{options}</select>
<span id="count" aria-live="polite">{total} codes</span>
</div>
<nav aria-label="Catalogues">{nav}</nav>
</header>
<main>
<p id="empty" lang="en" hidden><span id="empty-text">No code matches.</span> <button type="button" id="clear">Show all codes</button></p>
{body}</main>
<script>
{SCRIPT}</script>
</body>
</html>
"#
    )
}

/// One vote per message and per title of a section with records.
fn catalog_votes(catalog: &Catalog) -> Votes {
    let mut votes = Votes::default();
    for (section, entries) in groups(catalog) {
        if let Some(section) = section {
            votes.add(section.title.as_str());
        }
        for entry in entries {
            votes.add(entry.message_text().unwrap_or(""));
        }
    }
    votes
}

fn lang_attribute(lang: Option<Lang>) -> String {
    lang.map_or_else(String::new, |lang| format!(" lang=\"{}\"", lang.tag()))
}
