//! Who said what across outlets: the entities the collection quotes, and for one of them
//! every quote, grouped by outlet.

use crate::views::{story_key, Catalog};
use parallax_core::{Entity, EntityId};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashSet};

/// Parses "e12" or "12".
pub fn parse_entity_key(key: &str) -> Option<EntityId> {
    key.strip_prefix('e')
        .unwrap_or(key)
        .parse()
        .ok()
        .map(EntityId)
}

/// Label of an article's outlet in the speaker view.
fn outlet_of(catalog: &Catalog, i: usize) -> String {
    catalog.analysis.articles[i]
        .outlet
        .clone()
        .unwrap_or_else(|| "(no outlet)".to_owned())
}

impl Catalog {
    fn entity(&self, id: EntityId) -> Option<&Entity> {
        self.analysis.entities.entities.get(id.0 as usize)
    }

    /// `/api/speakers`: the quoted entities, most quoted first, each with how many quotes,
    /// outlets and stories; `query` keeps those whose name or an alias holds it (case
    /// does not matter).
    pub fn speakers(&self, query: Option<&str>) -> Value {
        let needle = query
            .map(str::to_lowercase)
            .filter(|q| !q.trim().is_empty());
        let mut list: Vec<(&Entity, &Vec<(usize, usize)>)> = self
            .quotes_of
            .iter()
            .filter_map(|(&id, quotes)| Some((self.entity(id)?, quotes)))
            .filter(|(e, _)| {
                needle.as_deref().is_none_or(|n| {
                    e.name.to_lowercase().contains(n)
                        || e.aliases.iter().any(|a| a.to_lowercase().contains(n))
                })
            })
            .collect();
        list.sort_by_key(|(e, quotes)| (std::cmp::Reverse(quotes.len()), e.id));
        let rows: Vec<Value> = list
            .into_iter()
            .map(|(e, quotes)| {
                let outlets: HashSet<String> =
                    quotes.iter().map(|&(i, _)| outlet_of(self, i)).collect();
                let stories: HashSet<_> = quotes.iter().map(|&(i, _)| self.story_of[i]).collect();
                json!({
                    "id": parallax_store::entity_key(e.id),
                    "name": e.name,
                    "kind": e.kind,
                    "quotes": quotes.len(),
                    "outlets": outlets.len(),
                    "stories": stories.len(),
                })
            })
            .collect();
        Value::Array(rows)
    }

    /// `/api/speakers/:id`: one entity with its aliases and every quote of it, grouped by
    /// outlet (most quoting outlet first), each quote with its article and story.
    pub fn speaker(&self, id: EntityId) -> Option<Value> {
        let e = self.entity(id)?;
        let mut by_outlet: BTreeMap<String, Vec<Value>> = BTreeMap::new();
        for &(i, n) in self.quotes_of.get(&id).map_or(&[][..], Vec::as_slice) {
            let a = &self.analysis.articles[i];
            let mut quote = self.quote_json(i, n);
            quote["source"] = json!(a.source);
            quote["title"] = json!(a.title);
            quote["published"] = json!(a.published);
            quote["story"] = json!(self.story_of[i].map(story_key));
            by_outlet.entry(outlet_of(self, i)).or_default().push(quote);
        }
        let mut outlets: Vec<(String, Vec<Value>)> = by_outlet.into_iter().collect();
        outlets.sort_by_key(|(_, quotes)| std::cmp::Reverse(quotes.len()));
        Some(json!({
            "id": parallax_store::entity_key(e.id),
            "name": e.name,
            "kind": e.kind,
            "aliases": e.aliases,
            "outlets": outlets
                .into_iter()
                .map(|(outlet, quotes)| json!({"outlet": outlet, "quotes": quotes}))
                .collect::<Vec<_>>(),
        }))
    }
}
