//! Lookups on the seed catalogues: every code and every name of a
//! catalogue, by the typed enum and through the registry
//! (`cargo bench --bench lookups`). Catalogues of 10,000 and 100,000
//! records are measured by `cargo xtask bench-gen`; BENCHMARKS.md has both.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use errcat_catalogs::{account_2, api_switch, console};

fn typed(c: &mut Criterion) {
    macro_rules! catalogue {
        ($module:ident) => {{
            let codes: Vec<_> = $module::Code::all().iter().map(|c| c.code()).collect();
            let names: Vec<_> = $module::Code::all().iter().map(|c| c.name()).collect();
            let mut group = c.benchmark_group(concat!("seeds/", stringify!($module)));
            group.throughput(Throughput::Elements(codes.len() as u64));
            group.bench_function("from_code", |b| {
                b.iter(|| {
                    for &code in &codes {
                        black_box($module::Code::from_code(black_box(code)));
                    }
                })
            });
            group.bench_function("from_name", |b| {
                b.iter(|| {
                    for &name in &names {
                        black_box($module::Code::from_name(black_box(name)));
                    }
                })
            });
            group.bench_function("message", |b| {
                b.iter(|| {
                    for &code in $module::Code::all() {
                        black_box(black_box(code).message());
                    }
                })
            });
            group.finish();
        }};
    }
    catalogue!(console);
    catalogue!(account_2);
    catalogue!(api_switch);
}

/// A gateway's path: catalogue by name, then the code as received.
fn registry(c: &mut Criterion) {
    let codes: Vec<u32> = console::Code::all().iter().map(|c| c.code()).collect();
    let mut group = c.benchmark_group("seeds/registry");
    group.throughput(Throughput::Elements(codes.len() as u64));
    group.bench_function("lookup", |b| {
        b.iter(|| {
            for &code in &codes {
                black_box(errcat_catalogs::lookup(black_box("console"), code));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, typed, registry);
criterion_main!(benches);
