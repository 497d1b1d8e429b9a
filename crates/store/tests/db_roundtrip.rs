//! The SQLite data directory gives back exactly what was saved.

use parallax_core::*;
use parallax_store::{load, save, DbError};

fn sample() -> Analysis {
    let body = "Губернатор Dask said “250,000 people” left.\n\nThe dam fell.".to_owned();
    let id = ArticleId::from_source_and_body("a.txt", &body);
    let other = ArticleId::from_source_and_body("b.txt", &body);
    let span = CharSpan::new(0, 10).expect("ordered");
    let article = |id, source: &str| Article {
        id,
        source: source.into(),
        title: Some("Dam falls".into()),
        byline: Some("A. Writer".into()),
        outlet: Some("Varnia Herald".into()),
        published: "2026-03-03".parse().ok(),
        credits: vec!["MPA".into()],
        language: Some("en".into()),
        body: body.clone(),
        field_sources: FieldSources {
            title: Some(FieldSource::MetaTag("og:title".into())),
            ..FieldSources::default()
        },
    };
    let mut entities = EntityTable::default();
    entities.entities.push(Entity {
        id: EntityId(0),
        name: "Mira Dask".into(),
        kind: EntityKind::Person,
        aliases: vec!["Dask".into()],
    });
    entities
        .resolved
        .insert((id, LocalEntityId(0)), EntityId(0));
    Analysis {
        articles: vec![article(id, "a.txt"), article(other, "b.txt")],
        mentions: vec![
            Mentions {
                sentences: vec![span],
                entities: vec![LocalEntity {
                    id: LocalEntityId(0),
                    name: "Dask".into(),
                    kind: EntityKind::Person,
                    aliases: vec!["Dask".into()],
                }],
                mentions: vec![Mention {
                    span,
                    entity: LocalEntityId(0),
                    form: MentionForm::Name,
                }],
                times: vec![TimeExpression {
                    span,
                    resolved: None,
                }],
            },
            Mentions::default(),
        ],
        entities,
        quotes: vec![
            vec![Quote {
                kind: QuoteKind::Partial,
                span,
                parts: vec![span],
                cue: Some(span),
                speaker: Speaker {
                    mention: Some(span),
                    entity: Some(LocalEntityId(0)),
                },
            }],
            Vec::new(),
        ],
        reuse: vec![ReuseLink {
            source: id,
            target: other,
            similarity: 0.9,
            passages: vec![PassagePair {
                source: span,
                target: span,
            }],
        }],
        provenance: vec![
            Provenance {
                article: id,
                origin: OriginKind::Original,
                independence_key: "a".into(),
            },
            Provenance {
                article: other,
                origin: OriginKind::Wire("MPA".into()),
                independence_key: "wire:MPA".into(),
            },
        ],
        assignments: vec![StoryAssignment {
            article: id,
            story: StoryId(3),
            score: 1.0,
        }],
        stories: vec![Story {
            id: StoryId(3),
            title: "Dam falls".into(),
            articles: vec![id, other],
            start: "2026-03-03".parse().ok(),
            end: None,
            storyline: Some(StorylineId(1)),
        }],
        storylines: vec![(StorylineId(1), "Floods".into())],
        claims: vec![Claim {
            id: ClaimId(1),
            story: StoryId(3),
            text: "The dam fell.".into(),
            attributed_to: Some(EntityId(0)),
            support: vec![Evidence { article: id, span }],
            independent_sources: 1,
            contradicted_by: vec![Evidence {
                article: other,
                span,
            }],
            omitted_by: vec![other],
            elsewhere_in_storyline: Vec::new(),
        }],
        problems: vec![Problem {
            source: "bad.gz".into(),
            reason: "truncated gzip".into(),
        }],
        skipped: Vec::new(),
        owners: Vec::new(),
    }
}

#[test]
fn save_then_load_gives_back_every_field() {
    let dir = tempfile::tempdir().expect("temp dir");
    let before = sample();
    save(dir.path(), &before).expect("saved");
    // Saving twice replaces the database instead of failing on existing rows.
    save(dir.path(), &before).expect("saved again");
    let after = load(dir.path()).expect("loaded");
    assert_eq!(after.articles, before.articles);
    assert_eq!(after.mentions, before.mentions);
    assert_eq!(after.entities, before.entities);
    assert_eq!(after.quotes, before.quotes);
    assert_eq!(after.reuse, before.reuse);
    assert_eq!(after.provenance, before.provenance);
    assert_eq!(after.assignments, before.assignments);
    assert_eq!(after.stories, before.stories);
    assert_eq!(after.storylines, before.storylines);
    assert_eq!(after.claims, before.claims);
    assert_eq!(after.problems, before.problems);
}

#[test]
fn loading_a_folder_without_a_database_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let err = load(dir.path()).expect_err("no database");
    assert!(matches!(err, DbError::NotADataDir { .. }), "{err}");
}

#[test]
fn search_finds_claims_and_articles_with_marked_snippets() {
    let dir = tempfile::tempdir().expect("temp dir");
    save(dir.path(), &sample()).expect("saved");
    let hits = parallax_store::search(dir.path(), "dam fel", 10).expect("searched");
    let rendered: Vec<String> = hits
        .iter()
        .map(|h| {
            format!(
                "{:?} {:?} {}",
                h.kind,
                h.story,
                h.snippet.replace('\u{E000}', "[").replace('\u{E001}', "]")
            )
        })
        .collect();
    assert_eq!(
        rendered,
        vec![
            "Claim Some(StoryId(3)) The [dam] [fell].",
            "Article Some(StoryId(3)) Губернатор Dask said “250,000 people” left.\n\nThe [dam] [fell].",
            "Article None Губернатор Dask said “250,000 people” left.\n\nThe [dam] [fell].",
        ]
    );
    // Cyrillic folds and matches too; punctuation in the query is no syntax error.
    assert_eq!(
        parallax_store::search(dir.path(), "губернатор\"", 10)
            .expect("searched")
            .len(),
        2
    );
    assert!(parallax_store::search(dir.path(), "  ", 10)
        .expect("searched")
        .is_empty());
}
