//! The API answers from an in-memory analysis, through the router, without a network.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use parallax_core::*;
use serde_json::Value;
use tower::ServiceExt;

fn article(source: &str, outlet: &str, body: &str) -> Article {
    Article {
        id: ArticleId::from_source_and_body(source, body),
        source: source.into(),
        title: Some(format!("{outlet} on the dam")),
        byline: None,
        outlet: Some(outlet.into()),
        published: "2026-03-03".parse().ok(),
        credits: Vec::new(),
        language: Some("en".into()),
        body: body.into(),
        field_sources: FieldSources::default(),
    }
}

fn span(start: u32, end: u32) -> CharSpan {
    CharSpan::new(start, end).expect("ordered")
}

/// Two outlets; one quote; one claim stated by one and contradicted by the other.
fn analysis() -> Analysis {
    let a = article(
        "a.txt",
        "Varnia Herald",
        "Губернатор Dask said “250,000 left.”",
    );
    let b = article("b.txt", "Ostrel Daily", "Dask said 300,000 left.");
    let (ia, ib) = (a.id, b.id);
    let mut entities = EntityTable::default();
    entities.entities.push(Entity {
        id: EntityId(0),
        name: "Mira Dask".into(),
        kind: EntityKind::Person,
        aliases: vec!["Dask".into()],
    });
    entities
        .resolved
        .insert((ia, LocalEntityId(0)), EntityId(0));
    Analysis {
        articles: vec![a, b],
        mentions: vec![Mentions::default(), Mentions::default()],
        entities,
        quotes: vec![
            vec![Quote {
                kind: QuoteKind::Direct,
                span: span(22, 34),
                parts: Vec::new(),
                cue: Some(span(16, 20)),
                speaker: Speaker {
                    mention: Some(span(11, 15)),
                    entity: Some(LocalEntityId(0)),
                },
            }],
            Vec::new(),
        ],
        provenance: vec![
            Provenance {
                article: ia,
                origin: OriginKind::Original,
                independence_key: "a".into(),
            },
            Provenance {
                article: ib,
                origin: OriginKind::Wire("MPA".into()),
                independence_key: "wire:MPA".into(),
            },
        ],
        stories: vec![Story {
            id: StoryId(1),
            title: "Dam collapses".into(),
            articles: vec![ia, ib],
            start: "2026-03-03".parse().ok(),
            end: None,
            storyline: None,
        }],
        claims: vec![Claim {
            id: ClaimId(1),
            story: StoryId(1),
            text: "Dask said 250,000 left.".into(),
            attributed_to: Some(EntityId(0)),
            support: vec![Evidence {
                article: ia,
                span: span(11, 35),
            }],
            independent_sources: 1,
            contradicted_by: vec![Evidence {
                article: ib,
                span: span(0, 23),
            }],
            omitted_by: Vec::new(),
            elsewhere_in_storyline: Vec::new(),
        }],
        ..Analysis::default()
    }
}

async fn get(uri: &str) -> (StatusCode, String) {
    get_from(parallax_serve::router(analysis()), uri).await
}

async fn get_from(app: axum::Router, uri: &str) -> (StatusCode, String) {
    let response = app
        .oneshot(Request::get(uri).body(Body::empty()).expect("request"))
        .await
        .expect("router answers");
    let status = response.status();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    (status, String::from_utf8(bytes.to_vec()).expect("utf-8"))
}

async fn get_json(uri: &str) -> Value {
    let (status, text) = get(uri).await;
    assert_eq!(status, StatusCode::OK, "{uri}: {text}");
    serde_json::from_str(&text).expect("json")
}

#[tokio::test]
async fn stories_list_counts_outlets_and_contradictions() {
    let v = get_json("/api/stories").await;
    assert_eq!(v[0]["id"], "s1");
    assert_eq!(v[0]["articles"], 2);
    assert_eq!(
        v[0]["outlets"],
        serde_json::json!(["Ostrel Daily", "Varnia Herald"])
    );
    assert_eq!(v[0]["claims"], 1);
    assert_eq!(v[0]["contradicted"], 1);
    assert_eq!(
        get_json("/api/stories?min_articles=3").await,
        serde_json::json!([])
    );
    assert_eq!(get_json("/api/stories?offset=0&limit=1").await, v);
    assert_eq!(
        get_json("/api/stories?offset=1").await,
        serde_json::json!([])
    );
}

#[tokio::test]
async fn story_detail_has_articles_claims_with_text_and_quotes() {
    let v = get_json("/api/stories/s1").await;
    assert_eq!(v["articles"].as_array().expect("articles").len(), 2);
    assert_eq!(v["articles"][1]["origin"], "wire");
    assert_eq!(v["articles"][1]["origin_of"], "MPA");
    let claim = &v["claims"][0];
    assert_eq!(claim["attributed_to"]["name"], "Mira Dask");
    // Code-point offsets: the Cyrillic word and curly quotes do not shift the text.
    assert_eq!(claim["support"][0]["text"], "Dask said “250,000 left.");
    assert_eq!(
        claim["contradicted_by"][0]["text"],
        "Dask said 300,000 left."
    );
    assert_eq!(v["quotes"][0]["text"], "250,000 left");
    assert_eq!(v["quotes"][0]["speaker"]["name"], "Mira Dask");
    assert_eq!(v["quotes"][0]["cue"], "said");
    // "1" names the same story as "s1".
    assert_eq!(get_json("/api/stories/1").await, v);
}

#[tokio::test]
async fn claims_filter_by_story() {
    assert_eq!(
        get_json("/api/claims?story=s1")
            .await
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    assert_eq!(
        get_json("/api/claims?story=s9")
            .await
            .as_array()
            .map(Vec::len),
        Some(0)
    );
    assert_eq!(
        get_json("/api/claims").await.as_array().map(Vec::len),
        Some(1)
    );
}

#[tokio::test]
async fn unknown_story_is_a_json_404() {
    let (status, text) = get("/api/stories/s42").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(text.contains("no story s42"), "{text}");
    let (status, _) = get("/api/stories/banana").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn page_and_its_assets_are_embedded() {
    let (status, html) = get("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<script src=\"/app.js\">"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no external assets"
    );
    let (status, js) = get("/app.js").await;
    assert_eq!(status, StatusCode::OK);
    assert!(js.contains("/api/stories"));
    let (status, charts) = get("/charts.js").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<script src=\"/charts.js\">"));
    assert!(charts.contains("function coverageTimeline"));
    assert!(!charts.contains("http://") && !charts.contains("https://"));
    let (status, speakers) = get("/speakers.js").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<script src=\"/speakers.js\">"));
    assert!(speakers.contains("/api/speakers/"));
    let (status, _) = get("/style.css").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn search_needs_the_data_directory_and_finds_claims_and_articles() {
    let (status, _) = get("/api/search?q=dask").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let dir = tempfile::tempdir().expect("temp dir");
    parallax_store::save(dir.path(), &analysis()).expect("saved");
    let app = parallax_serve::router_for_dir(dir.path()).expect("loaded");
    let (status, text) = get_from(app, "/api/search?q=250%2C000%20lef").await;
    assert_eq!(status, StatusCode::OK);
    let hits: Value = serde_json::from_str(&text).expect("json");
    let kinds: Vec<&str> = hits
        .as_array()
        .expect("array")
        .iter()
        .map(|h| h["kind"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(kinds, vec!["claim", "article"]);
    assert_eq!(hits[0]["story"], 1);
    assert_eq!(hits[0]["title"], "Dask said 250,000 left.");
}

#[tokio::test]
async fn a_story_names_the_other_events_of_its_storyline() {
    let mut a = analysis();
    let first = a.articles[0].id;
    a.stories[0].storyline = Some(StorylineId(0));
    a.stories.push(Story {
        id: StoryId(2),
        title: "Dam rebuilt".into(),
        articles: vec![first],
        start: "2026-05-01".parse().ok(),
        end: None,
        storyline: Some(StorylineId(0)),
    });
    a.storylines = vec![(StorylineId(0), "dam".into())];
    let (status, text) = get_from(parallax_serve::router(a), "/api/stories/s2").await;
    assert_eq!(status, StatusCode::OK);
    let v: Value = serde_json::from_str(&text).expect("json");
    let line = &v["storyline"];
    assert_eq!(line["id"], "l0");
    assert_eq!(line["label"], "dam");
    let events: Vec<&str> = line["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["id"].as_str().expect("id"))
        .collect();
    assert_eq!(events, ["s1", "s2"], "in time order");
}

#[tokio::test]
async fn a_story_alone_has_no_storyline() {
    let v = get_json("/api/stories/s1").await;
    assert!(v["storyline"].is_null());
    assert!(get_json("/api/stories").await[0]["storyline"].is_null());
}

#[tokio::test]
async fn who_said_what_lists_speakers_and_their_quotes_by_outlet() {
    let list = get_json("/api/speakers").await;
    assert_eq!(list[0]["name"], "Mira Dask");
    assert_eq!(list[0]["quotes"], 1);
    assert_eq!(list[0]["outlets"], 1);
    // Found by an alias, case aside; a name nobody has finds nothing.
    assert_eq!(get_json("/api/speakers?q=dask").await, list);
    assert_eq!(
        get_json("/api/speakers?q=ostrakov").await,
        Value::Array(Vec::new())
    );
    let v = get_json("/api/speakers/e0").await;
    assert_eq!(v["aliases"][0], "Dask");
    let outlet = &v["outlets"][0];
    assert_eq!(outlet["outlet"], "Varnia Herald");
    assert_eq!(outlet["quotes"][0]["text"], "250,000 left");
    assert_eq!(outlet["quotes"][0]["story"], "s1");
    assert_eq!(outlet["quotes"][0]["source"], "a.txt");
    let (status, _) = get("/api/speakers/e9").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
