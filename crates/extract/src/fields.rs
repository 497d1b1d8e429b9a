//! Choosing each metadata field from its candidates, and recording where it came from.
//!
//! Order of trust, per field: the record's own hints (JSONL fields, feed headers), then
//! the page's structured data (JSON-LD, `<meta>`), then `<time>` and headings, then lines
//! of the text itself (for the outlet: a dump's footer and notices), then the URL. WARC
//! dates are crawl dates, so for WARC records the page wins and the record's date is the
//! last resort.

use crate::credits;
use crate::dates;
use crate::htmlmeta::PageMeta;
use crate::text::CleanText;
use chrono::NaiveDate;
use parallax_core::{FieldSource, FieldSources, InputFormat, RawDocument};

/// The chosen metadata of one article.
#[derive(Debug, Default)]
pub struct Fields {
    /// Headline.
    pub title: Option<String>,
    /// Author names.
    pub byline: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Outlet name.
    pub outlet: Option<String>,
    /// ISO 639-1 code.
    pub language: Option<String>,
    /// Where each came from.
    pub sources: FieldSources,
}

const DATE_METAS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "original-publish-date",
    "cxenseparse:recs:publishtime",
    "article:published",
];
const AUTHOR_METAS: &[&str] = &[
    "author",
    "article:author",
    "dc.creator",
    "byl",
    "sailthru.author",
    "parsely-author",
    "citation_author",
    "twitter:creator",
];
const TITLE_METAS: &[&str] = &["og:title", "twitter:title", "headline", "dc.title"];
const SITE_METAS: &[&str] = &["og:site_name", "application-name", "publisher", "cre"];

/// Picks every field for `doc`, given the page metadata (HTML only) and the cleaned text.
pub fn choose(doc: &RawDocument, page: Option<&PageMeta>, text: &CleanText) -> Fields {
    let today = dates::today();
    let mut f = Fields::default();
    let hints = &doc.hints;

    // Title.
    if let Some(t) = hints.title.as_deref().filter(|t| !t.trim().is_empty()) {
        set(
            &mut f.title,
            &mut f.sources.title,
            t.trim().to_owned(),
            FieldSource::Record,
        );
    }
    if let Some(p) = page {
        if let Some(t) = p.json_ld_str("headline") {
            set(
                &mut f.title,
                &mut f.sources.title,
                t,
                FieldSource::JsonLd("headline".into()),
            );
        }
        if let Some((name, t)) = p.meta(TITLE_METAS) {
            set(
                &mut f.title,
                &mut f.sources.title,
                t.to_owned(),
                FieldSource::MetaTag(name.into()),
            );
        }
        if let Some(h1) = &p.h1 {
            set(
                &mut f.title,
                &mut f.sources.title,
                h1.clone(),
                FieldSource::Heading,
            );
        }
        if let Some(t) = &p.title_tag {
            let site = p.meta(SITE_METAS).map(|(_, s)| s);
            set(
                &mut f.title,
                &mut f.sources.title,
                strip_site(t, site),
                FieldSource::Heading,
            );
        }
    }
    if let Some(t) = &text.title {
        set(
            &mut f.title,
            &mut f.sources.title,
            t.clone(),
            FieldSource::TextLine,
        );
    }
    // Titles from any source may still end in " | Site" or " - Site".
    let site = page.and_then(|p| p.meta(SITE_METAS)).map(|(_, s)| s);
    f.title = f
        .title
        .map(|t| crate::htmlmeta::unescape(t.trim()))
        .map(|t| strip_exact_site(&t, site));

    // Byline: names only; a candidate that yields no name is skipped.
    let mut bylines: Vec<(String, FieldSource)> = Vec::new();
    if let Some(b) = &hints.byline {
        bylines.push((b.clone(), FieldSource::Record));
    }
    if let Some(p) = page {
        let names = p.json_ld_authors();
        if !names.is_empty() {
            bylines.push((names.join(", "), FieldSource::JsonLd("author".into())));
        }
        for &name in AUTHOR_METAS {
            if let Some((n, v)) = p.meta(&[name]) {
                if !v.contains("://") && !v.starts_with('@') {
                    bylines.push((v.to_owned(), FieldSource::MetaTag(n.into())));
                }
            }
        }
    }
    if let Some(p) = page {
        for element in &p.author_elements {
            bylines.push((
                element.clone(),
                FieldSource::Inferred("author markup".into()),
            ));
        }
    }
    if let Some(b) = &text.byline {
        bylines.push((b.clone(), FieldSource::TextLine));
    }
    if let Some(b) = &text.extractor_byline {
        bylines.push((
            b.clone(),
            FieldSource::Inferred("rs-trafilatura author".into()),
        ));
    }
    let outlet_guess = page
        .and_then(|p| p.meta(SITE_METAS))
        .map(|(_, s)| s.to_lowercase());
    let outlet_words = outlet_guess.clone().or_else(|| f.outlet.clone());
    for (raw, source) in bylines {
        // Parts that name the outlet ("Jane Doe, Example Business") are no author.
        let names = credits::names_from(&raw).and_then(|n| {
            let kept: Vec<&str> = n
                .split(", ")
                .filter(|p| {
                    !outlet_words
                        .as_deref()
                        .is_some_and(|o| credits::names_outlet(p, o))
                })
                .collect();
            (!kept.is_empty()).then(|| kept.join(", "))
        });
        if let Some(names) = names {
            if outlet_guess.as_deref() != Some(&names.to_lowercase()) {
                f.byline = Some(names);
                f.sources.byline = Some(source);
                break;
            }
        }
    }

    // Published.
    let record_date = hints
        .published
        .as_deref()
        .and_then(|d| dates::parse_date(d, today));
    if doc.format != InputFormat::Warc {
        if let Some(d) = record_date {
            set(
                &mut f.published,
                &mut f.sources.published,
                d,
                FieldSource::Record,
            );
        }
    }
    if let Some(p) = page {
        if let Some(d) = p
            .json_ld_str("datePublished")
            .and_then(|d| dates::parse_date(&d, today))
        {
            set(
                &mut f.published,
                &mut f.sources.published,
                d,
                FieldSource::JsonLd("datePublished".into()),
            );
        }
        for &name in DATE_METAS {
            if let Some((n, v)) = p.meta(&[name]) {
                if let Some(d) = dates::parse_date(v, today) {
                    set(
                        &mut f.published,
                        &mut f.sources.published,
                        d,
                        FieldSource::MetaTag(n.into()),
                    );
                }
            }
        }
        if let Some(d) = p.times.iter().find_map(|t| dates::parse_date(t, today)) {
            set(
                &mut f.published,
                &mut f.sources.published,
                d,
                FieldSource::TimeElement,
            );
        }
    }
    if let Some(d) = text.published {
        set(
            &mut f.published,
            &mut f.sources.published,
            d,
            FieldSource::TextLine,
        );
    }
    let url = hints
        .url
        .clone()
        .or_else(|| page.and_then(|p| p.canonical.clone()))
        .or_else(|| page.and_then(|p| p.meta(&["og:url"]).map(|(_, u)| u.to_owned())));
    if let Some(d) = url.as_deref().and_then(|u| dates::date_in_url(u, today)) {
        set(
            &mut f.published,
            &mut f.sources.published,
            d,
            FieldSource::Url,
        );
    }
    if let Some(d) = record_date {
        set(
            &mut f.published,
            &mut f.sources.published,
            d,
            FieldSource::Record,
        );
    }

    // Outlet.
    if let Some(o) = hints.outlet.as_deref().filter(|o| !o.trim().is_empty()) {
        set(
            &mut f.outlet,
            &mut f.sources.outlet,
            o.trim().to_owned(),
            FieldSource::Record,
        );
    }
    if let Some(p) = page {
        if let Some((n, s)) = p.meta(&["og:site_name"]) {
            if let Some(s) = site_name(s) {
                set(
                    &mut f.outlet,
                    &mut f.sources.outlet,
                    s,
                    FieldSource::MetaTag(n.into()),
                );
            }
        }
        if let Some(s) = p.json_ld_publisher().as_deref().and_then(site_name) {
            set(
                &mut f.outlet,
                &mut f.sources.outlet,
                s,
                FieldSource::JsonLd("publisher".into()),
            );
        }
        if let Some((n, s)) = p.meta(&["application-name"]) {
            if let Some(s) = site_name(s) {
                set(
                    &mut f.outlet,
                    &mut f.sources.outlet,
                    s,
                    FieldSource::MetaTag(n.into()),
                );
            }
        }
    }
    if let Some(o) = &text.outlet {
        set(
            &mut f.outlet,
            &mut f.sources.outlet,
            o.clone(),
            FieldSource::TextLine,
        );
    }
    if let Some(host) = url.as_deref().and_then(outlet_host) {
        set(&mut f.outlet, &mut f.sources.outlet, host, FieldSource::Url);
    }
    // A site name given as a URL is reduced to its host.
    if let Some(o) = &f.outlet {
        if o.contains("://") {
            f.outlet = host_of(o);
        }
    }

    // Language: the page's declaration, reduced to ISO 639-1.
    f.language = page
        .and_then(|p| {
            p.lang.clone().or_else(|| {
                p.meta(&["og:locale", "content-language", "language"])
                    .map(|(_, v)| v.to_owned())
            })
        })
        .and_then(|l| {
            let code: String = l.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
            (code.len() == 2).then(|| code.to_ascii_lowercase())
        });
    f
}

fn set<T>(slot: &mut Option<T>, source: &mut Option<FieldSource>, value: T, from: FieldSource) {
    if slot.is_none() {
        *slot = Some(value);
        *source = Some(from);
    }
}

/// "Bridge reopens | Example Gazette" → "Bridge reopens".
fn strip_site(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " — ", " – ", " :: ", " · ", " « ", " » "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail_is_site = site.is_some_and(|s| tail.trim().eq_ignore_ascii_case(s.trim()))
                || tail.split_whitespace().count() <= 4;
            if tail_is_site && head.split_whitespace().count() >= 3 {
                return head.trim().to_owned();
            }
        }
    }
    title.to_owned()
}

/// Strips a trailing " | Site" only when it names the site exactly.
fn strip_exact_site(title: &str, site: Option<&str>) -> String {
    let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) else {
        return title.to_owned();
    };
    for sep in [" | ", " - ", " — ", " – ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if tail.trim().eq_ignore_ascii_case(site) && !head.trim().is_empty() {
                return head.trim().to_owned();
            }
        }
    }
    title.to_owned()
}

/// A site name as pages declare it, without a social handle or a tagline:
/// "Example Post | ExamplePost.com" → "Example Post", "@examplepost" → none.
fn site_name(raw: &str) -> Option<String> {
    let name = raw.trim();
    if name.is_empty() || name.starts_with('@') {
        return None;
    }
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some((head, _)) = name.split_once(sep) {
            let head = head.trim();
            if !head.is_empty() && head.split_whitespace().count() <= 5 {
                return Some(head.to_owned());
            }
        }
    }
    Some(name.to_owned())
}

/// The host of `url` as an outlet name, unless it is a name reserved for examples and
/// tests (RFC 2606, RFC 6761: `*.example`, `*.test`, `*.invalid`, `*.localhost`,
/// `example.com`, `.net`, `.org`). Such a host is a placeholder: a corpus that gives all
/// its unattributed documents `https://docs.example/…` names no single outlet, and
/// taking it as one would count them all as one source.
pub fn outlet_host(url: &str) -> Option<String> {
    let host = host_of(url)?;
    let tld = host.rsplit('.').next().unwrap_or_default();
    let reserved = matches!(tld, "example" | "test" | "invalid" | "localhost")
        || ["example.com", "example.net", "example.org"]
            .iter()
            .any(|d| host == *d || host.ends_with(&format!(".{d}")));
    (!reserved).then_some(host)
}

/// `https://www.example.org/x` → `example.org`.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (host.contains('.')).then(|| host.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_hosts_name_no_outlet() {
        assert_eq!(
            outlet_host("https://www.harbourtimes.co.uk/news/1").as_deref(),
            Some("harbourtimes.co.uk")
        );
        assert_eq!(outlet_host("https://docs.example/doc/ab12"), None);
        assert_eq!(outlet_host("http://www.example.com/story"), None);
        assert_eq!(outlet_host("http://news.example.org/story"), None);
        assert_eq!(outlet_host("http://site.test/a"), None);
        // A real name that merely contains the word keeps its host.
        assert_eq!(
            outlet_host("https://examplenews.com/a").as_deref(),
            Some("examplenews.com")
        );
    }

    #[test]
    fn site_suffix_is_stripped() {
        assert_eq!(
            strip_site("Bridge reopens after storm | Example Gazette", None),
            "Bridge reopens after storm"
        );
        assert_eq!(strip_site("Rock - Paper", None), "Rock - Paper");
    }

    #[test]
    fn site_names_lose_handles_and_taglines() {
        assert_eq!(
            site_name("Example Post | ExamplePost.com").as_deref(),
            Some("Example Post")
        );
        assert_eq!(
            site_name("Gazette - the island's favourite news site").as_deref(),
            Some("Gazette")
        );
        assert_eq!(site_name("@examplepost"), None);
        assert_eq!(
            site_name("NBC 7 Harbour-North").as_deref(),
            Some("NBC 7 Harbour-North")
        );
    }

    #[test]
    fn hosts() {
        assert_eq!(
            host_of("https://www.example.org/a/b").as_deref(),
            Some("example.org")
        );
        assert_eq!(host_of("file.txt"), None);
    }
}
