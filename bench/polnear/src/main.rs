//! `parallax-bench-polnear SPLIT_DIR [--out PRED_DIR] [--model FILE]`: runs the language and
//! quotes stages on a PolNeAR split, writes brat predictions, and prints precision, recall and
//! F1 for Source, Cue and Content (exact and overlap) beside the published figures, plus speed.
//! With `--model`, the learned tagger is scored too (and its predictions are written).
//!
//! `parallax-bench-polnear train TRAIN_DIR --model FILE [--epochs N] [--folds K]` trains that tagger from
//! the train split only, deterministically, on one CPU core.
//!
//! With the `candle` feature, `states SPLIT_DIR --minilm DIR --out FILE` caches MiniLM's token
//! states; `train` and `cv` then take `--states FILE` (a probe over them feeds the tagger and
//! the rankers) and scoring such a model takes `--minilm DIR`.

mod brat;
mod cv;
mod score;
mod states;
mod train;

use brat::{parse_ann, parse_links, parse_pieces, write_ann, Predicted, Spans, LABELS};
use parallax_bench_common::{f3, Table};
use parallax_core::{Article, ArticleId, CharIndex, FieldSources};
use parallax_quotes::tagger::Model;
use parallax_quotes::Attribution;
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
            (Some(dir), Some(minilm), Some(out)) => load_split(Path::new(dir))
                .and_then(|docs| states::compute(&docs, Path::new(&minilm), Path::new(&out))),
            _ => Err(
                "usage: parallax-bench-polnear states SPLIT_DIR --minilm MODEL_DIR --out FILE (needs --features candle)"
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
        Some(path) => (
            states::cached_logits(&docs, path, probe_epochs())?,
            Some(states::probe_on_all(
                &docs,
                &states::load(path)?,
                probe_epochs(),
            )),
        ),
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
    let all: Vec<&Doc> = docs.iter().collect();
    let stack = train::train(&all, epochs, folds.max(2));
    let model = parallax_quotes::tagger::Model {
        stack,
        ranker: Some(ranker),
        sources: Some(sources),
        probe,
        probe_in_tagger,
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
/// after the probe's window and epochs beside it.
fn tags_cache(cache: &Path, probe_in_tagger: bool) -> PathBuf {
    if probe_in_tagger {
        cache.with_extension(format!(
            "probe-w{}e{}.txt",
            states::probe_window(),
            probe_epochs()
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
    let refined = cv::refined_attributions(&docs, &honest, folds.max(2), rank_epochs(), &mode);
    if let Some(c) = cache {
        cv::save_attributions(&c.with_extension("refined.tsv"), &refined)?;
    }
    let lookup = |a: &Article| {
        by_name
            .get(a.source.as_str())
            .map(|&i| refined[i].clone())
            .unwrap_or_default()
    };
    eprintln!(
        "lone tagged sources (count, exact gold): {:?}",
        cv::lone_sources(&docs, &honest, &refined)
    );
    let mut ranked = evaluate(&docs, None, &lookup)?;
    ranked.timed = false;
    print_tables(
        &format!("{} ({folds}-fold cross-validation)", dir.display()),
        &docs,
        &[
            ("parallax rules (default)", rules),
            ("parallax tagger, held-out folds", tagged),
            ("tagger + rankers, held-out folds", ranked),
        ],
    );
    Ok(())
}

/// Scores of one system over a split, and its time.
struct Run {
    counts: score::Counts,
    seconds: f64,
    /// False when the system's output was computed earlier (cross-validation), so its time
    /// says nothing.
    timed: bool,
}

fn evaluate(
    docs: &[Doc],
    out_dir: Option<&Path>,
    find: &dyn Fn(&Article) -> Vec<Attribution>,
) -> Result<Run, String> {
    let mut counts = score::Counts::default();
    let mut seconds = 0.0;
    for d in docs {
        let started = Instant::now();
        let found = find(&d.article);
        seconds += started.elapsed().as_secs_f64();
        let index = CharIndex::new(&d.article.body);
        let ch = |(s, e): (usize, usize)| {
            let span = index.span_of_bytes(s, e);
            (span.start() as usize, span.end() as usize)
        };
        let predicted: Vec<Predicted> = found
            .iter()
            .map(|f| Predicted {
                source: f.source.map(ch),
                cue: f.cue.map(ch),
                content: f.parts.iter().map(|&p| ch(p)).collect(),
            })
            .collect();
        let mut pred = Spans::default();
        for p in &predicted {
            if let Some(s) = p.source {
                pred.by_label[0].insert(s);
            }
            if let Some(c) = p.cue {
                pred.by_label[1].insert(c);
            }
            if let (Some(f), Some(l)) = (p.content.first(), p.content.last()) {
                pred.by_label[2].insert((f.0, l.1));
            }
        }
        counts.add(&d.gold, &pred);
        if let Some(dir) = out_dir {
            let file = dir.join(format!("{}.ann", d.stem));
            std::fs::write(&file, write_ann(&d.article.body, &predicted))
                .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
        }
    }
    Ok(Run {
        counts,
        seconds,
        timed: true,
    })
}

fn run_eval(
    split: &Path,
    out_dir: Option<&Path>,
    model_path: Option<&Path>,
    minilm: Option<&Path>,
) -> Result<(), String> {
    let docs = load_split(split)?;
    if let Some(dir) = out_dir {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let model = match model_path {
        Some(p) => Some(Model::load(p).map_err(|e| e.to_string())?),
        None => None,
    };
    let rules_out = if model.is_some() { None } else { out_dir };
    let rules = evaluate(&docs, rules_out, &|a| {
        let m = parallax_language::analyze(a);
        parallax_quotes::attributions(a, &m)
    })?;
    let mut systems = vec![("parallax rules (default)".to_string(), rules)];
    if let Some(model) = &model {
        let has_ranker = model.ranker.is_some() || model.sources.is_some();
        // MiniLM states for every text, computed once; their time counts for both learned
        // systems that read them.
        let (states, encode_seconds) = match (&model.probe, minilm) {
            (Some(_), Some(dir)) => {
                let encoder = states::Encoder::load(dir)?;
                let started = Instant::now();
                let mut all = std::collections::HashMap::new();
                for d in &docs {
                    let m = parallax_language::analyze(&d.article);
                    all.insert(d.stem.clone(), encoder.states(&d.article, &m)?);
                }
                (Some(all), started.elapsed().as_secs_f64())
            }
            (Some(_), None) => {
                return Err("the model has a MiniLM probe: give --minilm MODEL_DIR".into())
            }
            _ => (None, 0.0),
        };
        let states_of = |a: &Article| states.as_ref().and_then(|s| s.get(&a.source));
        let mut tagged = evaluate(&docs, (!has_ranker).then_some(out_dir).flatten(), &|a| {
            let m = parallax_language::analyze(a);
            model.tagger_attributions(a, &m, states_of(a))
        })?;
        tagged.seconds += encode_seconds;
        let with = if states.is_some() { " + MiniLM" } else { "" };
        systems.push((format!("parallax tagger{with}, tagged edges"), tagged));
        if has_ranker {
            let mut ranked = evaluate(&docs, out_dir, &|a| {
                let m = parallax_language::analyze(a);
                model.attributions_with_states(a, &m, states_of(a))
            })?;
            ranked.seconds += encode_seconds;
            systems.push((format!("parallax tagger{with} + rankers"), ranked));
        }
    }
    print_tables(&split.display().to_string(), &docs, &systems);
    Ok(())
}

fn print_tables<S: AsRef<str>>(split: &str, docs: &[Doc], systems: &[(S, Run)]) {
    let bytes: usize = docs.iter().map(|d| d.article.body.len()).sum();
    println!(
        "PolNeAR {split} ({} texts), exact and overlap span scores\n",
        docs.len()
    );
    let mut table = Table::new(&[
        "system",
        "label",
        "P exact",
        "R exact",
        "F1 exact",
        "P overlap",
        "R overlap",
        "F1 overlap",
    ]);
    for (name, run) in systems {
        for (l, label) in LABELS.iter().enumerate() {
            let e = run.counts.exact[l].prf();
            let o = run.counts.overlap[l].prf();
            table.row(vec![
                name.as_ref().to_string(),
                label.to_string(),
                f3(e.0),
                f3(e.1),
                f3(e.2),
                f3(o.0),
                f3(o.1),
                f3(o.2),
            ]);
        }
    }
    println!("{}", table.render());
    let mut peers = Table::new(&["system (exact F1)", "Source", "Cue", "Content"]);
    for (name, run) in systems {
        let f: Vec<String> = (0..3).map(|l| f3(run.counts.exact[l].prf().2)).collect();
        peers.row(vec![
            format!("{}, this split", name.as_ref()),
            f[0].clone(),
            f[1].clone(),
            f[2].clone(),
        ]);
    }
    for (name, s, c, t) in [
        ("CoreNLP (published, test)", "0.139", "-", "0.175"),
        ("BiLSTM-CRF (published, test)", "0.696", "0.667", "0.590"),
        ("BERT+CofeNet (published, test)", "0.832", "0.753", "0.729"),
        (
            "linear-chain CRF (measured here, dev)",
            "0.705",
            "0.659",
            "0.509",
        ),
        (
            "quote-and-verb rule (measured here, dev)",
            "0.22",
            "0.29",
            "0.15",
        ),
    ] {
        peers.row(vec![name.into(), s.into(), c.into(), t.into()]);
    }
    println!("{}", peers.render());
    let mb = bytes as f64 / 1e6;
    let mut speed = Table::new(&["system", "MB", "seconds", "MB/s per core"]);
    for (name, run) in systems.iter().filter(|s| s.1.timed) {
        let rate = mb / run.seconds.max(1e-9);
        speed.row(vec![
            name.as_ref().to_string(),
            format!("{mb:.2}"),
            format!("{:.3}", run.seconds),
            if rate < 0.1 {
                format!("{rate:.4}")
            } else {
                format!("{rate:.2}")
            },
        ]);
    }
    println!(
        "speed of language + quotes on one core (goal: 5 MB/s per core on the default path)\n{}",
        speed.render()
    );
}
