//! Contextual token states from MiniLM (`parallax-embed`, feature `candle`) for every text of
//! a split, cached on disk (8-bit, one scale per token), and the honest probe logits the
//! rankers read: per text, from a [`Probe`] trained on the other folds.

use crate::Doc;
use parallax_core::CharIndex;
use parallax_quotes::tagger::mlp::train_mlp_probe;
use parallax_quotes::tagger::probe::{train_probe, Example, Probe, TokenStates, TARGETS};
use parallax_quotes::words::{tokenize, Word};
use std::path::Path;

/// Probe logits per token of each text.
pub type Logits = Vec<Vec<[f32; TARGETS]>>;

/// MiniLM from a model directory, turning an article into token states (the pipeline's
/// own [`parallax_pipeline::MiniLm`], so the bench measures what `parallax analyze` runs).
pub struct Encoder(parallax_pipeline::MiniLm);

impl Encoder {
    /// Loads the model (never downloads; needs the `candle` feature).
    pub fn load(model_dir: &Path) -> Result<Encoder, String> {
        parallax_pipeline::MiniLm::load(model_dir)
            .map(Encoder)
            .map_err(|e| {
                format!(
                    "{}: {e} (cargo run --release -p parallax-bench-polnear --features candle -- ...)",
                    model_dir.display()
                )
            })
    }

    /// The states of every token of [`tokenize`]`(&article.body)`: encoder `layers`
    /// concatenated (empty: the last layer).
    pub fn states(
        &self,
        article: &parallax_core::Article,
        mentions: &parallax_core::Mentions,
        layers: &[usize],
    ) -> Result<TokenStates, String> {
        self.0
            .token_states_of_layers(article, mentions, layers)
            .map_err(|e| e.to_string())
    }
}

/// Runs MiniLM from `model_dir` over every text of `docs` and writes the states of encoder
/// `layers` (empty: the last) to `out`.
pub fn compute(docs: &[Doc], model_dir: &Path, out: &Path, layers: &[usize]) -> Result<(), String> {
    let encoder = Encoder::load(model_dir)?;
    let started = std::time::Instant::now();
    let mut all = Vec::with_capacity(docs.len());
    for (i, d) in docs.iter().enumerate() {
        let m = parallax_language::analyze(&d.article);
        all.push(encoder.states(&d.article, &m, layers)?);
        if i % 100 == 99 {
            eprintln!(
                "states: {} of {} texts, {:.0} s",
                i + 1,
                docs.len(),
                started.elapsed().as_secs_f64()
            );
        }
    }
    save(out, &all, layers)
}

/// Writes states: `PXST2`, the width, the number of texts, the number of layers and the
/// layers, then per text its token count and per token and layer a scale (f32) and that
/// layer's part of the row in signed bytes. (`PXST1` files, one scale per token, hold the
/// last layer alone.)
pub fn save(path: &Path, all: &[TokenStates], layers: &[usize]) -> Result<(), String> {
    let dim = all.first().map_or(0, |s| s.dim);
    let parts = layers.len().max(1);
    let mut out = b"PXST2".to_vec();
    for v in [dim, all.len(), layers.len()].iter().chain(layers) {
        out.extend_from_slice(&(*v as u32).to_le_bytes());
    }
    for s in all {
        out.extend_from_slice(&(s.len() as u32).to_le_bytes());
        for k in 0..s.len() {
            for part in s.row(k).chunks(dim / parts) {
                let top = part.iter().fold(0.0f32, |m, v| m.max(v.abs()));
                let scale = if top > 0.0 { top / 127.0 } else { 1.0 };
                out.extend_from_slice(&scale.to_le_bytes());
                out.extend(part.iter().map(|v| (v / scale).round() as i8 as u8));
            }
        }
    }
    std::fs::write(path, out).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Reads what [`save`] wrote (or a `PXST1` file), keeping the layers `PX_STATE_LAYERS` names
/// (comma-separated, e.g. `4,6`; default every layer in the file): the states and their layers.
pub fn load(path: &Path) -> Result<(Vec<TokenStates>, Vec<usize>), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let bad = || format!("{} is not a states file", path.display());
    let (rest, v2) = match bytes.strip_prefix(b"PXST2") {
        Some(rest) => (rest, true),
        None => (bytes.strip_prefix(b"PXST1").ok_or_else(bad)?, false),
    };
    let u32_at = |at: usize| -> Result<usize, String> {
        Ok(u32::from_le_bytes(
            rest.get(at..at + 4)
                .ok_or_else(bad)?
                .try_into()
                .map_err(|_| bad())?,
        ) as usize)
    };
    let (dim, n) = (u32_at(0)?, u32_at(4)?);
    let mut at = 8;
    let mut layers = Vec::new();
    if v2 {
        let count = u32_at(8)?;
        for k in 0..count.min(64) {
            layers.push(u32_at(12 + 4 * k)?);
        }
        at = 12 + 4 * count;
    }
    let parts = layers.len().max(1);
    let part = dim / parts;
    let keep: Vec<usize> = match std::env::var("PX_STATE_LAYERS") {
        Ok(want) if !want.is_empty() => {
            want.split(',')
                .map(|l| {
                    let l: usize = l.trim().parse().map_err(|_| bad())?;
                    layers.iter().position(|&x| x == l).ok_or_else(|| {
                        format!("{} holds layers {layers:?}, not {l}", path.display())
                    })
                })
                .collect::<Result<_, _>>()?
        }
        _ => (0..parts).collect(),
    };
    let kept_layers: Vec<usize> = keep
        .iter()
        .filter_map(|&p| layers.get(p).copied())
        .collect();
    let width = part * keep.len();
    let mut out = Vec::with_capacity(n);
    let mut row = vec![0.0f32; dim];
    for _ in 0..n {
        let tokens = u32_at(at)?;
        at += 4;
        let mut rows = Vec::with_capacity(tokens * width);
        for _ in 0..tokens {
            for p in 0..parts {
                let scale = f32::from_le_bytes(
                    rest.get(at..at + 4)
                        .ok_or_else(bad)?
                        .try_into()
                        .map_err(|_| bad())?,
                );
                let bytes = rest.get(at + 4..at + 4 + part).ok_or_else(bad)?;
                for (r, &b) in row[p * part..(p + 1) * part].iter_mut().zip(bytes) {
                    *r = f32::from(b as i8) * scale;
                }
                at += 4 + part;
            }
            for &p in &keep {
                rows.extend_from_slice(&row[p * part..(p + 1) * part]);
            }
        }
        out.push(TokenStates { dim: width, rows });
    }
    Ok((out, kept_layers))
}

/// Per token of `doc`, which probe targets its gold spans make true.
pub fn gold_targets(doc: &Doc, words: &[Word]) -> Vec<[bool; TARGETS]> {
    let index = CharIndex::new(&doc.article.body);
    let mut out = vec![[false; TARGETS]; words.len()];
    let tokens = |a: usize, b: usize| {
        let (sb, eb) = (index.byte_of(a as u32)?, index.byte_of(b as u32)?);
        let first = words.partition_point(|w| w.end <= sb);
        let end = words.partition_point(|w| w.start < eb);
        (first < end).then_some((first, end - 1))
    };
    // Labels are Source, Cue, Content; targets are ordered Content, Source, Cue.
    let slot = |label: usize| [1, 2, 0][label];
    for (label, spans) in doc.gold.by_label.iter().enumerate() {
        for &(a, b) in spans {
            if let Some((f, l)) = tokens(a, b) {
                out[f][2 * slot(label)] = true;
                out[l][2 * slot(label) + 1] = true;
            }
        }
    }
    for &(label, a, b) in &doc.pieces {
        if let Some((f, l)) = tokens(a, b) {
            for row in &mut out[f..=l] {
                row[6 + slot(label)] = true;
            }
        }
    }
    out
}

/// Gold probe targets of every text.
fn all_gold(docs: &[Doc]) -> Vec<Vec<[bool; TARGETS]>> {
    docs.iter()
        .map(|d| gold_targets(d, &tokenize(&d.article.body)))
        .collect()
}

/// The probe trained on all texts (what the shipped model carries).
pub fn probe_on_all(docs: &[Doc], states: &[TokenStates], epochs: usize) -> Probe {
    let gold = all_gold(docs);
    let examples: Vec<Example<'_>> = states
        .iter()
        .zip(&gold)
        .map(|(states, gold)| Example { states, gold })
        .collect();
    let dim = states.first().map_or(0, |s| s.dim);
    train_either(&examples, dim, epochs)
}

/// A probe with [`probe_hidden`] hidden units, or a linear one when that is 0.
fn train_either(examples: &[Example<'_>], dim: usize, epochs: usize) -> Probe {
    match probe_hidden() {
        0 => train_probe(examples, dim, probe_window(), epochs),
        hidden => train_mlp_probe(examples, dim, probe_window(), hidden, epochs),
    }
}

/// Hidden units of the probe (`PX_PROBE_HIDDEN`; default 64; 0 trains a linear probe, which
/// scored 0.008 lower on train cross-validation).
pub fn probe_hidden() -> usize {
    std::env::var("PX_PROBE_HIDDEN")
        .ok()
        .and_then(|w| w.parse().ok())
        .unwrap_or(64)
}

/// Honest logits: each text's from a probe trained on the texts of the other `folds`
/// (`i % folds`).
pub fn honest_logits(docs: &[Doc], states: &[TokenStates], folds: usize, epochs: usize) -> Logits {
    let gold = all_gold(docs);
    let dim = states.first().map_or(0, |s| s.dim);
    let examples = |keep: &dyn Fn(usize) -> bool| -> Vec<Example<'_>> {
        (0..docs.len())
            .filter(|&i| keep(i))
            .map(|i| Example {
                states: &states[i],
                gold: &gold[i],
            })
            .collect()
    };
    let mut out: Logits = vec![Vec::new(); docs.len()];
    for fold in 0..folds {
        let probe = train_either(&examples(&|i| i % folds != fold), dim, epochs);
        for i in (0..docs.len()).filter(|i| i % folds == fold) {
            out[i] = probe.logits(&states[i]);
        }
        eprintln!("probe fold {} of {folds} done", fold + 1);
    }
    // How well the honest logits separate each target: precision and recall at 0.
    let mut counts = [[0usize; 3]; TARGETS];
    for (logits, gold) in out.iter().zip(&gold) {
        for (row, g) in logits.iter().zip(gold) {
            for t in 0..TARGETS {
                let said = row[t] > 0.0;
                counts[t][0] += usize::from(said && g[t]);
                counts[t][1] += usize::from(said);
                counts[t][2] += usize::from(g[t]);
            }
        }
    }
    let pr: Vec<String> = counts
        .iter()
        .map(|[tp, said, gold]| {
            format!(
                "{:.2}/{:.2}",
                *tp as f64 / (*said).max(1) as f64,
                *tp as f64 / (*gold).max(1) as f64
            )
        })
        .collect();
    eprintln!("probe P/R per target (content first, last, source first, last, cue first, last, in content, source, cue): {}", pr.join(" "));
    out
}

/// Neighbours on each side the probe reads (`PX_PROBE_WINDOW`; default 0, the token alone:
/// one neighbour each side scored the same on train cross-validation).
pub fn probe_window() -> usize {
    std::env::var("PX_PROBE_WINDOW")
        .ok()
        .and_then(|w| w.parse().ok())
        .unwrap_or(0)
}

/// `PX_STATE_LAYERS` and the probe's hidden units for cache names: `l` and the layers
/// (`l4-6`) when set, and `h` and the hidden units when not 0.
pub fn layers_tag() -> String {
    let layers = match std::env::var("PX_STATE_LAYERS") {
        Ok(l) if !l.is_empty() => format!("l{}", l.replace(',', "-")),
        _ => String::new(),
    };
    match probe_hidden() {
        0 => layers,
        h => format!("{layers}h{h}"),
    }
}

/// The honest logits of [`honest_logits`], kept next to the states file (one file per window
/// and epoch count) so cross-validation reruns skip the probe training.
pub fn cached_logits(docs: &[Doc], states: &Path, epochs: usize) -> Result<Logits, String> {
    let cache = states.with_extension(format!(
        "w{}e{epochs}{}.logits",
        probe_window(),
        layers_tag()
    ));
    let tokens: Vec<usize> = docs
        .iter()
        .map(|d| tokenize(&d.article.body).len())
        .collect();
    let expected = tokens.iter().sum::<usize>() * TARGETS * 4;
    if let Some(bytes) = std::fs::read(&cache).ok().filter(|b| b.len() == expected) {
        let mut floats = bytes
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]));
        let mut out: Logits = Vec::with_capacity(docs.len());
        for &n in &tokens {
            let rows: Vec<[f32; TARGETS]> = (0..n)
                .map(|_| std::array::from_fn(|_| floats.next().unwrap_or(0.0)))
                .collect();
            out.push(rows);
        }
        return Ok(out);
    }
    let logits = honest_logits(docs, &load(states)?.0, 5, epochs);
    let bytes: Vec<u8> = logits
        .iter()
        .flatten()
        .flatten()
        .flat_map(|v| v.to_le_bytes())
        .collect();
    std::fs::write(&cache, bytes).map_err(|e| format!("cannot write {}: {e}", cache.display()))?;
    Ok(logits)
}
