// The output contract (CONTRACT.md, additions in
// docs/SCHEMA.md) as TypeScript. Every field is always present: an empty
// list is [], an absent value is null. Offsets are UTF-16 code units of the
// string you passed, so `text.slice(span.start, span.end)` is the source of
// a value. This file is embedded into the generated gongwen.d.ts of both
// packages (pkg/ for the web, pkg-node/ for Node).

/** A contiguous range of the input, in UTF-16 code units. */
export interface Range {
  start: number;
  end: number;
}

/**
 * Where a value or a document lies in the input, in UTF-16 code units.
 * `segments` is present only when the text is not contiguous (a page
 * header between two pages); `start`/`end` are then the hull.
 */
export interface Span {
  start: number;
  end: number;
  segments?: Range[];
}

/** The result of parsing one input text. */
export interface Parse {
  schema_version: number;
  documents: Document[];
  diagnostics: Diagnostic[];
  /** Page furniture and web chrome left out of the documents. */
  furniture: Furniture[];
  /** Text before the first document that belongs to none. */
  preamble: Span | null;
  /** The unit of every span: always "utf16" from this package. */
  offsets: "utf8" | "code_point" | "utf16";
}

/** 文种 closing the title; other values are possible for enclosed texts. */
export type Kind =
  | "通知" | "意见" | "决定" | "通报" | "报告" | "请示" | "批复" | "函" | "纪要"
  | "公告" | "通告" | "命令" | "令" | "议案" | "决议" | "公报"
  | "方案" | "要点" | "办法" | "规定" | "计划"
  | (string & {});

/** One 公文. */
export interface Document {
  /** 文种, null when unknown. */
  kind: Kind | null;
  /** The title as printed, whitespace removed, issuer prefix kept. */
  title: string;
  /** 发文字号. */
  doc_number: DocNumber | null;
  /** 发文机关. */
  issuers: string[];
  /** 主送机关, one body each. */
  recipients: string[];
  /** 成文日期, ISO `YYYY-MM-DD`. */
  date: string | null;
  /** Titles inside 《》 that a 关于印发《X》的通知 issues. */
  enclosed_titles: string[];
  /** 附件. */
  attachments: Attachment[];
  /** Other documents cited. */
  citations: Citation[];
  tasks: Task[];
  appointments: Appointment[];
  /** 领导分工. */
  division: Assignment[];
  /** 组成人员 of a group the document sets up or adjusts. */
  members: Member[];
  targets: Target[];
  span: Span;

  // additions (docs/SCHEMA.md)
  /** Spans of the string-valued fields, parallel to them. */
  spans: HeaderSpans;
  /** 份号. */
  copy_number: string | null;
  /** 密级 (and 保密期限). */
  classification: string | null;
  /** 紧急程度. */
  urgency: string | null;
  /** 签发人. */
  signers: string[];
  /** 发文机关署名. */
  signature: string[];
  /** 附注. */
  notes: string[];
  /** 抄送机关. */
  cc: string[];
  /** 印发机关. */
  printed_by: string | null;
  /** 印发日期, ISO. */
  printed_date: string | null;
  /** The section tree, flattened in reading order. */
  sections: Section[];
}

/** Spans of the header values that are plain strings. */
export interface HeaderSpans {
  title: Span | null;
  issuers: Span[];
  recipients: Span[];
  date: Span | null;
  enclosed_titles: Span[];
  signature: Span[];
  cc: Span[];
  notes: Span[];
}

/** 发文字号, e.g. `潭县政办发〔2023〕2号`. */
export interface DocNumber {
  /** Normalised: no spaces, 〔〕 brackets, Arabic digits. */
  text: string;
  agency: string;
  year: number;
  serial: number;
  span: Span;
}

/** One 附件. */
export interface Attachment {
  index: number;
  title: string;
  /** Printed as （略）. */
  omitted: boolean;
  span: Span;
}

/** Another document the text cites. */
export interface Citation {
  title: string | null;
  doc_number: string | null;
  span: Span;
}

/** A numbered item carrying a responsibility clause. */
export interface Task {
  /** The marker as printed: `（一）`, `1.`. */
  number: string;
  /** Markers of the enclosing sections, outermost first. */
  path: string[];
  heading: string;
  text: string;
  lead_officials: string[];
  lead_units: string[];
  responsible_units: string[];
  implied_units: string[];
  deadline: Deadline | null;
  span: Span;
  /** Where each value is printed, parallel to the fields. */
  spans: TaskSpans;
}

/** Spans of a task's values: one per list entry, in the same order. */
export interface TaskSpans {
  heading: Span | null;
  lead_officials: Span[];
  lead_units: Span[];
  responsible_units: Span[];
  /** The rule that implies each implied unit. */
  implied_units: Span[];
  /** The deadline's text (a document-wide default: where the rule prints it). */
  deadline: Span | null;
}

export interface Deadline {
  /** As printed: `3月底前`. */
  text: string;
  /** ISO, when it can be completed. */
  date: string | null;
}

/** One person and one action (任命 / 免去). */
export interface Appointment {
  action: "appoint" | "remove";
  person: string;
  position: string;
  note: string | null;
  span: Span;
  /** Where the person and the position are printed. */
  spans: PersonSpans;
}

/** Spans of a person and a position (appointments, members). */
export interface PersonSpans {
  person: Span | null;
  position: Span | null;
}

/** 领导分工: one leader. */
export interface Assignment {
  person: string;
  titles: string[];
  duties: string[];
  /** 分管. */
  supervises: string[];
  /** 联系. */
  liaises: string[];
  /** The AB角 partner. */
  backup: string | null;
  span: Span;
  /** 兼任… posts. */
  concurrent: string[];
  /** Where each value is printed, parallel to the fields. */
  spans: AssignmentSpans;
}

/** Spans of a leader's values: one per list entry, in the same order. */
export interface AssignmentSpans {
  person: Span | null;
  titles: Span[];
  supervises: Span[];
  liaises: Span[];
}

/** 组成人员: one member of a 领导小组 / 委员会 / 联席会议. */
export interface Member {
  /** The group as printed, null when the list does not name it. */
  group: string | null;
  /** 组长, 副组长, 成员, 召集人 … as printed. */
  role: string;
  /** null where the list names posts only. */
  person: string | null;
  position: string;
  /** For adjustment notices. */
  change: "join" | "leave" | null;
  span: Span;
  spans: PersonSpans;
}

/** A quantitative target. */
export interface Target {
  indicator: string;
  value: number;
  unit: string;
  qualifier: string | null;
  year: number | null;
  span: Span;
  /** Where the indicator and the number are printed. */
  spans: TargetSpans;
}

/** Spans of a target's indicator and number. */
export interface TargetSpans {
  indicator: Span | null;
  value: Span | null;
}

/** One numbered section or item. */
export interface Section {
  marker: string;
  /** 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）, 5 for ①. */
  level: number;
  path: string[];
  heading: string;
  text: string;
  /** Which enclosed text of the notice (0, or 1, 2 …). */
  part: number;
  span: Span;
}

export interface Diagnostic {
  level: "info" | "warning" | "error";
  code: string;
  message: string;
  span: Span;
}

export type FurnitureKind = "page_header" | "page_number" | "web_chrome" | "metadata" | "duplicate";

export interface Furniture {
  kind: FurnitureKind;
  text: string;
  span: Span;
}

/** One row per task × unit (`tasks()`), as the CLI's `gongwen tasks`. */
export interface TaskRow {
  /** Index of the document in `Parse.documents`. */
  document: number;
  doc_number: string | null;
  doc_title: string;
  /** Index of the task in that document's `tasks`. */
  task: number;
  task_number: string;
  /** Enclosing markers joined with `/`. */
  task_path: string;
  task_heading: string;
  /** Empty when the task names officials but no unit. */
  unit: string;
  role: "lead" | "responsible" | "implied" | null;
  /** Lead officials joined with `、`. */
  officials: string;
  deadline_text: string | null;
  deadline_date: string | null;
}

/** One personnel row (`people()`), as the CLI's `gongwen people`. */
export interface PersonRow {
  document: number;
  doc_number: string | null;
  doc_title: string;
  person: string;
  /** `member`, `joins`, `leaves`: a member of a group (组成人员). */
  relation: "appoint" | "remove" | "supervises" | "liaises" | "leader" | "member" | "joins" | "leaves";
  /** The post (appointments), the body (division) or the group (members). */
  object: string;
  /** Leader's titles joined with `、`; a member's post. */
  titles: string;
  /** An appointment's note; a member's role (组长, 成员 …). */
  note: string | null;
  backup: string | null;
}

/** Options of `parse`, `tasks`, `people` and `parseBytes`. */
export interface ParseOptions {
  /** Year used to complete dates that omit it (`3月底前`) when the document gives none. */
  defaultYear?: number | null;
}

/** What `parseBytes` returns: the decoded text (spans index into it). */
export interface BytesParse {
  text: string;
  /** The encoding found. */
  encoding: "UTF-8" | "UTF-16LE" | "UTF-16BE" | "GB18030";
  parse: Parse;
}
