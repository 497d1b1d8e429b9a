//! The short summary printed after a run.

use parallax_core::Analysis;
use parallax_store::ExportCounts;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

/// Prints counts, problems and the best-corroborated claims to stdout. A reader that
/// stops early (`| head`) is not an error: the export is already written.
pub fn print(analysis: &Analysis, counts: &ExportCounts, out: &Path, elapsed: Duration) {
    use std::io::Write;
    let text = render(analysis, counts, out, elapsed);
    let mut stdout = std::io::stdout().lock();
    if let Err(err) = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        if err.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("warning: could not print the summary: {err}");
        }
    }
}

/// The summary's text.
fn render(analysis: &Analysis, counts: &ExportCounts, out: &Path, elapsed: Duration) -> String {
    let mut s = String::new();
    let outlets: BTreeSet<&str> = analysis
        .articles
        .iter()
        .filter_map(|a| a.outlet.as_deref())
        .collect();
    let _ = writeln!(
        s,
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
        let _ = writeln!(
            s,
            "{} documents could not be analysed:",
            analysis.problems.len()
        );
        for p in analysis.problems.iter().take(10) {
            // Readers' reasons already open with the file's path.
            if p.reason.starts_with(&p.source) {
                let _ = writeln!(s, "  {}", p.reason);
            } else {
                let _ = writeln!(s, "  {}: {}", p.source, p.reason);
            }
        }
        if analysis.problems.len() > 10 {
            let _ = writeln!(
                s,
                "  ... {} more in problems.jsonl",
                analysis.problems.len() - 10
            );
        }
    }
    for skipped in &analysis.skipped {
        let _ = writeln!(s, "note: {}", skipped.reason);
    }
    let mut claims: Vec<_> = analysis.claims.iter().collect();
    claims.sort_by_key(|c| std::cmp::Reverse((c.independent_sources, c.support.len())));
    if !claims.is_empty() {
        let _ = writeln!(s, "best-corroborated claims:");
        for c in claims.iter().take(5) {
            let contradicted = if c.contradicted_by.is_empty() {
                String::new()
            } else {
                format!(", contradicted by {}", c.contradicted_by.len())
            };
            let _ = writeln!(
                s,
                "  [{} independent{}] {}",
                c.independent_sources,
                contradicted,
                shorten(&c.text, 110)
            );
        }
    }
    let _ = writeln!(s, "export written to {}", out.display());
    s
}

fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max_chars - 1).collect();
    format!("{cut}…")
}
