//! Check-worthy claims aligned across the articles of each story.
//!
//! For every story, [`align_claims`] runs four steps:
//!
//! 1. **Sentences** ([`sentence`]): the language stage's sentence spans, cut further
//!    where our splitter sees a boundary they missed (a closing quote before a new
//!    sentence, a semicolon between clauses); our own splitter when there are none.
//! 2. **Check-worthiness** ([`facts`], [`collect`]): a sentence needs a figure, or a named
//!    entity plus reported speech, a date or a second entity; questions, page furniture
//!    and fragments are left out. Each candidate keeps its content words, entities (by
//!    canonical name), figures ([`figures`]: value, unit, and bound: "at least 70",
//!    "about 930", "two other victims"), resolved dates, polarity, speaker and 5-word
//!    shingles. Datelines and orphan quote marks are trimmed off its span.
//! 3. **Alignment** ([`align`]): TF-IDF cosines through an inverted index (never all
//!    pairs); two sentences of different articles *agree* at cosine 0.4, or at 0.25 when
//!    they share a figure or a quoted 5-word run, and with two shared terms; they
//!    *conflict* when their frame matches (0.45) but figures are incompatible, or (0.7)
//!    when their days differ or one denies what the other states. Below every cosine,
//!    sentences counting the same specific unit ([`counts`]: "48 delegates", "more than
//!    60 delegates") with a shared entity or news frame and no differing time reference
//!    conflict when their figures are incompatible. With a sentence encoder
//!    ([`align_claims_with`], [`semantic`]), pairs the words leave apart also agree when
//!    their embeddings' cosine reaches 0.8 and no figure, date or polarity differs.
//!    Agreeing pairs merge, strongest first, into clusters with one sentence per article
//!    and no conflict.
//! 4. **Claims** ([`assemble`]): every cluster stated by two or more articles, every
//!    cluster in a conflict, and up to three strong exclusives per article become a
//!    [`Claim`]:
//!    - `support`: the passages that state it, as code-point spans;
//!    - `independent_sources`: supporting articles grouped by provenance key, outlet and
//!      owner ([`sources`], with the ownership table in `data/owners.csv`), and by
//!      copying of the claim's own sentence (a reuse passage over both outside quotes,
//!      or 20+ words verbatim);
//!    - `contradicted_by`: passages of conflicting clusters (never from an article that
//!      states both versions);
//!    - `omitted_by`: the story's articles that neither state nor contradict it;
//!    - `attributed_to`: the resolved speaker of the quote the claim is (reported speech
//!      only when the speaker is named in the same sentence);
//!    - `elsewhere_in_storyline` ([`storyline`]): passages of the storyline's other
//!      stories that the aligner, run over the whole storyline, puts with the claim's
//!      own passages (agreement only; other events may differ without contradicting).
//!
//! Output order is deterministic: stories by id, then claims by independent sources,
//! support and position. `bench/claims` measures the agreement decision on hand-labelled
//! pairs and prints counts and speed on the labelled `stories-dev` events.

pub mod align;
pub mod assemble;
pub mod collect;
pub mod counts;
pub mod facts;
pub mod figures;
pub mod frames;
pub mod semantic;
pub mod sentence;
pub mod sources;
pub mod storyline;

use parallax_core::{Analysis, Claim, ClaimId};
use rayon::prelude::*;

/// Aligns the claims of every story in `analysis` (which has all earlier stages filled).
pub fn align_claims(analysis: &Analysis) -> Vec<Claim> {
    align_claims_with(analysis, None)
}

/// [`align_claims`], with a sentence encoder that lets paraphrases meet (see
/// [`semantic`]).
pub fn align_claims_with(
    analysis: &Analysis,
    encoder: Option<&dyn semantic::SentenceEncoder>,
) -> Vec<Claim> {
    let position = analysis.article_positions();
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
            assemble::story_claims(analysis, &reuse, story.id, &positions, encoder)
        })
        .collect();
    let mut claims: Vec<Claim> = per_story.into_iter().flatten().collect();
    storyline::link_storylines(analysis, &position, &mut claims);
    for (n, claim) in claims.iter_mut().enumerate() {
        claim.id = ClaimId(n as u32 + 1);
    }
    claims
}
