//! Compiles the markdown catalogues in catalogs/ into `$OUT_DIR/errcat.rs`.
//! A catalogue error fails the build with file:line diagnostics.

use errcat_build::{Builder, Gate};

fn main() {
    Builder::new("catalogs")
        .serde(Gate::feature("serde"))
        .http(Gate::feature("http"))
        .axum(Gate::feature("axum"))
        .compile_or_exit();
}
