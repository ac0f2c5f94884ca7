//! Reading and checking a catalogue against pulldown-cmark alone reading the
//! same file, in one group per layout and size so the ratio comes from one
//! run, and nested markdown at growing depths
//! (`cargo bench -p errcat-build --bench front_end`; BENCHMARKS.md has the
//! budgets and the figures).

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

/// Nesting costs its bytes, not its depth: the same number of lines at
/// growing depths of code blocks in list items, and of nested quotes, read
/// in time that grows with the file's size only (each input ends in a
/// `too-deeply-nested` error past the limits, which is the point).
fn nesting(c: &mut Criterion) {
    let mut group = c.benchmark_group("nesting");
    for depth in [10, 100, 1_000] {
        // `depth` list items, each indented under the last, then 1,000
        // lines at the innermost level.
        let mut text = String::new();
        for level in 0..depth {
            text.push_str(&"  ".repeat(level));
            text.push_str("- item\n");
        }
        let indent = "  ".repeat(depth);
        for line in 0..1_000 {
            text.push_str(&format!("{indent}- ErrorCode: {}\n", 10_000 + line));
        }
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("list items", depth), &text, |b, text| {
            b.iter(|| {
                let mut project = Project::new();
                project.add_file("catalogs/deep.md", text.clone().into_bytes());
                black_box(project.analyze().diagnostics.len())
            })
        });
        let quotes = format!("{}ErrorCode: 1\n", "> ".repeat(depth)).repeat(1_000);
        group.throughput(Throughput::Bytes(quotes.len() as u64));
        group.bench_with_input(BenchmarkId::new("quotes", depth), &quotes, |b, text| {
            b.iter(|| {
                let mut project = Project::new();
                project.add_file("catalogs/deep.md", text.clone().into_bytes());
                black_box(project.analyze().diagnostics.len())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, front_end, nesting);
criterion_main!(benches);
