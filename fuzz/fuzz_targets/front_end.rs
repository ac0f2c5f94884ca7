//! Bytes → read → parse → check → emit, without compiling the output.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    errcat_build::fuzz::front_end(data);
});
