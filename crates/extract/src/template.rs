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
/// and in at least half, and sits among an article's first three or last four
/// paragraphs. An article keeps its body when the shared paragraphs would take more than
/// two fifths of it (two versions of one story are not template).
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
            let all: Vec<&str> = paragraphs(&articles[i].body).collect();
            // Template sits at the top or the bottom of a page; a shared paragraph in the
            // middle is shared story text (a wire quote, an update of the same story).
            let at_edge = |n: usize| n < 3 || n + 4 >= all.len();
            let drop: Vec<bool> = all
                .iter()
                .enumerate()
                .map(|(n, p)| at_edge(n) && shared.contains(&parallax_core::text::fold(p)))
                .collect();
            let dropped_chars: usize = all
                .iter()
                .zip(&drop)
                .filter(|(_, d)| **d)
                .map(|(p, _)| p.len())
                .sum();
            let total_chars: usize = all.iter().map(|p| p.len()).sum();
            // Two versions of one story share most of their text: leave those alone.
            if dropped_chars * 5 > total_chars * 2 {
                continue;
            }
            let kept: Vec<&str> = all
                .iter()
                .zip(&drop)
                .filter(|(_, d)| !**d)
                .map(|(p, _)| *p)
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
