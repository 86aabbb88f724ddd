// Bad input gives a JS Error with a message or a result — never a wasm
// trap (`RuntimeError: unreachable`), and the module keeps working after.
import { test } from "node:test";
import assert from "node:assert/strict";
import { gongwen, read, GAZETTE } from "./helpers.mjs";

const LIMIT = 16 * 1024 * 1024; // MAX_INPUT_UNITS in src/lib.rs

function assertError(fn, pattern) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof Error, `an Error, got ${e}`);
    assert.ok(!(e instanceof WebAssembly.RuntimeError), `not a wasm trap: ${e.message}`);
    assert.match(e.message, pattern);
    return true;
  });
}

/** The module still answers correctly after whatever came before. */
function stillWorks() {
  const p = gongwen.parse("国务院办公厅关于某事的通知\n国办发〔2023〕12号\n");
  assert.equal(p.documents[0].doc_number.text, "国办发〔2023〕12号");
}

test("a text that is not a string throws an Error naming what it got", () => {
  for (const [value, got] of [
    [42, "number"], [undefined, "undefined"], [null, "null"], [{}, "object"], [[], "an array"],
    [true, "boolean"], [Symbol("s"), "symbol"], [10n, "bigint"], [() => "x", "function"],
    [new String("公文"), "object"], [new Uint8Array(3), "object"],
  ]) {
    for (const fn of ["parse", "tasks", "people"]) {
      assertError(() => gongwen[fn](value), new RegExp(`gongwen\\.${fn}: expected the text as a string, got ${got}`));
    }
  }
  assertError(() => gongwen.parse(), /expected the text as a string, got undefined/);
  stillWorks();
});

test("bad options throw an Error; absent, null and {} are the defaults", () => {
  assertError(() => gongwen.parse("x", 2023), /options must be \{ defaultYear\?: number \}: got number/);
  assertError(() => gongwen.parse("x", "2023"), /got string/);
  assertError(() => gongwen.parse("x", [2023]), /got an array/);
  assertError(() => gongwen.parse("x", { year: 2023 }), /unknown option `year`/);
  assertError(() => gongwen.parse("x", { defaultYear: "2023" }), /defaultYear must be a whole year/);
  assertError(() => gongwen.parse("x", { defaultYear: 2023.5 }), /defaultYear must be a whole year/);
  assertError(() => gongwen.parse("x", { defaultYear: NaN }), /defaultYear must be a whole year/);
  assertError(() => gongwen.parse("x", { defaultYear: 1e12 }), /defaultYear must be a whole year/);
  const text = read(GAZETTE);
  const base = gongwen.parse(text);
  for (const o of [undefined, null, {}, { defaultYear: undefined }, { defaultYear: null }]) {
    assert.deepStrictEqual(gongwen.parse(text, o), base);
  }
  stillWorks();
});

test("empty and odd strings give a result with diagnostics", () => {
  for (const s of ["", " ", "\n\n\n", "\u0000", "\uFEFF", "\uD800", "a\uDC00b通知", "𠮷".repeat(1000), "关于".repeat(5000) + "的通知"]) {
    const p = gongwen.parse(s);
    assert.ok(Array.isArray(p.documents) && Array.isArray(p.diagnostics), JSON.stringify(s.slice(0, 20)));
    p.diagnostics.forEach((d) => assert.ok(d.span.end <= s.length));
  }
  assert.equal(gongwen.parse("").diagnostics[0].code, "empty_input");
  // lone surrogates are one code unit each, like their U+FFFD replacement: offsets stay in step
  const text = "\uD800" + read(GAZETTE);
  const d = gongwen.parse(text).documents[0];
  assert.equal(text.slice(d.doc_number.span.start, d.doc_number.span.end), "潭县政办发 〔2023〕 2号");
  stillWorks();
});

test("a 10 MB gazette (the corpus gazette repeated) parses", () => {
  const one = read(GAZETTE);
  const copies = Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(one));
  const text = one.repeat(copies);
  assert.ok(Buffer.byteLength(text) >= 10 * 1024 * 1024);
  const p = gongwen.parse(text);
  assert.equal(p.documents.length, 11 * copies);
  const last = p.documents.at(-1);
  assert.equal(text.slice(last.doc_number.span.start, last.doc_number.span.end).replace(/\s/g, ""), last.doc_number.text);
  stillWorks();
});

test("10 MB of pathological text (one-letter lines, one long line) gives a result", () => {
  for (const text of ["a\n".repeat(5 * 1024 * 1024), "关".repeat(3.5 * 1024 * 1024)]) {
    const p = gongwen.parse(text);
    assert.ok(Array.isArray(p.documents));
  }
  stillWorks();
});

test("input over the limit throws an Error instead of running out of memory", () => {
  assertError(() => gongwen.parse("a".repeat(LIMIT + 1)), /input too large \(16777217 UTF-16 code units; the limit is 16777216\)/);
  assertError(() => gongwen.tasks("a".repeat(LIMIT + 1)), /gongwen\.tasks: input too large/);
  assertError(() => gongwen.parseBytes(new Uint8Array(LIMIT + 1)), /gongwen\.parseBytes: input too large/);
  stillWorks();
});

test("parseBytes: bytes that are not text throw an Error naming the offset", () => {
  assertError(() => gongwen.parseBytes(new Uint8Array([0x61, 0x62, 0x00, 0x63])), /NUL byte at offset 2/);
  assertError(() => gongwen.parseBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0xff, 0xfe, 0x00])), /offset/);
  assertError(() => gongwen.parseBytes([1, 2, 3]), /expected a Uint8Array, got an array/);
  assertError(() => gongwen.parseBytes(new ArrayBuffer(3)), /expected a Uint8Array, got object/);
  assert.equal(gongwen.parseBytes(new Uint8Array()).parse.diagnostics[0].code, "empty_input");
  stillWorks();
});
