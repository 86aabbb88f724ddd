//! Shared helpers for the corpus tests: paths to the corpus, the expectation
//! language ([`expect`]) and the review rendering ([`render`]).

pub mod expect;
pub use expect::span_failures;
use std::path::PathBuf;

/// The repository's `corpus/` directory.
pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join("corpus")
}

/// Reads a corpus file (path relative to `corpus/`).
pub fn read_corpus(rel: &str) -> String {
    let p = corpus_dir().join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("reading {}: {e}", p.display()))
}

/// A review-friendly rendering of a parse: every header value with its span
/// and the source text the span covers (whitespace collapsed), in the style
/// of a golden-token file. Used by the snapshot tests.
pub fn render(input: &str, p: &gongwen::Parse) -> String {
    use std::fmt::Write;
    let src = |s: &gongwen::Span| -> String {
        let raw = input.get(s.start..s.end).unwrap_or("<bad span>");
        // Line breaks show as ⏎, other whitespace runs as one space.
        let t: String = raw
            .split('\n')
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("⏎");
        if t.chars().count() > 60 {
            let head: String = t.chars().take(28).collect();
            let tail: String = t.chars().rev().take(28).collect::<Vec<_>>().into_iter().rev().collect();
            format!("{head}…{tail}")
        } else {
            t
        }
    };
    let mut o = String::new();
    for (k, d) in p.documents.iter().enumerate() {
        let _ = writeln!(o, "document {} @{}..{} segments={}", k + 1, d.span.start, d.span.end, d.span.segments.len());
        let _ = writeln!(o, "  kind: {:?}", d.kind);
        let _ = writeln!(o, "  title: {}", d.title);
        if let Some(s) = &d.spans.title {
            let _ = writeln!(o, "    @{}..{} {}", s.start, s.end, src(s));
        }
        match &d.doc_number {
            Some(n) => {
                let _ = writeln!(o, "  doc_number: {} ({} / {} / {}) @{}..{} {}", n.text, n.agency, n.year, n.serial, n.span.start, n.span.end, src(&n.span));
            }
            None => {
                let _ = writeln!(o, "  doc_number: null");
            }
        }
        for (i, v) in d.issuers.iter().enumerate() {
            let s = d.spans.issuers.get(i).map(|s| format!("@{}..{} {}", s.start, s.end, src(s))).unwrap_or_default();
            let _ = writeln!(o, "  issuer: {v} {s}");
        }
        for (i, v) in d.recipients.iter().enumerate() {
            let s = d.spans.recipients.get(i).map(|s| format!("@{}..{} {}", s.start, s.end, src(s))).unwrap_or_default();
            let _ = writeln!(o, "  recipient: {v} {s}");
        }
        let ds = d.spans.date.as_ref().map(|s| format!("@{}..{} {}", s.start, s.end, src(s))).unwrap_or_default();
        let _ = writeln!(o, "  date: {:?} {ds}", d.date);
        if !d.signature.is_empty() {
            let _ = writeln!(o, "  signature: {}", d.signature.join(" | "));
        }
        for e in &d.enclosed_titles {
            let _ = writeln!(o, "  enclosed: {e}");
        }
        for a in &d.attachments {
            let _ = writeln!(o, "  attachment {}: {} omitted={} @{}..{} {}", a.index, a.title, a.omitted, a.span.start, a.span.end, src(&a.span));
        }
        for c in &d.citations {
            let _ = writeln!(o, "  citation: title={:?} number={:?} @{}..{} {}", c.title, c.doc_number, c.span.start, c.span.end, src(&c.span));
        }
        for (label, v) in [("cc", d.cc.join(" | ")), ("notes", d.notes.join(" | ")), ("signers", d.signers.join(" | "))] {
            if !v.is_empty() {
                let _ = writeln!(o, "  {label}: {v}");
            }
        }
        for t in &d.tasks {
            let dl = t.deadline.as_ref().map(|x| format!("{} → {}", x.text, x.date.as_deref().unwrap_or("null"))).unwrap_or_else(|| "-".into());
            let _ = writeln!(o, "  task {}{} {}", t.path.join(""), t.number, t.heading);
            let _ = writeln!(o, "    officials: {} | lead: {} | deadline: {dl}", t.lead_officials.join("、"), t.lead_units.join("、"));
            let _ = writeln!(o, "    units: {}", t.responsible_units.join("、"));
            if !t.implied_units.is_empty() {
                let _ = writeln!(o, "    implied: {}", t.implied_units.join("、"));
            }
            let _ = writeln!(o, "    @{}..{} {}", t.span.start, t.span.end, src(&t.span));
        }
        for a in &d.appointments {
            let note = a.note.as_deref().map(|n| format!(" ({n})")).unwrap_or_default();
            let _ = writeln!(o, "  {:?} {}: {}{note} @{}..{} {}", a.action, a.person, a.position, a.span.start, a.span.end, src(&a.span));
        }
        for a in &d.division {
            let _ = writeln!(o, "  leader {} [{}] backup={:?}", a.person, a.titles.join("、"), a.backup);
            for (label, v) in [("duties", &a.duties), ("supervises", &a.supervises), ("liaises", &a.liaises), ("concurrent", &a.concurrent)] {
                if !v.is_empty() {
                    let _ = writeln!(o, "    {label}: {}", v.join(" | "));
                }
            }
        }
        for m in &d.members {
            let group = m.group.as_deref().unwrap_or("-");
            let person = m.person.as_deref().unwrap_or("-");
            let _ = writeln!(o, "  member [{group}] {}: {person} {} change={:?} @{}..{} {}", m.role, m.position, m.change, m.span.start, m.span.end, src(&m.span));
        }
        for t in &d.targets {
            let _ = writeln!(o, "  target: {} {} {} {:?} year={:?} @{}..{} {}", t.indicator, t.value, t.unit, t.qualifier, t.year, t.span.start, t.span.end, src(&t.span));
        }
    }
    for f in &p.furniture {
        let _ = writeln!(o, "furniture {:?} @{}..{} {}", f.kind, f.span.start, f.span.end, src(&f.span));
    }
    for d in &p.diagnostics {
        let _ = writeln!(o, "diagnostic {:?} {}: {}", d.level, d.code, d.message);
    }
    o
}
