//! The stories stage's output: which articles report the same event.

use crate::ArticleId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Identifies a story (one event) in an analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct StoryId(pub u32);

/// Identifies a storyline: related events of one larger story.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct StorylineId(pub u32);

/// The story one article was assigned to on arrival.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoryAssignment {
    /// The article.
    pub article: ArticleId,
    /// Its story.
    pub story: StoryId,
    /// Similarity to the story when assigned (1 for a story's first article).
    pub score: f32,
}

/// A story: articles about one event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// Its id.
    pub id: StoryId,
    /// Readable title: its most central headline.
    pub title: String,
    /// Member articles in arrival order.
    pub articles: Vec<ArticleId>,
    /// Earliest publication date among members.
    pub start: Option<NaiveDate>,
    /// Latest publication date among members.
    pub end: Option<NaiveDate>,
    /// The storyline the story belongs to.
    pub storyline: Option<StorylineId>,
}
