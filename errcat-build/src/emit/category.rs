//! `Category`: the code ranges a catalogue's file declares.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::doc::{doc_lines, escape_markdown};
use super::{Context, index_type};
use crate::model::{Catalog, Category, CodeType};
use crate::naming;

impl Context<'_> {
    /// `Category` and `Code::category`, when the file declares code ranges
    /// (and the codes are numbers).
    pub(super) fn category_items(&self, catalog: &Catalog) -> TokenStream {
        if catalog.code_type == CodeType::Symbol {
            return TokenStream::new();
        }
        let facts = self.model.facts(catalog.file);
        let mut categories: Vec<&Category> =
            facts.categories.iter().filter(|c| !c.reserved).collect();
        if categories.is_empty() {
            return TokenStream::new();
        }
        categories.sort_by_key(|c| (c.first, std::cmp::Reverse(c.last)));
        let constants = naming::category_constants(&categories);
        let code_type = format_ident!("{}", catalog.code_type.name());
        let count = Literal::usize_unsuffixed(categories.len());
        let index_type = index_type(categories.len());
        let constant_items =
            categories
                .iter()
                .zip(&constants)
                .enumerate()
                .map(|(index, (category, constant))| {
                    let doc = doc_lines(&[format!(
                        "`{}`: {}{}",
                        category.pattern,
                        escape_markdown(category.name.as_str()),
                        category
                            .description
                            .as_ref()
                            .map_or_else(String::new, |d| format!(
                                ", {}",
                                escape_markdown(d.as_str())
                            ))
                    )]);
                    let ident = format_ident!("{constant}");
                    let index = Literal::usize_unsuffixed(index);
                    quote! { #doc pub const #ident: Category = Category(#index); }
                });
        let names = categories.iter().map(|c| c.name.as_str());
        let descriptions = categories
            .iter()
            .map(|c| c.description.as_ref().map_or("", |d| d.as_str()));
        let (min, max) = (catalog.code_type.min(), catalog.code_type.max());
        let clamp = |v: i64| Literal::i64_unsuffixed(v.clamp(min, max));
        let firsts = categories.iter().map(|c| clamp(c.first));
        let lasts = categories.iter().map(|c| clamp(c.last));
        let reserved: Vec<&Category> = facts.categories.iter().filter(|c| c.reserved).collect();
        let reserved_count = Literal::usize_unsuffixed(reserved.len());
        let reserved_ranges = reserved.iter().map(|c| {
            let (first, last) = (clamp(c.first), clamp(c.last));
            quote! { #first..=#last }
        });
        quote! {
            /// A code range the catalogue's file declares; ranges order by
            /// where they start.
            #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub struct Category(#index_type);

            // The constants are named as the catalogue names its ranges, and
            // their docs quote the catalogue's own text.
            #[allow(non_upper_case_globals, clippy::doc_markdown)]
            impl Category {
                #(#constant_items)*
            }

            const CATEGORY_COUNT: usize = #count;
            static CATEGORY_CONSTANTS: [&str; CATEGORY_COUNT] = [#(#constants),*];
            static CATEGORY_NAMES: [&str; CATEGORY_COUNT] = [#(#names),*];
            static CATEGORY_DESCRIPTIONS: [&str; CATEGORY_COUNT] = [#(#descriptions),*];
            static CATEGORY_FIRST: [#code_type; CATEGORY_COUNT] = [#(#firsts),*];
            static CATEGORY_LAST: [#code_type; CATEGORY_COUNT] = [#(#lasts),*];

            static CATEGORIES: [Category; CATEGORY_COUNT] = {
                let mut all = [Category(0); CATEGORY_COUNT];
                let (mut index, mut position) = (0, 0);
                while index < all.len() {
                    all[index] = Category(position);
                    index += 1;
                    position = position.wrapping_add(1);
                }
                all
            };

            #[allow(clippy::trivially_copy_pass_by_ref)]
            impl Category {
                /// Every category, in ascending order of range.
                #[must_use]
                pub fn all() -> &'static [Category] {
                    &CATEGORIES
                }

                /// Ranges the file marks as reserved: no code may use them.
                pub const RESERVED: [::core::ops::RangeInclusive<#code_type>; #reserved_count] = [#(#reserved_ranges),*];

                /// The name the catalogue gives the range (`BaseError`).
                #[must_use]
                pub fn name(&self) -> &'static str {
                    CATEGORY_NAMES[self.index()]
                }

                /// The catalogue's description of the range; may be empty.
                #[must_use]
                pub fn description(&self) -> &'static str {
                    CATEGORY_DESCRIPTIONS[self.index()]
                }

                /// The codes the range covers.
                #[must_use]
                pub fn range(&self) -> ::core::ops::RangeInclusive<#code_type> {
                    CATEGORY_FIRST[self.index()]..=CATEGORY_LAST[self.index()]
                }

                /// The narrowest category whose range holds a code.
                #[must_use]
                pub fn of_code(code: #code_type) -> Option<Category> {
                    let starts = CATEGORY_FIRST.partition_point(|&first| first <= code);
                    // Of ranges starting at or below the code, the one that
                    // starts last and still holds it (ranges may nest).
                    (0..starts).rev().find(|&index| code <= CATEGORY_LAST[index]).map(|index| CATEGORIES[index])
                }

                fn index(self) -> usize {
                    self.0 as usize
                }
            }

            impl fmt::Debug for Category {
                fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str(CATEGORY_CONSTANTS[self.index()])
                }
            }

            #[allow(clippy::trivially_copy_pass_by_ref)]
            impl Code {
                /// The category whose range holds this code.
                #[must_use]
                pub fn category(&self) -> Option<Category> {
                    Category::of_code(self.code())
                }
            }
        }
    }
}
