//! A content filter: after the edges are placed, a linear [`Ranker`] over two choices, keep
//! or drop, judges whether each content is likely to be exactly right, and drops the contents
//! it doubts (the attribution keeps its cue and source). Exact F1 counts a content with a
//! wrong edge as a miss and a false alarm at once, so a content whose odds of being exact are
//! below about F1 / 2 costs more kept than dropped; [`DROP_BIAS`] sets where the line falls
//! (chosen on train cross-validation).

use super::boundary::{Edge, Prepared};
use super::ranker::{hash, Ranker};
use crate::Attribution;

/// Added to the "drop" score before comparing it with "keep"; negative keeps more (train
/// cross-validation, exact Content F1: 0 → 0.554, −16 → 0.572, −32 → 0.579, −48 → 0.580,
/// −64 → 0.578, against 0.569 without the filter).
pub const DROP_BIAS: f32 = -48.0;

/// The lone feature of the "drop" choice.
fn drop_feature() -> usize {
    hash(3100, &["drop"])
}

/// A ranker's lead of its best candidate over the runner-up, in doubling steps.
fn lead_bucket(lead: f32) -> &'static str {
    const STEPS: [(f32, &str); 9] = [
        (0.5, "<0.5"),
        (1.0, "<1"),
        (2.0, "<2"),
        (4.0, "<4"),
        (8.0, "<8"),
        (16.0, "<16"),
        (32.0, "<32"),
        (64.0, "<64"),
        (f32::INFINITY, "64+"),
    ];
    STEPS.iter().find(|(t, _)| lead < *t).map_or("nan", |s| s.1)
}

/// The features of keeping `a`'s content: those of its two edges as the edge ranker reads
/// them, whether it has a cue and a source, and how far the edge ranker's choices led
/// (`margins` from [`super::refine::content_margins`], end then start). `None` without a
/// content.
pub fn keep_features(
    prep: &Prepared<'_, '_>,
    a: &Attribution,
    margins: Option<[f32; 2]>,
) -> Option<Vec<usize>> {
    let spans = prep.tokens_of(a);
    let (s, e) = spans.content?;
    let mut f = prep.features(Edge::ContentStart, &spans, s, Some(e));
    f.extend(prep.features(Edge::ContentEnd, &spans, e, Some(s)));
    let cue = if a.cue.is_some() { "cue" } else { "-" };
    let source = if a.source.is_some() { "source" } else { "-" };
    let pieces = ["0", "1", "2", "3+"][a.parts.len().min(3)];
    f.extend([
        hash(3000, &[cue, source]),
        hash(3001, &[pieces]),
        hash(3002, &[cue, source, pieces]),
    ]);
    if let Some([end, start]) = margins {
        let (e, s) = (lead_bucket(end), lead_bucket(start));
        f.extend([
            hash(3003, &[e]),
            hash(3004, &[s]),
            hash(3005, &[e, s]),
            hash(3006, &[cue, e, s]),
        ]);
    }
    Some(f)
}

/// The filter's choice list for `a`: keep (index 0) and drop (index 1); `None` without a
/// content.
pub fn choices(
    prep: &Prepared<'_, '_>,
    a: &Attribution,
    margins: Option<[f32; 2]>,
) -> Option<Vec<Vec<usize>>> {
    Some(vec![keep_features(prep, a, margins)?, vec![drop_feature()]])
}

/// Drops the content of every attribution the filter would rather drop, with `bias` added
/// to the drop score; `margins` are the edge ranker's leads per attribution (empty: none).
pub fn filter_contents(
    prep: &Prepared<'_, '_>,
    filter: &Ranker,
    found: &mut [Attribution],
    margins: &[Option<[f32; 2]>],
    bias: f32,
) {
    for (i, a) in found.iter_mut().enumerate() {
        let Some(lists) = choices(prep, a, margins.get(i).copied().flatten()) else {
            continue;
        };
        let scores = filter.scores(&lists);
        if scores[1] + bias > scores[0] {
            a.parts.clear();
        }
    }
}
