//! The runtime of errcat: what the code that `errcat-build` generates from
//! markdown error catalogues stands on. It holds no catalogue of its own.
//!
//! A crate compiles its catalogues in its build script with `errcat-build`
//! and includes the result; each catalogue becomes a module with a `Code`
//! type, and the crate gets a registry of them (`CATALOGS`, `catalog`,
//! `lookup`):
//!
//! ```toml
//! [dependencies]
//! errcat = { version = "0.1", features = ["axum"] }
//! [build-dependencies]
//! errcat-build = "0.1"
//! ```
//!
//! ```ignore
//! // build.rs
//! fn main() {
//!     errcat_build::Builder::new("catalogs").compile_or_exit();
//! }
//! // src/lib.rs
//! include!(concat!(env!("OUT_DIR"), "/errcat.rs"));
//! ```
//!
//! Every generated `Code` implements [`ErrorCode`], so one function can
//! handle the codes of any catalogue:
//!
//! ```
//! use errcat::ErrorCode;
//! # use errcat_catalogs as mysvc;
//!
//! fn log_line(error: &dyn ErrorCode) -> String {
//!     format!("{} {} HTTP {}", error.catalog().name(), error.code(), error.http_status())
//! }
//! assert_eq!(log_line(&mysvc::console::Code::E40400004), "console 40400004 HTTP 404");
//! ```
//!
//! A service answers with an [`Error`]: a code with a detail, named
//! fields, an instance and a cause.
//!
//! # Features
//!
//! All off by default; turn on the ones the build script asks the
//! generated code for (`Builder::serde`, `::http`, `::axum`):
//!
//! | feature | adds |
//! |---|---|
//! | `serde` | `Serialize`/`Deserialize` for every `Code` (its number), `Body` (the JSON body) and [`Error`] (the body, detail and fields), [`Received`], [`BodyOf`] |
//! | `http` | [`ErrorCode::status_code`] and `From<Code> for http::StatusCode` |
//! | `problem` | [`Problem`]: RFC 9457 problem details (with `serde` and `http`) |
//! | `axum` | `IntoResponse` for every `Code`, [`Error`] and [`Problem`] (with `problem`); the [`Localize`] layer (`Accept-Language`) |

mod catalog;
mod code;
mod error;
pub mod language;
mod lookup;
pub mod placeholder;
mod registry;

pub use catalog::{Catalog, ErrorCode, Source};
pub use code::{CodeValue, OwnedCode, is_symbolic_code};
pub use error::{Context, Error, Value};
pub use lookup::{UnknownCode, UnknownName};
pub use registry::{catalog_in, lookup_in};

#[cfg(feature = "axum")]
mod axum;
mod gates;
#[cfg(feature = "problem")]
mod problem;
#[cfg(feature = "serde")]
mod wire;

#[cfg(feature = "axum")]
pub use axum::{Localize, Localized};
#[cfg(feature = "problem")]
pub use problem::{PROBLEM_JSON, Problem};
#[cfg(feature = "serde")]
pub use wire::{BodyOf, Received};

#[doc(hidden)]
pub mod __private {
    //! Used by the generated code; not a public API.
    #[cfg(feature = "axum")]
    pub use crate::axum::json_response;
    #[cfg(feature = "serde")]
    pub use crate::wire::{
        deserialize_body, deserialize_number, deserialize_symbol, known, serialize_body,
    };
    pub use crate::{
        __errcat_if_axum as if_axum, __errcat_if_http as if_http, __errcat_if_serde as if_serde,
        __errcat_require_axum as require_axum, __errcat_require_http as require_http,
        __errcat_require_serde as require_serde,
    };
    #[cfg(feature = "axum")]
    pub use axum_core;
    #[cfg(feature = "http")]
    pub use http;
    #[cfg(feature = "serde")]
    pub use serde;
}
