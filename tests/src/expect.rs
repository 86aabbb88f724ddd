//! The expectation language of `corpus/**/NAME.expected.json` (documented in
//! `corpus/README.md`): a partial, hand-written picture of the parse's JSON
//! (the contract's shape, UTF-8 byte spans), compared key by key.
use serde_json::{Map, Value};

/// What one comparison found.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Differences, each naming its place (a JSON pointer), the value
    /// expected and the value found.
    pub failures: Vec<String>,
    /// Pending gaps that still hold (`"pending"` entries that do not match).
    pub pending: usize,
}

/// Record lists that may be given at the top level: gathered from every
/// document of the parse, in order.
pub const GATHERED: &[&str] = &["tasks", "appointments", "division", "members", "targets", "citations", "attachments"];

/// The value expectations are read against: the parse's JSON plus the
/// [`GATHERED`] lists.
pub fn view(parse_json: &Value) -> Value {
    let mut view = parse_json.as_object().cloned().unwrap_or_default();
    let docs = parse_json.get("documents").and_then(Value::as_array).cloned().unwrap_or_default();
    for key in GATHERED {
        let all: Vec<Value> = docs.iter().filter_map(|d| d.get(*key).and_then(Value::as_array)).flatten().cloned().collect();
        view.insert((*key).to_string(), Value::Array(all));
    }
    Value::Object(view)
}

/// Compares an expectation file's value with a parse's JSON; `input` is the
/// parsed text (for `$text`).
pub fn check(want: &Value, parse_json: &Value, input: &str) -> Outcome {
    let got = view(parse_json);
    let mut out = Outcome::default();
    let Some(want) = want.as_object() else {
        out.failures.push("the expectation is not a JSON object".into());
        return out;
    };
    for (key, w) in want {
        match key.as_str() {
            "diagnostics" => {
                for code in w.as_array().into_iter().flatten() {
                    let found = got["diagnostics"].as_array().into_iter().flatten().any(|d| d.get("code") == Some(code));
                    if !found {
                        out.failures.push(format!("no diagnostic {code}"));
                    }
                }
            }
            "pending" => {
                for (k, gap) in w.as_array().into_iter().flatten().enumerate() {
                    let (Some(at), Some(value)) = (gap.get("at").and_then(Value::as_str), gap.get("want")) else {
                        out.failures.push(format!("pending[{k}] needs \"at\" (a JSON pointer) and \"want\""));
                        continue;
                    };
                    if gap.get("why").and_then(Value::as_str).unwrap_or_default().is_empty() {
                        out.failures.push(format!("pending[{k}] ({at}) says no \"why\""));
                    }
                    let here = got.pointer(at).unwrap_or(&Value::Null);
                    let mut diffs = Vec::new();
                    matches(value, here, at, input, &mut diffs);
                    if diffs.is_empty() {
                        out.failures.push(format!("pending gap {at} is closed: move {value} into the expectations"));
                    } else {
                        out.pending += 1;
                    }
                }
            }
            k if k.starts_with("//") => {}
            k => {
                let here = got.get(k).unwrap_or(&Value::Null);
                matches(w, here, &format!("/{k}"), input, &mut out.failures);
            }
        }
    }
    out
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 300 {
        format!("{}…", s.chars().take(300).collect::<String>())
    } else {
        s
    }
}

fn strip_ws(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// `want` against `got` at `at`; differences are pushed to `diffs`.
pub fn matches(want: &Value, got: &Value, at: &str, input: &str, diffs: &mut Vec<String>) {
    let fail = |diffs: &mut Vec<String>, what: String| diffs.push(format!("{at}: {what}"));
    match want {
        Value::Object(w) if w.len() == 1 && w.keys().all(|k| k.starts_with('$')) => {
            let (op, arg) = w.iter().next().expect("one key");
            operator(op, arg, got, at, input, diffs);
        }
        Value::Object(w) => {
            let Some(g) = got.as_object() else {
                return fail(diffs, format!("expected an object {}, got {}", short(want), short(got)));
            };
            object(w, g, at, input, diffs);
        }
        Value::Array(w) => {
            let Some(g) = got.as_array() else {
                return fail(diffs, format!("expected a list {}, got {}", short(want), short(got)));
            };
            if w.len() != g.len() {
                return fail(diffs, format!("expected {} items, got {}: {}", w.len(), g.len(), short(got)));
            }
            for (k, (wi, gi)) in w.iter().zip(g).enumerate() {
                matches(wi, gi, &format!("{at}/{k}"), input, diffs);
            }
        }
        // A string stands for a record's `text` (doc_number, deadline).
        Value::String(s) if got.get("text").is_some() => {
            if got["text"].as_str() != Some(s) {
                fail(diffs, format!("expected {want}, got {}", short(&got["text"])));
            }
        }
        Value::Number(n) => {
            if got.as_f64() != n.as_f64() {
                fail(diffs, format!("expected {want}, got {}", short(got)));
            }
        }
        _ => {
            if want != got {
                fail(diffs, format!("expected {want}, got {}", short(got)));
            }
        }
    }
}

fn object(w: &Map<String, Value>, g: &Map<String, Value>, at: &str, input: &str, diffs: &mut Vec<String>) {
    for (key, wv) in w {
        if key.starts_with("//") {
            continue;
        }
        let gv = g.get(key).unwrap_or(&Value::Null);
        matches(wv, gv, &format!("{at}/{key}"), input, diffs);
    }
}

/// The first of `wants` that `got` matches.
fn first_match<'a>(wants: &'a [Value], got: &Value, at: &str, input: &str) -> Option<&'a Value> {
    wants.iter().find(|w| {
        let mut d = Vec::new();
        matches(w, got, at, input, &mut d);
        d.is_empty()
    })
}

fn operator(op: &str, arg: &Value, got: &Value, at: &str, input: &str, diffs: &mut Vec<String>) {
    let fail = |diffs: &mut Vec<String>, what: String| diffs.push(format!("{at}: {what}"));
    match op {
        // One of several defensible values.
        "$any" => {
            if first_match(arg.as_array().map(Vec::as_slice).unwrap_or_default(), got, at, input).is_none() {
                fail(diffs, format!("expected one of {}, got {}", short(arg), short(got)));
            }
        }
        // Every one of the given expectations.
        "$all" => {
            for w in arg.as_array().into_iter().flatten() {
                matches(w, got, at, input, diffs);
            }
        }
        // Each listed item matches some item of the list, in any order.
        "$contains" => {
            let items = got.as_array().map(Vec::as_slice).unwrap_or_default();
            for (k, w) in arg.as_array().into_iter().flatten().enumerate() {
                if items.iter().all(|g| first_match(std::slice::from_ref(w), g, at, input).is_none()) {
                    fail(diffs, format!("$contains[{k}]: no item matches {}; the list is {}", short(w), short(got)));
                }
            }
        }
        // No item of the list matches.
        "$lacks" => {
            let items = got.as_array().map(Vec::as_slice).unwrap_or_default();
            for w in arg.as_array().into_iter().flatten() {
                if let Some(hit) = items.iter().find(|g| first_match(std::slice::from_ref(w), g, at, input).is_some()) {
                    fail(diffs, format!("an item matches {} that must not: {}", short(w), short(hit)));
                }
            }
        }
        // The length of a list or the characters of a string.
        "$len" => {
            let n = match got {
                Value::Array(a) => Some(a.len()),
                Value::String(s) => Some(s.chars().count()),
                _ => None,
            };
            if n.map(|n| n as u64) != arg.as_u64() {
                fail(diffs, format!("expected length {arg}, got {}", short(got)));
            }
        }
        // A string that contains the given text.
        "$includes" => {
            let ok = matches!((got.as_str(), arg.as_str()), (Some(g), Some(a)) if g.contains(a));
            if !ok {
                fail(diffs, format!("expected a string including {arg}, got {}", short(got)));
            }
        }
        // A span covering the given text (whitespace ignored).
        "$text" => {
            let (Some(s), Some(e)) = (got.get("start").and_then(Value::as_u64), got.get("end").and_then(Value::as_u64)) else {
                return fail(diffs, format!("expected a span, got {}", short(got)));
            };
            let covered = input.get(s as usize..e as usize).unwrap_or("<bad span>");
            if strip_ws(covered) != strip_ws(arg.as_str().unwrap_or_default()) {
                fail(diffs, format!("expected a span covering {arg}, it covers {covered:?}"));
            }
        }
        // Anything but the given value.
        "$not" => {
            let mut d = Vec::new();
            matches(arg, got, at, input, &mut d);
            if d.is_empty() {
                fail(diffs, format!("expected anything but {}", short(arg)));
            }
        }
        other => fail(diffs, format!("unknown operator {other}")),
    }
}

/// What holds of every parse, whatever the text: every span (any object
/// with `start` and `end`) lies in the input on char boundaries, with its
/// segments inside it; each document's title, issuers, recipients and
/// enclosed titles equal the text their spans cover (whitespace removed)
/// and lie inside the document's span, as do its number and date; the
/// documents are in input order and do not overlap; each task's units
/// equal the text their spans cover.
pub fn span_failures(input: &str, parse: &gongwen::Parse) -> Vec<String> {
    let mut out = Vec::new();
    let json = serde_json::to_value(parse).expect("a parse serialises");
    walk(&json, "", input, &mut out);
    for (k, pair) in parse.documents.windows(2).enumerate() {
        if pair[1].span.start < pair[0].span.end {
            out.push(format!("documents {k} and {}: spans {}..{} and {}..{} overlap or are out of order", k + 1, pair[0].span.start, pair[0].span.end, pair[1].span.start, pair[1].span.end));
        }
    }
    for (k, d) in parse.documents.iter().enumerate() {
        let inside = |s: &gongwen::Span| d.span.start <= s.start && s.end <= d.span.end;
        let header = [("doc_number", d.doc_number.as_ref().map(|n| &n.span)), ("date", d.spans.date.as_ref())];
        for (what, s) in header {
            if let Some(s) = s.filter(|s| !inside(s)) {
                out.push(format!("document {k}: the {what} span {}..{} is outside the document's {}..{}", s.start, s.end, d.span.start, d.span.end));
            }
        }
        let covered = |s: &gongwen::Span| covered_text(input, s);
        if let Some(s) = &d.spans.title {
            if covered(s) != plain(&d.title) {
                out.push(format!("document {k}: the title span covers {:?}, the title is {:?}", covered(s), d.title));
            }
            if !inside(s) {
                out.push(format!("document {k}: the title span {}..{} is outside the document's {}..{}", s.start, s.end, d.span.start, d.span.end));
            }
        }
        let lists: [(&str, &Vec<String>, &Vec<gongwen::Span>); 3] =
            [("issuers", &d.issuers, &d.spans.issuers), ("recipients", &d.recipients, &d.spans.recipients), ("enclosed_titles", &d.enclosed_titles, &d.spans.enclosed_titles)];
        for (what, values, spans) in lists {
            if values.len() != spans.len() {
                out.push(format!("document {k}: {} {what} but {} spans", values.len(), spans.len()));
                continue;
            }
            for (v, s) in values.iter().zip(spans) {
                if covered(s) != plain(v) {
                    out.push(format!("document {k}: a span of {what} covers {:?}, the value is {v:?}", covered(s)));
                }
                if !inside(s) {
                    out.push(format!("document {k}: a span of {what} ({v}) is outside the document"));
                }
            }
        }
        for t in &d.tasks {
            let units = t.lead_units.iter().zip(&t.spans.lead_units).chain(t.responsible_units.iter().zip(&t.spans.responsible_units));
            for (u, s) in units {
                if covered(s) != plain(u) {
                    out.push(format!("document {k}: task {}: the unit {u:?} has a span covering {:?}", t.number, covered(s)));
                }
            }
        }
    }
    out
}

/// A value as compared with its source: whitespace removed, full-width
/// ASCII forms as ASCII (the contract normalises full-width digits).
fn plain(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// The text a span covers, its segments joined when it has them, as
/// [`plain`] text.
fn covered_text(input: &str, s: &gongwen::Span) -> String {
    if s.segments.is_empty() {
        plain(input.get(s.start..s.end).unwrap_or_default())
    } else {
        s.segments.iter().map(|r| plain(input.get(r.start..r.end).unwrap_or_default())).collect()
    }
}

fn walk(v: &Value, at: &str, input: &str, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            if let (Some(s), Some(e)) = (m.get("start").and_then(Value::as_u64), m.get("end").and_then(Value::as_u64)) {
                let (s, e) = (s as usize, e as usize);
                if s > e || e > input.len() || !input.is_char_boundary(s) || !input.is_char_boundary(e) {
                    out.push(format!("{at}: span {s}..{e} is not a range of the input ({} bytes) on char boundaries", input.len()));
                }
                for seg in m.get("segments").and_then(Value::as_array).into_iter().flatten() {
                    let (ss, se) = (seg["start"].as_u64().unwrap_or(0) as usize, seg["end"].as_u64().unwrap_or(0) as usize);
                    if ss < s || se > e || ss > se {
                        out.push(format!("{at}: segment {ss}..{se} is outside its span {s}..{e}"));
                    }
                }
            }
            for (k, x) in m {
                walk(x, &format!("{at}/{k}"), input, out);
            }
        }
        Value::Array(a) => {
            for (k, x) in a.iter().enumerate() {
                walk(x, &format!("{at}/{k}"), input, out);
            }
        }
        _ => {}
    }
}
