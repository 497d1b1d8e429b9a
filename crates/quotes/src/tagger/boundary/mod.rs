//! Candidate boundaries and their features, for re-ranking where a tagged Content or Source
//! starts and ends. A BIO tagger decides each token alone; the ranker sees a whole boundary
//! at once: the words on both sides, how it sits against the cue and the sentence, whether
//! the rules or a mention put an edge there, and how far it moves from the tagger's edge.

use super::probe::TARGETS;
use super::ranker::hash;
use super::TAGS;
use crate::context::Context;
use crate::Attribution;

mod features;
mod probe_span;

/// Which edge is ranked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    /// First token of the content.
    ContentStart,
    /// Last token of the content.
    ContentEnd,
    /// First token of the source.
    SourceStart,
    /// Last token of the source.
    SourceEnd,
    /// First token of the cue.
    CueStart,
    /// Last token of the cue.
    CueEnd,
}

/// An attribution's spans as inclusive token ranges.
#[derive(Clone, Copy, Debug, Default)]
pub struct TokenSpans {
    /// Content, first to last piece.
    pub content: Option<(usize, usize)>,
    /// Cue.
    pub cue: Option<(usize, usize)>,
    /// Source.
    pub source: Option<(usize, usize)>,
}

const RULE_CONTENT_START: u8 = 1;
const RULE_CONTENT_END: u8 = 2;
const RULE_SOURCE_START: u8 = 4;
const RULE_SOURCE_END: u8 = 8;
const MENTION_START: u8 = 16;
const MENTION_END: u8 = 32;

/// One article prepared for boundary ranking.
pub struct Prepared<'c, 'a> {
    /// The article.
    pub ctx: &'c Context<'a>,
    class: Vec<&'static str>,
    sent_first: Vec<bool>,
    sent_last: Vec<bool>,
    para_first: Vec<bool>,
    para_last: Vec<bool>,
    flags: Vec<u8>,
    scores: Vec<[f32; TAGS]>,
    labels: Vec<u8>,
    probe: Vec<[f32; TARGETS]>,
    /// Per token, how many tokens before it the probe puts inside a Content, Source and Cue
    /// (logit above 0) and firmly outside one (below −2) ([`probe_span`]).
    probe_prefix: Vec<[u32; 6]>,
    /// Per token, how many sentence ends, paragraph ends, quote marks and tagged cue tokens
    /// come before it.
    prefix: Vec<[u32; 6]>,
}

const SENT_LAST: usize = 0;
const PARA_LAST: usize = 1;
const OPEN_QUOTE: usize = 2;
const CLOSE_QUOTE: usize = 3;
const STRAIGHT_QUOTE: usize = 4;
const CUE_TOKEN: usize = 5;

fn class_of(lower: &str, cap: bool) -> &'static str {
    match lower {
        "“" | "«" | "„" => "qo",
        "”" | "»" => "qc",
        "\"" => "q",
        "‘" | "’" | "'" => "sq",
        "." | "!" | "?" => ".",
        "," => ",",
        ":" => ":",
        ";" => ";",
        "(" | "[" => "(",
        ")" | "]" => ")",
        "—" | "–" | "-" => "-",
        _ => match lower.chars().next() {
            Some(c) if c.is_ascii_digit() => "d",
            Some(c) if c.is_alphanumeric() => {
                if cap {
                    "W"
                } else {
                    "w"
                }
            }
            _ => "p",
        },
    }
}

impl<'c, 'a> Prepared<'c, 'a> {
    /// Prepares `ctx`, with the rules' attributions as boundary hints.
    pub fn new(ctx: &'c Context<'a>, rules: &[Attribution]) -> Prepared<'c, 'a> {
        let n = ctx.words.len();
        let class = ctx
            .words
            .iter()
            .map(|w| class_of(&w.lower, w.is_cap(ctx.body)))
            .collect();
        let edges = |ranges: &[(usize, usize)]| {
            let (mut first, mut last) = (vec![false; n], vec![false; n]);
            for &(s, e) in ranges {
                let (a, b) = (ctx.token_at(s), ctx.token_end(e));
                if a < b && b <= n {
                    first[a] = true;
                    last[b - 1] = true;
                }
            }
            (first, last)
        };
        let (sent_first, sent_last) = edges(&ctx.sentences);
        let (para_first, para_last) = edges(&ctx.paragraphs);
        let mut flags = vec![0u8; n];
        let mut mark = |(s, e): (usize, usize), at_start: u8, at_end: u8| {
            let (a, b) = (ctx.token_at(s), ctx.token_end(e));
            if a < b && b <= n {
                flags[a] |= at_start;
                flags[b - 1] |= at_end;
            }
        };
        for r in rules {
            if let (Some(f), Some(l)) = (r.parts.first(), r.parts.last()) {
                mark((f.0, l.1), RULE_CONTENT_START, RULE_CONTENT_END);
            }
            if let Some(s) = r.source {
                mark(s, RULE_SOURCE_START, RULE_SOURCE_END);
            }
        }
        for m in &ctx.mentions {
            mark((m.start, m.end), MENTION_START, MENTION_END);
        }
        let class: Vec<&'static str> = class;
        let mut prefix = Vec::with_capacity(n + 1);
        let mut counts = [0u32; 6];
        prefix.push(counts);
        for k in 0..n {
            counts[SENT_LAST] += u32::from(sent_last[k]);
            counts[PARA_LAST] += u32::from(para_last[k]);
            counts[OPEN_QUOTE] += u32::from(class[k] == "qo");
            counts[CLOSE_QUOTE] += u32::from(class[k] == "qc");
            counts[STRAIGHT_QUOTE] += u32::from(class[k] == "q");
            prefix.push(counts);
        }
        Prepared {
            ctx,
            class,
            sent_first,
            sent_last,
            para_first,
            para_last,
            flags,
            scores: Vec::new(),
            labels: Vec::new(),
            probe: Vec::new(),
            probe_prefix: Vec::new(),
            prefix,
        }
    }

    /// Counts the tokens of the attributions' cues, so an edge can see whether its span
    /// would swallow another attribution's cue.
    pub fn with_cues(mut self, attributions: &[Attribution]) -> Self {
        let n = self.class.len();
        let mut is_cue = vec![false; n];
        for a in attributions {
            if let Some((s, e)) = a.cue {
                let (x, y) = (self.ctx.token_at(s), self.ctx.token_end(e).min(n));
                for slot in is_cue.iter_mut().take(y).skip(x) {
                    *slot = true;
                }
            }
        }
        let mut running = 0;
        for (k, row) in self.prefix.iter_mut().enumerate() {
            row[CUE_TOKEN] = running;
            if is_cue.get(k).copied().unwrap_or(false) {
                running += 1;
            }
        }
        self
    }

    /// Tagged cue tokens in `a..=b` outside `own`.
    fn other_cues(&self, a: usize, b: usize, own: Option<(usize, usize)>) -> &'static str {
        let all = self.count(CUE_TOKEN, a, b + 1);
        let mine = own.map_or(0, |(c0, c1)| {
            let (x, y) = (c0.max(a), c1.min(b));
            if x <= y {
                self.count(CUE_TOKEN, x, y + 1)
            } else {
                0
            }
        });
        if all > mine {
            "other-cue"
        } else {
            "-"
        }
    }

    /// How many tokens of `a..b` have the property `what` (a prefix-count index).
    fn count(&self, what: usize, a: usize, b: usize) -> usize {
        let at = |i: usize| self.prefix[i.min(self.prefix.len() - 1)][what] as usize;
        at(b).saturating_sub(at(a))
    }

    /// Adds the tagger's tags per token, which the edges read as features; ignored unless
    /// there is one tag per token.
    pub fn with_tags(mut self, tags: &[usize]) -> Self {
        if tags.len() == self.class.len() {
            self.labels = tags.iter().map(|&t| u8::try_from(t).unwrap_or(0)).collect();
        }
        self
    }

    /// The tagger's source segments (B-Source then I-Source tokens) inside bytes `a..b`,
    /// as byte ranges; none without tags.
    pub fn tagged_sources(&self, a: usize, b: usize) -> Vec<(usize, usize)> {
        let (lo, hi) = (
            self.ctx.token_at(a),
            self.ctx.token_end(b).min(self.labels.len()),
        );
        let mut out = Vec::new();
        let mut k = lo;
        while k < hi {
            if self.labels[k] == 1 {
                let mut e = k + 1;
                while e < hi && self.labels[e] == 2 {
                    e += 1;
                }
                out.push((self.ctx.words[k].start, self.ctx.words[e - 1].end));
                k = e;
            } else {
                k += 1;
            }
        }
        out
    }

    /// The tagger's tag at token `k` as a name ("na" without tags).
    fn tag(&self, k: isize) -> &'static str {
        const NAMES: [&str; TAGS] = ["O", "BS", "IS", "BC", "IC", "BT", "IT"];
        usize::try_from(k)
            .ok()
            .and_then(|k| self.labels.get(k))
            .and_then(|&t| NAMES.get(usize::from(t)))
            .copied()
            .unwrap_or("na")
    }

    /// Adds the tagger's emission scores per token ([`super::Stack::decode_with_scores`]),
    /// which the edges read as features; ignored unless there is one row per token.
    pub fn with_scores(mut self, scores: Vec<[f32; TAGS]>) -> Self {
        if scores.len() == self.class.len() {
            self.scores = scores;
        }
        self
    }

    /// Adds the probe's logits per token ([`super::probe::Probe::logits`]), which the edges
    /// and the source chooser read as features; ignored unless there is one row per token.
    pub fn with_probe(mut self, logits: Vec<[f32; TARGETS]>) -> Self {
        if logits.len() == self.class.len() {
            self.probe_prefix = probe_span::prefix_counts(&logits);
            self.probe = logits;
        }
        self
    }

    /// The probe's logit for `target` at token `k`, bucketed; `None` without probe logits
    /// (then no probe feature is emitted at all).
    pub fn probe_at(&self, k: isize, target: usize) -> Option<&'static str> {
        if self.probe.is_empty() {
            return None;
        }
        let row = usize::try_from(k).ok().and_then(|k| self.probe.get(k));
        Some(row.map_or("edge", |r| super::probe::bucket(r[target])))
    }

    /// The highest probe logit for `target` over tokens `a..b`, bucketed.
    pub fn probe_max(&self, a: usize, b: usize, target: usize) -> Option<&'static str> {
        if self.probe.is_empty() {
            return None;
        }
        let top = self
            .probe
            .get(a..b.min(self.probe.len()))?
            .iter()
            .map(|r| r[target])
            .fold(f32::NEG_INFINITY, f32::max);
        Some(super::probe::bucket(top))
    }

    /// How far the best of `tags` leads the best other tag at token `k`, in log-spaced
    /// steps; "na" without scores.
    pub fn margin(&self, k: isize, tags: &[usize]) -> &'static str {
        let Some(row) = usize::try_from(k).ok().and_then(|k| self.scores.get(k)) else {
            return "na";
        };
        let ours = tags
            .iter()
            .map(|&t| row[t])
            .fold(f32::NEG_INFINITY, f32::max);
        let other = (0..TAGS)
            .filter(|t| !tags.contains(t))
            .map(|t| row[t])
            .fold(f32::NEG_INFINITY, f32::max);
        let m = ours - other;
        const STEPS: [&str; 12] = [
            "-32", "-8", "-2", "-0.5", "-0.1", "-0", "+0", "+0.1", "+0.5", "+2", "+8", "+32",
        ];
        let a = m.abs();
        let step = if a < 0.1 {
            0
        } else if a < 0.5 {
            1
        } else if a < 2.0 {
            2
        } else if a < 8.0 {
            3
        } else if a < 32.0 {
            4
        } else {
            5
        };
        if m < 0.0 {
            STEPS[5 - step]
        } else {
            STEPS[6 + step]
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.class.len()
    }

    /// True when the article has no tokens.
    pub fn is_empty(&self) -> bool {
        self.class.is_empty()
    }

    /// An attribution's byte spans as token ranges.
    pub fn tokens_of(&self, a: &Attribution) -> TokenSpans {
        let range = |(s, e): (usize, usize)| {
            let (a, b) = (self.ctx.token_at(s), self.ctx.token_end(e));
            (a < b).then(|| (a, b - 1))
        };
        TokenSpans {
            content: match (a.parts.first(), a.parts.last()) {
                (Some(f), Some(l)) => range((f.0, l.1)),
                _ => None,
            },
            cue: a.cue.and_then(range),
            source: a.source.and_then(range),
        }
    }

    fn w(&self, k: isize) -> &str {
        if k < 0 {
            "<s>"
        } else {
            self.ctx.lower.get(k as usize).copied().unwrap_or("</s>")
        }
    }

    fn c(&self, k: isize) -> &'static str {
        if k < 0 {
            "<s>"
        } else {
            self.class.get(k as usize).copied().unwrap_or("</s>")
        }
    }

    /// Candidate tokens for `edge`, given the tagger's spans and (for an end) the chosen
    /// start: a window around the tagger's edge plus sentence edges further away.
    pub fn candidates(&self, edge: Edge, spans: &TokenSpans, other: Option<usize>) -> Vec<usize> {
        let n = self.len();
        if n == 0 {
            return Vec::new();
        }
        let (window, reach) = match edge {
            Edge::ContentStart | Edge::ContentEnd => (30, 200),
            Edge::SourceStart | Edge::SourceEnd => (10, 0),
            Edge::CueStart | Edge::CueEnd => (4, 0),
        };
        let Some((s, e)) = (match edge {
            Edge::ContentStart | Edge::ContentEnd => spans.content,
            Edge::SourceStart | Edge::SourceEnd => spans.source,
            Edge::CueStart | Edge::CueEnd => spans.cue,
        }) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        match edge {
            Edge::ContentStart | Edge::SourceStart | Edge::CueStart => {
                let lo = s.saturating_sub(reach);
                for k in lo..=other.unwrap_or(e).min(n - 1) {
                    // An edge moves within the tagger's paragraph: contents that run over
                    // paragraphs are rare, and the tagger already links those pieces.
                    let same_paragraph = k >= s || self.count(PARA_LAST, k, s) == 0;
                    if same_paragraph && (k.abs_diff(s) <= window || self.sent_first[k]) {
                        out.push(k);
                    }
                }
            }
            Edge::ContentEnd | Edge::SourceEnd | Edge::CueEnd => {
                let hi = (e + reach.max(window)).min(n - 1);
                for k in other.unwrap_or(s)..=hi {
                    let same_paragraph = k <= e || self.count(PARA_LAST, e, k) == 0;
                    if same_paragraph && (k.abs_diff(e) <= window || self.sent_last[k]) {
                        out.push(k);
                    }
                }
            }
        }
        out
    }
}
