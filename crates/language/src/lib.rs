//! Article → Mentions: sentences, entities with aliases, and resolved time expressions;
//! then [`resolve_entities`] joins the entities of all articles into one table.
//!
//! Inside one article, [`analyze`] runs: [`tokens`] → [`sentences`] (abbreviation-aware) →
//! [`mentions`] (capitalised runs split into titles and names in `names`, their kinds
//! guessed in `kinds`, role descriptions,
//! collective sources, pronouns; word lists in [`gazetteer`]) → [`coref`] (surnames, titles
//! and acronyms joined to entities; roles and pronouns linked back in `anaphora`) and
//! [`times`] (dates resolved against `Article::published`). Across articles, [`resolve_entities`] keys people by folded surname
//! and given-name skeleton ([`fold`], which also romanises Cyrillic) and everything else by
//! canonical alias or folded name, then joins an acronym ("GSFB") or a short name ("Valley
//! Farmers") to the one organisation it abbreviates (an acronym only when the two keep the
//! same company: an article names both, or their articles share other entities). Titles and roles stay out of names and
//! become aliases ("Valdorian Foreign Minister Sergei Ostrakov" is named "Sergei Ostrakov").

mod anaphora;
pub mod coref;
pub mod fold;
pub mod gazetteer;
mod kinds;
pub mod mentions;
mod names;
mod resolve;
pub mod roles;
pub mod sentences;
pub mod times;
pub mod tokens;

pub use resolve::resolve_entities;

use parallax_core::{
    Article, CharIndex, LocalEntity, LocalEntityId, Mention, Mentions, TimeExpression,
};

/// Finds sentences, entity mentions and time expressions in one article.
pub fn analyze(article: &Article) -> Mentions {
    let body = &article.body;
    let index = CharIndex::new(body);
    let tokens = tokens::tokenize(body);
    let sentence_bytes = sentences::split_sentences(body, &tokens);
    // Sentences as token ranges for the mention finder.
    let mut sentence_tokens = Vec::with_capacity(sentence_bytes.len());
    let mut t = 0;
    for &(s, e) in &sentence_bytes {
        while t < tokens.len() && tokens[t].start < s {
            t += 1;
        }
        let a = t;
        while t < tokens.len() && tokens[t].end <= e {
            t += 1;
        }
        sentence_tokens.push((a, t));
    }
    let mut words = mentions::Words::new(body, &tokens);
    words.set_sentences(sentence_bytes.iter().map(|&(s, _)| s).collect());
    let candidates = mentions::find_candidates(&words, &sentence_tokens);
    let (drafts, linked) = coref::resolve(body, &candidates);
    let entities = drafts
        .into_iter()
        .enumerate()
        .map(|(i, d)| LocalEntity {
            id: LocalEntityId(i as u32),
            name: d.name,
            kind: d.kind,
            aliases: d.aliases,
        })
        .collect();
    let mentions = linked
        .into_iter()
        .map(|(s, e, entity, form)| Mention {
            span: index.span_of_bytes(s, e),
            entity: LocalEntityId(entity as u32),
            form,
        })
        .collect();
    let times = times::find_times(body, &tokens, words.lowers(), article.published)
        .into_iter()
        .map(|(s, e, resolved)| TimeExpression {
            span: index.span_of_bytes(s, e),
            resolved,
        })
        .collect();
    Mentions {
        sentences: sentence_bytes
            .into_iter()
            .map(|(s, e)| index.span_of_bytes(s, e))
            .collect(),
        entities,
        mentions,
        times,
    }
}
