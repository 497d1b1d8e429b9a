//! The labelled stream: articles in stream order and each one's gold event.

use chrono::NaiveDate;
use parallax_core::{Article, ArticleId, FieldSources};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

#[derive(Deserialize)]
struct Record {
    url: String,
    outlet: Option<String>,
    published: Option<String>,
    title: Option<String>,
    text: String,
}

#[derive(Deserialize)]
struct Gold {
    url: String,
    event: String,
}

/// Articles of `articles.jsonl` in stream order, built as the extract stage builds
/// them from a record's fields, and the gold event of each (same order).
pub fn read(dir: &Path) -> Result<(Vec<Article>, Vec<String>), String> {
    let gold: HashMap<String, String> = lines(&dir.join("gold.jsonl"))?
        .into_iter()
        .map(|g: Gold| (g.url, g.event))
        .collect();
    let records: Vec<Record> = lines(&dir.join("articles.jsonl"))?;
    let mut articles = Vec::with_capacity(records.len());
    let mut events = Vec::with_capacity(records.len());
    for r in records {
        let event = gold
            .get(&r.url)
            .ok_or_else(|| format!("no gold event for {}", r.url))?;
        events.push(event.clone());
        articles.push(Article {
            id: ArticleId::from_source_and_body(&r.url, &r.text),
            source: r.url,
            title: r.title,
            byline: None,
            outlet: r.outlet,
            published: r.published.and_then(|d| d.parse::<NaiveDate>().ok()),
            credits: Vec::new(),
            language: Some("en".into()),
            body: r.text,
            field_sources: FieldSources::default(),
        });
    }
    Ok((articles, events))
}

fn lines<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Vec<T>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            serde_json::from_str(l).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))
        })
        .collect()
}

/// How many leading paragraphs the model reads after the title: `PX_LEAD_PARAGRAPHS`,
/// 3 when unset (the speed workers inherit the variable).
pub fn lead_paragraphs() -> usize {
    std::env::var("PX_LEAD_PARAGRAPHS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3)
}

/// What the model reads of an article: its title and first [`lead_paragraphs`], which
/// the tokenizer then cuts at 256 tokens.
pub fn lead_text(article: &Article) -> String {
    let mut text = article.title.clone().unwrap_or_default();
    for paragraph in article
        .body
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .take(lead_paragraphs())
    {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(paragraph.trim());
    }
    text
}
