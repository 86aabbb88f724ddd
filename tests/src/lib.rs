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

/// Every `NAME.txt` of `corpus/SUBDIR` with its hand-written
/// `NAME.expected.json`, sorted by name: `(name, text, expectation)`.
pub fn expected_pairs(subdir: &str) -> Vec<(String, String, serde_json::Value)> {
    let dir = corpus_dir().join(subdir);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap_or_default().to_string_lossy().to_string();
            let json_path = path.with_extension("expected.json");
            let json = std::fs::read_to_string(&json_path).unwrap_or_else(|_| panic!("{name}: no {}", json_path.display()));
            let expected = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{name}: bad expectation: {e}"));
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
            (name, text, expected)
        })
        .collect()
}

/// Compares expected records (JSON objects, hand-written) with the parse's,
/// pairwise in order: the same count, and each key an expected object gives
/// equal in the record. Differences are pushed to `failures`.
pub fn compare_records(name: &str, what: &str, want: &[serde_json::Value], got: &[serde_json::Value], failures: &mut Vec<String>) {
    use serde_json::Value;
    if want.len() != got.len() {
        failures.push(format!("{name}: {what}: {} expected, got {}: {}", want.len(), got.len(), Value::from(got.to_vec())));
        return;
    }
    for (k, (w, g)) in want.iter().zip(got).enumerate() {
        for (key, value) in w.as_object().expect("an expected record is an object") {
            if g.get(key) != Some(value) {
                failures.push(format!("{name}: {what}[{k}].{key} expected {value}, got {}", g.get(key).unwrap_or(&Value::Null)));
            }
        }
    }
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

/// Mismatches of one test, collected and reported together at the end, so
/// that one run shows every wrong field of a document.
#[derive(Default)]
pub struct Errs(pub Vec<String>);

impl Errs {
    /// Records a mismatch when `got != want`.
    pub fn eq<T: PartialEq + std::fmt::Debug + ?Sized>(&mut self, what: &str, got: &T, want: &T) {
        if got != want {
            self.0.push(format!("{what}: expected {want:?}, got {got:?}"));
        }
    }
    /// Records a mismatch unless `got` is one of `wants` (values the
    /// contract leaves open).
    pub fn any<T: PartialEq + std::fmt::Debug + ?Sized>(&mut self, what: &str, got: &T, wants: &[&T]) {
        if !wants.contains(&got) {
            self.0.push(format!("{what}: expected one of {wants:?}, got {got:?}"));
        }
    }
    /// Records `detail` unless `ok`.
    pub fn check(&mut self, what: &str, ok: bool, detail: String) {
        if !ok {
            self.0.push(format!("{what}: {detail}"));
        }
    }
    /// Panics with every mismatch recorded, if any.
    pub fn finish(self, name: &str) {
        if !self.0.is_empty() {
            panic!("{name}: {} mismatch(es):\n  - {}", self.0.len(), self.0.join("\n  - "));
        }
    }
}
