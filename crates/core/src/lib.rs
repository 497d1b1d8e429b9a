//! Typed values that flow between the Parallax stages.
//!
//! The pipeline is a chain of values, each produced by one crate:
//!
//! `RawDocument` (ingest) → `Article` (extract) → `Mentions` (language) →
//! `Quote` (quotes) → `ReuseLink` + `Provenance` (reuse) → `StoryAssignment` (stories) →
//! `Claim` (claims).
//!
//! Every span into an article body is a [`CharSpan`]: a half-open range of Unicode code
//! points, the numbers Python's `body[start:end]` takes. [`CharIndex`] converts between
//! code points and UTF-8 bytes once per body. This crate does no I/O.

pub mod analysis;
pub mod article;
pub mod calendar;
pub mod claim;
pub mod document;
pub mod mention;
pub mod quote;
pub mod reuse;
pub mod span;
pub mod story;
pub mod text;

pub use analysis::{Analysis, Problem};
pub use article::{Article, ArticleId, Extracted, FieldSource, FieldSources};
pub use claim::{Claim, ClaimId, Evidence};
pub use document::{InputFormat, Payload, RawDocument, RecordHints};
pub use mention::{
    DateRange, Entity, EntityId, EntityKind, EntityTable, LocalEntity, LocalEntityId, Mention,
    MentionForm, Mentions, TimeExpression,
};
pub use quote::{Quote, QuoteKind, Speaker};
pub use reuse::{OriginKind, PassagePair, Provenance, ReuseLink};
pub use span::{CharIndex, CharSpan};
pub use story::{Story, StoryAssignment, StoryId, StorylineId};
