//! Who said what: quotes and reported speech in one article, each with a speaker.

use parallax_core::{Article, Mentions, Quote};

/// Finds the quotes of one article.
pub fn find_quotes(article: &Article, mentions: &Mentions) -> Vec<Quote> {
    let _ = (article, mentions);
    Vec::new()
}
