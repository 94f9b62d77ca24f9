// xindegen serve: the page. Plain JavaScript, no build step; every action is one call of the
// JSON API under /api/ (documented in the README), which calls the same library as the CLI.
"use strict";

const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => Array.from(root.querySelectorAll(sel));
const NUMS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

const state = {
  info: null,
  outline: null,        // the draft being edited (outline JSON, schema xindegen.outline/1)
  options: null,        // the /api/new options it was made with (for rewriting one section)
  chosenSet: null,      // a heading set picked before drafting
  material: null,       // {id, name} of uploaded study material
  briefFile: null,      // {id, name} of an uploaded brief .yaml
  template: null,       // {id, name} of an uploaded Word template
  questions: [],
  batch: null,          // id of the batch being watched
};

// ---------- talking to the server ----------

class ApiError extends Error {}

async function call(method, url, body) {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(url, init);
  } catch (e) {
    throw new ApiError("无法连接到 xindegen 服务：它可能已经停止，请重新启动 xindegen serve。");
  }
  const type = res.headers.get("content-type") || "";
  if (!res.ok) {
    let message = `请求失败（${res.status}）`;
    if (type.includes("application/json")) {
      const data = await res.json();
      message = data.problems ? data.problems.join("\n") : data.error || message;
    }
    throw new ApiError(message);
  }
  return type.includes("application/json") ? res.json() : res;
}

async function upload(file) {
  const limit = state.info ? state.info.limits.upload_mb : 20;
  if (file.size > limit * 1024 * 1024) throw new ApiError(`文件“${file.name}”太大（上限 ${limit} MB）`);
  const res = await fetch(`/api/uploads?name=${encodeURIComponent(file.name)}`, {
    method: "POST", headers: { "Content-Type": "application/octet-stream" }, body: file,
  }).catch(() => { throw new ApiError("无法连接到 xindegen 服务"); });
  const data = await res.json();
  if (!res.ok) throw new ApiError(data.error || `上传失败（${res.status}）`);
  return data;
}

function say(box, text, kind = "error") {
  const el = typeof box === "string" ? $(box) : box;
  el.textContent = text || "";
  el.className = "msg" + (text ? " " + kind : "");
}

async function busy(button, msgBox, fn) {
  const label = button.textContent;
  button.disabled = true;
  button.classList.add("busy");
  say(msgBox, "");
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ApiError) say(msgBox, e.message);
    else { say(msgBox, "出错了：" + e.message); console.error(e); }
    return undefined;
  } finally {
    button.disabled = false;
    button.classList.remove("busy");
    button.textContent = label;
  }
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c);
  return node;
}

const pct = (x) => (x * 100).toFixed(1) + "%";

// ---------- tabs ----------

function showTab(name) {
  for (const b of $$(".tabs button")) b.setAttribute("aria-selected", String(b.dataset.tab === name));
  for (const p of $$(".panel")) p.hidden = p.id !== `panel-${name}`;
}

// ---------- the draft form ----------

function fillSelect(select, items, keep = true) {
  const first = keep ? Array.from(select.options).slice(0, 1) : [];
  select.replaceChildren(...first, ...items.map(([v, t]) => el("option", { value: v, text: t })));
}

let topicTimer = null;
function topicChanged() {
  clearTimeout(topicTimer);
  if (state.chosenSet) clearChosenSet();
  topicTimer = setTimeout(detectKind, 350);
}

async function detectKind() {
  const topic = $("#topic").value.trim();
  if (!topic) { $("#kind-detected").textContent = "—"; return; }
  const kind = $("#kind").value;
  try {
    const q = new URLSearchParams({ topic });
    if (kind) q.set("kind", kind);
    const data = await call("GET", `/api/topic?${q}`);
    if ($("#topic").value.trim() !== topic) return;
    $("#kind-detected").textContent = data.kind_label;
    $("#kind").options[0].textContent = `自动识别（${data.kind_label}）`;
    buildBrief(data.questions);
  } catch (e) { /* shown when drafting */ }
}

function buildBrief(questions) {
  const box = $("#brief-fields");
  const old = {};
  for (const f of $$("[data-brief]", box)) old[f.dataset.brief] = f.value;
  state.questions = questions;
  box.replaceChildren(...questions.map((q) => {
    const id = `brief-${q.key}`;
    const [first, ...rest] = q.ask.split("\n");
    const inline = first.match(/例如：(.+)$/);
    const example = rest.length ? rest.map((l) => l.replace(/^-\s*/, "")).join("\n") : inline ? inline[1] : "";
    const hint = inline && !rest.length ? first.slice(0, inline.index).replace(/[，,]\s*$/, "") : first.replace(/例如：$/, "");
    const input = q.multiple
      ? el("textarea", { id, rows: 2, "data-brief": q.key, placeholder: example })
      : el("input", { id, "data-brief": q.key, maxlength: 300, placeholder: example });
    if (old[q.key]) input.value = old[q.key];
    return el("div", { class: "field" }, el("label", { for: id, text: q.label }),
      hint && hint !== q.label ? el("span", { class: "muted small", text: hint }) : null, input);
  }));
}

function formOptions() {
  const o = { topic: $("#topic").value.trim() };
  const num = (id) => { const v = $(id).value.trim(); return v === "" ? undefined : Number(v); };
  o.length = num("#length");
  o.sections = num("#sections");
  o.seed = num("#seed");
  for (const k of ["kind", "family", "author", "unit", "date"]) {
    const v = $(`#${k}`).value.trim();
    if (v) o[k] = v;
  }
  if ($("#no_placeholders").checked) o.no_placeholders = true;
  if ($("#writer").value !== "offline") o.writer = $("#writer").value;
  for (const f of $$("[data-brief]")) {
    const v = f.value.trim();
    if (!v) continue;
    o[f.dataset.brief] = f.tagName === "TEXTAREA" ? v.split("\n").map((s) => s.trim()).filter(Boolean) : v;
  }
  if (state.material) o.material = state.material.id;
  if (state.briefFile) o.brief = state.briefFile.id;
  if (state.chosenSet) {
    o.family = state.chosenSet.family;
    o.angles = state.chosenSet.angles;
    o.headings = state.chosenSet.headings;
    o.sections = state.chosenSet.headings.length;
  }
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

async function makeDraft(ev) {
  ev.preventDefault();
  const options = formOptions();
  if (!options.topic && !options.brief) { say("#draft-msg", "请先写下主题"); $("#topic").focus(); return; }
  await busy($("#make"), "#draft-msg", async () => {
    $("#make").textContent = "正在生成…";
    const data = await call("POST", "/api/new", options);
    state.options = options;
    showDraft(data.outline, data.plan, data.advice);
    if (options.seed === undefined) $("#seed").placeholder = `不填则随机（上次：${data.meta.seed}）`;
  });
}

// ---------- the document ----------

function marks(text, quotes) {
  // [start, end, kind, source] ranges of quotations and 【…】 placeholders, without overlaps
  const ranges = [];
  for (const m of text.matchAll(/【[^】]*】/g)) ranges.push([m.index, m.index + m[0].length, "ph", ""]);
  for (const q of quotes || []) {
    if (!q || !q.text) continue;
    const at = text.indexOf(q.text);
    if (at >= 0) ranges.push([at, at + q.text.length, "q", q.source || ""]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const out = [];
  let end = 0;
  for (const r of ranges) if (r[0] >= end) { out.push(r); end = r[1]; }
  return out;
}

function richText(node, text, quotes) {
  const parts = [];
  let at = 0;
  for (const [s, e, kind, source] of marks(text, quotes)) {
    if (s > at) parts.push(text.slice(at, s));
    const m = el("mark", { class: kind, "data-source": kind === "q" ? source : null,
      title: kind === "q" ? (source ? `引文，出处：${source}` : "引文") : "只有你本人才能填写的内容，请补充" });
    m.textContent = text.slice(s, e);
    parts.push(m);
    at = e;
  }
  if (at < text.length) parts.push(text.slice(at));
  node.replaceChildren(...parts);
}

function getPath(obj, path) {
  return path.split(".").reduce((o, k) => (o == null ? o : o[k]), obj);
}

function setPath(obj, path, value) {
  const keys = path.split(".");
  const last = keys.pop();
  const target = keys.reduce((o, k) => o[k], obj);
  target[last] = value;
}

function quotesFor(path) {
  const o = state.outline;
  if (path.startsWith("lead.")) return o.lead.quote ? [o.lead.quote] : [];
  const m = path.match(/^sections\.(\d+)\./);
  return m ? o.sections[Number(m[1])].quotes : [];
}

function editable(tag, cls, path, rich = false) {
  const text = getPath(state.outline, path) || "";
  const node = el(tag, { class: cls, contenteditable: "true", spellcheck: "false", "data-path": path });
  if (rich) richText(node, text, quotesFor(path)); else node.textContent = text;
  return node;
}

function sectionNode(s, i) {
  const numbered = state.outline.sections.length > 1 || s.heading;
  const canRewrite = Array.isArray(state.outline.meta && state.outline.meta.angles);
  const head = s.heading != null
    ? el("h2", { class: "heading" },
        el("span", { class: "num", text: numbered ? `${NUMS[i] || i + 1}、` : "" }),
        editable("span", "text", `sections.${i}.heading`),
        canRewrite ? el("button", { type: "button", class: "regen", "data-index": i, text: "重写这一部分",
          title: "只重写这一部分的正文，小标题和其他部分不变", onclick: rewriteSection }) : null)
    : null;
  return el("section", { "data-section": i }, head,
    s.paragraphs.map((_, j) => editable("p", "para", `sections.${i}.paragraphs.${j}`, true)));
}

function renderDoc() {
  const o = state.outline;
  const doc = $("#doc");
  doc.classList.remove("empty");
  const sign = [o.unit, o.author, o.date].filter(Boolean);
  doc.replaceChildren(...[
    editable("h1", "title", "title"),
    o.subtitle != null ? editable("p", "subtitle", "subtitle") : null,
    o.lead.paragraphs.map((_, j) => editable("p", "para", `lead.paragraphs.${j}`, true)),
    o.sections.map(sectionNode),
    o.closing.paragraphs.map((_, j) => editable("p", "para", `closing.paragraphs.${j}`, true)),
    sign.length ? el("div", { class: "sign" }, ["unit", "author", "date"].filter((k) => o[k])
      .map((k) => el("div", {}, editable("span", "", k)))) : null,
  ].flat().filter(Boolean));
  for (const b of $$("[data-download], #swap-headings")) b.disabled = false;
  $("#swap-headings").disabled = !(o.meta && Array.isArray(o.meta.angles));
  updateCount();
}

function showDraft(outline, plan, advice) {
  state.outline = outline;
  renderDoc();
  const box = $("#plan");
  if (plan && plan.length) {
    box.replaceChildren(
      el("details", {}, el("summary", { text: `写作计划：${plan[0]}` }), el("div", { text: plan.slice(1).join("　·　") })),
      ...(advice || []).map((a) => el("div", { class: "advice", text: a })));
    box.hidden = false;
  } else box.hidden = true;
}

function charCount(text) { return (text || "").replace(/\s/g, "").length; }

function updateCount() {
  const o = state.outline;
  if (!o) return;
  let n = o.sections.reduce((a, s) => a + charCount(s.heading) + s.paragraphs.reduce((b, p) => b + charCount(p), 0), 0);
  n += [...o.lead.paragraphs, ...o.closing.paragraphs].reduce((a, p) => a + charCount(p), 0);
  const ph = JSON.stringify(o).match(/【[^】]*】/g);
  $("#count").textContent = `正文 ${n} 字` + (ph ? `；还有 ${ph.length} 处【……】待填写` : "");
}

function onEdit(ev) {
  const node = ev.target.closest("[data-path]");
  if (!node || !state.outline) return;
  let text = node.textContent.replace(/\s*\n\s*/g, "");
  const path = node.dataset.path;
  if (/paragraphs\.\d+$/.test(path) || path === "title" || path.endsWith(".heading")) text = text.trim();
  setPath(state.outline, path, text);
  updateCount();
}

function onBlur(ev) {
  const node = ev.target.closest("[data-path]");
  if (!node || !state.outline) return;
  const path = node.dataset.path;
  if (/paragraphs\.\d+$/.test(path)) richText(node, getPath(state.outline, path), quotesFor(path));
}

function onKey(ev) {
  if (ev.key === "Enter" && ev.target.closest("[data-path]")) { ev.preventDefault(); ev.target.blur(); }
}

function onPaste(ev) {
  if (!ev.target.closest("[data-path]")) return;
  ev.preventDefault();
  const text = (ev.clipboardData || window.clipboardData).getData("text/plain").replace(/\s*\n\s*/g, "");
  document.execCommand("insertText", false, text);
}

async function rewriteSection(ev) {
  const button = ev.currentTarget;
  const index = Number(button.dataset.index);
  await busy(button, "#draft-msg", async () => {
    button.textContent = "正在重写…";
    const options = { ...(state.options || formOptions()) };
    delete options.seed;
    const data = await call("POST", "/api/section", { outline: state.outline, index, options });
    state.outline = data.outline;
    renderDoc();
    const sec = $(`#doc section[data-section="${index}"]`);
    sec.classList.add("fresh");
    say("#draft-msg", `第${NUMS[index]}部分已重写，其他部分保持不变。`, "ok");
  });
}

// ---------- heading sets ----------

let setsRequest = null;

async function openSets(request, note, onPick) {
  setsRequest = { request, onPick };
  $("#sets-note").textContent = note;
  $("#sets-list").replaceChildren(el("p", { class: "muted", text: "正在挑选……" }));
  const dialog = $("#sets-dialog");
  if (!dialog.open) dialog.showModal();
  try {
    const data = await call("POST", "/api/headings", request);
    $("#sets-list").replaceChildren(...data.sets.map((s) =>
      el("button", { type: "button", class: "set", onclick: () => { dialog.close(); onPick(s); } },
        el("div", { class: "fam", text: s.label }),
        el("ol", {}, s.headings.map((h) => el("li", { text: h }))))));
  } catch (e) {
    $("#sets-list").replaceChildren(el("p", { class: "msg error", text: e.message }));
  }
}

function pickBeforeDrafting() {
  const topic = $("#topic").value.trim();
  if (!topic) { say("#draft-msg", "请先写下主题，再挑选小标题"); $("#topic").focus(); return; }
  const request = { topic, count: 8, sections: Number($("#sections").value) };
  if ($("#family").value) request.family = $("#family").value;
  if ($("#kind").value) request.kind = $("#kind").value;
  openSets(request, "点选一组，初稿就按这一组小标题来写。", (s) => {
    state.chosenSet = s;
    $("#chosen-list").replaceChildren(...s.headings.map((h) => el("li", { text: h })));
    $("#chosen-set").hidden = false;
  });
}

function clearChosenSet() {
  state.chosenSet = null;
  $("#chosen-set").hidden = true;
}

function swapHeadings() {
  const o = state.outline;
  const request = { topic: o.topic || $("#topic").value.trim() || o.title, count: 8, angles: o.meta.angles };
  openSets(request, "每一组都对应这篇初稿现有的各部分内容；点选一组，只换小标题，正文不变。", (s) => {
    s.headings.forEach((h, i) => { o.sections[i].heading = h; o.sections[i].tag = s.tags[i]; });
    o.meta.family = s.family;
    renderDoc();
    say("#draft-msg", "已换成这一组小标题，正文不变。", "ok");
  });
}

// ---------- downloads and files ----------

function filenameFrom(res, fallback) {
  const cd = res.headers.get("content-disposition") || "";
  const m = cd.match(/filename\*=UTF-8''([^;]+)/);
  return m ? decodeURIComponent(m[1]) : fallback;
}

async function download(ev) {
  const fmt = ev.currentTarget.dataset.download;
  await busy(ev.currentTarget, "#draft-msg", async () => {
    const q = new URLSearchParams({ format: fmt });
    if (fmt === "docx") {
      const style = $("#style").value;
      if (style === "__template__" && state.template) q.set("template", state.template.id);
      else q.set("style", style);
      if ($("#bold_headings").checked) q.set("bold_headings", "1");
    }
    const res = await call("POST", `/api/render?${q}`, state.outline);
    saveBlob(await res.blob(), filenameFrom(res, `心得体会.${fmt}`));
  });
}

function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function fileNote(box, item, clear) {
  const node = $(box);
  if (!item) { node.hidden = true; return; }
  node.replaceChildren(el("span", { text: `已上传：${item.name}` }),
    el("button", { type: "button", class: "link", text: "移除", onclick: clear }));
  node.hidden = false;
}

async function pickMaterial(ev) {
  const file = ev.target.files[0];
  if (!file) return;
  try {
    state.material = await upload(file);
    fileNote("#material-name", state.material, () => { state.material = null; ev.target.value = ""; fileNote("#material-name", null); });
    say("#draft-msg", "");
  } catch (e) { ev.target.value = ""; say("#draft-msg", e.message); }
}

async function pickBrief(ev) {
  const file = ev.target.files[0];
  if (!file) return;
  try {
    state.briefFile = await upload(file);
    fileNote("#brief-name", state.briefFile, () => { state.briefFile = null; ev.target.value = ""; fileNote("#brief-name", null); });
  } catch (e) { ev.target.value = ""; say("#draft-msg", e.message); }
}

async function pickTemplate(ev) {
  const file = ev.target.files[0];
  if (!file) return;
  try {
    state.template = await upload(file);
    const select = $("#style");
    for (const o of $$("option[value='__template__']", select)) o.remove();
    select.append(el("option", { value: "__template__", text: `上传的模板：${state.template.name}` }));
    select.value = "__template__";
    say("#draft-msg", `已上传 Word 模板“${state.template.name}”，下载 Word 时使用它。`, "ok");
  } catch (e) { say("#draft-msg", e.message); }
  ev.target.value = "";
}

async function openOutline(ev) {
  const file = ev.target.files[0];
  ev.target.value = "";
  if (!file) return;
  await busy($("#make"), "#draft-msg", async () => {
    const up = await upload(file);
    const data = await call("POST", "/api/outline", { upload: up.id });
    state.options = null;
    if (data.outline.topic) $("#topic").value = data.outline.topic;
    showDraft(data.outline, null, null);
    say("#draft-msg", `已打开提纲“${up.name}”，可以接着修改、下载。`, "ok");
  });
}

// ---------- batch ----------

async function startBatch(ev) {
  ev.preventDefault();
  const manifest = $("#manifest-file").files[0];
  if (!manifest) { say("#batch-msg", "请先选择名单文件"); return; }
  await busy($("#batch-start"), "#batch-msg", async () => {
    $("#batch-result").hidden = true;
    const m = await upload(manifest);
    const files = [];
    for (const f of $("#batch-files").files) files.push((await upload(f)).id);
    const options = { length: Number($("#batch-length").value), format: $("#batch-format").value,
      style: $("#batch-style").value };
    const topic = $("#batch-topic").value.trim();
    if (topic) options.topic = topic;
    const run = await call("POST", "/api/batch", { manifest: m.id, files, options });
    state.batch = run.id;
    $("#batch-progress").hidden = false;
    $("#batch-cancel").hidden = false;
    showProgress(run);
    pollBatch();
  });
}

function showProgress(run) {
  $("#batch-bar").max = Math.max(run.planned, 1);
  $("#batch-bar").value = run.done;
  $("#batch-count").textContent = `已完成 ${run.done} / ${run.planned} 篇` +
    (run.regenerated ? `；查重后重写 ${run.regenerated} 篇` : "");
}

async function pollBatch() {
  if (!state.batch) return;
  let run;
  try { run = await call("GET", `/api/batch/${state.batch}`); } catch (e) { say("#batch-msg", e.message); return; }
  showProgress(run);
  if (run.state === "running") { setTimeout(pollBatch, 400); return; }
  $("#batch-cancel").hidden = true;
  if (run.state === "failed") { say("#batch-msg", run.error); return; }
  if (run.state === "cancelled") { say("#batch-msg", "批量任务已停止。", "ok"); return; }
  showBatchResult(run);
}

function showBatchResult(run) {
  const s = run.summary;
  $("#batch-summary").textContent = `完成：生成 ${s.written} 篇，查重后重写 ${s.regenerated} 篇，失败 ${s.failed} 行。` +
    `两两之间最高相似度 ${pct(s.max_share)}，每篇与最相似者的平均 ${pct(s.mean_share)}。` +
    (s.over_limit ? `注意：有 ${s.over_limit} 篇与另一篇的重复率仍超过 ${pct(s.limit)}，请修改这些稿子。` : "");
  $("#batch-problems").replaceChildren(...run.problems.map((p) => el("li", { text: p })));
  $("#batch-zip").href = run.zip;
  $("#batch-zip").setAttribute("download", "批量初稿.zip");
  const limit = s.limit;
  $("#batch-table tbody").replaceChildren(...run.report.map((r) => {
    const share = parseFloat(r.share) / 100;
    return el("tr", { class: share > limit ? "over" : null },
      el("td", { class: "num", text: r.row }), el("td", { text: r.file }), el("td", { text: r.family }),
      el("td", { class: "num", text: r.chars }), el("td", { class: "num", text: r.share }),
      el("td", { text: r.partner }));
  }));
  $("#batch-result").hidden = false;
  say("#batch-msg", run.problems.length ? "有的行没有生成，原因见下方。" : "全部完成。", run.problems.length ? "error" : "ok");
}

async function cancelBatch() {
  if (!state.batch) return;
  try { await call("DELETE", `/api/batch/${state.batch}`); } catch (e) { say("#batch-msg", e.message); }
}

// ---------- check ----------

async function startCheck(ev) {
  ev.preventDefault();
  const files = Array.from($("#check-files").files);
  const against = Array.from($("#check-against").files);
  if (!files.length) { say("#check-msg", "请选择要检查的文稿"); return; }
  await busy($("#check-start"), "#check-msg", async () => {
    const ids = [];
    for (const f of files) ids.push((await upload(f)).id);
    const others = [];
    for (const f of against) others.push((await upload(f)).id);
    const data = await call("POST", "/api/check", { files: ids, against: others });
    $("#check-table tbody").replaceChildren(...data.results.map((r) => el("tr", { class: r.partner_share > 0.15 ? "over" : null },
      el("td", { text: r.name }), el("td", { class: "num", text: pct(r.share) }),
      el("td", { text: r.partner || "—" }), el("td", { class: "num", text: r.partner ? pct(r.partner_share) : "—" }),
      el("td", {}, r.passages.length ? el("ul", {}, r.passages.map((p) => el("li", { text: `“${p}”` }))) : "—"))));
    $("#check-table").hidden = false;
    say("#check-msg", `已检查 ${data.results.length} 篇。`, "ok");
  });
}

// ---------- parse ----------

async function startParse(ev) {
  ev.preventDefault();
  const file = $("#parse-file").files[0];
  const text = $("#parse-text").value;
  if (!file && !text.trim()) { say("#parse-msg", "请粘贴文章，或选择一个文件"); return; }
  await busy($("#parse-start"), "#parse-msg", async () => {
    const body = file ? { upload: (await upload(file)).id } : { text };
    const data = await call("POST", "/api/parse", body);
    $("#parse-result").replaceChildren(...data.outlines.map(outlineCard));
    say("#parse-msg", `拆出 ${data.outlines.length} 篇。`, "ok");
  });
}

function outlineCard(o) {
  const quoteLine = (qs) => qs.filter(Boolean).map((q) => `“${q.text}”${q.source ? "——" + q.source : ""}`).join("；");
  return el("div", { class: "outline-card" },
    el("h3", { text: o.title }), o.subtitle ? el("div", { class: "muted", text: o.subtitle }) : null,
    el("div", { class: "muted small", text: `导语 ${o.lead.paragraphs.length} 段` +
      (o.lead.quote ? `，开篇引语：${quoteLine([o.lead.quote])}` : "") }),
    el("ol", {}, o.sections.map((s) => el("li", {}, s.heading || "（无小标题）",
      s.quotes.length ? el("div", { class: "q", text: "引文：" + quoteLine(s.quotes) }) : null,
      el("span", { class: "muted small", text: `　${s.paragraphs.length} 段` })))),
    el("div", { class: "muted small", text: `结尾 ${o.closing.paragraphs.length} 段` }),
    el("div", { class: "actions" },
      el("button", { type: "button", class: "primary", text: "在编辑器中打开", onclick: () => {
        state.options = null; showDraft(o, null, null); showTab("draft");
        say("#draft-msg", "已在编辑器中打开拆解出的提纲，可以修改、下载。", "ok");
      } }),
      el("button", { type: "button", text: "以此为题写一篇", onclick: () => {
        $("#topic").value = o.topic || o.title;
        if (o.sections.length >= 1 && o.sections.length <= 6) $("#sections").value = String(o.sections.length);
        showTab("draft"); topicChanged(); $("#topic").focus();
      } })));
}

// ---------- start ----------

async function start() {
  for (const b of $$(".tabs button")) b.addEventListener("click", () => showTab(b.dataset.tab));
  $("#draft-form").addEventListener("submit", makeDraft);
  $("#topic").addEventListener("input", topicChanged);
  $("#kind").addEventListener("change", () => { if (state.chosenSet) clearChosenSet(); detectKind(); });
  $("#sections").addEventListener("change", () => state.chosenSet && clearChosenSet());
  $("#family").addEventListener("change", () => state.chosenSet && clearChosenSet());
  $("#pick-headings").addEventListener("click", pickBeforeDrafting);
  $("#clear-set").addEventListener("click", clearChosenSet);
  $("#swap-headings").addEventListener("click", swapHeadings);
  $("#sets-close").addEventListener("click", () => $("#sets-dialog").close());
  $("#sets-more").addEventListener("click", () => {
    if (!setsRequest) return;
    openSets({ ...setsRequest.request, seed: Math.floor(Math.random() * 2 ** 31) }, $("#sets-note").textContent, setsRequest.onPick);
  });
  for (const input of $$(".picker input[type=file]")) {
    const shown = $(`.picked[data-for="${input.id}"]`);
    if (shown) input.addEventListener("change", () => {
      const names = Array.from(input.files).map((f) => f.name);
      shown.textContent = names.length ? names.join("、") : "未选择";
    });
  }
  $("#material-file").addEventListener("change", pickMaterial);
  $("#brief-file").addEventListener("change", pickBrief);
  $("#template-file").addEventListener("change", pickTemplate);
  $("#outline-file").addEventListener("change", openOutline);
  for (const b of $$("[data-download]")) b.addEventListener("click", download);
  const doc = $("#doc");
  doc.addEventListener("input", onEdit);
  doc.addEventListener("focusout", onBlur);
  doc.addEventListener("keydown", onKey);
  doc.addEventListener("paste", onPaste);
  $("#batch-form").addEventListener("submit", startBatch);
  $("#batch-cancel").addEventListener("click", cancelBatch);
  $("#check-form").addEventListener("submit", startCheck);
  $("#parse-form").addEventListener("submit", startParse);
  try {
    state.info = await call("GET", "/api/info");
  } catch (e) { say("#draft-msg", e.message); return; }
  const info = state.info;
  fillSelect($("#kind"), info.kinds.map((k) => [k.key, k.label]));
  fillSelect($("#family"), info.families.map((f) => [f.name, f.label]));
  const styles = info.styles.map((s) => [s.name, s.name === "gongwen" ? "公文格式（GB/T 9704）" : s.name === "plain" ? "普通格式（宋体小四）" : s.description]);
  fillSelect($("#style"), styles, false);
  fillSelect($("#writer"), info.writers.map((w) => [w.name, w.label]), false);
  fillSelect($("#batch-style"), styles, false);
  document.body.dataset.ready = "1";
}

document.addEventListener("DOMContentLoaded", start);
