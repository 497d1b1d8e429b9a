//! The claims stage's output: check-worthy claims aligned across outlets.

use crate::{ArticleId, CharSpan, EntityId, StoryId};
use serde::{Deserialize, Serialize};

/// Identifies a claim in an analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ClaimId(pub u32);

/// A passage of one article that states, supports or contradicts a claim.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The article.
    pub article: ArticleId,
    /// The passage in its body.
    pub span: CharSpan,
}

/// One check-worthy claim of a story and how the story's articles treat it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Its id.
    pub id: ClaimId,
    /// The story it belongs to.
    pub story: StoryId,
    /// The claim's text, as its most representative article words it.
    pub text: String,
    /// The entity the claim is attributed to (its speaker), if any.
    pub attributed_to: Option<EntityId>,
    /// Passages that state it.
    pub support: Vec<Evidence>,
    /// Independent origins among the supporting articles: copies of one wire text and
    /// outlets of one owner count once.
    pub independent_sources: u32,
    /// Passages that contradict it (a different figure, date or polarity).
    pub contradicted_by: Vec<Evidence>,
    /// Articles of the story that do not report it.
    pub omitted_by: Vec<ArticleId>,
    /// Passages of articles in other stories of the same storyline (other events) that
    /// state it too: context a reader can check it against, not corroboration of this
    /// event, so they are not counted in `independent_sources`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub elsewhere_in_storyline: Vec<Evidence>,
}
