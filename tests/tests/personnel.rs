//! Personnel shapes from other bodies (`corpus/personnel/`): one invented
//! text per shape, expectations in `NAME.expected.json` beside it, written
//! by hand from reading the text. Read across all documents of the parse:
//!
//! * `"appointments": [[action, person, position] or [.., note], …]` — the
//!   whole list, in order;
//! * `"division": [{"person", "supervises", "liaises"}, …]` — in order, only
//!   the keys given;
//! * `"members": [{"group", "role", "person", "position", "change"}, …]` —
//!   in order, only the keys given.

use std::path::Path;

use gongwen::{parse, Options, Parse};
use serde_json::{json, Value};

fn appointments(p: &Parse) -> Value {
    let rows: Vec<Value> = p
        .documents
        .iter()
        .flat_map(|d| &d.appointments)
        .map(|a| {
            let action = serde_json::to_value(a.action).unwrap();
            match &a.note {
                Some(n) => json!([action, a.person, a.position, n]),
                None => json!([action, a.person, a.position]),
            }
        })
        .collect();
    Value::from(rows)
}

fn division(p: &Parse) -> Vec<Value> {
    p.documents
        .iter()
        .flat_map(|d| &d.division)
        .map(|a| json!({"person": a.person, "supervises": a.supervises, "liaises": a.liaises}))
        .collect()
}

fn members(p: &Parse) -> Vec<Value> {
    p.documents.iter().flat_map(|d| &d.members).map(|m| serde_json::to_value(m).unwrap()).collect()
}

/// Each wanted object's keys equal in the got object, pairwise in order.
fn compare(name: &str, what: &str, want: &[Value], got: &[Value], failures: &mut Vec<String>) {
    if want.len() != got.len() {
        failures.push(format!("{name}: {what}: {} expected, got {}: {}", want.len(), got.len(), Value::from(got.to_vec())));
        return;
    }
    for (k, (w, g)) in want.iter().zip(got).enumerate() {
        for (key, value) in w.as_object().expect("an object") {
            if g.get(key) != Some(value) {
                failures.push(format!("{name}: {what}[{k}].{key} expected {value}, got {}", g.get(key).unwrap_or(&Value::Null)));
            }
        }
    }
}

#[test]
fn personnel_texts_give_their_expected_records() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus/personnel");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus/personnel exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 6, "the personnel corpus is missing files: {}", names.len());
    let mut failures = Vec::new();
    for path in &names {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let expected: Value = serde_json::from_str(&std::fs::read_to_string(path.with_extension("expected.json")).unwrap())
            .unwrap_or_else(|e| panic!("{name}: bad expectation: {e}"));
        let got = parse(&std::fs::read_to_string(path).unwrap(), &Options::default());
        if let Some(want) = expected.get("appointments") {
            let have = appointments(&got);
            if &have != want {
                failures.push(format!("{name}: appointments expected {want}, got {have}"));
            }
        }
        if let Some(want) = expected.get("division").and_then(Value::as_array) {
            compare(&name, "division", want, &division(&got), &mut failures);
        }
        if let Some(want) = expected.get("members").and_then(Value::as_array) {
            compare(&name, "members", want, &members(&got), &mut failures);
        }
    }
    assert!(failures.is_empty(), "{} differences in {} personnel texts:\n{}", failures.len(), names.len(), failures.join("\n"));
}
