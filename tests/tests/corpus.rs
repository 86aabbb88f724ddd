//! The one harness over `corpus/`: every `NAME.txt` under it (any depth) is
//! parsed and
//!
//! 1. checked for what holds of every parse (spans in bounds and on char
//!    boundaries, header values equal to the text their spans cover with
//!    whitespace removed, values inside their document's span);
//! 2. compared with `NAME.expected.json` beside it, when there is one:
//!    values written by hand from reading the text, only what was checked
//!    (the expectation language is in `corpus/README.md`);
//! 3. rendered into a reviewed snapshot (`snapshots/corpus__snapshot@DIR__NAME.txt.snap`).
//!
//! Adding a case is adding two files: the text and its expectations.

use gongwen::{decode, parse, Options, Parse};
use gongwen_corpus_tests::{corpus_dir, expect, render, span_failures};
use std::path::{Path, PathBuf};

/// Every `.txt` under `corpus/`, sorted, with its path relative to `corpus/`.
fn corpus_texts() -> Vec<(String, PathBuf)> {
    let root = corpus_dir();
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display())) {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "txt") {
                let rel = path.strip_prefix(&root).expect("under corpus/").to_string_lossy().replace('\\', "/");
                out.push((rel, path));
            }
        }
    }
    out.sort();
    out
}

/// The text of a corpus file: UTF-8, or whatever encoding `decode` finds.
fn read_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    decode(&bytes).unwrap_or_else(|e| panic!("decoding {}: {e}", path.display())).0
}

fn run(path: &Path) -> (String, Parse) {
    let text = read_text(path);
    let p = parse(&text, &Options::default());
    (text, p)
}

#[test]
fn every_corpus_text_meets_its_expectations() {
    let texts = corpus_texts();
    assert!(texts.len() >= 150, "the corpus is missing files: {} texts", texts.len());
    let mut failures = Vec::new();
    let (mut checked, mut pending) = (0, 0);
    for (rel, path) in &texts {
        let (text, p) = run(path);
        for f in span_failures(&text, &p) {
            failures.push(format!("{rel}: {f}"));
        }
        let json_path = path.with_extension("expected.json");
        if !json_path.exists() {
            continue;
        }
        let raw = std::fs::read_to_string(&json_path).unwrap_or_else(|e| panic!("reading {}: {e}", json_path.display()));
        let want: serde_json::Value = match serde_json::from_str(&raw) {
            Ok(v) => v,
            Err(e) => {
                failures.push(format!("{rel}: the expectation is not JSON: {e}"));
                continue;
            }
        };
        let got = serde_json::to_value(&p).expect("a parse serialises");
        let outcome = expect::check(&want, &got, &text);
        checked += 1;
        pending += outcome.pending;
        failures.extend(outcome.failures.into_iter().map(|f| format!("{rel}: {f}")));
    }
    assert!(checked >= 40, "only {checked} texts have expectations");
    eprintln!("{} texts, {checked} with expectations, {pending} pending gaps", texts.len());
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_expectation_file_has_its_text() {
    let mut orphans = Vec::new();
    let mut stack = vec![corpus_dir()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("a corpus directory") {
            let path = entry.expect("a directory entry").path();
            let name = path.to_string_lossy().to_string();
            if path.is_dir() {
                stack.push(path);
            } else if let Some(stem) = name.strip_suffix(".expected.json") {
                if !Path::new(&format!("{stem}.txt")).exists() {
                    orphans.push(name);
                }
            }
        }
    }
    assert!(orphans.is_empty(), "expectations without a text: {orphans:?}");
}

#[test]
fn snapshot() {
    insta::glob!("../../corpus", "**/*.txt", |path| {
        let (text, p) = run(path);
        insta::assert_snapshot!(render(&text, &p));
    });
}
