//! The language stage's output: entity mentions, in-article entities, resolved times,
//! and the corpus-wide entity table.

use crate::{ArticleId, CharSpan};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What kind of thing an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A company, government body, party, agency or outlet.
    Organization,
    /// A country, city, region or site.
    Place,
    /// A group of people: militants, a nationality, "analysts".
    Group,
    /// Anything else worth naming.
    Other,
}

/// How an entity is referred to at one mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionForm {
    /// A proper name ("Vladimir Putin", "Putin", "Mr. Putin").
    Name,
    /// An acronym ("ISIL", "U.S.").
    Acronym,
    /// A role description ("the Russian leader", "Kremlin spokesman").
    Role,
    /// A pronoun ("he", "she", "they").
    Pronoun,
}

/// Index of an entity inside one article's [`Mentions`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct LocalEntityId(pub u32);

/// Index of an entity in the corpus-wide [`EntityTable`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EntityId(pub u32);

/// One entity as seen inside a single article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LocalEntity {
    /// Its index in `Mentions::entities`.
    pub id: LocalEntityId,
    /// The fullest name the article gives it.
    pub name: String,
    /// Its kind.
    pub kind: EntityKind,
    /// Every surface form the article uses for it (names, acronyms, roles).
    pub aliases: Vec<String>,
}

/// One mention of an entity in an article body.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Where it is.
    pub span: CharSpan,
    /// Which entity of the article it refers to.
    pub entity: LocalEntityId,
    /// How it refers to it.
    pub form: MentionForm,
}

/// An inclusive range of calendar days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateRange {
    /// First day.
    pub start: NaiveDate,
    /// Last day (equal to `start` for one day).
    pub end: NaiveDate,
}

/// A time expression in the body, resolved to calendar days.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeExpression {
    /// Where it is.
    pub span: CharSpan,
    /// What it resolves to, when it can be resolved.
    pub resolved: Option<DateRange>,
}

/// Everything the language stage found in one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Mentions {
    /// Sentence spans, in order, covering the body's text.
    pub sentences: Vec<CharSpan>,
    /// Entities of the article, indexed by [`LocalEntityId`].
    pub entities: Vec<LocalEntity>,
    /// Mentions in body order.
    pub mentions: Vec<Mention>,
    /// Time expressions in body order.
    pub times: Vec<TimeExpression>,
}

impl Mentions {
    /// The entity a local id names.
    pub fn entity(&self, id: LocalEntityId) -> Option<&LocalEntity> {
        self.entities.get(id.0 as usize)
    }
}

/// An entity resolved across all articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Its index in the table.
    pub id: EntityId,
    /// Canonical name.
    pub name: String,
    /// Its kind.
    pub kind: EntityKind,
    /// Surface forms seen across all articles.
    pub aliases: Vec<String>,
}

/// The corpus-wide entities and how each article's local entities map onto them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EntityTable {
    /// Entities indexed by [`EntityId`].
    pub entities: Vec<Entity>,
    /// Maps an article's local entity to the corpus entity.
    pub resolved: HashMap<(ArticleId, LocalEntityId), EntityId>,
}

impl EntityTable {
    /// The corpus entity that `local` in `article` was resolved to.
    pub fn resolve(&self, article: ArticleId, local: LocalEntityId) -> Option<&Entity> {
        let id = self.resolved.get(&(article, local))?;
        self.entities.get(id.0 as usize)
    }
}
