//! An undated article whose body reports a day long after a story's last article does not
//! join that story, while the same article without the date in its body does: the date
//! is a bound on when the article was written (see `parallax_stories::dating`).

mod common;

use chrono::NaiveDate;
use parallax_core::{Article, CharIndex, DateRange, Mentions, TimeExpression};
use parallax_stories::{cluster_with, Params};

/// Mentions holding one resolved time expression per "Mon. D, YYYY" date in the body,
/// as the language stage gives for an undated article.
fn dated_mentions(article: &Article) -> Mentions {
    let pattern = regex::Regex::new(
        r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\.? (\d{1,2}), (\d{4})",
    )
    .expect("valid pattern");
    let index = CharIndex::new(&article.body);
    let times = pattern
        .captures_iter(&article.body)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let month = parallax_core::calendar::MONTHS
                .iter()
                .position(|m| m.starts_with(&c[1].to_lowercase()))? as u32
                + 1;
            let day = NaiveDate::from_ymd_opt(c[3].parse().ok()?, month, c[2].parse().ok()?)?;
            Some(TimeExpression {
                span: index.span_of_bytes(whole.start(), whole.end()),
                resolved: Some(DateRange {
                    start: day,
                    end: day,
                }),
            })
        })
        .collect();
    Mentions {
        sentences: vec![index.span_of_bytes(0, article.body.len())],
        times,
        ..Mentions::default()
    }
}

fn stories_of(articles: &[Article]) -> Vec<Vec<usize>> {
    let mentions: Vec<Mentions> = articles.iter().map(dated_mentions).collect();
    let (assignments, stories) = cluster_with(articles, &mentions, Params::default());
    stories
        .iter()
        .map(|s| {
            assignments
                .iter()
                .enumerate()
                .filter(|(_, a)| a.story == s.id)
                .map(|(i, _)| i)
                .collect()
        })
        .collect()
}

#[test]
fn a_body_date_long_after_a_story_keeps_an_undated_article_out() {
    let articles = common::stream(include_str!("fixtures/bounds.txt"), "fixture://", |n| {
        format!("Outlet {n}")
    });
    assert_eq!(stories_of(&articles), vec![vec![0, 1], vec![2]]);
    let mut without_date = articles.clone();
    without_date[2].body = without_date[2].body.replace(" on Oct. 22, 2023", "");
    assert_eq!(stories_of(&without_date), vec![vec![0, 1, 2]]);
}
