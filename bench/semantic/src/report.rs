//! Runs every system on the whole stream and on its halves, and prints the table.

use crate::cluster::{self, Features};
use crate::score::{bcubed, BCubed};
use crate::{data, merge, speed};
use parallax_bench_common::{f3, Table};
use parallax_core::Article;
use parallax_embed::Embedder;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

/// A stretch of the stream clustered on its own.
struct Stream<'a> {
    articles: &'a [Article],
    gold: &'a [String],
    features: Vec<Features>,
    vocab: usize,
    feature_secs: f64,
}

impl<'a> Stream<'a> {
    fn new(articles: &'a [Article], gold: &'a [String], embeddings: Option<&[Vec<f32>]>) -> Self {
        let start = Instant::now();
        let (features, vocab) = cluster::features(articles, embeddings);
        Stream {
            articles,
            gold,
            features,
            vocab,
            feature_secs: start.elapsed().as_secs_f64(),
        }
    }

    /// BCubed at every threshold from 0.05 to 0.95 in steps of 0.01.
    fn sweep(&self, tfidf_weight: f32) -> Vec<(f32, BCubed)> {
        (5..=95)
            .into_par_iter()
            .map(|t| {
                let threshold = t as f32 / 100.0;
                let labels =
                    cluster::single_pass(&self.features, self.vocab, tfidf_weight, threshold);
                (threshold, bcubed(&labels, self.gold))
            })
            .collect()
    }
}

fn best(sweep: &[(f32, BCubed)]) -> (f32, BCubed) {
    *sweep
        .iter()
        .max_by(|a, b| a.1.f1.total_cmp(&b.1.f1))
        .expect("the sweep has thresholds")
}

fn at(sweep: &[(f32, BCubed)], threshold: f32) -> BCubed {
    sweep
        .iter()
        .find(|(t, _)| *t == threshold)
        .map(|(_, s)| *s)
        .expect("both halves are swept over the same thresholds")
}

/// Clusters, scores and prints.
pub fn run(
    articles: &[Article],
    events: &[String],
    embedder: Option<&Embedder>,
    model: Option<&Path>,
) -> Result<(), String> {
    let half = articles.len() / 2;
    let (embeddings, embed_secs) = match embedder {
        Some(e) => {
            let leads: Vec<String> = articles.iter().map(data::lead_text).collect();
            let refs: Vec<&str> = leads.iter().map(String::as_str).collect();
            let start = Instant::now();
            let v = e.embed(&refs).map_err(|e| e.to_string())?;
            (Some(v), start.elapsed().as_secs_f64())
        }
        None => (None, 0.0),
    };
    let emb = |r: std::ops::Range<usize>| embeddings.as_deref().map(|e| &e[r]);
    let n = articles.len();
    let full = Stream::new(articles, events, emb(0..n));
    let first = Stream::new(&articles[..half], &events[..half], emb(0..half));
    let second = Stream::new(&articles[half..], &events[half..], emb(half..n));

    let speeds = match model {
        Some(dir) => Some((speed::measure(dir, 1)?, speed::measure(dir, 2)?)),
        None => None,
    };
    let mut table = Table::new(&[
        "system",
        "thr",
        "P",
        "R",
        "F1",
        "clusters",
        "thr(1st)",
        "2nd P",
        "2nd R",
        "2nd F1",
        "2nd clusters",
        "2nd F1 self-tuned",
        "articles/s",
        "emb/s 1t",
        "emb/s 2t",
    ]);
    let systems: [(&str, f32); 3] = [
        ("(a) single-pass TF-IDF", 1.0),
        ("(b) single-pass MiniLM", 0.0),
        ("(c) single-pass 0.5 TF-IDF + 0.5 MiniLM", 0.5),
    ];
    for (name, weight) in systems {
        let uses_model = weight < 1.0;
        if uses_model && embeddings.is_none() {
            continue;
        }
        let (threshold, scores) = best(&full.sweep(weight));
        let (tuned_first, _) = best(&first.sweep(weight));
        let second_sweep = second.sweep(weight);
        let held_out = at(&second_sweep, tuned_first);
        let (_, self_tuned) = best(&second_sweep);
        let start = Instant::now();
        cluster::single_pass(&full.features, full.vocab, weight, threshold);
        let mut secs = start.elapsed().as_secs_f64() + full.feature_secs;
        if uses_model {
            secs += embed_secs;
        }
        let mut row = vec![name.to_owned(), format!("{threshold:.2}")];
        row.extend(cells(&scores));
        row.push(format!("{tuned_first:.2}"));
        row.extend(cells(&held_out));
        row.push(f3(self_tuned.f1));
        row.push(format!("{:.0}", n as f64 / secs));
        row.extend(speed_cells(uses_model.then_some(speeds).flatten()));
        table.row(row);
    }
    let (full_labels, full_secs) = project(&full);
    let (first_labels, _) = project(&first);
    let (second_labels, _) = project(&second);
    let full_scores = bcubed(&full_labels, full.gold);
    let second_scores = bcubed(&second_labels, second.gold);
    let mut row = vec![
        "parallax_stories::cluster (defaults)".to_owned(),
        "-".into(),
    ];
    row.extend(cells(&full_scores));
    row.push("-".into());
    row.extend(cells(&second_scores));
    row.push("-".into());
    row.push(format!("{:.0}", n as f64 / full_secs));
    row.extend(speed_cells(None));
    table.row(row);
    if let Some(e) = embeddings.as_deref() {
        table.row(merged_row(
            [&full_labels, &first_labels, &second_labels],
            [e, &e[..half], &e[half..]],
            [events, &events[..half], &events[half..]],
            n as f64 / (full_secs + embed_secs),
            speeds,
        ));
    }

    let gold_events = |g: &[String]| g.iter().collect::<std::collections::HashSet<_>>().len();
    println!(
        "Story clustering with and without MiniLM, stories-dev event level (BCubed). Whole stream: {n} articles, {} events, threshold tuned on it. \
         2nd: articles {}..{n} clustered alone ({} events), threshold tuned on articles 0..{half} clustered alone; \
         'self-tuned' = best threshold on the 2nd half itself. articles/s includes TF-IDF and embedding time \
         (embeddings on the machine's threads, {:.1}s for {n} texts); project row includes entity analysis.\n",
        gold_events(events),
        half,
        gold_events(&events[half..]),
        embed_secs,
    );
    print!("{}", table.render());
    if let Some((one, two)) = speeds {
        println!(
            "\nemb/s = title + {} lead paragraphs (<= 256 tokens) per second; headlines alone: {:.0}/s on 1 thread, {:.0}/s on 2.",
            data::lead_paragraphs(),
            one.titles_per_s,
            two.titles_per_s
        );
    }
    if let Some(e) = embedder {
        let (same, other) = speed::paraphrase_check(e)?;
        println!(
            "Sanity: mean cosine of paraphrase pairs {same:.3}, of unrelated pairs {other:.3}."
        );
    }
    Ok(())
}

fn cells(s: &BCubed) -> [String; 4] {
    [
        f3(s.precision),
        f3(s.recall),
        f3(s.f1),
        s.clusters.to_string(),
    ]
}

fn speed_cells(speeds: Option<(speed::Speed, speed::Speed)>) -> [String; 2] {
    match speeds {
        Some((one, two)) => [
            format!("{:.1}", one.leads_per_s),
            format!("{:.1}", two.leads_per_s),
        ],
        None => ["-".into(), "-".into()],
    }
}

/// The project's stories joined by [`merge::merge_by_embedding`], its threshold tuned on
/// the whole stream and on the first half as for the single-pass rows.
fn merged_row(
    labels: [&[usize]; 3],
    embeddings: [&[Vec<f32>]; 3],
    gold: [&[String]; 3],
    articles_per_s: f64,
    speeds: Option<(speed::Speed, speed::Speed)>,
) -> Vec<String> {
    let sweep = |k: usize| -> Vec<(f32, BCubed)> {
        (50..=99)
            .into_par_iter()
            .map(|t| {
                let threshold = t as f32 / 100.0;
                let merged = merge::merge_by_embedding(labels[k], embeddings[k], threshold);
                (threshold, bcubed(&merged, gold[k]))
            })
            .collect()
    };
    let (threshold, scores) = best(&sweep(0));
    let (tuned_first, _) = best(&sweep(1));
    let second = sweep(2);
    let mut row = vec![
        "(d) parallax_stories + MiniLM story merge (2nd pass)".to_owned(),
        format!("{threshold:.2}"),
    ];
    row.extend(cells(&scores));
    row.push(format!("{tuned_first:.2}"));
    row.extend(cells(&at(&second, tuned_first)));
    row.push(f3(best(&second).1.f1));
    row.push(format!("{articles_per_s:.0}"));
    row.extend(speed_cells(speeds));
    row
}

/// The project's clusterer with its default parameters on `stream`, after the
/// language stage; returns each article's story (numbered densely) and the seconds
/// both stages took.
fn project(stream: &Stream) -> (Vec<usize>, f64) {
    let start = Instant::now();
    let mentions: Vec<_> = stream
        .articles
        .iter()
        .map(parallax_language::analyze)
        .collect();
    let (assignments, _) = parallax_stories::cluster(stream.articles, &mentions);
    let secs = start.elapsed().as_secs_f64();
    let story: HashMap<_, _> = assignments.iter().map(|a| (a.article, a.story)).collect();
    let mut dense = HashMap::new();
    let labels = stream
        .articles
        .iter()
        .map(|a| {
            let next = dense.len();
            *dense.entry(story.get(&a.id).copied()).or_insert(next)
        })
        .collect();
    (labels, secs)
}
