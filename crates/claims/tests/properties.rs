//! Whatever the bodies hold, claims never panic and every evidence span lies inside its
//! article's body, on the text it claims to cover.

use parallax_claims::align_claims;
use parallax_core::{
    Analysis, Article, ArticleId, CharIndex, FieldSources, OriginKind, Provenance, Story, StoryId,
};
use proptest::prelude::*;

fn article(n: usize, body: String) -> Article {
    let source = format!("prop{n}");
    Article {
        id: ArticleId::from_source_and_body(&source, &body),
        source,
        title: None,
        byline: None,
        outlet: Some(format!("Outlet {}", n % 2)),
        published: None,
        credits: Vec::new(),
        language: None,
        body,
        field_sources: FieldSources::default(),
    }
}

/// Bodies built from sentence-like pieces, so alignment actually happens, mixed with
/// arbitrary text (curly quotes, Cyrillic, digits, stray punctuation).
fn body() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Officials said 250,000 people fled the Kessa valley on Tuesday. ".to_owned()),
        Just("Officials said 300,000 people fled the Kessa valley on Tuesday. ".to_owned()),
        Just("The ministry denied that Varnian troops left Ostrel. ".to_owned()),
        Just("“Мы не уйдём,” said Colonel Dask, 80 percent sure.\n\n".to_owned()),
        "\\PC{0,60}",
    ];
    prop::collection::vec(piece, 0..8).prop_map(|p| p.concat())
}

proptest! {
    #[test]
    fn spans_stay_inside_bodies(bodies in prop::collection::vec(body(), 1..4)) {
        let mut analysis = Analysis::default();
        for (n, b) in bodies.into_iter().enumerate() {
            let a = article(n, b);
            analysis.provenance.push(Provenance {
                article: a.id,
                origin: OriginKind::Original,
                independence_key: a.id.to_string(),
            });
            analysis.articles.push(a);
        }
        analysis.stories.push(Story {
            id: StoryId(1),
            title: "p".into(),
            articles: analysis.articles.iter().map(|a| a.id).collect(),
            start: None,
            end: None,
            storyline: None,
        });
        let claims = align_claims(&analysis);
        for c in &claims {
            prop_assert!(!c.support.is_empty());
            prop_assert!(c.independent_sources >= 1);
            prop_assert!(c.independent_sources as usize <= c.support.len());
            for e in c.support.iter().chain(&c.contradicted_by) {
                let a = analysis.articles.iter().find(|a| a.id == e.article).expect("known article");
                let text = CharIndex::new(&a.body).slice(&a.body, e.span);
                prop_assert!(text.is_some_and(|t| !t.trim().is_empty()));
            }
            for o in &c.omitted_by {
                prop_assert!(!c.support.iter().any(|e| e.article == *o));
            }
        }
    }
}
