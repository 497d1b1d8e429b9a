//! Which elements can never be article text, by tag, role, hidden marker and class or
//! id name, and readability's class weight for the ones that can.

use ego_tree::NodeId;
use regex::Regex;
use scraper::{Html, Node};
use std::sync::LazyLock;

const NEVER_TEXT: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "object",
    "embed",
    "canvas",
    "select",
    "option",
    "button",
    "textarea",
    "nav",
    "aside",
    "footer",
    "figcaption",
    "head",
    "title",
    "dialog",
    "menu",
    "video",
    "audio",
];

const LANDMARK_ROLES: &[&str] = &[
    "navigation",
    "complementary",
    "banner",
    "contentinfo",
    "menu",
    "menubar",
    "search",
    "dialog",
    "alert",
    "alertdialog",
    "tablist",
];

/// Class and id words of page furniture (readability's list plus the usual share and
/// newsletter boxes).
static UNLIKELY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)-ad-|^ad-|\bads?\b|banner|breadcrumb|combx|comment|community|cookie|disqus|extra|\bfoot(?:er)?\b|footer|footnote|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|popup|promo|share|sharing|newsletter|subscri|signup|outbrain|taboola|recommend|most-?popular|trending|pagination|pager|masthead|byline|caption|tags?\b|author-?(bio|info|box)|modal|overlay|toolbar|standfirst|sr-only|screen-reader|visually-?hidden",
    )
    .expect("static regex")
});

/// Class and id words that mark furniture even when a story's own block looks unlikely.
static ALWAYS_UNLIKELY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)comment|disqus|replies|respond|remark|community|cookie|gdpr|outbrain|taboola")
        .expect("static regex")
});

/// Words that rescue an unlikely-looking name ("article-footer-content" is still content).
static MAYBE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)and|article|body|column|content|main|shadow|story|entry|embed")
        .expect("static regex")
});

static POSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story",
    )
    .expect("static regex")
});

static NEGATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|\bfoot(?:er)?\b|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|teaser|recommend|newsletter|caption|byline")
        .expect("static regex")
});

fn class_and_id(el: &scraper::node::Element) -> String {
    let mut names = String::new();
    if let Some(c) = el.attr("class") {
        names.push_str(c);
    }
    if let Some(id) = el.attr("id") {
        names.push(' ');
        names.push_str(id);
    }
    names
}

/// Readability's class weight: +25 for a content-like name, -25 for furniture.
pub(crate) fn class_weight(el: &scraper::node::Element) -> f64 {
    let names = class_and_id(el);
    if names.trim().is_empty() {
        return 0.0;
    }
    let mut weight = 0.0;
    if NEGATIVE.is_match(&names) {
        weight -= 25.0;
    }
    if POSITIVE.is_match(&names) {
        weight += 25.0;
    }
    if el
        .attr("itemprop")
        .is_some_and(|p| p.contains("articleBody"))
    {
        weight += 25.0;
    }
    weight
}

/// Whether an element (and all it holds) can never be article text.
pub(crate) fn never_text(el: &scraper::node::Element, use_classes: bool) -> bool {
    let name = el.name();
    if NEVER_TEXT.contains(&name) {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = el.attr("style") {
        let style = style.to_ascii_lowercase().replace(' ', "");
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    if el.attr("role").is_some_and(|r| LANDMARK_ROLES.contains(&r)) {
        return true;
    }
    // The summary above a story (schema.org "description", the "standfirst") repeats it.
    if el.attr("itemprop") == Some("description") && name != "meta" {
        return true;
    }
    if matches!(name, "html" | "body" | "article" | "main" | "a") {
        return false;
    }
    if el
        .attr("itemprop")
        .is_some_and(|p| p.contains("articleBody"))
    {
        return false;
    }
    let names = class_and_id(el);
    if names.is_empty() || MAYBE.is_match(&names) {
        return false;
    }
    // Even the retry that ignores class names keeps readers' comments out: under a short
    // story they are the longest text on the page.
    if use_classes {
        UNLIKELY.is_match(&names)
    } else {
        ALWAYS_UNLIKELY.is_match(&names)
    }
}

/// The ancestors of `<article>`, `<main>` and `itemprop="articleBody"` elements: a
/// layout class such as "container has-sidebar" on them names the page's shape, not
/// furniture, so class names never hide them.
pub(crate) fn story_holders(html: &Html) -> std::collections::HashSet<NodeId> {
    let mut out = std::collections::HashSet::new();
    for node in html.tree.root().descendants() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        let marks_story = matches!(el.name(), "article" | "main")
            || el.attr("role") == Some("main")
            || el
                .attr("itemprop")
                .is_some_and(|p| p.contains("articleBody"));
        if marks_story {
            for ancestor in node.ancestors() {
                if !out.insert(ancestor.id()) {
                    break;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hidden_by_class(class: &str) -> bool {
        let html = Html::parse_fragment(&format!("<div class=\"{class}\">x</div>"));
        let el = html
            .root_element()
            .descendants()
            .find_map(|n| match n.value() {
                Node::Element(el) if el.name() == "div" => Some(el.clone()),
                _ => None,
            })
            .expect("the fragment has a div");
        never_text(&el, true)
    }

    #[test]
    fn furniture_class_words_are_whole_words() {
        assert!(hidden_by_class("site-footer"));
        assert!(hidden_by_class("foot"));
        assert!(hidden_by_class("sidebar-widgets"));
        assert!(hidden_by_class("screen-reader-text"));
        assert!(!hidden_by_class("football-report"));
        assert!(!hidden_by_class("sidebar-content"), "content rescues it");
        assert!(!hidden_by_class("story-text"));
    }
}
