// Parallax web page: lists stories, and sets one story's coverage side by side.
// Offsets from the API are Unicode code points; Array.from(body) indexes them.
"use strict";

const $ = (sel) => document.querySelector(sel);
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
// "1 article", "3 articles".
const count = (n, noun) => `${n} ${noun}${n === 1 ? "" : "s"}`;
const PALETTE = ["#3557c4", "#e07b00", "#1f9d55", "#9b3fc4", "#c43557", "#00899b", "#7a8a00", "#5b5b5b"];
let current = null;

async function getJSON(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(url + ": " + res.status);
  return res.json();
}

let storyList = [];

async function loadStories() {
  storyList = await getJSON("/api/stories");
  listStories();
  const wanted = location.hash.slice(1).split(":")[0] || (storyList[0] && storyList[0].id);
  if (wanted) route(wanted);
}

// Stories in the order the API gives (most covered first); the events of one storyline
// are kept together under its label, at the place of its most covered event.
function listStories() {
  const stories = storyList;
  const nav = $("#stories");
  if (!stories.length) { nav.innerHTML = '<p class="muted" style="padding:12px">No stories in this data directory.</p>'; return; }
  const item = (s, inLine) => `
    <div class="item${inLine ? " in-line" : ""}" data-id="${esc(s.id)}">
      <div class="title">${esc(s.title || "(untitled)")}</div>
      <div class="meta">${esc(dates(s.start, s.end))} · ${count(s.articles, "article")} · ${count(s.outlets.length, "outlet")}</div>
      <div class="meta">${count(s.claims, "claim")}${s.contradicted ? ` · <span class="badge bad">${s.contradicted} contradicted</span>` : ""}</div>
    </div>`;
  const lines = new Map();
  for (const s of stories) {
    if (!s.storyline) continue;
    if (!lines.has(s.storyline.id)) lines.set(s.storyline.id, []);
    lines.get(s.storyline.id).push(s);
  }
  const shown = new Set();
  nav.innerHTML = stories.map((s) => {
    if (!s.storyline) return item(s, false);
    if (shown.has(s.storyline.id)) return "";
    shown.add(s.storyline.id);
    const events = lines.get(s.storyline.id).slice().sort((a, b) => String(a.start || "9").localeCompare(String(b.start || "9")));
    return `<div class="line-head">storyline${s.storyline.label ? ": " + esc(s.storyline.label) : ""} · ${events.length} events</div>` +
      events.map((e) => item(e, true)).join("");
  }).join("");
  nav.querySelectorAll(".item").forEach((el) => el.addEventListener("click", () => { location.hash = el.dataset.id; }));
  markActive();
}

// Search results replace the story list while the box holds text. Snippets come with
// private-use marks around matches (U+E000, U+E001), turned into <mark> after escaping.
let searchTimer = null;
function onSearch() {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(async () => {
    const q = $("#search").value.trim();
    if (!q) { listStories(); return; }
    let hits;
    const who = await speakerHits(q);
    try { hits = await getJSON("/api/search?q=" + encodeURIComponent(q)); }
    catch (e) { $("#stories").innerHTML = who + `<p class="muted" style="padding:12px">Search is not available: ${esc(e.message)}</p>`; return; }
    const nav = $("#stories");
    if (!hits.length && !who) { nav.innerHTML = `<p class="muted" style="padding:12px">Nothing matches “${esc(q)}”.</p>`; return; }
    nav.innerHTML = who + hits.map((h) => `
      <div class="item" data-id="${h.story == null ? "" : "s" + h.story}" data-claim="${h.claim == null ? "" : "c" + h.claim}">
        <div class="kind">${esc(h.kind)}</div>
        <div class="snippet">${esc(h.kind === "article" ? h.title : "").trim() ? `<b>${esc(h.title)}</b><br>` : ""}${esc(h.snippet).replace(/\uE000/g, "<mark>").replace(/\uE001/g, "</mark>")}</div>
      </div>`).join("");
    nav.querySelectorAll(".item").forEach((el) => el.addEventListener("click", () => {
      if (el.dataset.id) location.hash = el.dataset.id + (el.dataset.claim ? ":" + el.dataset.claim : "");
    }));
  }, 200);
}

function markActive() {
  const id = location.hash.slice(1).split(":")[0];
  document.querySelectorAll("nav .item").forEach((el) => el.classList.toggle("active", el.dataset.id === id && !el.dataset.claim));
}

function dates(start, end) {
  if (!start) return "undated";
  return end && end !== start ? `${start} – ${end}` : start;
}

// Orders columns so that copies of one origin sit next to each other, and gives each
// independent origin a colour.
function columns(story) {
  const groups = new Map();
  for (const a of story.articles) {
    const key = a.independence_key || a.id;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(a);
  }
  const cols = [];
  let g = 0;
  for (const [key, members] of groups) {
    members.forEach((a, n) => cols.push({ ...a, group: g, groupKey: key, groupSize: members.length, copyIndex: n }));
    g++;
  }
  return cols;
}

// A short name for an article's column: its outlet, else its source's host (unless the
// host is a placeholder reserved for examples), else its file name or page name.
const PLACEHOLDER_HOST = /(^|\.)(example|test|invalid|localhost)$|(^|\.)example\.(com|net|org)$/;
function label(a) {
  if (a.outlet) return a.outlet;
  const host = /^https?:\/\/(?:www\.)?([^/:?#]+)/.exec(a.source || "");
  if (host && !PLACEHOLDER_HOST.test(host[1])) return host[1];
  const file = (a.source || "").split(/[\\/]/).pop();
  return file || a.title || a.id.slice(0, 8);
}

function originBadge(a, byId) {
  if (a.origin === "wire") return `<span class="badge wire" title="republishes wire copy">wire: ${esc(a.origin_of)}</span>`;
  if (a.origin === "republished" || a.origin === "rewritten") {
    const src = byId.get(a.origin_of);
    const name = src ? label(src) : a.origin_of;
    return `<span class="badge copy" title="${esc(a.origin)} from another article">${a.origin === "rewritten" ? "rewrites" : "copy of"} ${esc(name)}</span>`;
  }
  return `<span class="badge">original</span>`;
}

async function showStory(id) {
  markActive();
  let story;
  try { story = await getJSON("/api/stories/" + encodeURIComponent(id)); }
  catch (e) { $("#story").innerHTML = `<p class="muted">${esc(e.message)}</p>`; return; }
  current = story;
  const cols = columns(story);
  const byId = new Map(story.articles.map((a) => [a.id, a]));
  const head = `
    <h1>${esc(story.title || "(untitled)")}</h1>
    <div class="muted">${esc(dates(story.start, story.end))} · ${count(story.articles.length, "article")} from ${count(story.outlets.length, "outlet")} · ${count(story.claims.length, "claim")}</div>`;

  const colTemplate = `minmax(300px, 2.4fr) repeat(${cols.length}, minmax(92px, 1fr))`;
  // How each article treats the story's claims: a stacked bar of states / contradicts /
  // leaves out, so an outlet's coverage can be compared at a glance.
  const tally = (a) => {
    let states = 0, against = 0;
    for (const c of story.claims) {
      if (c.support.some((e) => e.article === a.id)) states++;
      else if (c.contradicted_by.some((e) => e.article === a.id)) against++;
    }
    return { states, against, omits: story.claims.length - states - against };
  };
  const bar = (t) => {
    const total = Math.max(1, t.states + t.against + t.omits);
    const w = (n) => (100 * n / total).toFixed(1) + "%";
    return `<div class="tally" title="states ${t.states}, contradicts ${t.against}, leaves out ${t.omits}">
      <i class="s" style="width:${w(t.states)}"></i><i class="x" style="width:${w(t.against)}"></i><i class="o" style="width:${w(t.omits)}"></i></div>
      <div class="tally-n">${t.states}✓ ${t.against ? t.against + "✕ " : ""}${t.omits}–</div>`;
  };
  let grid = `<div class="corner">Claim</div>` + cols.map((a) => `
    <div class="colhead" title="${esc(a.title || "")}">
      <div class="group" style="background:${PALETTE[a.group % PALETTE.length]}"></div>
      <div class="outlet">${esc(label(a))}</div>
      <div class="date">${esc(a.published || "")}</div>
      <div>${originBadge(a, byId)}</div>
      ${story.claims.length ? bar(tally(a)) : ""}
    </div>`).join("");
  story.claims.forEach((c, ci) => {
    const states = new Map(c.support.map((e) => [e.article, e]));
    const against = new Map(c.contradicted_by.map((e) => [e.article, e]));
    const dots = Array.from({ length: c.independent_sources }, () => '<span class="dot"></span>').join("");
    grid += `<div class="claim ${c.contradicted_by.length ? "row-contradicted" : ""}" id="claim-${esc(c.id)}">
      ${c.attributed_to ? `<div class="who">${esc(c.attributed_to.name)}</div>` : ""}
      <div>${esc(c.text)}</div>
      <div class="srcs">${dots}<span class="muted">${c.independent_sources} independent source${c.independent_sources === 1 ? "" : "s"}</span>
      ${c.contradicted_by.length ? '<span class="badge bad">contradicted</span>' : ""}</div>
      ${elsewhere(c)}
    </div>`;
    for (const a of cols) {
      const s = states.get(a.id), x = against.get(a.id);
      const copied = a.copyIndex > 0 ? " copied" : "";
      if (s) grid += `<div class="cell states${copied}" data-claim="${ci}" data-article="${a.id}" data-kind="support" title="${esc(s.text)}"><div class="mark">✓</div></div>`;
      else if (x) grid += `<div class="cell contradicts" data-claim="${ci}" data-article="${a.id}" data-kind="contradict" title="${esc(x.text)}"><div class="mark">✕</div></div>`;
      else grid += `<div class="cell omits" title="${esc(label(a))} does not report it"><div class="mark">–</div></div>`;
    }
  });
  const matrix = story.claims.length
    ? `<div class="matrix" style="grid-template-columns:${colTemplate}">${grid}</div>
       <div class="legend"><span><i style="background:var(--ok-bg);border:2px solid var(--ok)"></i>states it</span>
       <span><i style="background:var(--bad-bg);border:2px solid var(--bad)"></i>contradicts it</span>
       <span><i style="border:2px dashed var(--none)"></i>leaves it out</span>
       <span>same colour bar = one independent origin (wire copy, same owner); faded marks are copies</span></div>`
    : `<p class="muted">No claims aligned for this story.</p>`;

  $("#story").innerHTML = head + storylineStrip(story) + disputes(story, byId) + `<h2>Coverage</h2>` + matrix +
    `<h2>Over time</h2>` + coverageTimeline(story, cols) +
    `<h2>Reader</h2><div id="reader" class="reader muted">Click a ✓ or ✕ to read the passage in its article.</div>` +
    `<h2>Quotes by speaker</h2>` + speakers(story, byId);
  document.querySelectorAll(".cell.states, .cell.contradicts").forEach((el) =>
    el.addEventListener("click", () => read(el.dataset.article, Number(el.dataset.claim))));
  const claim = location.hash.slice(1).split(":")[1];
  const row = claim && document.getElementById("claim-" + claim);
  if (row) { row.scrollIntoView({ block: "center" }); row.classList.add("flash"); }
}

// Other events of the storyline that state the claim too: named and linked, never
// counted as sources of this story.
function elsewhere(c) {
  const list = c.elsewhere_in_storyline || [];
  if (!list.length) return "";
  const links = list.map((e) => `<a href="#${esc(e.story || "")}" title="${esc(e.text)}">${esc(e.outlet || "another outlet")}</a>`);
  return `<div class="elsewhere muted">also stated in another event of this storyline: ${links.join(", ")}</div>`;
}

// Contradicted claims as face-offs: what one side states against what the other states,
// figures and negations highlighted. A claim and its mirror (B contradicts A, A
// contradicts B) are shown once: a claim whose passages meet both sides of a card
// already shown adds nothing.
function disputes(story, byId) {
  const shown = [];
  const cards = [];
  const key = (e) => `${e.article}:${e.start}`;
  const meets = (list, set) => list.some((e) => set.has(key(e)));
  for (const c of story.claims) {
    if (!c.contradicted_by.length) continue;
    const mirror = shown.some(([a, b]) =>
      (meets(c.support, a) && meets(c.contradicted_by, b)) || (meets(c.support, b) && meets(c.contradicted_by, a)));
    if (mirror) continue;
    shown.push([new Set(c.support.map(key)), new Set(c.contradicted_by.map(key))]);
    const side = (list, other, cls) => {
      const names = [...new Set(list.map((e) => byId.get(e.article)).filter(Boolean).map(label))];
      return `<div class="side ${cls}"><div class="who">${names.map(esc).join(", ")}</div>
        <div>${marked(list[0].text || "", other[0].text || "")}</div></div>`;
    };
    cards.push(`<div class="dispute">${side(c.support, c.contradicted_by, "ok")}<div class="vs">vs</div>${side(c.contradicted_by, c.support, "bad")}</div>`);
  }
  return cards.length ? `<h2>Disputed</h2><div class="disputes">${cards.join("")}</div>` : "";
}

// Escapes text and highlights the figures and negations that the other side lacks, the
// usual seat of a dispute. Matching runs on the raw text; each piece is escaped.
const DISPUTED = /(\$?\d(?:[\d,.]*\d)?(?:\s?(?:million|billion|thousand|percent|per cent|%))?|\b(?:not|never|no|denied|denies|confirmed)\b|n't)/gi;
// A day of the month ("March 16", "16 March") dates the claim; the server compares
// dates separately, so the day number is not drawn as a disputed figure.
const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
const MONTH_BEFORE = new RegExp(`\\b${MONTH}\\s$`, "i"), MONTH_AFTER = new RegExp(`^\\s${MONTH}\\b`, "i");
const isDay = (text, m) =>
  /^\d{1,2}$/.test(m[0]) &&
  (MONTH_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index)) || MONTH_AFTER.test(text.slice(m.index + m[0].length)));
function marked(text, other) {
  const theirs = new Set((other.match(DISPUTED) || []).map((t) => t.toLowerCase()));
  let out = "", at = 0;
  for (const m of text.matchAll(DISPUTED)) {
    out += esc(text.slice(at, m.index));
    out += theirs.has(m[0].toLowerCase()) || isDay(text, m) ? esc(m[0]) : `<b>${esc(m[0])}</b>`;
    at = m.index + m[0].length;
  }
  return out + esc(text.slice(at));
}

function speakers(story, byId) {
  if (!story.quotes.length) return `<p class="muted">No quotes found.</p>`;
  const by = new Map(), entityOf = new Map();
  for (const q of story.quotes) {
    const name = q.speaker.name || q.speaker.mention || "Unattributed";
    if (!by.has(name)) by.set(name, new Map());
    if (q.speaker.entity) entityOf.set(name, q.speaker.entity);
    const same = by.get(name);
    const key = q.text.trim();
    if (!same.has(key)) same.set(key, { q, outlets: [] });
    const article = byId.get(q.article);
    same.get(key).outlets.push(article ? label(article) : "?");
  }
  const cards = [...by.entries()].sort((a, b) => b[1].size - a[1].size).map(([name, quotes]) => `
    <div class="speaker"><div class="name">${entityOf.has(name) ? `<a href="#${esc(entityOf.get(name))}" title="everything ${esc(name)} said, outlet by outlet">${esc(name)}</a>` : esc(name)} <span class="badge">${quotes.size}</span></div>
    ${[...quotes.values()].map(({ q, outlets }) => `
      <div class="quote ${q.kind}"><div>${q.kind === "indirect" ? "" : "“"}${esc(bare(q.text))}${q.kind === "indirect" ? "" : "”"}</div>
      <div class="by">${esc(q.kind)}${q.cue ? " · " + esc(q.cue) : ""} · ${[...new Set(outlets)].map(esc).join(", ")}</div></div>`).join("")}
    </div>`);
  return `<div class="speakers">${cards.join("")}</div>`;
}

// A quote's text without the quote marks the article put around it.
const bare = (text) => text.replace(/^[\s"“”„«»'‘’]+|[\s"“”„«»'‘’]+$/g, "");

// Shows an article's body with the chosen claim's passage highlighted.
function read(articleId, claimIndex) {
  const a = current.articles.find((x) => x.id === articleId);
  const c = current.claims[claimIndex];
  if (!a || !c) return;
  const spans = [
    ...c.support.filter((e) => e.article === articleId).map((e) => ({ ...e, cls: "" })),
    ...c.contradicted_by.filter((e) => e.article === articleId).map((e) => ({ ...e, cls: "bad" })),
  ].sort((x, y) => x.start - y.start);
  const chars = Array.from(a.body);
  let html = "", at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    html += esc(chars.slice(at, s.start).join("")) + `<mark class="${s.cls}">` + esc(chars.slice(s.start, s.end).join("")) + "</mark>";
    at = s.end;
  }
  html += esc(chars.slice(at).join(""));
  const r = $("#reader");
  r.classList.remove("muted");
  r.innerHTML = `<div class="head"><b>${esc(label(a))}</b> · ${esc(a.title || "")} <span class="muted">${esc(a.published || "")} · ${esc(a.source)}</span></div>` + html;
  r.querySelector("mark")?.scrollIntoView({ block: "center", behavior: "smooth" });
}

// "#s3" (and "#s3:c7") shows a story, "#e12" what one speaker said.
function route(id) {
  if (/^e\d+$/.test(id)) showSpeaker(id); else showStory(id);
}

window.addEventListener("hashchange", () => route(location.hash.slice(1).split(":")[0]));
$("#search").addEventListener("input", onSearch);
loadStories().catch((e) => { $("#stories").innerHTML = `<p class="muted">${esc(e.message)}</p>`; });
