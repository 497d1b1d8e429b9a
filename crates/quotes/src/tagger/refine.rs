//! Moves the tagger's Content and Source edges to where a [`Ranker`] scores best among the
//! [`Prepared::candidates`], and builds the ranker's training lists from gold spans.

use super::boundary::{Edge, Prepared, TokenSpans};
use super::ranker::{Ranker, RankerTrainer};
use crate::Attribution;

/// Scores every candidate for `edge`, best first.
fn ranked(
    prep: &Prepared<'_, '_>,
    ranker: &Ranker,
    edge: Edge,
    spans: &TokenSpans,
    other: Option<usize>,
) -> Vec<(usize, f32)> {
    let cands = prep.candidates(edge, spans, other);
    let feats: Vec<Vec<usize>> = cands
        .iter()
        .map(|&k| prep.features(edge, spans, k, other))
        .collect();
    let mut out: Vec<(usize, f32)> = cands.into_iter().zip(ranker.scores(&feats)).collect();
    // Stable: ties keep the earlier candidate first.
    out.sort_by(|a, b| b.1.total_cmp(&a.1));
    out
}

/// The best (first, last) token pair: each of the few best starts with its best end.
fn best_span(
    prep: &Prepared<'_, '_>,
    ranker: &Ranker,
    edges: (Edge, Edge),
    spans: &TokenSpans,
) -> Option<(usize, usize)> {
    if end_first(edges.0) {
        let (end, _) = *ranked(prep, ranker, edges.1, spans, None).first()?;
        let (start, _) = *ranked(prep, ranker, edges.0, spans, Some(end)).first()?;
        return Some((start, end));
    }
    let mut best: Option<((usize, usize), f32)> = None;
    for (start, s) in ranked(prep, ranker, edges.0, spans, None)
        .into_iter()
        .take(BEAM)
    {
        if let Some(&(end, e)) = ranked(prep, ranker, edges.1, spans, Some(start)).first() {
            if best.is_none_or(|b| s + e > b.1) {
                best = Some(((start, end), s + e));
            }
        }
    }
    best.map(|b| b.0)
}

/// How sure the ranker is of each attribution's content edges, before [`refine`] moves them:
/// for the end and then the start (knowing the end), the score of the best candidate minus
/// the runner-up's (`None` without a content; a lone candidate leads by 100).
pub fn content_margins(
    prep: &Prepared<'_, '_>,
    ranker: &Ranker,
    tagged: &[Attribution],
) -> Vec<Option<[f32; 2]>> {
    let lead = |list: &[(usize, f32)]| match list {
        [a, b, ..] => a.1 - b.1,
        _ => 100.0,
    };
    tagged
        .iter()
        .map(|a| {
            let spans = prep.tokens_of(a);
            spans.content?;
            let ends = ranked(prep, ranker, Edge::ContentEnd, &spans, None);
            let end = ends.first()?.0;
            let starts = ranked(prep, ranker, Edge::ContentStart, &spans, Some(end));
            Some([lead(&ends), lead(&starts)])
        })
        .collect()
}

/// True when the span of `start_edge` is ranked end first, then its start knowing the end
/// (chosen on train cross-validation).
fn end_first(start_edge: Edge) -> bool {
    start_edge == Edge::ContentStart && CONTENT_END_FIRST
}

/// Whether a content's end is chosen before its start.
pub const CONTENT_END_FIRST: bool = true;

/// How many starts are tried with their best end (a beam of 3 scored 0.2 points lower on
/// train cross-validation than the best start alone: the two rankers' scores do not add up).
const BEAM: usize = 1;

/// Gives a cue that the tagger left without content a first guess for the edge ranker to
/// move: the rest of its sentence after the cue, or the sentence before it when the cue
/// closes the sentence. Nested attributions ("X said that Y claimed Z") are where the
/// tagger's tags, one label per token, lose the outer content.
pub fn fill_contents(prep: &Prepared<'_, '_>, tagged: &mut [Attribution]) {
    let ctx = prep.ctx;
    for a in tagged.iter_mut().filter(|a| a.parts.is_empty()) {
        let Some((c0, c1)) = a.cue else {
            continue;
        };
        let (s0, s1) = ctx.sentence_of(c0);
        let after = ctx.token_at(c1)..ctx.token_end(s1);
        let before = ctx.token_at(s0)..ctx.token_at(c0);
        let source = a.source.map(|s| (ctx.token_at(s.0), ctx.token_end(s.1)));
        let range = if after.len() >= 3 {
            // Past a source right after the cue ("said Putin, ...").
            let start = source
                .filter(|s| s.0 == after.start)
                .map_or(after.start, |s| s.1);
            start..after.end
        } else {
            let end = source
                .filter(|s| s.1 == before.end)
                .map_or(before.end, |s| s.0);
            before.start..end
        };
        if range.len() >= 2 {
            if let (Some(first), Some(last)) =
                (ctx.words.get(range.start), ctx.words.get(range.end - 1))
            {
                a.parts = vec![(first.start, last.end)];
            }
        }
    }
}

/// Re-ranks the content and source edges of every attribution in `tagged`, and the cue's
/// when `cue_edges`.
pub fn refine(
    prep: &Prepared<'_, '_>,
    ranker: &Ranker,
    tagged: &mut [Attribution],
    cue_edges: bool,
) {
    let ctx = prep.ctx;
    for a in tagged.iter_mut() {
        let spans = prep.tokens_of(a);
        if spans.content.is_some() {
            if let Some((start, end)) =
                best_span(prep, ranker, (Edge::ContentStart, Edge::ContentEnd), &spans)
            {
                let (first, last) = (ctx.words[start].start, ctx.words[end].end);
                // Pieces the new edges cut away go; the edge pieces are stretched or cut.
                let mut parts: Vec<(usize, usize)> = a
                    .parts
                    .iter()
                    .filter(|p| p.1 > first && p.0 < last)
                    .copied()
                    .collect();
                if parts.is_empty() {
                    parts.push((first, last));
                }
                if let Some(p) = parts.first_mut() {
                    p.0 = first;
                }
                if let Some(p) = parts.last_mut() {
                    p.1 = last;
                }
                a.parts = parts;
            }
        }
        if spans.source.is_some() {
            if let Some((start, end)) =
                best_span(prep, ranker, (Edge::SourceStart, Edge::SourceEnd), &spans)
            {
                let source = (ctx.words[start].start, ctx.words[end].end);
                if a.source != Some(source) {
                    a.source = Some(source);
                    let m = ctx.mention_in(source.0, source.1);
                    a.entity = m.map(|m| m.entity);
                    a.mention = m.map(|m| (m.form, (m.start, m.end)));
                }
            }
        }
        if cue_edges && spans.cue.is_some() {
            if let Some((start, end)) =
                best_span(prep, ranker, (Edge::CueStart, Edge::CueEnd), &spans)
            {
                a.cue = Some((ctx.words[start].start, ctx.words[end].end));
            }
        }
    }
}

/// A gold attribution's cue and content, in bytes.
pub type CueContent = ((usize, usize), (usize, usize));

/// A gold attribution's cue and source, in bytes.
pub type GoldLink = ((usize, usize), Option<(usize, usize)>);

/// Training lists for the ranker from one article, and how often the gold edge was among the
/// candidates (per edge: found, asked).
#[derive(Default)]
pub struct Examples {
    /// Candidate features and the index of the gold candidate.
    pub lists: Vec<(Vec<Vec<usize>>, usize)>,
    /// Per edge (content start and end, source start and end, cue start and end): gold found.
    pub found: [usize; 6],
    /// Per edge: lists asked for (a tagged span that overlaps a gold one).
    pub asked: [usize; 6],
    /// Per list: its edge (0 to 3, as in `found`) and the tagger's own candidate.
    pub origin: Vec<(usize, Option<usize>)>,
    /// Source choices per cue ([`super::source`]): candidate features, the gold index.
    pub source_lists: Vec<(Vec<Vec<usize>>, usize)>,
    /// Source choices: gold among the candidates, asked.
    pub source_found: [usize; 2],
}

impl Examples {
    /// Adds the lists of one article: each tagged content is matched to the content of the
    /// gold attribution whose cue overlaps its cue when the two contents overlap (nested
    /// attributions make the best-overlapping content the wrong one), else, like each tagged
    /// source, to the gold span of its label that overlaps it most; gold spans are byte ranges,
    /// `cue_contents` pairs a gold cue with its content.
    pub fn add(
        &mut self,
        prep: &Prepared<'_, '_>,
        tagged: &[Attribution],
        gold_contents: &[(usize, usize)],
        gold_sources: &[(usize, usize)],
        gold_cues: &[(usize, usize)],
        cue_contents: &[CueContent],
    ) {
        let ctx = prep.ctx;
        // A gold span in tokens, when its edges fall on token edges.
        let to_tokens = |(a, b): (usize, usize)| {
            let (s, e) = (ctx.token_at(a), ctx.token_end(b));
            (s < e && ctx.words[s].start == a && ctx.words[e - 1].end == b).then(|| (s, e - 1))
        };
        let best_overlap = |span: (usize, usize), gold: &[(usize, usize)]| {
            gold.iter()
                .filter_map(|&(a, b)| {
                    let o = b.min(span.1) as isize - a.max(span.0) as isize;
                    (o > 0).then_some((o, (a, b)))
                })
                .max_by_key(|x| x.0)
                .map(|x| x.1)
        };
        for a in tagged {
            let spans = prep.tokens_of(a);
            let content = match (a.parts.first(), a.parts.last()) {
                (Some(f), Some(l)) => Some((f.0, l.1)),
                _ => None,
            };
            let jobs = [
                (
                    content,
                    gold_contents,
                    Edge::ContentStart,
                    Edge::ContentEnd,
                    0,
                ),
                (
                    a.source,
                    gold_sources,
                    Edge::SourceStart,
                    Edge::SourceEnd,
                    2,
                ),
                (a.cue, gold_cues, Edge::CueStart, Edge::CueEnd, 4),
            ];
            let overlaps = |x: (usize, usize), y: (usize, usize)| x.0 < y.1 && y.0 < x.1;
            let by_cue = match (a.cue, content) {
                (Some(c), Some(t)) => cue_contents
                    .iter()
                    .find(|(gc, gt)| overlaps(*gc, c) && overlaps(*gt, t))
                    .map(|x| x.1),
                _ => None,
            };
            for (span, gold, start_edge, end_edge, slot) in jobs {
                let matched = if slot == 0 { by_cue } else { None };
                let Some(g) = matched.or_else(|| span.and_then(|s| best_overlap(s, gold))) else {
                    continue;
                };
                let Some((gs, ge)) = to_tokens(g) else {
                    continue;
                };
                if end_first(start_edge) {
                    self.list(prep, end_edge, &spans, None, ge, slot + 1);
                    self.list(prep, start_edge, &spans, Some(ge), gs, slot);
                } else {
                    self.list(prep, start_edge, &spans, None, gs, slot);
                    self.list(prep, end_edge, &spans, Some(gs), ge, slot + 1);
                }
            }
        }
    }

    /// Adds the source choices of one article: each tagged cue is matched to the gold cue
    /// that overlaps it most, whose source (or none) is the answer; `links` are gold (cue,
    /// source) byte ranges.
    pub fn add_sources(
        &mut self,
        prep: &Prepared<'_, '_>,
        tagged: &[Attribution],
        rules: &[Attribution],
        links: &[GoldLink],
    ) {
        for a in tagged {
            let Some(cue) = a.cue else {
                continue;
            };
            let gold = links
                .iter()
                .filter_map(|&(c, s)| {
                    let o = c.1.min(cue.1) as isize - c.0.max(cue.0) as isize;
                    (o > 0).then_some((o, s))
                })
                .max_by_key(|x| x.0)
                .and_then(|x| x.1);
            let (cands, feats) = super::source::lists(prep, a, rules);
            self.source_found[1] += 1;
            if let Some(g) = cands.iter().position(|c| c.span == gold) {
                self.source_found[0] += 1;
                self.source_lists.push((feats, g));
            }
        }
    }

    fn list(
        &mut self,
        prep: &Prepared<'_, '_>,
        edge: Edge,
        spans: &TokenSpans,
        other: Option<usize>,
        gold: usize,
        slot: usize,
    ) {
        self.asked[slot] += 1;
        let cands = prep.candidates(edge, spans, other);
        if let Some(g) = cands.iter().position(|&k| k == gold) {
            self.found[slot] += 1;
            let tagged = match edge {
                Edge::ContentStart => spans.content.map(|c| c.0),
                Edge::ContentEnd => spans.content.map(|c| c.1),
                Edge::SourceStart => spans.source.map(|c| c.0),
                Edge::SourceEnd => spans.source.map(|c| c.1),
                Edge::CueStart => spans.cue.map(|c| c.0),
                Edge::CueEnd => spans.cue.map(|c| c.1),
            };
            self.origin.push((
                slot,
                tagged.and_then(|t| cands.iter().position(|&k| k == t)),
            ));
            let feats = cands
                .iter()
                .map(|&k| prep.features(edge, spans, k, other))
                .collect();
            self.lists.push((feats, g));
        }
    }
}

/// Trains a ranker for `epochs` passes over `lists` in a fixed pseudo-random order.
pub fn train_ranker(lists: &[(Vec<Vec<usize>>, usize)], epochs: usize) -> Ranker {
    let mut trainer = RankerTrainer::default();
    let mut order: Vec<usize> = (0..lists.len()).collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        for &i in &order {
            trainer.learn(&lists[i].0, lists[i].1);
        }
    }
    trainer.finish()
}
