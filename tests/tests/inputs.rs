//! Inputs that are not texts of the corpus: empty and garbage input. Every
//! corpus text is checked by `corpus.rs` against its `NAME.expected.json`.

use gongwen::{parse, Options};

#[test]
fn empty_input_gives_no_documents_and_a_diagnostic() {
    let parse = parse("", &Options::default());
    assert_eq!(parse.documents.len(), 0, "empty input: no documents");
    assert!(!parse.diagnostics.is_empty(), "empty input: at least one diagnostic explaining why nothing was found");
}

#[test]
fn garbage_input_does_not_panic() {
    for text in ["\u{0}\u{FFFF}abc〔〔〔", "〔〔〔2023〕〕号号号", "关于的通知\n〔〕号\n：\n年月日", "\u{FEFF}\r\n\r\n　　\t", "附件：\n1.\n（略）\n抄送：\n印发"] {
        let parse = parse(text, &Options::default());
        for doc in &parse.documents {
            assert!(
                text.get(doc.span.start..doc.span.end).is_some(),
                "{text:?}: document span {}..{} must be a valid range of the input",
                doc.span.start,
                doc.span.end
            );
        }
    }
}
