//! The stages of `core/src` import only downward (ARCHITECTURE.md): each
//! module may use the modules listed before it here, never one after it.
//! Test code (after `#[cfg(test)]`) may use anything.

use gongwen_corpus_tests::corpus_dir;

/// Lowest first.
const ORDER: &[&str] = &[
    "model", "vocab", "lex", "text", "values", "grammar", "blocks", "layout", "segment", "paras", "header", "sections", "tasks", "alloc",
    "targets", "people", "members", "units", "table", "decode", "lib",
];

#[test]
fn stages_import_only_downward() {
    let src = corpus_dir().join("../core/src");
    let mut bad = Vec::new();
    let mut seen = Vec::new();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let Some(name) = path.file_stem().and_then(|s| s.to_str()).map(str::to_string) else { continue };
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let Some(rank) = ORDER.iter().position(|m| *m == name) else {
            bad.push(format!("{name}.rs is not placed in ORDER (and in ARCHITECTURE.md)"));
            continue;
        };
        seen.push(name.clone());
        let text = std::fs::read_to_string(&path).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (i, _) in code.match_indices("crate::") {
            let used: String = code[i + "crate::".len()..].chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
            if let Some(r) = ORDER.iter().position(|m| *m == used) {
                if r > rank {
                    bad.push(format!("{name} uses {used}, a later stage"));
                }
            }
        }
    }
    assert!(seen.len() >= 15, "read only {seen:?}");
    bad.sort();
    bad.dedup();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
