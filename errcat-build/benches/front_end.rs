//! Reading and checking a catalogue against pulldown-cmark alone reading the
//! same file, in one group per layout and size so the ratio comes from one
//! run (`cargo bench -p errcat-build --bench front_end`; BENCHMARKS.md has
//! the budget and the figures).

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use errcat_build::Project;
use errcat_build::synth::{self, Layout};
use pulldown_cmark::{Options, Parser};

const SIZES: [usize; 3] = [300, 10_000, 100_000];

fn front_end(c: &mut Criterion) {
    for layout in Layout::ALL {
        for records in SIZES {
            let text = synth::catalogue(layout, records);
            let mut group = c.benchmark_group(format!("front_end/{}", layout.name()));
            group.throughput(Throughput::Bytes(text.len() as u64));
            if records >= 100_000 {
                group
                    .sample_size(10)
                    .measurement_time(Duration::from_secs(8));
            }
            group.bench_with_input(
                BenchmarkId::new("pulldown-cmark", records),
                &text,
                |b, text| {
                    b.iter(|| {
                        // Every event and its range, as errcat's reader takes them.
                        Parser::new_ext(text, Options::ENABLE_TABLES)
                            .into_offset_iter()
                            .fold(0, |sum, (_, range)| sum ^ range.end)
                    })
                },
            );
            group.bench_with_input(BenchmarkId::new("errcat", records), &text, |b, text| {
                b.iter(|| {
                    let mut project = Project::new();
                    project.add_file("catalogs/generated.md", text.clone().into_bytes());
                    let analysis = project.analyze();
                    assert!(!analysis.has_errors());
                    black_box(analysis.model.catalogs.len())
                })
            });
            group.finish();
        }
    }
}

criterion_group!(benches, front_end);
criterion_main!(benches);
