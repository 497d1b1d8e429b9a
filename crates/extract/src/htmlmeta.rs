//! Page metadata from HTML: `<meta>` tags, JSON-LD, `<time>`, `<title>` and `<h1>`.
//!
//! The scan is a light pass over the markup with regular expressions rather than a
//! second DOM parse, so metadata costs little next to body extraction. `<script>`
//! contents other than JSON-LD are blanked first: a date or name inside code is never
//! taken.

use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock;

/// Metadata candidates found in one page, each with the name of its source.
#[derive(Debug, Default)]
pub struct PageMeta {
    /// `(name, content)` of every `<meta>` tag, names lower-cased.
    pub metas: Vec<(String, String)>,
    /// Parsed JSON-LD objects (graphs flattened).
    pub json_ld: Vec<Value>,
    /// `datetime` attributes of `<time>` elements, in page order.
    pub times: Vec<String>,
    /// The `<title>` text.
    pub title_tag: Option<String>,
    /// The first `<h1>` text.
    pub h1: Option<String>,
    /// The `<html lang>` attribute.
    pub lang: Option<String>,
    /// `<link rel="canonical">`.
    pub canonical: Option<String>,
    /// Text of elements marked as the author by microdata or microformats
    /// (`itemprop="author"`, `rel="author"`, `class="byline"`), in page order.
    pub author_elements: Vec<String>,
}

static ATTR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?is)([a-z_:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"#)
        .expect("static regex")
});
static TAGS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?s)<[^>]*>").expect("static regex"));

fn attrs(inside: &str) -> Vec<(String, String)> {
    ATTR.captures_iter(inside)
        .map(|c| {
            let value = c
                .get(2)
                .or(c.get(3))
                .or(c.get(4))
                .map_or("", |m| m.as_str());
            (c[1].to_ascii_lowercase(), unescape(value))
        })
        .collect()
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// Decodes the few character references that matter in attribute values and titles.
pub fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(semi) = rest.as_bytes()[..rest.len().min(12)]
            .iter()
            .position(|&b| b == b';')
        else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..semi];
        let decoded = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            "mdash" => Some('—'),
            "ndash" => Some('–'),
            "rsquo" => Some('’'),
            "lsquo" => Some('‘'),
            "ldquo" => Some('“'),
            "rdquo" => Some('”'),
            "hellip" => Some('…'),
            _ if name.starts_with("#x") || name.starts_with("#X") => {
                u32::from_str_radix(&name[2..], 16)
                    .ok()
                    .and_then(char::from_u32)
            }
            _ if name.starts_with('#') => name[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn text_of(fragment: &str) -> Option<String> {
    let text = unescape(&TAGS.replace_all(fragment, " "));
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// Collects the metadata candidates of a decoded page.
///
/// One pass over the tags: comments, `<style>` and `<script>` contents are skipped
/// (JSON-LD scripts are parsed), and only the tags that carry metadata are looked at.
pub fn scan(html: &str) -> PageMeta {
    let mut meta = PageMeta::default();
    // ASCII lower-casing keeps byte offsets, so positions found in `lower` index `html`.
    let lower = html.to_ascii_lowercase();
    let mut at = 0;
    while let Some(found) = lower[at..].find('<') {
        let start = at + found;
        let rest = &lower[start + 1..];
        if rest.starts_with("!--") {
            at = skip_past(&lower, start + 4, "-->");
            continue;
        }
        let name_len = rest
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let name = &rest[..name_len];
        let Some(tag_end) = lower[start..].find('>').map(|e| start + e) else {
            break;
        };
        let inside = &html[start + 1 + name_len..tag_end];
        at = tag_end + 1;
        match name {
            "script" => {
                let close = lower[at..].find("</script").map_or(lower.len(), |e| at + e);
                if inside.to_ascii_lowercase().contains("ld+json") {
                    let body = html[at..close]
                        .trim()
                        .trim_start_matches("<![CDATA[")
                        .trim_end_matches("]]>");
                    if let Ok(value) = serde_json::from_str::<Value>(body) {
                        flatten_json_ld(value, &mut meta.json_ld);
                    }
                }
                at = close;
            }
            "style" | "noscript" | "template" => {
                at = lower[at..]
                    .find(&format!("</{name}"))
                    .map_or(lower.len(), |e| at + e);
            }
            "meta" => {
                let a = attrs(inside);
                let key = attr(&a, "property")
                    .or_else(|| attr(&a, "name"))
                    .or_else(|| attr(&a, "itemprop"))
                    .or_else(|| attr(&a, "http-equiv"));
                if let (Some(key), Some(content)) = (key, attr(&a, "content")) {
                    let content = content.trim();
                    if !content.is_empty() {
                        meta.metas
                            .push((key.to_ascii_lowercase(), content.to_owned()));
                    }
                }
            }
            "time" => {
                if let Some(dt) = attr(&attrs(inside), "datetime") {
                    meta.times.push(dt.to_owned());
                }
            }
            "title" if meta.title_tag.is_none() => {
                let close = lower[at..].find("</title").map_or(lower.len(), |e| at + e);
                meta.title_tag = text_of(&html[at..close]);
                at = close;
            }
            "h1" if meta.h1.is_none() => {
                let close = lower[at..].find("</h1").map_or(lower.len(), |e| at + e);
                meta.h1 = text_of(&html[at..close]);
            }
            "html" if meta.lang.is_none() => {
                meta.lang = attr(&attrs(inside), "lang").map(str::to_owned);
            }
            _ if meta.author_elements.len() < 4
                // An author link above the headline is a menu entry, not the byline.
                && (marks_author(inside)
                    || (name == "a" && meta.h1.is_some() && links_author_page(inside))) =>
            {
                let close = lower[at..]
                    .find(&format!("</{name}"))
                    .map_or(lower.len(), |e| at + e);
                if close - at <= 600 {
                    if let Some(text) = text_of(&html[at..close]) {
                        meta.author_elements.push(text);
                    }
                }
            }
            "link" if meta.canonical.is_none() => {
                let a = attrs(inside);
                if attr(&a, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) {
                    meta.canonical = attr(&a, "href").map(str::to_owned);
                }
            }
            _ => {}
        }
    }
    meta
}

/// Attributes that mark an element as the author's name (schema.org microdata, the
/// `rel="author"` link type, the hNews `byline`/`author` classes).
fn marks_author(inside: &str) -> bool {
    let lower = inside.to_ascii_lowercase();
    if !(lower.contains("author") || lower.contains("byline")) {
        return false;
    }
    let a = attrs(inside);
    attr(&a, "itemprop").is_some_and(|v| v.eq_ignore_ascii_case("author"))
        || attr(&a, "rel").is_some_and(|v| v.eq_ignore_ascii_case("author"))
        || attr(&a, "class").is_some_and(|v| {
            v.split_whitespace().any(|c| {
                matches!(
                    c.to_ascii_lowercase().as_str(),
                    "byline" | "author" | "author-name" | "byline-name"
                )
            })
        })
}

/// A link to an author's page (`/author/jane-doe/`), the byline of most blog engines.
fn links_author_page(inside: &str) -> bool {
    let a = attrs(inside);
    attr(&a, "href").is_some_and(|h| {
        h.to_ascii_lowercase()
            .split_once("/author/")
            .is_some_and(|(_, slug)| slug.trim_matches('/').len() > 2)
    })
}

fn skip_past(lower: &str, from: usize, end: &str) -> usize {
    lower
        .get(from..)
        .and_then(|rest| rest.find(end))
        .map_or(lower.len(), |e| from + e + end.len())
}

fn flatten_json_ld(value: Value, out: &mut Vec<Value>) {
    match value {
        Value::Array(items) => items.into_iter().for_each(|v| flatten_json_ld(v, out)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten_json_ld(graph, out);
            }
            if out.len() < 64 {
                out.push(Value::Object(map));
            }
        }
        _ => {}
    }
}

impl PageMeta {
    /// The first `<meta>` content among `names`, with the name that matched.
    pub fn meta(&self, names: &[&str]) -> Option<(&str, &str)> {
        names.iter().find_map(|want| {
            self.metas
                .iter()
                .find(|(n, _)| n == want)
                .map(|(n, v)| (n.as_str(), v.as_str()))
        })
    }

    /// JSON-LD objects that describe an article.
    pub fn articles(&self) -> impl Iterator<Item = &Value> {
        self.json_ld.iter().filter(|v| {
            let t = v.get("@type");
            let is = |s: &str| s.contains("Article") || s == "BlogPosting" || s == "Report";
            match t {
                Some(Value::String(s)) => is(s),
                Some(Value::Array(a)) => a.iter().any(|x| x.as_str().is_some_and(is)),
                _ => false,
            }
        })
    }

    /// A string property of the article's JSON-LD.
    pub fn json_ld_str(&self, key: &str) -> Option<String> {
        self.articles()
            .find_map(|v| v.get(key).and_then(Value::as_str).map(str::to_owned))
    }

    /// Author names from the article's JSON-LD (`author` as string, object or list);
    /// organisations are left out.
    pub fn json_ld_authors(&self) -> Vec<String> {
        let mut names = Vec::new();
        for article in self.articles() {
            let Some(author) = article.get("author") else {
                continue;
            };
            let list = match author {
                Value::Array(a) => a.iter().collect(),
                other => vec![other],
            };
            for a in list {
                match a {
                    Value::String(s) => names.push(s.clone()),
                    Value::Object(o) => {
                        // A graph (Yoast and the like) names the author in a node of its
                        // own, referenced by "@id".
                        let o = match (o.get("name"), o.get("@id").and_then(Value::as_str)) {
                            (None, Some(id)) => self
                                .json_ld
                                .iter()
                                .filter_map(Value::as_object)
                                .find(|n| {
                                    n.get("@id").and_then(Value::as_str) == Some(id)
                                        && n.contains_key("name")
                                })
                                .unwrap_or(o),
                            _ => o,
                        };
                        let org = o
                            .get("@type")
                            .and_then(Value::as_str)
                            .is_some_and(|t| t.contains("Organization"));
                        if let (false, Some(n)) = (org, o.get("name").and_then(Value::as_str)) {
                            names.push(n.to_owned());
                        }
                    }
                    _ => {}
                }
            }
            if !names.is_empty() {
                break;
            }
        }
        names
    }

    /// The publisher's name from JSON-LD.
    pub fn json_ld_publisher(&self) -> Option<String> {
        self.articles().find_map(|v| {
            let p = v.get("publisher")?;
            match p {
                Value::String(s) => Some(s.clone()),
                Value::Object(o) => o.get("name")?.as_str().map(str::to_owned),
                Value::Array(a) => a.first()?.get("name")?.as_str().map(str::to_owned),
                _ => None,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_meta_json_ld_and_time_but_not_scripts() {
        let page = r#"<html lang="en-GB"><head><title>Bridge &amp; Tunnel | Example</title>
            <meta property="og:site_name" content="Example Gazette">
            <script>var d = "<time datetime='1999-01-01'>";</script>
            <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle",
              "author":[{"@type":"Person","name":"Jane Example"},{"@type":"Organization","name":"Gazette"}],
              "publisher":{"name":"Example Gazette"}}]}</script></head>
            <body><h1>Bridge <em>reopens</em></h1><time datetime="2015-10-23">Oct 23</time></body></html>"#;
        let m = scan(page);
        assert_eq!(
            m.meta(&["og:site_name"]),
            Some(("og:site_name", "Example Gazette"))
        );
        assert_eq!(m.json_ld_authors(), vec!["Jane Example".to_owned()]);
        assert_eq!(m.json_ld_publisher().as_deref(), Some("Example Gazette"));
        assert_eq!(m.times, vec!["2015-10-23".to_owned()]);
        assert_eq!(m.title_tag.as_deref(), Some("Bridge & Tunnel | Example"));
        assert_eq!(m.h1.as_deref(), Some("Bridge reopens"));
        assert_eq!(m.lang.as_deref(), Some("en-GB"));
    }
}
