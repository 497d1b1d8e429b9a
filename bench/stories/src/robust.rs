//! Harsher held-out estimates than the one fixed A/B split of [`crate::heldout`].
//!
//! The hidden set was cut from the same corpora by whole ECB+ topics and whole BASIL
//! years, so every protocol here cuts dev the same way and reports the mean **and the
//! worst** run, for the anchor and for us in the same rows:
//!
//! - random halves (half the topics, two or three of the five years), the threshold
//!   tuned on one half and scored on the other, both ways round;
//! - the same halves scored at the threshold chosen on all of dev (our shipped default;
//!   the anchor's dev-tuned one), which is what a user gets;
//! - one corpus against the other (tuned on ECB+, scored on BASIL and back);
//! - quarters (five topics and one year) at the dev threshold: smaller collections;
//! - stress streams at the dev threshold: dev followed by a renamed copy of itself (every
//!   capitalised word changed, dates 400 days on: twice as many events of the same
//!   kinds), and dev with every date removed.
//!
//! A second table gives the best threshold of each system by collection size (the median
//! over the runs), which shows how far a fixed threshold must transfer.

use crate::data;
use crate::f3;
use crate::heldout::{bcubed, systems, Part, System, Unit, B3};
use parallax_bench_common::Table;
use parallax_stories::Params;

/// Random splits drawn for each protocol.
const SPLITS: usize = 10;

/// A small deterministic generator (SplitMix64), so the splits are the same every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// The distinct topics and years of a part.
fn units(part: &Part) -> (Vec<Unit>, Vec<Unit>) {
    let mut all = part.units.clone();
    all.sort_unstable();
    all.dedup();
    all.into_iter().partition(|u| matches!(u, Unit::Ecb(_)))
}

/// `SPLITS` random halves by whole units: (first half, second half).
fn halves(whole: &Part, rng: &mut Rng) -> Vec<(Part, Part)> {
    let (mut topics, mut years) = units(whole);
    (0..SPLITS)
        .map(|s| {
            rng.shuffle(&mut topics);
            rng.shuffle(&mut years);
            let mut first: Vec<Unit> = topics[..topics.len() / 2].to_vec();
            first.extend_from_slice(&years[..(years.len() + s % 2) / 2]);
            (
                whole.filter("half", |u| first.contains(&u)),
                whole.filter("half", |u| !first.contains(&u)),
            )
        })
        .collect()
}

/// `SPLITS` random quarters: a quarter of the topics and one year.
fn quarters(whole: &Part, rng: &mut Rng) -> Vec<Part> {
    let (mut topics, mut years) = units(whole);
    (0..SPLITS)
        .map(|_| {
            rng.shuffle(&mut topics);
            rng.shuffle(&mut years);
            let mut keep: Vec<Unit> = topics[..topics.len() / 4].to_vec();
            keep.extend_from_slice(&years[..1]);
            whole.filter("quarter", |u| keep.contains(&u))
        })
        .collect()
}

/// Dev followed by a renamed copy of itself (see the module doc); the copy's events get
/// their own gold ids.
fn doubled(whole: &Part) -> Part {
    let stream = data::synthetic(&whole.articles, 2 * whole.articles.len());
    let offset = whole.gold.iter().max().map_or(0, |m| m + 1);
    let copy = &stream[whole.articles.len()..];
    Part {
        name: "dev + renamed copy",
        mentions: whole
            .mentions
            .iter()
            .cloned()
            .chain(copy.iter().map(parallax_language::analyze))
            .collect(),
        gold: whole
            .gold
            .iter()
            .copied()
            .chain(whole.gold.iter().map(|g| g + offset))
            .collect(),
        units: whole.units.iter().chain(&whole.units).copied().collect(),
        articles: stream,
    }
}

/// Dev with every date removed, and the language stage run again without them (so no
/// time expression is resolved against a date the stream no longer has).
fn undated(whole: &Part) -> Part {
    let mut part = whole.clone();
    part.name = "dev without dates";
    for (a, m) in part.articles.iter_mut().zip(&mut part.mentions) {
        if a.published.take().is_some() {
            *m = parallax_language::analyze(a);
        }
    }
    part
}

/// F1 at every threshold of the system's grid.
fn curve(system: &System, part: &Part) -> Vec<B3> {
    system
        .grid
        .iter()
        .map(|&t| bcubed(&(system.run)(part, t), &part.gold))
        .collect()
}

/// Index of the best threshold on a curve (the lowest of equals).
fn best(curve: &[B3]) -> usize {
    (0..curve.len()).fold(0, |b, i| if curve[i].f1 > curve[b].f1 { i } else { b })
}

/// Scores of one protocol's runs.
#[derive(Default)]
struct Runs(Vec<B3>);

impl Runs {
    /// The run where the first system (the anchor) does worst, per protocol.
    fn worst_index(&self) -> usize {
        (0..self.0.len()).fold(0, |w, i| if self.0[i].f1 < self.0[w].f1 { i } else { w })
    }

    fn row(&self, system: &str, protocol: &str, threshold: String, at: usize) -> Vec<String> {
        let n = self.0.len().max(1) as f64;
        let mean = |f: fn(&B3) -> f64| self.0.iter().map(f).sum::<f64>() / n;
        let worst = self.0.iter().map(|b| b.f1).fold(f64::INFINITY, f64::min);
        vec![
            system.to_owned(),
            protocol.to_owned(),
            self.0.len().to_string(),
            threshold,
            f3(mean(|b| b.p)),
            f3(mean(|b| b.r)),
            f3(mean(|b| b.f1)),
            f3(worst),
            self.0.get(at).map_or("-".into(), |b| f3(b.f1)),
        ]
    }
}

fn median(mut v: Vec<f32>) -> f32 {
    v.sort_unstable_by(f32::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f32::NAN)
}

/// The robustness table and the best-threshold-by-size table.
pub fn tables(whole: &Part, params: Params) -> (Table, Table) {
    let mut rng = Rng(0x5eed_0006);
    let halves = halves(whole, &mut rng);
    let quarters = quarters(whole, &mut rng);
    let corpora = [
        whole.filter("ECB+", |u| matches!(u, Unit::Ecb(_))),
        whole.filter("BASIL", |u| matches!(u, Unit::Basil(_))),
    ];
    let stress = [doubled(whole), undated(whole)];
    let mut table = Table::new(&[
        "system",
        "protocol",
        "runs",
        "threshold",
        "B3 P",
        "B3 R",
        "B3 F1",
        "worst F1",
        "anchor's worst run",
    ]);
    // Per protocol, the run where the anchor does worst (set by the first system).
    let mut anchor_worst: Vec<usize> = Vec::new();
    let mut sizes = Table::new(&[
        "system",
        "quarters (~150)",
        "halves (~300)",
        "all dev (612)",
        "dev + copy (1224)",
    ]);
    for system in systems(params) {
        let dev_curve = curve(&system, whole);
        // The anchor's threshold is tuned on all of dev; ours is the shipped default.
        let default = if system.name.starts_with("parallax") {
            params.threshold
        } else {
            system.grid[best(&dev_curve)]
        };
        let at_default = |part: &Part| bcubed(&(system.run)(part, default), &part.gold);
        let (mut tuned, mut fixed) = (Runs::default(), Runs::default());
        let mut half_best = Vec::new();
        for (a, b) in &halves {
            let (ca, cb) = (curve(&system, a), curve(&system, b));
            let (ba, bb) = (best(&ca), best(&cb));
            tuned.0.extend([cb[ba], ca[bb]]);
            half_best.extend([system.grid[ba], system.grid[bb]]);
            fixed.0.extend([at_default(a), at_default(b)]);
        }
        let range = |v: &[f32]| {
            let lo = v.iter().copied().fold(f32::INFINITY, f32::min);
            let hi = v.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            format!("{lo:.3}-{hi:.3}")
        };
        let d = format!("{default:.3}");
        let (ce, cb) = (curve(&system, &corpora[0]), curve(&system, &corpora[1]));
        let (be, bb) = (best(&ce), best(&cb));
        let cross = Runs(vec![cb[be], ce[bb]]);
        let cross_t = range(&[system.grid[be], system.grid[bb]]);
        let mut quarter_best = Vec::new();
        let q = Runs(
            quarters
                .iter()
                .map(|part| {
                    quarter_best.push(system.grid[best(&curve(&system, part))]);
                    let score = at_default(part);
                    if std::env::var_os("PX_TRACE_RUNS").is_some() {
                        let mut units = part.units.clone();
                        units.sort_unstable();
                        units.dedup();
                        eprintln!("quarter {:?}: {:.3}", units, score.f1);
                    }
                    score
                })
                .collect(),
        );
        let mut rows = vec![
            (
                tuned,
                "random halves, tuned on other".to_owned(),
                range(&half_best),
            ),
            (fixed, "random halves, dev threshold".to_owned(), d.clone()),
            (cross, "ECB+ <-> BASIL, tuned on other".to_owned(), cross_t),
            (q, "random quarters, dev threshold".to_owned(), d.clone()),
        ];
        for part in &stress {
            let protocol = format!("{}, dev threshold", part.name);
            rows.push((Runs(vec![at_default(part)]), protocol, d.clone()));
        }
        if anchor_worst.is_empty() {
            anchor_worst = rows.iter().map(|r| r.0.worst_index()).collect();
        }
        for ((runs, protocol, t), &at) in rows.iter().zip(&anchor_worst) {
            table.row(runs.row(system.name, protocol, t.clone(), at));
        }
        let copy_best = system.grid[best(&curve(&system, &stress[0]))];
        sizes.row(vec![
            system.name.to_owned(),
            format!("{:.3}", median(quarter_best)),
            format!("{:.3}", median(half_best)),
            format!("{:.3}", system.grid[best(&dev_curve)]),
            format!("{copy_best:.3}"),
        ]);
    }
    (table, sizes)
}
