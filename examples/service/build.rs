fn main() {
    errcat_build::Builder::new("catalogs")
        .serde(errcat_build::Gate::On)
        .http(errcat_build::Gate::On)
        .axum(errcat_build::Gate::On)
        .compile_or_exit();
}
