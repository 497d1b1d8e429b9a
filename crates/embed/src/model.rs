//! The candle side: tokenizer set-up, BERT forward pass in length-sorted batches.

use crate::{pooling, EmbedError, ModelFiles, PieceState, BATCH_SIZE, MAX_TOKENS};
use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use tokenizers::{PaddingParams, PaddingStrategy, Tokenizer, TruncationParams};

/// A BERT encoder and its tokenizer, on the CPU.
pub(crate) struct Model {
    bert: BertModel,
    tokenizer: Tokenizer,
    hidden_size: usize,
    device: Device,
}

impl Model {
    pub(crate) fn load(files: &ModelFiles) -> Result<Model, EmbedError> {
        let io = |path: &std::path::Path| {
            let path = path.to_owned();
            move |source| EmbedError::Io { path, source }
        };
        let config_text = std::fs::read_to_string(&files.config).map_err(io(&files.config))?;
        let config: Config =
            serde_json::from_str(&config_text).map_err(|e| EmbedError::BadConfig {
                path: files.config.clone(),
                source: Box::new(e),
            })?;
        let tokenizer = load_tokenizer(files)?;
        let device = Device::Cpu;
        let weights = std::fs::read(&files.weights).map_err(io(&files.weights))?;
        let bad_weights = |e: candle_core::Error| EmbedError::BadWeights {
            path: files.weights.clone(),
            source: Box::new(e),
        };
        let vb = VarBuilder::from_buffered_safetensors(weights, DType::F32, &device)
            .map_err(bad_weights)?;
        let bert = BertModel::load(vb, &config).map_err(bad_weights)?;
        Ok(Model {
            bert,
            tokenizer,
            hidden_size: config.hidden_size,
            device,
        })
    }

    pub(crate) fn dimensions(&self) -> usize {
        self.hidden_size
    }

    pub(crate) fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        // Sorting by length keeps texts of similar length in one batch, so
        // BatchLongest padding wastes little work on [PAD] tokens.
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| texts[i].len());
        let mut out = vec![Vec::new(); texts.len()];
        for chunk in order.chunks(BATCH_SIZE) {
            let batch: Vec<&str> = chunk.iter().map(|&i| texts[i]).collect();
            for (vector, &i) in self.embed_batch(batch)?.into_iter().zip(chunk) {
                out[i] = vector;
            }
        }
        Ok(out)
    }

    pub(crate) fn token_states(&self, texts: &[&str]) -> Result<Vec<Vec<PieceState>>, EmbedError> {
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| texts[i].len());
        let mut out: Vec<Vec<PieceState>> = (0..texts.len()).map(|_| Vec::new()).collect();
        for chunk in order.chunks(BATCH_SIZE) {
            let batch: Vec<&str> = chunk.iter().map(|&i| texts[i]).collect();
            for (pieces, &i) in self.pieces_batch(batch)?.into_iter().zip(chunk) {
                out[i] = pieces;
            }
        }
        Ok(out)
    }

    /// The last layer's state of every wordpiece of each text (special and padding
    /// tokens left out), with the piece's byte range in its text.
    fn pieces_batch(&self, batch: Vec<&str>) -> Result<Vec<Vec<PieceState>>, EmbedError> {
        let texts = batch.len();
        let (encodings, states) = self.forward(batch)?;
        let forward = |e: candle_core::Error| EmbedError::Forward {
            texts,
            source: Box::new(e),
        };
        let states = states.to_vec3::<f32>().map_err(forward)?;
        Ok(encodings
            .iter()
            .zip(states)
            .map(|(e, rows)| {
                let keep = e
                    .get_special_tokens_mask()
                    .iter()
                    .zip(e.get_attention_mask())
                    .map(|(&special, &mask)| special == 0 && mask == 1);
                e.get_offsets()
                    .iter()
                    .zip(rows)
                    .zip(keep)
                    .filter(|(_, keep)| *keep)
                    .map(|((&(start, end), state), _)| PieceState { start, end, state })
                    .collect()
            })
            .collect())
    }

    /// Tokenizes a batch and runs the encoder: the encodings and `[batch, tokens, hidden]`.
    /// One row of ids per text, stacked into a batch tensor.
    fn stack_rows(&self, rows: Vec<&[u32]>) -> candle_core::Result<Tensor> {
        let rows = rows
            .into_iter()
            .map(|r| Tensor::new(r, &self.device))
            .collect::<candle_core::Result<Vec<_>>>()?;
        Tensor::stack(&rows, 0)
    }

    fn forward(&self, batch: Vec<&str>) -> Result<(Vec<tokenizers::Encoding>, Tensor), EmbedError> {
        let texts = batch.len();
        let encodings = self
            .tokenizer
            .encode_batch(batch, true)
            .map_err(|source| EmbedError::Tokenize { texts, source })?;
        let forward = |e: candle_core::Error| EmbedError::Forward {
            texts,
            source: Box::new(e),
        };
        let stack = |rows: Vec<&[u32]>| self.stack_rows(rows);
        let ids = stack(encodings.iter().map(|e| e.get_ids()).collect()).map_err(forward)?;
        let types = stack(encodings.iter().map(|e| e.get_type_ids()).collect()).map_err(forward)?;
        let mask =
            stack(encodings.iter().map(|e| e.get_attention_mask()).collect()).map_err(forward)?;
        let states = self
            .bert
            .forward(&ids, &types, Some(&mask))
            .map_err(forward)?;
        Ok((encodings, states))
    }

    fn embed_batch(&self, batch: Vec<&str>) -> Result<Vec<Vec<f32>>, EmbedError> {
        let texts = batch.len();
        let forward = |e: candle_core::Error| EmbedError::Forward {
            texts,
            source: Box::new(e),
        };
        let (encodings, states) = self.forward(batch)?;
        let mask = self
            .stack_rows(encodings.iter().map(|e| e.get_attention_mask()).collect())
            .map_err(forward)?;
        pooling::mean_normalised(&states, &mask)
            .and_then(|t| t.to_vec2::<f32>())
            .map_err(forward)
    }
}

/// The tokenizer with the settings sentence-transformers uses at inference: pad each
/// batch to its longest text (the shipped file pads everything to 128) and cut at
/// [`MAX_TOKENS`] (the shipped file cuts at 128).
fn load_tokenizer(files: &ModelFiles) -> Result<Tokenizer, EmbedError> {
    let bad = |source| EmbedError::BadTokenizer {
        path: files.tokenizer.clone(),
        source,
    };
    let mut tokenizer = Tokenizer::from_file(&files.tokenizer).map_err(bad)?;
    let padding = match tokenizer.get_padding() {
        Some(p) => PaddingParams {
            strategy: PaddingStrategy::BatchLongest,
            ..p.clone()
        },
        None => PaddingParams::default(),
    };
    tokenizer.with_padding(Some(padding));
    tokenizer
        .with_truncation(Some(TruncationParams {
            max_length: MAX_TOKENS,
            ..TruncationParams::default()
        }))
        .map_err(bad)?;
    Ok(tokenizer)
}
