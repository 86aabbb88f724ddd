// The two npm packages can both be published and are resolved by their
// exports maps: `gongwen` (web, ES module) and `gongwen-node` (CommonJS).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const read = (dir) => JSON.parse(readFileSync(join(here, "..", dir, "package.json"), "utf8"));

test("the web and Node packages have different names and exports maps", () => {
  const web = read("pkg");
  const node = read("pkg-node");
  assert.equal(web.name, "gongwen");
  assert.equal(node.name, "gongwen-node");
  assert.equal(web.exports["."].import, "./gongwen.js");
  assert.equal(web.exports["."].types, "./gongwen.d.ts");
  assert.equal(node.exports["."].require, "./gongwen.js");
  assert.equal(web.version, node.version);
});

test("the Node package loads through its exports map", () => {
  const require = createRequire(import.meta.url);
  const { parse } = require(join(here, "..", "pkg-node"));
  assert.equal(parse("某县人民政府关于某事的通知\n").documents[0].kind, "通知");
});

test("the README's browser example uses no top-level await", () => {
  const readme = readFileSync(join(here, "..", "README.md"), "utf8");
  const example = readme.slice(readme.indexOf("// Browser"), readme.indexOf("```", readme.indexOf("// Browser")));
  assert.ok(example.includes("init().then("), example);
  assert.ok(!/^await init\(\)/m.test(example), example);
});
