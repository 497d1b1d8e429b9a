//! The candle side: tokenizer set-up, BERT forward pass in length-sorted batches.

use crate::{pooling, EmbedError, ModelFiles, PieceState, BATCH_SIZE, MAX_TOKENS};
use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertEncoder, BertModel, Config};
use tokenizers::{PaddingParams, PaddingStrategy, Tokenizer, TruncationParams};

/// A BERT encoder and its tokenizer, on the CPU. The layers are kept one by one (each a
/// one-layer [`BertEncoder`]) so that any layer's states can be read, not only the last.
pub(crate) struct Model {
    /// The embeddings alone (a `BertModel` loaded with no encoder layers).
    embeddings: BertModel,
    layers: Vec<BertEncoder>,
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
        let (embeddings, layers) = load_layers(vb, &config).map_err(bad_weights)?;
        Ok(Model {
            embeddings,
            layers,
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

    pub(crate) fn layer_count(&self) -> usize {
        self.layers.len()
    }

    pub(crate) fn token_states(
        &self,
        texts: &[&str],
        layers: &[usize],
    ) -> Result<Vec<Vec<PieceState>>, EmbedError> {
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| texts[i].len());
        let mut out: Vec<Vec<PieceState>> = (0..texts.len()).map(|_| Vec::new()).collect();
        for chunk in order.chunks(BATCH_SIZE) {
            let batch: Vec<&str> = chunk.iter().map(|&i| texts[i]).collect();
            for (pieces, &i) in self.pieces_batch(batch, layers)?.into_iter().zip(chunk) {
                out[i] = pieces;
            }
        }
        Ok(out)
    }

    /// The states of `layers` (concatenated in that order) of every wordpiece of each text
    /// (special and padding tokens left out), with the piece's byte range in its text.
    fn pieces_batch(
        &self,
        batch: Vec<&str>,
        layers: &[usize],
    ) -> Result<Vec<Vec<PieceState>>, EmbedError> {
        let texts = batch.len();
        let (encodings, states) = self.forward(batch, layers)?;
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

    /// One row of ids per text, stacked into a batch tensor.
    fn stack_rows(&self, rows: Vec<&[u32]>) -> candle_core::Result<Tensor> {
        let rows = rows
            .into_iter()
            .map(|r| Tensor::new(r, &self.device))
            .collect::<candle_core::Result<Vec<_>>>()?;
        Tensor::stack(&rows, 0)
    }

    /// Tokenizes a batch and runs the encoder: the encodings and `[batch, tokens, hidden]`
    /// per layer asked for (0 is the embeddings, `layer_count()` the last), concatenated
    /// along the hidden axis.
    fn forward(
        &self,
        batch: Vec<&str>,
        layers: &[usize],
    ) -> Result<(Vec<tokenizers::Encoding>, Tensor), EmbedError> {
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
        let states = self.run(&ids, &types, &mask, layers).map_err(forward)?;
        Ok((encodings, states))
    }

    fn embed_batch(&self, batch: Vec<&str>) -> Result<Vec<Vec<f32>>, EmbedError> {
        let texts = batch.len();
        let forward = |e: candle_core::Error| EmbedError::Forward {
            texts,
            source: Box::new(e),
        };
        let (encodings, states) = self.forward(batch, &[self.layers.len()])?;
        let mask = self
            .stack_rows(encodings.iter().map(|e| e.get_attention_mask()).collect())
            .map_err(forward)?;
        pooling::mean_normalised(&states, &mask)
            .and_then(|t| t.to_vec2::<f32>())
            .map_err(forward)
    }
}

impl Model {
    /// The embeddings, then each layer in turn, keeping the outputs of `layers`.
    fn run(
        &self,
        ids: &Tensor,
        types: &Tensor,
        mask: &Tensor,
        layers: &[usize],
    ) -> candle_core::Result<Tensor> {
        let mut hidden = self.embeddings.forward(ids, types, Some(mask))?;
        let mask = extended_mask(mask, hidden.dtype())?;
        let last = layers.iter().copied().max().unwrap_or(0);
        let mut kept: Vec<(usize, Tensor)> = Vec::new();
        for l in 0..=last.min(self.layers.len()) {
            if l > 0 {
                hidden = self.layers[l - 1].forward(&hidden, &mask)?;
            }
            if layers.contains(&l) {
                kept.push((l, hidden.clone()));
            }
        }
        let mut parts = layers
            .iter()
            .filter_map(|l| kept.iter().find(|(k, _)| k == l).map(|(_, t)| t.clone()))
            .collect::<Vec<_>>();
        match parts.len() {
            0 => candle_core::bail!(
                "no layer of {layers:?} in a {}-layer model",
                self.layers.len()
            ),
            1 => Ok(parts.swap_remove(0)),
            _ => Tensor::cat(&parts, 2),
        }
    }
}

/// BERT's additive attention mask: 0 where a token may be read, the lowest float where not.
fn extended_mask(mask: &Tensor, dtype: DType) -> candle_core::Result<Tensor> {
    let mask = mask.unsqueeze(1)?.unsqueeze(1)?.to_dtype(dtype)?;
    (mask.ones_like()? - &mask)?
        .broadcast_mul(&Tensor::new(f32::MIN, mask.device())?.to_dtype(dtype)?)
}

/// The embeddings (as a `BertModel` with no layers) and each encoder layer on its own:
/// layer `i` is read as layer 0 of a one-layer encoder, by renaming its weights.
fn load_layers(
    vb: VarBuilder<'static>,
    config: &Config,
) -> candle_core::Result<(BertModel, Vec<BertEncoder>)> {
    let prefix = if vb.contains_tensor("bert.embeddings.word_embeddings.weight") {
        "bert."
    } else {
        ""
    };
    let mut none = config.clone();
    none.num_hidden_layers = 0;
    let embeddings = BertModel::load(vb.clone(), &none)?;
    let mut one = config.clone();
    one.num_hidden_layers = 1;
    let layers = (0..config.num_hidden_layers)
        .map(|i| {
            let from = format!("{prefix}encoder.layer.0.");
            let to = format!("{prefix}encoder.layer.{i}.");
            let renamed = vb
                .clone()
                .rename_f(move |name| name.replacen(&from, &to, 1));
            BertEncoder::load(renamed.pp(format!("{prefix}encoder")), &one)
        })
        .collect::<candle_core::Result<Vec<_>>>()?;
    Ok((embeddings, layers))
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
