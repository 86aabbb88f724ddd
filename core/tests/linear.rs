//! Time is linear in input size: adversarial shapes are parsed at size n
//! and 4n in the same run, and time(4n)/time(n) must stay under 6 (a
//! quadratic stage gives 16). No absolute time is asserted. Each time is
//! the minimum of a few repetitions after a warm-up, to shrug off noise.
//!
//! Sizes are scaled down in debug builds (`cargo test --workspace`) but stay
//! large enough for a quadratic stage to show.

use std::time::{Duration, Instant};

use gongwen::{parse, Options};

/// Debug builds run unoptimised code: divide sizes by this.
const DEBUG_SCALE: usize = if cfg!(debug_assertions) { 4 } else { 1 };
const MAX_RATIO: f64 = 6.0;
const REPS: usize = 3;

fn time_once(text: &str) -> Duration {
    let t = Instant::now();
    let p = parse(std::hint::black_box(text), &Options::default());
    let d = t.elapsed();
    drop(std::hint::black_box(p));
    d
}

/// time(4n) / time(n), each the minimum of `REPS` runs.
fn ratio(build: &dyn Fn(usize) -> String, n: usize) -> (f64, Duration, Duration) {
    let small = build(n);
    let big = build(4 * n);
    time_once(&small); // warm-up: lazy regexes, allocator
    let (mut a, mut b) = (Duration::MAX, Duration::MAX);
    for _ in 0..REPS {
        a = a.min(time_once(&small));
        b = b.min(time_once(&big));
    }
    // A floor against timer resolution on tiny times.
    let a = a.max(Duration::from_micros(200));
    (b.as_secs_f64() / a.as_secs_f64(), a, b)
}

type Shape = (&'static str, usize, fn(usize) -> String);

/// `(name, n in release, builder)`; the builder makes the input of size n.
const SHAPES: &[Shape] = &[
    // A marker followed by a long run of text without punctuation.
    ("marker then long text", 22_000, |n| format!("一、{}\n", "加强管理".repeat(n))),
    // One line of sentences, 5 MB at 4n.
    ("single long line", 16_000, |n| "各单位要加强组织领导，确保工作落实到位（责任单位：县某局、县某委）；".repeat(n)),
    // A million brackets at 4n.
    ("brackets", 125_000, |n| format!("一、{}{}\n", "（".repeat(n), "）".repeat(n))),
    // 200,000 markers at 4n, inline and on lines of their own.
    ("markers", 12_500, |n| "一、加强。二、推进。\n（一）落实。\n1.完善。\n".repeat(n)),
    // 100,000 small documents at 4n.
    ("title blocks", 25_000, |n| {
        (0..n).map(|k| format!("某某局关于某事的通知\n某发〔2024〕{}号\n现将有关事项通知如下。\n", k + 1)).collect()
    }),
    // A 1 MB unit list in a clause at 4n.
    ("unit list in a clause", 22_000, |n| format!("一、加强管理（责任单位：{}某某局）\n", "某某局、".repeat(n))),
    ("closing bracket then text", 100_000, |n| "）关".repeat(n)),
    ("concurrent posts", 40_000, |n| format!("一、张三主任：主持全面工作。{}\n", "兼任，".repeat(n))),
    ("digits", 250_000, |n| "1234567890".repeat(n / 10)),
    ("dates", 20_000, |n| "2024年1月1日".repeat(n)),
    ("enumeration commas", 250_000, |n| "、".repeat(n)),
    // Flattened notices: element cuts look back a bounded distance.
    ("numbers with addressees on one line", 20_000, |n| "某某局关于某事的通知某发〔2024〕5号各单位：".repeat(n)),
    ("attachment labels on one line", 20_000, |n| "。附件：1.某表2.某表".repeat(n)),
    ("metadata rows on one line", 20_000, |n| format!("索引号：1 {}", "标题：某某 发文字号：某发〔2024〕1号 ".repeat(n))),
    ("signatures and dates on one line", 20_000, |n| "某某局 2024年3月8日。".repeat(n)),
    ("allocation table rows", 8_000, |n| format!("序号\n重点任务\n牵头单位\n配合单位\n{}", "1\n推进某项工作。\n县某局\n县某委\n".repeat(n))),
    ("allocation headers", 8_000, |n| "序号\t重点任务\t牵头单位\t配合单位\n".repeat(n)),
    ("labels that make no header", 8_000, |n| "重点工作\n".repeat(n)),
    ("table rows run together", 4_000, |n| format!("责任单位工作要点公开时限公开载体办公室{}", (1..=n).map(|k| format!("{k}.某项情况及时网站")).collect::<String>())),
    ("grouped items", 8_000, |n| "一、县某某局牵头工作（2项）\n1.推进某事。\n2.落实某事。\n".repeat(n)),
];

#[test]
fn time_grows_linearly() {
    // `LINEAR_SHAPE=dates` runs the shapes whose name contains the value.
    let only = std::env::var("LINEAR_SHAPE").unwrap_or_default();
    let mut failures = Vec::new();
    for (name, n, build) in SHAPES.iter().filter(|s| s.0.contains(only.as_str())) {
        let n = (n / DEBUG_SCALE).max(1);
        let (mut r, mut a, mut b) = ratio(build, n);
        if r >= MAX_RATIO {
            // One more measurement against a noisy moment (a quadratic
            // stage gives 16, not 6).
            let again = ratio(build, n);
            if again.0 < r {
                (r, a, b) = again;
            }
        }
        eprintln!("{name:28} n={n:>7}  t(n)={a:>10.2?}  t(4n)={b:>10.2?}  ratio {r:.2}");
        if r >= MAX_RATIO {
            failures.push(format!("{name}: time(4n)/time(n) = {r:.1} ({a:?} → {b:?})"));
        }
    }
    assert!(failures.is_empty(), "not linear:\n{}", failures.join("\n"));
}
