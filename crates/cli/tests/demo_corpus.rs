//! End-to-end golden test on the demo corpus (`examples/corpus`).
//!
//! The corpus's gold facts live in `examples/corpus/expected.json`. This test runs the
//! whole pipeline, checks the facts that must always hold with plain asserts, and renders
//! a fact-by-fact report (✓ or ✗ with what Parallax produced) that is pinned as an insta
//! snapshot. A ✗ line in the snapshot is a known shortfall, visible in review; a change
//! in any line shows up as a snapshot diff.

mod demo;

use demo::{Gold, Report};
use parallax_core::CharIndex;
use std::path::Path;

#[test]
fn demo_corpus_matches_its_gold_facts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    // Sources are named relative to where `parallax analyze` runs; the gold file names
    // them as seen from the repository root.
    std::env::set_current_dir(&root).expect("repository root");
    let gold = Gold::load(Path::new("examples/corpus/expected.json"));
    let analysis = parallax_pipeline::analyze_paths(
        &[Path::new("examples/corpus").to_path_buf()],
        &parallax_pipeline::Silent,
    );

    // Invariants that hold whatever the quality of each stage.
    assert_eq!(
        analysis.articles.len(),
        gold.articles,
        "every document is read"
    );
    assert!(analysis.problems.is_empty(), "{:?}", analysis.problems);
    assert_eq!(analysis.skipped.len(), 2, "one note per WARC file");
    for (i, article) in analysis.articles.iter().enumerate() {
        let index = CharIndex::new(&article.body);
        for q in &analysis.quotes[i] {
            assert!(
                index.slice(&article.body, q.span).is_some(),
                "quote span in body"
            );
        }
        for m in &analysis.mentions[i].mentions {
            assert!(
                index.slice(&article.body, m.span).is_some(),
                "mention in body"
            );
        }
    }

    let mut report = Report::new(&analysis);
    report.metadata(&gold);
    report.boilerplate(&gold);
    report.stories(&gold);
    report.reuse(&gold);
    report.claims(&gold);
    report.quotes(&gold);
    report.aliases(&gold);
    report.dates(&gold);
    insta::assert_snapshot!("demo_corpus_report", report.finish());
}
