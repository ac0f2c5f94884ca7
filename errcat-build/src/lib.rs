//! errcat-build compiles markdown error-code catalogues into typed Rust.
//!
//! Stages, each a module, meeting only through the [`model`]:
//! [`reader`] (markdown blocks with positions) → parsers (bullet records,
//! code tables, constant lists, HTTP status references) → [`model`] →
//! [`check`] → [`emit`]; [`diagnostic`] renders findings. [`Project`] runs
//! the stages over files and catalogs.toml ([`config`]); [`Builder`] is the
//! build-script entry point.
//!
//! ```no_run
//! // build.rs, in `fn main()`:
//! errcat_build::Builder::new("catalogs").compile_or_exit();
//! ```

pub mod builder;
pub mod check;
mod concurrent;
pub mod config;
pub mod diagnostic;
pub mod emit;
pub mod encoding;
#[cfg(feature = "fuzz")]
#[doc(hidden)]
pub mod fuzz;
mod html_table;
pub mod http_status;
pub mod lint;
pub mod lookup;
pub mod model;
pub mod naming;
mod parse;
pub mod project;
pub mod reader;
pub mod source;
#[cfg(feature = "synth")]
#[doc(hidden)]
pub mod synth;

pub use builder::{Builder, Failure, Output};
pub use diagnostic::Diagnostic;
pub use emit::Gate;
pub use lint::Level;
pub use model::Model;
pub use project::{Analysis, LoadError, Project};
