//! This repository's error codes, generated at build time from the markdown
//! catalogues in `catalogs/` by `errcat-build`, on the [`errcat`] runtime
//! (re-exported here).
//!
//! Each catalogue is a module with one type, `Code`, one value per record;
//! every `Code` implements [`ErrorCode`], and [`CATALOGS`] lists them all.
//!
//! # Match on a variant
//!
//! ```
//! use errcat_catalogs::console::Code;
//!
//! let code = Code::from_code(40400004).expect("a console code");
//! assert_eq!(code.http_status(), 404);
//! assert_eq!(code.message(), "project项目id不存在");
//! let retry = match code {
//!     Code::E40400004 | Code::E40400001 => false,
//!     Code::E50000002 => true,
//!     _ => false,
//! };
//! assert!(!retry);
//! ```
//!
//! # Respond from a handler (`axum` feature)
//!
//! A `Code` is an axum response: its HTTP status and its catalogue's JSON
//! body. Wrap it in [`Problem`] for `application/problem+json`.
//!
//! ```
//! use axum::{Router, routing::get};
//! use errcat_catalogs::{Problem, api_switch, console};
//!
//! async fn project() -> Result<String, console::Code> {
//!     Err(console::Code::E40400004) // 404 {"code":40400004,"message":"project项目id不存在"}
//! }
//!
//! async fn volume() -> Result<String, Problem<api_switch::Code>> {
//!     Err(Problem(api_switch::Code::VolNotExists)) // 500 application/problem+json
//! }
//!
//! let app: Router = Router::new().route("/project", get(project)).route("/volume", get(volume));
//! ```
//!
//! # Decode a body (`serde` feature)
//!
//! ```
//! use errcat_catalogs::Received;
//! use errcat_catalogs::api_switch::{Body, Code};
//!
//! let body: Body = serde_json::from_str(r#"{"Code":10001,"Message":"参数不合法"}"#)?;
//! assert_eq!(body.code, Code::IllegalParameter);
//!
//! // A code this build does not know (a newer server) is kept, not lost.
//! let body: Received<Code> = serde_json::from_str(r#"{"Code":10999,"Message":"新的错误"}"#)?;
//! assert_eq!(body.code(), 10999);
//! assert_eq!(body.known(), None);
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Features
//!
//! All off by default:
//!
//! | feature | adds |
//! |---|---|
//! | `serde` | `Serialize`/`Deserialize` for every `Code` (its number) and `Body` (the JSON body), [`Received`], [`BodyOf`] |
//! | `http` | [`ErrorCode::status_code`] and `From<Code> for http::StatusCode` |
//! | `problem` | [`Problem`]: RFC 9457 problem details (with `serde` and `http`) |
//! | `axum` | `IntoResponse` for every `Code` and for [`Problem`] (with `problem`) |
//!
//! A record that states no HTTP status (code tables and constant lists
//! usually do not) answers with its catalogue's default, HTTP 500 unless
//! `default-http-status` in `catalogs/catalogs.toml` says otherwise.

pub use errcat::*;

include!(concat!(env!("OUT_DIR"), "/errcat.rs"));
