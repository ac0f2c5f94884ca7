//! Compiles the markdown catalogues in catalogs/ into `$OUT_DIR/errcat.rs`.
//! A catalogue error fails the build with file:line diagnostics.

use errcat_build::{Builder, Serde};

fn main() {
    Builder::new("catalogs")
        .runtime_path("crate")
        .serde(Serde::WhenFeature("serde".to_string()))
        .compile_or_exit();
}
