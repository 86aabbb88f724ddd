//! Flat tables for analysts: one row per task × unit. The CLI's `tasks`
//! command and the bindings' data frames are built from these rows, so the
//! table has one definition.

use serde::Serialize;

use crate::model::Parse;

/// The role a unit plays in a task.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Role {
    /// Named as 牵头 (explicitly or by a document rule).
    Lead,
    /// Named by the clause, not as lead.
    Responsible,
    /// Added by a document-wide rule (`以下各责任单位均包含各乡镇`).
    Implied,
}

impl Role {
    /// The role as the table writes it: `lead`, `responsible` or `implied`.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::Responsible => "responsible",
            Role::Implied => "implied",
        }
    }
}

/// One task × unit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TaskRow {
    /// Index of the document in the parse (0-based).
    pub document: usize,
    /// The document's 发文字号 (`text`), if any.
    pub doc_number: Option<String>,
    /// The document's title.
    pub doc_title: String,
    /// Index of the task in its document's `tasks` (0-based): with
    /// `document` it identifies the task even when two enclosed texts
    /// reuse the same numbering.
    pub task: usize,
    /// The task's marker as printed (`（一）`).
    pub task_number: String,
    /// Enclosing section markers joined with `/` (`二、/（一）`).
    pub task_path: String,
    /// The task's heading.
    pub task_heading: String,
    /// Empty when the task names officials but no unit.
    pub unit: String,
    /// The unit's role; None when `unit` is empty.
    pub role: Option<Role>,
    /// Lead officials joined with `、`.
    pub officials: String,
    /// The task's deadline as printed, if any.
    pub deadline_text: Option<String>,
    /// The deadline as an ISO date, if known.
    pub deadline_date: Option<String>,
}

/// Column names of [`TaskRow`], in order.
pub const TASK_COLUMNS: &[&str] = &[
    "document", "doc_number", "doc_title", "task", "task_number", "task_path", "task_heading", "unit", "role", "officials",
    "deadline_text", "deadline_date",
];

/// The task table of a parse: one row per task and unit, leads first, then
/// the other responsible units, then implied units, each unit once.
pub fn task_rows(parse: &Parse) -> Vec<TaskRow> {
    let mut rows = Vec::new();
    for (k, d) in parse.documents.iter().enumerate() {
        for (ti, t) in d.tasks.iter().enumerate() {
            let base = TaskRow {
                document: k,
                doc_number: d.doc_number.as_ref().map(|n| n.text.clone()),
                doc_title: d.title.clone(),
                task: ti,
                task_number: t.number.clone(),
                task_path: t.path.join("/"),
                task_heading: t.heading.clone(),
                unit: String::new(),
                role: None,
                officials: t.lead_officials.join("、"),
                deadline_text: t.deadline.as_ref().map(|x| x.text.clone()),
                deadline_date: t.deadline.as_ref().and_then(|x| x.date.clone()),
            };
            let mut units: Vec<(&String, Role)> = Vec::new();
            for u in &t.lead_units {
                units.push((u, Role::Lead));
            }
            for u in &t.responsible_units {
                if !t.lead_units.contains(u) {
                    units.push((u, Role::Responsible));
                }
            }
            for u in &t.implied_units {
                if !t.responsible_units.contains(u) {
                    units.push((u, Role::Implied));
                }
            }
            if units.is_empty() {
                rows.push(base);
                continue;
            }
            for (u, role) in units {
                rows.push(TaskRow { unit: u.clone(), role: Some(role), ..base.clone() });
            }
        }
    }
    rows
}

impl TaskRow {
    /// The row's cells as text, in [`TASK_COLUMNS`] order.
    pub fn cells(&self) -> [String; 12] {
        [
            self.document.to_string(),
            self.doc_number.clone().unwrap_or_default(),
            self.doc_title.clone(),
            self.task.to_string(),
            self.task_number.clone(),
            self.task_path.clone(),
            self.task_heading.clone(),
            self.unit.clone(),
            self.role.map(|r| r.as_str().to_string()).unwrap_or_default(),
            self.officials.clone(),
            self.deadline_text.clone().unwrap_or_default(),
            self.deadline_date.clone().unwrap_or_default(),
        ]
    }
}

/// One personnel row: an appointment/removal, a leader × body they
/// supervise or liaise with (a leader with neither gets one row), or a
/// member of a group.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PersonRow {
    /// Index of the document in the parse (0-based).
    pub document: usize,
    /// The document's 发文字号 (`text`), if any.
    pub doc_number: Option<String>,
    /// The document's title.
    pub doc_title: String,
    /// The person's name (a member's post when the list names posts only).
    pub person: String,
    /// `appoint`, `remove`, `supervises`, `liaises`, `leader`, or for
    /// members `member`, `joins`, `leaves`.
    pub relation: String,
    /// The post (appointments), the body (division) or the group (members).
    pub object: String,
    /// Leader's titles joined with `、`; a member's post.
    pub titles: String,
    /// An appointment's note; a member's role (组长, 成员 …).
    pub note: Option<String>,
    /// A leader's AB角 partner, if any.
    pub backup: Option<String>,
}

/// Column names of [`PersonRow`], in order.
pub const PERSON_COLUMNS: &[&str] =
    &["document", "doc_number", "doc_title", "person", "relation", "object", "titles", "note", "backup"];

/// The personnel table of a parse.
pub fn people_rows(parse: &Parse) -> Vec<PersonRow> {
    let mut rows = Vec::new();
    for (k, d) in parse.documents.iter().enumerate() {
        let base = |person: &str, relation: &str, object: &str| PersonRow {
            document: k,
            doc_number: d.doc_number.as_ref().map(|n| n.text.clone()),
            doc_title: d.title.clone(),
            person: person.to_string(),
            relation: relation.to_string(),
            object: object.to_string(),
            titles: String::new(),
            note: None,
            backup: None,
        };
        for a in &d.appointments {
            let relation = match a.action {
                crate::model::Action::Appoint => "appoint",
                crate::model::Action::Remove => "remove",
            };
            rows.push(PersonRow { note: a.note.clone(), ..base(&a.person, relation, &a.position) });
        }
        for a in &d.division {
            let titles = a.titles.join("、");
            let mut any = false;
            for (relation, list) in [("supervises", &a.supervises), ("liaises", &a.liaises)] {
                for u in list {
                    any = true;
                    rows.push(PersonRow { titles: titles.clone(), backup: a.backup.clone(), ..base(&a.person, relation, u) });
                }
            }
            if !any {
                rows.push(PersonRow { titles, backup: a.backup.clone(), ..base(&a.person, "leader", "") });
            }
        }
        // Members: the group as the object, the post as the title, the
        // role (and a change) as the note; a post listed without a name
        // stands in the person column.
        for m in &d.members {
            let relation = match m.change {
                Some(crate::model::Change::Join) => "joins",
                Some(crate::model::Change::Leave) => "leaves",
                None => "member",
            };
            let person = m.person.as_deref().unwrap_or(&m.position);
            let group = m.group.as_deref().unwrap_or("");
            rows.push(PersonRow { titles: m.position.clone(), note: Some(m.role.clone()), ..base(person, relation, group) });
        }
    }
    rows
}

impl PersonRow {
    /// The row's cells as text, in [`PERSON_COLUMNS`] order.
    pub fn cells(&self) -> [String; 9] {
        [
            self.document.to_string(),
            self.doc_number.clone().unwrap_or_default(),
            self.doc_title.clone(),
            self.person.clone(),
            self.relation.clone(),
            self.object.clone(),
            self.titles.clone(),
            self.note.clone().unwrap_or_default(),
            self.backup.clone().unwrap_or_default(),
        ]
    }
}
