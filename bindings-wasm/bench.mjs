// Parse throughput of the WebAssembly package in Node against native Rust,
// on the corpus gazette (or the file given as the first argument).
//
//   node bench.mjs [FILE] [SECONDS]      (after scripts/build-wasm)
//
// Node: `parse(text)` of pkg-node/, the whole call (copying the string into
// wasm, parsing, UTF-16 offsets, building the result objects). Native: the
// example native_throughput (gongwen::parse plus the offset conversion),
// built with `cargo run --release`. MB/s are 10^6 bytes of UTF-8 input per
// second.
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const file = resolve(process.argv[2] || join(root, "corpus", "xiangtan-county-gazette-2023.txt"));
const seconds = Number(process.argv[3] || 2);
const { parse, tasks } = createRequire(import.meta.url)(join(here, "pkg-node", "gongwen.js"));
const text = readFileSync(file, "utf8");
const bytes = Buffer.byteLength(text);

function time(fn) {
  for (let i = 0; i < 10; i++) fn();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    fn();
    n++;
  }
  const ms = (performance.now() - start) / n;
  return { iterations: n, ms_per_parse: ms, mb_per_s: bytes / 1e6 / (ms / 1000) };
}

const node = time(() => parse(text));
const nodeTasks = time(() => tasks(text));
const out = execFileSync(
  "cargo",
  ["run", "--quiet", "--release", "-p", "gongwen-wasm", "--example", "native_throughput", "--", file, String(seconds)],
  { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
);
const native = JSON.parse(out.trim().split("\n").at(-1));

const f = (x) => x.toFixed(1);
console.log(`input: ${relative(root, file)}, ${bytes} bytes (${text.length} UTF-16 units); Node ${process.version}`);
console.log(`node   parse(): ${f(node.mb_per_s)} MB/s  (${node.ms_per_parse.toFixed(2)} ms per parse, ${node.iterations} runs)`);
console.log(`node   tasks(): ${f(nodeTasks.mb_per_s)} MB/s  (${nodeTasks.ms_per_parse.toFixed(2)} ms per call)`);
console.log(`native parse:   ${f(native.mb_per_s)} MB/s  (${native.ms_per_parse.toFixed(2)} ms per parse, ${native.iterations} runs)`);
console.log(`node/native:    ${(node.mb_per_s / native.mb_per_s).toFixed(2)}`);
