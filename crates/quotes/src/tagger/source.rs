//! Choosing each cue's source among candidates, or none: the tagger's own source, the rules'
//! sources and the language stage's mentions in the cue's sentence. A BIO tagger often drops
//! a source it cannot group with its cue, and keeps one for a cue that has none; ranking the
//! candidates per cue, with "none" among them, mends both.

use super::boundary::Prepared;
use super::ranker::{hash, Ranker};
use crate::Attribution;
use parallax_core::{EntityKind, MentionForm};

/// One source candidate: a byte range, or none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The source's bytes, `None` for "no source".
    pub span: Option<(usize, usize)>,
    /// Where it comes from: bit 1 the tagger (for this cue), 2 the rules, 4 a mention, 8 the
    /// tagger's tags (for any cue).
    pub origin: u8,
}

/// The candidates for attribution `a` (which has a cue), the tagger's source first.
pub fn candidates(
    prep: &Prepared<'_, '_>,
    a: &Attribution,
    rules: &[Attribution],
) -> Vec<Candidate> {
    let ctx = prep.ctx;
    let mut out = vec![Candidate {
        span: None,
        origin: 0,
    }];
    let Some(cue) = a.cue else {
        return out;
    };
    let (s0, s1) = ctx.sentence_of(cue.0);
    let near = |(x, y): (usize, usize)| y > s0.min(cue.0) && x < s1.max(cue.1);
    let add = |span: (usize, usize), origin: u8, out: &mut Vec<Candidate>| {
        if span.0 >= span.1 || (span.0 < cue.1 && cue.0 < span.1) {
            return;
        }
        match out.iter_mut().find(|c| c.span == Some(span)) {
            Some(c) => c.origin |= origin,
            None => out.push(Candidate {
                span: Some(span),
                origin,
            }),
        }
    };
    if let Some(s) = a.source {
        add(s, 1, &mut out);
    }
    for r in rules {
        if let Some(s) = r.source.filter(|&s| near(s)) {
            add(s, 2, &mut out);
        }
    }
    for m in ctx.mentions.iter().filter(|m| near((m.start, m.end))) {
        add((m.start, m.end), 4, &mut out);
    }
    // Sources the tagger tagged in the sentence but gave to another cue or to none.
    for s in prep.tagged_sources(s0.min(cue.0), s1.max(cue.1)) {
        add(s, 8, &mut out);
    }
    out
}

fn bucket(d: usize) -> &'static str {
    match d {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=5 => "5",
        6..=10 => "10",
        11..=20 => "20",
        _ => "far",
    }
}

/// Feature indices of candidate `c` for attribution `a`.
pub fn features(
    prep: &Prepared<'_, '_>,
    a: &Attribution,
    c: &Candidate,
    rules_in_sentence: bool,
) -> Vec<usize> {
    let ctx = prep.ctx;
    let h = |i: u16, parts: &[&str]| hash(240 + i, parts);
    let spans = prep.tokens_of(a);
    let cue_word = spans.cue.map_or("", |(_, c1)| ctx.lower_at(c1));
    let cue_first = spans.cue.map_or("", |(c0, _)| ctx.lower_at(c0));
    let tagged = if a.source.is_some() { "T" } else { "-" };
    let rules = if rules_in_sentence { "R" } else { "-" };
    let has_content = if a.parts.is_empty() { "-" } else { "C" };
    let Some((x, y)) = c.span else {
        let mut f = vec![
            h(0, &["none"]),
            h(1, &["none", cue_word]),
            h(2, &["none", tagged, rules]),
            h(3, &["none", cue_first]),
            h(4, &["none", has_content, tagged]),
        ];
        // The probe's strongest "a source starts here" in the cue's sentence.
        if let Some(cue) = a.cue {
            let (s0, s1) = ctx.sentence_of(cue.0);
            let (t0, t1) = (ctx.token_at(s0.min(cue.0)), ctx.token_end(s1.max(cue.1)));
            if let Some(top) = prep.probe_max(t0, t1, 2) {
                f.extend([h(40, &["none", top]), h(41, &["none", top, tagged])]);
            }
        }
        return f;
    };
    let (Some((c0, c1)), (t0, t1)) = (spans.cue, (ctx.token_at(x), ctx.token_end(y))) else {
        return vec![h(5, &["nocue"])];
    };
    let t1 = t1.max(t0 + 1) - 1;
    let (side, gap) = if t1 < c0 {
        ("before", c0 - t1 - 1)
    } else {
        ("after", t0.saturating_sub(c1 + 1))
    };
    let gb = bucket(gap);
    let between = if gap <= 3 {
        let (a0, b0) = if side == "before" {
            (t1 + 1, c0)
        } else {
            (c1 + 1, t0)
        };
        (a0..b0)
            .map(|k| ctx.lower_at(k))
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        "long".into()
    };
    let origin = c.origin.to_string();
    let m = ctx.mention_in(x, y);
    let form = match m.map(|m| m.form) {
        Some(MentionForm::Name) => "N",
        Some(MentionForm::Acronym) => "A",
        Some(MentionForm::Role) => "R",
        Some(MentionForm::Pronoun) => "P",
        None => "-",
    };
    let kind = match m.map(|m| m.kind) {
        Some(EntityKind::Person) => "per",
        Some(EntityKind::Organization) => "org",
        Some(EntityKind::Place) => "loc",
        Some(EntityKind::Group) => "grp",
        Some(EntityKind::Other) => "oth",
        None => "-",
    };
    let in_content = a.parts.iter().any(|p| p.0 <= x && y <= p.1);
    let ic = if in_content { "in" } else { "out" };
    let len = bucket(t1 + 1 - t0);
    let first = ctx.lower_at(t0);
    let last = ctx.lower_at(t1);
    let before = if t0 == 0 { "<s>" } else { ctx.lower_at(t0 - 1) };
    let after = ctx.lower_at(t1 + 1);
    let (s0, _) = ctx.sentence_of(x);
    let opens = if ctx.token_at(s0) == t0 { "S" } else { "-" };
    // The tagger's evidence that the candidate is a source, at its first and last token.
    let begins = prep.margin(t0 as isize, &[1]);
    let ends = prep.margin(t1 as isize, &[1, 2]);
    let mut f = vec![
        h(30, &[begins]),
        h(31, &[ends]),
        h(32, &[begins, ends, &origin]),
        h(10, &[&origin]),
        h(11, &[side, gb]),
        h(12, &[side, &between]),
        h(13, &[side, cue_word, &between]),
        h(14, &[form, kind]),
        h(15, &[form, side, gb]),
        h(16, &[ic, side]),
        h(17, &[len, form]),
        h(18, &[first]),
        h(19, &[last]),
        h(20, &[before]),
        h(21, &[after]),
        h(22, &[opens, side]),
        h(23, &[&origin, side, gb]),
        h(24, &[&origin, tagged]),
        h(25, &[side, cue_word]),
        h(26, &[before, side]),
        h(27, &[after, side]),
        h(28, &[&origin, has_content]),
        h(29, &[opens, form, side, gb]),
    ];
    // The probe: a source opens at the first token, closes at the last, and does not run on.
    if let (Some(pf), Some(pl), Some(pb), Some(pa)) = (
        prep.probe_at(t0 as isize, 2),
        prep.probe_at(t1 as isize, 3),
        prep.probe_at(t0 as isize - 1, 7),
        prep.probe_at(t1 as isize + 1, 7),
    ) {
        f.extend([
            h(42, &[pf]),
            h(43, &[pl]),
            h(44, &[pf, pl]),
            h(45, &[pb, pa]),
            h(46, &[pf, pl, side, gb]),
            h(47, &[pf, form]),
        ]);
    }
    f
}

/// True when a rule attribution has a source in the sentence of `a`'s cue.
fn rules_near(prep: &Prepared<'_, '_>, a: &Attribution, rules: &[Attribution]) -> bool {
    let Some(cue) = a.cue else {
        return false;
    };
    let (s0, s1) = prep.ctx.sentence_of(cue.0);
    rules
        .iter()
        .any(|r| r.source.is_some_and(|s| s.1 > s0 && s.0 < s1))
}

/// Candidate lists with their features for every attribution with a cue.
pub fn lists(
    prep: &Prepared<'_, '_>,
    a: &Attribution,
    rules: &[Attribution],
) -> (Vec<Candidate>, Vec<Vec<usize>>) {
    let cands = candidates(prep, a, rules);
    let near = rules_near(prep, a, rules);
    let feats = cands.iter().map(|c| features(prep, a, c, near)).collect();
    (cands, feats)
}

/// Re-chooses the source of every attribution with a cue; `none_bias` is added to the score
/// of "no source" (negative values keep more sources).
pub fn choose_sources(
    prep: &Prepared<'_, '_>,
    ranker: &Ranker,
    rules: &[Attribution],
    tagged: &mut [Attribution],
    none_bias: f32,
) {
    for a in tagged.iter_mut().filter(|a| a.cue.is_some()) {
        let (cands, feats) = lists(prep, a, rules);
        let mut scores = ranker.scores(&feats);
        for (c, s) in cands.iter().zip(scores.iter_mut()) {
            if c.span.is_none() {
                *s += none_bias;
            }
        }
        let mut best: Option<(usize, f32)> = None;
        for (i, &s) in scores.iter().enumerate() {
            if best.is_none_or(|b| s > b.1) {
                best = Some((i, s));
            }
        }
        let Some(best) = best.map(|b| cands[b.0].span) else {
            continue;
        };
        if best != a.source {
            a.source = best;
            let m = best.and_then(|(x, y)| prep.ctx.mention_in(x, y));
            a.entity = m.map(|m| m.entity);
            a.mention = m.map(|m| (m.form, (m.start, m.end)));
        }
    }
}
