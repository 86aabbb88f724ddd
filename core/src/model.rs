//! The output records: the Rust face of `CONTRACT.md`.
//!
//! Every field named in the contract is here with the contract's name and
//! meaning; fields the contract does not name are additions (documented in
//! `docs/SCHEMA.md`). All spans are UTF-8 byte offsets into the caller's
//! original input.

use serde::{Deserialize, Serialize};

/// Version of the JSON shape. Bumped whenever a field is added.
pub const SCHEMA_VERSION: u32 = 5;

/// A unit to express offsets in; serialised as `utf8`, `code_point`, `utf16`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Unit {
    /// UTF-8 bytes (the default; `&text[start..end]` in Rust).
    #[default]
    Utf8,
    /// Unicode scalar values (`text[start:end]` in Python).
    CodePoint,
    /// UTF-16 code units (`text.slice(start, end)` in JavaScript).
    Utf16,
}

/// A range of the original input, in UTF-8 bytes (`&input[start..end]`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Range {
    /// Offset of the range's first byte.
    pub start: usize,
    /// Offset just past the range's last byte.
    pub end: usize,
}

/// Where a value or a document lies in the original input.
///
/// `segments` is present (non-empty) only when the text is not contiguous,
/// e.g. a gazette document whose title block the PDF extraction put after
/// its body; `start`/`end` then cover all segments.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Span {
    /// Offset of the first byte (of the first segment when segmented).
    pub start: usize,
    /// Offset just past the last byte (of the last segment when segmented).
    pub end: usize,
    /// The ranges that hold the text, in input order, when it is not contiguous; else empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<Range>,
}

impl Span {
    /// A contiguous span `start..end` (UTF-8 bytes).
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
#[non_exhaustive]
pub struct Parse {
    /// Version of the JSON shape (`SCHEMA_VERSION`).
    pub schema_version: u32,
    /// The documents, in reading order of their first pages.
    pub documents: Vec<Document>,
    /// What the parser noticed: furniture removed, repeated text, fields not found.
    pub diagnostics: Vec<Diagnostic>,
    /// Page furniture and web chrome recognised and left out of the documents.
    pub furniture: Vec<Furniture>,
    /// Text before the first document that belongs to no document
    /// (a web page's metadata table, breadcrumbs, a gazette's cover).
    pub preamble: Option<Span>,
    /// The unit of every span in this result: `utf8` from [`crate::parse`],
    /// `code_point` in Python, `utf16` in JavaScript (see `Parse::convert_offsets`).
    #[serde(default)]
    pub offsets: Unit,
}

/// One 公文.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Document {
    /// 文种 closing the title (通知, 意见, 批复, 函 …); null when unknown.
    pub kind: Option<String>,
    /// The title as printed, whitespace and line breaks removed, issuer prefix kept.
    pub title: String,
    /// 发文字号; None when the document prints none.
    pub doc_number: Option<DocNumber>,
    /// 发文机关, from the title or signature; several for joint documents.
    pub issuers: Vec<String>,
    /// 主送机关 split into single bodies, in order.
    pub recipients: Vec<String>,
    /// 成文日期, ISO `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The titles inside 《》 that a 关于印发《X》的通知 issues.
    pub enclosed_titles: Vec<String>,
    /// 附件 list.
    pub attachments: Vec<Attachment>,
    /// Other documents cited: by 《title》 and/or 发文字号 (also 国务院令第348号).
    pub citations: Vec<Citation>,
    /// Tasks: numbered items with a responsibility clause, rows of allocation tables, items under a unit heading.
    pub tasks: Vec<Task>,
    /// 任命 / 任 / 免去 actions: one record per person and action.
    pub appointments: Vec<Appointment>,
    /// 领导分工: who leads, supervises and liaises with what.
    pub division: Vec<Assignment>,
    /// 组成人员 of a group the document sets up or adjusts.
    pub members: Vec<Member>,
    /// Quantitative targets (GDP增长7%以上 …).
    pub targets: Vec<Target>,
    /// Where the document's text lies; `segments` when it is not contiguous.
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
#[non_exhaustive]
pub struct Section {
    /// The marker as printed: `一、`, `（一）`, `1.`, `（1）`, `①`.
    pub marker: String,
    /// 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）, 5 for ①.
    pub level: u8,
    /// Markers of the enclosing sections, outermost first.
    pub path: Vec<String>,
    /// The section's lead sentence without its marker and closing 。.
    pub heading: String,
    /// The section's own text (up to its first sub-section), furniture removed.
    pub text: String,
    /// Which enclosed text the section belongs to (0, or 1, 2 … when a
    /// notice encloses several texts that restart their numbering).
    pub part: usize,
    /// The section's range.
    pub span: Span,
}

/// Spans for the header values that the contract gives as plain strings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HeaderSpans {
    /// Where the title is printed.
    pub title: Option<Span>,
    /// One span per `issuers` entry.
    pub issuers: Vec<Span>,
    /// One span per `recipients` entry.
    pub recipients: Vec<Span>,
    /// Where the 成文日期 is printed.
    pub date: Option<Span>,
    /// One span per `enclosed_titles` entry.
    pub enclosed_titles: Vec<Span>,
    /// One span per `signature` entry.
    pub signature: Vec<Span>,
    /// One span per `cc` entry.
    pub cc: Vec<Span>,
    /// One span per `notes` entry.
    pub notes: Vec<Span>,
}

/// 发文字号.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DocNumber {
    /// Normalised: no spaces, 〔〕 brackets, Arabic digits.
    pub text: String,
    /// The agency part (`潭县政办发`); for orders and announcements see `docs/SCHEMA.md`.
    pub agency: String,
    /// The year (`2023`); when none is printed, the year of the 成文日期.
    pub year: i32,
    /// The serial number (`2` in `潭县政办发〔2023〕2号`).
    pub serial: u32,
    /// Where the number is printed.
    pub span: Span,
}

/// One 附件 entry.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Attachment {
    /// The entry's number (1 for an unnumbered entry).
    pub index: u32,
    /// The attachment's title, spaces and （略） removed.
    pub title: String,
    /// Printed as （略）.
    pub omitted: bool,
    /// Where the entry's title is printed.
    pub span: Span,
}

/// Another document the text cites.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Citation {
    /// The cited title from 《》; None when cited by number only.
    pub title: Option<String>,
    /// The cited 发文字号 (`湘政办发〔2021〕55号`); None when not printed.
    pub doc_number: Option<String>,
    /// Where the citation is printed.
    pub span: Span,
}

/// A deadline.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Deadline {
    /// The deadline as printed (`3月底前`).
    pub text: String,
    /// The ISO date it stands for (`2023-03-31`); None when it cannot be dated.
    pub date: Option<String>,
}

/// A task: a numbered item carrying a responsibility clause, a row of an allocation table
/// (序号 / 任务 / 牵头单位 …), or an item under a heading that names its unit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Task {
    /// The marker as printed: `（一）`, `1.`, `（十二）`.
    pub number: String,
    /// Markers of the enclosing sections, outermost first (`二、`, `（一）`).
    pub path: Vec<String>,
    /// The item's lead sentence without its marker and closing 。.
    pub heading: String,
    /// The item's own text after its marker, furniture removed.
    pub text: String,
    /// 牵头领导 named for the item (`肖睿`, `文香军`).
    pub lead_officials: Vec<String>,
    /// Units named as 牵头, explicitly (`X牵头`) or by a rule the document states.
    pub lead_units: Vec<String>,
    /// Every unit the clause names, leads included, in order, one body each.
    pub responsible_units: Vec<String>,
    /// Units added by a document-wide rule (`以下各责任单位均包含各乡镇`).
    pub implied_units: Vec<String>,
    /// The item's deadline, or the document-wide default; None when neither.
    pub deadline: Option<Deadline>,
    /// The item's range.
    pub span: Span,
    /// Where each value above is printed.
    pub spans: TaskSpans,
}

/// Spans of a task's values: one per list entry, in the same order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TaskSpans {
    /// Where `heading` is printed.
    pub heading: Option<Span>,
    /// One span per `lead_officials` entry.
    pub lead_officials: Vec<Span>,
    /// One span per `lead_units` entry.
    pub lead_units: Vec<Span>,
    /// One span per `responsible_units` entry.
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
    /// 任命 / 任 / 为.
    Appoint,
    /// 免去 / 免.
    Remove,
}

/// One person and one action.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Appointment {
    /// Appoint (任命 / 任 / 为) or remove (免去 / 免).
    pub action: Action,
    /// The name, padding removed (`崔 赣` → `崔赣`).
    pub person: String,
    /// The post as written, without 职务.
    pub position: String,
    /// A remark such as `试用期一年`; None when there is none.
    pub note: Option<String>,
    /// Where the appointment is printed.
    pub span: Span,
    /// Where the person and the position are printed.
    pub spans: PersonSpans,
}

/// Spans of a person and a position (appointments, members).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PersonSpans {
    /// Where the person's name is printed; None when there is none.
    pub person: Option<Span>,
    /// Where the position is printed.
    pub position: Option<Span>,
}

/// 领导分工: one leader.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Assignment {
    /// The leader's name (`张清平`).
    pub person: String,
    /// The leader's titles (`县人民政府党组副书记`, `常务副县长`).
    pub titles: Vec<String>,
    /// Duty sentences other than the 分管 and 联系 lists.
    pub duties: Vec<String>,
    /// Bodies the leader supervises (分管).
    pub supervises: Vec<String>,
    /// Bodies the leader liaises with (联系).
    pub liaises: Vec<String>,
    /// The leader's partner in the AB角 pairing; None when not paired.
    pub backup: Option<String>,
    /// Where the leader's record is printed.
    pub span: Span,
    /// Concurrent posts (兼任…); an addition (schema_version 3).
    pub concurrent: Vec<String>,
    /// Where each value is printed.
    pub spans: AssignmentSpans,
}

/// Spans of a leader's values: one per list entry, in the same order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AssignmentSpans {
    /// Where the leader's name is printed.
    pub person: Option<Span>,
    /// One span per `titles` entry.
    pub titles: Vec<Span>,
    /// One span per `supervises` entry.
    pub supervises: Vec<Span>,
    /// One span per `liaises` entry.
    pub liaises: Vec<Span>,
}

/// `join` or `leave` a group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// Joins the group (`增补…为成员`).
    Join,
    /// Leaves the group (`李某同志不再担任…成员`).
    Leave,
}

/// 组成人员: one member of a 领导小组 / 委员会 / 联席会议.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Member {
    /// The group as printed; null when the list does not name it.
    pub group: Option<String>,
    /// 组长, 副组长, 成员, 召集人 … as printed.
    pub role: String,
    /// Null where the list names posts only.
    pub person: Option<String>,
    /// The post as printed (`县委常委、常务副县长`).
    pub position: String,
    /// For adjustment notices: joins or leaves the group.
    pub change: Option<Change>,
    /// Where the member's entry is printed.
    pub span: Span,
    /// Where the person and the position are printed.
    pub spans: PersonSpans,
}

/// A quantitative target.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Target {
    /// The indicator (`GDP增长`), spaces removed.
    pub indicator: String,
    /// The number (`7.0` for `7%`).
    pub value: f64,
    /// The unit as printed (`%`).
    pub unit: String,
    /// 以上, 以下, 左右, 以内, 不低于 … when printed; else None.
    pub qualifier: Option<String>,
    /// The year the target is set for (`到2025年`), from the same sentence; else None.
    pub year: Option<i32>,
    /// Where the target is printed, from its indicator to its number and unit.
    pub span: Span,
    /// Where the indicator and the number are printed.
    pub spans: TargetSpans,
}

/// Spans of a target's indicator and number.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TargetSpans {
    /// Where the indicator is printed.
    pub indicator: Option<Span>,
    /// Where the number is printed.
    pub value: Option<Span>,
}

/// Severity of a diagnostic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Information only (e.g. counts of removed furniture).
    Info,
    /// Something may be missing or unreliable (`no_date`, `duplicated_text` …).
    Warning,
    /// The input could not be parsed (`input_too_large`).
    Error,
}

/// Something the parser noticed: furniture removed, a repeated text,
/// a field it could not find.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Diagnostic {
    /// How much the finding matters.
    pub level: Level,
    /// A stable identifier, serialised as its snake_case name (`no_date`,
    /// `clause_truncated`, `input_too_large` …).
    pub code: Code,
    /// What was found, for a person.
    pub message: String,
    /// Where (empty at 0 for a finding about the whole input).
    pub span: Span,
}

impl Diagnostic {
    /// A diagnostic; front ends use it for findings of their own (a
    /// decoded encoding, a replaced character).
    pub fn new(level: Level, code: impl Into<Code>, message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic { level, code: code.into(), message: message.into(), span }
    }
}

/// What a [`Diagnostic`] is about. Serialised as the snake_case name; a
/// code a front end adds that is not listed here is kept as `Other`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Code {
    /// No 成文日期 was found.
    NoDate,
    /// Placeholders (`XX`, `×××`) stand where values should be.
    Placeholders,
    /// The 发文字号 comes from the page's metadata table.
    DocNumberFromMetadata,
    /// A header value comes from the page's metadata table.
    FromMetadata,
    /// Page numbers or running headers were removed.
    PageFurniture,
    /// A text repeated verbatim was kept once.
    DuplicatedText,
    /// The input is longer than [`crate::MAX_INPUT_BYTES`].
    InputTooLarge,
    /// The input is empty or holds only furniture.
    EmptyInput,
    /// No title block: the whole text is read as one document.
    NoTitleBlock,
    /// A blanket removal (`自然免除`) names no person.
    BlanketRemoval,
    /// A bracketed responsibility clause too long to read.
    ClauseTooLong,
    /// A responsibility clause read only in part.
    ClauseTruncated,
    /// A unit name that looks cut or joined, repaired.
    OddUnit,
    /// The input was decoded from an encoding other than UTF-8 (front ends).
    Decoded,
    /// A code this version does not list.
    #[serde(untagged)]
    Other(String),
}

impl Code {
    /// The code as serialised (`no_date`).
    pub fn as_str(&self) -> &str {
        match self {
            Code::NoDate => "no_date",
            Code::Placeholders => "placeholders",
            Code::DocNumberFromMetadata => "doc_number_from_metadata",
            Code::FromMetadata => "from_metadata",
            Code::PageFurniture => "page_furniture",
            Code::DuplicatedText => "duplicated_text",
            Code::InputTooLarge => "input_too_large",
            Code::EmptyInput => "empty_input",
            Code::NoTitleBlock => "no_title_block",
            Code::BlanketRemoval => "blanket_removal",
            Code::ClauseTooLong => "clause_too_long",
            Code::ClauseTruncated => "clause_truncated",
            Code::OddUnit => "odd_unit",
            Code::Decoded => "decoded",
            Code::Other(s) => s,
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&str> for Code {
    /// The listed code of that name, else `Other`.
    fn from(s: &str) -> Code {
        let listed = [
            Code::NoDate,
            Code::Placeholders,
            Code::DocNumberFromMetadata,
            Code::FromMetadata,
            Code::PageFurniture,
            Code::DuplicatedText,
            Code::InputTooLarge,
            Code::EmptyInput,
            Code::NoTitleBlock,
            Code::BlanketRemoval,
            Code::ClauseTooLong,
            Code::ClauseTruncated,
            Code::OddUnit,
            Code::Decoded,
        ];
        listed.into_iter().find(|c| c.as_str() == s).unwrap_or_else(|| Code::Other(s.to_string()))
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
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
#[non_exhaustive]
pub struct Furniture {
    /// What kind of furniture it is.
    pub kind: FurnitureKind,
    /// The text as printed (empty for a `Duplicate`).
    pub text: String,
    /// Where it lies in the input.
    pub span: Span,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_serialise_to_the_same_strings() {
        let d = Diagnostic::new(Level::Warning, Code::ClauseTruncated, "m", Span::new(0, 0));
        assert_eq!(serde_json::to_value(&d).unwrap()["code"], "clause_truncated");
        let back: Diagnostic = serde_json::from_value(serde_json::to_value(&d).unwrap()).unwrap();
        assert_eq!(back.code, Code::ClauseTruncated);
        // A code no variant lists is kept as it is.
        let other = Diagnostic::new(Level::Info, "lone_surrogate", "m", Span::new(0, 0));
        assert_eq!(other.code, Code::Other("lone_surrogate".into()));
        assert_eq!(serde_json::to_value(&other).unwrap()["code"], "lone_surrogate");
        assert_eq!(Code::from("no_date"), Code::NoDate);
        assert!(Code::NoDate == "no_date");
        assert_eq!(Code::NoDate.to_string(), "no_date");
    }
}
