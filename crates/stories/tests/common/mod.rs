//! What the stories tests share: reading a hand-written stream and rendering stories.

use parallax_core::{Article, ArticleId, FieldSources};

/// Reads blocks of `date` (or `-`), headline and body, separated by `---` lines. Each
/// article's source is `{source_prefix}{n}` and its outlet `outlet_of(n)`.
pub fn stream(text: &str, source_prefix: &str, outlet_of: fn(usize) -> String) -> Vec<Article> {
    text.split("\n---\n")
        .enumerate()
        .filter_map(|(n, block)| {
            let mut lines = block.trim().splitn(3, '\n');
            let date = lines.next()?;
            let title = lines.next()?;
            let body = lines.next()?.trim();
            let source = format!("{source_prefix}{n}");
            Some(Article {
                id: ArticleId::from_source_and_body(&source, body),
                source,
                title: Some(title.to_owned()),
                byline: None,
                outlet: Some(outlet_of(n)),
                published: date.parse().ok(),
                credits: Vec::new(),
                language: Some("en".into()),
                body: body.to_owned(),
                field_sources: FieldSources::default(),
            })
        })
        .collect()
}

// Not every test binary that includes this module renders stories.
#[allow(dead_code)]
/// Clusters `articles` and renders one line per story: its storyline and its members'
/// headlines, and with `details` also its time span and title.
pub fn render(articles: &[Article], details: bool) -> String {
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
            if details {
                format!(
                    "story {} (storyline {:?}, {:?}..{:?}) “{}”: {}",
                    s.id.0,
                    s.storyline.map(|l| l.0),
                    s.start,
                    s.end,
                    s.title,
                    members.join(" | ")
                )
            } else {
                format!(
                    "story {} (storyline {:?}): {}",
                    s.id.0,
                    s.storyline.map(|l| l.0),
                    members.join(" | ")
                )
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
