//! What the quote tests share: an article made from a fixture's text.

use parallax_core::Article;

/// An English article dated 23 October 2015 whose body is `body`.
pub fn article_from(body: &str) -> Article {
    Article {
        published: chrono::NaiveDate::from_ymd_opt(2015, 10, 23),
        language: Some("en".into()),
        ..Article::from_text("fixture", body)
    }
}
