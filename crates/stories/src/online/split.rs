//! The split check: a story that one doubtful member is about to bridge to another
//! event gives that member up.
//!
//! Two events of the same kind share their topic words, so the first article of the
//! second event can join the first event's story just over the threshold. The rest of
//! the second event then follows through it: each matches that member closely, and the
//! story's time span now covers their dates. When a later article would join only
//! through such a doubtful member (it clears the threshold against that member, but not
//! against the story without it), the member and the article leave together as a new
//! story. The check looks at one member and the story's centroid without it, so it adds
//! no more than one centroid pass to the article that triggers it.

use super::{OnlineClusterer, When};
use crate::vector::SparseVec;
use chrono::NaiveDate;

/// One of a story's recent members.
pub(super) struct Member {
    /// Its heaviest terms, sorted by term.
    pub vector: SparseVec,
    /// Its whole profile, kept only while it is a doubtful member (joined by less than
    /// [`super::Params::split_margin`] over the threshold) so it can be taken out again.
    pub profile: Option<SparseVec>,
    /// Its score when it joined (1 for a story's first article).
    pub score: f32,
    /// Its publication date.
    pub date: Option<NaiveDate>,
    /// Its arrival number.
    pub arrival: u32,
}

impl OnlineClusterer {
    /// Whether the article (`vector`, `when`) joins story `c` only through its member `k`,
    /// a doubtful one; if so, the article's score against that member alone.
    pub(super) fn split_check(
        &self,
        c: u32,
        k: usize,
        vector: &SparseVec,
        when: When,
        ln_docs: f32,
    ) -> Option<(usize, f32)> {
        let p = &self.params;
        let cluster = &self.clusters[c as usize];
        let member = cluster.members.get(k)?;
        let own = member.profile.as_ref()?;
        if p.split_margin <= 0.0 || cluster.size < 2 {
            return None;
        }
        let pair_span = member.date.map(|d| (d, d));
        let pair = self.blend(vector, &member.vector) - self.span_discount(pair_span, when);
        if pair < p.threshold || pair >= p.split_copy {
            return None;
        }
        // The centroid without the member, under today's IDF.
        let without = |t: u32, raw: f32| {
            let mine = own
                .entries
                .binary_search_by_key(&t, |e| e.0)
                .map_or(0.0, |i| own.entries[i].1);
            (raw - mine).max(0.0) * self.vocab.idf(t, ln_docs)
        };
        let (mut norm2, mut specific2) = (0.0f32, 0.0f32);
        for (&t, &raw) in &cluster.profile {
            let w = without(t, raw);
            norm2 += w * w;
            if self.vocab.is_specific(t) {
                specific2 += w * w;
            }
        }
        if norm2 <= 0.0 {
            return Some((k, pair));
        }
        let (mut dot, mut specific_dot, mut specific_norm) = (0.0f32, 0.0f32, 0.0f32);
        for &(t, w) in &vector.entries {
            let specific = self.vocab.is_specific(t);
            if specific {
                specific_norm += w * w;
            }
            if let Some(&raw) = cluster.profile.get(&t) {
                let o = without(t, raw);
                dot += w * o;
                if specific {
                    specific_dot += w * o;
                }
            }
        }
        let cosine = dot / norm2.sqrt();
        let similarity = if specific_norm > 0.0 && specific2 > 0.0 {
            let specific = specific_dot / (specific_norm * specific2).sqrt();
            (1.0 - p.specific_share) * cosine + p.specific_share * specific
        } else {
            cosine
        };
        let discount = self.span_discount(span_without(&cluster.dates, member.date), when);
        let mut rest = similarity - discount;
        if p.member_check {
            let others = cluster
                .members
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != k)
                .map(|(_, m)| self.blend(vector, &m.vector))
                .fold(None, |a: Option<f32>, b| Some(a.map_or(b, |a| a.max(b))));
            if let Some(nearest) = others {
                rest = rest.min(nearest - discount);
            }
        }
        (rest < p.threshold).then_some((k, pair))
    }

    /// Takes member `k` out of story `c` into a new story of the same storyline; returns
    /// the new story.
    pub(super) fn split_off(&mut self, c: u32, k: usize) -> u32 {
        let cluster = &mut self.clusters[c as usize];
        let mut member = cluster.members.remove(k);
        let own = member.profile.take().unwrap_or_default();
        for &(t, w) in &own.entries {
            if let Some(raw) = cluster.profile.get_mut(&t) {
                *raw -= w;
                if *raw <= 1e-6 {
                    cluster.profile.remove(&t);
                }
            }
        }
        if let Some(d) = member.date {
            if let Some(i) = cluster.dates.iter().position(|x| *x == d) {
                cluster.dates.swap_remove(i);
            }
        }
        let span = span_without(&cluster.dates, None);
        cluster.first = span.map(|s| s.0);
        cluster.last = span.map(|s| s.1);
        cluster.size -= 1;
        cluster.cache = None;
        let storyline = cluster.storyline;
        let story = self.new_cluster(storyline);
        member.score = 1.0;
        self.absorb(story, &own, member);
        story
    }
}

/// The span of `dates` once one occurrence of `left_out` is removed.
fn span_without(
    dates: &[NaiveDate],
    left_out: Option<NaiveDate>,
) -> Option<(NaiveDate, NaiveDate)> {
    let mut skip = left_out;
    let mut span: Option<(NaiveDate, NaiveDate)> = None;
    for &d in dates {
        if skip == Some(d) {
            skip = None;
            continue;
        }
        span = Some(span.map_or((d, d), |(f, l)| (f.min(d), l.max(d))));
    }
    span
}
