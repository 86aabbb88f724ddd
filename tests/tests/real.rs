//! The 26 real web documents in `corpus/real/` (see its SOURCES.md): their
//! headers and records are in the `NAME.expected.json` beside each text;
//! here only what those cannot say.

use gongwen::{parse, Options};
use gongwen_corpus_tests::{corpus_dir, read_corpus};

#[test]
fn every_real_text_has_its_expectations() {
    let dir = corpus_dir().join("real");
    let missing: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt") && !p.with_extension("expected.json").exists())
        .map(|p| p.display().to_string())
        .collect();
    assert!(missing.is_empty(), "real texts without expectations: {missing:?}");
}

#[test]
fn the_page_trailer_is_not_part_of_the_document() {
    let text = read_corpus("real/20_guangzhou-suifubangui-2021-7-tekun-renyuan-tongzhi.txt");
    let p = parse(&text, &Options::default());
    let chrome = text.find("扫一扫").unwrap();
    assert!(p.documents[0].span.end <= chrome, "the trailer is not part of the document");
}
