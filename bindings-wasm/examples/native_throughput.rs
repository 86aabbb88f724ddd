//! Native counterpart of `bindings-wasm/bench.mjs`: the same work the wasm
//! `parse` does before building JS objects (`gongwen::parse` and the UTF-16
//! offset conversion), timed in a loop.
//!
//! `cargo run --release -p gongwen-wasm --example native_throughput -- FILE [SECONDS]`
//! prints one JSON line: `{"bytes":…,"iterations":…,"ms_per_parse":…,"mb_per_s":…}`.

use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let file = args.next().expect("usage: native_throughput FILE [SECONDS]");
    let seconds: f64 = args.next().map(|s| s.parse().expect("SECONDS is a number")).unwrap_or(2.0);
    let text = std::fs::read_to_string(&file).expect("a UTF-8 text file");
    let run = || {
        let mut p = gongwen::parse(&text, &gongwen::Options::default());
        p.convert_offsets(&text, gongwen::Unit::Utf16);
        std::hint::black_box(p);
    };
    for _ in 0..5 {
        run();
    }
    let budget = Duration::from_secs_f64(seconds);
    let start = Instant::now();
    let mut iterations = 0u64;
    while start.elapsed() < budget {
        run();
        iterations += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let per = secs / iterations as f64;
    println!(
        "{{\"bytes\":{},\"iterations\":{},\"ms_per_parse\":{:.3},\"mb_per_s\":{:.2}}}",
        text.len(),
        iterations,
        per * 1e3,
        text.len() as f64 / per / 1e6
    );
}
