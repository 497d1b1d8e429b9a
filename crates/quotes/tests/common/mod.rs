//! What the quote tests share: an article made from a fixture's text.

use parallax_core::{Article, ArticleId, FieldSources};

/// An English article dated 23 October 2015 whose body is `body`.
pub fn article_from(body: &str) -> Article {
    Article {
        id: ArticleId::from_source_and_body("fixture", body),
        source: "fixture".into(),
        title: None,
        byline: None,
        outlet: None,
        published: chrono::NaiveDate::from_ymd_opt(2015, 10, 23),
        credits: Vec::new(),
        language: Some("en".into()),
        body: body.to_string(),
        field_sources: FieldSources::default(),
    }
}
