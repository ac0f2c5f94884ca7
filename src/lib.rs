//! Typed error codes, generated at build time from the markdown catalogues
//! in `catalogs/`.
//!
//! Each catalogue is a module with one enum, `Code`:
//!
//! ```
//! use errcat::console::Code;
//!
//! let code = Code::from_code(40400004).expect("a console code");
//! assert_eq!(code.http_status(), 404);
//! assert_eq!(code.message(), "project项目id不存在");
//! ```

mod lookup;

pub use lookup::{UnknownCode, UnknownName};

#[cfg(feature = "serde")]
#[doc(hidden)]
pub mod __private {
    //! Used by the generated code's serde impls; not a public API.
    pub use crate::wire::*;
}

#[cfg(feature = "serde")]
mod wire;

include!(concat!(env!("OUT_DIR"), "/errcat.rs"));
