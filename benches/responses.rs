//! Answering with an error (`cargo bench --bench responses`): the axum
//! response of a bare code, which allocates only its body, against an
//! `errcat::Error` carrying a detail and two fields. BENCHMARKS.md holds
//! the budget and the figures.

use std::hint::black_box;

use axum::response::IntoResponse;
use criterion::{Criterion, criterion_group, criterion_main};
use errcat_catalogs::{Error, Problem, console};

fn responses(c: &mut Criterion) {
    let mut group = c.benchmark_group("responses");
    group.bench_function("bare code", |b| {
        b.iter(|| black_box(black_box(console::Code::E40400004).into_response()))
    });
    group.bench_function("error with two fields", |b| {
        b.iter(|| {
            let error = Error::new(black_box(console::Code::E40400004))
                .with_field("project_id", black_box(7_u64))
                .with_field("region", "eu-1");
            black_box(error.into_response())
        })
    });
    group.bench_function("problem of a bare code", |b| {
        b.iter(|| black_box(Problem(black_box(console::Code::E40400004)).into_response()))
    });
    group.finish();
}

criterion_group!(benches, responses);
criterion_main!(benches);
