//! One storyline, two events: a leader's visit abroad (two articles) and his
//! spokesman's radio interview (two articles). All four share the storyline's names
//! (the president, both countries, the air campaign); the events differ in their
//! anchors (the host city, the palace and the meetings against the radio station, its
//! studio and its host). None is dated, so time cannot tell the events apart.
//!
//! Wanted, and what the snapshot shows: two stories in one storyline, the visit's
//! articles together and the interview's together. It takes the batch's document
//! frequencies (the storyline's names weigh little from the second article on) and the
//! discount for undated pairs.

use parallax_core::{Article, ArticleId, FieldSources};

fn article(n: usize, date: &str, title: &str, body: &str) -> Article {
    let source = format!("fixture://storyline/{n}");
    Article {
        id: ArticleId::from_source_and_body(&source, body),
        source,
        title: Some(title.to_owned()),
        byline: None,
        outlet: Some(format!("Outlet {n}")),
        published: date.parse().ok(),
        credits: Vec::new(),
        language: Some("en".into()),
        body: body.to_owned(),
        field_sources: FieldSources::default(),
    }
}

/// Blocks of `date` (or `-`), headline and body, separated by `---` lines.
fn stream() -> Vec<Article> {
    include_str!("fixtures/storyline.txt")
        .split("\n---\n")
        .enumerate()
        .filter_map(|(n, block)| {
            let mut lines = block.trim().splitn(3, '\n');
            let date = lines.next()?;
            let title = lines.next()?;
            Some(article(n, date, title, lines.next()?.trim()))
        })
        .collect()
}

/// One line per story: its storyline and its members' headlines.
fn render(articles: &[Article]) -> String {
    let (assignments, stories) = parallax_stories::cluster(articles, &[]);
    assert_eq!(assignments.len(), articles.len());
    let title_of = |id: ArticleId| {
        articles
            .iter()
            .find(|a| a.id == id)
            .and_then(|a| a.title.clone())
            .unwrap_or_default()
    };
    stories
        .iter()
        .map(|s| {
            let members: Vec<String> = s.articles.iter().map(|&id| title_of(id)).collect();
            format!(
                "story {} (storyline {:?}): {}",
                s.id.0,
                s.storyline.map(|l| l.0),
                members.join(" | ")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn events_of_one_storyline() {
    insta::assert_snapshot!(render(&stream()));
}
