//! Shared parts of the AEB benches: loading the pages and ground truth, and the scorer.
//!
//! The scorer is the benchmark's own: `\w+` tokens, 4-token shingles counted as a
//! multiset, per-document true/false positives normalised to sum to one, precision and
//! recall averaged over documents, F1 the harmonic mean of the two averages.

use serde_json::Value;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One benchmark page.
pub struct Page {
    /// The page's key in `ground-truth.json`.
    pub key: String,
    /// The page URL.
    pub url: Option<String>,
    /// The raw HTML bytes.
    pub html: Vec<u8>,
    /// The expected article body.
    pub truth: String,
}

/// The benchmark folder.
pub fn aeb_dir() -> PathBuf {
    parallax_bench_common::shared_dir().join("data/aeb")
}

/// Loads every page with its ground truth, sorted by key.
pub fn load_pages(dir: &Path) -> Result<Vec<Page>, String> {
    let truth = load_json(&dir.join("ground-truth.json"))?;
    let Value::Object(map) = truth else {
        return Err("ground-truth.json is not an object".into());
    };
    let mut pages = Vec::new();
    for (key, entry) in map {
        let path = dir.join("html").join(format!("{key}.html.gz"));
        let raw = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut html = Vec::new();
        flate2::read::MultiGzDecoder::new(&raw[..])
            .read_to_end(&mut html)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        pages.push(Page {
            url: entry.get("url").and_then(Value::as_str).map(str::to_owned),
            truth: body_of(&entry),
            key,
            html,
        });
    }
    pages.sort_by(|a, b| a.key.cmp(&b.key));
    Ok(pages)
}

/// Reads a JSON file.
pub fn load_json(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The `articleBody` of one entry, empty when missing.
pub fn body_of(entry: &Value) -> String {
    entry
        .get("articleBody")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_owned()
}

/// A peer's predictions from `output/<name>.json`, by key.
pub fn load_peer(dir: &Path, name: &str) -> Result<HashMap<String, String>, String> {
    let mut value = load_json(&dir.join("output").join(format!("{name}.json")))?;
    // Some peer files wrap their predictions in {"output": {...}}.
    if let Some(inner) = value.get_mut("output").map(Value::take) {
        value = inner;
    }
    let Value::Object(map) = value else {
        return Err(format!("{name}.json is not an object"));
    };
    Ok(map.into_iter().map(|(k, v)| (k, body_of(&v))).collect())
}

fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let word = c.is_alphanumeric() || c == '_' || is_mark(c);
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// Python's `\w` also matches combining marks.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0E31..=0x0E3A | 0x0E47..=0x0E4E)
}

fn shingles(text: &str) -> HashMap<Vec<&str>, f64> {
    let toks = tokens(text);
    let mut out = HashMap::new();
    let n = 4;
    let last = toks.len().saturating_sub(n) + 1;
    for i in 0..last.max(1) {
        let shingle: Vec<&str> = toks.iter().skip(i).take(n).copied().collect();
        if !shingle.is_empty() {
            *out.entry(shingle).or_insert(0.0) += 1.0;
        }
    }
    out
}

/// Normalised (tp, fp, fn) of one prediction against its truth.
pub fn match_counts(truth: &str, predicted: &str) -> (f64, f64, f64) {
    let t = shingles(truth);
    let p = shingles(predicted);
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (k, &tc) in &t {
        let pc = p.get(k).copied().unwrap_or(0.0);
        tp += tc.min(pc);
        fn_ += (tc - pc).max(0.0);
    }
    for (k, &pc) in &p {
        let tc = t.get(k).copied().unwrap_or(0.0);
        fp += (pc - tc).max(0.0);
    }
    let s = tp + fp + fn_;
    if s > 0.0 {
        (tp / s, fp / s, fn_ / s)
    } else {
        (0.0, 0.0, 0.0)
    }
}

/// Scores of one system over the benchmark.
#[derive(Clone, Copy, Debug)]
pub struct Scores {
    /// Harmonic mean of mean precision and mean recall.
    pub f1: f64,
    /// Mean precision over documents.
    pub precision: f64,
    /// Mean recall over documents.
    pub recall: f64,
    /// Share of documents whose shingles match exactly.
    pub accuracy: f64,
}

/// Scores predictions given in the same order as `truths`.
pub fn score<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Scores {
    let (mut ps, mut rs, mut exact, mut n) = (Vec::new(), Vec::new(), 0usize, 0usize);
    for (truth, predicted) in pairs {
        n += 1;
        let (tp, fp, fn_) = match_counts(truth, predicted);
        if fp == 0.0 && fn_ == 0.0 {
            exact += 1;
        }
        if tp + fp > 0.0 {
            ps.push(if fp == 0.0 && fn_ == 0.0 {
                1.0
            } else {
                tp / (tp + fp)
            });
        }
        if tp + fn_ > 0.0 {
            rs.push(if fp == 0.0 && fn_ == 0.0 {
                1.0
            } else {
                tp / (tp + fn_)
            });
        }
    }
    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let (precision, recall) = (mean(&ps), mean(&rs));
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Scores {
        f1,
        precision,
        recall,
        accuracy: if n == 0 { 0.0 } else { exact as f64 / n as f64 },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_match_exactly() {
        let s = score([("one two three four five", "one two, three four five")].into_iter());
        assert_eq!((s.f1, s.accuracy), (1.0, 1.0));
    }

    #[test]
    fn extra_text_costs_precision_only() {
        let (tp, fp, fn_) = match_counts("a b c d e", "a b c d e f");
        assert_eq!(fn_, 0.0);
        assert!(tp > fp && fp > 0.0);
    }
}
