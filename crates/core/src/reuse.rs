//! The reuse stage's output: copied passages between articles, and provenance.

use crate::{ArticleId, CharSpan};
use serde::{Deserialize, Serialize};

/// One passage shared by two articles, located in both bodies.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PassagePair {
    /// Where it is in the source (earlier) article.
    pub source: CharSpan,
    /// Where it is in the target (copying) article.
    pub target: CharSpan,
}

/// Text reuse from one article to another.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReuseLink {
    /// The article judged to be the origin of the shared text.
    pub source: ArticleId,
    /// The article that reuses it.
    pub target: ArticleId,
    /// Estimated Jaccard similarity of the two bodies' shingles, 0 to 1.
    pub similarity: f32,
    /// Shared passages.
    pub passages: Vec<PassagePair>,
}

/// How an article came to be, as far as reuse and credits tell.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "of")]
pub enum OriginKind {
    /// No sign of copying: the outlet's own reporting.
    Original,
    /// Republishes (most of) another article.
    Republished(ArticleId),
    /// Rewrites parts of another article, adding its own text.
    Rewritten(ArticleId),
    /// Republishes wire copy credited to this agency.
    Wire(String),
}

/// The provenance of one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    /// The article.
    pub article: ArticleId,
    /// Where its text came from.
    pub origin: OriginKind,
    /// Key shared by all articles of one independent origin (the wire agency, the first
    /// article of a copy chain, or the article itself). Claims count one source per key.
    pub independence_key: String,
}
