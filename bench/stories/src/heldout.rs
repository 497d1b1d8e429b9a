//! A held-out estimate on stories-dev: the set is cut in two the way the hidden set was
//! cut from it (whole ECB+ topics and whole BASIL years), each clusterer's threshold is
//! tuned on one part and scored on the other, both ways round.
//!
//! Part A: ECB+ topics 1–10 and BASIL 2010–2011; part B: ECB+ topics 11–22 and BASIL
//! 2012–2014. Each part is clustered as its own stream (the dev stream order, filtered).
//! Only the threshold is tuned here; the clusterer's other settings were chosen on the
//! whole of dev, so our held-out figure still flatters us a little.

use crate::{anchor, f3};
use parallax_bench_common::Table;
use parallax_core::{Article, Mentions};
use parallax_stories::{cluster_with, Params};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

#[derive(Deserialize)]
struct GoldRecord {
    url: String,
    event: String,
}

/// BCubed figures of one run at event level.
#[derive(Clone, Copy, Default)]
pub struct B3 {
    /// BCubed precision.
    pub p: f64,
    /// BCubed recall.
    pub r: f64,
    /// BCubed F1.
    pub f1: f64,
    /// Predicted clusters.
    pub clusters: usize,
    /// Gold clusters.
    pub gold: usize,
}

/// BCubed precision, recall and F1 of `pred` against `gold` (same length).
pub fn bcubed(pred: &[usize], gold: &[usize]) -> B3 {
    let n = pred.len();
    let mut both: HashMap<(usize, usize), f64> = HashMap::new();
    let mut by_pred: HashMap<usize, f64> = HashMap::new();
    let mut by_gold: HashMap<usize, f64> = HashMap::new();
    for (&p, &g) in pred.iter().zip(gold) {
        *both.entry((p, g)).or_default() += 1.0;
        *by_pred.entry(p).or_default() += 1.0;
        *by_gold.entry(g).or_default() += 1.0;
    }
    let (mut p_sum, mut r_sum) = (0.0, 0.0);
    for (&p, &g) in pred.iter().zip(gold) {
        let shared = both[&(p, g)];
        p_sum += shared / by_pred[&p];
        r_sum += shared / by_gold[&g];
    }
    let (p, r) = (p_sum / n.max(1) as f64, r_sum / n.max(1) as f64);
    B3 {
        p,
        r,
        f1: if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
        clusters: by_pred.len(),
        gold: by_gold.len(),
    }
}

/// One part of the split: its articles (stream order), mentions, gold event ids, and
/// the unit each article belongs to (its ECB+ topic or BASIL year).
#[derive(Clone, Default)]
pub struct Part {
    /// Name printed in the tables.
    pub name: &'static str,
    /// Articles in stream order.
    pub articles: Vec<Article>,
    /// Mentions of each article.
    pub mentions: Vec<Mentions>,
    /// Gold event index of each article.
    pub gold: Vec<usize>,
    /// Unit of each article.
    pub units: Vec<Unit>,
}

/// The whole units in which the hidden set was cut from dev.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    /// An ECB+ topic (its two events).
    Ecb(u32),
    /// A BASIL year (its triplets).
    Basil(i32),
}

impl Part {
    /// The articles whose unit passes `keep`, in stream order.
    pub fn filter(&self, name: &'static str, keep: impl Fn(Unit) -> bool) -> Part {
        let mut out = Part {
            name,
            ..Part::default()
        };
        for i in (0..self.articles.len()).filter(|&i| keep(self.units[i])) {
            out.articles.push(self.articles[i].clone());
            out.mentions.push(self.mentions[i].clone());
            out.gold.push(self.gold[i]);
            out.units.push(self.units[i]);
        }
        out
    }
}

fn unit_of(event: &str, article: &Article) -> Unit {
    if let Some(rest) = event.strip_prefix("ecb-") {
        Unit::Ecb(
            rest.split('-')
                .next()
                .and_then(|t| t.parse().ok())
                .unwrap_or(0),
        )
    } else {
        use chrono::Datelike;
        Unit::Basil(article.published.map_or(0, |d| d.year()))
    }
}

/// True when a unit belongs to part A.
fn in_part_a(unit: Unit) -> bool {
    match unit {
        Unit::Ecb(topic) => topic <= 10,
        Unit::Basil(year) => year <= 2011,
    }
}

/// The whole labelled stream as one part (named "all").
pub fn labelled(dir: &Path, articles: &[Article], mentions: &[Mentions]) -> Result<Part, String> {
    let path = dir.join("gold.jsonl");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let gold: HashMap<String, String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            serde_json::from_str::<GoldRecord>(l)
                .map(|g| (g.url, g.event))
                .map_err(|e| format!("{}: {e}", path.display()))
        })
        .collect::<Result<_, _>>()?;
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut whole = Part {
        name: "all",
        ..Part::default()
    };
    for (i, a) in articles.iter().enumerate() {
        let event = gold
            .get(&a.source)
            .ok_or_else(|| format!("no gold for {}", a.source))?;
        let next = ids.len();
        let id = *ids.entry(event.clone()).or_insert(next);
        whole.articles.push(a.clone());
        whole
            .mentions
            .push(mentions.get(i).cloned().unwrap_or_default());
        whole.gold.push(id);
        whole.units.push(unit_of(event, a));
    }
    Ok(whole)
}

/// Clusters a part's stream at a threshold: one cluster index per article.
pub type Run = Box<dyn Fn(&Part, f32) -> Vec<usize>>;

/// A clusterer with one tunable threshold.
pub struct System {
    /// Name printed in the tables.
    pub name: &'static str,
    /// Thresholds tried when tuning.
    pub grid: Vec<f32>,
    /// Clusters a part at a threshold.
    pub run: Run,
}

/// The anchor (without and with a time window) and our clusterer with `params`.
/// `PX_ONLY_OURS` leaves the anchors out (to explore settings faster).
pub fn systems(params: Params) -> Vec<System> {
    let mut all = every_system(params);
    if std::env::var_os("PX_ONLY_OURS").is_some() {
        all.retain(|s| s.name.starts_with("parallax"));
    }
    all
}

fn every_system(params: Params) -> Vec<System> {
    let grid = |from: f32, to: f32, step: f32| -> Vec<f32> {
        let steps = ((to - from) / step).round() as usize;
        (0..=steps).map(|i| from + step * i as f32).collect()
    };
    vec![
        System {
            name: "anchor TF-IDF",
            grid: grid(0.1, 0.5, 0.025),
            run: Box::new(|part, t| anchor::cluster(&part.articles, t, None)),
        },
        System {
            name: "anchor TF-IDF, 7-day window",
            grid: grid(0.1, 0.5, 0.025),
            run: Box::new(|part, t| anchor::cluster(&part.articles, t, Some(7))),
        },
        System {
            name: "parallax stories",
            grid: grid(0.03, 0.2, 0.01),
            run: Box::new(move |part, t| {
                let (assignments, _) = cluster_with(
                    &part.articles,
                    &part.mentions,
                    Params {
                        threshold: t,
                        ..params
                    },
                );
                assignments.iter().map(|a| a.story.0 as usize).collect()
            }),
        },
    ]
}

/// The held-out table: for each system and each direction, the threshold tuned on one
/// part, its score there, and the score on the other part; then the mean held-out score.
pub fn table(whole: &Part, params: Params) -> Result<Table, String> {
    let whole = whole.clone();
    let parts = [
        whole.filter("A", in_part_a),
        whole.filter("B", |u| !in_part_a(u)),
        whole,
    ];
    let mut table = Table::new(&[
        "system",
        "tuned on",
        "threshold",
        "tuned B3 F1",
        "held-out",
        "B3 P",
        "B3 R",
        "B3 F1",
        "clusters",
        "gold",
    ]);
    if std::env::var_os("PX_CURVE").is_some() {
        for t in [
            0.05f32, 0.06, 0.07, 0.08, 0.09, 0.10, 0.11, 0.12, 0.13, 0.14, 0.15,
        ] {
            let s = &systems(params)[2];
            let f: Vec<String> = parts
                .iter()
                .map(|p| {
                    let b = bcubed(&(s.run)(p, t), &p.gold);
                    format!("{}:{:.3}/{:.3}/{:.3}", p.name, b.p, b.r, b.f1)
                })
                .collect();
            eprintln!("{t:.2} {}", f.join("  "));
        }
    }
    for system in systems(params) {
        let mut held_f1 = Vec::new();
        for (tune, test) in [(2, 2), (0, 1), (1, 0)] {
            let (tune, test) = (&parts[tune], &parts[test]);
            let (threshold, tuned) = system
                .grid
                .iter()
                .map(|&t| (t, bcubed(&(system.run)(tune, t), &tune.gold)))
                .fold(None, |best: Option<(f32, B3)>, (t, s)| match best {
                    Some((_, b)) if b.f1 >= s.f1 => best,
                    _ => Some((t, s)),
                })
                .ok_or("empty grid")?;
            let held = bcubed(&(system.run)(test, threshold), &test.gold);
            if tune.name != test.name {
                held_f1.push(held.f1);
            }
            table.row(vec![
                system.name.to_owned(),
                tune.name.to_owned(),
                format!("{threshold:.3}"),
                f3(tuned.f1),
                test.name.to_owned(),
                f3(held.p),
                f3(held.r),
                f3(held.f1),
                held.clusters.to_string(),
                held.gold.to_string(),
            ]);
        }
        let mean = held_f1.iter().sum::<f64>() / held_f1.len() as f64;
        let mut row = vec![system.name.to_owned(), "-".into(), "-".into(), "-".into()];
        row.extend(["mean".into(), "-".into(), "-".into(), f3(mean)]);
        row.extend(["-".into(), "-".into()]);
        table.row(row);
    }
    // The shipped defaults on each part, untuned here (but chosen on all of dev).
    for part in &parts[..2] {
        let (assignments, _) = cluster_with(&part.articles, &part.mentions, params);
        let pred: Vec<usize> = assignments.iter().map(|a| a.story.0 as usize).collect();
        let s = bcubed(&pred, &part.gold);
        table.row(vec![
            "parallax stories, defaults".into(),
            "all dev".into(),
            format!("{:.3}", params.threshold),
            "-".into(),
            part.name.to_owned(),
            f3(s.p),
            f3(s.r),
            f3(s.f1),
            s.clusters.to_string(),
            s.gold.to_string(),
        ]);
    }
    Ok(table)
}
