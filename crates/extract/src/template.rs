//! Corpus-level template removal: lines an outlet prints on many of its pages.
//!
//! A line that appears in several articles of the same outlet (a newsletter prompt, a
//! standing disclaimer, a section footer) is template, not story. Wire copy republished
//! by many outlets is left alone: only articles of one outlet are compared.

use parallax_core::{Article, ArticleId};
use std::collections::{HashMap, HashSet};

/// A paragraph shorter than this many characters can be template even if the outlet
/// prints it once per page; longer ones are only dropped when repeated widely.
const SHORT_PARAGRAPH: usize = 200;

/// Removes paragraphs that several articles of the same outlet share. Needs at least
/// three articles of an outlet; a paragraph goes when it appears in at least three of them
/// and in at least half. Articles whose body would become empty keep it.
pub fn strip_shared_template(articles: &mut [Article]) {
    let mut by_outlet: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, a) in articles.iter().enumerate() {
        if let Some(outlet) = &a.outlet {
            by_outlet.entry(outlet.to_lowercase()).or_default().push(i);
        }
    }
    for members in by_outlet.values() {
        if members.len() < 3 {
            continue;
        }
        let mut counts: HashMap<String, usize> = HashMap::new();
        for &i in members {
            let unique: HashSet<String> = paragraphs(&articles[i].body)
                .map(parallax_core::text::fold)
                .collect();
            for p in unique {
                *counts.entry(p).or_default() += 1;
            }
        }
        let threshold = 3.max(members.len().div_ceil(2));
        let shared: HashSet<&String> = counts
            .iter()
            .filter(|(p, &n)| n >= threshold && (p.len() < SHORT_PARAGRAPH || n >= members.len()))
            .map(|(p, _)| p)
            .collect();
        if shared.is_empty() {
            continue;
        }
        for &i in members {
            let kept: Vec<&str> = paragraphs(&articles[i].body)
                .filter(|p| !shared.contains(&parallax_core::text::fold(p)))
                .collect();
            if kept.is_empty() {
                continue;
            }
            let body = kept.join("\n\n");
            if body != articles[i].body {
                articles[i].id = ArticleId::from_source_and_body(&articles[i].source, &body);
                articles[i].body = body;
            }
        }
    }
}

fn paragraphs(body: &str) -> impl Iterator<Item = &str> {
    body.split("\n\n").map(str::trim).filter(|p| !p.is_empty())
}
