//! Allocation tables and grouped items (`corpus/allocation/`, and
//! `corpus/real/*.tasks.json`): expectations written by hand beside each
//! text. Every task of the parse, in order; only the keys given are
//! compared (`deadline` as its printed text).

use gongwen::{parse, Options, Parse};
use gongwen_corpus_tests::{corpus_dir, expected_pairs};
use serde_json::{json, Value};

fn tasks(p: &Parse) -> Vec<Value> {
    p.documents
        .iter()
        .flat_map(|d| &d.tasks)
        .map(|t| {
            json!({
                "number": t.number,
                "path": t.path,
                "heading": t.heading,
                "lead_units": t.lead_units,
                "responsible_units": t.responsible_units,
                "lead_officials": t.lead_officials,
                "deadline": t.deadline.as_ref().map(|d| d.text.clone()),
            })
        })
        .collect()
}

fn compare(name: &str, text: &str, expected: &Value, failures: &mut Vec<String>) {
    let want = expected.get("tasks").and_then(Value::as_array).unwrap_or_else(|| panic!("{name}: no \"tasks\" list"));
    let p = parse(text, &Options::default());
    let got = tasks(&p);
    gongwen_corpus_tests::compare_records(name, "tasks", want, &got, failures);
    // Every task's values point into the input.
    for t in p.documents.iter().flat_map(|d| &d.tasks) {
        for (u, s) in t.lead_units.iter().zip(&t.spans.lead_units).chain(t.responsible_units.iter().zip(&t.spans.responsible_units)) {
            let printed: String = s.slice(text).chars().filter(|c| !c.is_whitespace()).collect();
            if printed != *u {
                failures.push(format!("{name}: unit {u} has span {}..{} printing {printed:?}", s.start, s.end));
            }
        }
        if t.span.start > t.span.end || t.span.end > text.len() {
            failures.push(format!("{name}: task {} has span {}..{}", t.number, t.span.start, t.span.end));
        }
    }
}

#[test]
fn allocation_layouts_give_their_expected_tasks() {
    let pairs = expected_pairs("allocation");
    assert!(pairs.len() >= 5, "the allocation corpus is missing files: {}", pairs.len());
    let mut failures = Vec::new();
    for (name, text, expected) in &pairs {
        compare(name, text, expected, &mut failures);
    }
    assert!(failures.is_empty(), "{} differences:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn real_allocation_tables_give_their_expected_tasks() {
    let dir = corpus_dir().join("real");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".tasks.json"))
        .collect();
    names.sort();
    assert!(names.len() >= 2, "expected the real 17 and 21 expectations, found {names:?}");
    let mut failures = Vec::new();
    for json_path in names {
        let name = json_path.file_name().unwrap().to_string_lossy().to_string();
        let txt = dir.join(name.replace(".tasks.json", ".txt"));
        let text = std::fs::read_to_string(&txt).unwrap_or_else(|e| panic!("{}: {e}", txt.display()));
        let expected: Value = serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
        compare(&name, &text, &expected, &mut failures);
    }
    assert!(failures.is_empty(), "{} differences:\n{}", failures.len(), failures.join("\n"));
}
