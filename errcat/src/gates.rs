//! Generated code asks for an integration (serde, http, axum) that needs a
//! feature of this crate. If the feature is off, the build should fail
//! once, saying which feature to turn on, not with an error for every item
//! that names a missing path: the generated file calls `require_*!()`
//! once, and wraps its gated items in `if_*! { … }`, which drops them when
//! the feature is off. (Written out per feature: a macro cannot define a
//! macro with repetitions on stable Rust.)

#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcat_if_serde {
    ($($item:item)*) => { $($item)* };
}

#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcat_if_serde {
    ($($item:item)*) => {};
}

#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcat_require_serde {
    () => {};
}

#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcat_require_serde {
    () => {
        compile_error!(
            "the errcat-generated code uses errcat's `serde` feature, which is off: enable it on the `errcat` dependency (features = [\"serde\"]), or turn the integration off in build.rs"
        );
    };
}

#[cfg(feature = "http")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcat_if_http {
    ($($item:item)*) => { $($item)* };
}

#[cfg(not(feature = "http"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcat_if_http {
    ($($item:item)*) => {};
}

#[cfg(feature = "http")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcat_require_http {
    () => {};
}

#[cfg(not(feature = "http"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcat_require_http {
    () => {
        compile_error!(
            "the errcat-generated code uses errcat's `http` feature, which is off: enable it on the `errcat` dependency (features = [\"http\"]), or turn the integration off in build.rs"
        );
    };
}

#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcat_if_axum {
    ($($item:item)*) => { $($item)* };
}

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcat_if_axum {
    ($($item:item)*) => {};
}

#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcat_require_axum {
    () => {};
}

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __errcat_require_axum {
    () => {
        compile_error!(
            "the errcat-generated code uses errcat's `axum` feature, which is off: enable it on the `errcat` dependency (features = [\"axum\"]), or turn the integration off in build.rs"
        );
    };
}
