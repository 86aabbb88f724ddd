// Type-checked with `npx tsc --noEmit` (tsconfig.json): every contract type
// and function of the Node package, as a user would write them. Not run.
import {
  parse, tasks, people, parseBytes, version, schemaVersion,
  type Parse, type Document, type DocNumber, type Attachment, type Citation,
  type Task, type Deadline, type Appointment, type Assignment, type Target,
  type Section, type Span, type Range, type Diagnostic, type Furniture,
  type FurnitureKind, type HeaderSpans, type TaskRow, type PersonRow,
  type ParseOptions, type BytesParse, type Kind,
} from "../pkg-node/gongwen.js";

const text: string = "国务院办公厅关于某事的通知\n国办发〔2023〕12号\n";
const options: ParseOptions = { defaultYear: 2023 };
const result: Parse = parse(text, options);
parse(text);
parse(text, null);
parse(text, {});
// @ts-expect-error the text must be a string
parse(42);
// @ts-expect-error unknown option
parse(text, { year: 2023 });

const n: number = result.schema_version;
const preamble: Span | null = result.preamble;
const slice = (s: Span): string => text.slice(s.start, s.end);
const segments: Range[] | undefined = result.documents[0]?.span.segments;

for (const doc of result.documents) {
  const d: Document = doc;
  const kind: Kind | null = d.kind;
  const isNotice: boolean = kind === "通知";
  const title: string = d.title;
  const number: DocNumber | null = d.doc_number;
  if (number) {
    const parts: [string, string, number, number] = [number.text, number.agency, number.year, number.serial];
    slice(number.span);
  }
  const lists: string[][] = [d.issuers, d.recipients, d.enclosed_titles, d.signers, d.signature, d.notes, d.cc];
  const dates: (string | null)[] = [d.date, d.printed_date, d.copy_number, d.classification, d.urgency, d.printed_by];
  const spans: HeaderSpans = d.spans;
  if (spans.title) slice(spans.title);
  const perField: Span[][] = [spans.issuers, spans.recipients, spans.enclosed_titles, spans.signature, spans.cc, spans.notes];
  const dateSpan: Span | null = spans.date;
  for (const a of d.attachments) {
    const x: Attachment = a;
    const fields: [number, string, boolean] = [x.index, x.title, x.omitted];
  }
  for (const c of d.citations) {
    const x: Citation = c;
    const fields: [string | null, string | null] = [x.title, x.doc_number];
  }
  for (const t of d.tasks) {
    const x: Task = t;
    const fields: [string, string[], string, string] = [x.number, x.path, x.heading, x.text];
    const units: string[][] = [x.lead_officials, x.lead_units, x.responsible_units, x.implied_units];
    const deadline: Deadline | null = x.deadline;
    const due: string | null | undefined = deadline?.date;
    const dueText: string | undefined = deadline?.text;
  }
  for (const a of d.appointments) {
    const x: Appointment = a;
    const action: "appoint" | "remove" = x.action;
    const fields: [string, string, string | null] = [x.person, x.position, x.note];
  }
  for (const a of d.division) {
    const x: Assignment = a;
    const lists2: string[][] = [x.titles, x.duties, x.supervises, x.liaises, x.concurrent];
    const backup: string | null = x.backup;
    const person: string = x.person;
  }
  for (const t of d.targets) {
    const x: Target = t;
    const fields: [string, number, string, string | null, number | null] = [x.indicator, x.value, x.unit, x.qualifier, x.year];
  }
  for (const s of d.sections) {
    const x: Section = s;
    const fields: [string, number, string[], string, string, number] = [x.marker, x.level, x.path, x.heading, x.text, x.part];
  }
}
for (const g of result.diagnostics) {
  const x: Diagnostic = g;
  const level: "info" | "warning" | "error" = x.level;
  const fields: [string, string] = [x.code, x.message];
  slice(x.span);
}
for (const f of result.furniture) {
  const x: Furniture = f;
  const kind: FurnitureKind = x.kind;
  const t: string = x.text;
}

const rows: TaskRow[] = tasks(text, { defaultYear: 2023 });
for (const r of rows) {
  const cells: [number, string | null, string, string, string, string, string, string] =
    [r.document, r.doc_number, r.doc_title, r.task_number, r.task_path, r.task_heading, r.unit, r.officials];
  const role: "lead" | "responsible" | "implied" | null = r.role;
  const task: Task | undefined = result.documents[r.document]?.tasks[r.task];
  const deadline: [string | null, string | null] = [r.deadline_text, r.deadline_date];
}
const persons: PersonRow[] = people(text);
for (const r of persons) {
  const relation: "appoint" | "remove" | "supervises" | "liaises" | "leader" | "member" | "joins" | "leaves" = r.relation;
  const cells: [number, string | null, string, string, string, string, string | null, string | null] =
    [r.document, r.doc_number, r.doc_title, r.person, r.object, r.titles, r.note, r.backup];
}

const bytes: BytesParse = parseBytes(new Uint8Array([0xb9, 0xab, 0xce, 0xc4]));
const encoding: "UTF-8" | "UTF-16LE" | "UTF-16BE" | "GB18030" = bytes.encoding;
const decoded: string = bytes.text;
const nested: Parse = bytes.parse;
// @ts-expect-error bytes must be a Uint8Array
parseBytes("公文");

const v: string = version();
const sv: number = schemaVersion();
