//! Personnel shapes from other bodies (`corpus/personnel/`): one invented
//! text per shape, expectations in `NAME.expected.json` beside it, written
//! by hand from reading the text. Read across all documents of the parse:
//!
//! * `"appointments": [[action, person, position] or [.., note], …]` — the
//!   whole list, in order;
//! * `"division": [{"person", "titles", "duties", "supervises", "liaises"}, …]` — in order, only
//!   the keys given;
//! * `"members": [{"group", "role", "person", "position", "change"}, …]` —
//!   in order, only the keys given.

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
        .map(|a| json!({"person": a.person, "titles": a.titles, "duties": a.duties, "supervises": a.supervises, "liaises": a.liaises}))
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
    let pairs = gongwen_corpus_tests::expected_pairs("personnel");
    assert!(pairs.len() >= 16, "the personnel corpus is missing files: {}", pairs.len());
    let mut failures = Vec::new();
    for (name, text, expected) in &pairs {
        let name = name.as_str();
        let got = parse(text, &Options::default());
        if let Some(want) = expected.get("appointments") {
            let have = appointments(&got);
            if &have != want {
                failures.push(format!("{name}: appointments expected {want}, got {have}"));
            }
        }
        if let Some(want) = expected.get("division").and_then(Value::as_array) {
            compare(name, "division", want, &division(&got), &mut failures);
        }
        if let Some(want) = expected.get("members").and_then(Value::as_array) {
            compare(name, "members", want, &members(&got), &mut failures);
        }
    }
    assert!(failures.is_empty(), "{} differences in {} personnel texts:\n{}", failures.len(), pairs.len(), failures.join("\n"));
}
