// The Node package returns exactly the native CLI's JSON (the contract),
// with spans in UTF-16 code units instead of UTF-8 bytes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { relative } from "node:path";
import { gongwen, corpusFiles, expectedFor, read, ROOT, GAZETTE, cliParse } from "./helpers.mjs";

test("the corpus has the gazette, 26 real documents and the constructed ones", () => {
  const files = corpusFiles().map((f) => relative(ROOT, f));
  assert.equal(files[0], "corpus/xiangtan-county-gazette-2023.txt");
  assert.equal(files.filter((f) => f.startsWith("corpus/real/")).length, 26);
  assert.ok(files.filter((f) => f.startsWith("corpus/constructed/")).length >= 40);
});

for (const file of corpusFiles()) {
  test(`parse(${relative(ROOT, file)}) equals the CLI's JSON with UTF-16 spans`, () => {
    const text = read(file);
    const got = gongwen.parse(text);
    assert.deepStrictEqual(got, expectedFor(file, text));
  });
}

test("the gazette: eleven documents, 潭县政办发〔2023〕2号 first, tasks and people", () => {
  const p = gongwen.parse(read(GAZETTE));
  assert.equal(p.schema_version, gongwen.schemaVersion());
  // The result says which unit its spans are in.
  assert.equal(p.offsets, "utf16");
  assert.equal(p.documents.length, 11);
  assert.equal(p.documents[0].doc_number.text, "潭县政办发〔2023〕2号");
  assert.deepEqual(p.documents[0].doc_number, { ...p.documents[0].doc_number, agency: "潭县政办发", year: 2023, serial: 2 });
  assert.ok(p.documents.some((d) => d.tasks.length > 0));
  assert.ok(p.documents.some((d) => d.appointments.length > 0));
  assert.ok(p.documents.some((d) => d.division.length > 0));
  // absent values are null, empty lists [] (never undefined)
  for (const d of p.documents) {
    for (const [k, v] of Object.entries(d)) assert.notEqual(v, undefined, k);
  }
});

test("tasks() and people() equal the CLI's tables", async () => {
  const { execFileSync } = await import("node:child_process");
  const { CLI } = await import("./helpers.mjs");
  cliParse(GAZETTE); // fails with a clear message when the CLI is missing
  const text = read(GAZETTE);
  for (const [fn, cmd] of [["tasks", "tasks"], ["people", "people"]]) {
    const cli = JSON.parse(execFileSync(CLI, [cmd, GAZETTE, "--format", "json"], { encoding: "utf8", maxBuffer: 1 << 28 }));
    const got = gongwen[fn](text);
    assert.ok(got.length > 0, `${fn}() has rows`);
    // The CLI's table adds a "source" column naming the file; the rest is the same.
    const strip = (rows) => rows.map(({ source, ...rest }) => rest);
    assert.deepStrictEqual(strip(got), strip(cli));
  }
});

test("defaultYear completes deadlines without a year like the core does", () => {
  const text = "某县人民政府办公室关于做好某项工作的通知\n各乡镇人民政府：\n一、完善制度。（责任单位：县财政局；完成时限：3月底前）\n";
  const without = gongwen.parse(text);
  const withYear = gongwen.parse(text, { defaultYear: 2021 });
  const dl = (p) => p.documents[0]?.tasks[0]?.deadline;
  assert.equal(dl(withYear)?.text, "3月底前");
  assert.equal(dl(withYear)?.date, "2021-03-31");
  assert.notEqual(dl(without)?.date, "2021-03-31");
});

test("parseBytes decodes GB18030 and UTF-16 and returns the text its spans index", () => {
  const text = read(GAZETTE);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  const r = gongwen.parseBytes(new Uint8Array(utf16));
  assert.equal(r.encoding, "UTF-16LE");
  assert.equal(r.text, text);
  assert.deepStrictEqual(r.parse, gongwen.parse(text));
  // "公文通知" in GBK
  const gbk = gongwen.parseBytes(new Uint8Array([0xb9, 0xab, 0xce, 0xc4, 0xcd, 0xa8, 0xd6, 0xaa]));
  assert.equal(gbk.encoding, "GB18030");
  assert.equal(gbk.text, "公文通知");
  assert.throws(() => gongwen.parseBytes(new Uint8Array([0x61, 0x00, 0x62])), (e) => e instanceof Error && /NUL|binary/.test(e.message));
  assert.throws(() => gongwen.parseBytes("公文"), (e) => e instanceof Error && /Uint8Array/.test(e.message));
});

test("version() is the Cargo version", () => {
  assert.match(gongwen.version(), /^\d+\.\d+\.\d+/);
});
