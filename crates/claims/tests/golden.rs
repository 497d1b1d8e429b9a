//! Golden tests: hand-written stories in `fixtures/`, parsed into an `Analysis`, run
//! through `align_claims`, rendered with every span and the text it covers.
//!
//! Fixture format: `== label` opens an article; header lines `outlet:`, `published:`,
//! `origin: original | wire AGENCY | republished LABEL | rewritten LABEL`, `credits:`,
//! `reuse: LABEL | passage found in both bodies`,
//! `entity: Kind | Canonical | surface, surface`, `quote: substring | Canonical`,
//! `time: substring = YYYY-MM-DD`; then
//! `---` and the body up to the next `==`. All articles form one story.

use parallax_claims::align_claims;
use parallax_core::{
    Analysis, Article, ArticleId, CharIndex, CharSpan, Claim, DateRange, Entity, EntityId,
    EntityKind, EntityTable, FieldSources, LocalEntity, LocalEntityId, Mention, MentionForm,
    Mentions, OriginKind, PassagePair, Provenance, Quote, QuoteKind, ReuseLink, Speaker, Story,
    StoryAssignment, StoryId, TimeExpression,
};
use std::collections::HashMap;

fn kind(name: &str) -> EntityKind {
    match name {
        "Person" => EntityKind::Person,
        "Place" => EntityKind::Place,
        "Organization" => EntityKind::Organization,
        _ => EntityKind::Other,
    }
}

/// Parses a fixture into an analysis with one story.
fn parse(text: &str) -> Analysis {
    let mut analysis = Analysis::default();
    let mut labels: HashMap<String, ArticleId> = HashMap::new();
    let mut global: HashMap<String, EntityId> = HashMap::new();
    for block in text.split("\n== ").skip(1) {
        let (head, body) = block
            .split_once("\n---\n")
            .expect("fixture article has ---");
        let mut lines = head.lines();
        let label = lines.next().expect("label").trim().to_owned();
        let body = body.trim_end().to_owned();
        let source = format!("fixture:{label}");
        let id = ArticleId::from_source_and_body(&source, &body);
        labels.insert(label.clone(), id);
        let mut article = Article {
            id,
            source,
            title: None,
            byline: None,
            outlet: None,
            published: None,
            credits: Vec::new(),
            language: Some("en".into()),
            body,
            field_sources: FieldSources::default(),
        };
        let mut origin = OriginKind::Original;
        let mut key = label.clone();
        let mut mentions = Mentions::default();
        let mut quote_specs = Vec::new();
        let mut reuse_specs: Vec<(String, String)> = Vec::new();
        for line in lines {
            let (field, value) = line.split_once(':').expect("header field");
            let value = value.trim();
            match field {
                "outlet" => article.outlet = Some(value.into()),
                "published" => article.published = value.parse().ok(),
                "credits" => article.credits = vec![value.into()],
                "origin" => {
                    let mut parts = value.split_whitespace();
                    match (parts.next(), parts.next()) {
                        (Some("wire"), Some(agency)) => {
                            origin = OriginKind::Wire(agency.into());
                            key = format!("wire:{agency}");
                        }
                        (Some("republished"), Some(of)) => {
                            origin = OriginKind::Republished(labels[of]);
                            key = of.into();
                        }
                        (Some("rewritten"), Some(of)) => origin = OriginKind::Rewritten(labels[of]),
                        _ => {}
                    }
                }
                "entity" => {
                    let parts: Vec<&str> = value.split('|').map(str::trim).collect();
                    let canonical = parts[1].to_owned();
                    let next = EntityId(global.len() as u32);
                    let gid = *global.entry(canonical.clone()).or_insert_with(|| {
                        analysis.entities.entities.push(Entity {
                            id: next,
                            name: canonical.clone(),
                            kind: kind(parts[0]),
                            aliases: Vec::new(),
                        });
                        next
                    });
                    let local = LocalEntityId(mentions.entities.len() as u32);
                    let surfaces: Vec<String> =
                        parts[2].split(',').map(|s| s.trim().to_owned()).collect();
                    mentions.entities.push(LocalEntity {
                        id: local,
                        name: canonical,
                        kind: kind(parts[0]),
                        aliases: surfaces.clone(),
                    });
                    analysis.entities.resolved.insert((id, local), gid);
                    add_mentions(&article.body, &surfaces, local, &mut mentions.mentions);
                }
                "reuse" => {
                    let (of, passage) = value.split_once('|').expect("reuse: label | text");
                    reuse_specs.push((of.trim().to_owned(), passage.trim().to_owned()));
                }
                "time" => {
                    let (surface, day) = value.split_once('=').expect("time: text = date");
                    let (surface, day) = (surface.trim(), day.trim().parse().expect("ISO date"));
                    let at = article.body.find(surface).expect("time text in body");
                    let index = CharIndex::new(&article.body);
                    mentions.times.push(TimeExpression {
                        span: index.span_of_bytes(at, at + surface.len()),
                        resolved: Some(DateRange {
                            start: day,
                            end: day,
                        }),
                    });
                }
                "quote" => {
                    let (q, who) = value.split_once('|').expect("quote | speaker");
                    quote_specs.push((q.trim().to_owned(), who.trim().to_owned()));
                }
                other => panic!("unknown fixture field {other}"),
            }
        }
        mentions.mentions.sort_by_key(|m| m.span);
        let index = CharIndex::new(&article.body);
        let quotes = quote_specs
            .iter()
            .map(|(q, who)| {
                let at = article.body.find(q.as_str()).expect("quote text in body");
                let entity = mentions
                    .entities
                    .iter()
                    .find(|e| &e.name == who)
                    .map(|e| e.id);
                Quote {
                    kind: QuoteKind::Direct,
                    span: index.span_of_bytes(at, at + q.len()),
                    parts: Vec::new(),
                    cue: None,
                    speaker: Speaker {
                        mention: None,
                        entity,
                    },
                }
            })
            .collect();
        for (of, passage) in &reuse_specs {
            let source = analysis
                .articles
                .iter()
                .find(|a| a.id == labels[of])
                .expect("reuse source comes earlier");
            let span_in = |body: &str| {
                let at = body.find(passage.as_str()).expect("passage in both bodies");
                CharIndex::new(body).span_of_bytes(at, at + passage.len())
            };
            analysis.reuse.push(ReuseLink {
                source: source.id,
                target: id,
                similarity: 0.5,
                passages: vec![PassagePair {
                    source: span_in(&source.body),
                    target: span_in(&article.body),
                }],
            });
        }
        analysis.provenance.push(Provenance {
            article: id,
            origin,
            independence_key: key,
        });
        analysis.assignments.push(StoryAssignment {
            article: id,
            story: StoryId(1),
            score: 1.0,
        });
        analysis.mentions.push(mentions);
        analysis.quotes.push(quotes);
        analysis.articles.push(article);
    }
    analysis.stories.push(Story {
        id: StoryId(1),
        title: "fixture".into(),
        articles: analysis.articles.iter().map(|a| a.id).collect(),
        start: None,
        end: None,
        storyline: None,
    });
    analysis
}

/// Adds a mention for every occurrence of each surface, longest surfaces first, never
/// overlapping one already taken.
fn add_mentions(body: &str, surfaces: &[String], local: LocalEntityId, out: &mut Vec<Mention>) {
    let index = CharIndex::new(body);
    let mut sorted = surfaces.to_vec();
    sorted.sort_by_key(|s| std::cmp::Reverse(s.len()));
    for surface in &sorted {
        for (at, _) in body.match_indices(surface.as_str()) {
            let span = index.span_of_bytes(at, at + surface.len());
            if out.iter().all(|m: &Mention| !m.span.overlaps(span)) {
                let form = if surface.starts_with("the ") {
                    MentionForm::Role
                } else {
                    MentionForm::Name
                };
                out.push(Mention {
                    span,
                    entity: local,
                    form,
                });
            }
        }
    }
}

/// Renders claims with each span and the text it covers, articles by label.
fn render(analysis: &Analysis, claims: &[Claim]) -> String {
    let label = |id: ArticleId| -> String {
        let a = analysis
            .articles
            .iter()
            .find(|a| a.id == id)
            .expect("known article");
        a.source.trim_start_matches("fixture:").to_owned()
    };
    let covered = |id: ArticleId, span: CharSpan| -> String {
        let a = analysis
            .articles
            .iter()
            .find(|a| a.id == id)
            .expect("known article");
        CharIndex::new(&a.body)
            .slice(&a.body, span)
            .expect("span inside body")
            .to_owned()
    };
    let mut out = String::new();
    for c in claims {
        out += &format!("claim c{} (story s{}): {}\n", c.id.0, c.story.0, c.text);
        let speaker = c
            .attributed_to
            .map(|e| analysis.entities.entities[e.0 as usize].name.clone());
        out += &format!("  attributed_to: {}\n", speaker.as_deref().unwrap_or("-"));
        out += &format!("  independent_sources: {}\n", c.independent_sources);
        for e in &c.support {
            out += &format!(
                "  support {} [{}..{}] {}\n",
                label(e.article),
                e.span.start(),
                e.span.end(),
                covered(e.article, e.span)
            );
        }
        for e in &c.contradicted_by {
            out += &format!(
                "  contradicted_by {} [{}..{}] {}\n",
                label(e.article),
                e.span.start(),
                e.span.end(),
                covered(e.article, e.span)
            );
        }
        let omitted: Vec<String> = c.omitted_by.iter().map(|&a| label(a)).collect();
        out += &format!("  omitted_by: {}\n", omitted.join(", "));
    }
    out
}

#[test]
fn claims_on_fixtures() {
    insta::glob!("fixtures/*.txt", |path| {
        let text = std::fs::read_to_string(path).expect("fixture readable");
        let analysis = parse(&text);
        let claims = align_claims(&analysis);
        insta::assert_snapshot!(render(&analysis, &claims));
    });
}

#[test]
fn output_is_deterministic() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/dam-collapse.txt"
    ))
    .expect("fixture readable");
    let analysis = parse(&text);
    assert_eq!(align_claims(&analysis), align_claims(&analysis));
}

#[test]
fn empty_analysis_gives_no_claims() {
    assert!(align_claims(&Analysis::default()).is_empty());
    let _ = EntityTable::default();
}

/// A stand-in for the sentence model in these tests: texts holding one of the keys get
/// that key's unit vector, every other text an axis of its own (close to nothing).
struct KeyedVectors(Vec<(&'static str, Vec<f32>)>);

impl parallax_claims::semantic::SentenceEncoder for KeyedVectors {
    fn encode(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, String> {
        let dims = 64;
        Ok(texts
            .iter()
            .enumerate()
            .map(|(i, t)| match self.0.iter().find(|(k, _)| t.contains(k)) {
                Some((_, v)) => {
                    let mut out = v.clone();
                    out.resize(dims, 0.0);
                    out
                }
                None => {
                    let mut out = vec![0.0; dims];
                    out[8 + i % (dims - 8)] = 1.0;
                    out
                }
            })
            .collect())
    }
}

const PARAPHRASE: &str = "\
== north
outlet: Northern Ledger
published: 2026-05-12
entity: Place | Pellaria | Pellaria
---
Inspectors in Pellaria recorded 300 ruined houses after the storm.
== south
outlet: Southern Mail
published: 2026-05-12
entity: Place | Pellaria | Pellaria
---
Officials counted 300 damaged homes across Pellaria once the gale had passed.
== east
outlet: Eastern Post
published: 2026-05-12
entity: Place | Pellaria | Pellaria
---
Surveyors tallied 900 wrecked homes throughout Pellaria after the weather cleared.
";

#[test]
fn embeddings_join_paraphrases_the_words_leave_apart_but_not_other_figures() {
    let analysis = parse(PARAPHRASE);
    let stated_together =
        |claims: &[Claim]| claims.iter().map(|c| c.support.len()).max().unwrap_or(0);
    // The words alone: no claim is stated by two articles.
    assert_eq!(stated_together(&align_claims(&analysis)), 1);
    // All three sentences close in meaning; the third counts 900 homes, not 300.
    let close = KeyedVectors(vec![
        ("ruined houses", vec![1.0, 0.0]),
        ("damaged homes", vec![0.96, 0.28]),
        ("wrecked homes", vec![0.96, -0.28]),
    ]);
    let claims = parallax_claims::align_claims_with(&analysis, Some(&close));
    assert_eq!(
        stated_together(&claims),
        2,
        "{}",
        render(&analysis, &claims)
    );
    let joined = claims
        .iter()
        .find(|c| c.support.len() == 2)
        .expect("joined");
    assert!(joined.text.contains("300"), "{}", joined.text);
    // Vectors far apart change nothing.
    let far = KeyedVectors(Vec::new());
    assert_eq!(
        parallax_claims::align_claims_with(&analysis, Some(&far)),
        align_claims(&analysis)
    );
}
