//! An optional learned attribution tagger: a first-order structured perceptron (averaged,
//! Collins 2002) over BIO tags for Source, Cue and Content, decoded with Viterbi.
//!
//! Its features are the words around each token, their shapes, the cue lexicon, quote marks,
//! sentence edges, the language stage's mentions, and the rule system's own attributions (so
//! the model learns where the rules' boundaries are right). It is trained from a corpus by
//! [`Trainer`] (see `bench/polnear`), deterministically, and is slower than the rules alone.

use crate::context::Context;
use crate::cues::{cue_at, CueKind};
use crate::words::Word;
use crate::Attribution;
use parallax_core::MentionForm;

/// Tags: outside, then begin/inside for Source, Cue and Content.
pub const TAGS: usize = 7;
/// Feature hash space (a power of two).
const BUCKETS: usize = 1 << 20;

/// Label of a tag: 0 none, 1 Source, 2 Cue, 3 Content.
pub fn label_of(tag: usize) -> usize {
    tag.div_ceil(2)
}

fn fnv(template: u8, parts: &[&str]) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(template);
    h = h.wrapping_mul(0x100_0000_01b3);
    for p in parts {
        for b in p.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    (h as usize) & (BUCKETS - 1)
}

fn shape(w: &Word, body: &str) -> &'static str {
    let text = body.get(w.start..w.end).unwrap_or("");
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => {
            if text.chars().all(|c| !c.is_lowercase()) {
                "XX"
            } else {
                "Xx"
            }
        }
        Some(c) if c.is_lowercase() => "x",
        Some(c) if c.is_ascii_digit() => "d",
        Some(_) => "p",
        None => "",
    }
}

/// Feature indices of every token of one article.
pub fn features(ctx: &Context<'_>, rules: &[Attribution]) -> Vec<Vec<usize>> {
    let n = ctx.words.len();
    // Rule tags per token (as label letters), quote depth, sentence edges, mentions.
    let mut rule = vec!["O"; n];
    let set = |a: usize,
               b: usize,
               begin: &'static str,
               inside: &'static str,
               rule: &mut Vec<&'static str>| {
        let (s, e) = (ctx.token_at(a), ctx.token_end(b));
        for (k, r) in rule.iter_mut().enumerate().take(e).skip(s) {
            *r = if k == s { begin } else { inside };
        }
    };
    for r in rules {
        for &(a, b) in &r.parts {
            set(a, b, "BT", "IT", &mut rule);
        }
        if let Some((a, b)) = r.source {
            set(a, b, "BS", "IS", &mut rule);
        }
        if let Some((a, b)) = r.cue {
            set(a, b, "BC", "IC", &mut rule);
        }
    }
    let mut mention = vec!["-"; n];
    for m in &ctx.mentions {
        let form = match m.form {
            MentionForm::Name => "N",
            MentionForm::Acronym => "A",
            MentionForm::Role => "R",
            MentionForm::Pronoun => "P",
        };
        for slot in mention
            .iter_mut()
            .take(ctx.token_end(m.end))
            .skip(ctx.token_at(m.start))
        {
            *slot = form;
        }
    }
    let mut sent_first = vec![false; n];
    let mut sent_last = vec![false; n];
    let mut sent_id = vec![0usize; n];
    for (si, &(s, e)) in ctx.sentences.iter().enumerate() {
        let (a, b) = (ctx.token_at(s), ctx.token_end(e));
        if a < b && b <= n {
            sent_first[a] = true;
            sent_last[b - 1] = true;
            for id in sent_id.iter_mut().take(b).skip(a) {
                *id = si;
            }
        }
    }
    let mut sent_start = vec![0usize; n];
    let mut sent_end = vec![n; n];
    for &(s, e) in &ctx.sentences {
        let (a, b) = (ctx.token_at(s), ctx.token_end(e));
        for k in a..b.min(n) {
            sent_start[k] = a;
            sent_end[k] = b;
        }
    }
    let sentence_count = ctx.sentences.len().max(1);
    let mut sent_has_cue = vec!["nocue"; sentence_count];
    let mut sent_has_quote = vec!["noq"; sentence_count];
    for k in 0..n {
        if cue_at(&ctx.lower, k).is_some() {
            sent_has_cue[sent_id[k].min(sentence_count - 1)] = "cue";
        }
        if matches!(ctx.lower_at(k), "“" | "”" | "\"" | "«" | "»") {
            sent_has_quote[sent_id[k].min(sentence_count - 1)] = "q";
        }
    }
    let mut inside_quote = vec![false; n];
    let mut depth = false;
    for (k, w) in ctx.words.iter().enumerate() {
        let l = ctx.lower_at(k);
        let is_open = matches!(l, "“" | "«" | "„") || (l == "\"" && !depth);
        let is_close = matches!(l, "”" | "»") || (l == "\"" && depth);
        if is_open {
            depth = true;
        } else if is_close {
            depth = false;
        }
        inside_quote[k] = depth || is_close;
        let _ = w;
    }
    let cue_kind: Vec<&str> = (0..n)
        .map(|k| match cue_at(&ctx.lower, k) {
            Some((CueKind::Verb, _)) => "V",
            Some((CueKind::Participle, _)) => "P",
            Some((CueKind::AccordingTo, _)) => "A",
            Some((CueKind::Belief, _)) => "B",
            None => "-",
        })
        .collect();
    // Distance to the nearest cue word on each side within the sentence, bucketed.
    let bucket = |d: usize| match d {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=5 => "3-5",
        6..=10 => "6-10",
        _ => "far",
    };
    let mut left_cue = vec!["none"; n];
    let mut last: Option<usize> = None;
    for k in 0..n {
        if sent_first[k] {
            last = None;
        }
        left_cue[k] = last.map_or("none", |c| bucket(k - c));
        if cue_kind[k] != "-" {
            last = Some(k);
        }
    }
    let mut right_cue = vec!["none"; n];
    let mut next: Option<usize> = None;
    for k in (0..n).rev() {
        if sent_last[k] {
            next = None;
        }
        right_cue[k] = next.map_or("none", |c| bucket(c - k));
        if cue_kind[k] != "-" {
            next = Some(k);
        }
    }
    let w = |k: isize| -> &str {
        if k < 0 {
            "<s>"
        } else {
            ctx.lower.get(k as usize).copied().unwrap_or("</s>")
        }
    };
    let mut out = Vec::with_capacity(n);
    for k in 0..n {
        let i = k as isize;
        let word = &ctx.words[k];
        let sh = shape(word, ctx.body);
        let suffix: String = w(i).chars().rev().take(3).collect();
        let r = |d: isize| -> &str {
            let j = i + d;
            if j < 0 || j as usize >= n {
                "<>"
            } else {
                rule[j as usize]
            }
        };
        let q = if inside_quote[k] { "q" } else { "-" };
        let first = if sent_first[k] { "F" } else { "-" };
        let lastf = if sent_last[k] { "L" } else { "-" };
        let mut f = vec![
            fnv(0, &[]),
            fnv(1, &[w(i)]),
            fnv(2, &[w(i - 1)]),
            fnv(3, &[w(i + 1)]),
            fnv(4, &[w(i - 2)]),
            fnv(5, &[w(i + 2)]),
            fnv(6, &[w(i - 1), w(i)]),
            fnv(7, &[w(i), w(i + 1)]),
            fnv(8, &[sh]),
            fnv(9, &[&suffix]),
            fnv(10, &[r(0)]),
            fnv(11, &[r(-1), r(0)]),
            fnv(12, &[r(0), r(1)]),
            fnv(13, &[r(0), q]),
            fnv(14, &[q]),
            fnv(15, &[first, lastf]),
            fnv(16, &[cue_kind[k]]),
            fnv(17, &[left_cue[k], right_cue[k]]),
            fnv(18, &[mention[k]]),
            fnv(19, &[mention[k], right_cue[k]]),
            fnv(20, &[q, left_cue[k], right_cue[k]]),
            fnv(21, &[sh, r(0)]),
            fnv(22, &[w(i - 1), r(0)]),
            fnv(23, &[cue_kind[k], r(0)]),
            fnv(24, &[first, r(0)]),
            fnv(25, &[w(i), right_cue[k]]),
            fnv(26, &[w(i), left_cue[k]]),
            fnv(27, &[r(-2), r(-1), r(0)]),
            fnv(28, &[mention[k], r(0)]),
            fnv(29, &[sh, w(i - 1)]),
        ];
        let from_start = k - sent_start[k];
        let to_end = sent_end[k].saturating_sub(k + 1);
        let pos = |d: usize| match d {
            0 => "0",
            1 => "1",
            2 => "2",
            3..=5 => "3",
            _ => "6",
        };
        let (ps, pe) = (pos(from_start), pos(to_end));
        let prev_shape = if k > 0 {
            shape(&ctx.words[k - 1], ctx.body)
        } else {
            "<s>"
        };
        let next_shape = ctx.words.get(k + 1).map_or("</s>", |x| shape(x, ctx.body));
        f.extend([
            fnv(31, &[w(i - 3)]),
            fnv(32, &[w(i + 3)]),
            fnv(33, &[ps, pe]),
            fnv(34, &[ps, r(0)]),
            fnv(35, &[pe, r(0)]),
            fnv(36, &[prev_shape, sh, next_shape]),
            fnv(
                37,
                &[
                    sent_has_cue[sent_id[k].min(sentence_count - 1)],
                    sent_has_quote[sent_id[k].min(sentence_count - 1)],
                    q,
                ],
            ),
            fnv(38, &[w(i), q]),
            fnv(39, &[pe, w(i + 1)]),
            fnv(40, &[ps, w(i - 1)]),
            fnv(41, &[w(i - 1), w(i), w(i + 1)]),
            fnv(42, &[mention[k], cue_kind[(k + 1).min(n - 1)]]),
        ]);
        if k > 0 && sent_id[k] != sent_id[k - 1] {
            f.push(fnv(30, &["newsent", r(0)]));
        }
        out.push(f);
    }
    out
}

/// Token ranges decoded as one sequence each: the paragraphs (lines) of the body.
pub fn segments(ctx: &Context<'_>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut covered = 0;
    for &(s, e) in &ctx.paragraphs {
        let (a, b) = (ctx.token_at(s).max(covered), ctx.token_end(e));
        if a < b {
            if a > covered {
                out.push((covered, a));
            }
            out.push((a, b));
            covered = b;
        }
    }
    if covered < ctx.words.len() {
        out.push((covered, ctx.words.len()));
    }
    out
}

/// True when tag `b` may follow tag `a` (an inside tag continues its own label).
fn allowed(a: Option<usize>, b: usize) -> bool {
    if b == 0 || b % 2 == 1 {
        return true;
    }
    matches!(a, Some(p) if p != 0 && label_of(p) == label_of(b))
}

/// Trained weights: emission per (feature bucket, tag) and transition per (previous, tag).
pub struct Model {
    weights: Vec<f32>,
    transitions: [[f32; TAGS]; TAGS + 1],
}

impl Model {
    /// Viterbi decoding of one article's feature rows into tags.
    pub fn decode(&self, feats: &[Vec<usize>]) -> Vec<usize> {
        decode_with(&self.weights, &self.transitions, feats)
    }

    /// Serialises the model: a header, the transitions, then non-zero weights as (index, value).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = b"PXTAG1".to_vec();
        for row in &self.transitions {
            for v in row {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        for (i, v) in self.weights.iter().enumerate() {
            if *v != 0.0 {
                out.extend_from_slice(&(i as u32).to_le_bytes());
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        out
    }

    /// Reads what [`Model::to_bytes`] wrote; `None` when the bytes are not a model.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let rest = bytes.strip_prefix(b"PXTAG1")?;
        let f32_at = |b: &[u8]| b.try_into().ok().map(f32::from_le_bytes);
        let mut transitions = [[0.0f32; TAGS]; TAGS + 1];
        let head = (TAGS + 1) * TAGS * 4;
        if rest.len() < head {
            return None;
        }
        for (k, chunk) in rest[..head].chunks_exact(4).enumerate() {
            transitions[k / TAGS][k % TAGS] = f32_at(chunk)?;
        }
        let mut weights = vec![0.0f32; BUCKETS * TAGS];
        for pair in rest[head..].chunks_exact(8) {
            let i = u32::from_le_bytes(pair[..4].try_into().ok()?) as usize;
            *weights.get_mut(i)? = f32_at(&pair[4..])?;
        }
        Some(Model {
            weights,
            transitions,
        })
    }
}

fn decode_with(
    weights: &[f32],
    transitions: &[[f32; TAGS]; TAGS + 1],
    feats: &[Vec<usize>],
) -> Vec<usize> {
    let n = feats.len();
    if n == 0 {
        return Vec::new();
    }
    let mut score = vec![[f32::NEG_INFINITY; TAGS]; n];
    let mut back = vec![[0u8; TAGS]; n];
    for k in 0..n {
        let mut emit = [0.0f32; TAGS];
        for &f in &feats[k] {
            let row = &weights[f * TAGS..f * TAGS + TAGS];
            for t in 0..TAGS {
                emit[t] += row[t];
            }
        }
        for t in 0..TAGS {
            if k == 0 {
                if allowed(None, t) {
                    score[0][t] = transitions[TAGS][t] + emit[t];
                }
                continue;
            }
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0;
            for p in 0..TAGS {
                if !allowed(Some(p), t) {
                    continue;
                }
                let s = score[k - 1][p] + transitions[p][t];
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            score[k][t] = best + emit[t];
            back[k][t] = arg as u8;
        }
    }
    let mut t = (0..TAGS)
        .max_by(|&a, &b| score[n - 1][a].total_cmp(&score[n - 1][b]))
        .unwrap_or(0);
    let mut tags = vec![0; n];
    for k in (0..n).rev() {
        tags[k] = t;
        t = back[k][t] as usize;
    }
    tags
}

/// Averaged-perceptron training state.
pub struct Trainer {
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    transitions: [[f32; TAGS]; TAGS + 1],
    trans_totals: [[f64; TAGS]; TAGS + 1],
    trans_stamps: [[u32; TAGS]; TAGS + 1],
    step: u32,
}

impl Default for Trainer {
    fn default() -> Self {
        Trainer {
            weights: vec![0.0; BUCKETS * TAGS],
            totals: vec![0.0; BUCKETS * TAGS],
            stamps: vec![0; BUCKETS * TAGS],
            transitions: [[0.0; TAGS]; TAGS + 1],
            trans_totals: [[0.0; TAGS]; TAGS + 1],
            trans_stamps: [[0; TAGS]; TAGS + 1],
            step: 0,
        }
    }
}

impl Trainer {
    /// One perceptron step on one article: decode, and move weights toward the gold tags.
    pub fn learn(&mut self, feats: &[Vec<usize>], gold: &[usize]) {
        self.step += 1;
        let guess = decode_with(&self.weights, &self.transitions, feats);
        if guess == gold {
            return;
        }
        let step = self.step;
        for k in 0..feats.len() {
            let (g, p) = (gold[k], guess[k]);
            let gp = if k == 0 { TAGS } else { gold[k - 1] };
            let pp = if k == 0 { TAGS } else { guess[k - 1] };
            if g != p {
                for &f in &feats[k] {
                    self.bump(f * TAGS + g, 1.0, step);
                    self.bump(f * TAGS + p, -1.0, step);
                }
            }
            if g != p || gp != pp {
                self.bump_transition(gp, g, 1.0, step);
                self.bump_transition(pp, p, -1.0, step);
            }
        }
    }

    fn bump(&mut self, i: usize, delta: f32, step: u32) {
        self.totals[i] += f64::from(step - self.stamps[i]) * f64::from(self.weights[i]);
        self.stamps[i] = step;
        self.weights[i] += delta;
    }

    fn bump_transition(&mut self, a: usize, b: usize, delta: f32, step: u32) {
        self.trans_totals[a][b] +=
            f64::from(step - self.trans_stamps[a][b]) * f64::from(self.transitions[a][b]);
        self.trans_stamps[a][b] = step;
        self.transitions[a][b] += delta;
    }

    /// The averaged model.
    #[allow(clippy::needless_range_loop)]
    pub fn finish(self) -> Model {
        let step = f64::from(self.step.max(1));
        let avg = |w: f32, total: f64, stamp: u32| {
            ((total + f64::from(self.step - stamp) * f64::from(w)) / step) as f32
        };
        let weights = (0..self.weights.len())
            .map(|i| {
                let v = avg(self.weights[i], self.totals[i], self.stamps[i]);
                if v.abs() < 1e-4 {
                    0.0
                } else {
                    v
                }
            })
            .collect();
        let mut transitions = [[0.0; TAGS]; TAGS + 1];
        for a in 0..=TAGS {
            for b in 0..TAGS {
                transitions[a][b] = avg(
                    self.transitions[a][b],
                    self.trans_totals[a][b],
                    self.trans_stamps[a][b],
                );
            }
        }
        Model {
            weights,
            transitions,
        }
    }
}

/// True when the last segment is a second content piece after a cue, in a split quote:
/// “That,” said Obama, “is our goal.”
fn split_quote(ctx: &Context<'_>, group: &[(usize, usize, usize)]) -> bool {
    let Some((last, before)) = group.split_last() else {
        return false;
    };
    let Some(prev_content) = before.iter().rposition(|s| s.0 == 3) else {
        return false;
    };
    let cue_between = before[prev_content..].iter().any(|s| s.0 == 2);
    let opens_quote = matches!(ctx.lower_at(last.1), "“" | "\"" | "«" | "‘");
    let prev = &before[prev_content];
    let prev_closes_quote = matches!(ctx.lower_at(prev.2), "”" | "\"" | "»" | "’");
    cue_between && opens_quote && prev_closes_quote
}

/// Turns tags back into attributions: each cue with the nearest source and content spans
/// around it; content pieces separated only by a cue or source become one split content.
pub fn attributions_from_tags(ctx: &Context<'_>, tags: &[usize]) -> Vec<Attribution> {
    // Segments (label, first token, last token).
    let mut segs: Vec<(usize, usize, usize)> = Vec::new();
    for (k, &t) in tags.iter().enumerate() {
        let label = label_of(t);
        if label == 0 {
            continue;
        }
        match segs.last_mut() {
            Some(s) if t % 2 == 0 && s.0 == label && s.2 + 1 == k => s.2 = k,
            _ => segs.push((label, k, k)),
        }
    }
    let bytes = |a: usize, b: usize| (ctx.words[a].start, ctx.words[b].end);
    let mut out: Vec<Attribution> = Vec::new();
    let mut i = 0;
    while i < segs.len() {
        // Group a run of segments without gaps wider than a few tokens into one attribution.
        let mut j = i + 1;
        let mut seen = [false; 4];
        seen[segs[i].0] = true;
        while j < segs.len() {
            let gap = segs[j].1 - segs[j - 1].2;
            let joins = if segs[j].0 == 3 && seen[3] {
                // A second content piece: only the rest of a quote split around its cue,
                // “A,” she said, possibly in a new sentence, “B.”
                gap <= 4 && split_quote(ctx, &segs[i..=j])
            } else {
                gap <= 4
                    && !seen[segs[j].0]
                    && !(segs[j - 1].2 + 1..segs[j].1)
                        .any(|k| matches!(ctx.lower_at(k), "." | "!" | "?"))
            };
            if !joins {
                break;
            }
            seen[segs[j].0] = true;
            j += 1;
        }
        let group = &segs[i..j];
        let contents: Vec<(usize, usize)> = group
            .iter()
            .filter(|s| s.0 == 3)
            .map(|s| bytes(s.1, s.2))
            .collect();
        let source = group.iter().find(|s| s.0 == 1).map(|s| bytes(s.1, s.2));
        let cue = group.iter().find(|s| s.0 == 2).map(|s| bytes(s.1, s.2));
        let m = source.and_then(|(a, b)| ctx.mention_in(a, b));
        out.push(Attribution {
            kind: parallax_core::QuoteKind::Indirect,
            parts: contents,
            cue,
            source,
            entity: m.map(|m| m.entity),
            mention: m.map(|m| (m.form, (m.start, m.end))),
        });
        i = j;
    }
    out
}
