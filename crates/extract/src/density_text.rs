//! The density extractor's output: the best candidate with the siblings that read like
//! the same story, rendered one block per line without the link lists and debris inside.

use crate::density::{self, Analysis, Stats, BLOCKS};
use ego_tree::NodeId;
use scraper::{Html, Node};
use std::collections::HashMap;

/// The article text the density extractor finds in a parsed page, one block per line;
/// `None` when no block of the page reads like running text.
pub fn article_text(html: &Html) -> Option<String> {
    let analysis = density::analyse(html, true);
    let choice = density::candidate(&analysis);
    // Class names can hide the story itself ("post-header-text"): when the best block is
    // short, look again by tags and roles alone, as readability does.
    let retry = choice.as_ref().is_none_or(|c| c.top_chars < 250);
    let (analysis, choice) = if retry {
        let loose = density::analyse(html, false);
        let loose_choice = density::candidate(&loose);
        let better = match (&choice, &loose_choice) {
            (Some(c), Some(l)) => l.top_chars > c.top_chars * 2,
            (None, Some(_)) => true,
            _ => false,
        };
        if better {
            (loose, loose_choice)
        } else {
            (analysis, choice)
        }
    } else {
        (analysis, choice)
    };
    let choice = choice?;
    let mut out = String::new();
    for id in &choice.nodes {
        render(&analysis, &choice.scores, *id, &mut out);
        out.push('\n');
    }
    let text = tidy(&out);
    (!text.is_empty()).then_some(text)
}

/// The top candidate and the siblings that join it, in page order.
pub(crate) fn with_siblings(
    a: &Analysis<'_>,
    top: NodeId,
    top_score: f64,
    scores: &HashMap<NodeId, f64>,
) -> Vec<NodeId> {
    let tree = &a.html.tree;
    let Some(node) = tree.get(top) else {
        return vec![top];
    };
    let Some(parent) = node.parent() else {
        return vec![top];
    };
    let class_of = |id: NodeId| match tree.get(id).map(|n| n.value()) {
        Some(Node::Element(el)) => el.attr("class").unwrap_or("").to_owned(),
        _ => String::new(),
    };
    let top_class = class_of(top);
    let threshold = (top_score * 0.2).max(10.0);
    let mut out = Vec::new();
    for sibling in parent.children() {
        let id = sibling.id();
        if id == top {
            out.push(id);
            continue;
        }
        let Node::Element(el) = sibling.value() else {
            continue;
        };
        if a.skipped.contains(&id) {
            continue;
        }
        let Some(s) = a.stats.get(&id) else {
            continue;
        };
        let ld = s.link_density();
        let bonus = if !top_class.is_empty() && class_of(id) == top_class {
            top_score * 0.2
        } else {
            0.0
        };
        let score = scores.get(&id).map_or(0.0, |v| v * (1.0 - ld)) + bonus;
        if score >= threshold {
            out.push(id);
        } else if el.name() == "p" || density::is_paragraph(el.name(), s) && el.name() != "td" {
            let keep = if s.chars > 80 {
                ld < 0.25
            } else if s.chars > 0 && ld == 0.0 {
                let mut text = String::new();
                render(a, scores, id, &mut text);
                let text = text.trim();
                text.contains(". ") || text.ends_with('.')
            } else {
                false
            };
            if keep {
                out.push(id);
            }
        }
    }
    split_parts(a, top, scores, &mut out);
    out
}

/// The nearest `<article>` holding a node, if any.
fn enclosing_article(a: &Analysis<'_>, id: NodeId) -> Option<NodeId> {
    let node = a.html.tree.get(id)?;
    node.ancestors()
        .find(|n| matches!(n.value(), Node::Element(el) if el.name() == "article"))
        .map(|n| n.id())
}

/// A story split into several blocks of the same tag and class, with advertising or
/// asides between them: the other parts join the top candidate. A part under another
/// `<article>`, or past a new `<h1>`, belongs to the next story of an endless page.
fn split_parts(
    a: &Analysis<'_>,
    top: NodeId,
    scores: &HashMap<NodeId, f64>,
    out: &mut Vec<NodeId>,
) {
    let tree = &a.html.tree;
    let Some(Node::Element(top_el)) = tree.get(top).map(|n| n.value()) else {
        return;
    };
    let Some(class) = top_el.attr("class").filter(|c| !c.trim().is_empty()) else {
        return;
    };
    let article = enclosing_article(a, top);
    let mut parts: Vec<NodeId> = Vec::new();
    let mut seen_top = false;
    let mut headline_after_top = false;
    let mut before: Vec<NodeId> = Vec::new();
    for node in tree.root().descendants() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        let id = node.id();
        if id == top {
            seen_top = true;
            continue;
        }
        let inside_top = || node.ancestors().any(|x| x.id() == top);
        if el.name() == "h1" && a.stats.get(&id).is_some_and(|s| s.chars > 0) && !inside_top() {
            if seen_top {
                headline_after_top = true;
            } else {
                before.clear();
            }
            continue;
        }
        if el.name() != top_el.name() || el.attr("class") != Some(class) || out.contains(&id) {
            continue;
        }
        if headline_after_top || inside_top() {
            continue;
        }
        let Some(s) = a.stats.get(&id) else {
            continue;
        };
        let score = scores
            .get(&id)
            .map_or(0.0, |v| v * (1.0 - s.link_density()));
        if s.chars < 100 || s.link_density() > 0.25 || (score < 5.0 && s.paragraphs == 0) {
            continue;
        }
        if enclosing_article(a, id) != article {
            continue;
        }
        if seen_top {
            parts.push(id);
        } else {
            before.push(id);
        }
    }
    if parts.is_empty() && before.is_empty() {
        return;
    }
    out.extend(before);
    out.extend(parts);
    // Page order: the parts are siblings' cousins, so sort by position in the tree.
    let order: HashMap<NodeId, usize> = tree
        .root()
        .descendants()
        .enumerate()
        .map(|(i, n)| (n.id(), i))
        .collect();
    out.sort_by_key(|id| order.get(id).copied().unwrap_or(usize::MAX));
    out.dedup();
}

/// Readability's conditional cleaning: containers inside the article that hold links,
/// forms or images rather than text.
fn drop_container(el: &scraper::node::Element, s: &Stats, score: f64) -> bool {
    let name = el.name();
    if !matches!(
        name,
        "div" | "section" | "ul" | "ol" | "table" | "form" | "fieldset" | "dl"
    ) {
        return false;
    }
    // A post embedded in the story (a tweet quoting someone) is part of what it reports,
    // links and all.
    if s.quotes > 0 && el.attr("class").is_some_and(|c| c.contains("embed")) {
        return false;
    }
    let weight = crate::density_names::class_weight(el);
    // A furniture class goes unless its own paragraphs outweigh it; a list's negative
    // starting score alone (readability's -3 for `ul`) is no reason to drop it.
    if weight < 0.0 && weight + score < 0.0 {
        return true;
    }
    if s.commas >= 10 {
        return false;
    }
    let list = matches!(name, "ul" | "ol" | "dl");
    let ld = s.link_density();
    // A list of sentence-long items is prose set as bullets: names linked inside its
    // sentences do not make it a link list.
    if list && s.items > 0 && s.chars / s.items >= 60 && ld <= 0.35 {
        return false;
    }
    // Readability discounts list items by a hundred: a recipe's ingredient list or a
    // fact box is content; only link-heavy lists go, by their link density below.
    (!list && s.items > s.paragraphs + 100)
        || f64::from(s.inputs) > f64::from(s.paragraphs) / 3.0
        || (weight < 25.0 && ld > 0.2)
        || (weight >= 25.0 && ld > 0.5)
}

/// A short block that is mostly a `<time>`: the story's date stamp ("Updated on: March
/// 3, 2021 / 10:07 AM / Example News").
fn date_stamp(el: &scraper::node::Element, s: &Stats) -> bool {
    BLOCKS.contains(&el.name()) && s.chars < 120 && s.time_chars * 2 >= s.chars && s.chars > 0
}

/// An inline element that holds a picture and links: a hover card or an inline
/// advertisement set inside a sentence, shown only on demand.
fn inline_card(el: &scraper::node::Element, s: &Stats) -> bool {
    !BLOCKS.contains(&el.name())
        && el.name() != "a"
        && s.images > 0
        && s.chars > 0
        && s.link_chars * 2 >= s.chars
        // The card, not the sentence around it.
        && s.chars - s.link_chars < 40
}

/// Whether a child holds the picture: the card is deeper down, and this element is the
/// sentence's own link around it.
fn card_inside(a: &Analysis<'_>, node: density::DomNode<'_>) -> bool {
    node.children()
        .any(|c| a.stats.get(&c.id()).is_some_and(|s| s.images > 0))
}

/// A paragraph or heading that is one link and nothing else (a "read this too" teaser
/// set inside the story), or a heading of a box rather than of the story.
fn link_paragraph(el: &scraper::node::Element, s: &Stats) -> bool {
    let heading = matches!(el.name(), "h2" | "h3" | "h4" | "h5" | "h6");
    // Readability's rule for headings: one named like furniture, or a third links, is
    // the title of a box, not of a section of the story.
    if heading
        && s.chars > 0
        && (crate::density_names::class_weight(el) < 0.0 || s.link_chars * 3 > s.chars)
    {
        return true;
    }
    (heading || el.name() == "p") && s.chars > 0 && s.link_chars * 10 >= s.chars * 9
}

/// Appends the text under `root`, one block per line.
fn render(a: &Analysis<'_>, scores: &HashMap<NodeId, f64>, root: NodeId, out: &mut String) {
    let Some(node) = a.html.tree.get(root) else {
        return;
    };
    let mut skipping: Option<NodeId> = None;
    for edge in node.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(n) => {
                if skipping.is_some() {
                    continue;
                }
                match n.value() {
                    Node::Element(el) => {
                        let id = n.id();
                        // The page's headline is not body text.
                        let dropped = a.skipped.contains(&id)
                            || el.name() == "h1"
                            || (id != root
                                && a.stats.get(&id).is_some_and(|s| {
                                    link_paragraph(el, s)
                                        || date_stamp(el, s)
                                        || (inline_card(el, s) && !card_inside(a, n))
                                }))
                            || (id != root
                                && a.stats.get(&id).is_some_and(|s| {
                                    drop_container(el, s, scores.get(&id).copied().unwrap_or(0.0))
                                }));
                        if dropped {
                            skipping = Some(id);
                            continue;
                        }
                        if matches!(el.name(), "td" | "th") {
                            out.push(' ');
                        } else if el.name() == "br" || BLOCKS.contains(&el.name()) {
                            out.push('\n');
                        }
                    }
                    // Source line breaks are not block breaks.
                    Node::Text(text) => out.extend(text.chars().map(|c| match c {
                        '\n' | '\r' => ' ',
                        c => c,
                    })),
                    _ => {}
                }
            }
            ego_tree::iter::Edge::Close(n) => {
                if skipping == Some(n.id()) {
                    skipping = None;
                    continue;
                }
                if skipping.is_some() {
                    continue;
                }
                if let Node::Element(el) = n.value() {
                    if BLOCKS.contains(&el.name()) && !matches!(el.name(), "td" | "th") {
                        out.push('\n');
                    }
                }
            }
        }
    }
}

/// Collapses whitespace inside lines and drops empty ones.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut first = true;
        for word in line.split_whitespace() {
            if !first {
                out.push(' ');
            }
            out.push_str(word);
            first = false;
        }
        if !first {
            out.push('\n');
        }
    }
    out
}
