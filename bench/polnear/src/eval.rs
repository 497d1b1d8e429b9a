//! Scoring systems on a split: each system's predictions (written as brat files when asked),
//! exact and overlap P/R/F1 per label, the comparison with published figures, and speed.

use crate::brat::{write_ann, Predicted, Spans, LABELS};
use crate::{load_split, score, states, Doc};
use parallax_bench_common::{f3, Table};
use parallax_core::{Article, CharIndex};
use parallax_quotes::tagger::Model;
use parallax_quotes::Attribution;
use std::path::Path;
use std::time::Instant;

/// Scores of one system over a split, and its time.
pub(crate) struct Run {
    pub(crate) counts: score::Counts,
    pub(crate) seconds: f64,
    /// False when the system's output was computed earlier (cross-validation), so its time
    /// says nothing.
    pub(crate) timed: bool,
}

/// Runs `system` on every text of `docs`, writes its brat files to `out` when given, and
/// counts exact and overlap matches per label.
pub(crate) fn evaluate(
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

/// Scores the rules, and the model when given, on a split, and prints the tables.
pub(crate) fn run_eval(
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
            (Some(probe), Some(dir)) => {
                let encoder = states::Encoder::load(dir)?;
                let started = Instant::now();
                let mut all = std::collections::HashMap::new();
                for d in &docs {
                    let m = parallax_language::analyze(&d.article);
                    all.insert(
                        d.stem.clone(),
                        encoder.states(&d.article, &m, probe.layers())?,
                    );
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
        // The same model without its content filter, to show what the filter adds.
        let unfiltered = model
            .filter
            .is_some()
            .then(|| Model::from_bytes(&model.to_bytes()))
            .flatten()
            .map(|mut m| {
                m.filter = None;
                m
            });
        if let Some(plain) = &unfiltered {
            let mut run = evaluate(&docs, None, &|a| {
                let m = parallax_language::analyze(a);
                plain.attributions_with_states(a, &m, states_of(a))
            })?;
            run.seconds += encode_seconds;
            systems.push((format!("parallax tagger{with} + rankers, no filter"), run));
        }
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

/// Prints the per-label scores, the comparison with published figures and the speeds.
pub(crate) fn print_tables<S: AsRef<str>>(split: &str, docs: &[Doc], systems: &[(S, Run)]) {
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
