//! Sparse term vectors and the vocabulary with its incremental document frequencies.

use crate::features::{RawTerm, TermKind};
use rustc_hash::FxHashMap as HashMap;

/// Interned term id.
pub type TermId = u32;

/// A sparse vector, sorted by term id, with unit length.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SparseVec {
    /// `(term, weight)` pairs in term order.
    pub entries: Vec<(TermId, f32)>,
}

impl SparseVec {
    /// The `n` heaviest terms, heaviest first.
    pub fn top_terms(&self, n: usize) -> Vec<(TermId, f32)> {
        let mut v = self.entries.clone();
        v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        v.truncate(n);
        v
    }

    /// Dot product with a dense-by-hash centroid.
    pub fn dot_map(&self, other: &HashMap<TermId, f32>) -> f32 {
        self.entries
            .iter()
            .filter_map(|(t, w)| other.get(t).map(|o| w * o))
            .sum()
    }

    /// Dot product of two sorted sparse vectors.
    pub fn dot(&self, other: &SparseVec) -> f32 {
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        let (a, b) = (&self.entries, &other.entries);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += a[i].1 * b[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }
}

fn normalise(entries: &mut [(TermId, f32)]) {
    let norm = entries.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt();
    if norm > 0.0 {
        for e in entries {
            e.1 /= norm;
        }
    }
}

/// How much each kind of evidence counts; see `features` for why names count more.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weights {
    /// Multiplier for name terms.
    pub name: f32,
    /// Multiplier for number terms.
    pub number: f32,
    /// Multiplier for two-word phrases.
    pub phrase: f32,
    /// Virtual documents, holding none of the terms, added to the collection size in the
    /// IDF: the collection is read as a sample of a wider news stream, in which the
    /// terms of any one event are rare. Without it the weight of an event's terms next to
    /// a word seen once swings with the collection's size (an event of twenty articles is
    /// a seventh of 150 articles but a thirtieth of 600), and so does the best threshold:
    /// tuned on stories-dev it came out at 0.05 for quarters, 0.08 for halves and 0.11
    /// for the whole with a 10-document prior, and at 0.09 / 0.12 / 0.12 with this one.
    pub prior_docs: f32,
    /// The prior counts at most this many times the collection's own articles, so that a
    /// handful of articles on one storyline (the five seeds) still learn that the names
    /// they all share are common here.
    pub prior_share: f32,
    /// Extra occurrences credited to a headline occurrence.
    pub title_bonus: f32,
    /// Extra occurrences credited to a lead occurrence.
    pub lead_bonus: f32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            name: 2.0,
            number: 1.5,
            phrase: 1.0,
            prior_docs: 1000.0,
            prior_share: 2.0,
            title_bonus: 1.0,
            lead_bonus: 0.5,
        }
    }
}

/// Bits of a term id that index the document-frequency table; the two bits above
/// them hold the term's kind.
const BUCKET_BITS: u32 = 24;
const BUCKET_MASK: u32 = (1 << BUCKET_BITS) - 1;
/// `ln(df + 0.5)` is looked up below this document frequency and computed above it.
const LN_TABLE: usize = 4096;

const KINDS: [TermKind; 4] = [
    TermKind::Word,
    TermKind::Name,
    TermKind::Number,
    TermKind::Phrase,
];

/// The id of a term: its kind, and a hash of its text that indexes a fixed table of
/// document frequencies (the hashing trick). No vocabulary is kept, so the cost of a
/// term stays the same however many distinct terms a stream brings (synthetic or real,
/// vocabularies never stop growing). Two terms of one kind share an id about once in
/// 16 million pairs: at worst two rare terms then count as one.
pub fn term_id(term: &RawTerm) -> TermId {
    let code = KINDS.iter().position(|k| *k == term.kind).unwrap_or(0) as u32;
    let hash = xxhash_rust::xxh3::xxh3_64_with_seed(term.text.as_bytes(), u64::from(code)) as u32;
    (code << BUCKET_BITS) | (hash & BUCKET_MASK)
}

/// Document frequencies by hashed term, and the collection size.
#[derive(Default)]
pub struct Vocabulary {
    /// Articles holding each term, indexed by `id & BUCKET_MASK`; allocated (zeroed, so
    /// the pages only become memory when touched) at the first article.
    df: Vec<u32>,
    /// `ln(df + 0.5)` for small document frequencies.
    ln_table: Vec<f32>,
    /// Table cells in use: the distinct terms seen, give or take collisions.
    occupied: usize,
    docs: u32,
    prior_docs: f32,
    prior_share: f32,
    /// Set by [`Vocabulary::fix_counts`]: articles weighed from then on are already counted.
    fixed: bool,
}

impl Vocabulary {
    /// Counts one more article holding `terms`, then weighs them with the IDF as it now
    /// stands (incremental IDF: an article is weighed by what came before it and itself).
    /// After [`Vocabulary::fix_counts`] it only weighs.
    ///
    /// Also returns the article's *profile*: the same vector without IDF, which stories
    /// sum so that they can be weighed with the IDF of the moment they are compared.
    pub fn add_and_weigh(
        &mut self,
        terms: &[RawTerm],
        weights: &Weights,
    ) -> (SparseVec, SparseVec) {
        self.prior_docs = weights.prior_docs;
        self.prior_share = weights.prior_share;
        let mut tf: HashMap<TermId, f32> = HashMap::default();
        for t in terms {
            let id = term_id(t);
            let bonus = if t.in_title {
                weights.title_bonus
            } else if t.in_lead {
                weights.lead_bonus
            } else {
                0.0
            };
            *tf.entry(id).or_default() += 1.0 + bonus;
        }
        if !self.fixed {
            self.count_ids(tf.keys().copied());
        }
        let ln_n = self.ln_docs();
        let mut profile: Vec<(TermId, f32)> = tf
            .into_iter()
            .map(|(id, count)| {
                let boost = match kind_of(id) {
                    TermKind::Word => 1.0,
                    TermKind::Name => weights.name,
                    TermKind::Number => weights.number,
                    TermKind::Phrase => weights.phrase,
                };
                (id, (1.0 + count.ln()) * boost)
            })
            .collect();
        profile.sort_unstable_by_key(|e| e.0);
        let mut entries: Vec<(TermId, f32)> = profile
            .iter()
            .map(|&(id, w)| (id, w * self.idf(id, ln_n)))
            .filter(|&(_, w)| w > 0.0)
            .collect();
        normalise(&mut profile);
        normalise(&mut entries);
        (SparseVec { entries: profile }, SparseVec { entries })
    }

    /// Counts one article holding `terms` in the document frequencies without weighing it.
    pub fn count(&mut self, terms: &[RawTerm]) {
        let mut ids: Vec<TermId> = terms.iter().map(term_id).collect();
        ids.sort_unstable();
        ids.dedup();
        self.count_ids(ids.into_iter());
    }

    /// Stops counting: from now on [`Vocabulary::add_and_weigh`] weighs articles with the
    /// frequencies counted so far, for a batch whose every article went through
    /// [`Vocabulary::count`] first.
    pub fn fix_counts(&mut self, weights: &Weights) {
        self.prior_docs = weights.prior_docs;
        self.prior_share = weights.prior_share;
        self.fixed = true;
    }

    fn count_ids(&mut self, ids: impl Iterator<Item = TermId>) {
        if self.df.is_empty() {
            self.df = vec![0; 1 << BUCKET_BITS];
            self.ln_table = (0..LN_TABLE).map(|d| (d as f32 + 0.5).ln()).collect();
        }
        self.docs += 1;
        for id in ids {
            let cell = &mut self.df[(id & BUCKET_MASK) as usize];
            if *cell == 0 {
                self.occupied += 1;
            }
            *cell = cell.saturating_add(1);
        }
    }

    /// `ln(N + 1)` for the collection as it stands, the first half of every IDF.
    pub fn ln_docs(&self) -> f32 {
        let docs = self.docs as f32;
        (docs + self.prior_docs.min(self.prior_share * docs) + 1.0).ln()
    }

    /// The IDF of `id` given [`Vocabulary::ln_docs`]; never negative.
    pub fn idf(&self, id: TermId, ln_docs: f32) -> f32 {
        let df = self
            .df
            .get((id & BUCKET_MASK) as usize)
            .copied()
            .unwrap_or(0) as usize;
        let ln_df = match self.ln_table.get(df) {
            Some(&l) => l,
            None if self.ln_table.is_empty() => 0.5f32.ln(),
            None => (df as f32 + 0.5).ln(),
        };
        (ln_docs - ln_df).max(0.0)
    }

    /// True when the term is a name or a number: the evidence that tells events apart.
    pub fn is_specific(&self, id: TermId) -> bool {
        matches!(kind_of(id), TermKind::Name | TermKind::Number)
    }

    /// The kind of a term.
    pub fn kind(&self, id: TermId) -> Option<TermKind> {
        Some(kind_of(id))
    }

    /// Number of distinct terms seen (table cells in use).
    pub fn len(&self) -> usize {
        self.occupied
    }

    /// True before the first article.
    pub fn is_empty(&self) -> bool {
        self.occupied == 0
    }
}

/// The kind a term id carries in its top bits.
fn kind_of(id: TermId) -> TermKind {
    KINDS[(id >> BUCKET_BITS) as usize & 3]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(text: &str, kind: TermKind) -> RawTerm {
        RawTerm {
            text: text.to_owned(),
            kind,
            in_title: false,
            in_lead: false,
            capitalised: false,
        }
    }

    #[test]
    fn hashed_ids_keep_kinds_apart() {
        let word = term_id(&term("vell", TermKind::Word));
        let name = term_id(&term("vell", TermKind::Name));
        assert_ne!(word, name);
        assert_eq!(kind_of(word), TermKind::Word);
        assert_eq!(kind_of(name), TermKind::Name);
        assert_eq!(word, term_id(&term("vell", TermKind::Word)));
    }

    #[test]
    fn idf_falls_as_a_term_spreads() {
        let mut vocab = Vocabulary::default();
        let weights = Weights::default();
        let (common, rare) = (term("quake", TermKind::Word), term("orvia", TermKind::Name));
        vocab.count(&[common.clone(), rare.clone()]);
        for _ in 0..5 {
            vocab.count(std::slice::from_ref(&common));
        }
        vocab.fix_counts(&weights);
        let ln = vocab.ln_docs();
        let unseen = vocab.idf(term_id(&term("nowhere", TermKind::Word)), ln);
        let (common_idf, rare_idf) = (
            vocab.idf(term_id(&common), ln),
            vocab.idf(term_id(&rare), ln),
        );
        assert!(unseen > rare_idf && rare_idf > common_idf && common_idf > 0.0);
        assert_eq!(vocab.len(), 2);
    }

    /// IDF of a term held by ten articles over that of a term held by one, in a
    /// collection of `docs` articles.
    fn ratio(docs: usize, weights: &Weights) -> f32 {
        let mut vocab = Vocabulary::default();
        let (event, single) = (
            term("klestov", TermKind::Name),
            term("orvia", TermKind::Name),
        );
        vocab.count(&[event.clone(), single.clone()]);
        for i in 1..docs {
            let filler = term(&format!("filler{i}"), TermKind::Word);
            if i < 10 {
                vocab.count(&[event.clone(), filler]);
            } else {
                vocab.count(&[filler]);
            }
        }
        vocab.fix_counts(weights);
        let ln = vocab.ln_docs();
        vocab.idf(term_id(&event), ln) / vocab.idf(term_id(&single), ln)
    }

    #[test]
    fn the_prior_steadies_idf_across_collection_sizes() {
        let shipped = Weights::default();
        let small_prior = Weights {
            prior_docs: 10.0,
            ..shipped
        };
        let drift = |w: &Weights| (ratio(3000, w) - ratio(300, w)).abs();
        assert!(
            drift(&shipped) < 0.6 * drift(&small_prior),
            "{} vs {}",
            drift(&shipped),
            drift(&small_prior)
        );
    }

    #[test]
    fn a_tiny_collection_keeps_its_own_evidence() {
        // Five articles cannot outweigh a thousand virtual ones, so the prior is capped
        // at `prior_share` times the collection.
        let shipped = Weights::default();
        let ten = Weights {
            prior_docs: 10.0,
            ..shipped
        };
        assert_eq!(ratio(5, &shipped), ratio(5, &ten));
        assert!(ratio(3000, &shipped) > ratio(3000, &ten));
    }
}
