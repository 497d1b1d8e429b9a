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

// The storyline's events, one row each on one time axis: a bar from the event's first
// day to its last, a dot sized by its articles; undated events last, hollow, in their own
// column. The shown story is filled and bold; the others link to themselves.
function storylineStrip(story) {
  const line = story.storyline;
  if (!line || !line.events || line.events.length < 2) return "";
  const events = [...line.events].sort((a, b) =>
    (a.start ? 0 : 1) - (b.start ? 0 : 1) || (a.start || "").localeCompare(b.start || ""));
  const dated = events.filter((e) => e.start);
  const rowH = 22, top = 8, labelX = 330, left = 345, right = 690, undatedX = 750;
  const h = top + rowH * events.length + (dated.length ? 26 : 8);
  const days = dated.flatMap((e) => [day(e.start), day(e.end || e.start)]);
  const scale = dated.length ? dayScale(days, left, right) : null;
  const rows = events.map((e, i) => {
    const y = top + rowH * i + rowH / 2;
    const r = Math.min(9, 3 + 1.5 * Math.sqrt(e.articles));
    const here = e.id === story.id;
    const x0 = e.start && scale ? scale.x(day(e.start)) : undatedX;
    const x1 = e.start && scale ? scale.x(day(e.end || e.start)) : undatedX;
    const bar = x1 > x0 ? `<line x1="${x0}" x2="${x1}" y1="${y}" y2="${y}" class="span"></line>` : "";
    const title = e.title || "(untitled)";
    const short = title.length > 46 ? title.slice(0, 45) + "…" : title;
    const when = e.start ? (e.end && e.end !== e.start ? `${e.start} to ${e.end}` : e.start) : "undated";
    return `<a href="#${esc(e.id)}"><g class="event${here ? " here" : ""}${e.start ? "" : " undated"}">
      <title>${esc(title)}: ${count(e.articles, "article")}, ${esc(when)}</title>
      <line x1="${left}" x2="${undatedX}" y1="${y}" y2="${y}" class="lane"></line>
      <text x="${labelX}" y="${y + 4}" text-anchor="end">${esc(short)}</text>${bar}
      <circle cx="${x1}" cy="${y}" r="${r}"></circle></g></a>`;
  }).join("");
  const undated = dated.length < events.length
    ? `<text x="${undatedX}" y="${h - 4}" text-anchor="middle" class="axis">undated</text>` : "";
  return `<h2>Storyline${line.label ? ": " + esc(line.label) : ""} · ${line.events.length} events</h2>
    <svg class="storyline" viewBox="0 0 800 ${h}" role="img" aria-label="events of this storyline">
    ${rows}${scale ? axis(scale, h - 14) : ""}${undated}</svg>`;
}
