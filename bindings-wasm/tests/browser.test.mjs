// End-to-end in headless Chromium (Debian's /usr/bin/chromium driven by
// playwright-core; no browser is downloaded): the page in www/ served by a
// static server on 127.0.0.1, the corpus gazette pasted, its structure
// shown, and a click on a value selects its source in the textarea.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import { chromium } from "playwright-core";
import { WASM_DIR, GAZETTE } from "./helpers.mjs";

const CHROMIUM = "/usr/bin/chromium";
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".json": "application/json",
  ".ts": "text/plain; charset=utf-8",
};

let server;
let browser;
let base;

/** Serves bindings-wasm/ as `python3 -m http.server` would, on a free port. */
function serve(root) {
  return new Promise((resolve) => {
    const s = createServer((req, res) => {
      let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(root + sep) && file !== root) return res.writeHead(403).end();
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
      if (!existsSync(file)) return res.writeHead(404).end("not found");
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(readFileSync(file));
    });
    s.listen(0, "127.0.0.1", () => resolve(s));
  });
}

before(async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: apt-get install -y chromium`);
  assert.ok(existsSync(join(WASM_DIR, "pkg", "gongwen_bg.wasm")), "pkg/ is missing: run scripts/build-wasm");
  assert.ok(existsSync(join(WASM_DIR, "www", "gazette.txt")), "www/gazette.txt is missing: run scripts/build-wasm");
  server = await serve(WASM_DIR);
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r()));
});

const squash = (s) => s.replace(/[\s\u3000]+/g, "");

async function openPage() {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
  // Nothing but the local server is ever contacted (no CDN).
  await page.route("**/*", (route) =>
    route.request().url().startsWith(base) ? route.continue() : (problems.push(`external: ${route.request().url()}`), route.abort()),
  );
  await page.goto(`${base}/www/`);
  await page.waitForSelector("body[data-ready=true]", { timeout: 15000 });
  return { page, problems };
}

/** Clicks a value and returns the text the textarea then has selected. */
async function clickAndReadSelection(page, locator) {
  await locator.scrollIntoViewIfNeeded();
  await locator.click();
  return page.evaluate(() => {
    const t = document.getElementById("input");
    return { start: t.selectionStart, end: t.selectionEnd, text: t.value.slice(t.selectionStart, t.selectionEnd), focused: document.activeElement === t, scrollTop: t.scrollTop };
  });
}

test("paste the gazette: eleven documents, 潭县政办发〔2023〕2号, tasks, and clicks select the source", async () => {
  const { page, problems } = await openPage();
  const gazette = readFileSync(GAZETTE, "utf8");

  // Paste: the text arrives in one input event; live parsing (debounced) renders it.
  await page.locator("#input").focus();
  await page.evaluate((text) => {
    const t = document.getElementById("input");
    t.value = text;
    t.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
  }, gazette);
  await page.waitForFunction(() => document.querySelectorAll(".doc").length > 0, null, { timeout: 15000 });

  assert.equal(await page.locator(".doc").count(), 11);
  assert.match(await page.locator("#status").innerText(), /^11 份文件 · \d+ 项任务/);
  assert.equal(await page.locator(".doc-nav a").count(), 11);
  const numbers = await page.locator(".val.number").allInnerTexts();
  assert.ok(numbers.includes("潭县政办发〔2023〕2号"), numbers.join(" "));
  assert.ok(await page.getByText("潭县政办发〔2023〕2号").first().isVisible());

  // the task table has rows, with units
  const taskRows = await page.locator("table.tasks tbody tr").count();
  assert.ok(taskRows > 0, "task rows");
  assert.ok((await page.locator("table.tasks .chip.unit").count()) > 0, "units in the task table");
  assert.ok((await page.locator("table.appointments tbody tr").count()) > 0, "appointments");
  assert.ok((await page.locator("table.division tbody tr").count()) > 0, "division");

  // clicking a unit selects where it is printed in the textarea
  const unit = page.locator("table.tasks .chip.unit.responsible").first();
  const unitName = await unit.innerText();
  let sel = await clickAndReadSelection(page, unit);
  assert.ok(sel.focused, "the textarea has the focus");
  assert.ok(sel.end > sel.start);
  assert.equal(squash(sel.text), squash(unitName), `selected ${JSON.stringify(sel.text)} for ${unitName}`);
  assert.equal(await unit.getAttribute("class").then((c) => c.includes("active")), true);

  // a lead unit of another task, and the number of the first document
  const lead = page.locator("table.tasks .chip.unit.lead").first();
  if ((await lead.count()) > 0) {
    sel = await clickAndReadSelection(page, lead);
    assert.equal(squash(sel.text), squash(await lead.innerText()));
  }
  sel = await clickAndReadSelection(page, page.locator(".val.number", { hasText: "潭县政办发〔2023〕2号" }));
  assert.equal(sel.text, "潭县政办发 〔2023〕 2号");
  assert.equal(gazette.slice(sel.start, sel.end), sel.text);

  // a value far down the text scrolls the textarea to it
  const last = page.locator(".doc").last().locator(".val.number");
  sel = await clickAndReadSelection(page, last);
  assert.equal(squash(sel.text), squash(await last.innerText()));
  assert.ok(sel.scrollTop > 1000, `textarea scrolled to the selection (scrollTop ${sel.scrollTop})`);
  const visible = await page.evaluate(() => {
    const t = document.getElementById("input");
    return t.scrollTop <= t.scrollHeight - t.clientHeight + 1;
  });
  assert.ok(visible);

  // back to a unit for the screenshot
  const shotUnit = page.locator("#doc-1 table.tasks .chip.unit").nth(2);
  await clickAndReadSelection(page, shotUnit);
  await page.locator("#doc-1 table.tasks").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(WASM_DIR, "tests", "screenshot.png") });

  assert.deepEqual(problems, []);
  await page.close();
});

test("the 'load gazette' button and the Parse button give the same structure; editing re-parses", async () => {
  const { page, problems } = await openPage();
  await page.locator("#load-gazette").click();
  await page.waitForFunction(() => document.querySelectorAll(".doc").length === 11, null, { timeout: 15000 });

  // switch live parsing off: typing leaves the result until Parse is pressed
  await page.locator("#live").uncheck();
  await page.locator("#input").fill("国务院办公厅关于某事的通知\n国办发〔2023〕12号\n各省、自治区、直辖市人民政府：\n现将有关事项通知如下。\n国务院办公厅\n2023年3月29日\n");
  assert.equal(await page.locator(".doc").count(), 11);
  await page.locator("#parse").click();
  await page.waitForFunction(() => document.querySelectorAll(".doc").length === 1);
  assert.deepEqual(await page.locator(".doc .val.number").allInnerTexts(), ["国办发〔2023〕12号"]);
  const recipient = page.locator(".doc .fields .chip").filter({ hasText: "各省、自治区、直辖市人民政府" });
  const sel = await clickAndReadSelection(page, recipient);
  assert.equal(sel.text, "各省、自治区、直辖市人民政府");

  // bad text never breaks the page: empty input shows zero documents, and
  // the position of the old selection goes with the old result
  assert.notEqual(await page.locator("#selection-info").innerText(), "");
  await page.locator("#clear").click();
  await page.waitForFunction(() => document.querySelectorAll(".doc").length === 0);
  assert.match(await page.locator("#status").innerText(), /^0 份文件/);
  assert.equal(await page.locator("#selection-info").innerText(), "");
  assert.ok(await page.locator("#error").isHidden());
  // garbage: no "（无标题）" document, a message that none was recognised,
  // and the diagnostics shown
  await page.locator("#input").fill("@@@ ### 123 abc !!!");
  await page.locator("#parse").click();
  await page.waitForFunction(() => /未识别出公文/.test(document.querySelector("#status").textContent));
  assert.equal(await page.locator(".doc").count(), 0);
  assert.ok(await page.locator("#diagnostics").isVisible());
  assert.deepEqual(problems, []);
  await page.close();
});
