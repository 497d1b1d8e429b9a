//! Turns a story's aligned sentence clusters into [`Claim`]s.

use crate::align::{align_with, Alignment};
use crate::collect::candidates;
use crate::facts::SentenceFacts;
use crate::semantic::SentenceEncoder;
use crate::sources::{count_independent, ReuseIndex};
use parallax_core::{Analysis, Claim, ClaimId, EntityId, Evidence, StoryId};
use std::collections::BTreeMap;

/// Worthiness a sentence reported by one article only needs to become a claim of its
/// own (an exclusive: what the others leave out). Higher than [`crate::facts::MIN_WORTH`]
/// so a story's claims are not every sentence of every article.
pub const SOLO_WORTH: u32 = 3;
/// At most this many exclusive claims per article, the most check-worthy first.
pub const SOLO_PER_ARTICLE: usize = 3;

/// The claims of one story whose member articles sit at `positions` in
/// `analysis.articles` (in the story's order). Ids are left at 0 for the caller.
pub fn story_claims(
    analysis: &Analysis,
    reuse: &ReuseIndex<'_>,
    story: StoryId,
    positions: &[usize],
    encoder: Option<&dyn SentenceEncoder>,
) -> Vec<Claim> {
    let sentences = candidates(analysis, positions);
    // Embeddings only where two articles could meet; a failed encoding leaves the story
    // to the lexical rules.
    let vectors = encoder
        .filter(|_| positions.len() > 1)
        .and_then(|e| {
            let texts: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
            e.encode(&texts).ok()
        })
        .filter(|v| v.len() == sentences.len());
    let alignment = align_with(&sentences, vectors.as_deref());
    let conflicted = conflicted_clusters(&alignment, &sentences);
    let multi_article = positions.len() > 1;

    let mut solo_count: BTreeMap<usize, usize> = BTreeMap::new();
    let mut solos: Vec<usize> = alignment
        .clusters
        .iter()
        .enumerate()
        .filter(|(c, m)| {
            m.len() == 1
                && conflicted[*c].is_empty()
                && !alignment.linked[m[0]]
                && sentences[m[0]].worth >= SOLO_WORTH
        })
        .map(|(c, _)| c)
        .collect();
    solos.sort_by_key(|&c| {
        let s = &sentences[alignment.clusters[c][0]];
        (std::cmp::Reverse(s.worth), s.article, s.order)
    });
    let solos: Vec<usize> = solos
        .into_iter()
        .filter(|&c| {
            let count = solo_count
                .entry(sentences[alignment.clusters[c][0]].article)
                .or_default();
            *count += 1;
            multi_article && *count <= SOLO_PER_ARTICLE
        })
        .collect();

    let mut out: Vec<(Claim, (usize, usize))> = Vec::new();
    for (c, members) in alignment.clusters.iter().enumerate() {
        let keep = members.len() > 1 || !conflicted[c].is_empty() || solos.contains(&c);
        if !keep {
            continue;
        }
        let rep = representative(members, &alignment, &sentences);
        let support_articles: Vec<usize> = members.iter().map(|&s| sentences[s].article).collect();
        let evidence = |list: &[usize]| -> Vec<Evidence> {
            list.iter()
                .map(|&s| Evidence {
                    article: analysis.articles[sentences[s].article].id,
                    span: sentences[s].span,
                })
                .collect()
        };
        let contradicting: Vec<usize> = conflicted[c].clone();
        let mut reporting: Vec<usize> = support_articles.clone();
        reporting.extend(contradicting.iter().map(|&s| sentences[s].article));
        let omitted_by = positions
            .iter()
            .filter(|p| !reporting.contains(p))
            .map(|&p| analysis.articles[p].id)
            .collect();
        let claim = Claim {
            id: ClaimId(0),
            story,
            text: sentences[rep].text.clone(),
            attributed_to: speaker(members, &sentences),
            support: evidence(members),
            independent_sources: count_independent(
                analysis,
                &support_articles,
                &copies(members, &sentences, analysis, reuse),
            ),
            contradicted_by: evidence(&contradicting),
            omitted_by,
            elsewhere_in_storyline: Vec::new(),
        };
        out.push((claim, (sentences[rep].article, sentences[rep].order)));
    }
    let rank_of = |article: usize| {
        positions
            .iter()
            .position(|&p| p == article)
            .unwrap_or(usize::MAX)
    };
    out.sort_by_key(|(claim, (article, order))| {
        (
            std::cmp::Reverse(claim.independent_sources),
            std::cmp::Reverse(claim.support.len()),
            rank_of(*article),
            *order,
        )
    });
    out.into_iter().map(|(claim, _)| claim).collect()
}

/// Sentences of at least this many words that match word for word, outside quotes, are
/// taken as copies: short ones and quoted statements are often repeated independently.
pub const VERBATIM_MIN_WORDS: usize = 20;

/// Pairs of member indexes whose sentences were copied one from the other: the reuse
/// stage found a shared passage over both, or they match word for word and are long.
fn copies(
    members: &[usize],
    sentences: &[SentenceFacts],
    analysis: &Analysis,
    reuse: &ReuseIndex<'_>,
) -> Vec<(usize, usize)> {
    let evidence = |s: usize| Evidence {
        article: analysis.articles[sentences[s].article].id,
        span: sentences[s].span,
    };
    let mut out = Vec::new();
    for (x, &a) in members.iter().enumerate() {
        for (y, &b) in members.iter().enumerate().skip(x + 1) {
            let verbatim = sentences[a].text == sentences[b].text
                && crate::facts::words(&sentences[a].text).len() >= VERBATIM_MIN_WORDS
                && !reuse.quoted(evidence(b).article, sentences[b].span, sentences[b].span);
            if verbatim || reuse.copied(evidence(a), evidence(b)) {
                out.push((x, y));
            }
        }
    }
    out
}

/// For each cluster, the sentences of other clusters that conflict with one of its
/// members, sorted.
fn conflicted_clusters(alignment: &Alignment, sentences: &[SentenceFacts]) -> Vec<Vec<usize>> {
    let mut out = vec![Vec::new(); alignment.clusters.len()];
    let articles_of = |c: usize| -> Vec<usize> {
        alignment.clusters[c]
            .iter()
            .map(|&s| sentences[s].article)
            .collect()
    };
    for &(a, b) in &alignment.conflicts {
        let (ca, cb) = (alignment.cluster_of[a], alignment.cluster_of[b]);
        // An article that states both versions is telling two different facts (one
        // operation's haul and the season's total), not contradicting itself.
        let (xa, xb) = (articles_of(ca), articles_of(cb));
        if ca != cb && !xa.iter().any(|x| xb.contains(x)) {
            out[ca].push(b);
            out[cb].push(a);
        }
    }
    for list in &mut out {
        list.sort_unstable();
        list.dedup();
    }
    out
}

/// The member most similar to the others (ties: the earliest).
fn representative(members: &[usize], alignment: &Alignment, sentences: &[SentenceFacts]) -> usize {
    // Copies of one text vote once, so a wire story printed twice does not outvote
    // the outlets that wrote their own version.
    let score = |s: usize| -> f32 {
        let mut texts: Vec<&str> = vec![sentences[s].text.as_str()];
        let mut total = 0.0;
        for &o in members {
            if texts.contains(&sentences[o].text.as_str()) {
                continue;
            }
            texts.push(&sentences[o].text);
            total += alignment
                .agree
                .get(&(s.min(o), s.max(o)))
                .copied()
                .unwrap_or(0.0);
        }
        total
    };
    let mut best = members[0];
    let mut best_score = score(best);
    for &s in &members[1..] {
        let sc = score(s);
        if sc > best_score + 1e-6 {
            best = s;
            best_score = sc;
        }
    }
    best
}

/// The speaker most members attribute the claim to (ties: the lowest entity id).
fn speaker(members: &[usize], sentences: &[SentenceFacts]) -> Option<EntityId> {
    let mut votes: BTreeMap<EntityId, usize> = BTreeMap::new();
    for &s in members {
        if let Some(e) = sentences[s].speaker {
            *votes.entry(e).or_default() += 1;
        }
    }
    let top = *votes.values().max()?;
    votes.into_iter().find(|(_, n)| *n == top).map(|(e, _)| e)
}
