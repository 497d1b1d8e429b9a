//! Full-text search over a data directory's articles and claims, with SQLite's FTS5
//! (compiled into the bundled SQLite, so it costs no extra dependency).

use crate::db::{open, DbError};
use parallax_core::{ArticleId, ClaimId, StoryId};
use rusqlite::params;
use serde::Serialize;
use std::path::Path;

/// Marks the start of a matched term inside [`SearchHit::snippet`] (a private-use code
/// point, so it can never clash with article text).
pub const MATCH_START: char = '\u{E000}';
/// Marks the end of a matched term inside [`SearchHit::snippet`].
pub const MATCH_END: char = '\u{E001}';

/// What a search hit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HitKind {
    /// An article (title or body matched).
    Article,
    /// A claim (its text matched).
    Claim,
}

/// One search result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchHit {
    /// Article or claim.
    pub kind: HitKind,
    /// The article, for article hits.
    pub article: Option<ArticleId>,
    /// The claim, for claim hits.
    pub claim: Option<ClaimId>,
    /// The story it belongs to, if any.
    pub story: Option<StoryId>,
    /// Article title and outlet, or the claim's text.
    pub title: String,
    /// Text around the match, matches wrapped in [`MATCH_START`] and [`MATCH_END`].
    pub snippet: String,
}

/// The FTS5 tables; created by `save`.
pub(crate) const FTS_SCHEMA: &str = "
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE claims_fts USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
";

/// Turns what a user typed into an FTS5 query that cannot be a syntax error: every word
/// quoted, all required, the last one as a prefix. `None` when no word is left.
pub fn fts_query(user: &str) -> Option<String> {
    let words: Vec<&str> = user
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let (last, rest) = words.split_last()?;
    let mut query: Vec<String> = rest.iter().map(|w| format!("\"{w}\"")).collect();
    query.push(format!("\"{last}\"*"));
    Some(query.join(" "))
}

/// Searches the articles and claims of the data directory `dir` for `query` (plain
/// words; all must match), best first: claims, then articles, `limit` of each at most.
pub fn search(dir: &Path, query: &str, limit: usize) -> Result<Vec<SearchHit>, DbError> {
    let Some(fts) = fts_query(query) else {
        return Ok(Vec::new());
    };
    let (conn, path) = open(dir)?;
    let sqlite = |source| DbError::Sqlite {
        path: path.clone(),
        source,
    };
    let marks = format!("'{MATCH_START}', '{MATCH_END}'");
    let mut hits = Vec::new();
    let mut stmt = conn
        .prepare(&format!(
            "SELECT c.id, c.story, snippet(claims_fts, 0, {marks}, '…', 16)
             FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid
             WHERE claims_fts MATCH ?1 ORDER BY rank LIMIT ?2"
        ))
        .map_err(sqlite)?;
    let rows = stmt
        .query_map(params![fts, limit], |r| {
            let snippet: String = r.get(2)?;
            Ok(SearchHit {
                kind: HitKind::Claim,
                article: None,
                claim: Some(ClaimId(r.get(0)?)),
                story: Some(StoryId(r.get(1)?)),
                title: snippet.replace([MATCH_START, MATCH_END], ""),
                snippet,
            })
        })
        .map_err(sqlite)?;
    for row in rows {
        hits.push(row.map_err(sqlite)?);
    }
    let mut stmt = conn
        .prepare(&format!(
            "SELECT a.id, a.title, a.outlet, s.story, snippet(articles_fts, 1, {marks}, '…', 16)
             FROM articles_fts JOIN articles a ON a.pos = articles_fts.rowid
             LEFT JOIN assignments s ON s.article = a.id
             WHERE articles_fts MATCH ?1 ORDER BY rank LIMIT ?2"
        ))
        .map_err(sqlite)?;
    let rows = stmt
        .query_map(params![fts, limit], |r| {
            let id: String = r.get(0)?;
            let title: Option<String> = r.get(1)?;
            let outlet: Option<String> = r.get(2)?;
            Ok(SearchHit {
                kind: HitKind::Article,
                article: ArticleId::parse(&id),
                claim: None,
                story: r.get::<_, Option<u32>>(3)?.map(StoryId),
                title: match (title, outlet) {
                    (Some(t), Some(o)) => format!("{t} ({o})"),
                    (Some(t), None) => t,
                    (None, Some(o)) => o,
                    (None, None) => id.clone(),
                },
                snippet: r.get(4)?,
            })
        })
        .map_err(sqlite)?;
    for row in rows {
        hits.push(row.map_err(sqlite)?);
    }
    Ok(hits)
}

#[cfg(test)]
mod tests {
    #[test]
    fn user_text_becomes_a_safe_prefix_query() {
        assert_eq!(
            super::fts_query("dam -collapse \"OR"),
            Some("\"dam\" \"collapse\" \"OR\"*".into())
        );
        assert_eq!(super::fts_query(" ?! "), None);
    }
}
