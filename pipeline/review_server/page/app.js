// The review page of `redact review --serve` (pipeline/review_server/).
// pdf.js (Debian's libjs-pdf, served by redact) renders each page; every
// finding of the findings file is outlined over it (one element per box,
// data-finding="<id>"). Decisions stay in this page until Save, which
// sends the kept findings back; the server checks and writes them.
// Text from the document is only ever set as textContent, never as HTML.
"use strict";

const SCALE = 1.4;
const COLOURS = {
  name: "#d97706", a_number: "#dc2626", dob: "#7c3aed", manual: "#0f766e", prior_redaction: "#475569",
  undecodable: "#475569", unreadable: "#475569", receipt_number: "#db2777", ssn: "#b91c1c", phone: "#2563eb",
  email: "#0891b2", address: "#65a30d",
};

const state = {
  queue: null,        // /api/queue
  doc: 0,             // index in the queue
  file: null,         // the findings file's JSON (minus "findings")
  findings: [],       // entries of "findings", each with .decision: "pending" | "accepted" | "rejected"
  pages: [],          // per page: {div, overlay, textLayer, viewport}
  attention: new Set(),
  current: null,      // id of the selected finding
  history: [],        // undo: snapshots of findings
  dirty: false,
  drawing: false,
  nextId: 1,
  // "All occurrences in this job": {text, category, appliedTo: Set of
  // document indexes}, applied to each document as it is opened. Kept in
  // this page only (values are never written to the state file).
  jobAdds: [],
};

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k === "on") for (const [ev, fn] of Object.entries(v)) e.addEventListener(ev, fn);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

function colourOf(category) {
  if (COLOURS[category]) return COLOURS[category];
  let h = 0;
  for (const ch of category) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return `hsl(${h} 70% 40%)`;
}

function say(text, error) {
  const s = document.getElementById("status");
  s.textContent = text;
  s.classList.toggle("error", !!error);
}

async function api(path, options) {
  const response = await fetch(path, Object.assign({ credentials: "same-origin", cache: "no-store" }, options));
  if (!response.ok) {
    let message = `${response.status}`;
    try { message = (await response.json()).error || message; } catch (e) { /* not JSON */ }
    throw new Error(message);
  }
  return response;
}

function postJson(path, body) {
  return api(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
}

// ---- findings and decisions ----

function byId(id) { return state.findings.find((f) => f.id === id); }

function remember() {
  state.history.push(JSON.stringify(state.findings));
  if (state.history.length > 200) state.history.shift();
  state.dirty = true;
}

function undo() {
  if (!state.history.length) return say("Nothing to undo.");
  state.findings = JSON.parse(state.history.pop());
  state.dirty = true;
  if (state.current !== null && !byId(state.current)) state.current = null;
  refresh();
  say("Undone.");
}

function decide(ids, decision) {
  if (!ids.length) return;
  remember();
  for (const id of ids) byId(id).decision = decision;
  refresh();
  say(`${ids.length} finding(s) ${decision === "rejected" ? "rejected (their text stays)" : "accepted"}.`);
}

function setField(id, field, value) {
  remember();
  byId(id)[field] = value;
  refresh();
}

function addFinding(page, boxes, text, category, rule, why) {
  const f = { id: state.nextId++, page, category, rule, why, text, entity: "", boxes, decision: "accepted", added: true };
  state.findings.push(f);
  return f;
}

// Findings in review order: flagged pages first, then by page and place.
function ordered() {
  const key = (f) => [state.attention.has(f.page) ? 0 : 1, f.page, f.boxes[0][1], f.boxes[0][0]];
  return [...state.findings].sort((a, b) => {
    const ka = key(a), kb = key(b);
    for (let i = 0; i < ka.length; ++i) if (ka[i] !== kb[i]) return ka[i] - kb[i];
    return a.id - b.id;
  });
}

function step(delta) {
  const list = ordered();
  if (!list.length) return;
  const at = list.findIndex((f) => f.id === state.current);
  const next = at < 0 ? (delta > 0 ? 0 : list.length - 1) : (at + delta + list.length) % list.length;
  select(list[next].id, true);
}

function select(id, scroll) {
  state.current = id;
  refresh();
  const outline = document.querySelector(`.finding[data-finding="${id}"]`);
  if (scroll && outline) outline.scrollIntoView({ block: "center", behavior: "instant" });
}

function normalized(text) { return (text || "").toLowerCase().replace(/\s+/g, " ").trim(); }

// ---- rendering the outlines and the side list ----

function describe(f) {
  return `#${f.id} · ${f.category} · rule ${f.rule || "manual"}\nwhy: ${f.why || "added in review"}` +
         (f.entity ? `\nperson: ${f.entity}` : "") + `\n${f.decision}`;
}

function drawOutlines() {
  for (const p of state.pages) p.overlay.replaceChildren();
  for (const f of state.findings) {
    const p = state.pages[f.page - 1];
    if (!p) continue;
    for (const [x0, y0, x1, y1] of f.boxes) {
      const box = el("div", { class: `finding ${f.decision}`, "data-finding": String(f.id), "data-category": f.category,
                              title: describe(f), role: "button", "aria-label": describe(f) });
      box.style.left = `${x0 * SCALE}px`;
      box.style.top = `${y0 * SCALE}px`;
      box.style.width = `${(x1 - x0) * SCALE}px`;
      box.style.height = `${(y1 - y0) * SCALE}px`;
      box.style.setProperty("--colour", colourOf(f.category));
      if (f.id === state.current) box.classList.add("current");
      box.addEventListener("click", (e) => { e.stopPropagation(); select(f.id, false); });
      p.overlay.append(box);
    }
  }
}

function groupButtons(ids) {
  return [
    el("button", { class: "small", title: "Reject every one (their text stays)", on: { click: () => decide(ids(), "rejected") } }, "Reject all"),
    el("button", { class: "small", title: "Accept every one", on: { click: () => decide(ids(), "accepted") } }, "Accept all"),
  ];
}

function groupRow(label, colour, list, extra) {
  const ids = () => list.map((f) => f.id);
  const kept = list.filter((f) => f.decision !== "rejected").length;
  const row = el("div", { class: "row" }, el("span", { class: "dot" }),
                 el("span", { class: "name", title: label }, label),
                 el("span", { class: "count" }, `${kept}/${list.length}`), ...groupButtons(ids));
  row.firstChild.style.background = colour;
  return el("li", {}, row, ...(extra ? [extra] : []));
}

function groupBy(list, key) {
  const groups = new Map();
  for (const f of list) {
    const k = key(f);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(f);
  }
  return [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
}

function drawSideList() {
  const people = groupBy(state.findings.filter((f) => f.entity), (f) => f.entity);
  document.getElementById("entities").replaceChildren(...people.map(([entity, list]) => {
    const named = list.find((f) => f.category === "name" && f.text) || list[0];
    const li = groupRow(`${named.text || entity} (${entity})`, colourOf("name"), list);
    li.dataset.entity = entity;
    return li;
  }));
  if (!people.length) document.getElementById("entities").append(el("li", {}, "No finding names a listed person."));
  const categories = groupBy(state.findings, (f) => f.category);
  document.getElementById("categories").replaceChildren(...categories.map(([category, list]) => {
    const values = groupBy(list.filter((f) => f.text), (f) => normalized(f.text));
    const sub = el("ul", {}, ...values.map(([value, same]) => {
      const li = groupRow(same[0].text, colourOf(category), same);
      li.dataset.value = value;
      return li;
    }));
    const li = groupRow(category, colourOf(category), list, sub);
    li.dataset.category = category;
    return li;
  }));
}

function categoryChoices(selected) {
  const names = new Set(["name", "a_number", "dob", "manual", ...state.findings.map((f) => f.category)]);
  return [...names].sort().map((c) => {
    const o = el("option", { value: c }, c);
    if (c === selected) o.selected = true;
    return o;
  });
}

function drawCurrent() {
  const box = document.getElementById("current");
  const f = state.current === null ? null : byId(state.current);
  if (!f) return box.replaceChildren("Click an outline, or press n.");
  const category = el("select", { "aria-label": "category", on: { change: (e) => setField(f.id, "category", e.target.value) } },
                      ...categoryChoices(f.category));
  const person = el("input", { value: f.entity || "", size: "10", "aria-label": "person (entity)",
                               on: { change: (e) => setField(f.id, "entity", e.target.value.trim()) } });
  // The label drawn in its box instead of the category's ("Client 1").
  const label = el("input", { id: "current-label", value: f.label || "", size: "12", maxlength: "60",
                              placeholder: "policy label", "aria-label": "label drawn in the box",
                              on: { change: (e) => setField(f.id, "label", e.target.value.trim()) } });
  box.replaceChildren(
    el("dl", {}, el("dt", {}, "id"), el("dd", {}, String(f.id)), el("dt", {}, "text"), el("dd", {}, f.text || "(an area)"),
       el("dt", {}, "category"), el("dd", {}, category), el("dt", {}, "rule"), el("dd", {}, f.rule || "manual"),
       el("dt", {}, "why"), el("dd", {}, f.why || "added in review"), el("dt", {}, "person"), el("dd", {}, person),
       el("dt", {}, "label"), el("dd", {}, label),
       el("dt", {}, "page"), el("dd", {}, String(f.page)), el("dt", {}, "decision"), el("dd", {}, f.decision)),
    el("div", { class: "actions" },
       el("button", { on: { click: () => { decide([f.id], "accepted"); step(1); } } }, "Accept (a)"),
       el("button", { on: { click: () => { decide([f.id], "rejected"); step(1); } } }, "Reject (r)"),
       el("button", { title: "Every finding of the same value", on: { click: () => decide(sameValue(f), "rejected") } }, "Reject this value everywhere"),
       ...(f.entity ? [el("button", { on: { click: () => decide(samePerson(f), "rejected") } }, "Reject this person everywhere")] : [])));
}

function sameValue(f) { return state.findings.filter((g) => g.text && normalized(g.text) === normalized(f.text)).map((g) => g.id); }
function samePerson(f) { return state.findings.filter((g) => g.entity === f.entity).map((g) => g.id); }

function drawHeader() {
  const docs = state.queue.documents;
  const d = docs[state.doc];
  const kept = state.findings.filter((f) => f.decision !== "rejected").length;
  document.getElementById("doc-title").textContent = `${d.shown} — document ${state.doc + 1} of ${docs.length}`;
  document.getElementById("doc-state").textContent =
    `${kept} of ${state.findings.length} finding(s) to redact · ${state.dirty ? "unsaved changes" : d.saved ? "saved" : "not saved yet"}`;
  document.getElementById("prev-doc").disabled = state.doc === 0;
  document.getElementById("next-doc").disabled = state.doc === docs.length - 1;
  const waiting = jobAddsWaiting();
  const notice = document.getElementById("job-adds");
  notice.hidden = !waiting.length;
  notice.textContent = waiting.length
    ? `Added for the whole job, not yet in document(s) ${waiting.map((i) => i + 1).join(", ")}: open each to apply, then save it.`
    : "";
}

// Documents a job-wide addition has not reached yet.
function jobAddsWaiting() {
  const docs = state.queue.documents.map((_, i) => i);
  return docs.filter((i) => state.jobAdds.some((a) => !a.appliedTo.has(i)));
}

// Applies the job-wide additions this document has not had yet: every
// occurrence of each, as "all occurrences in this document" would.
function applyJobAdds() {
  let added = 0;
  for (const a of state.jobAdds) {
    if (a.appliedTo.has(state.doc)) continue;
    for (const o of occurrences(a.text)) {
      const boxes = boxesOf(o.range, o.page);
      if (!boxes.length || overlapsExisting(o.page, boxes)) continue;
      if (added === 0) remember();
      addFinding(o.page, boxes, a.text, a.category, "manual", "review: text selected (all occurrences in this job)");
      ++added;
    }
    a.appliedTo.add(state.doc);
  }
  return added;
}

function refresh() {
  drawOutlines();
  drawSideList();
  drawCurrent();
  drawHeader();
}

// ---- pages ----

async function renderPage(pdf, number, container, withText) {
  const page = await pdf.getPage(number);
  const viewport = page.getViewport({ scale: SCALE });
  const div = el("div", { class: "page", "data-page": String(number) },
                 el("span", { class: "page-label" }, `page ${number}`));
  div.style.width = `${viewport.width}px`;
  div.style.height = `${viewport.height}px`;
  const canvas = el("canvas", { width: String(Math.floor(viewport.width)), height: String(Math.floor(viewport.height)) });
  div.append(canvas);
  container.append(div);
  await page.render({ canvasContext: canvas.getContext("2d"), viewport }).promise;
  if (!withText) return null;
  const textLayer = el("div", { class: "textLayer" });
  const overlay = el("div", { class: "overlay" });
  const drawLayer = el("div", { class: "draw-layer", "data-page": String(number) });
  div.append(textLayer, overlay, drawLayer);
  const textContent = await page.getTextContent();
  await pdfjsLib.renderTextLayer({ textContent, container: textLayer, viewport, textDivs: [] }).promise;
  attachDrawing(drawLayer, number);
  return { div, overlay, textLayer, viewport };
}

function openPdf(source) {
  return pdfjsLib.getDocument(Object.assign(source, {
    cMapUrl: "/pdfjs/cmaps/", cMapPacked: true, standardFontDataUrl: "/pdfjs/standard_fonts/",
    isEvalSupported: false, disableRange: true, disableStream: true, disableAutoFetch: true,
  })).promise;
}

async function loadDocument(index) {
  document.body.dataset.ready = "0";
  state.doc = index;
  say("Loading…");
  const file = await (await api(`/api/doc/${index}/findings`)).json();
  state.findings = file.findings.map((f) => Object.assign({ decision: "pending" }, f));
  delete file.findings;
  state.file = file;
  state.nextId = state.findings.reduce((m, f) => Math.max(m, f.id || 0), 0) + 1;
  state.history = [];
  state.dirty = false;
  state.current = null;
  const d = state.queue.documents[index];
  state.attention = new Set(d.pages_to_review.map((p) => p.page));
  drawAttention(d.pages_to_review);
  document.getElementById("command-box").hidden = !d.saved;
  document.getElementById("command").textContent = d.apply_command;
  hidePreview();
  const container = document.getElementById("pages");
  container.replaceChildren();
  const pdf = await openPdf({ url: `/api/doc/${index}/pdf` });
  state.pages = [];
  for (let n = 1; n <= pdf.numPages; ++n) {
    const p = await renderPage(pdf, n, container, true);
    if (state.attention.has(n)) p.div.classList.add("attention");
    state.pages.push(p);
  }
  const fromJob = applyJobAdds();
  refresh();
  postJson(`/api/doc/${index}/current`, {}).catch(() => {});
  say(fromJob ? `${state.findings.length} finding(s), ${fromJob} of them added for the whole job: save to keep them.`
              : `${state.findings.length} finding(s). Press n for the first.`);
  document.body.dataset.ready = "1";
}

function drawAttention(pages) {
  document.getElementById("attention").hidden = !pages.length;
  document.getElementById("attention-list").replaceChildren(...pages.map((p) =>
    el("li", { on: { click: () => state.pages[p.page - 1].div.scrollIntoView({ block: "start" }) } },
       `page ${p.page}: ${p.reason}`)));
}

// ---- adding findings: text selection, drawn areas ----

function pageOf(node) {
  const div = (node.nodeType === 1 ? node : node.parentElement).closest(".page");
  return div && div.closest("#pages") ? Number(div.dataset.page) : 0;
}

function boxesOf(range, page) {
  const origin = state.pages[page - 1].div.getBoundingClientRect();
  const boxes = [];
  for (const r of range.getClientRects()) {
    if (r.width < 1 || r.height < 1) continue;
    // The text layer's fallback font measures glyphs a little unlike the
    // PDF's own: a margin of 0.15 em keeps the first and last glyph's
    // centre inside without reaching the next word's.
    const pad = 0.15 * r.height;
    boxes.push([(r.left - pad - origin.left) / SCALE, (r.top - origin.top) / SCALE,
                (r.right + pad - origin.left) / SCALE, (r.bottom - origin.top) / SCALE]
      .map((v) => Math.round(v * 100) / 100));
  }
  return boxes;
}

function overlapsExisting(page, boxes) {
  return state.findings.some((f) => f.page === page && f.decision !== "rejected" && f.boxes.some((b) => boxes.some((c) =>
    Math.min(b[2], c[2]) - Math.max(b[0], c[0]) > 0.5 * (c[2] - c[0]) && Math.min(b[3], c[3]) - Math.max(b[1], c[1]) > 0)));
}

// Every occurrence of `text` in the document's text layers (case and
// spacing ignored), as ranges per page.
function occurrences(text) {
  const pattern = new RegExp(text.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s*"), "gi");
  const found = [];
  state.pages.forEach((p, i) => {
    const nodes = [];
    let joined = "";
    for (const span of p.textLayer.querySelectorAll("span")) {
      const node = span.firstChild;
      if (!node || node.nodeType !== 3) continue;
      nodes.push({ node, start: joined.length });
      joined += node.data;
    }
    const at = (offset) => {
      let k = nodes.length - 1;
      while (k > 0 && nodes[k].start > offset) --k;
      return [nodes[k].node, offset - nodes[k].start];
    };
    for (const m of joined.matchAll(pattern)) {
      const range = document.createRange();
      range.setStart(...at(m.index));
      const [endNode, endOffset] = at(m.index + m[0].length - 1);
      range.setEnd(endNode, endOffset + 1);
      found.push({ page: i + 1, range });
    }
  });
  return found;
}

let pendingSelection = null;

function onSelectionEnd(event) {
  if (state.drawing || event.target.closest("#selection-menu")) return;
  const selection = window.getSelection();
  const text = selection.toString().replace(/\s+/g, " ").trim();
  if (!text || !selection.rangeCount) return;
  const range = selection.getRangeAt(0);
  const page = pageOf(range.startContainer);
  if (!page || page !== pageOf(range.endContainer)) return;
  pendingSelection = { page, text, boxes: boxesOf(range, page) };
  const menu = document.getElementById("selection-menu");
  document.getElementById("selection-text").textContent = `“${text}”`;
  document.getElementById("selection-category").replaceChildren(...categoryChoices("name"));
  menu.hidden = false;
  menu.style.left = `${event.pageX + 8}px`;
  menu.style.top = `${event.pageY + 8}px`;
}

function closeSelectionMenu() {
  document.getElementById("selection-menu").hidden = true;
  pendingSelection = null;
  window.getSelection().removeAllRanges();
}

// `scope`: "one" (this selection), "document" or "job" (every occurrence,
// in this document now and in each other one as it is opened).
function addSelected(scope) {
  const s = pendingSelection;
  if (!s) return;
  const all = scope !== "one";
  const category = document.getElementById("selection-category").value;
  if (scope === "job") state.jobAdds.push({ text: s.text, category, appliedTo: new Set([state.doc]) });
  remember();
  let added = 0;
  const places = all ? occurrences(s.text).map((o) => ({ page: o.page, boxes: boxesOf(o.range, o.page) }))
                     : [{ page: s.page, boxes: s.boxes }];
  for (const place of places) {
    if (!place.boxes.length || (all && overlapsExisting(place.page, place.boxes))) continue;
    addFinding(place.page, place.boxes, s.text, category, "manual", "review: text selected");
    ++added;
  }
  closeSelectionMenu();
  refresh();
  say(`${added} finding(s) added.`);
}

function setDrawing(on) {
  state.drawing = on;
  document.body.classList.toggle("drawing", on);
  document.getElementById("draw").setAttribute("aria-pressed", String(on));
  if (on) say("Drag over the page to mark an area (text or picture) to remove. Esc ends.");
}

function attachDrawing(layer, page) {
  let start = null, box = null;
  const at = (e) => { const r = layer.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; };
  layer.addEventListener("mousedown", (e) => {
    start = at(e);
    box = el("div", { class: "drawing-box" });
    layer.append(box);
    e.preventDefault();
  });
  layer.addEventListener("mousemove", (e) => {
    if (!start) return;
    const [x, y] = at(e);
    Object.assign(box.style, { left: `${Math.min(x, start[0])}px`, top: `${Math.min(y, start[1])}px`,
                               width: `${Math.abs(x - start[0])}px`, height: `${Math.abs(y - start[1])}px` });
  });
  layer.addEventListener("mouseup", (e) => {
    if (!start) return;
    const [x, y] = at(e);
    box.remove();
    const b = [Math.min(x, start[0]), Math.min(y, start[1]), Math.max(x, start[0]), Math.max(y, start[1])]
      .map((v) => Math.round(v / SCALE * 100) / 100);
    start = null;
    if (b[2] - b[0] < 2 || b[3] - b[1] < 2) return;
    remember();
    const f = addFinding(page, [b], "", "manual", "area", "review: area drawn (pixels and text under it removed)");
    select(f.id, false);
    say(`Area added on page ${page}.`);
  });
}

// ---- save, preview, queue ----

function kept() {
  return state.findings.filter((f) => f.decision !== "rejected").map((f) => {
    const entry = { id: f.id, page: f.page, category: f.category, rule: f.rule || "manual", why: f.why || "",
                    text: f.text || "", entity: f.entity || "", boxes: f.boxes };
    if (f.label) entry.label = f.label;
    return entry;
  });
}

async function save() {
  say("Saving…");
  try {
    const answer = await (await postJson(`/api/doc/${state.doc}/save`, { findings: kept() })).json();
    state.queue = answer.queue;
    state.dirty = false;
    document.getElementById("command").textContent = answer.command;
    document.getElementById("command-box").hidden = false;
    drawHeader();
    say(`Saved ${kept().length} finding(s) to the findings file.`);
  } catch (e) {
    say(`Not saved: ${e.message}`, true);
  }
}

function hidePreview() {
  const pane = document.getElementById("preview-pane");
  pane.hidden = true;
  pane.replaceChildren();
}

async function preview() {
  say("Applying the reviewed findings for a preview…");
  try {
    const bytes = await (await postJson(`/api/doc/${state.doc}/preview`, { findings: kept() })).arrayBuffer();
    const pdf = await openPdf({ data: new Uint8Array(bytes) });
    const pane = document.getElementById("preview-pane");
    pane.replaceChildren();
    pane.hidden = false;
    for (let n = 1; n <= pdf.numPages; ++n) await renderPage(pdf, n, pane, false);
    say("Preview beside the original (nothing written). Press Preview again after changes.");
  } catch (e) {
    say(`No preview: ${e.message}`, true);
  }
}

function goToDocument(index) {
  if (index < 0 || index >= state.queue.documents.length || index === state.doc) return;
  if (state.dirty && !window.confirm("This document has unsaved changes. Leave it without saving?")) return;
  loadDocument(index).catch((e) => say(`Cannot load the document: ${e.message}`, true));
}

function onKey(e) {
  if (e.target.closest("input, select, textarea")) return;
  const f = state.current === null ? null : byId(state.current);
  if ((e.ctrlKey || e.metaKey) && e.key === "s") { e.preventDefault(); save(); return; }
  if ((e.ctrlKey || e.metaKey) && e.key === "z") { e.preventDefault(); undo(); return; }
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const keys = {
    n: () => step(1), p: () => step(-1), u: undo, d: () => setDrawing(!state.drawing),
    a: () => { if (f) { decide([f.id], "accepted"); step(1); } },
    r: () => { if (f) { decide([f.id], "rejected"); step(1); } },
    "[": () => goToDocument(state.doc - 1), "]": () => goToDocument(state.doc + 1),
    Escape: () => { setDrawing(false); closeSelectionMenu(); },
  };
  if (keys[e.key]) { e.preventDefault(); keys[e.key](); }
}

async function start() {
  pdfjsLib.GlobalWorkerOptions.workerSrc = "/pdfjs/pdf.worker.js";
  document.addEventListener("keydown", onKey);
  document.getElementById("pages").addEventListener("mouseup", onSelectionEnd);
  document.getElementById("draw").addEventListener("click", () => setDrawing(!state.drawing));
  document.getElementById("undo").addEventListener("click", undo);
  document.getElementById("save").addEventListener("click", save);
  document.getElementById("preview").addEventListener("click", preview);
  document.getElementById("prev-doc").addEventListener("click", () => goToDocument(state.doc - 1));
  document.getElementById("next-doc").addEventListener("click", () => goToDocument(state.doc + 1));
  document.getElementById("add-one").addEventListener("click", () => addSelected("one"));
  document.getElementById("add-all").addEventListener("click", () => addSelected("document"));
  document.getElementById("add-job").addEventListener("click", () => addSelected("job"));
  document.getElementById("add-cancel").addEventListener("click", closeSelectionMenu);
  window.addEventListener("beforeunload", (e) => {
    if (state.dirty || jobAddsWaiting().length) { e.preventDefault(); e.returnValue = ""; }
  });
  state.queue = await (await api("/api/queue")).json();
  document.getElementById("add-job").hidden = state.queue.documents.length < 2;
  await loadDocument(state.queue.current || 0);
}

start().catch((e) => say(`The review page could not start: ${e.message}`, true));
