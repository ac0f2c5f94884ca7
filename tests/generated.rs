//! The code generated from catalogs/, as compiled into this crate. A change
//! to the emitter or a catalogue shows up here as a reviewable diff
//! (`cargo insta review`).

#[test]
fn generated_code_for_the_seed_catalogues() {
    let generated = include_str!(concat!(env!("OUT_DIR"), "/errcat.rs"));
    insta::assert_snapshot!("errcat.rs", generated);
}
