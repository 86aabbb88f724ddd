//! Peak heap while parsing a file, as a multiple of its size:
//! `cargo run --release -p gongwen --example peak_memory -- FILE`.
//! A counting allocator records the high-water mark of live bytes; the
//! input string itself is counted (it is live during the parse).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }
}

#[global_allocator]
static A: Counting = Counting;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: peak_memory FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    });
    // Compile the lazy patterns first: their size does not grow with input.
    drop(gongwen::parse("某某局关于某事的通知\n某发〔2024〕1号\n", &gongwen::Options::default()));
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    let parse = gongwen::parse(&text, &gongwen::Options::default());
    let peak = PEAK.load(Relaxed) - base + text.len();
    let kept = LIVE.load(Relaxed) - base;
    println!(
        "{path}: input {:.1} MiB, peak heap {:.1} MiB = {:.1}x the input; the result holds {:.1} MiB ({} documents)",
        text.len() as f64 / 1048576.0,
        peak as f64 / 1048576.0,
        peak as f64 / text.len() as f64,
        kept as f64 / 1048576.0,
        parse.documents.len()
    );
}
