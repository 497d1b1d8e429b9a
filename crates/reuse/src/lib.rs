//! Text reuse between articles and the provenance it implies.
//!
//! [`detect_reuse`] runs in four steps:
//!
//! 1. per article, in parallel: words ([`tokens`]), word 5-gram shingles, a MinHash
//!    signature ([`minhash`]) and winnowed fingerprints ([`fingerprint`]);
//! 2. in arrival order: each article queries the LSH bands (near-duplicates) and the
//!    fingerprint index (one shared sentence is enough), then is inserted. No step
//!    compares all pairs, and capped buckets keep the cost per article flat;
//! 3. per candidate pair, in parallel: passage alignment ([`align`]) down to one
//!    sentence, with code-point spans in both bodies; passages that sit inside
//!    quotation marks in both bodies are quotes of the same speaker and alone never
//!    make a link;
//! 4. direction and provenance ([`provenance`]): wire credits and datelines
//!    ([`wire`]) first; then the texts when one is clearly trimmed from the other
//!    ([`direction`]) and the dates are at most two days apart or missing; then
//!    publication dates; then an intro of its own (the copy's); then arrival order
//!    decide who copied whom;
//!    each article gets an origin and an independence key shared by all copies.

pub mod align;
pub mod direction;
pub mod fingerprint;
pub mod minhash;
pub mod provenance;
mod quotes;
pub mod tokens;
pub mod wire;

pub use provenance::{copy_families, CopyFamily};

use direction::Verdict;
use minhash::{estimate_jaccard, LshIndex, MinHasher, Signature};
use parallax_core::{Article, Provenance, ReuseLink};
use provenance::{Facts, Incoming, Said};
use rayon::prelude::*;
use std::collections::HashMap;

/// Words per shingle for MinHash and fingerprints.
pub const SHINGLE_WORDS: usize = 5;
/// Most earlier articles aligned against each new one.
const MAX_CANDIDATES: usize = 24;

struct Sketch {
    signature: Signature,
    fingerprints: Vec<u64>,
}

fn sketch(hasher: &MinHasher, article: &Article) -> Sketch {
    let words = tokens::words(&article.body);
    let shingles = tokens::shingles(&words, SHINGLE_WORDS);
    Sketch {
        signature: hasher.signature(&shingles),
        fingerprints: fingerprint::winnow(&shingles),
    }
}

/// Candidate pairs `(earlier, later)` by stream position, found through the indexes.
fn candidate_pairs(sketches: &[Sketch]) -> Vec<(usize, usize)> {
    let mut lsh = LshIndex::default();
    let mut prints = fingerprint::FingerprintIndex::default();
    let mut found = Vec::new();
    let mut votes: HashMap<u32, u32> = HashMap::new();
    let mut pairs = Vec::new();
    for (i, s) in sketches.iter().enumerate() {
        let id = i as u32;
        found.clear();
        votes.clear();
        lsh.query_then_insert(id, &s.signature, &mut found);
        // A band hit says "near-duplicate": weigh it above single fingerprints.
        for &j in &found {
            *votes.entry(j).or_default() += 4;
        }
        found.clear();
        prints.query_then_insert(id, &s.fingerprints, &mut found);
        for &j in &found {
            *votes.entry(j).or_default() += 1;
        }
        let mut ranked: Vec<(u32, u32)> = votes.iter().map(|(&j, &v)| (v, j)).collect();
        ranked.sort_unstable_by(|a, b| b.cmp(a));
        pairs.extend(
            ranked
                .into_iter()
                .take(MAX_CANDIDATES)
                .map(|(_, j)| (j as usize, i)),
        );
    }
    pairs
}

/// A link found between two articles, before provenance is decided.
struct Found {
    source: usize,
    target: usize,
    link: ReuseLink,
    coverage: f32,
}

/// One article's words and characters, made once per alignment batch.
struct Tokens {
    words: Vec<tokens::Word>,
    chars: Vec<char>,
}

impl Tokens {
    fn of(article: &Article) -> Tokens {
        Tokens {
            words: tokens::words(&article.body),
            chars: article.body.chars().collect(),
        }
    }
}

fn align_pair(
    articles: &[Article],
    facts: &[Facts],
    sketches: &[Sketch],
    (earlier, earlier_tokens): (usize, &Tokens),
    (later, later_tokens): (usize, &Tokens),
) -> Option<Found> {
    let said = provenance::said(
        (&articles[earlier], &facts[earlier]),
        (&articles[later], &facts[later]),
    );
    let decided = said.later_is_source();
    let ((source, st), (target, tt)) = if decided == Some(true) {
        ((later, later_tokens), (earlier, earlier_tokens))
    } else {
        ((earlier, earlier_tokens), (later, later_tokens))
    };
    let mut passages = align::align(&st.words, &st.chars, &tt.words, &tt.chars);
    if passages.is_empty() {
        return None;
    }
    let (sq, tq) = (
        quotes::QuoteMask::new(&st.chars),
        quotes::QuoteMask::new(&tt.chars),
    );
    // Quoted passages alone are two reports of one speaker; they do not make a link,
    // but once unquoted text shows a copy, the quotes it copied are reported too.
    // A run of names ("the Fish and Wildlife Service and the National Marine Fisheries
    // Service") recurs in independent reports; a copied sentence says something.
    let evidence = passages.iter().any(|p| {
        p.matched_words >= align::MIN_PASSAGE_WORDS
            && tokens::content_words(&tt.words, &tt.chars, p.target.start(), p.target.end())
                >= align::MIN_CONTENT_WORDS
            && !(sq.mostly_quoted(p.source) && tq.mostly_quoted(p.target))
    });
    if !evidence {
        return None;
    }
    // Credits first; then a text clearly trimmed from the other, when dates are close or
    // silent; then dates; then an intro of its own; then arrival order.
    let texts_may_tell = match said {
        Said::Credits(_) => false,
        Said::Dates { days, .. } => days <= direction::TEXT_OVER_DATES_DAYS,
        Said::Nothing => true,
    };
    let sides = texts_may_tell.then(|| direction::sides(&passages, &st.words, &tt.words));
    let swapped = match (said, sides.map(|(s, t)| direction::verdict(s, t))) {
        (Said::Dates { .. }, Some(Verdict::Coverage(v))) => v,
        (Said::Nothing, Some(Verdict::Coverage(v) | Verdict::Intro(v))) => v,
        _ => false,
    };
    let (source, target, tt) = if swapped {
        for p in &mut passages {
            std::mem::swap(&mut p.source, &mut p.target);
        }
        passages.sort_by_key(|p| p.target.start());
        (target, source, st)
    } else {
        (source, target, tt)
    };
    // Words of the target inside passages: after a swap, what the old source shares.
    let matched: usize = match sides {
        Some((old_source, _)) if swapped => old_source.shared,
        _ => passages.iter().map(|p| p.matched_words).sum(),
    };
    let coverage = matched as f32 / tt.words.len().max(1) as f32;
    Some(Found {
        source,
        target,
        coverage,
        link: ReuseLink {
            source: articles[source].id,
            target: articles[target].id,
            similarity: estimate_jaccard(&sketches[source].signature, &sketches[target].signature),
            passages: passages.into_iter().map(|p| p.pair()).collect(),
        },
    })
}

/// Steps 1 and 2 alone: the candidate pairs `(earlier, later)`, by stream position, that
/// the LSH bands and fingerprint index propose (insert plus query, no alignment).
pub fn candidate_pairs_of(articles: &[Article]) -> Vec<(usize, usize)> {
    let hasher = MinHasher::default();
    let sketches: Vec<Sketch> = articles.par_iter().map(|a| sketch(&hasher, a)).collect();
    candidate_pairs(&sketches)
}

/// Finds reuse links among `articles` (in stream order) and each article's provenance
/// (same order).
pub fn detect_reuse(articles: &[Article]) -> (Vec<ReuseLink>, Vec<Provenance>) {
    let hasher = MinHasher::default();
    let sketches: Vec<Sketch> = articles.par_iter().map(|a| sketch(&hasher, a)).collect();
    let facts: Vec<Facts> = articles.par_iter().map(Facts::of).collect();
    let pairs = candidate_pairs(&sketches);
    // Pairs come grouped by their later article: tokenise it once per group.
    let groups: Vec<&[(usize, usize)]> = pairs.chunk_by(|a, b| a.1 == b.1).collect();
    let found: Vec<Found> = groups
        .par_iter()
        .flat_map_iter(|group| {
            let later = group[0].1;
            let later_tokens = Tokens::of(&articles[later]);
            group
                .iter()
                .filter_map(|&(earlier, _)| {
                    let earlier_tokens = Tokens::of(&articles[earlier]);
                    align_pair(
                        articles,
                        &facts,
                        &sketches,
                        (earlier, &earlier_tokens),
                        (later, &later_tokens),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let mut best: Vec<Option<Incoming>> = vec![None; articles.len()];
    for f in &found {
        let better = match best[f.target] {
            None => true,
            // Ties go to the source that came first: the root of a copy chain.
            Some(b) => {
                f.coverage > b.coverage + 1e-6
                    || (f.coverage + 1e-6 >= b.coverage && f.source < b.source)
            }
        };
        if better {
            best[f.target] = Some(Incoming {
                source: f.source,
                coverage: f.coverage,
            });
        }
    }
    let provenance = provenance::provenance(articles, &facts, &best);
    (found.into_iter().map(|f| f.link).collect(), provenance)
}
