//! Claims checked against the other events of their storyline: a passage of another
//! story that agrees with a claim (the same death toll, the same earlier decision) is
//! listed with it as `elsewhere_in_storyline`. Only agreement is carried over: two
//! events may differ in their figures and dates without contradicting each other.

use crate::align::align;
use crate::collect::candidates;
use crate::facts::SentenceFacts;
use parallax_core::{Analysis, ArticleId, CharSpan, Claim, Evidence, Story, StoryId, StorylineId};
use std::collections::{BTreeMap, HashMap};

/// Cosine two sentences of different events need to be listed together: above the
/// aligner's own agreement threshold ([`crate::align::AGREE_COSINE`], 0.4), since across
/// events similar wording more often tells a similar but different fact.
pub const STORYLINE_COSINE: f32 = 0.5;

/// Adds, to each claim of a story whose storyline holds other stories, the passages of
/// those stories' articles that the aligner puts in the same cluster as one of the
/// claim's supporting passages.
pub fn link_storylines(
    analysis: &Analysis,
    position: &HashMap<ArticleId, usize>,
    claims: &mut [Claim],
) {
    let mut storylines: BTreeMap<StorylineId, Vec<StoryId>> = BTreeMap::new();
    for story in &analysis.stories {
        if let Some(line) = story.storyline {
            storylines.entry(line).or_default().push(story.id);
        }
    }
    let story_of: HashMap<StoryId, &Story> = analysis.stories.iter().map(|s| (s.id, s)).collect();
    for stories in storylines.values().filter(|s| s.len() > 1) {
        // Every article of the storyline, with the story it belongs to.
        let mut positions = Vec::new();
        let mut story_at: HashMap<usize, StoryId> = HashMap::new();
        for id in stories {
            for article in &story_of[id].articles {
                if let Some(&p) = position.get(article) {
                    if story_at.insert(p, *id).is_none() {
                        positions.push(p);
                    }
                }
            }
        }
        let sentences = candidates(analysis, &positions);
        if sentences.is_empty() {
            continue;
        }
        let alignment = align(&sentences);
        let sentence_at: HashMap<(usize, CharSpan), usize> = sentences
            .iter()
            .enumerate()
            .map(|(i, s)| ((s.article, s.span), i))
            .collect();
        for claim in claims.iter_mut().filter(|c| stories.contains(&c.story)) {
            let mut found: Vec<Evidence> = Vec::new();
            for ev in &claim.support {
                let Some(&p) = position.get(&ev.article) else {
                    continue;
                };
                let Some(&s) = sentence_at.get(&(p, ev.span)) else {
                    continue;
                };
                for &o in &alignment.clusters[alignment.cluster_of[s]] {
                    let other = &sentences[o];
                    // Across events a shared figure alone is weak ("the 36-year-old
                    // champion" of two fights): the pair itself must agree in wording.
                    let direct = alignment
                        .agree
                        .get(&(s.min(o), s.max(o)))
                        .is_some_and(|&c| c >= STORYLINE_COSINE);
                    if story_at.get(&other.article) == Some(&claim.story)
                        || !direct
                        || distinct(&sentences[s], other)
                    {
                        continue;
                    }
                    let e = Evidence {
                        article: analysis.articles[other.article].id,
                        span: other.span,
                    };
                    if !found.contains(&e) {
                        found.push(e);
                    }
                }
            }
            claim.elsewhere_in_storyline = found;
        }
    }
}

/// True when two sentences of different events tell different facts: each names an
/// entity the other does not (two fights of one champion against two opponents), or
/// both give figures and share none.
fn distinct(a: &SentenceFacts, b: &SentenceFacts) -> bool {
    let only =
        |x: &SentenceFacts, y: &SentenceFacts| x.entities.iter().any(|e| !y.entities.contains(e));
    let figures_differ = !a.figures.is_empty()
        && !b.figures.is_empty()
        && !a
            .figures
            .iter()
            .any(|f| b.figures.iter().any(|g| (f.value - g.value).abs() < 1e-9));
    (only(a, b) && only(b, a)) || figures_differ
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::collect::candidates;
    use parallax_core::{
        Analysis, Article, ArticleId, FieldSources, Mentions, Story, StoryId, StorylineId,
    };

    fn article(source: &str, body: &str) -> Article {
        Article {
            id: ArticleId::from_source_and_body(source, body),
            source: source.into(),
            title: None,
            byline: None,
            outlet: Some(source.into()),
            published: chrono::NaiveDate::from_ymd_opt(2024, 3, 4),
            credits: Vec::new(),
            language: Some("en".into()),
            body: body.into(),
            field_sources: FieldSources::default(),
        }
    }

    #[test]
    fn different_opponents_are_different_facts() {
        let bodies = [
            "Champion Ivo Marten stopped Dara Quill in the sixth round to keep his title on Saturday.",
            "Champion Ivo Marten stopped Olek Varga in the sixth round to keep his title on Saturday.",
            "Champion Ivo Marten stopped Dara Quill in the sixth round to keep his title, officials said.",
        ];
        let articles: Vec<Article> = bodies
            .iter()
            .enumerate()
            .map(|(i, b)| article(&format!("outlet{i}"), b))
            .collect();
        let mut analysis = Analysis {
            mentions: articles.iter().map(|_| Mentions::default()).collect(),
            articles,
            ..Analysis::default()
        };
        let story = |n: u32, i: usize| Story {
            id: StoryId(n),
            title: String::new(),
            articles: vec![analysis.articles[i].id],
            start: None,
            end: None,
            storyline: Some(StorylineId(0)),
        };
        analysis.stories = vec![story(0, 0), story(1, 1), story(2, 2)];
        let facts = candidates(&analysis, &[0, 1, 2]);
        assert_eq!(facts.len(), 3);
        assert!(
            distinct(&facts[0], &facts[1]),
            "Quill and Varga are two fights"
        );
        assert!(
            !distinct(&facts[0], &facts[2]),
            "the same fight in two words"
        );

        // Story 0 gets a second article so it has a claim; the claim is found again in
        // story 2 (same fight), never in story 1 (another fight).
        let extra = article(
            "outlet3",
            "Champion Ivo Marten stopped Dara Quill in the sixth round to keep his title on Saturday night.",
        );
        analysis.mentions.push(Mentions::default());
        analysis.stories[0].articles.push(extra.id);
        analysis.articles.push(extra);
        let claims = crate::align_claims(&analysis);
        let claim = claims
            .iter()
            .find(|c| c.story == StoryId(0) && c.support.len() == 2)
            .expect("the two articles of story 0 share a claim");
        let elsewhere: Vec<ArticleId> = claim
            .elsewhere_in_storyline
            .iter()
            .map(|e| e.article)
            .collect();
        assert_eq!(elsewhere, vec![analysis.articles[2].id]);
    }
}
