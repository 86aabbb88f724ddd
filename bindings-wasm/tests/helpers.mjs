// Shared by the Node tests: the package from pkg-node/, the corpus, the
// native CLI, and an independent UTF-8 → UTF-16 span conversion.
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const WASM_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
export const ROOT = join(WASM_DIR, "..");
export const CORPUS = join(ROOT, "corpus");
export const GAZETTE = join(CORPUS, "xiangtan-county-gazette-2023.txt");
export const CLI = join(ROOT, "target", "release", "gongwen");

const PKG = join(WASM_DIR, "pkg-node", "gongwen.js");
if (!existsSync(PKG)) {
  throw new Error(`${relative(ROOT, PKG)} is missing: run scripts/build-wasm first`);
}
/** The Node package as a user gets it: `require("gongwen-node")`. */
export const gongwen = createRequire(import.meta.url)(PKG);

/** Every .txt of the corpus: the gazette, corpus/real/, corpus/constructed/ (recursively). */
export function corpusFiles() {
  const out = [GAZETTE];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".txt")) out.push(p);
    }
  };
  walk(join(CORPUS, "real"));
  walk(join(CORPUS, "constructed"));
  return out;
}

// A corpus file as text, decoded the way the CLI decodes it: UTF-8, or
// GB18030 for the GBK-encoded documents of the corpus.
export const read = (file) => {
  const bytes = readFileSync(file);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
};

/** The native CLI's JSON for `file` (spans in UTF-8 bytes). */
export function cliParse(file) {
  if (!existsSync(CLI)) {
    throw new Error(`${relative(ROOT, CLI)} is missing: cargo build --release -p gongwen --features cli`);
  }
  const parsed = JSON.parse(execFileSync(CLI, ["parse", file, "--format", "json"], { maxBuffer: 1 << 30, encoding: "utf8" }));
  // The CLI notes when it decoded GB18030/UTF-16 bytes; parse() gets text.
  parsed.diagnostics = parsed.diagnostics.filter((d) => d.code !== "decoded");
  return parsed;
}

/**
 * A function mapping a UTF-8 byte offset of `text` to its UTF-16 offset,
 * written here independently of the Rust conversion it checks.
 */
export function utf8ToUtf16(text) {
  const map = new Uint32Array(Buffer.byteLength(text, "utf8") + 1);
  let byte = 0;
  let unit = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let k = 0; k < n; k++) map[byte + k] = unit; // inside a char: its start
    byte += n;
    unit += ch.length;
  }
  map[byte] = unit;
  return (b) => {
    if (!Number.isInteger(b) || b < 0 || b > byte) throw new Error(`byte offset ${b} outside 0..${byte}`);
    return map[b];
  };
}

/** Rewrites, in place, every span ({start, end} object) of a CLI result to UTF-16 units. */
export function convertSpans(value, toUtf16) {
  if (Array.isArray(value)) {
    for (const v of value) convertSpans(v, toUtf16);
  } else if (value && typeof value === "object") {
    if (typeof value.start === "number" && typeof value.end === "number") {
      value.start = toUtf16(value.start);
      value.end = toUtf16(value.end);
    }
    for (const v of Object.values(value)) convertSpans(v, toUtf16);
  }
  return value;
}

/** The CLI's result for `file` with spans in UTF-16 units of its text (and saying so). */
export function expectedFor(file, text = read(file)) {
  const expected = convertSpans(cliParse(file), utf8ToUtf16(text));
  expected.offsets = "utf16";
  return expected;
}

/** The gongwen-parsed text of a span (hull). */
export const slice = (text, span) => text.slice(span.start, span.end);

/** Removes whitespace: values come from cleaned text (line breaks, PDF padding dropped). */
export const squash = (s) => s.replace(/[\s\u3000]+/g, "");
