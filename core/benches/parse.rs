//! Throughput of `gongwen::parse` (MiB/s of UTF-8 input): the full parse
//! on the bundled gazette, its 64× concatenation, a web page and the wild
//! texts (`../shared/corpus/wild/hebei.jsonl`, when present); and each
//! stage alone, timed inside the pipeline (`gongwen::stage_times`, the
//! stage's own time over the same runs).
//!
//! Run: `cargo bench -p gongwen --bench parse` (`-- stage/` for the stages).

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn corpus(rel: &str) -> String {
    std::fs::read_to_string(format!("{}/../corpus/{rel}", env!("CARGO_MANIFEST_DIR"))).expect("corpus file")
}

/// The wild texts, when the shared corpus is beside the repository.
fn wild() -> Option<Vec<String>> {
    let path = format!("{}/../../shared/corpus/wild/hebei.jsonl", env!("CARGO_MANIFEST_DIR"));
    let body = std::fs::read_to_string(path).ok()?;
    let texts: Vec<String> = body
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
        .collect();
    (!texts.is_empty()).then_some(texts)
}

fn bench(c: &mut Criterion) {
    let gazette = corpus("xiangtan-county-gazette-2023.txt");
    let web = corpus("real/21_guangzhou-suiweihan-2023-1930-jiating-yisheng-fangan.txt");
    let options = gongwen::Options::default();
    let mut g = c.benchmark_group("parse");
    g.sample_size(10);
    for (name, text) in [("gazette", gazette.clone()), ("gazette_x64", gazette.repeat(64)), ("web_page", web)] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, t| b.iter(|| gongwen::parse(std::hint::black_box(t), &options)));
    }
    if let Some(texts) = wild() {
        g.throughput(Throughput::Bytes(texts.iter().map(|t| t.len() as u64).sum()));
        g.bench_function("wild", |b| b.iter(|| texts.iter().map(|t| gongwen::parse(std::hint::black_box(t), &options).documents.len()).sum::<usize>()));
    } else {
        eprintln!("parse/wild: skipped, ../shared/corpus/wild/hebei.jsonl is absent");
    }
    g.finish();

    // Each stage's own time inside the pipeline, on the gazette.
    let stages: Vec<&'static str> = gongwen::stage_times(&gazette, &options).into_iter().map(|(s, _)| s).collect();
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(gazette.len() as u64));
    for (k, stage) in stages.iter().enumerate() {
        g.bench_function(*stage, |b| {
            b.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                for _ in 0..iters {
                    let times = gongwen::stage_times(std::hint::black_box(&gazette), &options);
                    spent += Duration::from_secs_f64(times.get(k).map_or(0.0, |t| t.1));
                }
                spent
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
