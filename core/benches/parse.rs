//! Throughput of `gongwen::parse` on the bundled gazette and on a large
//! concatenation of it (linear time is a requirement).
//! Run: `cargo bench -p gongwen --bench parse`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn corpus(rel: &str) -> String {
    std::fs::read_to_string(format!("{}/../corpus/{rel}", env!("CARGO_MANIFEST_DIR"))).expect("corpus file")
}

fn bench(c: &mut Criterion) {
    let gazette = corpus("xiangtan-county-gazette-2023.txt");
    let web = corpus("real/21_guangzhou-suiweihan-2023-1930-jiating-yisheng-fangan.txt");
    let mut g = c.benchmark_group("parse");
    for (name, text) in [("gazette", gazette.clone()), ("gazette_x16", gazette.repeat(16)), ("web_page", web)] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, t| {
            b.iter(|| gongwen::parse(std::hint::black_box(t), &gongwen::Options::default()))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
