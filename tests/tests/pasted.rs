//! Real text as people paste it (`corpus/pasted/`): one invented text per
//! shape, its expectations in `NAME.expected.json` beside it, written by
//! hand from reading the text. Only the fields an expectation names are
//! compared, document by document:
//!
//! `{"documents": [{"title": "…", "kind": "…", "doc_number": "…" | null,
//! "date": "YYYY-MM-DD" | null, "issuers": ["…"]}]}`
//!
//! `doc_number` compares the number's text; `documents` must have exactly
//! the listed length. A top-level `"diagnostics": ["code", …]` lists codes
//! that must be reported.

use gongwen::{parse, Document, Options};
use serde_json::Value;

fn field(d: &Document, key: &str) -> Value {
    match key {
        "title" => Value::from(d.title.as_str()),
        "kind" => d.kind.as_deref().map_or(Value::Null, Value::from),
        "doc_number" => d.doc_number.as_ref().map_or(Value::Null, |n| Value::from(n.text.as_str())),
        "date" => d.date.as_deref().map_or(Value::Null, Value::from),
        "issuers" => Value::from(d.issuers.clone()),
        "recipients" => Value::from(d.recipients.clone()),
        other => panic!("the harness does not compare `{other}`"),
    }
}

#[test]
fn pasted_texts_give_their_expected_headers() {
    let pairs = gongwen_corpus_tests::expected_pairs("pasted");
    assert!(pairs.len() >= 16, "the pasted corpus is missing files: {}", pairs.len());
    let mut failures = Vec::new();
    for (name, text, expected) in &pairs {
        let got = parse(text, &Options::default());
        // `"diagnostics": ["code", …]`: each listed code is reported.
        for code in expected["diagnostics"].as_array().into_iter().flatten() {
            if !got.diagnostics.iter().any(|d| code.as_str() == Some(d.code.as_str())) {
                failures.push(format!("{name}: no diagnostic {code}"));
            }
        }
        let want = expected["documents"].as_array().expect("documents is a list");
        if want.len() != got.documents.len() {
            let titles: Vec<&str> = got.documents.iter().map(|d| d.title.as_str()).collect();
            failures.push(format!("{name}: {} documents expected, got {titles:?}", want.len()));
            continue;
        }
        for (k, (w, d)) in want.iter().zip(&got.documents).enumerate() {
            for (key, value) in w.as_object().expect("a document is an object") {
                let have = field(d, key);
                if &have != value {
                    failures.push(format!("{name}: document {k}: {key} expected {value}, got {have}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} pasted texts differ:\n{}", failures.len(), pairs.len(), failures.join("\n"));
}
