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
            gongwen_corpus_tests::compare_records(name, "division", want, &division(&got), &mut failures);
        }
        if let Some(want) = expected.get("members").and_then(Value::as_array) {
            gongwen_corpus_tests::compare_records(name, "members", want, &members(&got), &mut failures);
        }
    }
    assert!(failures.is_empty(), "{} differences in {} personnel texts:\n{}", failures.len(), pairs.len(), failures.join("\n"));
}
