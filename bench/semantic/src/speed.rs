//! Embedding speed on a fixed number of threads (a child process per setting, since
//! candle and rayon read `RAYON_NUM_THREADS` once), and checks of the vectors.

use crate::data;
use parallax_bench_common::shared_dir;
use parallax_embed::{cosine, Embedder};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// Texts per second: (title + lead paragraphs, titles alone).
#[derive(Clone, Copy, Debug)]
pub struct Speed {
    /// Title and first three paragraphs, cut at 256 tokens: what clustering embeds.
    pub leads_per_s: f64,
    /// Headlines alone: short single sentences.
    pub titles_per_s: f64,
}

/// Runs this binary as a speed worker on `threads` threads.
pub fn measure(model: &Path, threads: usize) -> Result<Speed, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let out = Command::new(exe)
        .arg("--model")
        .arg(model)
        .arg("--speed-worker")
        .arg(threads.to_string())
        .env("RAYON_NUM_THREADS", threads.to_string())
        .output()
        .map_err(|e| format!("cannot run speed worker: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        return Err(format!(
            "speed worker failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let field = |name: &str| -> Result<f64, String> {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().parse().ok())
            .ok_or_else(|| format!("speed worker printed no {name}: {text}"))
    };
    Ok(Speed {
        leads_per_s: field("leads")?,
        titles_per_s: field("titles")?,
    })
}

/// The child side of [`measure`]: embeds 256 leads and all titles, prints the rates.
pub fn worker(embedder: &Embedder, threads: usize) -> Result<(), String> {
    let (articles, _) = data::read(&shared_dir().join("data/stories-dev"))?;
    let leads: Vec<String> = articles.iter().take(256).map(data::lead_text).collect();
    let titles: Vec<&str> = articles.iter().filter_map(|a| a.title.as_deref()).collect();
    let lead_refs: Vec<&str> = leads.iter().map(String::as_str).collect();
    let rate = |texts: &[&str]| -> Result<f64, String> {
        embedder
            .embed(&texts[..8.min(texts.len())])
            .map_err(|e| e.to_string())?;
        let start = Instant::now();
        embedder.embed(texts).map_err(|e| e.to_string())?;
        Ok(texts.len() as f64 / start.elapsed().as_secs_f64())
    };
    println!("threads {threads}");
    println!("leads {:.1}", rate(&lead_refs)?);
    println!("titles {:.1}", rate(&titles)?);
    Ok(())
}

/// Paraphrase pairs and unrelated pairs, written for this bench.
const PAIRS: &[(&str, &str, bool)] = &[
    (
        "The mayor resigned after the budget vote.",
        "Following the vote on the budget, the mayor stepped down.",
        true,
    ),
    (
        "Floods closed the main road into the valley.",
        "The valley's main road was shut by flooding.",
        true,
    ),
    (
        "The striker scored twice in the final.",
        "Two goals from the forward decided the final.",
        true,
    ),
    (
        "The mayor resigned after the budget vote.",
        "Two goals from the forward decided the final.",
        false,
    ),
    (
        "Floods closed the main road into the valley.",
        "The central bank raised interest rates again.",
        false,
    ),
    (
        "The striker scored twice in the final.",
        "A new vaccine trial begins in the spring.",
        false,
    ),
];

/// Cosines of paraphrases and of unrelated pairs: a sanity check that the weights loaded.
pub fn paraphrase_check(embedder: &Embedder) -> Result<(f32, f32), String> {
    let (mut same, mut other) = (Vec::new(), Vec::new());
    for &(a, b, paraphrase) in PAIRS {
        let v = embedder.embed(&[a, b]).map_err(|e| e.to_string())?;
        let c = cosine(&v[0], &v[1]);
        if paraphrase {
            same.push(c)
        } else {
            other.push(c)
        }
    }
    let mean = |v: &[f32]| v.iter().sum::<f32>() / v.len() as f32;
    Ok((mean(&same), mean(&other)))
}

/// Compares with vectors from sentence-transformers (`reference.py`): prints the largest
/// absolute difference in any coordinate and the lowest cosine between the two.
pub fn compare_reference(embedder: &Embedder, file: &Path) -> Result<(), String> {
    #[derive(serde::Deserialize)]
    struct Reference {
        texts: Vec<String>,
        vectors: Vec<Vec<f32>>,
    }
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let reference: Reference =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
    let refs: Vec<&str> = reference.texts.iter().map(String::as_str).collect();
    let ours = embedder.embed(&refs).map_err(|e| e.to_string())?;
    let (mut max_diff, mut min_cos) = (0f32, 1f32);
    for (a, b) in ours.iter().zip(&reference.vectors) {
        for (x, y) in a.iter().zip(b) {
            max_diff = max_diff.max((x - y).abs());
        }
        min_cos = min_cos.min(cosine(a, b));
    }
    println!(
        "Against sentence-transformers on {} texts: max |diff| {max_diff:.2e}, min cosine {min_cos:.6}\n",
        ours.len()
    );
    Ok(())
}
