//! The short summary printed after a run.

use parallax_core::Analysis;
use parallax_store::ExportCounts;
use std::collections::BTreeSet;
use std::path::Path;
use std::time::Duration;

/// Prints counts, problems and the best-corroborated claims to stdout.
pub fn print(analysis: &Analysis, counts: &ExportCounts, out: &Path, elapsed: Duration) {
    let outlets: BTreeSet<&str> = analysis
        .articles
        .iter()
        .filter_map(|a| a.outlet.as_deref())
        .collect();
    println!(
        "{} articles from {} outlets, {} stories, {} quotes, {} entities, {} reuse links, {} claims in {:.1}s",
        counts.articles,
        outlets.len(),
        counts.stories,
        counts.quotes,
        counts.entities,
        counts.reuse,
        counts.claims,
        elapsed.as_secs_f64()
    );
    if !analysis.problems.is_empty() {
        println!(
            "{} documents could not be analysed:",
            analysis.problems.len()
        );
        for p in analysis.problems.iter().take(10) {
            println!("  {}: {}", p.source, p.reason);
        }
        if analysis.problems.len() > 10 {
            println!(
                "  ... {} more in problems.jsonl",
                analysis.problems.len() - 10
            );
        }
    }
    for s in &analysis.skipped {
        println!("note: {}", s.reason);
    }
    let mut claims: Vec<_> = analysis.claims.iter().collect();
    claims.sort_by_key(|c| std::cmp::Reverse((c.independent_sources, c.support.len())));
    if !claims.is_empty() {
        println!("best-corroborated claims:");
        for c in claims.iter().take(5) {
            let contradicted = if c.contradicted_by.is_empty() {
                String::new()
            } else {
                format!(", contradicted by {}", c.contradicted_by.len())
            };
            println!(
                "  [{} independent{}] {}",
                c.independent_sources,
                contradicted,
                shorten(&c.text, 110)
            );
        }
    }
    println!("export written to {}", out.display());
}

fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max_chars - 1).collect();
    format!("{cut}…")
}
