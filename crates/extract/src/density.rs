//! A second opinion on where the article is: a readability-style density extractor.
//!
//! One pass over the parsed page counts, for every element, its visible characters,
//! the characters inside links, its commas and its paragraph children, skipping what can
//! never be article text (scripts, `<nav>`, `<aside>`, `<footer>`, landmark roles, hidden
//! elements, and class or id names such as "sidebar" or "comment": [`crate::density_names`]). Paragraph-like
//! blocks then score their parent and grandparent by length and commas; the best
//! candidate, discounted by its link density, wins, and its siblings that read like the
//! same story join it ([`candidate`]). The chosen nodes are rendered one block per line
//! ([`crate::density_text`]), leaving out link lists and short debris inside them.

use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};
use std::collections::HashMap;

pub(crate) type DomNode<'a> = NodeRef<'a, Node>;

/// What one element holds, counted over its visible, non-skipped descendants.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Stats {
    /// Characters of text, whitespace runs counted once.
    pub chars: u32,
    /// Of those, characters inside `<a>`.
    pub link_chars: u32,
    /// Commas (Latin, CJK and Arabic).
    pub commas: u32,
    /// `<p>` descendants.
    pub paragraphs: u32,
    /// `<li>` descendants.
    pub items: u32,
    /// `<img>` descendants.
    pub images: u32,
    /// `<input>` descendants.
    pub inputs: u32,
    /// A direct child is a block element.
    pub block_child: bool,
    /// Characters of text outside any block child (text a `<div>` holds directly).
    pub loose_chars: u32,
    /// Of those, characters inside `<a>`.
    pub loose_link_chars: u32,
    /// Commas in that text.
    pub loose_commas: u32,
    /// `<br>` outside any block child.
    pub breaks: u32,
    /// Characters inside `<time>`.
    pub time_chars: u32,
    /// `<blockquote>` descendants.
    pub quotes: u32,
}

impl Stats {
    pub fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            f64::from(self.link_chars) / f64::from(self.chars)
        }
    }
}

/// The page's elements with their counts and the subtrees left out.
pub(crate) struct Analysis<'a> {
    pub html: &'a Html,
    pub stats: HashMap<NodeId, Stats>,
    /// Roots of subtrees that are never article text.
    pub skipped: std::collections::HashSet<NodeId>,
}

pub(crate) const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tbody",
    "tr",
    "td",
    "th",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "form",
    "fieldset",
    "address",
    "hr",
    "center",
    "details",
];

fn text_stats(text: &str, stats: &mut Stats, in_link: bool) {
    let mut chars = 0u32;
    let mut space = true;
    for c in text.chars() {
        if c.is_whitespace() {
            if !space {
                chars += 1;
            }
            space = true;
        } else {
            chars += 1;
            space = false;
            if matches!(c, ',' | '，' | '、' | '،') {
                stats.commas += 1;
                stats.loose_commas += 1;
            }
        }
    }
    stats.chars += chars;
    stats.loose_chars += chars;
    if in_link {
        stats.link_chars += chars;
        stats.loose_link_chars += chars;
    }
}

/// Counts every element of the page; with `use_classes` false only tags, roles and
/// hidden markers decide what is skipped (the retry when class names hid the story).
pub(crate) fn analyse(html: &Html, use_classes: bool) -> Analysis<'_> {
    let holds_story = crate::density_names::story_holders(html);
    let mut stats = HashMap::new();
    let mut skipped = std::collections::HashSet::new();
    // Stack of open elements: (id, counts, is a link, is skipped).
    let mut stack: Vec<(NodeId, Stats, bool, bool)> = Vec::new();
    let mut skip_depth = 0usize;
    let mut link_depth = 0usize;
    for edge in html.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let classes = use_classes && !holds_story.contains(&node.id());
                    let skip = skip_depth > 0 || crate::density_names::never_text(el, classes);
                    if skip {
                        if skip_depth == 0 {
                            skipped.insert(node.id());
                        }
                        skip_depth += 1;
                    }
                    // A named anchor (`<a name>`) or an in-page jump is not a way off
                    // the page: its text is not link text.
                    let link = el.name() == "a"
                        && el
                            .attr("href")
                            .is_some_and(|h| !h.trim_start().starts_with('#'));
                    if link {
                        link_depth += 1;
                    }
                    stack.push((node.id(), Stats::default(), link, skip));
                }
                Node::Text(text) if skip_depth == 0 => {
                    if let Some(top) = stack.last_mut() {
                        text_stats(text, &mut top.1, link_depth > 0);
                    }
                }
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                let Node::Element(el) = node.value() else {
                    continue;
                };
                let Some((id, mut s, link, skip)) = stack.pop() else {
                    continue;
                };
                if link {
                    link_depth = link_depth.saturating_sub(1);
                }
                if skip {
                    skip_depth = skip_depth.saturating_sub(1);
                    continue;
                }
                if link {
                    s.link_chars = s.chars;
                    s.loose_link_chars = s.loose_chars;
                }
                if el.name() == "time" {
                    s.time_chars = s.chars;
                }
                let name = el.name();
                if let Some(parent) = stack.last_mut() {
                    let p = &mut parent.1;
                    p.chars += s.chars;
                    p.link_chars += s.link_chars;
                    p.time_chars += s.time_chars;
                    p.commas += s.commas;
                    p.paragraphs += s.paragraphs + u32::from(name == "p");
                    p.items += s.items + u32::from(name == "li");
                    p.images += s.images + u32::from(name == "img");
                    p.inputs += s.inputs + u32::from(name == "input");
                    p.quotes += s.quotes + u32::from(name == "blockquote");
                    if BLOCKS.contains(&name) {
                        p.block_child = true;
                    } else if name == "br" {
                        p.breaks += 1;
                    } else {
                        p.loose_chars += s.loose_chars;
                        p.loose_link_chars += s.loose_link_chars;
                        p.loose_commas += s.loose_commas;
                        p.breaks += s.breaks;
                    }
                }
                stats.insert(id, s);
            }
        }
    }
    Analysis {
        html,
        stats,
        skipped,
    }
}

/// Readability's starting score for a candidate of this tag.
fn tag_score(name: &str) -> f64 {
    match name {
        "div" | "article" | "main" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// A block that reads as one paragraph: `<p>`, `<pre>`, `<td>`, or a `<div>` or
/// `<section>` that holds only text and inline markup.
pub(crate) fn is_paragraph(name: &str, stats: &Stats) -> bool {
    matches!(name, "p" | "pre" | "td")
        || (matches!(name, "div" | "section" | "span" | "font") && !stats.block_child)
}

/// The chosen article nodes, in page order, and the score of the best one.
pub(crate) struct Choice {
    pub nodes: Vec<NodeId>,
    pub top_chars: u32,
    /// Content scores of the candidates, before the link-density discount.
    pub scores: HashMap<NodeId, f64>,
}

/// Scores the candidates and picks the article nodes.
pub(crate) fn candidate(a: &Analysis<'_>) -> Option<Choice> {
    let mut scores: HashMap<NodeId, f64> = HashMap::new();
    let init = |node: DomNode<'_>| -> f64 {
        match node.value() {
            Node::Element(el) => tag_score(el.name()) + crate::density_names::class_weight(el),
            _ => 0.0,
        }
    };
    for node in a.html.tree.root().descendants() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        let Some(s) = a.stats.get(&node.id()) else {
            continue;
        };
        // A paragraph scores its parent; text a container holds beside its blocks is a
        // paragraph of its own and scores the container (readability wraps it in <p>).
        // Text cut by `<br><br>` into paragraphs (old layouts) makes its own block the
        // candidate, like a container's loose text.
        let (chars, commas, breaks, first) = if is_paragraph(el.name(), s) && s.breaks < 2 {
            (s.chars, s.commas, s.breaks, node.parent())
        } else if s.loose_link_chars * 2 < s.loose_chars {
            (s.loose_chars, s.loose_commas, s.breaks, Some(node))
        } else {
            continue;
        };
        if chars < 25 {
            continue;
        }
        let Some(first) = first else {
            continue;
        };
        // Text split by <br> is several paragraphs: let its length count for more.
        let cap = 3.0 * f64::from(breaks.div_ceil(2).max(1)).min(5.0);
        let content = 1.0 + f64::from(commas) + (f64::from(chars) / 100.0).min(cap);
        let chain = std::iter::once(first).chain(first.ancestors());
        for (level, ancestor) in chain.take(5).enumerate() {
            if !matches!(ancestor.value(), Node::Element(_)) {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * 3.0,
            };
            *scores
                .entry(ancestor.id())
                .or_insert_with(|| init(ancestor)) += content / divider;
        }
    }
    let link_scaled = |id: &NodeId, score: f64| {
        let ld = a.stats.get(id).map_or(0.0, Stats::link_density);
        score * (1.0 - ld)
    };
    let mut ranked: Vec<(NodeId, f64)> = scores
        .iter()
        .map(|(id, s)| (*id, link_scaled(id, *s)))
        .collect();
    ranked.sort_by(|x, y| y.1.total_cmp(&x.1));
    let &(mut top, top_score) = ranked.first()?;
    let tree = &a.html.tree;
    // Several strong candidates under one ancestor: the story is split over sibling
    // blocks, so the ancestor is the article.
    let strong: Vec<NodeId> = ranked
        .iter()
        .skip(1)
        .take(5)
        .filter(|(_, s)| *s >= top_score * 0.75)
        .map(|(id, _)| *id)
        .collect();
    if strong.len() >= 3 {
        let top_node = tree.get(top)?;
        for ancestor in top_node.ancestors() {
            if !matches!(ancestor.value(), Node::Element(el) if el.name() != "body" && el.name() != "html")
            {
                break;
            }
            let holds = strong
                .iter()
                .filter(|id| {
                    tree.get(**id)
                        .is_some_and(|n| n.ancestors().any(|x| x.id() == ancestor.id()))
                })
                .count();
            if holds >= 3 {
                top = ancestor.id();
                break;
            }
        }
    }
    // A lone child carries no more than its parent.
    let mut node = tree.get(top)?;
    while let Some(parent) = node.parent() {
        let Node::Element(el) = parent.value() else {
            break;
        };
        if el.name() == "body" || parent.children().filter(|c| c.value().is_element()).count() != 1
        {
            break;
        }
        node = parent;
    }
    top = node.id();
    let top_score = scores
        .get(&top)
        .map_or(top_score, |s| link_scaled(&top, *s))
        .max(top_score);
    let nodes = crate::density_text::with_siblings(a, top, top_score, &scores);
    let top_chars = a.stats.get(&top).map_or(0, |s| s.chars);
    Some(Choice {
        nodes,
        top_chars,
        scores,
    })
}
