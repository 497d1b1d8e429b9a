//! An optional learned attribution model ([`Model`], loaded with [`Model::load`], used by
//! [`find_quotes_tagged`]), in three steps:
//!
//! 1. a tagger: first-order structured perceptrons (averaged, Collins 2002) over BIO tags for
//!    Source, Cue and Content, decoded with Viterbi, two of them stacked ([`Stack`]). Its
//!    features ([`features()`]) are the words around each token, their shapes, the cue lexicon,
//!    quote marks, sentence edges, the language stage's mentions, and the rule system's own
//!    attributions (so it learns where the rules' boundaries are right);
//! 2. a source chooser ([`source`]): per cue, a linear [`Ranker`] over candidate sources (the
//!    tagger's, the rules', the mentions in the cue's sentence) and "none";
//! 3. an edge ranker ([`refine`] over the candidates and features of [`boundary`]): per
//!    content, source and cue, the first and last token re-chosen around the tagger's edges;
//! 4. a content filter ([`filter`]): keep or drop each content, by how likely its edges are
//!    exactly right (exact F1 counts a wrong edge twice).
//!
//! Everything is trained from a corpus (see `bench/polnear`), deterministically; the whole is
//! slower than the rules alone.

pub mod boundary;
pub mod features;
pub mod filter;
pub mod mlp;
pub mod model;
pub mod perceptron;
pub mod probe;
pub mod ranker;
pub mod refine;
pub mod source;
pub mod spans;
pub mod stack;
pub mod states;

pub use features::{add_stage_features, features, segments};
pub use model::{find_quotes_tagged, find_quotes_tagged_with_states, Error, Model};
pub use perceptron::Trainer;
pub use ranker::{Ranker, RankerTrainer};
pub use spans::attributions_from_tags;
pub use stack::{decode_segments, Stack};

/// Tags: outside, then begin/inside for Source, Cue and Content.
pub const TAGS: usize = 7;
/// Feature hash space (a power of two).
pub const BUCKETS: usize = 1 << 20;

/// Label of a tag: 0 none, 1 Source, 2 Cue, 3 Content.
pub fn label_of(tag: usize) -> usize {
    tag.div_ceil(2)
}
