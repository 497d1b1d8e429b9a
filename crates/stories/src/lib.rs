//! Online story clustering: each article joins a story on arrival.

use parallax_core::{Article, Mentions, Story, StoryAssignment, StoryId};

/// Clusters articles (in arrival order) into stories.
pub fn cluster(articles: &[Article], mentions: &[Mentions]) -> (Vec<StoryAssignment>, Vec<Story>) {
    let _ = mentions;
    let assignments = articles
        .iter()
        .enumerate()
        .map(|(i, a)| StoryAssignment {
            article: a.id,
            story: StoryId(i as u32),
            score: 1.0,
        })
        .collect();
    let stories = articles
        .iter()
        .enumerate()
        .map(|(i, a)| Story {
            id: StoryId(i as u32),
            title: a.title.clone().unwrap_or_default(),
            articles: vec![a.id],
            start: a.published,
            end: a.published,
            storyline: None,
        })
        .collect();
    (assignments, stories)
}
