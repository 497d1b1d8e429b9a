//! The visible text of an HTML page, one line per block element: the text-dump format.

use scraper::{ElementRef, Html, Node};

const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas",
    "select", "option", "button", "input", "textarea",
];
/// Elements that end a line of the dump beyond the density reading's blocks
/// ([`crate::density::BLOCKS`], which the dump shares except `tbody`).
const DUMP_ONLY_BLOCKS: &[&str] = &[
    "br", "title", "body", "summary", "caption", "dialog", "menu", "legend",
];

/// True when `name` starts a new line of the dump.
fn is_block(name: &str) -> bool {
    (crate::density::BLOCKS.contains(&name) && name != "tbody") || DUMP_ONLY_BLOCKS.contains(&name)
}

/// Renders the page as lines of visible text, one per block element.
pub fn visible_text(html: &str) -> String {
    visible_text_of(&Html::parse_document(html))
}

/// [`visible_text`] of a page already parsed.
pub fn visible_text_of(page: &Html) -> String {
    let mut out = String::new();
    walk(page.root_element(), &mut out);
    let mut text = String::with_capacity(out.len());
    for line in out.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if !line.is_empty() {
            text.push_str(&line);
            text.push('\n');
        }
    }
    text
}

fn walk(element: ElementRef, out: &mut String) {
    for child in element.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if SKIPPED.contains(&name) {
                    continue;
                }
                let block = is_block(name);
                if block {
                    out.push('\n');
                }
                if let Some(child) = ElementRef::wrap(child) {
                    walk(child, out);
                }
                if block {
                    out.push('\n');
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_line_per_block() {
        let html = "<html><head><title>T</title></head><body><nav><a>Home</a> <a>World</a></nav>\
                    <script>x()</script><p>First <b>para</b>.</p><div>Second</div></body></html>";
        assert_eq!(
            super::visible_text(html),
            "Home World\nFirst para.\nSecond\n"
        );
    }
}
