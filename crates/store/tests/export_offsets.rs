//! The export promises code-point offsets: `body[start:end]` in Python gives the span.
//! Checked on a body with curly quotes, an em dash and Cyrillic, where byte and
//! code-point offsets differ.

use parallax_core::{
    Analysis, Article, ArticleId, CharIndex, CharSpan, FieldSources, Quote, QuoteKind, Speaker,
};
use serde_json::Value;

fn python_slice(body: &str, start: u64, end: u64) -> String {
    body.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

fn span_of(body: &str, needle: &str) -> CharSpan {
    let start = body.find(needle).expect("needle in body");
    CharIndex::new(body).span_of_bytes(start, start + needle.len())
}

#[test]
fn quote_offsets_are_code_points_into_body() {
    let body = "Сергей Лавров — the minister — said: “Мы готовы к диалогу,” and left.\n\n\
                Later he added that talks were “constructive”."
        .to_owned();
    let source = "fixture.txt";
    let article = Article {
        id: ArticleId::from_source_and_body(source, &body),
        source: source.into(),
        title: Some("Заголовок".into()),
        byline: None,
        outlet: Some("Demo Outlet".into()),
        published: None,
        credits: vec![],
        language: None,
        body: body.clone(),
        field_sources: FieldSources::default(),
    };
    let direct = span_of(&body, "Мы готовы к диалогу,");
    let partial = span_of(&body, "constructive");
    let cue = span_of(&body, "said");
    let speaker = span_of(&body, "Сергей Лавров");
    let analysis = Analysis {
        quotes: vec![vec![
            Quote {
                kind: QuoteKind::Direct,
                span: direct,
                parts: vec![],
                cue: Some(cue),
                speaker: Speaker {
                    mention: Some(speaker),
                    entity: None,
                },
            },
            Quote {
                kind: QuoteKind::Partial,
                span: partial,
                parts: vec![],
                cue: None,
                speaker: Speaker {
                    mention: None,
                    entity: None,
                },
            },
        ]],
        articles: vec![article],
        mentions: vec![Default::default()],
        ..Analysis::default()
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let counts = parallax_store::write_export(dir.path(), &analysis).expect("export written");
    assert_eq!(counts.quotes, 2);

    let articles = std::fs::read_to_string(dir.path().join("articles.jsonl")).unwrap();
    let exported: Value = serde_json::from_str(articles.lines().next().unwrap()).unwrap();
    let exported_body = exported["body"].as_str().unwrap();
    assert_eq!(exported_body, body);

    let quotes = std::fs::read_to_string(dir.path().join("quotes.jsonl")).unwrap();
    let rows: Vec<Value> = quotes
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for row in &rows {
        let (start, end) = (row["start"].as_u64().unwrap(), row["end"].as_u64().unwrap());
        assert_eq!(
            python_slice(exported_body, start, end),
            row["text"].as_str().unwrap()
        );
    }
    assert_eq!(rows[0]["text"], "Мы готовы к диалогу,");
    assert_eq!(rows[0]["cue"], "said");
    assert_eq!(rows[0]["speaker"]["mention"], "Сергей Лавров");
    assert_eq!(rows[0]["start"], 38);
    assert_eq!(rows[1]["text"], "constructive");

    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("manifest.json")).unwrap())
            .unwrap();
    assert_eq!(manifest["complete"], true);
    assert_eq!(manifest["counts"]["quotes"], 2);
}
