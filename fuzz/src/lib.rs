//! The invariants both fuzz targets check on one text.
//!
//! Spans are found generically: the `Parse` is serialised to a
//! `serde_json::Value` and every object with numeric `start` and `end` is a
//! span (document spans, per-value spans, `segments` entries alike), so a
//! span added to the model later is checked without touching this file.
//!
//! 1. every span: `start <= end <= text.len()`, both on char boundaries;
//!    every `segments` entry lies inside its span's `start..end`;
//! 2. every target's `value` (the model's one f64) is finite: a NaN or an
//!    infinity would be written as JSON `null`;
//! 3. parsing is deterministic (two parses serialise equal);
//! 4. `convert_offsets` to `CodePoint` and to `Utf16` changes exactly the
//!    spans, each to the offset counted here independently (chars /
//!    UTF-16 units of `text[..offset]`), and nothing else.

use gongwen::{Options, Parse, Unit};
use serde_json::Value;

/// Runs every check on `text`; panics (with the JSON path of the offending
/// value) on the first violation.
pub fn check(text: &str) {
    let options = Options::default();
    let parse = gongwen::parse(text, &options);
    let json = to_json(&parse);

    walk_spans(&json, &mut String::from("$"), &mut |path, start, end, obj| {
        check_span(text, path, start, end);
        if let Some(Value::Array(segs)) = obj.get("segments") {
            for (i, seg) in segs.iter().enumerate() {
                let (s, e) = start_end(seg).unwrap_or_else(|| panic!("{path}.segments[{i}] is not a range: {seg}"));
                assert!(
                    start <= s && e <= end,
                    "{path}.segments[{i}] = {s}..{e} lies outside its span {start}..{end}"
                );
            }
        }
    });
    for (i, d) in parse.documents.iter().enumerate() {
        for (j, t) in d.targets.iter().enumerate() {
            assert!(t.value.is_finite(), "$.documents[{i}].targets[{j}].value is {} (serialises as null)", t.value);
        }
    }

    let again = to_json(&gongwen::parse(text, &options));
    if let Some(d) = first_diff(&json, &again, &mut String::from("$")) {
        panic!("parse is not deterministic: two parses of the same text differ at {d}");
    }

    for unit in [Unit::CodePoint, Unit::Utf16] {
        let table = reference_table(text, unit);
        let mut expected = json.clone();
        map_spans(&mut expected, &|o| table[o]);
        let mut converted = parse.clone();
        converted.convert_offsets(text, unit);
        let got = to_json(&converted);
        if let Some(d) = first_diff(&expected, &got, &mut String::from("$")) {
            panic!("convert_offsets({unit:?}) disagrees with the reference conversion at {d} (expected first, got second)");
        }
    }
}

fn to_json(p: &Parse) -> Value {
    serde_json::to_value(p).expect("a Parse serialises to JSON")
}

fn start_end(v: &Value) -> Option<(usize, usize)> {
    let o = v.as_object()?;
    let s = o.get("start")?.as_u64()?;
    let e = o.get("end")?.as_u64()?;
    Some((s as usize, e as usize))
}

fn check_span(text: &str, path: &str, start: usize, end: usize) {
    assert!(start <= end, "{path}: start {start} > end {end}");
    assert!(end <= text.len(), "{path}: end {end} > text.len() {}", text.len());
    assert!(text.is_char_boundary(start), "{path}: start {start} is not a char boundary");
    assert!(text.is_char_boundary(end), "{path}: end {end} is not a char boundary");
}

/// Calls `f(path, start, end, object)` on every span in `v`, outermost first.
fn walk_spans(
    v: &Value,
    path: &mut String,
    f: &mut impl FnMut(&str, usize, usize, &serde_json::Map<String, Value>),
) {
    match v {
        Value::Object(o) => {
            if let Some((s, e)) = start_end(v) {
                f(path, s, e, o);
            }
            for (k, x) in o {
                let n = path.len();
                path.push('.');
                path.push_str(k);
                walk_spans(x, path, f);
                path.truncate(n);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                let n = path.len();
                path.push_str(&format!("[{i}]"));
                walk_spans(x, path, f);
                path.truncate(n);
            }
        }
        _ => {}
    }
}

/// `table[b]` = the offset in `unit` of byte offset `b`, for every char
/// boundary `b` of `text` (including `text.len()`), counted independently of
/// the library: the chars / UTF-16 units of `text[..b]`.
fn reference_table(text: &str, unit: Unit) -> Vec<usize> {
    let mut table = vec![usize::MAX; text.len() + 1];
    let mut u = 0;
    for (b, c) in text.char_indices() {
        table[b] = u;
        u += match unit {
            Unit::CodePoint => 1,
            Unit::Utf16 => c.len_utf16(),
            _ => c.len_utf8(),
        };
    }
    table[text.len()] = u;
    debug_assert_eq!(
        u,
        match unit {
            Unit::CodePoint => text.chars().count(),
            Unit::Utf16 => text.encode_utf16().count(),
            _ => text.len(),
        }
    );
    table
}

/// Rewrites `start`/`end` of every span (and segment) in `v` through `f`.
fn map_spans(v: &mut Value, f: &impl Fn(usize) -> usize) {
    match v {
        Value::Object(o) => {
            if let Some((s, e)) = start_end(&Value::Object(o.clone())) {
                o.insert("start".into(), Value::from(f(s)));
                o.insert("end".into(), Value::from(f(e)));
            }
            for x in o.values_mut() {
                map_spans(x, f);
            }
        }
        Value::Array(a) => {
            for x in a {
                map_spans(x, f);
            }
        }
        _ => {}
    }
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 200 {
        format!("{}…", s.chars().take(200).collect::<String>())
    } else {
        s
    }
}

/// The path and both values of the first place `a` and `b` differ.
fn first_diff(a: &Value, b: &Value, path: &mut String) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                let n = path.len();
                path.push('.');
                path.push_str(k);
                let d = match y.get(k) {
                    Some(vb) => first_diff(va, vb, path),
                    None => Some(format!("{path}: {} vs (missing)", short(va))),
                };
                path.truncate(n);
                if d.is_some() {
                    return d;
                }
            }
            y.keys()
                .find(|k| !x.contains_key(*k))
                .map(|k| format!("{path}.{k}: (missing) vs {}", short(&y[k])))
        }
        (Value::Array(x), Value::Array(y)) => {
            for (i, (va, vb)) in x.iter().zip(y).enumerate() {
                let n = path.len();
                path.push_str(&format!("[{i}]"));
                let d = first_diff(va, vb, path);
                path.truncate(n);
                if d.is_some() {
                    return d;
                }
            }
            (x.len() != y.len()).then(|| format!("{path}: {} items vs {} items", x.len(), y.len()))
        }
        _ => (a != b).then(|| format!("{path}: {} vs {}", short(a), short(b))),
    }
}
