//! Text without its line breaks is normal input: every single-document
//! file of the corpus, flattened onto one line (joined with nothing, with
//! single spaces, or with U+3000 column gaps, as crawlers and paste boxes
//! leave it), must give the same header as the file with its line breaks.

use gongwen::{decode, parse, Options};
use gongwen_corpus_tests::corpus_dir;

/// The files whose flattened forms do not yet reach the lined header:
/// `corpus/flattened-gaps.list`, one path per line (`#` comments).
fn known_gaps() -> Vec<String> {
    let list = std::fs::read_to_string(corpus_dir().join("flattened-gaps.list")).expect("corpus/flattened-gaps.list");
    list.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_string).collect()
}

type Header = (String, Option<String>, Vec<String>, Option<String>, Vec<String>, usize);

fn header(text: &str) -> Vec<Header> {
    parse(text, &Options::default())
        .documents
        .into_iter()
        .map(|d| (d.title, d.doc_number.map(|n| n.text), d.recipients, d.date, d.issuers, d.attachments.len()))
        .collect()
}

/// `(file, lined text)` of every single-document corpus file.
fn single_documents() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in ["constructed", "constructed/probe", "real"] {
        let mut files: Vec<_> = std::fs::read_dir(corpus_dir().join(dir)).unwrap().filter_map(|e| e.ok()).map(|e| e.path()).collect();
        files.sort();
        for p in files.into_iter().filter(|p| p.extension().is_some_and(|x| x == "txt")) {
            let text = decode(&std::fs::read(&p).unwrap()).unwrap().0;
            if header(&text).len() == 1 {
                out.push((format!("{dir}/{}", p.file_name().unwrap().to_string_lossy()), text));
            }
        }
    }
    out
}

/// Files (among `want_gaps` or not) whose flattened header differs.
fn mismatches(want_gaps: bool) -> (usize, Vec<(String, String)>) {
    let gaps = known_gaps();
    let docs: Vec<_> = single_documents().into_iter().filter(|(f, _)| gaps.contains(f) == want_gaps).collect();
    let mut bad = Vec::new();
    for (file, text) in &docs {
        let lined = header(text);
        let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        for sep in ["", " ", "\u{3000}\u{3000}"] {
            let flat = header(&(lines.join(sep) + "\n"));
            if flat != lined {
                bad.push((file.clone(), format!("{file} joined with {sep:?}:\n  lined {:?}\n  flat  {:?}", lined.first(), flat.first())));
            }
        }
    }
    (docs.len(), bad)
}

#[test]
fn flattened_documents_give_the_lined_header() {
    let (n, bad) = mismatches(false);
    assert!(n >= 40, "only {n} single-document files found");
    let bad: Vec<String> = bad.into_iter().map(|(_, why)| why).collect();
    assert!(bad.is_empty(), "{} of {n} files differ when flattened:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn known_gaps_still_differ_when_flattened() {
    let gaps = known_gaps();
    let (n, bad) = mismatches(true);
    assert_eq!(n, gaps.len(), "corpus/flattened-gaps.list names a file that is not a single-document corpus file");
    let closed: Vec<&String> = gaps.iter().filter(|g| !bad.iter().any(|(f, _)| f == *g)).collect();
    assert!(closed.is_empty(), "these gaps are closed: remove them from corpus/flattened-gaps.list: {closed:?}");
}
