//! `corpus/constructed/people/`: the expected appointments and divisions are
//! in the `NAME.expected.json` beside each text; here only what those cannot
//! say (a diagnostic's span: expectations list diagnostics by code).

use gongwen::{parse, Options};
use gongwen_corpus_tests::read_corpus;

#[test]
fn the_blanket_removal_diagnostic_points_at_its_clause() {
    let text = read_corpus("constructed/people/08_blanket-removal-gaotai.txt");
    let p = parse(&text, &Options::default());
    let g = p.diagnostics.iter().find(|g| g.code == "blanket_removal").expect("a blanket_removal diagnostic");
    let covered = text.get(g.span.start..g.span.end).unwrap_or("");
    assert!(covered.contains("自然免除"), "blanket_removal span covers {covered:?}, not the clause");
}
