//! Everything one run produces, bundled for the store, the export and the server.

use crate::{Article, Claim, EntityTable, Mentions, Provenance, Quote, ReuseLink, Story};
use crate::{StoryAssignment, StorylineId};
use serde::{Deserialize, Serialize};

/// A problem met during a run that did not stop it: a file that could not be read,
/// a record skipped. Named by the file (or record) and the reason.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    /// File path or record name.
    pub source: String,
    /// What went wrong, in words.
    pub reason: String,
}

/// The results of analysing one corpus, every stage's output indexed by article order.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    /// Articles in input order.
    pub articles: Vec<Article>,
    /// `mentions[i]` belongs to `articles[i]`.
    pub mentions: Vec<Mentions>,
    /// Corpus-wide entities.
    pub entities: EntityTable,
    /// `quotes[i]` belongs to `articles[i]`.
    pub quotes: Vec<Vec<Quote>>,
    /// Reuse links between articles.
    pub reuse: Vec<ReuseLink>,
    /// `provenance[i]` belongs to `articles[i]`.
    pub provenance: Vec<Provenance>,
    /// One assignment per article, in arrival order.
    pub assignments: Vec<StoryAssignment>,
    /// Stories.
    pub stories: Vec<Story>,
    /// Storyline labels, one per storyline id.
    pub storylines: Vec<(StorylineId, String)>,
    /// Claims.
    pub claims: Vec<Claim>,
    /// Outlet (name or host) → owner rows supplied with the input, in addition to the
    /// claims stage's built-in table: outlets of one owner count as one source.
    pub owners: Vec<(String, String)>,
    /// Documents that could not be read or analysed.
    pub problems: Vec<Problem>,
    /// Records left out on purpose (WARC requests, metadata and non-HTML responses),
    /// one entry per file, so the summary can say what was not analysed and why.
    pub skipped: Vec<Problem>,
}

impl Analysis {
    /// Each article's index in [`Analysis::articles`], by id.
    pub fn article_positions(&self) -> std::collections::HashMap<crate::ArticleId, usize> {
        self.articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id, i))
            .collect()
    }
}
