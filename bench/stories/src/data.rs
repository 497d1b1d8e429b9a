//! Reading the labelled stream into articles, and growing it into larger synthetic streams.

use chrono::{Days, NaiveDate};
use parallax_core::{Article, ArticleId, FieldSources};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Record {
    url: String,
    outlet: Option<String>,
    published: Option<String>,
    title: Option<String>,
    text: String,
}

/// The articles of a stories JSONL file, in file (stream) order, built as the extract
/// stage would build them from the record's fields.
pub fn read_articles(path: &Path) -> Result<Vec<Article>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(n, line)| {
            let r: Record = serde_json::from_str(line)
                .map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
            Ok(article(
                r.url,
                r.outlet,
                r.published.and_then(|d| d.parse().ok()),
                r.title,
                r.text,
            ))
        })
        .collect()
}

fn article(
    source: String,
    outlet: Option<String>,
    published: Option<NaiveDate>,
    title: Option<String>,
    body: String,
) -> Article {
    Article {
        id: ArticleId::from_source_and_body(&source, &body),
        source,
        title,
        byline: None,
        outlet,
        published,
        credits: Vec::new(),
        language: Some("en".into()),
        body,
        field_sources: FieldSources::default(),
    }
}

/// `n` articles made from `base`: round `r` repeats the stream with every capitalised
/// word given a suffix unique to the round (new names, so new events of the same kinds)
/// and dates moved `r * 400` days on. Stream order is kept within and across rounds.
pub fn synthetic(base: &[Article], n: usize) -> Vec<Article> {
    (0..n)
        .map(|i| {
            let (round, a) = (i / base.len(), &base[i % base.len()]);
            if round == 0 {
                return a.clone();
            }
            let tag = round_tag(round);
            let rename = |text: &str| -> String {
                text.split(' ')
                    .map(|w| {
                        if w.starts_with(char::is_uppercase) {
                            let cut = w.trim_end_matches(|c: char| !c.is_alphanumeric());
                            format!("{cut}{tag}{}", &w[cut.len()..])
                        } else {
                            w.to_owned()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            article(
                format!("{}#r{round}", a.source),
                a.outlet.clone(),
                a.published
                    .and_then(|d| d.checked_add_days(Days::new(400 * round as u64))),
                a.title.as_deref().map(rename),
                rename(&a.body),
            )
        })
        .collect()
}

fn round_tag(mut round: usize) -> String {
    let mut tag = String::new();
    while round > 0 {
        tag.push((b'a' + (round % 26) as u8) as char);
        round /= 26;
    }
    tag
}
