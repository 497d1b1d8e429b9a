//! Whole-span evidence from the probe for a candidate edge: how much of the span the probe
//! puts inside a span of the edge's label, how many of its tokens it puts firmly outside,
//! whether the inside turns to outside at the edge, and whether the edge's own logit peaks
//! there. A BIO tagger and per-token features see one token; clause-level edges ("he said
//! that X, which Y") are where the whole span's evidence decides.

use super::{Edge, Prepared, TARGETS};
use crate::tagger::ranker::hash;

/// Logit above which the probe calls a token inside a span.
const INSIDE: f32 = 0.0;
/// Logit below which the probe calls a token firmly outside.
const OUTSIDE: f32 = -2.0;
/// Tokens read on each side of an edge for the local contrast.
const NEAR: usize = 4;
/// Tokens on each side within which the edge's own logit must peak.
const PEAK: usize = 3;

/// Per token, the counts before it of tokens inside (Content, Source, Cue) and firmly
/// outside (the same three), from probe logits.
pub(super) fn prefix_counts(logits: &[[f32; TARGETS]]) -> Vec<[u32; 6]> {
    let mut out = Vec::with_capacity(logits.len() + 1);
    let mut counts = [0u32; 6];
    out.push(counts);
    for row in logits {
        for (slot, target) in [6usize, 7, 8].into_iter().enumerate() {
            counts[slot] += u32::from(row[target] > INSIDE);
            counts[3 + slot] += u32::from(row[target] < OUTSIDE);
        }
        out.push(counts);
    }
    out
}

/// The label slot (0 Content, 1 Source, 2 Cue) and the edge's own target.
fn slots(edge: Edge) -> (usize, usize) {
    match edge {
        Edge::ContentStart => (0, 0),
        Edge::ContentEnd => (0, 1),
        Edge::SourceStart => (1, 2),
        Edge::SourceEnd => (1, 3),
        Edge::CueStart => (2, 4),
        Edge::CueEnd => (2, 5),
    }
}

/// A share in five steps.
fn share(part: usize, whole: usize) -> &'static str {
    if whole == 0 || part == 0 {
        "0"
    } else if part == whole {
        "all"
    } else if part * 2 < whole {
        "<.5"
    } else if part * 5 < whole * 4 {
        "<.8"
    } else {
        "<1"
    }
}

/// A count in four steps.
fn few(n: usize) -> &'static str {
    ["0", "1", "2", "2", "4+"][n.min(4)]
}

impl Prepared<'_, '_> {
    /// Tokens of `a..b` counted in slot `slot` of the probe's prefix counts.
    fn probe_count(&self, slot: usize, a: usize, b: usize) -> usize {
        let last = self.probe_prefix.len().saturating_sub(1);
        let at = |i: usize| self.probe_prefix[i.min(last)][slot] as usize;
        at(b).saturating_sub(at(a))
    }

    /// Features of the span `first..=last` whose edge `edge` is token `k` (one of the two),
    /// under template base `t0`; none without probe logits.
    pub(super) fn span_probe_features(
        &self,
        edge: Edge,
        k: usize,
        (first, last): (usize, usize),
        t0: u16,
    ) -> Vec<usize> {
        if self.probe_prefix.is_empty() || first > last {
            return Vec::new();
        }
        let n = self.probe.len();
        let (slot, target) = slots(edge);
        let len = last - first + 1;
        let inside = self.probe_count(slot, first, last + 1);
        let outside = self.probe_count(3 + slot, first, last + 1);
        let is_start = k == first
            && matches!(
                edge,
                Edge::ContentStart | Edge::SourceStart | Edge::CueStart
            );
        // NEAR tokens inside the span from the edge, and NEAR outside it.
        let (near_in, near_out) = if is_start {
            let inner = (k, (k + NEAR).min(last + 1));
            let outer = (k.saturating_sub(NEAR), k);
            (inner, outer)
        } else {
            let inner = ((k + 1).saturating_sub(NEAR).max(first), k + 1);
            let outer = (k + 1, (k + 1 + NEAR).min(n));
            (inner, outer)
        };
        let in_near = self.probe_count(slot, near_in.0, near_in.1);
        let out_near = self.probe_count(slot, near_out.0, near_out.1);
        let here = self.probe.get(k).map_or(0.0, |r| r[target]);
        let peak = (k.saturating_sub(PEAK)..(k + PEAK + 1).min(n))
            .all(|j| j == k || self.probe[j][target] <= here);
        let peak = if peak { "peak" } else { "-" };
        let p = |i: u16, parts: &[&str]| hash(2000 + t0 + i, parts);
        let (s_in, s_out) = (share(inside, len), few(outside));
        let (n_in, n_out) = (few(in_near), few(out_near));
        vec![
            p(0, &[s_in]),
            p(1, &[s_out]),
            p(2, &[s_in, s_out]),
            p(3, &[n_in, n_out]),
            p(4, &[peak]),
            p(5, &[peak, super::super::probe::bucket(here)]),
            p(6, &[peak, n_in, n_out]),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_inside_and_outside_per_label() {
        let mut logits = vec![[0.0f32; TARGETS]; 3];
        logits[0][6] = 1.0;
        logits[1][6] = -3.0;
        logits[2][7] = 2.0;
        let counts = prefix_counts(&logits);
        assert_eq!(counts.len(), 4);
        assert_eq!(counts[3], [1, 1, 0, 1, 0, 0]);
    }

    #[test]
    fn shares_and_counts_are_bucketed() {
        assert_eq!(share(0, 5), "0");
        assert_eq!(share(5, 5), "all");
        assert_eq!(share(1, 5), "<.5");
        assert_eq!(share(3, 5), "<.8");
        assert_eq!(share(9, 10), "<1");
        assert_eq!(few(7), "4+");
    }
}
