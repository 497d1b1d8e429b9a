//! Reuse on hand-written fixtures: a wire piece, a rewrite of it (new intro, paragraphs
//! reordered, dateline dropped, one word changed, one paragraph dropped) and an
//! unrelated article. Passages are rendered with the text they cover in both bodies.

use chrono::NaiveDate;
use parallax_core::{Article, ArticleId, CharIndex, FieldSources, OriginKind};
use parallax_reuse::detect_reuse;

fn article(name: &str, outlet: &str, date: Option<&str>, credits: &[&str]) -> Article {
    let path = format!("{}/tests/fixtures/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    let body = std::fs::read_to_string(&path).expect("fixture exists");
    let source = format!("fixture://{name}");
    Article {
        id: ArticleId::from_source_and_body(&source, &body),
        source,
        title: None,
        byline: None,
        outlet: Some(outlet.to_owned()),
        published: date.map(|d| d.parse::<NaiveDate>().expect("valid date")),
        credits: credits.iter().map(|c| c.to_string()).collect(),
        language: Some("en".into()),
        body: body.trim_end().to_owned(),
        field_sources: FieldSources::default(),
    }
}

fn render(articles: &[Article]) -> String {
    let (links, provenance) = detect_reuse(articles);
    let name = |id: ArticleId| {
        articles
            .iter()
            .find(|a| a.id == id)
            .map_or("?".to_owned(), |a| a.source.clone())
    };
    let mut out = String::new();
    for link in &links {
        let (s, t) = (
            articles
                .iter()
                .find(|a| a.id == link.source)
                .expect("known"),
            articles
                .iter()
                .find(|a| a.id == link.target)
                .expect("known"),
        );
        let (si, ti) = (CharIndex::new(&s.body), CharIndex::new(&t.body));
        out.push_str(&format!(
            "link {} -> {}\n",
            name(link.source),
            name(link.target)
        ));
        for p in &link.passages {
            out.push_str(&format!(
                "  source [{}, {}) {:?}\n  target [{}, {}) {:?}\n",
                p.source.start(),
                p.source.end(),
                si.slice(&s.body, p.source).unwrap_or("<outside>"),
                p.target.start(),
                p.target.end(),
                ti.slice(&t.body, p.target).unwrap_or("<outside>"),
            ));
        }
    }
    for p in &provenance {
        let origin = match &p.origin {
            OriginKind::Original => "original".to_owned(),
            OriginKind::Republished(s) => format!("republished from {}", name(*s)),
            OriginKind::Rewritten(s) => format!("rewritten from {}", name(*s)),
            OriginKind::Wire(a) => format!("wire {a}"),
        };
        out.push_str(&format!(
            "{}: {origin}; key {}\n",
            name(p.article),
            p.independence_key
        ));
    }
    out
}

#[test]
fn rewrite_after_the_wire_piece_copies_it() {
    let articles = [
        article("wire", "Kestrel Daily", Some("2024-06-04"), &[]),
        article("unrelated", "Kestrel Daily", Some("2024-06-04"), &[]),
        article("rewrite", "Harbour Times", Some("2024-06-05"), &[]),
    ];
    insta::assert_snapshot!(render(&articles));
}

#[test]
fn dateline_credit_beats_an_earlier_copy() {
    // The rewrite comes out first, but the other piece carries the agency's dateline.
    let articles = [
        article("rewrite", "Harbour Times", Some("2024-06-03"), &[]),
        article("wire", "Kestrel Daily", Some("2024-06-04"), &[]),
    ];
    insta::assert_snapshot!(render(&articles));
}

#[test]
fn without_credits_the_earlier_article_is_the_source() {
    // A week apart: further apart than pages are misdated, so the dates decide although
    // the text of the earlier one looks trimmed from the later.
    let mut first = article("rewrite", "Harbour Times", Some("2024-05-28"), &[]);
    let mut second = article("wire", "Kestrel Daily", Some("2024-06-04"), &[]);
    // Strip the dateline so only dates decide.
    second.body = second.body.replacen("MIRANE, June 4. /KVA/. ", "", 1);
    first.credits.clear();
    insta::assert_snapshot!(render(&[first, second]));
}

#[test]
fn a_day_apart_a_trimmed_text_is_the_copy_whatever_its_date() {
    // The rewrite is dated a day before the text it trimmed (a time zone, or a source
    // page dated by its last update): the texts outweigh one day.
    let mut first = article("rewrite", "Harbour Times", Some("2024-06-03"), &[]);
    let mut second = article("wire", "Kestrel Daily", Some("2024-06-04"), &[]);
    second.body = second.body.replacen("MIRANE, June 4. /KVA/. ", "", 1);
    first.credits.clear();
    let rendered = render(&[first, second]);
    assert!(
        rendered.contains("link fixture://wire -> fixture://rewrite"),
        "{rendered}"
    );
    insta::assert_snapshot!(rendered);
}

#[test]
fn extract_credits_name_the_agency() {
    let mut copy = article("rewrite", "Harbour Times", Some("2024-06-05"), &["Reuters"]);
    copy.body.push_str("\n\n(Reporting by Reuters.)");
    insta::assert_snapshot!(render(&[copy]));
}

#[test]
fn on_the_same_day_the_text_shows_the_copy_even_when_it_arrives_first() {
    // No credits, one date: the rewrite has an intro of its own and dropped a paragraph,
    // so it is the copy although it comes first in the stream.
    let first = article("rewrite", "Harbour Times", Some("2024-06-04"), &[]);
    let mut second = article("wire", "Kestrel Daily", Some("2024-06-04"), &[]);
    second.body = second.body.replacen("MIRANE, June 4. /KVA/. ", "", 1);
    let rendered = render(&[first, second]);
    assert!(
        rendered.contains("link fixture://wire -> fixture://rewrite"),
        "{rendered}"
    );
    insta::assert_snapshot!(rendered);
}

#[test]
fn without_dates_or_credits_equal_texts_keep_arrival_order() {
    let mut first = article("wire", "Kestrel Daily", None, &[]);
    first.body = first.body.replacen("MIRANE, June 4. /KVA/. ", "", 1);
    let mut second = first.clone();
    second.source = "fixture://reprint".into();
    second.id = ArticleId::from_source_and_body(&second.source, &second.body);
    second.outlet = Some("Harbour Times".into());
    let rendered = render(&[first, second]);
    assert!(
        rendered.contains("link fixture://wire -> fixture://reprint"),
        "{rendered}"
    );
}
