//! JSON views of an analysis: what the API returns, built from the core values with the
//! text each span covers, so the page never has to count code points itself to explain
//! a claim.

use parallax_core::{
    Analysis, Article, ArticleId, CharIndex, CharSpan, Claim, EntityId, Evidence, OriginKind,
    QuoteKind, Story, StoryId, StorylineId,
};
use serde_json::{json, Value};
use std::collections::HashMap;

/// An analysis with the lookups the handlers need.
pub struct Catalog {
    pub(crate) analysis: Analysis,
    position: HashMap<ArticleId, usize>,
    indexes: Vec<CharIndex>,
    /// Every quote of each corpus entity: (article index, quote index), in article order.
    pub(crate) quotes_of: HashMap<EntityId, Vec<(usize, usize)>>,
    /// The story of each article, by article index.
    pub(crate) story_of: Vec<Option<StoryId>>,
    claims_of: HashMap<StoryId, Vec<usize>>,
    /// Every storyline with two or more events: its label and its events (story indexes,
    /// in time order).
    events_of: HashMap<StorylineId, (Option<String>, Vec<usize>)>,
}

/// Public id of a story ("s3").
pub fn story_key(id: StoryId) -> String {
    format!("s{}", id.0)
}

/// Parses "s3" or "3".
pub fn parse_story_key(key: &str) -> Option<StoryId> {
    key.strip_prefix('s')
        .unwrap_or(key)
        .parse()
        .ok()
        .map(StoryId)
}

impl Catalog {
    /// Indexes `analysis`.
    pub fn new(analysis: Analysis) -> Catalog {
        let position = analysis.article_positions();
        let indexes = analysis
            .articles
            .iter()
            .map(|a| CharIndex::new(&a.body))
            .collect();
        let mut claims_of: HashMap<StoryId, Vec<usize>> = HashMap::new();
        for (n, c) in analysis.claims.iter().enumerate() {
            claims_of.entry(c.story).or_default().push(n);
        }
        let mut events_of: HashMap<StorylineId, (Option<String>, Vec<usize>)> = HashMap::new();
        for (n, story) in analysis.stories.iter().enumerate() {
            if let Some(line) = story.storyline {
                events_of.entry(line).or_default().1.push(n);
            }
        }
        events_of.retain(|_, (_, events)| events.len() >= 2);
        for (line, label) in &analysis.storylines {
            if let Some(entry) = events_of.get_mut(line) {
                entry.0 = Some(label.clone());
            }
        }
        for (_, events) in events_of.values_mut() {
            events.sort_by_key(|&n| {
                let s = &analysis.stories[n];
                (s.start.is_none(), s.start, s.id)
            });
        }
        let mut quotes_of: HashMap<EntityId, Vec<(usize, usize)>> = HashMap::new();
        for (i, (article, quotes)) in analysis.articles.iter().zip(&analysis.quotes).enumerate() {
            for (n, q) in quotes.iter().enumerate() {
                let entity = q
                    .speaker
                    .entity
                    .and_then(|local| analysis.entities.resolve(article.id, local));
                if let Some(e) = entity {
                    quotes_of.entry(e.id).or_default().push((i, n));
                }
            }
        }
        let story_by_article: HashMap<ArticleId, StoryId> = analysis
            .stories
            .iter()
            .flat_map(|s| s.articles.iter().map(|&a| (a, s.id)))
            .collect();
        let story_of = analysis
            .articles
            .iter()
            .map(|a| story_by_article.get(&a.id).copied())
            .collect();
        Catalog {
            analysis,
            position,
            indexes,
            quotes_of,
            story_of,
            claims_of,
            events_of,
        }
    }

    fn article(&self, id: ArticleId) -> Option<(usize, &Article)> {
        let &i = self.position.get(&id)?;
        Some((i, &self.analysis.articles[i]))
    }

    pub(crate) fn text(&self, i: usize, span: CharSpan) -> String {
        self.indexes[i]
            .slice(&self.analysis.articles[i].body, span)
            .unwrap_or_default()
            .to_owned()
    }

    fn story(&self, id: StoryId) -> Option<&Story> {
        self.analysis.stories.iter().find(|s| s.id == id)
    }

    fn outlets(&self, story: &Story) -> Vec<String> {
        let mut outlets: Vec<String> = story
            .articles
            .iter()
            .filter_map(|&id| self.article(id)?.1.outlet.clone())
            .collect();
        outlets.sort_unstable();
        outlets.dedup();
        outlets
    }

    /// `/api/stories`: every story with its counts, most covered first.
    pub fn stories(&self) -> Value {
        let mut stories: Vec<&Story> = self.analysis.stories.iter().collect();
        stories.sort_by_key(|s| (std::cmp::Reverse(s.articles.len()), s.id));
        let list: Vec<Value> = stories
            .into_iter()
            .map(|s| {
                let claims = self.claims_of.get(&s.id).map_or(&[][..], Vec::as_slice);
                let contradicted = claims
                    .iter()
                    .filter(|&&n| !self.analysis.claims[n].contradicted_by.is_empty())
                    .count();
                json!({
                    "id": story_key(s.id),
                    "title": s.title,
                    "start": s.start,
                    "end": s.end,
                    "articles": s.articles.len(),
                    "outlets": self.outlets(s),
                    "claims": claims.len(),
                    "contradicted": contradicted,
                    "storyline": self.storyline_json(s),
                })
            })
            .collect();
        Value::Array(list)
    }

    /// `/api/stories/:id`: the story with its articles, claims, quotes and reuse.
    pub fn story_detail(&self, id: StoryId) -> Option<Value> {
        let story = self.story(id)?;
        let members: Vec<usize> = story
            .articles
            .iter()
            .filter_map(|&a| self.article(a).map(|(i, _)| i))
            .collect();
        let articles: Vec<Value> = members.iter().map(|&i| self.article_json(i)).collect();
        let quotes: Vec<Value> = members.iter().flat_map(|&i| self.quotes_json(i)).collect();
        let reuse: Vec<Value> = self
            .analysis
            .reuse
            .iter()
            .filter(|r| story.articles.contains(&r.source) && story.articles.contains(&r.target))
            .map(|r| {
                json!({
                    "source_article": r.source,
                    "target_article": r.target,
                    "similarity": r.similarity,
                    "passages": r.passages.len(),
                })
            })
            .collect();
        Some(json!({
            "id": story_key(story.id),
            "title": story.title,
            "start": story.start,
            "end": story.end,
            "outlets": self.outlets(story),
            "articles": articles,
            "claims": self.claims(Some(id)),
            "quotes": quotes,
            "reuse": reuse,
            "storyline": self.storyline_json(story),
        }))
    }

    /// The storyline a story belongs to, with its label and its events (every story of
    /// the storyline, in time order), or null when the story stands alone.
    fn storyline_json(&self, story: &Story) -> Value {
        let Some((line, (label, events))) = story
            .storyline
            .and_then(|line| Some((line, self.events_of.get(&line)?)))
        else {
            return Value::Null;
        };
        let events: Vec<&Story> = events.iter().map(|&n| &self.analysis.stories[n]).collect();
        json!({
            "id": format!("l{}", line.0),
            "label": label,
            "events": events.iter().map(|s| json!({
                "id": story_key(s.id),
                "title": s.title,
                "start": s.start,
                "end": s.end,
                "articles": s.articles.len(),
            })).collect::<Vec<Value>>(),
        })
    }

    /// `/api/claims?story=`: claims of one story, or of all.
    pub fn claims(&self, story: Option<StoryId>) -> Value {
        let list: Vec<Value> = match story {
            Some(id) => self
                .claims_of
                .get(&id)
                .map_or(&[][..], Vec::as_slice)
                .iter()
                .map(|&n| self.claim_json(&self.analysis.claims[n]))
                .collect(),
            None => self
                .analysis
                .claims
                .iter()
                .map(|c| self.claim_json(c))
                .collect(),
        };
        Value::Array(list)
    }

    fn evidence_json(&self, list: &[Evidence]) -> Vec<Value> {
        list.iter()
            .map(|e| {
                let text = self.article(e.article).map(|(i, _)| self.text(i, e.span));
                json!({"article": e.article, "start": e.span.start(), "end": e.span.end(), "text": text})
            })
            .collect()
    }

    /// Passages in other stories of the storyline, with their outlet and story so the
    /// page can name and link them.
    fn elsewhere_json(&self, list: &[Evidence]) -> Vec<Value> {
        list.iter()
            .map(|e| {
                let found = self.article(e.article);
                let story = self
                    .analysis
                    .assignments
                    .iter()
                    .find(|a| a.article == e.article)
                    .map(|a| story_key(a.story));
                json!({
                    "article": e.article,
                    "start": e.span.start(),
                    "end": e.span.end(),
                    "text": found.map(|(i, _)| self.text(i, e.span)),
                    "outlet": found.and_then(|(_, a)| a.outlet.clone()),
                    "story": story,
                })
            })
            .collect()
    }

    fn claim_json(&self, c: &Claim) -> Value {
        let speaker = c.attributed_to.and_then(|e| {
            let entity = self.analysis.entities.entities.get(e.0 as usize)?;
            Some(json!({"id": parallax_store::entity_key(e), "name": entity.name}))
        });
        json!({
            "id": format!("c{}", c.id.0),
            "story": story_key(c.story),
            "text": c.text,
            "attributed_to": speaker,
            "independent_sources": c.independent_sources,
            "support": self.evidence_json(&c.support),
            "contradicted_by": self.evidence_json(&c.contradicted_by),
            "omitted_by": c.omitted_by,
            "elsewhere_in_storyline": self.elsewhere_json(&c.elsewhere_in_storyline),
        })
    }

    fn article_json(&self, i: usize) -> Value {
        let a = &self.analysis.articles[i];
        let provenance = self
            .analysis
            .provenance
            .get(i)
            .filter(|p| p.article == a.id);
        let (origin, of) = match provenance.map(|p| &p.origin) {
            Some(OriginKind::Republished(src)) => ("republished", Some(src.to_string())),
            Some(OriginKind::Rewritten(src)) => ("rewritten", Some(src.to_string())),
            Some(OriginKind::Wire(agency)) => ("wire", Some(agency.clone())),
            Some(OriginKind::Original) | None => ("original", None),
        };
        json!({
            "id": a.id,
            "source": a.source,
            "title": a.title,
            "byline": a.byline,
            "outlet": a.outlet,
            "published": a.published,
            "credits": a.credits,
            "language": a.language,
            "origin": origin,
            "origin_of": of,
            "independence_key": provenance.map(|p| &p.independence_key),
            "body": a.body,
        })
    }

    fn quotes_json(&self, i: usize) -> Vec<Value> {
        let quotes = self.analysis.quotes.get(i).map_or(0, Vec::len);
        (0..quotes).map(|n| self.quote_json(i, n)).collect()
    }

    /// Quote `n` of article `i`, with its text, cue and speaker.
    pub(crate) fn quote_json(&self, i: usize, n: usize) -> Value {
        let a = &self.analysis.articles[i];
        let q = &self.analysis.quotes[i][n];
        let entity = q
            .speaker
            .entity
            .and_then(|local| self.analysis.entities.resolve(a.id, local));
        let local_name = q
            .speaker
            .entity
            .and_then(|local| Some(self.analysis.mentions.get(i)?.entity(local)?.name.clone()));
        json!({
            "article": a.id,
            "kind": match q.kind {
                QuoteKind::Direct => "direct",
                QuoteKind::Partial => "partial",
                QuoteKind::Indirect => "indirect",
            },
            "text": self.text(i, q.span),
            "start": q.span.start(),
            "end": q.span.end(),
            "cue": q.cue.map(|c| self.text(i, c)),
            "speaker": {
                "entity": entity.map(|e| parallax_store::entity_key(e.id)),
                "name": entity.map(|e| e.name.clone()).or(local_name),
                "mention": q.speaker.mention.map(|m| self.text(i, m)),
            },
        })
    }
}
