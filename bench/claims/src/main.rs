//! `parallax-bench-claims [--out DIR] [--show N] [--one-story]`: aligns claims over the gold events of
//! `stories-dev` (so clustering errors do not blur what the claims stage does) and
//! prints, per source corpus, how many claims it finds, how many are corroborated by two
//! or more independent sources, contradicted or omitted, and the stage's speed.
//!
//! There is no gold for claims; the table is for reading beside examples (`--show N`
//! prints the N best-corroborated and N contradicted claims with their evidence).
//! `--out DIR` saves the analysis as a data directory for `parallax serve`;
//! `--pairs-in DIR [--near LO,HI]` lists the pairs of a saved data directory instead;
//! `--errors` lists the labelled pairs `relate` gets wrong; `--one-story` also times the worst case, all 612 articles in one story;
//! `--near LO,HI [--event ID]` prints BASIL (or one event's) sentence pairs whose cosine
//! lies in `[LO, HI)`.

mod pairs;
#[cfg(feature = "candle")]
mod semantic;

use pairs::{pairs_in_data_dir, score_labelled_pairs};
use parallax_bench_common::{shared_dir, Table};
use parallax_core::{
    Analysis, Article, ArticleId, CharIndex, Claim, FieldSource, FieldSources, Story,
    StoryAssignment, StoryId,
};
use rayon::prelude::*;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::time::Instant;

#[derive(Deserialize)]
struct Record {
    url: String,
    outlet: Option<String>,
    published: Option<String>,
    title: Option<String>,
    text: String,
}

#[derive(Deserialize)]
struct Gold {
    url: String,
    event: String,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
    };
    let out = flag("--out").map(PathBuf::from);
    let show: usize = flag("--show").and_then(|s| s.parse().ok()).unwrap_or(0);
    if let Some(dir) = flag("--pairs-in") {
        pairs_in_data_dir(&PathBuf::from(dir), flag("--near"));
        return;
    }
    let dir = shared_dir().join("data/stories-dev");

    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name))
            .unwrap_or_else(|e| panic!("{}: {e}", dir.join(name).display()))
    };
    let records: Vec<Record> = read("articles.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("articles.jsonl line"))
        .collect();
    let gold: HashMap<String, String> = read("gold.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<Gold>(l).expect("gold.jsonl line"))
        .map(|g| (g.url, g.event))
        .collect();

    let mut analysis = Analysis::default();
    for r in records {
        let body = r.text.trim().to_owned();
        analysis.articles.push(Article {
            id: ArticleId::from_source_and_body(&r.url, &body),
            source: r.url,
            title: r.title,
            byline: None,
            outlet: r.outlet,
            published: r.published.and_then(|d| d.parse().ok()),
            credits: Vec::new(),
            language: Some("en".into()),
            body,
            field_sources: FieldSources {
                outlet: Some(FieldSource::Record),
                ..FieldSources::default()
            },
        });
    }

    // Earlier stages, as far as they run today; a stage that panics on one article
    // leaves that article without its output and is counted.
    std::panic::set_hook(Box::new(|_| {}));
    let started = Instant::now();
    let per_article: Vec<_> = analysis
        .articles
        .par_iter()
        .map(|a| {
            let mentions = std::panic::catch_unwind(|| parallax_language::analyze(a)).ok();
            let m = mentions.clone().unwrap_or_default();
            let quotes = std::panic::catch_unwind(|| parallax_quotes::find_quotes(a, &m)).ok();
            (mentions, quotes)
        })
        .collect();
    let mut failed = (0, 0);
    for (m, q) in per_article {
        failed.0 += usize::from(m.is_none());
        failed.1 += usize::from(q.is_none());
        analysis.mentions.push(m.unwrap_or_default());
        analysis.quotes.push(q.unwrap_or_default());
    }
    analysis.entities = parallax_language::resolve_entities(&analysis.articles, &analysis.mentions);
    (analysis.reuse, analysis.provenance) = parallax_reuse::detect_reuse(&analysis.articles);
    let upstream = started.elapsed();

    // Gold events as stories.
    let mut events: BTreeMap<String, Vec<ArticleId>> = BTreeMap::new();
    for a in &analysis.articles {
        if let Some(e) = gold.get(&a.source) {
            events.entry(e.clone()).or_default().push(a.id);
        }
    }
    for (n, (event, members)) in events.iter().enumerate() {
        let id = StoryId(n as u32 + 1);
        for &a in members {
            analysis.assignments.push(StoryAssignment {
                article: a,
                story: id,
                score: 1.0,
            });
        }
        let first = analysis.articles.iter().find(|a| a.id == members[0]);
        analysis.stories.push(Story {
            id,
            title: first
                .and_then(|a| a.title.clone())
                .unwrap_or_else(|| event.clone()),
            articles: members.clone(),
            start: None,
            end: None,
            storyline: None,
        });
    }

    let started = Instant::now();
    analysis.claims = parallax_claims::align_claims(&analysis);
    let claims_time = started.elapsed();

    // Worst case for the aligner: every article in one story (all pairs of candidate
    // sentences that share a term are compared).
    if args.iter().any(|a| a == "--one-story") {
        let mut one = analysis.clone();
        one.stories = vec![Story {
            id: StoryId(1),
            title: "everything".into(),
            articles: one.articles.iter().map(|a| a.id).collect(),
            start: None,
            end: None,
            storyline: None,
        }];
        let started = Instant::now();
        let claims = parallax_claims::align_claims(&one);
        println!(
            "one story of {} articles: {} claims in {:.2}s",
            one.articles.len(),
            claims.len(),
            started.elapsed().as_secs_f64()
        );
    }

    let event_of: HashMap<u32, &str> = events
        .keys()
        .enumerate()
        .map(|(n, e)| (n as u32 + 1, e.as_str()))
        .collect();
    let corpus_of = |c: &Claim| {
        if event_of[&c.story.0].starts_with("basil") {
            "BASIL (3 outlets/event)"
        } else {
            "ECB+"
        }
    };
    let mut table = Table::new(&[
        "corpus",
        "events",
        "claims",
        "per event",
        ">=2 indep.",
        ">=3 indep.",
        "contradicted",
        "mean omitted",
    ]);
    for corpus in ["ECB+", "BASIL (3 outlets/event)"] {
        let cs: Vec<&Claim> = analysis
            .claims
            .iter()
            .filter(|c| corpus_of(c) == corpus)
            .collect();
        let n_events = events
            .keys()
            .filter(|e| e.starts_with("basil") == corpus.starts_with("BASIL"))
            .count();
        let omitted: usize = cs.iter().map(|c| c.omitted_by.len()).sum();
        table.row(vec![
            corpus.into(),
            n_events.to_string(),
            cs.len().to_string(),
            format!("{:.1}", cs.len() as f64 / n_events.max(1) as f64),
            cs.iter()
                .filter(|c| c.independent_sources >= 2)
                .count()
                .to_string(),
            cs.iter()
                .filter(|c| c.independent_sources >= 3)
                .count()
                .to_string(),
            cs.iter()
                .filter(|c| !c.contradicted_by.is_empty())
                .count()
                .to_string(),
            format!("{:.2}", omitted as f64 / cs.len().max(1) as f64),
        ]);
    }
    print!("{}", table.render());
    let mb = analysis
        .articles
        .iter()
        .map(|a| a.body.len())
        .sum::<usize>() as f64
        / 1e6;
    println!(
        "\n{} articles ({mb:.1} MB); upstream stages {:.2}s (language failed on {}, quotes on {}); \
         claims stage {:.3}s = {:.0} articles/s, {:.1} MB/s on {} threads",
        analysis.articles.len(),
        upstream.as_secs_f64(),
        failed.0,
        failed.1,
        claims_time.as_secs_f64(),
        analysis.articles.len() as f64 / claims_time.as_secs_f64(),
        mb / claims_time.as_secs_f64(),
        rayon::current_num_threads(),
    );

    if show > 0 {
        let pos = analysis.article_positions();
        let render = |c: &Claim| {
            println!(
                "\n[{}] {} (indep {}, support {}, contradicted {}, omitted {})",
                event_of[&c.story.0],
                c.text,
                c.independent_sources,
                c.support.len(),
                c.contradicted_by.len(),
                c.omitted_by.len()
            );
            for (label, list) in [("+", &c.support), ("x", &c.contradicted_by)] {
                for e in list.iter() {
                    let a = &analysis.articles[pos[&e.article]];
                    let text = CharIndex::new(&a.body)
                        .slice(&a.body, e.span)
                        .unwrap_or("?")
                        .to_owned();
                    println!(
                        "   {label} {:<22} {}",
                        a.outlet.as_deref().unwrap_or("?"),
                        text
                    );
                }
            }
        };
        let mut best: Vec<&Claim> = analysis.claims.iter().collect();
        best.sort_by_key(|c| std::cmp::Reverse((c.independent_sources, c.support.len())));
        println!("\n== best corroborated");
        best.iter().take(show).for_each(|c| render(c));
        println!("\n== contradicted");
        analysis
            .claims
            .iter()
            .filter(|c| !c.contradicted_by.is_empty())
            .take(show)
            .for_each(render);
    }
    // The hand-labelled pairs: does `relate` call them the same claim?
    score_labelled_pairs(&analysis, &events);
    if let Some(dir) = flag("--semantic") {
        #[cfg(feature = "candle")]
        semantic::study(
            &analysis,
            &event_of,
            std::path::Path::new(dir),
            args.iter().any(|a| a == "--sample-semantic"),
        );
        #[cfg(not(feature = "candle"))]
        eprintln!("--semantic {dir}: build with --features candle");
    }

    // Sample pairs for labelling: every k-th BASIL pair per cosine band, printed with
    // their (url, start, end) keys.
    if args.iter().any(|a| a == "--sample") {
        let pos = analysis.article_positions();
        let mut bands: Vec<Vec<String>> = vec![Vec::new(); 4];
        for story in analysis
            .stories
            .iter()
            .filter(|s| event_of[&s.id.0].starts_with("basil"))
        {
            let positions: Vec<usize> = story.articles.iter().map(|a| pos[a]).collect();
            let sentences = parallax_claims::collect::candidates(&analysis, &positions);
            for (a, b, cos) in parallax_claims::align::similar_pairs(&sentences, 0.2) {
                let band = match cos {
                    c if c < 0.35 => 0,
                    c if c < 0.5 => 1,
                    c if c < 0.7 => 2,
                    _ => 3,
                };
                let (sa, sb) = (&sentences[a], &sentences[b]);
                bands[band].push(format!(
                    "{}\t{cos:.2}\n  A: {}\n  B: {}",
                    pairs::pair_key(&analysis, sa, sb),
                    sa.text,
                    sb.text
                ));
            }
        }
        for (n, band) in bands.iter().enumerate() {
            let step = (band.len() / 15).max(1);
            println!("== band {n}: {} pairs", band.len());
            for line in band.iter().step_by(step).take(15) {
                println!("{line}");
            }
        }
    }
    // Near misses: pairs just under the agreement threshold, to judge it by eye.
    if let Some(band) = flag("--near") {
        let (lo, hi) = band.split_once(',').expect("--near LO,HI");
        let (lo, hi): (f32, f32) = (lo.parse().expect("LO"), hi.parse().expect("HI"));
        let pos = analysis.article_positions();
        let mut shown = 0;
        let only = flag("--event").cloned();
        for story in analysis.stories.iter().filter(|s| match &only {
            Some(e) => event_of[&s.id.0] == e.as_str(),
            None => event_of[&s.id.0].starts_with("basil"),
        }) {
            let positions: Vec<usize> = story.articles.iter().map(|a| pos[a]).collect();
            let sentences = parallax_claims::collect::candidates(&analysis, &positions);
            for (a, b, cos) in parallax_claims::align::similar_pairs(&sentences, lo) {
                if cos < hi && shown < show.max(20) {
                    shown += 1;
                    println!(
                        "\n{cos:.2} {:?}",
                        parallax_claims::align::relate(&sentences[a], &sentences[b], cos)
                    );
                    println!("   {}", sentences[a].text);
                    println!("   {}", sentences[b].text);
                    if args.iter().any(|a| a == "--facts") {
                        println!("   {:?} {:?}", sentences[a].terms, sentences[a].entities);
                        println!("   {:?} {:?}", sentences[b].terms, sentences[b].entities);
                    }
                }
            }
        }
    }
    if let Some(out) = out {
        let path = parallax_store::save(&out, &analysis).expect("data directory saved");
        parallax_store::write_export(&out, &analysis).expect("export written");
        println!("\nsaved {}", path.display());
    }
}
