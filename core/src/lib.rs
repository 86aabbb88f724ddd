//! `gongwen` reads Chinese government documents (公文) — a notice pasted
//! from a web page or a whole gazette (政府公报) extracted from PDF — and
//! returns structured records: who issued what, with which number and date,
//! to whom, with which attachments and citations.
//!
//! There is one entry point, [`parse`], and it never fails: odd input yields
//! fewer fields and more [`Diagnostic`]s, never a panic.
//!
//! ```
//! let text = "国务院办公厅关于印发《某某工作方案》的通知\n国办发〔2023〕12号\n\
//! 各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n\
//! 《某某工作方案》已经国务院同意，现印发给你们，请认真贯彻执行。\n\
//! 国务院办公厅\n2023年3月29日\n";
//! let parse = gongwen::parse(text, &gongwen::Options::default());
//! let doc = &parse.documents[0];
//! assert_eq!(doc.kind.as_deref(), Some("通知"));
//! assert_eq!(doc.doc_number.as_ref().unwrap().text, "国办发〔2023〕12号");
//! assert_eq!(doc.recipients, ["各省、自治区、直辖市人民政府", "国务院各部委", "各直属机构"]);
//! assert_eq!(doc.date.as_deref(), Some("2023-03-29"));
//! // Every value points back into the input:
//! let span = &doc.doc_number.as_ref().unwrap().span;
//! assert_eq!(&text[span.start..span.end], "国办发〔2023〕12号");
//! ```
#![forbid(unsafe_code)]

/// The README's Rust example, compiled as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

mod alloc;
mod blocks;
mod decode;
mod grammar;
mod header;
mod layout;
mod members;
mod lex;
mod model;
mod paras;
mod people;
mod sections;
mod segment;
mod table;
mod targets;
mod tasks;
mod text;
mod units;
mod values;
mod vocab;

pub use decode::{decode, DecodeError, Encoding};
pub use model::*;
pub use table::{people_rows, task_rows, PersonRow, Role, TaskRow, PERSON_COLUMNS, TASK_COLUMNS};

/// Options for [`parse`]. Construct with `Options::default()` and set fields.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Options {
    /// Year used to complete dates that omit it (`3月底前`) when the
    /// document itself gives none.
    pub default_year: Option<i32>,
    /// The documents of one input are read on up to this many threads
    /// (0 and 1: on the calling thread; always so in WebAssembly). The
    /// result is the same; with more than one thread the input's cleaned
    /// copy is held until the end, so the peak memory is higher.
    pub threads: usize,
}

/// Parses `text` into documents. Never fails and never panics.
///
/// The stages (see `ARCHITECTURE.md`): clean lines with an offset map and
/// find furniture (`layout`), segment into documents (`segment`), then
/// extract each document's header elements (`header`).
pub fn parse(text: &str, options: &Options) -> Parse {
    parse_clocked(text, options, &mut Clock::off())
}

/// Time spent in each stage of one [`parse`], for `scripts/bench` and the
/// `stage_times` example: `(stage, seconds)` in pipeline order. Not part of
/// the stable API.
#[doc(hidden)]
pub fn stage_times(text: &str, options: &Options) -> Vec<(&'static str, f64)> {
    let mut clock = Clock::on();
    drop(parse_clocked(text, options, &mut clock));
    STAGES.iter().copied().zip(clock.spent.iter().map(std::time::Duration::as_secs_f64)).collect()
}

/// The stages [`stage_times`] reports.
const STAGES: [&str; 12] =
    ["layout", "segment", "paras", "header", "sections", "tasks", "alloc", "sections_out", "targets", "people", "members", "rest"];

/// Accumulates time per stage when on; costs one branch per lap when off.
struct Clock {
    on: bool,
    last: Option<std::time::Instant>,
    spent: [std::time::Duration; 12],
}

impl Clock {
    fn off() -> Clock {
        Clock { on: false, last: None, spent: Default::default() }
    }
    fn on() -> Clock {
        Clock { on: true, last: Some(std::time::Instant::now()), spent: Default::default() }
    }
    /// The time since the last lap goes to stage `k`.
    fn lap(&mut self, k: usize) {
        if self.on {
            let now = std::time::Instant::now();
            if let (Some(t), Some(slot)) = (self.last, self.spent.get_mut(k)) {
                *slot += now - t;
            }
            self.last = Some(now);
        }
    }
}

/// The largest input [`parse`] reads, in UTF-8 bytes: offsets are stored as
/// `u32`. A longer input gives no documents and an `input_too_large` error
/// diagnostic instead of wrapped offsets.
pub const MAX_INPUT_BYTES: usize = u32::MAX as usize;

fn parse_clocked(text: &str, options: &Options, clock: &mut Clock) -> Parse {
    if text.len() > MAX_INPUT_BYTES {
        let mut out = Parse { schema_version: SCHEMA_VERSION, ..Parse::default() };
        out.diagnostics.push(Diagnostic {
            level: Level::Error,
            code: "input_too_large".into(),
            message: format!("the input is {} bytes; gongwen reads at most {MAX_INPUT_BYTES} bytes (4 GiB - 1) per call: split it", text.len()),
            span: Span::new(0, 0),
        });
        return out;
    }
    let mut layout = layout::layout(text);
    clock.lap(0);
    let seg = segment::segment(&layout);
    clock.lap(1);
    let mut out = Parse { schema_version: SCHEMA_VERSION, ..Parse::default() };
    out.diagnostics.append(&mut layout.diagnostics);
    out.furniture = std::mem::take(&mut layout.furniture);
    out.documents.reserve_exact(seg.docs.len());
    if seg.content.is_empty() {
        out.diagnostics.push(Diagnostic {
            level: Level::Warning,
            code: "empty_input".into(),
            message: if text.trim().is_empty() {
                "the input is empty".into()
            } else {
                "the input holds no document text (only page furniture)".into()
            },
            span: Span::new(0, text.len()),
        });
        return out;
    }
    if let (Some(&a), Some(&b)) = (seg.preamble.first(), seg.preamble.last()) {
        out.preamble = Some(Span::new(layout.lines[a].start(), layout.lines[b].end()));
    }
    let metadata = metadata(&layout);
    let single = seg.docs.len() == 1;
    let untitled = seg.docs.iter().all(|d| d.anchor.is_none());
    let meta: &[(String, Span, String)] = if single { &metadata } else { &[] };
    let segment::Segmented { docs, content, .. } = seg;
    drop(content);
    let workers = if cfg!(target_arch = "wasm32") { 1 } else { options.threads.min(docs.len()) };
    if workers > 1 {
        // The documents on `workers` threads, sharing the whole layout (its
        // cleaned text is not split, so it is held to the end); the
        // results and their diagnostics in document order.
        let next = std::sync::atomic::AtomicUsize::new(0);
        let (layout, docs) = (&layout, &docs);
        let mut done: Vec<(usize, Document, Vec<Diagnostic>)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..workers)
                .map(|_| {
                    scope.spawn(|| {
                        let mut mine = Vec::new();
                        loop {
                            let k = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some(doc) = docs.get(k) else { break };
                            let mut diags = Vec::new();
                            let d = read_document(text, layout, doc, meta, options, &mut Clock::off(), &mut diags);
                            mine.push((k, d, diags));
                        }
                        mine
                    })
                })
                .collect();
            // A worker that panicked (a bug) loses its documents, reported below.
            handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
        });
        done.sort_unstable_by_key(|(k, _, _)| *k);
        if done.len() < docs.len() {
            out.diagnostics.push(Diagnostic::new(Level::Error, "internal_error", format!("{} of {} documents were lost to a failed worker thread", docs.len() - done.len(), docs.len()), Span::new(0, text.len())));
        }
        for (_, d, mut diags) in done {
            out.diagnostics.append(&mut diags);
            out.documents.push(d);
        }
    } else {
        // Each document's cleaned text in a buffer of its own, dropped when
        // the document is read (the result then grows while the copy
        // shrinks). A document's lines are those it spans and those it
        // reads (`order` may reach above its first line: a title block
        // printed before a page header).
        let ranges: Vec<(usize, usize)> = docs
            .iter()
            .map(|d| d.order.iter().fold((d.first_line, d.last_line), |(lo, hi), &i| (lo.min(i), hi.max(i))))
            .collect();
        let mut pieces = layout.split_clean(&ranges).map(Vec::into_iter);
        // Each document's line lists are dropped once it is read, too.
        for doc in docs {
            if let Some(piece) = pieces.as_mut().and_then(Iterator::next) {
                layout.clean = piece;
            }
            clock.lap(11);
            let d = read_document(text, &layout, &doc, meta, options, clock, &mut out.diagnostics);
            out.documents.push(d);
        }
    }
    clock.lap(11);
    if untitled {
        out.diagnostics.push(Diagnostic {
            level: Level::Info,
            code: "no_title_block".into(),
            message: "no title block (…关于…的通知) found; the whole text is read as one document".into(),
            span: Span::new(0, 0),
        });
    }
    out
}

/// Reads one document of the segmented layout: paragraphs, header, items,
/// then every extractor.
fn read_document(
    text: &str,
    layout: &layout::Layout,
    doc: &segment::DocLines,
    meta: &[(String, Span, String)],
    options: &Options,
    clock: &mut Clock,
    diagnostics: &mut Vec<Diagnostic>,
) -> Document {
    let paras = paras::paragraphs(layout, doc);
    clock.lap(2);
    let mut d = header::extract(layout, doc, &paras, meta, diagnostics);
    clock.lap(3);
    // The title as printed (the contract's rule): full-width digits and
    // letters kept, whitespace removed.
    if let Some(printed) = d.spans.title.as_ref().and_then(|s| text::printed_form(text, s, &d.title)) {
        d.title = printed;
    }
    d.span = document_span(layout, doc.first_line, doc.last_line);
    // Values taken from the page's metadata table above the text: the
    // document's span reaches back to cover them.
    let from_meta = d.spans.title.iter().chain(&d.spans.date).chain(&d.spans.issuers).chain(d.doc_number.as_ref().map(|n| &n.span));
    if let Some(start) = from_meta.map(|s| s.start).min().filter(|&s| !meta.is_empty() && s < d.span.start) {
        d.span.start = start;
        if let Some(first) = d.span.segments.first_mut() {
            first.start = first.start.min(start);
        }
    }
    let year = d
        .date
        .as_deref()
        .and_then(|s| s.get(..4)?.parse().ok())
        .or(options.default_year)
        .or(d.doc_number.as_ref().map(|n| n.year));
    let items = sections::items(&paras);
    clock.lap(4);
    d.tasks = tasks::tasks(text, &items, &paras, year, diagnostics);
    clock.lap(5);
    // Allocation printed as groups of items or as a table.
    alloc::grouped(text, &items, &mut d.tasks);
    let rows = alloc::table_tasks(text, &paras, year);
    if !rows.is_empty() {
        d.tasks.extend(rows);
        d.tasks.sort_by_key(|t| t.span.start);
    }
    clock.lap(6);
    d.sections = items
        .iter()
        .map(|i| Section {
            marker: i.marker.clone(),
            level: i.level,
            path: i.path.clone(),
            heading: i.heading.clone(),
            text: i.text.text.trim().to_string(),
            part: i.stream,
            span: i.span.clone(),
        })
        .collect();
    clock.lap(7);
    d.targets = targets::targets(text, &paras, year);
    clock.lap(8);
    d.appointments = people::appointments(text, &paras, diagnostics);
    d.division = people::division(text, &paras, &items);
    clock.lap(9);
    d.members = members::members(text, &d.title, &paras);
    clock.lap(10);
    d
}

/// The hull of a document's lines, with segments when furniture interrupts it.
fn document_span(layout: &layout::Layout, first: usize, last: usize) -> Span {
    let mut span = Span::new(layout.lines[first].start(), layout.lines[last].end());
    let mut run: Option<(usize, usize)> = None;
    let mut segments = Vec::new();
    for l in &layout.lines[first..=last] {
        if l.furniture.is_some() && l.furniture != Some(FurnitureKind::Duplicate) {
            segments.extend(run.take().map(|(a, b)| Range { start: a, end: b }));
        } else {
            run = Some(match run {
                None => (l.start(), l.end()),
                Some((a, _)) => (a, l.end()),
            });
        }
    }
    segments.extend(run.map(|(a, b)| Range { start: a, end: b }));
    if segments.len() > 1 {
        span.segments = segments;
    }
    span
}

/// `label：value` pairs of a web page's metadata table.
fn metadata(layout: &layout::Layout) -> Vec<(String, Span, String)> {
    static PAIR: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"([^：:]{1,12}?)[：:] ?([^ ]+)").unwrap());
    let mut out = Vec::new();
    for (i, l) in layout.lines.iter().enumerate() {
        if l.furniture != Some(FurnitureKind::Metadata) {
            continue;
        }
        let t = layout.text(i);
        let base = l.clean().start;
        // A table row `| label | value |` (cells between pipes).
        if t.starts_with('|') {
            let cells: Vec<(usize, &str)> = t.match_indices('|').zip(t.match_indices('|').skip(1)).map(|((a, _), (b, _))| (a + 1, &t[a + 1..b])).collect();
            for pair in cells.chunks(2) {
                if let [(_, label), (at, value)] = pair {
                    let v = value.trim();
                    let from = at + (value.len() - value.trim_start().len());
                    let label: String = label.chars().filter(|c| *c != ' ').collect();
                    out.push((label, layout.clean.span(base + from..base + from + v.len()), v.to_string()));
                }
            }
            continue;
        }
        for c in PAIR.captures_iter(t) {
            let v = c.get(2).unwrap();
            let label: String = c[1].chars().filter(|c| !matches!(c, ' ' | '|' | '•' | '·' | '*' | '-')).collect();
            out.push((label, layout.clean.span(base + v.start()..base + v.end()), v.as_str().to_string()));
        }
    }
    out
}

#[cfg(test)]
mod pipeline_tests {
    use super::*;

    #[test]
    fn the_title_is_kept_as_printed() {
        let text = "某市人民政府关于印发某市２０２４年某某方案的通知\n某政发〔２０２４〕３号\n各区人民政府：\n现印发给你们。\n";
        let d = &parse(text, &Options::default()).documents[0];
        assert_eq!(d.title, "某市人民政府关于印发某市２０２４年某某方案的通知");
        // The number is normalised, as the contract says.
        assert_eq!(d.doc_number.as_ref().unwrap().text, "某政发〔2024〕3号");
    }

    #[test]
    fn signature_and_date_on_one_line() {
        let text = "某市人民政府办公室关于某事的通知\n某政办发〔2024〕3号\n各区人民政府：\n现将有关事项通知如下。\n某市人民政府办公室　2024年1月10日\n";
        let p = parse(text, &Options::default());
        let d = &p.documents[0];
        assert_eq!(d.date.as_deref(), Some("2024-01-10"));
        assert_eq!(d.signature, ["某市人民政府办公室"]);
    }

    #[test]
    fn orders_and_announcements_number_without_brackets() {
        let text = "某省人民政府令\n第123号\n《某省某某办法》已经省人民政府常务会议通过，现予公布，自2024年6月1日起施行。\n省长　张三\n2024年4月10日\n";
        let p = parse(text, &Options::default());
        let d = &p.documents[0];
        assert_eq!(d.kind.as_deref(), Some("令"));
        assert_eq!(d.issuers, ["某省人民政府"]);
        let n = d.doc_number.as_ref().unwrap();
        assert_eq!((n.text.as_str(), n.year, n.serial), ("某省人民政府令第123号", 2024, 123));
        let text = "某市人民政府公告\n2024年第3号\n现将有关事项公告如下。\n某市人民政府\n2024年3月1日\n";
        let n = parse(text, &Options::default()).documents[0].doc_number.clone().unwrap();
        assert_eq!((n.text.as_str(), n.year, n.serial), ("2024年第3号", 2024, 3));
    }
}
