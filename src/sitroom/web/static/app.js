// Sitroom dashboard: a thin page over the REST API. Text from articles is only ever set
// with textContent (never as HTML); the map and the chart are SVG the server draws with
// every label escaped.
"use strict";

const PAGE = 100;
let offset = 0;
let loading = 0; // which overview load is the latest

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function filters() {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(document.getElementById("filters"))) {
    if (String(value).trim() !== "") params.set(key, String(value).trim());
  }
  return params;
}

async function getJSON(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

async function getSVG(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error((await response.json()).error.message);
  return response.text(); // drawn by the server, every label escaped
}

function range(low, high) {
  if (low === null && high === null) return "";
  if (high === null) return `${low}+`;
  if (low === null) return `≤${high}`;
  return low === high ? String(low) : `${low}–${high}`;
}

function what(row) {
  const kind = row.subtype && row.subtype !== "other" ? row.subtype : row.type;
  return row.modality === "reported" ? kind : `${kind} (${row.modality})`;
}

function setStatus(text) {
  document.getElementById("status").textContent = text;
}

async function loadOverview(append = false) {
  // a newer load (the filters submitted while the first page still loads) makes this
  // one stale: its rows must not land under the newer filters
  const mine = append ? loading : ++loading;
  const params = filters();
  if (!append) {
    offset = 0;
    document.querySelector("#events tbody").replaceChildren();
    const picture = new URLSearchParams(params);
    const [map, chart] = await Promise.all([
      getSVG(`/api/map.svg?${picture}`),
      getSVG(`/api/chart.svg?${picture}`),
    ]);
    if (mine !== loading) return;
    document.getElementById("map").innerHTML = map;
    document.getElementById("timeline").innerHTML = chart;
  }
  params.set("limit", String(PAGE));
  params.set("offset", String(offset));
  const page = await getJSON(`/api/events?${params}`);
  if (mine !== loading) return;
  const body = document.querySelector("#events tbody");
  for (const row of page.items) {
    const tr = el(
      "tr",
      { "data-event": row.event_id },
      el("td", { text: row.date || "?" }),
      el("td", { text: what(row) }),
      el("td", { text: [row.location, row.admin1].filter(Boolean).join(", ") }),
      el("td", { class: "num", text: range(row.killed_min, row.killed_max) }),
      el("td", { class: "num", text: range(row.injured_min, row.injured_max) }),
      el("td", { text: row.weapons.replaceAll(";", " ") }),
      el("td", { class: "num", text: String(row.n_sources) }),
    );
    tr.addEventListener("click", () => { location.hash = `#/event/${row.event_id}`; });
    body.append(tr);
  }
  offset += page.items.length;
  document.getElementById("more").hidden = page.next_offset === null;
  setStatus(`${offset} event(s) shown`);
}

function marked(text, spans) {
  // the article text with the spans marked, built as text nodes and <mark> elements
  const out = el("div");
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let at = 0;
  for (const span of sorted) {
    if (span.start < at || span.end > text.length) continue;
    out.append(document.createTextNode(text.slice(at, span.start)));
    out.append(el("mark", { class: span.kind, title: span.label || span.kind, text: text.slice(span.start, span.end) }));
    at = span.end;
  }
  out.append(document.createTextNode(text.slice(at)));
  return out;
}

function figureSpans(report) {
  const spans = [];
  for (const name of ["killed", "injured", "children_killed", "children_injured"]) {
    const q = report[name];
    if (q && q.start >= 0) spans.push({ start: q.start, end: q.end, kind: "figure", label: name });
  }
  for (const w of report.weapons || []) {
    if (w.start >= 0) spans.push({ start: w.start, end: w.end, kind: "figure", label: w.kind });
  }
  return spans;
}

function sourcesTable(consensus) {
  const names = ["killed", "injured", "children_killed", "children_injured"];
  const head = el("tr", {}, el("th", { text: "source" }), el("th", { text: "published" }),
    el("th", { text: "lang" }), ...names.map((n) => el("th", { text: n.replace("_", " ") })),
    el("th", { text: "weapons (launched/intercepted)" }));
  const table = el("table", { id: "sources" }, el("thead", {}, head));
  const body = el("tbody");
  for (const source of consensus.sources || []) {
    for (const r of source.reports) {
      const label = r.latest ? source.source : `${source.source} (earlier)`;
      const weapons = (r.weapons || []).map((w) => `${w.kind} ${w.launched ?? "?"}/${w.intercepted ?? ""}`).join(", ");
      body.append(el("tr", { class: r.latest ? "" : "dim" },
        el("td", { text: label }), el("td", { text: r.published || "?" }), el("td", { text: r.language || "" }),
        ...names.map((n) => el("td", { class: "num", text: r[n] ? range(r[n].min, r[n].max) : "" })),
        el("td", { text: weapons })));
    }
  }
  const cells = names.map((n) => {
    const f = consensus[n];
    return el("td", { class: "num figure", text: f ? `${f.value} (${range(f.min, f.max)})` : "" });
  });
  body.append(el("tr", { class: "figure" }, el("td", { text: "consensus" }), el("td"), el("td"), ...cells, el("td")));
  table.append(body);
  return table;
}

async function showEvent(id) {
  const section = document.getElementById("event");
  document.getElementById("overview").hidden = true;
  section.hidden = false;
  section.replaceChildren(el("p", { text: "loading…" }));
  try {
    const event = await getJSON(`/api/events/${encodeURIComponent(id)}`);
    const c = event.consensus;
    const parts = [
      el("p", {}, el("a", { href: "#/", text: "← all events" })),
      el("h2", { id: "event-title", text: `${c.subtype || event.type} · ${(c.location || {}).name || "place unknown"} · ${c.date || "?"}` }),
      el("p", { class: "dim", text: `${event.event_id} · ${c.modality} · ${c.n_reports} report(s) from ${c.n_sources} source(s)` }),
      sourcesTable(c),
    ];
    const byArticle = new Map();
    for (const r of event.reports) {
      if (!byArticle.has(r.article_id)) byArticle.set(r.article_id, []);
      byArticle.get(r.article_id).push(r);
    }
    for (const [articleId, reports] of byArticle) {
      const article = await getJSON(`/api/articles/${encodeURIComponent(articleId)}`);
      const spans = reports.flatMap((r) => [
        ...r.evidence.map((e) => ({ start: e.start, end: e.end, kind: "evidence" })),
        ...figureSpans(r),
      ]);
      // a figure inside an evidence sentence: mark the sentence around the figure
      const evidence = spans.filter((s) => s.kind === "evidence");
      const figures = spans.filter((s) => s.kind === "figure");
      const flat = [];
      for (const e of evidence) {
        let at = e.start;
        for (const f of figures.filter((f) => f.start >= e.start && f.end <= e.end).sort((a, b) => a.start - b.start)) {
          if (f.start < at) continue;
          if (f.start > at) flat.push({ start: at, end: f.start, kind: "evidence" });
          flat.push(f);
          at = f.end;
        }
        if (at < e.end) flat.push({ start: at, end: e.end, kind: "evidence" });
      }
      const title = `${article.title || "untitled"} — ${article.source || "unknown outlet"}${article.published ? ", " + article.published : ""}`;
      parts.push(el("article", { class: "article", "data-article": article.id },
        el("h3", { text: title }), marked(article.text, flat)));
    }
    section.replaceChildren(...parts);
  } catch (error) {
    section.replaceChildren(el("p", { text: `error: ${error.message}` }), el("a", { href: "#/", text: "← all events" }));
  }
}

function route() {
  const match = location.hash.match(/^#\/event\/([\w-]{1,64})$/);
  if (match) {
    showEvent(match[1]);
  } else {
    document.getElementById("event").hidden = true;
    document.getElementById("overview").hidden = false;
    if (!document.querySelector("#events tbody").children.length) {
      loadOverview().catch((error) => setStatus(`error: ${error.message}`));
    }
  }
}

document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("filters").addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = "#/";
    loadOverview().catch((error) => setStatus(`error: ${error.message}`));
  });
  document.getElementById("more").addEventListener("click", () => {
    loadOverview(true).catch((error) => setStatus(`error: ${error.message}`));
  });
  document.getElementById("map").addEventListener("click", (event) => {
    const dot = event.target.closest("[data-event]");
    if (dot) location.hash = `#/event/${dot.getAttribute("data-event")}`;
  });
  window.addEventListener("hashchange", route);
  route();
});
