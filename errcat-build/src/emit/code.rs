//! A catalogue's module: `Code`, its columns and lookups, the traits it
//! implements.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::doc::{code_span, doc_attributes, doc_lines, variant_doc};
use super::{Context, bytes, index_type, parse};
use crate::lookup::{self, text_column};
use crate::model::{Catalog, CodeType, Entry};
use crate::naming;

impl Context<'_> {
    /// The catalogue's module. The constants, whose docs are most of the
    /// file, are built as syntax directly: parsing them back from tokens
    /// took most of the time of a build script.
    pub(super) fn catalog_module(&self, catalog: &Catalog) -> Result<syn::Item, String> {
        let model = self.model;
        let runtime = &self.runtime;
        let source_path = model.source(catalog.file).path();
        let in_document_order = naming::constants(&catalog.entries);
        let mut order: Vec<usize> = (0..catalog.entries.len()).collect();
        order.sort_by_key(|&i| catalog.entries[i].code_key(catalog.code_type));
        let entries: Vec<&Entry> = order.iter().map(|&i| &catalog.entries[i]).collect();

        let module = format_ident!("{}", catalog.name);
        let count = entries.len();
        let count_literal = Literal::usize_unsuffixed(count);
        let index_type = index_type(count);
        let constants: Vec<String> = order
            .iter()
            .map(|&i| in_document_order[i].clone())
            .collect();
        let lookup = quote! { super::__errcat_lookup };
        let code_texts = || entries.iter().map(|e| e.code_text().unwrap_or_default());
        // The code's type, its column, the code at `index` and the hash of a
        // `code`, and conversions to and from the runtime's `CodeValue`.
        let (code_type, code_param, code_column, code_at, hash_code, to_value, from_value) =
            match catalog.code_type {
                CodeType::Symbol => {
                    let (texts, ends) = text_column(code_texts());
                    let ends = bytes(&ends);
                    (
                        quote! { &'static str },
                        quote! { &str },
                        quote! {
                            static CODES: &str = #texts;
                            static CODE_ENDS: &[u8] = #ends;
                        },
                        quote! { #lookup::text(CODES, CODE_ENDS, index) },
                        quote! { #lookup::hash_text(code) },
                        quote! { #runtime::CodeValue::Symbol(code) },
                        quote! { code.as_symbol() },
                    )
                }
                code_type => {
                    let ty = format_ident!("{}", code_type.name());
                    let values = entries.iter().map(|e| e.code_value().unwrap_or_default());
                    // Little-endian bytes in one literal, like every column.
                    let (codes, width): (Vec<u8>, usize) = match code_type {
                        CodeType::I64 => (values.flat_map(i64::to_le_bytes).collect(), 8),
                        // Checked against the type when it was chosen.
                        CodeType::I32 => {
                            (values.flat_map(|v| (v as i32).to_le_bytes()).collect(), 4)
                        }
                        _ => (values.flat_map(|v| (v as u32).to_le_bytes()).collect(), 4),
                    };
                    let codes = Literal::byte_string(&codes);
                    let width = Literal::usize_unsuffixed(width);
                    let (to_value, from_value) = if code_type == CodeType::I64 {
                        (
                            quote! { #runtime::CodeValue::Number(code) },
                            quote! { code.as_i64() },
                        )
                    } else {
                        (
                            quote! { #runtime::CodeValue::Number(i64::from(code)) },
                            quote! { code.as_i64().and_then(|code| #ty::try_from(code).ok()) },
                        )
                    };
                    (
                        quote! { #ty },
                        quote! { #ty },
                        quote! { static CODES: &[u8] = #codes; },
                        quote! { #ty::from_le_bytes(CODES.as_chunks::<#width>().0[index]) },
                        quote! { #lookup::hash_number(i64::from(code)) },
                        to_value,
                        from_value,
                    )
                }
            };
        let code_slots = lookup::table(entries.iter().map(|e| match e.code_value() {
            Some(value) if catalog.code_type != CodeType::Symbol => lookup::hash_number(value),
            _ => lookup::hash_text(e.code_text().unwrap_or_default()),
        }));
        let names: Vec<String> = entries.iter().map(|e| naming::identifier(e)).collect();
        let name_slots = lookup::table(names.iter().map(|name| lookup::hash_text(name)));
        let (names_text, name_ends) = text_column(names.iter().map(String::as_str));
        // Debug writes the constant's name; a second column only where some
        // constant differs from its record's name.
        let (constant_column, constant_of_self) = if constants == names {
            (TokenStream::new(), quote! { self.name() })
        } else {
            let (texts, ends) = text_column(constants.iter().map(String::as_str));
            let ends = bytes(&ends);
            (
                quote! {
                    static CONSTANTS: &str = #texts;
                    static CONSTANT_ENDS: &[u8] = #ends;
                },
                quote! { #lookup::text(CONSTANTS, CONSTANT_ENDS, self.index()) },
            )
        };
        let (messages_text, message_ends) =
            text_column(entries.iter().map(|e| e.message_text().unwrap_or("")));
        // Columns of numbers are byte strings too: one literal, where an
        // array of 100,000 numbers would be as many tokens for syn,
        // prettyplease and rustc to read.
        let statuses: Vec<u8> = entries
            .iter()
            .flat_map(|e| model.status_of(catalog, e).0.to_le_bytes())
            .collect();
        let statuses = Literal::byte_string(&statuses);
        let lines: Vec<u32> = entries.iter().map(|e| model.line_of(e.span)).collect();
        let lines = bytes(&lines);
        let translations = translation_items(catalog, &entries, runtime);
        let (code_slots, name_slots) = (bytes(&code_slots), bytes(&name_slots));
        let (name_ends, message_ends) = (bytes(&name_ends), bytes(&message_ends));

        let params_body = params_lookup(&entries, runtime, &index_type);
        let part = model.describe_origin(catalog);
        let module_doc = doc_lines(&[format!(
            "Catalogue `{}`: {count} codes from {} ({part}).",
            catalog.name,
            code_span(source_path)
        )]);
        let code_doc = doc_lines(&[
            format!("An error code of catalogue `{}`.", catalog.name),
            String::new(),
            format!(
                "Each code is an associated constant, named as the catalogue names it, with its code, message, HTTP status and the line of {} that defines it. Codes order as their numbers do.",
                code_span(source_path)
            ),
        ]);
        let catalog_doc = format!(
            " The catalogue: name, file, size, wire body, and its codes as [`ErrorCode`]({}::ErrorCode)s.",
            self.runtime_doc
        );
        let catalog_name = &catalog.name;
        let attributes = self.code_attributes(catalog_name)?;
        let default_status = Literal::u16_unsuffixed(catalog.default_http_status);
        let categories = self.category_items(catalog);
        let body = self.body_items(catalog);
        let integrations = self.integration_items();
        let problem_type = match &catalog.problem_type {
            Some(template) => quote! { Some(#template) },
            None => quote! { None },
        };

        let mut module: syn::ItemMod = parse(quote! {
            #module_doc
            // Codes, lines and positions fill tables; they are not quantities
            // to read at a glance, and codes are written as catalogues write them.
            #[allow(clippy::unreadable_literal)]
            pub mod #module {
                use ::core::fmt;

                #code_doc
                #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
                #attributes
                pub struct Code(#index_type);

                // The constants are named as the catalogue names its codes, and
                // their docs quote the catalogue's own text.
                #[allow(non_upper_case_globals, clippy::doc_markdown)]
                impl Code {
                }

                const COUNT: usize = #count_literal;
                #code_column
                static NAMES: &str = #names_text;
                static NAME_ENDS: &[u8] = #name_ends;
                #constant_column
                static MESSAGES: &str = #messages_text;
                static MESSAGE_ENDS: &[u8] = #message_ends;
                static HTTP_STATUSES: &[u8] = #statuses;
                static LINES: &[u8] = #lines;
                /// Hash tables of positions for `from_code` and `from_name`.
                static CODE_SLOTS: &[u8] = #code_slots;
                static NAME_SLOTS: &[u8] = #name_slots;
                #translations

                /// Every code, in ascending order.
                static ALL: [Code; COUNT] = {
                    let mut all = [Code(0); COUNT];
                    let (mut index, mut position) = (0, 0);
                    while index < all.len() {
                        all[index] = Code(position);
                        index += 1;
                        // Past the last position only when the loop ends.
                        position = position.wrapping_add(1);
                    }
                    all
                };

                #[doc = #catalog_doc]
                pub static CATALOG: #runtime::Catalog = #runtime::Catalog::__new(
                    #catalog_name,
                    #source_path,
                    COUNT,
                    #default_status,
                    [Body::CODE_FIELD, Body::MESSAGE_FIELD],
                    #problem_type,
                    &LOCALES,
                    |code| {
                        let code = Code::from_code(#from_value?)?;
                        Some(&ALL[code.index()])
                    },
                    |index| &ALL[index],
                );

                // `&self`, though a `Code` is one small integer: an inherent
                // method taking `&self` is found before the `ErrorCode`
                // method of the same name on a `&Code` too (as
                // `Code::all().iter()` yields), so `code()` is the number.
                #[allow(clippy::trivially_copy_pass_by_ref)]
                impl Code {
                    /// Every code of the catalogue, in ascending order.
                    #[must_use]
                    pub fn all() -> &'static [Code] {
                        &ALL
                    }

                    /// The error code.
                    #[must_use]
                    pub fn code(&self) -> #code_type {
                        let index = self.index();
                        #code_at
                    }

                    /// The identifier as the catalogue writes it (`ILLEGAL_PARAMETER`),
                    /// or the constant's name when the catalogue gives none.
                    #[must_use]
                    pub fn name(&self) -> &'static str {
                        #lookup::text(NAMES, NAME_ENDS, self.index())
                    }

                    /// The message as the catalogue shows it; empty if the record has none.
                    #[must_use]
                    pub fn message(&self) -> &'static str {
                        #lookup::text(MESSAGES, MESSAGE_ENDS, self.index())
                    }

                    /// The HTTP status to answer with.
                    #[must_use]
                    pub fn http_status(&self) -> u16 {
                        u16::from_le_bytes(HTTP_STATUSES.as_chunks::<2>().0[self.index()])
                    }

                    /// The line of the catalogue file that defines this code.
                    #[must_use]
                    pub fn source_line(&self) -> u32 {
                        #lookup::number(LINES, self.index())
                    }

                    /// The code for a number (or symbol) of the catalogue.
                    #[must_use]
                    pub fn from_code(code: #code_param) -> Option<Code> {
                        let index = #lookup::find(CODE_SLOTS, #hash_code, |index| #code_at == code)?;
                        Some(ALL[index])
                    }

                    /// The code for an identifier as [`Code::name`] returns it.
                    #[must_use]
                    pub fn from_name(name: &str) -> Option<Code> {
                        let index = #lookup::find(NAME_SLOTS, #lookup::hash_text(name), |index| {
                            #lookup::text_is(NAMES, NAME_ENDS, index, name)
                        })?;
                        Some(ALL[index])
                    }

                    /// What the message takes: its named placeholders (`{最大长度}`)
                    /// and how many positional arguments (`%s`, `{0}`). `errcat::error!`
                    /// checks its arguments against it while the service compiles.
                    #[must_use]
                    pub const fn params(&self) -> #runtime::placeholder::Params {
                        #params_body
                    }

                    /// The JSON error body for this code.
                    #[must_use]
                    pub fn body(&self) -> Body {
                        Body { code: *self }
                    }

                    /// The code's position in the catalogue's columns.
                    fn index(self) -> usize {
                        self.0 as usize
                    }
                }

                impl fmt::Debug for Code {
                    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str(#constant_of_self)
                    }
                }

                /// Writes the message, or the name when there is no message.
                /// The alternate form (`{:#}`) writes `code name: message`.
                impl fmt::Display for Code {
                    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        if f.alternate() {
                            write!(f, "{} {}: {}", self.code(), self.name(), self.message())
                        } else if self.message().is_empty() {
                            f.write_str(self.name())
                        } else {
                            f.write_str(self.message())
                        }
                    }
                }

                impl ::std::error::Error for Code {}

                impl #runtime::ErrorCode for Code {
                    fn code(&self) -> #runtime::CodeValue<'static> {
                        let code = Code::code(self);
                        #to_value
                    }

                    fn name(&self) -> &'static str {
                        Code::name(self)
                    }

                    fn message(&self) -> &'static str {
                        Code::message(self)
                    }

                    fn http_status(&self) -> u16 {
                        Code::http_status(self)
                    }

                    fn catalog(&self) -> &'static #runtime::Catalog {
                        &CATALOG
                    }

                    fn source_line(&self) -> u32 {
                        Code::source_line(self)
                    }

                    fn message_in(&self, locale: &str) -> Option<&'static str> {
                        Code::message_in(self, locale)
                    }

                    fn catalog_of() -> &'static #runtime::Catalog {
                        &CATALOG
                    }

                    fn from_code(code: #runtime::CodeValue<'_>) -> Option<Code> {
                        #from_value.and_then(Code::from_code)
                    }
                }

                impl From<Code> for #code_type {
                    fn from(code: Code) -> #code_type {
                        code.code()
                    }
                }

                impl TryFrom<#code_param> for Code {
                    type Error = #runtime::UnknownCode;

                    fn try_from(code: #code_param) -> Result<Code, #runtime::UnknownCode> {
                        Code::from_code(code).ok_or_else(|| #runtime::UnknownCode::new(#catalog_name, code))
                    }
                }

                impl ::core::str::FromStr for Code {
                    type Err = #runtime::UnknownName;

                    fn from_str(name: &str) -> Result<Code, #runtime::UnknownName> {
                        Code::from_name(name).ok_or_else(|| #runtime::UnknownName::new(#catalog_name, name))
                    }
                }

                #body
                #categories
                #integrations
            }
        })?;
        let items = module.content.as_mut().map(|(_, items)| items);
        // The first `impl Code`, left empty above, takes the constants.
        let constants_impl = items.into_iter().flatten().find_map(|item| match item {
            syn::Item::Impl(item) if item.items.is_empty() => Some(item),
            _ => None,
        });
        if let Some(constants_impl) = constants_impl {
            let span = proc_macro2::Span::call_site();
            let code_path = || syn::Path::from(syn::Ident::new("Code", span));
            constants_impl.items = constants
                .iter()
                .zip(&entries)
                .enumerate()
                .map(|(index, (name, entry))| {
                    let value = syn::Expr::Call(syn::ExprCall {
                        attrs: Vec::new(),
                        func: Box::new(syn::Expr::Path(syn::ExprPath {
                            attrs: Vec::new(),
                            qself: None,
                            path: code_path(),
                        })),
                        paren_token: Default::default(),
                        args: std::iter::once(syn::Expr::Lit(syn::ExprLit {
                            attrs: Vec::new(),
                            // Suffixed: rustc infers nothing, which at
                            // 10,000 constants is a tenth of a second.
                            lit: syn::Lit::Int(syn::LitInt::new(
                                &format!("{index}{index_type}"),
                                span,
                            )),
                        }))
                        .collect(),
                    });
                    syn::ImplItem::Const(syn::ImplItemConst {
                        attrs: doc_attributes(&variant_doc(model, catalog, entry)),
                        vis: syn::Visibility::Public(Default::default()),
                        modifiers: Default::default(),
                        const_token: Default::default(),
                        ident: syn::Ident::new(name, span),
                        generics: Default::default(),
                        colon_token: Default::default(),
                        ty: syn::Type::Path(syn::TypePath {
                            attrs: Vec::new(),
                            qself: None,
                            path: code_path(),
                        }),
                        eq_token: Default::default(),
                        expr: value,
                        semi_token: Default::default(),
                    })
                })
                .collect();
        }
        Ok(syn::Item::Mod(module))
    }
}

/// `LOCALES`, `TRANSLATIONS` and `Code::message_in`, when the catalogue
/// gives messages in several languages side by side.
fn translation_items(catalog: &Catalog, entries: &[&Entry], runtime: &TokenStream) -> TokenStream {
    let translated: std::collections::BTreeSet<&str> = entries
        .iter()
        .flat_map(|e| e.translations().iter().map(|t| t.locale.as_str()))
        .filter(|locale| Some(*locale) != catalog.language.as_deref())
        .collect();
    let count = Literal::usize_unsuffixed(translated.len());
    let (texts, ends): (Vec<String>, Vec<Literal>) = translated
        .iter()
        .map(|locale| {
            let (texts, ends) = text_column(entries.iter().map(|e| {
                e.translations()
                    .iter()
                    .find(|t| t.locale == *locale)
                    .map_or("", |t| t.text.as_str())
            }));
            (texts, bytes(&ends))
        })
        .unzip();
    let primary = catalog.language.iter();
    let all = primary
        .clone()
        .map(String::as_str)
        .chain(translated.iter().copied());
    let locale_count = Literal::usize_unsuffixed(all.clone().count());
    let has_primary = catalog.language.is_some();
    // The row of a translation: after the messages' own language, if known.
    let row_of = if has_primary {
        quote! { row.checked_sub(1) }
    } else {
        quote! { Some(row) }
    };
    quote! {
        /// The languages of the messages, BCP 47 tags: the messages' own
        /// first where the catalogue declares or shows it, then those of
        /// its translations.
        pub static LOCALES: [&str; #locale_count] = [#(#all),*];
        /// One text column per translated locale, as `MESSAGES` is.
        static TRANSLATIONS: [&str; #count] = [#(#texts),*];
        static TRANSLATION_ENDS: [&[u8]; #count] = [#(#ends),*];

        #[allow(clippy::trivially_copy_pass_by_ref)]
        impl Code {
            /// The message in `locale`, a BCP 47 tag (`zh-CN` is served
            /// by `zh`, `zh` by `zh-CN`), if the catalogue has it in that
            /// language: a translation, or the message itself where that is
            /// its language (see [`LOCALES`]).
            #[must_use]
            pub fn message_in(&self, locale: &str) -> Option<&'static str> {
                let row = #runtime::language::best_match(&LOCALES, locale)?;
                let text = match #row_of {
                    Some(row) => super::__errcat_lookup::text(TRANSLATIONS[row], TRANSLATION_ENDS[row], self.index()),
                    None => self.message(),
                };
                Some(text).filter(|text| !text.is_empty())
            }
        }
    }
}

/// The body of `Code::params`: a binary search of the codes whose messages
/// have placeholders (by position), or nothing to search.
fn params_lookup(
    entries: &[&Entry],
    runtime: &TokenStream,
    index_type: &proc_macro2::Ident,
) -> TokenStream {
    let rows: Vec<TokenStream> = entries
        .iter()
        .enumerate()
        .filter_map(|(position, entry)| {
            let (named, positional) = errcat::placeholder::Params::of(entry.message_text()?);
            if named.is_empty() && positional == 0 {
                return None;
            }
            let position = Literal::usize_unsuffixed(position);
            let positional = Literal::usize_unsuffixed(positional);
            Some(quote! { (#position, #runtime::placeholder::Params::__new(&[#(#named),*], #positional)) })
        })
        .collect();
    if rows.is_empty() {
        return quote! { #runtime::placeholder::Params::NONE };
    }
    quote! {
        const PARAMS: &[(#index_type, #runtime::placeholder::Params)] = &[#(#rows),*];
        let (mut low, mut high) = (0, PARAMS.len());
        while low < high {
            let middle = low + (high - low) / 2;
            let (position, params) = PARAMS[middle];
            if position == self.0 {
                return params;
            }
            if position < self.0 {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        #runtime::placeholder::Params::NONE
    }
}
