//! Sentence pairs: `relate` scored on the hand-labelled BASIL pairs, and the pairs of a
//! saved data directory listed by cosine band.

use parallax_bench_common::Table;
use parallax_core::{Analysis, ArticleId};
use std::collections::{BTreeMap, HashMap};

/// Scores `relate`'s agreement decision on the hand-labelled BASIL pairs in
/// `data/basil-pairs.tsv`, beside plain cosine cut-offs.
pub(crate) fn score_labelled_pairs(analysis: &Analysis, events: &BTreeMap<String, Vec<ArticleId>>) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/basil-pairs.tsv");
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    let by_source: HashMap<&str, usize> = analysis
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.source.as_str(), i))
        .collect();
    // (label, cosine, relate says same claim) for every pair found again.
    let mut judged: Vec<(bool, f32, bool)> = Vec::new();
    let mut missing = 0;
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        let num = |i: usize| f[i].parse::<u32>().unwrap_or(u32::MAX);
        let (Some(&ia), Some(&ib)) = (by_source.get(f[0]), by_source.get(f[3])) else {
            missing += 1;
            continue;
        };
        let (ida, idb) = (analysis.articles[ia].id, analysis.articles[ib].id);
        let Some(members) = events
            .values()
            .find(|m| m.contains(&ida) && m.contains(&idb))
        else {
            missing += 1;
            continue;
        };
        let positions: Vec<usize> = members
            .iter()
            .filter_map(|id| analysis.articles.iter().position(|a| a.id == *id))
            .collect();
        let sentences = parallax_claims::collect::candidates(analysis, &positions);
        let find = |art: usize, start: u32, end: u32| {
            sentences
                .iter()
                .position(|s| s.article == art && s.span.start() == start && s.span.end() == end)
        };
        let (Some(sa), Some(sb)) = (find(ia, num(1), num(2)), find(ib, num(4), num(5))) else {
            missing += 1;
            continue;
        };
        let (x, y) = (sa.min(sb), sa.max(sb));
        let cos = parallax_claims::align::similar_pairs(&sentences, 0.0)
            .into_iter()
            .find(|&(a, b, _)| a == x && b == y)
            .map_or(0.0, |(_, _, c)| c);
        let same = matches!(
            parallax_claims::align::relate(&sentences[x], &sentences[y], cos),
            Some(parallax_claims::align::Relation::Agree(_))
        );
        let label = f[6].trim() == "1";
        if label != same && std::env::args().any(|a| a == "--errors") {
            println!(
                "{} {cos:.2}\n   {}\n   {}",
                if label { "MISSED" } else { "WRONG" },
                sentences[x].text,
                sentences[y].text
            );
        }
        judged.push((label, cos, same));
    }
    let mut table = Table::new(&["labelled pairs: same claim?", "P", "R", "F1", "pairs"]);
    let mut row = |name: String, says: &dyn Fn(&(bool, f32, bool)) -> bool| {
        let tp = judged.iter().filter(|j| j.0 && says(j)).count() as f64;
        let fp = judged.iter().filter(|j| !j.0 && says(j)).count() as f64;
        let pos = judged.iter().filter(|j| j.0).count() as f64;
        let (p, r) = (tp / (tp + fp).max(1.0), tp / pos.max(1.0));
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        table.row(vec![
            name,
            format!("{p:.2}"),
            format!("{r:.2}"),
            format!("{f1:.2}"),
            judged.len().to_string(),
        ]);
    };
    row("relate (ours)".into(), &|j| j.2);
    for t in [0.3f32, 0.4, 0.5] {
        row(format!("cosine >= {t}"), &|j| j.1 >= t);
    }
    println!();
    print!("{}", table.render());
    if missing > 0 {
        println!("({missing} labelled pairs not found again: sentence spans moved)");
    }
}

/// `--pairs-in DIR [--near LO,HI]`: every sentence pair of every story of a saved data
/// directory whose cosine lies in the band, with what `relate` makes of it.
pub(crate) fn pairs_in_data_dir(dir: &std::path::Path, band: Option<&String>) {
    let analysis = parallax_store::load(dir).expect("data directory loads");
    let (lo, hi) = band
        .and_then(|b| b.split_once(','))
        .map(|(l, h)| (l.parse().unwrap_or(0.2), h.parse().unwrap_or(1.01)))
        .unwrap_or((0.2f32, 1.01f32));
    for story in &analysis.stories {
        let positions: Vec<usize> = story
            .articles
            .iter()
            .filter_map(|id| analysis.articles.iter().position(|a| a.id == *id))
            .collect();
        let sentences = parallax_claims::collect::candidates(&analysis, &positions);
        for (a, b, cos) in parallax_claims::align::similar_pairs(&sentences, lo) {
            if cos < hi {
                let relation = parallax_claims::align::relate(&sentences[a], &sentences[b], cos);
                println!("s{} {cos:.2} {relation:?}", story.id.0);
                println!("   {}", sentences[a].text);
                println!("   {}", sentences[b].text);
            }
        }
    }
}

/// The key of a sentence pair in the labelled files: `url_a start_a end_a url_b start_b
/// end_b`, tab-separated, offsets in code points.
pub(crate) fn pair_key(
    analysis: &Analysis,
    a: &parallax_claims::facts::SentenceFacts,
    b: &parallax_claims::facts::SentenceFacts,
) -> String {
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}",
        analysis.articles[a.article].source,
        a.span.start(),
        a.span.end(),
        analysis.articles[b.article].source,
        b.span.start(),
        b.span.end()
    )
}
