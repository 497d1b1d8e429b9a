//! Check-worthy claims aligned across the articles of each story.
//!
//! For every story, [`align_claims`] takes each member article's sentences (the language
//! stage's, or our own splitter's: [`sentence`]), keeps the check-worthy ones
//! ([`facts`]: figures, named entities, reported speech, dates; no questions or page
//! furniture), aligns equivalent sentences across articles ([`align`]), and turns each
//! aligned group into a [`Claim`] ([`assemble`]):
//!
//! - `support`: the passages that state it, as code-point spans;
//! - `independent_sources`: supporting articles grouped by provenance key, outlet and
//!   owner ([`sources`], with the ownership table in `data/owners.csv`), and by copying
//!   of the claim's own sentence (a reuse passage over both, or a long verbatim match);
//! - `contradicted_by`: passages with the same frame but another figure, date or polarity;
//! - `omitted_by`: the story's articles that neither state nor contradict it;
//! - `attributed_to`: the speaker of the quote the claim is, when it is one.
//!
//! Output order is deterministic: stories by id, then claims by independent sources,
//! support and position.

pub mod align;
pub mod assemble;
pub mod collect;
pub mod facts;
pub mod figures;
pub mod sentence;
pub mod sources;

use parallax_core::{Analysis, Claim, ClaimId};
use rayon::prelude::*;
use std::collections::HashMap;

/// Aligns the claims of every story in `analysis` (which has all earlier stages filled).
pub fn align_claims(analysis: &Analysis) -> Vec<Claim> {
    let position: HashMap<_, usize> = analysis
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id, i))
        .collect();
    let reuse = sources::ReuseIndex::new(analysis);
    let mut stories: Vec<_> = analysis.stories.iter().collect();
    stories.sort_by_key(|s| s.id);
    let per_story: Vec<Vec<Claim>> = stories
        .par_iter()
        .map(|story| {
            let mut positions: Vec<usize> = story
                .articles
                .iter()
                .filter_map(|id| position.get(id).copied())
                .collect();
            positions.dedup();
            assemble::story_claims(analysis, &reuse, story.id, &positions)
        })
        .collect();
    let mut claims: Vec<Claim> = per_story.into_iter().flatten().collect();
    for (n, claim) in claims.iter_mut().enumerate() {
        claim.id = ClaimId(n as u32 + 1);
    }
    claims
}
