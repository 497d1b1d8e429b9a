//! `parallax-bench-polnear SPLIT_DIR [--out PRED_DIR] [--model FILE]`: runs the language and
//! quotes stages on a PolNeAR split, writes brat predictions, and prints precision, recall and
//! F1 for Source, Cue and Content (exact and overlap) beside the published figures, plus speed.
//! With `--model`, the learned tagger is scored too (and its predictions are written).
//!
//! `parallax-bench-polnear train TRAIN_DIR --model FILE [--epochs N] [--folds K]` trains that tagger from
//! the train split only, deterministically, on one CPU core.
//!
//! With the `candle` feature, `states SPLIT_DIR --minilm DIR --out FILE [--layers 2,3,4,6]`
//! caches MiniLM's token states (of the layers named, concatenated; default the last);
//! `train` and `cv` then take `--states FILE` (a probe over them feeds the tagger and the
//! rankers; `PX_STATE_LAYERS` picks some of the file's layers) and scoring such a model takes
//! `--minilm DIR` (the model file names the layers its probe reads).

mod brat;
mod cv;
mod eval;
mod filter;
mod score;
mod states;
mod train;

use brat::{parse_ann, parse_links, parse_pieces, Spans};
use eval::{evaluate, print_tables, run_eval};
use parallax_core::{Article, ArticleId, FieldSources};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// One annotated text.
pub struct Doc {
    /// Text name (file stem).
    pub stem: String,
    /// The text as an article without metadata.
    pub article: Article,
    /// Gold spans per label.
    pub gold: Spans,
    /// Gold pieces (label, start char, end char).
    pub pieces: Vec<(usize, usize, usize)>,
    /// Gold (cue, source) of each attribution, in characters.
    pub links: Vec<brat::Link>,
    /// Honest probe logits per token, which the tagger reads when set (see `states`).
    pub probe: Vec<[f32; parallax_quotes::tagger::probe::TARGETS]>,
}

fn article(name: &str, body: String) -> Article {
    Article {
        id: ArticleId::from_source_and_body(name, &body),
        source: name.to_string(),
        title: None,
        byline: None,
        outlet: None,
        published: None,
        credits: Vec::new(),
        language: Some("en".into()),
        body,
        field_sources: FieldSources::default(),
    }
}

fn read_dir_sorted(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    Ok(paths)
}

/// Reads a split; texts annotated by several people are scored against the first file.
pub fn load_split(split: &Path) -> Result<Vec<Doc>, String> {
    let texts = read_dir_sorted(&split.join("text"))?;
    let anns: Vec<String> = read_dir_sorted(&split.join("attributions"))?
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    let mut docs = Vec::new();
    for path in texts
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
    {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some(ann) = anns.iter().find(|a| {
            a.strip_prefix(stem.as_str())
                .and_then(|r| r.strip_prefix('_'))
                .and_then(|r| r.strip_suffix(".ann"))
                .is_some_and(|id| id.len() == 4)
        }) else {
            continue;
        };
        let body = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let ann_text = std::fs::read_to_string(split.join("attributions").join(ann))
            .map_err(|e| format!("cannot read {ann}: {e}"))?;
        docs.push(Doc {
            article: article(&stem, body),
            gold: parse_ann(&ann_text),
            pieces: parse_pieces(&ann_text),
            links: parse_links(&ann_text),
            probe: Vec::new(),
            stem,
        });
    }
    Ok(docs)
}

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let positional: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| !a.starts_with("--") && (*i == 0 || !args[i - 1].starts_with("--")))
        .map(|(_, a)| a)
        .collect();
    let result = if positional.first().is_some_and(|a| *a == "states") {
        match (positional.get(1), flag("--minilm"), flag("--out")) {
            (Some(dir), Some(minilm), Some(out)) => {
                let layers: Vec<usize> = flag("--layers")
                    .map(|l| l.split(',').filter_map(|x| x.trim().parse().ok()).collect())
                    .unwrap_or_default();
                load_split(Path::new(dir)).and_then(|docs| {
                    states::compute(&docs, Path::new(&minilm), Path::new(&out), &layers)
                })
            }
            _ => Err(
                "usage: parallax-bench-polnear states SPLIT_DIR --minilm MODEL_DIR --out FILE [--layers 4,6] (needs --features candle)"
                    .into(),
            ),
        }
    } else if positional.first().is_some_and(|a| *a == "cv") {
        match positional.get(1) {
            Some(dir) => {
                let epochs = flag("--epochs").and_then(|e| e.parse().ok()).unwrap_or(20);
                let folds = flag("--folds").and_then(|e| e.parse().ok()).unwrap_or(5);
                run_cv(
                    Path::new(dir),
                    flag("--cache").as_deref().map(Path::new),
                    flag("--states").as_deref().map(Path::new),
                    epochs,
                    folds,
                )
            }
            None => Err(
                "usage: parallax-bench-polnear cv TRAIN_DIR [--folds K] [--epochs N] [--cache FILE]"
                    .into(),
            ),
        }
    } else if positional.first().is_some_and(|a| *a == "train") {
        match (positional.get(1), flag("--model")) {
            (Some(dir), Some(model)) => {
                let epochs = flag("--epochs").and_then(|e| e.parse().ok()).unwrap_or(20);
                let folds = flag("--folds").and_then(|e| e.parse().ok()).unwrap_or(4);
                run_train(
                    Path::new(dir),
                    Path::new(&model),
                    epochs,
                    folds,
                    flag("--cache").as_deref().map(Path::new),
                    flag("--states").as_deref().map(Path::new),
                )
            }
            _ => Err(
                "usage: parallax-bench-polnear train TRAIN_DIR --model FILE [--epochs N] [--folds K] [--cache FILE] [--states FILE]".into(),
            ),
        }
    } else {
        let split = positional
            .first()
            .map(PathBuf::from)
            .unwrap_or_else(|| parallax_bench_common::shared_dir().join("data/polnear/data/dev"));
        run_eval(
            &split,
            flag("--out").as_deref().map(Path::new),
            flag("--model").as_deref().map(Path::new),
            flag("--minilm").as_deref().map(Path::new),
        )
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("polnear: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Trains the tagger on the whole split and the edge ranker on the tagger's honest
/// (cross-validated) attributions, which `cache` keeps when given.
fn run_train(
    dir: &Path,
    model_path: &Path,
    epochs: usize,
    folds: usize,
    cache: Option<&Path>,
    states: Option<&Path>,
) -> Result<(), String> {
    let mut docs = load_split(dir)?;
    let started = Instant::now();
    let (logits, probe) = match states {
        Some(path) => (states::cached_logits(&docs, path, probe_epochs())?, {
            let (all, layers) = states::load(path)?;
            Some(states::probe_on_all(&docs, &all, probe_epochs()).with_layers(layers))
        }),
        None => (Vec::new(), None),
    };
    let probe_in_tagger = probe.is_some() && probe_tagger();
    if probe_in_tagger {
        for (d, l) in docs.iter_mut().zip(&logits) {
            d.probe = l.clone();
        }
    }
    let cache = cache.map(|c| tags_cache(c, probe_in_tagger));
    let mut honest = honest_or_cached(&docs, cache.as_deref(), epochs, folds)?;
    let mut mode = DEFAULT_MODE.to_string();
    if probe.is_some() {
        honest.probe = logits;
        mode.push('p');
    }
    let which: Vec<usize> = (0..docs.len()).collect();
    let (ranker, sources, _) = cv::train_rankers(&docs, &honest, &which, &mode, rank_epochs());
    eprintln!("edge ranker and source chooser done");
    // The filter learns from the rankers' honest output: each text refined by rankers
    // trained on the other folds, as `cv` does.
    let refined = cv::refined_attributions(&docs, &honest, 5, rank_epochs(), &mode);
    let filter = filter::train_filter(&docs, &honest, &refined, &which, &mode, filter_epochs());
    eprintln!("content filter done");
    let all: Vec<&Doc> = docs.iter().collect();
    let stack = train::train(&all, epochs, folds.max(2));
    let model = parallax_quotes::tagger::Model {
        stack,
        ranker: Some(ranker),
        sources: Some(sources),
        probe,
        probe_in_tagger,
        filter: Some(filter),
    };
    let bytes = model.to_bytes();
    std::fs::write(model_path, &bytes)
        .map_err(|e| format!("cannot write {}: {e}", model_path.display()))?;
    println!(
        "trained on {} texts, {epochs} epochs, in {:.1} s; model {} ({:.1} MB)",
        docs.len(),
        started.elapsed().as_secs_f64(),
        model_path.display(),
        bytes.len() as f64 / 1e6
    );
    Ok(())
}

/// What the rankers do, as letters: `s` choose sources, `f` fill missing contents, `e`
/// re-place content and source edges, `c` cue edges too, `x` read the tagger's scores, `t`
/// its tags, `p` the MiniLM probe's logits (added when there are `--states`), `o` train the
/// edges on the chooser's output (no gain on train CV); `cv` takes another set from
/// `PX_REFINE`.
const DEFAULT_MODE: &str = "sextc";

/// Whether the tagger reads the probe's logits too, when there are states (the default;
/// `PX_PROBE_TAGGER=0` turns it off).
fn probe_tagger() -> bool {
    std::env::var("PX_PROBE_TAGGER").map_or(true, |v| v != "0")
}

/// The tags cache for a tagger with or without probe features: the same file, or one named
/// after the probe's window, epochs and layers beside it.
fn tags_cache(cache: &Path, probe_in_tagger: bool) -> PathBuf {
    if probe_in_tagger {
        cache.with_extension(format!(
            "probe-w{}e{}{}.txt",
            states::probe_window(),
            probe_epochs(),
            states::layers_tag()
        ))
    } else {
        cache.to_path_buf()
    }
}

/// Passes of the probe over the states.
fn probe_epochs() -> usize {
    std::env::var("PX_PROBE_EPOCHS")
        .ok()
        .and_then(|e| e.parse().ok())
        .unwrap_or(3)
}

/// Passes of the content filter over its training lists (`PX_FILTER_EPOCHS`; default those
/// of the rankers).
fn filter_epochs() -> usize {
    std::env::var("PX_FILTER_EPOCHS")
        .ok()
        .and_then(|e| e.parse().ok())
        .unwrap_or_else(rank_epochs)
}

/// Passes of the edge ranker over its training lists.
fn rank_epochs() -> usize {
    std::env::var("PX_RANK_EPOCHS")
        .ok()
        .and_then(|e| e.parse().ok())
        .unwrap_or(4)
}

/// The tagger's honest attributions on `docs` (tags from [`cv::honest_tags`], five outer
/// folds), read from `cache` when it exists and written there otherwise.
fn honest_or_cached(
    docs: &[Doc],
    cache: Option<&Path>,
    epochs: usize,
    inner_folds: usize,
) -> Result<cv::Honest, String> {
    let tagged = match cache.filter(|c| c.exists()) {
        Some(c) => cv::load(c, docs.len())?,
        None => {
            let t = cv::honest_tags(docs, epochs, inner_folds.max(2), 5);
            if let Some(c) = cache {
                cv::save(c, &t)?;
            }
            t
        }
    };
    Ok(cv::Honest {
        attributions: cv::attributions_of(docs, &tagged.0),
        tags: tagged.0,
        scores: tagged.1,
        probe: Vec::new(),
    })
}

/// Honest (cross-validated) tagger attributions on a split, scored beside the rules; cached
/// in `cache` when given (a cache that exists is read instead of retraining).
fn run_cv(
    dir: &Path,
    cache: Option<&Path>,
    states: Option<&Path>,
    epochs: usize,
    folds: usize,
) -> Result<(), String> {
    let mut docs = load_split(dir)?;
    let started = Instant::now();
    let logits = match states {
        Some(path) => states::cached_logits(&docs, path, probe_epochs())?,
        None => Vec::new(),
    };
    let probe_in_tagger = !logits.is_empty() && probe_tagger();
    if probe_in_tagger {
        for (d, l) in docs.iter_mut().zip(&logits) {
            d.probe = l.clone();
        }
    }
    let cache = cache.map(|c| tags_cache(c, probe_in_tagger));
    let cache = cache.as_deref();
    let mut honest = honest_or_cached(&docs, cache, epochs, 4)?;
    honest.probe = logits;
    eprintln!("probe and tags in {:.1} s", started.elapsed().as_secs_f64());
    eprintln!(
        "honest attributions in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let by_name: std::collections::HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.stem.as_str(), i))
        .collect();
    let lookup = |a: &Article| {
        by_name
            .get(a.source.as_str())
            .map(|&i| honest.attributions[i].clone())
            .unwrap_or_default()
    };
    let rules = evaluate(&docs, None, &|a| {
        let m = parallax_language::analyze(a);
        parallax_quotes::attributions(a, &m)
    })?;
    let mut tagged = evaluate(&docs, None, &lookup)?;
    tagged.timed = false;
    // With states the rankers read the probe too, as `train` does.
    let with_probe = if honest.probe.is_empty() { "" } else { "p" };
    let mode = std::env::var("PX_REFINE").unwrap_or_else(|_| format!("{DEFAULT_MODE}{with_probe}"));
    let both = cv::refined_attributions(&docs, &honest, folds.max(2), rank_epochs(), &mode);
    let refined = &both.0;
    if let Some(c) = cache {
        cv::save_attributions(&c.with_extension("refined.tsv"), refined)?;
    }
    let lookup = |a: &Article| {
        by_name
            .get(a.source.as_str())
            .map(|&i| refined[i].clone())
            .unwrap_or_default()
    };
    eprintln!(
        "lone tagged sources (count, exact gold): {:?}",
        cv::lone_sources(&docs, &honest, refined)
    );
    let mut ranked = evaluate(&docs, None, &lookup)?;
    ranked.timed = false;
    let mut rows = vec![
        ("parallax rules (default)".to_string(), rules),
        ("parallax tagger, held-out folds".to_string(), tagged),
        ("tagger + rankers, held-out folds".to_string(), ranked),
    ];
    // The content filter at each bias `PX_DROP_BIAS` names (comma-separated; default the
    // shipped one), trained on the other folds' refined contents.
    let biases: Vec<f32> = std::env::var("PX_DROP_BIAS")
        .ok()
        .map(|b| b.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![parallax_quotes::tagger::filter::DROP_BIAS]);
    for bias in biases {
        let kept = filter::filtered(
            &docs,
            &honest,
            &both,
            folds.max(2),
            filter_epochs(),
            &mode,
            bias,
        );
        let lookup = |a: &Article| {
            by_name
                .get(a.source.as_str())
                .map(|&i| kept[i].clone())
                .unwrap_or_default()
        };
        let mut scored = evaluate(&docs, None, &lookup)?;
        scored.timed = false;
        rows.push((format!("+ content filter, bias {bias}"), scored));
    }
    print_tables(
        &format!("{} ({folds}-fold cross-validation)", dir.display()),
        &docs,
        &rows,
    );
    Ok(())
}
