//! The contract lives in the repository (`docs/CONTRACT.md`), so links
//! work in a clone. Where the shared original is beside the repository
//! (`../shared/spec/CONTRACT.md`), the copy must equal it.

use gongwen_corpus_tests::corpus_dir;

#[test]
fn the_contract_copy_matches_the_shared_original() {
    let root = corpus_dir().join("..");
    let copy = std::fs::read_to_string(root.join("docs/CONTRACT.md")).expect("docs/CONTRACT.md is in the repository");
    assert!(copy.contains("## Task") && copy.contains("`spans`"), "docs/CONTRACT.md looks truncated");
    match std::fs::read_to_string(root.join("../shared/spec/CONTRACT.md")) {
        Ok(original) => assert!(copy == original, "docs/CONTRACT.md differs from ../shared/spec/CONTRACT.md: copy it again"),
        // In a clone without ../shared the copy stands alone; say so.
        Err(_) => eprintln!("../shared/spec/CONTRACT.md is absent: only the copy was checked"),
    }
}

#[test]
fn every_contract_field_is_in_the_output() {
    // Each `field` of the contract's Document table appears in a parse.
    let root = corpus_dir().join("..");
    let contract = std::fs::read_to_string(root.join("docs/CONTRACT.md")).unwrap();
    let text = std::fs::read_to_string(corpus_dir().join("xiangtan-county-gazette-2023.txt")).unwrap();
    let v = serde_json::to_value(gongwen::parse(&text, &gongwen::Options::default())).unwrap();
    let doc = &v["documents"][0];
    let section = contract.split("## Document").nth(1).and_then(|s| s.split("\n## ").next()).expect("a Document section");
    let fields: Vec<&str> =
        section.lines().filter_map(|l| l.strip_prefix("| `")).filter_map(|l| l.split('`').next()).collect();
    assert!(fields.len() >= 10, "{fields:?}");
    for f in fields {
        assert!(doc.get(f).is_some(), "the contract's Document field {f} is missing from the output");
    }
}
