//! Optional sentence embeddings for alignment: paraphrases that share too few words for
//! the TF-IDF cosine ("state officials have confirmed its authenticity" / "officials in
//! Hawaii have certified that he was born in that state").
//!
//! The claims stage does not run a model itself: the caller passes a [`SentenceEncoder`]
//! (the pipeline wraps all-MiniLM-L6-v2 from `parallax-embed`). A pair of sentences from
//! different articles that the lexical rules leave apart agrees when the embeddings'
//! cosine reaches [`SEMANTIC_AGREE`], unless its figures, dates or polarity differ.

use crate::facts::SentenceFacts;

/// Embedding cosine at or above which two sentences state the same claim. Chosen on 76
/// hand-labelled BASIL pairs that the lexical rules leave apart (`bench/claims
/// --semantic`): at 0.8, 33 of 35 are the same claim; from 0.75 to 0.8, 10 of 15.
pub const SEMANTIC_AGREE: f32 = 0.8;

/// Turns sentences into unit-length vectors, one per text, in order.
pub trait SentenceEncoder: Send + Sync {
    /// Encodes `texts`; an error leaves the story to the lexical rules alone.
    fn encode(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, String>;
}

/// Dot product (the cosine of unit vectors).
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// The pairs `(a, b)`, `a < b`, from different articles, whose embeddings reach
/// [`SEMANTIC_AGREE`].
pub fn close_pairs(sentences: &[SentenceFacts], vectors: &[Vec<f32>]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for a in 0..sentences.len().min(vectors.len()) {
        for b in a + 1..sentences.len().min(vectors.len()) {
            if sentences[a].article != sentences[b].article
                && dot(&vectors[a], &vectors[b]) >= SEMANTIC_AGREE
            {
                out.push((a, b));
            }
        }
    }
    out
}
