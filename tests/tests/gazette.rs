//! The Xiangtan county gazette: what its expectations
//! (`corpus/xiangtan-county-gazette-2023.expected.json`, eleven documents
//! with their headers and records) cannot say as data — how the documents
//! share out the text.

use gongwen::{parse, Options};
use gongwen_corpus_tests::read_corpus;

const GAZETTE: &str = "xiangtan-county-gazette-2023.txt";

#[test]
fn every_line_belongs_to_one_document() {
    // Every non-blank, non-furniture line lies inside exactly one document
    // (the harness checks that documents are in order and do not overlap).
    let text = read_corpus(GAZETTE);
    let p = parse(&text, &Options::default());
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos + (line.len() - line.trim_start().len());
        pos += line.len();
        if line.trim().is_empty() || p.furniture.iter().any(|f| f.span.start <= start && start < f.span.end.max(start + 1)) {
            continue;
        }
        let owners = p.documents.iter().filter(|d| d.span.start <= start && start < d.span.end).count();
        assert_eq!(owners, 1, "line at {start} ({:?}) has {owners} owners", line.trim());
    }
}

#[test]
fn personnel_notice_owns_the_body_above_its_title_block() {
    // The PDF put 关于崔赣等同志的任免通知 after the first page of its list.
    let text = read_corpus(GAZETTE);
    let p = parse(&text, &Options::default());
    let d = &p.documents[3];
    let body = text.find("经2023年2月28日湘潭县第十七届").unwrap();
    assert!(d.span.start <= body && body < d.span.end);
}
