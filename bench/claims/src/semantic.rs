//! `--semantic DIR` (built with `--features candle`): what all-MiniLM-L6-v2 would add to
//! claim alignment on the BASIL events, where three outlets word one event differently.
//!
//! Every cross-article pair of candidate sentences that `relate` does not already call
//! the same claim is scored by MiniLM cosine. Pairs in `data/basil-semantic-pairs.tsv`
//! (sampled from those, labelled by reading) give the precision of "MiniLM cosine >= t"
//! on them; the count of such pairs over all BASIL events says how many links it would
//! add. `--sample-semantic` prints pairs to label.

use parallax_claims::align::{relate, similar_pairs, Relation};
use parallax_claims::collect::candidates;
use parallax_core::Analysis;
use parallax_embed::{cosine, Embedder};
use std::collections::HashMap;
use std::path::Path;

/// One pair `relate` leaves apart, with its two cosines.
struct Pair {
    key: String,
    lexical: f32,
    semantic: f32,
    texts: (String, String),
}

pub(crate) fn study(analysis: &Analysis, event_of: &HashMap<u32, &str>, dir: &Path, sample: bool) {
    let embedder = match Embedder::load(dir) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("semantic study skipped: {}: {e}", dir.display());
            return;
        }
    };
    let pos = analysis.article_positions();
    let mut pairs: Vec<Pair> = Vec::new();
    let mut agreed = 0usize;
    let started = std::time::Instant::now();
    let mut embedded = 0usize;
    for story in analysis
        .stories
        .iter()
        .filter(|s| event_of[&s.id.0].starts_with("basil"))
    {
        let positions: Vec<usize> = story.articles.iter().map(|a| pos[a]).collect();
        let sentences = candidates(analysis, &positions);
        let texts: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
        let Ok(vectors) = embedder.embed(&texts) else {
            continue;
        };
        embedded += texts.len();
        let lexical: HashMap<(usize, usize), f32> = similar_pairs(&sentences, 0.0)
            .into_iter()
            .map(|(a, b, c)| ((a, b), c))
            .collect();
        for a in 0..sentences.len() {
            for b in a + 1..sentences.len() {
                if sentences[a].article == sentences[b].article {
                    continue;
                }
                let lex = lexical.get(&(a, b)).copied().unwrap_or(0.0);
                if matches!(
                    relate(&sentences[a], &sentences[b], lex),
                    Some(Relation::Agree(_))
                ) {
                    agreed += 1;
                    continue;
                }
                let (sa, sb) = (&sentences[a], &sentences[b]);
                pairs.push(Pair {
                    key: crate::pairs::pair_key(analysis, sa, sb),
                    lexical: lex,
                    semantic: cosine(&vectors[a], &vectors[b]),
                    texts: (sa.text.clone(), sb.text.clone()),
                });
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "\nMiniLM on BASIL candidate sentences: {embedded} sentences in {secs:.1}s ({:.0}/s); \
         {agreed} pairs already agree by `relate`, {} do not",
        embedded as f64 / secs.max(1e-9),
        pairs.len()
    );
    if sample {
        // Every k-th pair of each MiniLM band, strongest bands first.
        for (lo, hi) in [(0.8f32, 1.01f32), (0.75, 0.8), (0.7, 0.75), (0.6, 0.7)] {
            let band: Vec<&Pair> = pairs
                .iter()
                .filter(|p| (lo..hi).contains(&p.semantic))
                .collect();
            println!("== MiniLM [{lo}, {hi}): {} pairs", band.len());
            let take = if lo >= 0.8 { band.len() } else { 15 };
            for p in band
                .iter()
                .step_by((band.len() / take.max(1)).max(1))
                .take(take)
            {
                println!(
                    "{}\t{:.2}\t{:.2}\n  A: {}\n  B: {}",
                    p.key, p.lexical, p.semantic, p.texts.0, p.texts.1
                );
            }
        }
    }
    let labels_path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/basil-semantic-pairs.tsv");
    let labels: HashMap<String, bool> = std::fs::read_to_string(labels_path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f.len() >= 7).then(|| (f[..6].join("\t"), f[6].trim() == "1"))
        })
        .collect();
    let mut t = parallax_bench_common::Table::new(&[
        "pairs `relate` leaves apart",
        "MiniLM >= t",
        "labelled",
        "same claim",
        "precision",
        "est. links added",
    ]);
    for threshold in [0.6f32, 0.7, 0.75, 0.8, 0.85] {
        let above: Vec<&Pair> = pairs.iter().filter(|p| p.semantic >= threshold).collect();
        let judged: Vec<bool> = above
            .iter()
            .filter_map(|p| labels.get(&p.key).copied())
            .collect();
        let right = judged.iter().filter(|&&l| l).count();
        let precision = right as f64 / judged.len().max(1) as f64;
        t.row(vec![
            format!("MiniLM cosine >= {threshold}"),
            above.len().to_string(),
            judged.len().to_string(),
            right.to_string(),
            format!("{precision:.2}"),
            format!("{:.0}", precision * above.len() as f64),
        ]);
    }
    println!();
    print!("{}", t.render());

    // What users get: claims of the BASIL events with and without the model.
    struct Encoder<'a>(&'a Embedder);
    impl parallax_claims::semantic::SentenceEncoder for Encoder<'_> {
        fn encode(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, String> {
            self.0.embed(texts).map_err(|e| e.to_string())
        }
    }
    let mut basil = analysis.clone();
    basil
        .stories
        .retain(|s| event_of[&s.id.0].starts_with("basil"));
    let started = std::time::Instant::now();
    let words = parallax_claims::align_claims(&basil);
    let words_secs = started.elapsed().as_secs_f64();
    let started = std::time::Instant::now();
    let both = parallax_claims::align_claims_with(&basil, Some(&Encoder(&embedder)));
    let both_secs = started.elapsed().as_secs_f64();
    let mut t = parallax_bench_common::Table::new(&[
        "BASIL events (50)",
        "claims",
        ">=2 indep.",
        ">=3 indep.",
        "supporting passages",
        "seconds",
    ]);
    for (name, claims, secs) in [
        ("words only (default)", &words, words_secs),
        ("words + MiniLM >= 0.8", &both, both_secs),
    ] {
        t.row(vec![
            name.to_owned(),
            claims.len().to_string(),
            claims
                .iter()
                .filter(|c| c.independent_sources >= 2)
                .count()
                .to_string(),
            claims
                .iter()
                .filter(|c| c.independent_sources >= 3)
                .count()
                .to_string(),
            claims
                .iter()
                .map(|c| c.support.len())
                .sum::<usize>()
                .to_string(),
            format!("{secs:.1}"),
        ]);
    }
    println!();
    print!("{}", t.render());
}
