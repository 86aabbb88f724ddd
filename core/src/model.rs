//! The output records: the Rust face of `CONTRACT.md`.
//!
//! Every field named in the contract is here with the contract's name and
//! meaning; fields the contract does not name are additions (documented in
//! `docs/SCHEMA.md`). All spans are UTF-8 byte offsets into the caller's
//! original input.

use serde::{Deserialize, Serialize};

/// Version of the JSON shape. Bumped whenever a field is added.
pub const SCHEMA_VERSION: u32 = 4;

/// A range of the original input, in UTF-8 bytes (`&input[start..end]`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Range {
    pub start: usize,
    pub end: usize,
}

/// Where a value or a document lies in the original input.
///
/// `segments` is present (non-empty) only when the text is not contiguous,
/// e.g. a gazette document whose title block the PDF extraction put after
/// its body; `start`/`end` then cover all segments.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<Range>,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end, segments: Vec::new() }
    }
    /// The source text the span covers (the hull when segmented).
    pub fn slice<'a>(&self, input: &'a str) -> &'a str {
        input.get(self.start..self.end).unwrap_or("")
    }
}

/// The result of parsing one input text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Parse {
    pub schema_version: u32,
    pub documents: Vec<Document>,
    pub diagnostics: Vec<Diagnostic>,
    /// Page furniture and web chrome recognised and left out of the documents.
    pub furniture: Vec<Furniture>,
    /// Text before the first document that belongs to no document
    /// (a web page's metadata table, breadcrumbs, a gazette's cover).
    pub preamble: Option<Span>,
}

/// One 公文.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// 文种 closing the title (通知, 意见, 批复, 函 …); null when unknown.
    pub kind: Option<String>,
    pub title: String,
    pub doc_number: Option<DocNumber>,
    pub issuers: Vec<String>,
    pub recipients: Vec<String>,
    /// 成文日期, ISO `YYYY-MM-DD`.
    pub date: Option<String>,
    pub enclosed_titles: Vec<String>,
    pub attachments: Vec<Attachment>,
    pub citations: Vec<Citation>,
    pub tasks: Vec<Task>,
    pub appointments: Vec<Appointment>,
    pub division: Vec<Assignment>,
    /// 组成人员 of a group the document sets up or adjusts.
    pub members: Vec<Member>,
    pub targets: Vec<Target>,
    pub span: Span,

    // --- additions (schema_version 2) ---
    /// Spans of the string-valued header fields above.
    pub spans: HeaderSpans,
    /// 份号.
    pub copy_number: Option<String>,
    /// 密级 (and 保密期限 as printed).
    pub classification: Option<String>,
    /// 紧急程度.
    pub urgency: Option<String>,
    /// 签发人.
    pub signers: Vec<String>,
    /// 发文机关署名 as printed above the date.
    pub signature: Vec<String>,
    /// 附注 such as （此件公开发布）.
    pub notes: Vec<String>,
    /// 抄送机关.
    pub cc: Vec<String>,
    /// 印发机关.
    pub printed_by: Option<String>,
    /// 印发日期, ISO.
    pub printed_date: Option<String>,

    // --- additions (schema_version 3) ---
    /// The section tree, flattened in reading order: every numbered item
    /// (一、 （一） 1. （1） ①) with its level and enclosing markers.
    pub sections: Vec<Section>,
}

/// One numbered section or item.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// The marker as printed: `一、`, `（一）`, `1.`, `（1）`, `①`.
    pub marker: String,
    /// 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）, 5 for ①.
    pub level: u8,
    /// Markers of the enclosing sections, outermost first.
    pub path: Vec<String>,
    pub heading: String,
    /// The section's own text (up to its first sub-section), furniture removed.
    pub text: String,
    /// Which enclosed text the section belongs to (0, or 1, 2 … when a
    /// notice encloses several texts that restart their numbering).
    pub part: usize,
    pub span: Span,
}

/// Spans for the header values that the contract gives as plain strings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HeaderSpans {
    pub title: Option<Span>,
    pub issuers: Vec<Span>,
    pub recipients: Vec<Span>,
    pub date: Option<Span>,
    pub enclosed_titles: Vec<Span>,
    /// One span per `signature` entry.
    pub signature: Vec<Span>,
    pub cc: Vec<Span>,
    pub notes: Vec<Span>,
}

/// 发文字号.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocNumber {
    /// Normalised: no spaces, 〔〕 brackets, Arabic digits.
    pub text: String,
    pub agency: String,
    pub year: i32,
    pub serial: u32,
    pub span: Span,
}

/// One 附件 entry.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub index: u32,
    pub title: String,
    /// Printed as （略）.
    pub omitted: bool,
    pub span: Span,
}

/// Another document the text cites.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    pub title: Option<String>,
    pub doc_number: Option<String>,
    pub span: Span,
}

/// A deadline.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    pub text: String,
    pub date: Option<String>,
}

/// A numbered item carrying a responsibility clause.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Task {
    pub number: String,
    pub path: Vec<String>,
    pub heading: String,
    pub text: String,
    pub lead_officials: Vec<String>,
    pub lead_units: Vec<String>,
    pub responsible_units: Vec<String>,
    pub implied_units: Vec<String>,
    pub deadline: Option<Deadline>,
    pub span: Span,
    /// Where each value above is printed.
    pub spans: TaskSpans,
}

/// Spans of a task's values: one per list entry, in the same order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskSpans {
    pub heading: Option<Span>,
    pub lead_officials: Vec<Span>,
    pub lead_units: Vec<Span>,
    pub responsible_units: Vec<Span>,
    /// The rule that implies each implied unit.
    pub implied_units: Vec<Span>,
    /// The deadline's text (a document-wide default: where the rule prints it).
    pub deadline: Option<Span>,
}

/// `appoint` or `remove`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    Appoint,
    Remove,
}

/// One person and one action.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Appointment {
    pub action: Action,
    pub person: String,
    pub position: String,
    pub note: Option<String>,
    pub span: Span,
    /// Where the person and the position are printed.
    pub spans: PersonSpans,
}

/// Spans of a person and a position (appointments, members).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PersonSpans {
    pub person: Option<Span>,
    pub position: Option<Span>,
}

/// 领导分工: one leader.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    pub person: String,
    pub titles: Vec<String>,
    pub duties: Vec<String>,
    pub supervises: Vec<String>,
    pub liaises: Vec<String>,
    pub backup: Option<String>,
    pub span: Span,
    /// Concurrent posts (兼任…); an addition (schema_version 3).
    pub concurrent: Vec<String>,
    /// Where each value is printed.
    pub spans: AssignmentSpans,
}

/// Spans of a leader's values: one per list entry, in the same order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AssignmentSpans {
    pub person: Option<Span>,
    pub titles: Vec<Span>,
    pub supervises: Vec<Span>,
    pub liaises: Vec<Span>,
}

/// `join` or `leave` a group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Join,
    Leave,
}

/// 组成人员: one member of a 领导小组 / 委员会 / 联席会议.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// The group as printed; null when the list does not name it.
    pub group: Option<String>,
    /// 组长, 副组长, 成员, 召集人 … as printed.
    pub role: String,
    /// Null where the list names posts only.
    pub person: Option<String>,
    pub position: String,
    /// For adjustment notices: joins or leaves the group.
    pub change: Option<Change>,
    pub span: Span,
    pub spans: PersonSpans,
}

/// A quantitative target.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub indicator: String,
    pub value: f64,
    pub unit: String,
    pub qualifier: Option<String>,
    pub year: Option<i32>,
    pub span: Span,
    /// Where the indicator and the number are printed.
    pub spans: TargetSpans,
}

/// Spans of a target's indicator and number.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TargetSpans {
    pub indicator: Option<Span>,
    pub value: Option<Span>,
}

/// Severity of a diagnostic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Info,
    Warning,
    Error,
}

/// Something the parser noticed: furniture removed, a repeated text,
/// a field it could not find.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub level: Level,
    pub code: String,
    pub message: String,
    pub span: Span,
}

/// What kind of furniture a line was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FurnitureKind {
    /// A running page header repeated on several pages.
    PageHeader,
    /// A page number (`·· 10`, `- 3 -`, `第3页`).
    PageNumber,
    /// Web page chrome (扫一扫, 【关闭窗口】, breadcrumbs, share buttons).
    WebChrome,
    /// A web page's metadata table row (索引号, 发布日期 …).
    Metadata,
    /// A second copy of text already seen (crawler duplication).
    Duplicate,
}

/// A piece of the input recognised as furniture.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Furniture {
    pub kind: FurnitureKind,
    pub text: String,
    pub span: Span,
}
