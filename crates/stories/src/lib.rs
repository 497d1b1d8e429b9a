//! Online story clustering: each article joins a story on arrival.
//!
//! [`features`] turns an article into terms (content words, names, numbers, with the
//! headline and lead counting more); [`vector`] weighs them by TF-IDF with document
//! frequencies updated as articles arrive, kept in a fixed table indexed by a hash of
//! each term (no vocabulary grows with the stream); [`online`] assigns each article to
//! a story through an inverted index, and links a new story to the storyline of its
//! nearest story, and lets a story give up a doubtful member that a later article joins
//! through alone (the split check, `online/split.rs`); [`title`] picks each story's most
//! central headline; [`dating`] gives an undated article a day it cannot come before, from the absolute dates its body reports
//! (a bound, never a story's date). [`cluster_with`] first counts the batch's document
//! frequencies, then assigns the articles one at a time.

pub mod dating;
pub mod features;
pub mod lexicon;
pub mod online;
pub mod title;
pub mod vector;

pub use online::{OnlineClusterer, Params, Placement, When};

use parallax_core::{Article, Mentions, Story, StoryAssignment, StoryId, StorylineId};

/// Clusters articles (in arrival order) into stories with the default [`Params`].
/// `mentions[i]` belongs to `articles[i]`; it may be empty or shorter.
pub fn cluster(articles: &[Article], mentions: &[Mentions]) -> (Vec<StoryAssignment>, Vec<Story>) {
    cluster_with(articles, mentions, Params::default())
}

/// Clusters articles (in arrival order) into stories with the given settings.
pub fn cluster_with(
    articles: &[Article],
    mentions: &[Mentions],
    params: Params,
) -> (Vec<StoryAssignment>, Vec<Story>) {
    let mut clusterer = OnlineClusterer::new(params);
    let terms_of = |i: usize, article: &Article| {
        let mut terms = features::raw_terms(article.title.as_deref(), &article.body);
        if params.use_entities {
            if let Some(m) = mentions.get(i) {
                terms.extend(features::entity_terms(m));
            }
        }
        terms
    };
    if params.batch_document_frequencies {
        // Terms are made twice rather than kept: a batch of 100,000 articles' terms
        // would hold gigabytes.
        for (i, article) in articles.iter().enumerate() {
            clusterer.count_background(&terms_of(i, article));
        }
        clusterer.fix_document_frequencies();
    }
    let mut assignments: Vec<StoryAssignment> = Vec::with_capacity(articles.len());
    let mut stories: Vec<Story> = Vec::new();
    let mut titles = title::TitlePicker::default();
    // Publication dates by article, to re-span a story an article leaves.
    let mut published: rustc_hash::FxHashMap<parallax_core::ArticleId, Option<chrono::NaiveDate>> =
        rustc_hash::FxHashMap::default();
    for (i, article) in articles.iter().enumerate() {
        let terms = terms_of(i, article);
        let when = match dating::article_date(article, mentions.get(i), params.body_dates) {
            Some(d) if d.is_estimate() => When::NotBefore(d.date),
            Some(d) => When::Published(d.date),
            None => When::Unknown,
        };
        let (placement, vector) = clusterer.add_when(&terms, when);
        let story_id = StoryId(placement.story);
        let moved = placement.moved.map(|j| j as usize).filter(|&j| j < i);
        if placement.story as usize == stories.len() {
            stories.push(Story {
                id: story_id,
                title: String::new(),
                articles: Vec::new(),
                start: None,
                end: None,
                storyline: Some(StorylineId(placement.storyline)),
            });
        }
        if let Some(j) = moved {
            // An earlier article leaves its story with this one (`Params::split_margin`).
            let from = assignments[j].story;
            let left = &mut stories[from.0 as usize];
            left.articles.retain(|a| *a != articles[j].id);
            let dates = left
                .articles
                .iter()
                .filter_map(|a| published.get(a).copied().flatten());
            left.start = dates.clone().min();
            left.end = dates.max();
            assignments[j].story = story_id;
            assignments[j].score = placement.score;
            titles.move_member(j, from.0, placement.story);
        }
        let story = &mut stories[placement.story as usize];
        for (id, date) in moved
            .map(|j| (articles[j].id, articles[j].published))
            .into_iter()
            .chain([(article.id, article.published)])
        {
            story.articles.push(id);
            if let Some(d) = date {
                story.start = Some(story.start.map_or(d, |s| s.min(d)));
                story.end = Some(story.end.map_or(d, |e| e.max(d)));
            }
        }
        published.insert(article.id, article.published);
        titles.add(placement.story, i, vector);
        assignments.push(StoryAssignment {
            article: article.id,
            story: story_id,
            score: placement.score,
        });
    }
    let titled = |i: usize| {
        articles[i]
            .title
            .as_deref()
            .is_some_and(|t| !t.trim().is_empty())
    };
    for (story, best) in titles.finish(titled) {
        if let Some(s) = stories.get_mut(story as usize) {
            s.title = title::headline(&articles[best]);
        }
    }
    (assignments, stories)
}
