//! Compiles the markdown catalogues in catalogs/ into `$OUT_DIR/errcat.rs`.
//! A catalogue error fails the build with file:line diagnostics.

fn main() {
    errcat_build::Builder::new("catalogs")
        .runtime_path("crate")
        .compile_or_exit();
}
