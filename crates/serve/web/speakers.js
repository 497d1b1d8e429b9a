// Parallax web page: who said what. One speaker's quotes across the collection, one
// column per outlet, each quote linked to its story. Needs esc, count and bare from app.js.
"use strict";

async function showSpeaker(id) {
  markActive();
  let who;
  try { who = await getJSON("/api/speakers/" + encodeURIComponent(id)); }
  catch (e) { $("#story").innerHTML = `<p class="muted">${esc(e.message)}</p>`; return; }
  current = null;
  const total = who.outlets.reduce((n, o) => n + o.quotes.length, 0);
  const others = who.aliases.filter((a) => a !== who.name);
  const head = `<h1>${esc(who.name)}</h1>
    <div class="muted">${esc(who.kind)} · ${count(total, "quote")} in ${count(who.outlets.length, "outlet")}${others.length ? " · also written " + others.slice(0, 8).map(esc).join(", ") : ""}</div>`;
  const columns = who.outlets.map((o) => `
    <div class="speaker"><div class="name">${esc(o.outlet)} <span class="badge">${o.quotes.length}</span></div>
    ${o.quotes.map((q) => `
      <div class="quote ${esc(q.kind)}"><div>${q.kind === "indirect" ? "" : "“"}${esc(bare(q.text))}${q.kind === "indirect" ? "" : "”"}</div>
      <div class="by">${esc(q.kind)}${q.cue ? " · " + esc(q.cue) : ""}${q.published ? " · " + esc(q.published) : ""}${q.story ? ` · <a href="#${esc(q.story)}">${esc(q.title || "story")}</a>` : ""}</div></div>`).join("")}
    </div>`).join("");
  $("#story").innerHTML = head + `<h2>Who said what, outlet by outlet</h2><div class="speakers">${columns}</div>`;
  window.scrollTo(0, 0);
}

// Speakers whose name or alias holds the search text, as links above the other results.
async function speakerHits(q) {
  let list = [];
  try { list = await getJSON("/api/speakers?q=" + encodeURIComponent(q)); } catch (e) { return ""; }
  return list.slice(0, 5).map((s) => `
    <div class="item" data-id="${esc(s.id)}"><div class="kind">speaker</div>
    <div class="snippet"><b>${esc(s.name)}</b><br>${count(s.quotes, "quote")} · ${count(s.outlets, "outlet")} · ${count(s.stories, "story")}</div></div>`).join("");
}
