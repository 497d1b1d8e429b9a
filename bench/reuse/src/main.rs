//! `parallax-bench-reuse`: generates rewritten copies with known copied spans from the
//! stories-dev texts (read at bench time, never committed), runs reuse detection and
//! prints passage precision and recall, origin accuracy and throughput at 100,000
//! articles next to gaoya's published figure.
//!
//! Usage: `parallax-bench-reuse [--sources N] [--scale N] [--every-text]`.

mod generate;

use parallax_bench_common::{f3, shared_dir, Table};
use parallax_core::{CharSpan, OriginKind};
use std::collections::HashMap;
use std::time::Instant;

fn main() {
    if let Err(e) = run() {
        eprintln!("parallax-bench-reuse: {e}");
        std::process::exit(1);
    }
}

fn arg(args: &[String], name: &str, default: usize) -> Result<usize, String> {
    match args.iter().position(|a| a == name) {
        Some(i) => args
            .get(i + 1)
            .and_then(|v| v.parse().ok())
            .ok_or(format!("{name} needs a number")),
        None => Ok(default),
    }
}

/// The gold event of every labelled text, in file order.
fn events() -> Result<Vec<String>, String> {
    let dir = shared_dir().join("data/stories-dev");
    let gold =
        std::fs::read_to_string(dir.join("gold.jsonl")).map_err(|e| format!("gold.jsonl: {e}"))?;
    let event_of: HashMap<String, String> = gold
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            Some((
                v["url"].as_str()?.to_owned(),
                v["event"].as_str()?.to_owned(),
            ))
        })
        .collect();
    let articles = std::fs::read_to_string(dir.join("articles.jsonl"))
        .map_err(|e| format!("articles.jsonl: {e}"))?;
    Ok(articles
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap_or_default();
            v["url"]
                .as_str()
                .and_then(|u| event_of.get(u))
                .cloned()
                .unwrap_or_default()
        })
        .collect())
}

fn texts() -> Result<Vec<String>, String> {
    let path = shared_dir().join("data/stories-dev/articles.jsonl");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value =
                serde_json::from_str(l).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(v["text"].as_str().unwrap_or_default().to_owned())
        })
        .collect()
}

/// Non-space code points of `spans` (merged), as a set of positions.
fn covered(text: &[char], spans: impl Iterator<Item = CharSpan>) -> std::collections::HashSet<u32> {
    spans
        .flat_map(|s| s.start()..s.end())
        .filter(|&i| text.get(i as usize).is_some_and(|c| !c.is_whitespace()))
        .collect()
}

/// What one run of reuse detection scores against the generated gold.
struct Scores {
    precision: f64,
    recall: f64,
    origin: f64,
    direction: f64,
    false_links: usize,
    links: usize,
    /// Share of copies that dates alone (then stream order) put after their source.
    dates_alone: f64,
}

/// Runs reuse detection on `set` and scores passages (non-space code points of both
/// bodies), origins and link directions.
fn score(set: &generate::TestSet) -> Scores {
    let (links, provenance) = parallax_reuse::detect_reuse(&set.articles);

    // Passage precision and recall, on the (source, copy) pairs, in non-space code points
    // of both bodies; links between articles that share nothing in the gold count as
    // false passages.
    let index_of: HashMap<_, _> = set
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id, i))
        .collect();
    let gold_pair: HashMap<(usize, usize), &generate::Copy> = set
        .copies
        .iter()
        .map(|c| ((c.source, c.target), c))
        .collect();
    let sibling = |a: usize, b: usize| {
        let src = |x: usize| set.copies.iter().find(|c| c.target == x).map(|c| c.source);
        src(a).is_some() && src(a) == src(b) || src(a) == Some(b) || src(b) == Some(a)
    };
    let chars: Vec<Vec<char>> = set
        .articles
        .iter()
        .map(|a| a.body.chars().collect())
        .collect();
    let (mut hit, mut predicted, mut gold_total, mut found) = (0usize, 0usize, 0usize, 0usize);
    let mut false_links = 0;
    let mut direction_right = 0;
    let mut by_pair: HashMap<(usize, usize), Vec<(CharSpan, CharSpan)>> = HashMap::new();
    for l in &links {
        let (s, t) = (index_of[&l.source], index_of[&l.target]);
        let spans = l.passages.iter().map(|p| (p.source, p.target));
        if gold_pair.contains_key(&(s, t)) {
            direction_right += 1;
            by_pair.entry((s, t)).or_default().extend(spans);
        } else if gold_pair.contains_key(&(t, s)) {
            by_pair
                .entry((t, s))
                .or_default()
                .extend(l.passages.iter().map(|p| (p.target, p.source)));
        } else if !sibling(s, t) {
            false_links += 1;
            if std::env::var_os("PX_SHOW_FALSE").is_some() && false_links <= 6 {
                for p in &l.passages {
                    let text: String = set.articles[t]
                        .body
                        .chars()
                        .skip(p.target.start() as usize)
                        .take(p.target.char_len() as usize)
                        .collect();
                    eprintln!(
                        "false link {} -> {}: {text:?}",
                        set.articles[s].source, set.articles[t].source
                    );
                }
            }
            predicted += l
                .passages
                .iter()
                .map(|p| p.source.char_len() + p.target.char_len())
                .sum::<u32>() as usize;
        }
    }
    for c in &set.copies {
        let pred = by_pair
            .get(&(c.source, c.target))
            .cloned()
            .unwrap_or_default();
        let ps = covered(&chars[c.source], pred.iter().map(|p| p.0));
        let pt = covered(&chars[c.target], pred.iter().map(|p| p.1));
        let gs = covered(&chars[c.source], c.spans.iter().map(|s| s.source));
        let gt = covered(&chars[c.target], c.spans.iter().map(|s| s.target));
        hit += ps.intersection(&gs).count() + pt.intersection(&gt).count();
        predicted += ps.len() + pt.len();
        gold_total += gs.len() + gt.len();
        found += pt.intersection(&gt).count() + ps.intersection(&gs).count();
    }
    let origin_right = set
        .copies
        .iter()
        .filter(|c| match &provenance[c.target].origin {
            OriginKind::Republished(s) | OriginKind::Rewritten(s) => {
                *s == set.articles[c.source].id
            }
            OriginKind::Wire(agency) => c.agency.as_deref() == Some(agency.as_str()),
            OriginKind::Original => false,
        })
        .count();
    let copies = set.copies.len().max(1) as f64;
    let dates_right = set
        .copies
        .iter()
        .filter(|c| {
            let (s, t) = (&set.articles[c.source], &set.articles[c.target]);
            (t.published, c.target) > (s.published, c.source)
        })
        .count();
    Scores {
        dates_alone: dates_right as f64 / copies,
        precision: hit as f64 / predicted.max(1) as f64,
        recall: found as f64 / gold_total.max(1) as f64,
        origin: origin_right as f64 / copies,
        direction: direction_right as f64 / copies,
        false_links,
        links: links.len(),
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let sources = arg(&args, "--sources", 400)?;
    let scale = arg(&args, "--scale", 100_000)?;
    // Every unlinked text a source, not one per gold event: a larger set, where texts of
    // one event share quotations and so count as links between unrelated articles.
    let every_text = args.iter().any(|a| a == "--every-text");
    let all = texts()?;
    // The labelled texts hold real wire copies and shared quotations of each other; keep
    // one text per gold event, and only texts that share no passage with a text already
    // kept, so every link between sources is a mistake.
    let events = events()?;
    let mut events_used = std::collections::HashSet::new();
    let raw: Vec<_> = all
        .iter()
        .enumerate()
        .map(|(i, t)| parallax_core::Article::from_text(&i.to_string(), t))
        .collect();
    let (raw_links, _) = parallax_reuse::detect_reuse(&raw);
    let raw_index: HashMap<_, _> = raw.iter().enumerate().map(|(i, a)| (a.id, i)).collect();
    let mut linked: Vec<Vec<usize>> = vec![Vec::new(); raw.len()];
    for l in &raw_links {
        let (a, b) = (raw_index[&l.source], raw_index[&l.target]);
        linked[a].push(b);
        linked[b].push(a);
    }
    let mut kept = vec![false; raw.len()];
    let mut texts = Vec::new();
    for i in 0..raw.len() {
        if texts.len() < sources
            && !linked[i].iter().any(|&j| kept[j])
            && (every_text || events_used.insert(events.get(i).cloned().unwrap_or_default()))
        {
            kept[i] = true;
            texts.push(all[i].clone());
        }
    }
    let set = generate::generate(&texts, 42);
    let full = score(&set);
    let undated = score(&generate::without_dates(&set, 9));
    let near = score(&generate::with_dates_near(&set, 9));
    println!("Reuse on generated rewrites: {} articles ({} copies of {} sources; sentences dropped, reordered, new intros, light word edits, datelines changed or dropped)\n", set.articles.len(), set.copies.len(), set.articles.len() - set.copies.len());
    let mut t = Table::new(&[
        "measure",
        "parallax",
        "dates withheld, order shuffled",
        "copies dated near their source",
        "goal",
    ]);
    let columns = |f: &dyn Fn(&Scores) -> String| vec![f(&full), f(&undated), f(&near)];
    let rows: [(&str, Vec<String>, &str); 7] = [
        (
            "passage precision (code points)",
            columns(&|s| f3(s.precision)),
            "0.950",
        ),
        (
            "passage recall (code points)",
            columns(&|s| f3(s.recall)),
            "0.950",
        ),
        (
            "origin accuracy (provenance of each copy)",
            columns(&|s| f3(s.origin)),
            "0.950",
        ),
        (
            "link direction right (source → copy)",
            columns(&|s| f3(s.direction)),
            "-",
        ),
        (
            "links between unrelated articles",
            columns(&|s| s.false_links.to_string()),
            "0",
        ),
        ("links found", columns(&|s| s.links.to_string()), "-"),
        (
            "direction by dates alone (then stream order)",
            columns(&|s| f3(s.dates_alone)),
            "-",
        ),
    ];
    for (name, values, goal) in rows {
        let mut row = vec![name.to_owned()];
        row.extend(values);
        row.push(goal.to_owned());
        t.row(row);
    }
    print!("{}", t.render());

    // Throughput: rounds of the whole stream with every third word changed per round,
    // so rounds do not copy each other, plus their generated copies.
    let mut big_texts = Vec::new();
    let mut round = 0usize;
    while big_texts.len() * 2 < scale {
        for text in &all {
            let tag = format!("r{round}x");
            big_texts.push(
                text.split(' ')
                    .enumerate()
                    .map(|(i, w)| {
                        if i % 3 == 1 {
                            format!("{w}{tag}")
                        } else {
                            w.to_owned()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
        round += 1;
    }
    let big = generate::generate(&big_texts, 7);
    let n = big.articles.len().min(scale);
    let articles = &big.articles[..n];
    let start = Instant::now();
    let (big_links, _) = parallax_reuse::detect_reuse(articles);
    let secs = start.elapsed().as_secs_f64();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let start = Instant::now();
    let candidates = parallax_reuse::candidate_pairs_of(articles).len();
    let index_secs = start.elapsed().as_secs_f64();
    let mut t = Table::new(&[
        "system",
        "articles",
        "seconds",
        "articles/s",
        "links",
        "work",
    ]);
    t.row(vec![
        format!("parallax-reuse ({threads} threads)"),
        n.to_string(),
        format!("{secs:.1}"),
        format!("{:.0}", n as f64 / secs),
        big_links.len().to_string(),
        "MinHash LSH + fingerprints, insert+query, passage alignment".into(),
    ]);
    t.row(vec![
        format!("parallax-reuse, index only ({threads} threads)"),
        n.to_string(),
        format!("{index_secs:.1}"),
        format!("{:.0}", n as f64 / index_secs),
        format!("{candidates} pairs"),
        "MinHash LSH + fingerprints, insert+query".into(),
    ]);
    t.row(vec![
        "gaoya (published)".into(),
        "100000".into(),
        "~6".into(),
        "~16700".into(),
        "-".into(),
        "MinHash LSH insert+query only".into(),
    ]);
    println!("\nThroughput\n");
    print!("{}", t.render());
    Ok(())
}
