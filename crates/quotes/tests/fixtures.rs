//! Golden tests: each fixture's quotes with the text of their content, cue and speaker.

mod common;

use common::article_from;
use parallax_core::{Article, CharIndex};
use std::fmt::Write;

fn render(article: &Article) -> String {
    let mentions = parallax_language::analyze(article);
    let quotes = parallax_quotes::find_quotes(article, &mentions);
    let index = CharIndex::new(&article.body);
    let text = |s| index.slice(&article.body, s).unwrap_or("<out of body>");
    let mut out = String::new();
    for q in &quotes {
        writeln!(out, "{:?}: {}", q.kind, text(q.span)).unwrap();
        for p in &q.parts {
            writeln!(out, "  part: {}", text(*p)).unwrap();
        }
        writeln!(out, "  cue: {}", q.cue.map_or("-", text)).unwrap();
        let entity = q
            .speaker
            .entity
            .and_then(|e| mentions.entity(e))
            .map_or("-".to_string(), |e| format!("{} ({:?})", e.name, e.kind));
        writeln!(
            out,
            "  speaker: {} -> {}",
            q.speaker.mention.map_or("-", text),
            entity
        )
        .unwrap();
    }
    out
}

#[test]
fn quotes_on_fixtures() {
    insta::glob!("fixtures/*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        insta::assert_snapshot!(render(&article_from(&text)));
    });
}
