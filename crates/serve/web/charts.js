// Parallax web page: the drawn parts. A story's coverage over time, with copying drawn
// as arrows from a copy to its origin, and a storyline's events on one time axis.
// Needs esc, label and PALETTE from app.js (loaded first).
"use strict";

const DAY = 86400000;
const day = (iso) => (iso ? Math.floor(Date.parse(iso + "T00:00:00Z") / DAY) : null);
const isoDay = (n) => new Date(n * DAY).toISOString().slice(0, 10);

// A linear scale from days to x, padded when every date is the same day.
function dayScale(days, x0, x1) {
  let lo = Math.min(...days), hi = Math.max(...days);
  if (lo === hi) { lo -= 1; hi += 1; }
  return { lo, hi, x: (d) => x0 + (x1 - x0) * (d - lo) / (hi - lo) };
}

// Three date labels under an axis: first, middle, last.
function axis(scale, y) {
  const ticks = [scale.lo, Math.round((scale.lo + scale.hi) / 2), scale.hi];
  const anchor = (d) => (d === scale.lo ? "start" : d === scale.hi ? "end" : "middle");
  return [...new Set(ticks)].map((d) => `
    <line x1="${scale.x(d)}" x2="${scale.x(d)}" y1="${y - 4}" y2="${y}" class="tick"></line>
    <text x="${scale.x(d)}" y="${y + 13}" text-anchor="${anchor(d)}" class="axis">${isoDay(d)}</text>`).join("");
}

// One row per column of the matrix (outlet), a dot at the day it published (hollow and on
// the right when undated), and an arrow from each copy to the article it copied.
function coverageTimeline(story, cols) {
  const dated = cols.filter((a) => a.published);
  if (!dated.length) return `<p class="muted">No article of this story carries a date.</p>`;
  const rowH = 24, left = 170, right = 700, undatedX = 760, top = 10;
  const h = top + rowH * cols.length + 24;
  const scale = dayScale(dated.map((a) => day(a.published)), left + 10, right);
  const pos = new Map();
  cols.forEach((a, i) => {
    const y = top + rowH * i + rowH / 2;
    pos.set(a.id, { x: a.published ? scale.x(day(a.published)) : undatedX, y });
  });
  const rows = cols.map((a, i) => {
    const p = pos.get(a.id);
    const colour = PALETTE[a.group % PALETTE.length];
    const dot = a.published
      ? `<circle cx="${p.x}" cy="${p.y}" r="6" fill="${colour}"></circle>`
      : `<circle cx="${p.x}" cy="${p.y}" r="6" fill="#fff" stroke="${colour}" stroke-width="2"></circle>`;
    return `<g><title>${esc(label(a))}: ${esc(a.title || "")} (${esc(a.published || "undated")})</title>
      <line x1="${left}" x2="${undatedX}" y1="${p.y}" y2="${p.y}" class="lane"></line>
      <text x="${left - 8}" y="${p.y + 4}" text-anchor="end" class="who">${esc(label(a).slice(0, 24))}</text>${dot}</g>`;
  }).join("");
  const arrows = (story.reuse || []).map((r) => {
    const from = pos.get(r.target_article), to = pos.get(r.source_article);
    if (!from || !to) return "";
    const bend = Math.max(18, Math.abs(from.y - to.y) / 2);
    const d = `M${from.x},${from.y} C${from.x + bend},${from.y} ${to.x + bend},${to.y} ${to.x + 7},${to.y}`;
    return `<path d="${d}" class="copy" marker-end="url(#arrow)"><title>copies ${r.passages} passage${r.passages === 1 ? "" : "s"} (similarity ${Number(r.similarity).toFixed(2)})</title></path>`;
  }).join("");
  const undated = cols.some((a) => !a.published)
    ? `<text x="${undatedX}" y="${h - 11}" text-anchor="middle" class="axis">undated</text>` : "";
  return `<svg class="timeline" viewBox="0 0 800 ${h}" role="img" aria-label="coverage over time">
    <defs><marker id="arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
      <path d="M0,0 L8,4 L0,8 z" fill="#6b3fb5"></path></marker></defs>
    ${rows}${arrows}${axis(scale, h - 24)}${undated}</svg>
    <div class="legend"><span>one row per article, coloured by independent origin</span>
    <span><svg width="30" height="10"><path d="M2,5 L26,5" class="copy" marker-end="url(#arrow)"></path></svg>copies an earlier article</span>
    <span>hollow: undated</span></div>`;
}

// The storyline's events on one axis, sized by articles; the shown story is filled, the
// others link to themselves.
function storylineStrip(story) {
  const line = story.storyline;
  if (!line || !line.events || line.events.length < 2) return "";
  const dated = line.events.filter((e) => e.start);
  const left = 20, right = 660, undatedX = 770, y = 34;
  const scale = dated.length ? dayScale(dated.map((e) => day(e.start)), left, right) : null;
  // Undated events side by side at the right end, left of the "undated" label.
  let undated = 0;
  const marks = line.events.map((e, i) => {
    const x = e.start && scale ? scale.x(day(e.start)) : undatedX - 30 * undated++;
    const r = Math.min(14, 4 + 2 * Math.sqrt(e.articles));
    const here = e.id === story.id;
    const labelY = i % 2 ? y + r + 14 : y - r - 6;
    return `<a href="#${esc(e.id)}"><g class="event${here ? " here" : ""}">
      <title>${esc(e.title || "(untitled)")}: ${e.articles} article${e.articles === 1 ? "" : "s"}, ${esc(e.start || "undated")}</title>
      <circle cx="${x}" cy="${y}" r="${r}"></circle>
      <text x="${x}" y="${labelY}" text-anchor="${x < 120 ? "start" : x > 640 ? "end" : "middle"}">${esc((e.title || "").slice(0, 28))}</text></g></a>`;
  }).join("");
  const h = 96;
  return `<h2>Storyline${line.label ? ": " + esc(line.label) : ""} · ${line.events.length} events</h2>
    <svg class="storyline" viewBox="0 0 800 ${h}" role="img" aria-label="events of this storyline">
    <line x1="${left}" x2="${undatedX}" y1="${y}" y2="${y}" class="lane"></line>${marks}
    ${scale ? axis(scale, h - 14) : ""}
    ${undated ? `<text x="${undatedX}" y="${h - 1}" text-anchor="end" class="axis">undated</text>` : ""}</svg>`;
}
