//! Where a parse spends its time, stage by stage (the instrumented
//! pipeline of `gongwen::stage_times`), summed over every input given and
//! averaged over `--runs N` runs.
//!
//!     cargo run --release -p gongwen --example stage_times -- [--runs N] FILE...

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut runs = 3usize;
    if let Some(i) = args.iter().position(|a| a == "--runs") {
        runs = args.get(i + 1).and_then(|n| n.parse().ok()).unwrap_or(3).max(1);
        args.drain(i..(i + 2).min(args.len()));
    }
    if args.is_empty() {
        eprintln!("usage: stage_times [--runs N] FILE...");
        std::process::exit(2);
    }
    let texts: Vec<String> = args
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| {
            eprintln!("{p}: {e}");
            std::process::exit(2)
        }))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut total: Vec<(&'static str, f64)> = Vec::new();
    for _ in 0..runs {
        for t in &texts {
            for (k, (name, secs)) in gongwen::stage_times(t, &gongwen::Options::default()).into_iter().enumerate() {
                match total.get_mut(k) {
                    Some(slot) => slot.1 += secs,
                    None => total.push((name, secs)),
                }
            }
        }
    }
    let all: f64 = total.iter().map(|t| t.1).sum::<f64>() / runs as f64;
    println!("{} input(s), {:.2} MiB, {:.1} ms per pass ({:.1} MiB/s)", texts.len(), bytes as f64 / 1048576.0, all * 1e3, bytes as f64 / 1048576.0 / all);
    for (name, secs) in total {
        let s = secs / runs as f64;
        println!("  {name:<13} {:>8.1} ms  {:>5.1}%", s * 1e3, 100.0 * s / all);
    }
}
