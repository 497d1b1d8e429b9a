//! Contextual token states from MiniLM (`parallax-embed`, feature `candle`) for every text of
//! a split, cached on disk (8-bit, one scale per token), and the honest probe logits the
//! rankers read: per text, from a [`Probe`] trained on the other folds.

use crate::Doc;
use parallax_core::CharIndex;
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

    /// The states of every token of [`tokenize`]`(&article.body)`.
    pub fn states(
        &self,
        article: &parallax_core::Article,
        mentions: &parallax_core::Mentions,
    ) -> Result<TokenStates, String> {
        self.0
            .token_states(article, mentions)
            .map_err(|e| e.to_string())
    }
}

/// Runs MiniLM from `model_dir` over every text of `docs` and writes the states to `out`.
pub fn compute(docs: &[Doc], model_dir: &Path, out: &Path) -> Result<(), String> {
    let encoder = Encoder::load(model_dir)?;
    let started = std::time::Instant::now();
    let mut all = Vec::with_capacity(docs.len());
    for (i, d) in docs.iter().enumerate() {
        let m = parallax_language::analyze(&d.article);
        all.push(encoder.states(&d.article, &m)?);
        if i % 100 == 99 {
            eprintln!(
                "states: {} of {} texts, {:.0} s",
                i + 1,
                docs.len(),
                started.elapsed().as_secs_f64()
            );
        }
    }
    save(out, &all)
}

/// Writes states: `PXST1`, the width, the number of texts, then per text its token count and
/// per token a scale (f32) and the row in signed bytes.
pub fn save(path: &Path, all: &[TokenStates]) -> Result<(), String> {
    let dim = all.first().map_or(0, |s| s.dim);
    let mut out = b"PXST1".to_vec();
    out.extend_from_slice(&(dim as u32).to_le_bytes());
    out.extend_from_slice(&(all.len() as u32).to_le_bytes());
    for s in all {
        out.extend_from_slice(&(s.len() as u32).to_le_bytes());
        for k in 0..s.len() {
            let row = s.row(k);
            let top = row.iter().fold(0.0f32, |m, v| m.max(v.abs()));
            let scale = if top > 0.0 { top / 127.0 } else { 1.0 };
            out.extend_from_slice(&scale.to_le_bytes());
            out.extend(row.iter().map(|v| (v / scale).round() as i8 as u8));
        }
    }
    std::fs::write(path, out).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Reads what [`save`] wrote.
pub fn load(path: &Path) -> Result<Vec<TokenStates>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let bad = || format!("{} is not a states file", path.display());
    let rest = bytes.strip_prefix(b"PXST1").ok_or_else(bad)?;
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
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let tokens = u32_at(at)?;
        at += 4;
        let mut rows = Vec::with_capacity(tokens * dim);
        for _ in 0..tokens {
            let scale = f32::from_le_bytes(
                rest.get(at..at + 4)
                    .ok_or_else(bad)?
                    .try_into()
                    .map_err(|_| bad())?,
            );
            let row = rest.get(at + 4..at + 4 + dim).ok_or_else(bad)?;
            rows.extend(row.iter().map(|&b| f32::from(b as i8) * scale));
            at += 4 + dim;
        }
        out.push(TokenStates { dim, rows });
    }
    Ok(out)
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
    train_probe(&examples, dim, probe_window(), epochs)
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
        let probe = train_probe(
            &examples(&|i| i % folds != fold),
            dim,
            probe_window(),
            epochs,
        );
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

/// The honest logits of [`honest_logits`], kept next to the states file (one file per window
/// and epoch count) so cross-validation reruns skip the probe training.
pub fn cached_logits(docs: &[Doc], states: &Path, epochs: usize) -> Result<Logits, String> {
    let cache = states.with_extension(format!("w{}e{epochs}.logits", probe_window()));
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
    let logits = honest_logits(docs, &load(states)?, 5, epochs);
    let bytes: Vec<u8> = logits
        .iter()
        .flatten()
        .flatten()
        .flat_map(|v| v.to_le_bytes())
        .collect();
    std::fs::write(&cache, bytes).map_err(|e| format!("cannot write {}: {e}", cache.display()))?;
    Ok(logits)
}
