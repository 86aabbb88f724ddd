// Spans are UTF-16 code units: `text.slice(span.start, span.end)` is the
// source of each value, also after characters outside the BMP (𠮷 is two
// UTF-16 code units, four UTF-8 bytes).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { gongwen, corpusFiles, read, slice, squash, expectedFor, GAZETTE, ROOT } from "./helpers.mjs";

/** Values come from cleaned text: compare without whitespace, full-width forms folded, brackets as 〔〕. */
const norm = (s) => squash(s.normalize("NFKC")).replace(/[[【［(（]/g, "〔").replace(/[\]】］)）]/g, "〕");
/** The source of a span; a segmented span (text interrupted by a page header) is its segments joined. */
const source = (text, span) => (span.segments ? span.segments.map((r) => slice(text, r)).join("") : slice(text, span));

/** Values repaired from two printed pieces: their span is the hull of the pieces. */
const HULLS = new Map([["县农业农村局", norm("县、农业农村局")]]);

function checkRoundTrips(text, parse, label) {
  let checked = 0;
  const same = (value, span, what) => {
    assert.ok(span, `${label}: ${what} ${value} has a span`);
    assert.ok(Number.isInteger(span.start) && span.start <= span.end && span.end <= text.length, `${label}: ${what} span in range`);
    assert.equal(norm(source(text, span)), norm(value), `${label}: ${what}`);
    checked++;
  };
  for (const d of parse.documents) {
    if (d.spans.title) same(d.title, d.spans.title, "title");
    if (d.doc_number) same(d.doc_number.text, d.doc_number.span, "doc_number");
    d.recipients.forEach((r, i) => same(r, d.spans.recipients[i], "recipient"));
    d.issuers.forEach((r, i) => d.spans.issuers[i] && same(r, d.spans.issuers[i], "issuer"));
    d.enclosed_titles.forEach((r, i) => d.spans.enclosed_titles[i] && assert.ok(norm(source(text, d.spans.enclosed_titles[i])).includes(norm(r)), `${label}: enclosed title ${r}`));
    // Each value of a record and its own span, list by list.
    const each = (values, spans, what) => {
      assert.equal(values.length, spans.length, `${label}: ${what}: one span per value`);
      values.forEach((v, i) => (HULLS.get(v) === norm(source(text, spans[i])) ? checked++ : same(v, spans[i], what)));
    };
    for (const t of d.tasks) {
      const s = norm(source(text, t.span));
      assert.ok(s.startsWith(norm(t.number)), `${label}: task ${t.number} span starts with its number: ${s.slice(0, 30)}`);
      assert.ok(s.includes(norm(t.heading)), `${label}: task ${t.number} span holds its heading ${t.heading}`);
      checked++;
      if (t.heading) same(t.heading, t.spans.heading, "task heading");
      each(t.lead_officials, t.spans.lead_officials, "lead official");
      each(t.lead_units, t.spans.lead_units, "lead unit");
      each(t.responsible_units, t.spans.responsible_units, "responsible unit");
      assert.equal(t.implied_units.length, t.spans.implied_units.length, `${label}: implied units`);
      if (t.deadline) same(t.deadline.text, t.spans.deadline, "deadline");
    }
    for (const a of d.appointments) {
      assert.ok(norm(source(text, a.span)).includes(norm(a.person)), `${label}: appointment of ${a.person}`);
      checked++;
      same(a.person, a.spans.person, "person");
      same(a.position, a.spans.position, "position");
    }
    for (const a of d.division) {
      same(a.person, a.spans.person, "leader");
      each(a.titles, a.spans.titles, "title");
      each(a.supervises, a.spans.supervises, "supervises");
      each(a.liaises, a.spans.liaises, "liaises");
    }
    for (const t of d.targets) same(t.indicator, t.spans.indicator, "indicator");
    for (const a of d.attachments) {
      assert.ok(norm(source(text, a.span)).includes(norm(a.title)), `${label}: attachment ${a.title}`);
      checked++;
    }
  }
  return checked;
}

test("round trips over the whole corpus: titles, numbers, recipients, issuers, tasks and their values, appointments, leaders, targets, attachments", () => {
  let checked = 0;
  for (const file of corpusFiles()) {
    const text = read(file);
    checked += checkRoundTrips(text, gongwen.parse(text), relative(ROOT, file));
  }
  assert.ok(checked > 500, `checked ${checked} values`);
});

test("the gazette's first number slices exactly as printed (PDF padding kept in the source)", () => {
  const text = read(GAZETTE);
  const d = gongwen.parse(text).documents[0];
  assert.equal(d.doc_number.text, "潭县政办发〔2023〕2号");
  assert.equal(slice(text, d.doc_number.span), "潭县政办发 〔2023〕 2号");
});

test("a notice with 𠮷 before and inside every value", () => {
  const text = [
    "𠮷𠮷𠮷",
    "𠮷县人民政府办公室关于印发《𠮷县农业发展工作方案》的通知",
    "𠮷政办发〔2023〕7号",
    "各乡镇人民政府，𠮷县直有关单位：",
    "《𠮷县农业发展工作方案》已经县人民政府同意，现印发给你们，请认真贯彻执行。",
    "𠮷县人民政府办公室",
    "2023年3月29日",
    "𠮷县农业发展工作方案",
    "一、加强组织领导。（责任单位：𠮷县农业农村局、县财政局；完成时限：6月底前）",
    "二、落实资金保障。（牵头单位：县财政局；责任单位：𠮷县发展和改革局）",
    "",
  ].join("\n");
  const p = gongwen.parse(text);
  const d = p.documents[0];
  assert.equal(slice(text, d.doc_number.span), "𠮷政办发〔2023〕7号");
  assert.equal(slice(text, d.spans.title), "𠮷县人民政府办公室关于印发《𠮷县农业发展工作方案》的通知");
  assert.deepEqual(d.recipients, ["各乡镇人民政府", "𠮷县直有关单位"]);
  assert.deepEqual(d.recipients.map((_, i) => slice(text, d.spans.recipients[i])), d.recipients);
  assert.equal(slice(text, d.spans.date), "2023年3月29日");
  assert.equal(d.tasks.length, 2);
  assert.ok(slice(text, d.tasks[0].span).startsWith("一、加强组织领导"));
  assert.ok(slice(text, d.tasks[1].span).startsWith("二、落实资金保障"));
  assert.ok(d.tasks[0].responsible_units.includes("𠮷县农业农村局"));
  // the same offsets as the independent conversion of the core's UTF-8 spans
  const dir = mkdtempSync(join(tmpdir(), "gongwen-"));
  try {
    const file = join(dir, "astral.txt");
    writeFileSync(file, text);
    assert.deepStrictEqual(p, expectedFor(file, text));
  } finally {
    rmSync(dir, { recursive: true });
  }
  checkRoundTrips(text, p, "𠮷 notice");
});

test("the gazette with 湘 written as 𠮷 everywhere equals the CLI and round-trips", () => {
  const text = read(GAZETTE).replaceAll("湘", "𠮷");
  assert.ok(text.length > read(GAZETTE).length);
  const dir = mkdtempSync(join(tmpdir(), "gongwen-"));
  try {
    const file = join(dir, "gazette-astral.txt");
    writeFileSync(file, text);
    const p = gongwen.parse(text);
    assert.equal(p.documents.length, 11);
    assert.deepStrictEqual(p, expectedFor(file, text));
    assert.ok(checkRoundTrips(text, p, "𠮷 gazette") > 50);
    // a title that contains 𠮷 slices exactly up to its last line
    const t = p.documents.find((d) => d.title.includes("𠮷"));
    assert.ok(t && norm(slice(text, t.spans.title)) === norm(t.title));
  } finally {
    rmSync(dir, { recursive: true });
  }
});
