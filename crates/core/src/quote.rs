//! The quotes stage's output: who said what.

use crate::{CharSpan, LocalEntityId};
use serde::{Deserialize, Serialize};

/// The form a reported statement takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A whole sentence or more in quote marks.
    Direct,
    /// A few quoted words inside the reporter's sentence.
    Partial,
    /// Reported speech without quote marks ("Putin said he was hopeful that...").
    Indirect,
}

/// Who a quote is attributed to, as far as the text says.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The mention in the body that names the speaker (a name, role or pronoun), if any.
    pub mention: Option<CharSpan>,
    /// The article's entity the speaker resolves to, if any.
    pub entity: Option<LocalEntityId>,
}

/// One reported statement in one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// The content: inside the quote marks for direct and partial quotes, the reported
    /// clause for indirect speech. A split quote covers both parts.
    pub span: CharSpan,
    /// Extra content spans when a quote is split around its cue; `span` covers all.
    pub parts: Vec<CharSpan>,
    /// The reporting verb or phrase ("said", "told reporters", "according to").
    pub cue: Option<CharSpan>,
    /// The speaker.
    pub speaker: Speaker,
}
