//! The whole front end on arbitrary bytes, its invariants asserted: for
//! the fuzz target (`fuzz/`) and the hostile-input tests that keep what it
//! found.

use crate::emit::{self, EmitOptions, Gate};
use crate::project::Project;
use crate::reader;
use crate::source::SourceFile;

/// Reads, parses, checks and (when there are no errors) emits one
/// catalogue file; a NUL byte splits off a catalogs.toml in front of it.
/// Panics only if an invariant breaks: reading in pieces differs from
/// reading whole, a finding outside its file, a rendering that fails, or
/// generated code that, under some combination of the integration gates
/// ([`gate_combinations`]), is not generated, differs between two runs,
/// does not parse, holds a doc or literal rustc rejects, or defines a name
/// twice.
pub fn front_end(data: &[u8]) {
    run(data, &gate_combinations(data));
}

/// [`front_end`] with the generated code checked under every combination
/// of the gates it tries, not three: for inputs few and small enough.
pub fn front_end_under_every_gate(data: &[u8]) {
    run(data, &every_gate_combination());
}

fn run(data: &[u8], combinations: &[(&str, [Gate; 3])]) {
    let (config, catalogue) = match data.iter().position(|&b| b == 0) {
        Some(nul) => (Some(&data[..nul]), &data[nul + 1..]),
        None => (None, data),
    };
    if let Ok(text) = std::str::from_utf8(catalogue) {
        let source = SourceFile::new(0, "catalogs/input.md", text.to_string());
        let (mut pieces, mut whole) = (Vec::new(), Vec::new());
        reader::read_in_chunks(&source, 0, |blocks| pieces.extend(blocks));
        reader::read_in_chunks(&source, usize::MAX, |blocks| whole.extend(blocks));
        assert!(
            pieces == whole,
            "reading in pieces differs from reading whole"
        );
    }
    let mut project = Project::new();
    project.add_file("catalogs/input.md", catalogue.to_vec());
    if let Some(config) = config {
        project.add_config("catalogs", config.to_vec());
    }
    let analysis = project.analyze();
    let sources = &analysis.model.sources;
    for diagnostic in &analysis.diagnostics {
        assert_in_bounds(sources, diagnostic.span);
        for note in &diagnostic.notes {
            if let Some(span) = note.span {
                assert_in_bounds(sources, span);
            }
        }
        let rendered = diagnostic.render(sources, false);
        assert!(rendered.contains(diagnostic.lint.id));
    }
    for catalog in &analysis.model.catalogs {
        for entry in &catalog.entries {
            assert_in_bounds(sources, entry.span);
        }
    }
    if !analysis.has_errors() {
        assert_generated_code(&analysis.model, data, combinations);
    }
}

/// The runtime's path in the generated code: the default, and one a crate
/// that re-exports the runtime would give (it reaches the docs' links).
const RUNTIMES: [&str; 2] = ["::errcat", "crate::errors::runtime"];

/// The integration gates (serde, http, axum) the generated code is
/// checked under: all off, each alone, all on, and all behind features.
/// The 27 mixes of off, on and feature would add only other sets of
/// `if_*!` blocks, whose content does not depend on the catalogue.
fn every_gate_combination() -> [(&'static str, [Gate; 3]); 6] {
    let alone = |i: usize| std::array::from_fn(|j| if i == j { Gate::On } else { Gate::Off });
    [
        (RUNTIMES[0], [Gate::Off, Gate::Off, Gate::Off]),
        (RUNTIMES[0], [Gate::On, Gate::On, Gate::On]),
        (RUNTIMES[0], alone(0)),
        (RUNTIMES[0], alone(1)),
        (RUNTIMES[0], alone(2)),
        (RUNTIMES[1], ["serde", "http", "axum"].map(Gate::feature)),
    ]
}

/// Of [`every_gate_combination`], the three a fuzzed input is checked
/// under: all off and all on always, and one of the other four chosen by
/// the input's length. Emitting and parsing cost several times what the
/// rest of the front end does, so all six on every input would slow the
/// fuzzer by as much; this way each runs on a quarter of the inputs, and
/// an input always gets the same three.
fn gate_combinations(data: &[u8]) -> [(&'static str, [Gate; 3]); 3] {
    let [off, on, rest @ ..] = every_gate_combination();
    [off, on, rest[data.len() % rest.len()].clone()]
}

fn options(runtime: &str, [serde, http, axum]: [Gate; 3]) -> EmitOptions {
    // Every field written out: a gate added to the options does not compile
    // here until the fuzzer tries it.
    EmitOptions {
        runtime: runtime.to_string(),
        serde,
        http,
        axum,
        code_attributes: Vec::new(),
    }
}

/// What can be said of the generated code without rustc, under each
/// combination of gates: it is generated, the same twice, parses as a
/// Rust file, holds no doc or literal rustc rejects, and defines no name
/// twice in one namespace of one module.
fn assert_generated_code(
    model: &crate::model::Model,
    data: &[u8],
    combinations: &[(&str, [Gate; 3])],
) {
    for (i, (runtime, gates)) in combinations.iter().enumerate() {
        let options = options(runtime, gates.clone());
        let code = emit::emit(model, &options).unwrap_or_else(|e| {
            panic!(
                "a catalogue without errors must generate code under {gates:?}: {e}\n--- input ---\n{:?}",
                String::from_utf8_lossy(data)
            )
        });
        let fail = |what: String| -> ! {
            panic!(
                "generated code under {gates:?} (runtime `{runtime}`): {what}\n--- source ---\n{code}\n--- input ---\n{:?}",
                String::from_utf8_lossy(data)
            )
        };
        if !code.starts_with(emit::HEADER) {
            fail("no header".to_string());
        }
        // Once, with every gate on (the second combination), the most code:
        // an order taken from a hash map's iteration would differ between
        // the two.
        if i == 1 && emit::emit(model, &options).as_deref() != Ok(code.as_str()) {
            fail("a second emit gives other bytes".to_string());
        }
        let file = syn::parse_file(&code).unwrap_or_else(|e| fail(format!("does not parse: {e}")));
        let tokens: proc_macro2::TokenStream = code
            .parse()
            .unwrap_or_else(|e| fail(format!("does not lex: {e}")));
        check_literals(tokens).unwrap_or_else(|e| fail(e));
        let mut names = Names::default();
        check_names(&mut names, &file.items).unwrap_or_else(|e| fail(e));
    }
}

/// rustc rejects a carriage return in a doc comment, and by default a
/// text-direction control in a comment or a literal as written. Doc
/// comments lex as `#[doc = "…"]`, so their text is each doc attribute's
/// value; other literals are checked as the source spells them.
fn check_literals(tokens: proc_macro2::TokenStream) -> Result<(), String> {
    use proc_macro2::TokenTree;
    let mut previous_was_pound = false;
    for tree in tokens {
        match &tree {
            TokenTree::Group(group) => {
                if previous_was_pound && group.delimiter() == proc_macro2::Delimiter::Bracket {
                    check_doc(group.stream())?;
                }
                check_literals(group.stream())?;
            }
            TokenTree::Literal(literal) => {
                let text = literal.to_string();
                if text.contains('\r') || text.chars().any(is_direction_control) {
                    return Err(format!(
                        "literal {text:?} holds a carriage return or a text-direction control"
                    ));
                }
            }
            TokenTree::Ident(_) | TokenTree::Punct(_) => {}
        }
        // `#!` is an inner attribute: its group comes one token later.
        previous_was_pound = matches!(&tree, TokenTree::Punct(p) if p.as_char() == '#')
            || (previous_was_pound && matches!(&tree, TokenTree::Punct(p) if p.as_char() == '!'));
    }
    Ok(())
}

/// The inside of an attribute: if it is `doc = "…"`, its value.
fn check_doc(attribute: proc_macro2::TokenStream) -> Result<(), String> {
    let mut trees = attribute.into_iter();
    let (Some(proc_macro2::TokenTree::Ident(doc)), Some(_), Some(value), None) =
        (trees.next(), trees.next(), trees.next(), trees.next())
    else {
        return Ok(());
    };
    if doc != "doc" {
        return Ok(());
    }
    let value = syn::parse2::<syn::LitStr>(value.into())
        .map_err(|e| format!("a doc attribute's value is not a string: {e}"))?
        .value();
    if value.contains('\r') || value.chars().any(is_direction_control) {
        return Err(format!(
            "doc {value:?} holds a carriage return or a text-direction control"
        ));
    }
    Ok(())
}

/// The characters rustc's `text_direction_codepoint_in_*` lints reject.
fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The names one module defines, by namespace, and the associated items
/// of each type its inherent impls extend (one namespace per type: rustc
/// rejects a constant and a method of one name across `impl` blocks too).
#[derive(Default)]
struct Names {
    types: std::collections::HashSet<String>,
    values: std::collections::HashSet<String>,
    macros: std::collections::HashSet<String>,
    members: std::collections::HashMap<String, std::collections::HashSet<String>>,
}

impl Names {
    fn ty(&mut self, ident: &syn::Ident) -> Result<(), String> {
        add(&mut self.types, "the type namespace", ident)
    }

    fn value(&mut self, ident: &syn::Ident) -> Result<(), String> {
        add(&mut self.values, "the value namespace", ident)
    }

    fn mac(&mut self, ident: &syn::Ident) -> Result<(), String> {
        add(&mut self.macros, "the macro namespace", ident)
    }
}

fn add(
    set: &mut std::collections::HashSet<String>,
    namespace: &str,
    ident: &syn::Ident,
) -> Result<(), String> {
    let name = ident.to_string();
    if name != "_" && !set.insert(name.clone()) {
        return Err(format!("`{name}` is defined twice in {namespace}"));
    }
    Ok(())
}

/// Records `items` in `names`, and each nested module's in its own;
/// the first name defined twice is the error. Trait impls are left out:
/// their items are the trait's, fixed, whatever the catalogue says.
fn check_names(names: &mut Names, items: &[syn::Item]) -> Result<(), String> {
    for item in items {
        match item {
            syn::Item::Const(item) => names.value(&item.ident)?,
            syn::Item::Static(item) => names.value(&item.ident)?,
            syn::Item::Fn(item) => names.value(&item.sig.ident)?,
            syn::Item::Struct(item) => {
                names.ty(&item.ident)?;
                // A tuple or unit struct is a value too: its constructor.
                if !matches!(item.fields, syn::Fields::Named(_)) {
                    names.value(&item.ident)?;
                }
            }
            syn::Item::Enum(item) => names.ty(&item.ident)?,
            syn::Item::Union(item) => names.ty(&item.ident)?,
            syn::Item::Trait(item) => names.ty(&item.ident)?,
            syn::Item::Type(item) => names.ty(&item.ident)?,
            syn::Item::ExternCrate(item) => {
                let ident = item
                    .rename
                    .as_ref()
                    .map_or(&item.ident, |(_, rename)| rename);
                names.ty(ident)?;
            }
            // The generated code imports modules only.
            syn::Item::Use(item) => {
                let mut trees = vec![&item.tree];
                while let Some(tree) = trees.pop() {
                    match tree {
                        syn::UseTree::Path(path) => trees.push(&path.tree),
                        syn::UseTree::Name(name) => names.ty(&name.ident)?,
                        syn::UseTree::Rename(rename) => names.ty(&rename.rename)?,
                        syn::UseTree::Group(group) => trees.extend(&group.items),
                        syn::UseTree::Glob(_) => {}
                    }
                }
            }
            syn::Item::Mod(item) => {
                names.ty(&item.ident)?;
                if let Some((_, items)) = &item.content {
                    check_names(&mut Names::default(), items)
                        .map_err(|e| format!("{e} (in module `{}`)", item.ident))?;
                }
            }
            syn::Item::Macro(item) => match &item.ident {
                Some(ident) => names.mac(ident)?,
                // An invocation in the generated code is one of the runtime's
                // gates, `if_*! { items }`, which expands to its items here.
                None => {
                    let gated = syn::parse2::<syn::File>(item.mac.tokens.clone())
                        .map_err(|e| format!("a macro's input is not items: {e}"))?;
                    check_names(names, &gated.items)?;
                }
            },
            syn::Item::Impl(item) if item.trait_.is_none() => {
                let syn::Type::Path(syn::TypePath {
                    qself: None, path, ..
                }) = &*item.self_ty
                else {
                    continue;
                };
                let ty = (path.segments.iter())
                    .map(|s| s.ident.to_string())
                    .collect::<Vec<_>>()
                    .join("::");
                let members = names.members.entry(ty.clone()).or_default();
                for member in &item.items {
                    let ident = match member {
                        syn::ImplItem::Const(member) => &member.ident,
                        syn::ImplItem::Fn(member) => &member.sig.ident,
                        syn::ImplItem::Type(member) => &member.ident,
                        _ => continue,
                    };
                    add(members, &format!("the associated items of `{ty}`"), ident)?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

fn assert_in_bounds(sources: &[SourceFile], span: crate::source::Span) {
    let source = &sources[span.file as usize];
    let text = source.text();
    let range = span.range();
    assert!(
        range.start <= range.end && range.end <= text.len(),
        "span {span:?} outside {}",
        source.path()
    );
    assert!(
        text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
        "span {span:?} splits a character"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(source: &str) -> Result<(), String> {
        check_names(
            &mut Names::default(),
            &syn::parse_file(source).unwrap().items,
        )
    }

    fn literals(source: &str) -> Result<(), String> {
        check_literals(source.parse().unwrap())
    }

    #[test]
    fn a_name_twice_in_one_namespace_of_one_module_is_found() {
        assert!(
            names("struct Code; struct Body { a: u8 } fn Body() {} mod m { fn Code() {} }").is_ok()
        );
        assert!(names("struct Code(u8); const Code: u8 = 0;").is_err());
        assert!(names("mod m { use ::core::fmt; struct fmt; }").is_err());
        assert!(names("impl Code { const A: u8 = 0; } impl Code { fn A() {} }").is_err());
        assert!(names("impl Code { const A: u8 = 0; } impl Body { fn A() {} }").is_ok());
        assert!(names("static A: u8 = 0; gate! { static A: u8 = 0; }").is_err());
        assert!(names("gate! { a b c }").is_err());
    }

    #[test]
    fn a_doc_or_literal_rustc_rejects_is_found() {
        assert!(literals("/// plain\n#[doc = \"a\\u{FFFD}\"] const A: &str = \"\\r\";").is_ok());
        assert!(literals("#[doc = \"a\\rb\"] struct A;").is_err());
        assert!(literals("mod m { #![doc = \"\\u{202E}\"] }").is_err());
        assert!(literals("/// a\u{2066}b\nstruct A;").is_err());
        assert!(literals("const A: &str = \"\u{202A}\";").is_err());
        assert!(literals("g! { #[doc = \"\\u{2069}\"] struct A; }").is_err());
    }
}
