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
        for (section, entries) in groups(catalog) {
            body.push_str("<div class=\"group\">\n");
            if let Some(section) = section {
                let _ = writeln!(
                    body,
                    "<h3>{}</h3>",
                    escape_html(&section_title(analysis, catalog, section))
                );
            }
            body.push_str("<table>\n<thead lang=\"en\"><tr><th>code</th><th>identifier</th><th>HTTP</th><th>message</th><th>source</th><th>findings</th></tr></thead>\n<tbody>\n");
            for entry in entries {
                let status = records::http_status(catalog, entry);
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
                let findings: String = records::findings(analysis, entry)
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
                    .collect();
                let _ = writeln!(
                    body,
                    "<tr id=\"{a}\" data-status=\"{status}\" data-text=\"{t}\"><td class=\"num\"><a href=\"#{a}\">{c}</a></td><td><code>{i}</code></td><td class=\"num\">{status}</td><td{ml}>{m}</td><td><a href=\"{l}\">{f}:{line}</a></td><td>{findings}</td></tr>",
                    a = escape_html(&anchor),
                    t = escape_html(&searchable),
                    c = escape_html(code),
                    i = escape_html(&identifier),
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
            body.push_str("</tbody>\n</table>\n</div>\n");
        }
        body.push_str("</section>\n");
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
        "<!doctype html>\n<!-- @generated by `errcat docs` from the catalogues. Do not edit. -->\n<html lang=\"{page_lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Error code reference</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<header lang=\"en\">\n<h1>Error code reference</h1>\n<input id=\"search\" type=\"search\" placeholder=\"Search codes, identifiers, messages\" autofocus>\n<select id=\"status\" aria-label=\"HTTP status\"><option value=\"\">All HTTP statuses</option>{options}</select>\n<span id=\"count\">{total} codes</span>\n<nav>{nav}</nav>\n</header>\n<main>\n{body}</main>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n"
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
