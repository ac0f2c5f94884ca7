//! `Body` (the catalogue's JSON error body) and the optional integrations:
//! serde, `http::StatusCode`, axum's `IntoResponse`.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Context, Integration};
use crate::model::{Catalog, CodeType};

impl Context<'_> {
    /// `Body` and, if enabled, serde for it and for `Code` (as its number).
    pub(super) fn body_items(&self, catalog: &Catalog) -> TokenStream {
        let runtime = &self.runtime;
        let code_field = &catalog.body.code_field;
        let message_field = &catalog.body.message_field;
        let example = format!(
            "The catalogue's JSON error body, {}{}.",
            super::doc::code_span(&format!(
                "{{\"{code_field}\": …, \"{message_field}\": \"…\"}}"
            )),
            if catalog.body.span.is_some() {
                ", as the catalogue documents it"
            } else {
                " (errcat's default)"
            }
        );
        let example = super::doc::doc_lines(&[example]);
        let deserialize_code = if catalog.code_type == CodeType::Symbol {
            quote! { deserialize_symbol }
        } else {
            quote! { deserialize_number }
        };
        let serde = self.gated(
            Integration::Serde,
            quote! {
                impl #runtime::__private::serde::Serialize for Code {
                    fn serialize<S: #runtime::__private::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                        #runtime::__private::serde::Serialize::serialize(&self.code(), serializer)
                    }
                }

                impl<'de> #runtime::__private::serde::Deserialize<'de> for Code {
                    fn deserialize<D: #runtime::__private::serde::Deserializer<'de>>(deserializer: D) -> Result<Code, D::Error> {
                        let code = #runtime::__private::#deserialize_code(deserializer)?;
                        #runtime::__private::known(code)
                    }
                }

                impl #runtime::__private::serde::Serialize for Body {
                    fn serialize<S: #runtime::__private::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                        #runtime::__private::serialize_body(serializer, [Body::CODE_FIELD, Body::MESSAGE_FIELD], #runtime::ErrorCode::code(&self.code), self.code.message())
                    }
                }

                impl<'de> #runtime::__private::serde::Deserialize<'de> for Body {
                    fn deserialize<D: #runtime::__private::serde::Deserializer<'de>>(deserializer: D) -> Result<Body, D::Error> {
                        let (code, _message) = #runtime::__private::deserialize_body(deserializer, [Body::CODE_FIELD, Body::MESSAGE_FIELD])?;
                        let code = #runtime::__private::known(code)?;
                        Ok(Body { code })
                    }
                }
            },
        );
        quote! {
            #example
            ///
            /// Serialize one to answer with a code; deserialize one to read a
            /// code back (an unknown code is an error that names it).
            #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
            pub struct Body {
                /// The code the body carries; its message is the code's.
                pub code: Code,
            }

            impl Body {
                /// The body's field holding the code.
                pub const CODE_FIELD: &'static str = #code_field;
                /// The body's field holding the message.
                pub const MESSAGE_FIELD: &'static str = #message_field;
            }

            impl From<Code> for Body {
                fn from(code: Code) -> Body {
                    Body { code }
                }
            }

            #serde
        }
    }

    /// `http::StatusCode` and axum's `IntoResponse` for `Code`.
    pub(super) fn integration_items(&self) -> TokenStream {
        let runtime = &self.runtime;
        let http = self.gated(
            Integration::Http,
            quote! {
                impl From<Code> for #runtime::__private::http::StatusCode {
                    fn from(code: Code) -> Self {
                        #runtime::ErrorCode::status_code(&code)
                    }
                }
            },
        );
        let axum = self.gated(
            Integration::Axum,
            quote! {
                /// Answers with the code's HTTP status and the catalogue's JSON body.
                impl #runtime::__private::axum_core::response::IntoResponse for Code {
                    fn into_response(self) -> #runtime::__private::axum_core::response::Response {
                        #runtime::__private::json_response(self)
                    }
                }
            },
        );
        quote! { #http #axum }
    }
}
