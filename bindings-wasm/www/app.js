// The demo page: paste a notice or a gazette, see its structure, click a
// value to select its source in the text. Everything runs in the browser:
// the parser is the WebAssembly package built by scripts/build-wasm into
// ../pkg/ (serve bindings-wasm/ and open /www/).
import init, { parse, parseBytes, version } from "../pkg/gongwen.js";

const $ = (id) => document.getElementById(id);
const input = $("input");
const statusEl = $("status");
const docsEl = $("documents");
const navEl = $("doc-nav");
const errorEl = $("error");
const diagEl = $("diagnostics");
const selInfo = $("selection-info");

let lastMs = 0;
let timer = 0;
let parsedText = null;

/** Creates an element: h("td", { class: "x", dataset: {…} }, child, "text", …). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Where `needle` is printed inside `span` of `text` (UTF-16 offsets), for
 * the few values that carry no span of their own (文种, a note, an AB角
 * partner, a concurrent post): the last occurrence, allowing line breaks
 * and padding between characters; failing that, the whole span. Units,
 * officials, deadlines, names and posts use their own spans.
 */
function locate(text, span, needle, { first = false } = {}) {
  if (!span) return null;
  const hay = text.slice(span.start, span.end);
  if (needle) {
    const i = first ? hay.indexOf(needle) : hay.lastIndexOf(needle);
    if (i >= 0) return [span.start + i, span.start + i + needle.length];
    const re = new RegExp([...needle].map(escapeRe).join("[\\s\\u3000]*"), "gu");
    let m;
    let found = null;
    while ((m = re.exec(hay))) {
      found = m;
      if (first) break;
      re.lastIndex = m.index + 1;
    }
    if (found) return [span.start + found.index, span.start + found.index + found[0].length];
  }
  return [span.start, span.end];
}

/** A clickable value; `range` is [start, end] in UTF-16 units or null. */
function val(label, range, cls = "val", title = null) {
  if (!range) return h("span", { class: `${cls} nospan`, title }, label);
  return h("button", { type: "button", class: cls, title, dataset: { start: range[0], end: range[1] } }, label);
}
const spanRange = (s) => (s ? [s.start, s.end] : null);
/** A value list and its spans (`record.spans[field]`) as [value, span] pairs. */
const withSpans = (values, spans) => values.map((v, i) => [v, spans[i]]);
const none = () => h("span", { class: "muted" }, "—");
const list = (items) => (items.length ? h("span", { class: "chips" }, items) : none());

function field(label, ...value) {
  return [h("dt", {}, label), h("dd", {}, ...value)];
}

function renderDocument(text, d, k) {
  const docSpan = d.span;
  const inDoc = (needle, opts) => locate(text, docSpan, needle, opts);
  const numberText = d.doc_number?.text;
  const head = h(
    "header",
    { class: "doc-head" },
    h("span", { class: "doc-index" }, k + 1),
    d.kind ? h("span", { class: "badge" }, d.kind) : null,
    h("h2", {}, val(d.title || "（无标题）", spanRange(d.spans.title) ?? [docSpan.start, docSpan.end], "val title")),
    val("全文", [docSpan.start, docSpan.end], "val whole", "选中整份文件"),
  );

  const fields = h(
    "dl",
    { class: "fields" },
    field("文种", d.kind ? val(d.kind, locate(text, d.spans.title, d.kind)) : none()),
    field("标题", d.title ? val(d.title, spanRange(d.spans.title)) : none()),
    field("发文字号", d.doc_number ? val(numberText, spanRange(d.doc_number.span), "val number") : none()),
    field("发文机关", list(d.issuers.map((x, i) => val(x, spanRange(d.spans.issuers[i]) ?? inDoc(x, { first: true }), "chip")))),
    field("主送", list(d.recipients.map((x, i) => val(x, spanRange(d.spans.recipients[i]), "chip")))),
    field("成文日期", d.date ? val(d.date, spanRange(d.spans.date)) : none()),
    d.enclosed_titles.length
      ? field("印发", list(d.enclosed_titles.map((x, i) => val(`《${x}》`, spanRange(d.spans.enclosed_titles[i]) ?? inDoc(x, { first: true }), "chip"))))
      : null,
    field(
      "附件",
      d.attachments.length
        ? h("ol", { class: "plain" }, d.attachments.map((a) => h("li", {}, val(`${a.index}. ${a.title}${a.omitted ? "（略）" : ""}`, spanRange(a.span)))))
        : none(),
    ),
    field(
      "引用",
      d.citations.length
        ? h(
            "ul",
            { class: "plain" },
            d.citations.map((c) =>
              h("li", {}, val([c.title ? `《${c.title}》` : "", c.doc_number ? ` ${c.doc_number}` : ""].join("").trim(), spanRange(c.span))),
            ),
          )
        : none(),
    ),
    d.signature.length ? field("署名", list(d.signature.map((x, i) => val(x, spanRange(d.spans.signature[i]), "chip")))) : null,
    d.cc.length ? field("抄送", list(d.cc.map((x, i) => val(x, spanRange(d.spans.cc[i]), "chip")))) : null,
    d.printed_by || d.printed_date
      ? field("印发机关", [d.printed_by ? val(d.printed_by, inDoc(d.printed_by)) : "", d.printed_date ? ` ${d.printed_date}` : ""])
      : null,
  );

  const parts = [head, fields];
  if (d.tasks.length) parts.push(renderTasks(text, d));
  if (d.appointments.length) parts.push(renderAppointments(text, d));
  if (d.division.length) parts.push(renderDivision(text, d));
  if (d.targets.length) parts.push(renderTargets(text, d));
  return h("section", { class: "doc", id: `doc-${k + 1}`, dataset: { index: k } }, parts);
}

function table(cls, caption, columns, rows) {
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { class: cls },
      h("caption", {}, caption),
      h("thead", {}, h("tr", {}, columns.map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, rows),
    ),
  );
}

function renderTasks(text, d) {
  const rows = d.tasks.map((t) => {
    const s = t.spans;
    const unit = ([u, span], cls, title) => val(u, spanRange(span), `chip unit ${cls}`, title);
    const leads = withSpans(t.lead_units, s.lead_units).map((x) => unit(x, "lead"));
    const others = withSpans(t.responsible_units, s.responsible_units)
      .filter(([u]) => !t.lead_units.includes(u))
      .map((x) => unit(x, "responsible"));
    // An implied unit's span is the rule that implies it.
    const implied = withSpans(t.implied_units, s.implied_units).map((x) => unit(x, "implied", "按文件统一规定包含"));
    let deadline = none();
    if (t.deadline) {
      deadline = h("span", {}, val(t.deadline.text, spanRange(s.deadline)), t.deadline.date ? h("small", { class: "muted" }, ` ${t.deadline.date}`) : null);
    }
    return h(
      "tr",
      {},
      h("td", { class: "nowrap" }, val(t.path.join("") + t.number, spanRange(t.span), "val marker", "选中整个事项")),
      h("td", { class: "heading" }, val(t.heading, spanRange(s.heading))),
      h("td", {}, list(leads)),
      h("td", {}, list([...others, ...implied])),
      h("td", {}, list(withSpans(t.lead_officials, s.lead_officials).map(([p, span]) => val(p, spanRange(span), "chip person")))),
      h("td", { class: "nowrap" }, deadline),
    );
  });
  return table("tasks", `任务（${d.tasks.length}）`, ["编号", "事项", "牵头单位", "责任单位", "牵头领导", "时限"], rows);
}

function renderAppointments(text, d) {
  const rows = d.appointments.map((a) =>
    h(
      "tr",
      {},
      h("td", {}, h("span", { class: `badge ${a.action}` }, a.action === "appoint" ? "任" : "免")),
      h("td", { class: "nowrap" }, val(a.person, spanRange(a.spans.person), "val person")),
      h("td", {}, val(a.position, spanRange(a.spans.position))),
      h("td", {}, a.note ? val(a.note, locate(text, a.span, a.note)) : none()),
    ),
  );
  return table("appointments", `任免（${d.appointments.length}）`, ["", "姓名", "职务", "备注"], rows);
}

function renderDivision(text, d) {
  const rows = d.division.map((a) => {
    const inRec = (x) => locate(text, a.span, x, { first: true });
    const chips = (values, spans, cls) => withSpans(values, spans).map(([x, span]) => val(x, spanRange(span), cls));
    return h(
      "tr",
      {},
      h("td", { class: "nowrap" }, val(a.person, spanRange(a.spans.person), "val person")),
      h("td", {}, list([...chips(a.titles, a.spans.titles, "chip"), ...a.concurrent.map((x) => val(x, inRec(x), "chip"))])),
      h("td", {}, list(chips(a.supervises, a.spans.supervises, "chip unit"))),
      h("td", {}, list(chips(a.liaises, a.spans.liaises, "chip unit"))),
      h("td", { class: "nowrap" }, a.backup ? val(a.backup, inRec(a.backup), "val person") : none()),
    );
  });
  return table("division", `领导分工（${d.division.length}）`, ["姓名", "职务", "分管", "联系", "AB角"], rows);
}

function renderTargets(text, d) {
  const rows = d.targets.map((t) =>
    h(
      "tr",
      {},
      h("td", {}, val(t.indicator, spanRange(t.spans.indicator) ?? spanRange(t.span))),
      h("td", { class: "nowrap" }, val(`${t.value}${t.unit}${t.qualifier ?? ""}`, spanRange(t.spans.value))),
      h("td", {}, t.year ?? none()),
    ),
  );
  return table("targets", `目标（${d.targets.length}）`, ["指标", "目标值", "年份"], rows);
}

/**
 * Whether the parse recognised a document: a title, a 发文字号, a date, or
 * any record. A text with none of them (an empty paste, garbage) is read as
 * one untitled document or none, which is no result to show as one.
 */
function recognised(d) {
  return Boolean(d.title || d.doc_number || d.date || d.tasks.length || d.appointments.length || d.division.length || d.members.length);
}

function render(text, result, ms) {
  parsedText = text;
  // A new parse: the old selection's position no longer applies.
  selInfo.textContent = "";
  const docs = result.documents.filter(recognised);
  const count = (k) => docs.reduce((n, d) => n + d[k].length, 0);
  statusEl.textContent = docs.length
    ? `${docs.length} 份文件 · ${count("tasks")} 项任务 · ${count("appointments")} 项任免 · ` +
      `${count("division")} 位领导分工 · 解析用时 ${ms.toFixed(1)} ms`
    : text.trim()
      ? `0 份文件：未识别出公文（没有标题、文号、日期或任务等），见下方诊断信息 · 解析用时 ${ms.toFixed(1)} ms`
      : "0 份文件：请粘贴公文文本";
  navEl.replaceChildren(
    ...docs.map((d, k) =>
      h("a", { href: `#doc-${k + 1}`, title: d.title }, h("b", {}, k + 1), " ", d.doc_number?.text ?? d.kind ?? (d.title.slice(0, 12) || "文件")),
    ),
  );
  docsEl.replaceChildren(...docs.map((d, k) => renderDocument(text, d, k)));
  const diags = result.diagnostics;
  diagEl.hidden = diags.length === 0;
  diagEl.querySelector("summary").textContent = `诊断信息（${diags.length}）`;
  diagEl.querySelector("ul").replaceChildren(
    ...diags.map((g) => h("li", {}, h("span", { class: `level ${g.level}` }, g.level), " ", val(`${g.code}: ${g.message}`, spanRange(g.span)))),
  );
}

function showError(message) {
  errorEl.hidden = !message;
  errorEl.textContent = message ?? "";
}

function run() {
  clearTimeout(timer);
  const text = input.value;
  const t0 = performance.now();
  let result;
  try {
    result = parse(text);
  } catch (e) {
    showError(`解析失败：${e.message}`);
    return;
  }
  lastMs = performance.now() - t0;
  showError(null);
  render(text, result, lastMs);
}

function schedule() {
  if (!$("live").checked) {
    statusEl.textContent = "文本已修改，点「解析」更新结果";
    return;
  }
  clearTimeout(timer);
  timer = setTimeout(run, Math.min(1500, 150 + 2 * lastMs));
}

// ---- highlighting the source of a value in the textarea ----

const mirror = document.createElement("div");
mirror.className = "mirror";
mirror.setAttribute("aria-hidden", "true");
document.body.append(mirror);

/** Scrolls the textarea so that offset `start` is in view (a hidden mirror measures where it falls). */
function scrollToOffset(start) {
  const cs = getComputedStyle(input);
  for (const p of ["fontFamily", "fontSize", "lineHeight", "letterSpacing", "paddingTop", "paddingLeft", "paddingRight", "borderLeftWidth", "borderRightWidth", "boxSizing", "tabSize"]) {
    mirror.style[p] = cs[p];
  }
  mirror.style.width = `${input.clientWidth + parseFloat(cs.borderLeftWidth) + parseFloat(cs.borderRightWidth)}px`;
  const marker = document.createElement("span");
  marker.textContent = "\u200b";
  mirror.replaceChildren(document.createTextNode(input.value.slice(0, start)), marker);
  const top = marker.offsetTop;
  input.scrollTop = Math.max(0, top - input.clientHeight / 3);
}

function select(el) {
  if (parsedText !== input.value) {
    statusEl.textContent = "文本已修改，请先重新解析";
    return;
  }
  const start = Number(el.dataset.start);
  const end = Number(el.dataset.end);
  document.querySelectorAll(".active").forEach((x) => x.classList.remove("active"));
  el.classList.add("active");
  input.focus({ preventScroll: true });
  input.setSelectionRange(start, end);
  scrollToOffset(start);
  const line = input.value.slice(0, start).split("\n").length;
  selInfo.textContent = `第 ${line} 行 · 位置 ${start}–${end}`;
}

document.querySelector(".results").addEventListener("click", (ev) => {
  const el = ev.target.closest("[data-start]");
  if (el) select(el);
});

// ---- wiring ----

async function loadGazette() {
  statusEl.textContent = "正在载入示例公报…";
  const res = await fetch("gazette.txt");
  if (!res.ok) throw new Error(`gazette.txt: HTTP ${res.status} (run scripts/build-wasm, which copies it here)`);
  input.value = await res.text();
  input.scrollTop = 0;
  run();
}

async function openFile(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    const t0 = performance.now();
    const r = parseBytes(bytes);
    lastMs = performance.now() - t0;
    input.value = r.text;
    showError(null);
    render(r.text, r.parse, lastMs);
    statusEl.textContent += ` · ${file.name}（${r.encoding}）`;
  } catch (e) {
    showError(`${file.name}：${e.message}`);
  }
}

async function main() {
  try {
    await init();
  } catch (e) {
    showError(`无法加载 WebAssembly 解析器（${e.message}）。请先运行 scripts/build-wasm，并通过 HTTP 打开本页：在 bindings-wasm/ 下运行 python3 -m http.server，然后访问 http://localhost:8000/www/`);
    statusEl.textContent = "解析器未加载";
    return;
  }
  statusEl.textContent = `解析器已就绪（gongwen ${version()}）。粘贴文本，或载入示例公报。`;
  $("parse").addEventListener("click", run);
  $("live").addEventListener("change", () => $("live").checked && run());
  input.addEventListener("input", schedule);
  $("clear").addEventListener("click", () => {
    input.value = "";
    run();
    input.focus();
  });
  $("load-gazette").addEventListener("click", () => loadGazette().catch((e) => showError(e.message)));
  $("file").addEventListener("change", (ev) => ev.target.files[0] && openFile(ev.target.files[0]));
  document.body.dataset.ready = "true";
  if (input.value) run();
}

main();
