//! The extract stage's output: one clean article with its metadata.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Identifies an article: a hash of its source and its body, so reading the same input
/// again gives the same id, while one wire text republished by two outlets gives two.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ArticleId(u64);

impl ArticleId {
    /// The id of the article read from `source` with clean text `body`.
    pub fn from_source_and_body(source: &str, body: &str) -> ArticleId {
        let mut bytes = Vec::with_capacity(source.len() + body.len() + 1);
        bytes.extend_from_slice(source.as_bytes());
        bytes.push(0);
        bytes.extend_from_slice(body.as_bytes());
        ArticleId(xxhash_rust::xxh3::xxh3_64(&bytes))
    }

    /// Parses the 16-hex-digit form that [`fmt::Display`] prints.
    pub fn parse(hex: &str) -> Option<ArticleId> {
        (hex.len() == 16)
            .then(|| u64::from_str_radix(hex, 16).ok().map(ArticleId))
            .flatten()
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl Serialize for ArticleId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ArticleId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        ArticleId::parse(&text).ok_or_else(|| serde::de::Error::custom("bad article id"))
    }
}

/// Where a metadata field's value was found, so every field can be explained.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "from", content = "detail")]
pub enum FieldSource {
    /// The input record (JSONL field, WARC or feed header).
    Record,
    /// An HTML `<meta>` tag; the detail names it (`og:title`, `article:published_time`).
    MetaTag(String),
    /// JSON-LD structured data; the detail names the property.
    JsonLd(String),
    /// A `<time>` element.
    TimeElement,
    /// A dateline or byline line in the text itself.
    TextLine,
    /// The page's `<title>` or main heading.
    Heading,
    /// The URL (host for outlets, path for dates).
    Url,
    /// Another field or heuristic; the detail says which.
    Inferred(String),
}

/// The origin of each metadata field that has a value.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldSources {
    /// Where `title` came from.
    pub title: Option<FieldSource>,
    /// Where `byline` came from.
    pub byline: Option<FieldSource>,
    /// Where `published` came from.
    pub published: Option<FieldSource>,
    /// Where `outlet` came from.
    pub outlet: Option<FieldSource>,
}

/// A clean article: body text and metadata.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id (see [`ArticleId`]).
    pub id: ArticleId,
    /// The input file's path, or the record's URL, or `path#N`.
    pub source: String,
    /// Headline.
    pub title: Option<String>,
    /// Author names only, comma-separated; never the publisher or a bio.
    pub byline: Option<String>,
    /// Outlet (publication) name.
    pub outlet: Option<String>,
    /// Publication date; never in the future of the analysis and never from a script.
    pub published: Option<NaiveDate>,
    /// Wire or agency names credited ("TASS", "Reuters").
    pub credits: Vec<String>,
    /// ISO 639-1 language code, when known.
    pub language: Option<String>,
    /// Clean text; paragraphs separated by one blank line.
    pub body: String,
    /// Where each metadata field came from.
    pub field_sources: FieldSources,
}

impl Article {
    /// An article known only by its source and body: the id made from both, no metadata.
    pub fn from_text(source: &str, body: &str) -> Article {
        Article {
            id: ArticleId::from_source_and_body(source, body),
            source: source.to_owned(),
            title: None,
            byline: None,
            outlet: None,
            published: None,
            credits: Vec::new(),
            language: None,
            body: body.to_owned(),
            field_sources: FieldSources::default(),
        }
    }

    /// The body's paragraphs with their code-point spans.
    pub fn paragraphs(&self) -> Vec<crate::CharSpan> {
        let index = crate::CharIndex::new(&self.body);
        let mut out = Vec::new();
        let mut start = 0usize;
        for part in self.body.split("\n\n") {
            let end = start + part.len();
            if !part.trim().is_empty() {
                out.push(index.span_of_bytes(start, end));
            }
            start = end + 2;
        }
        out
    }
}

/// An article plus what extraction wants the user to know about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Extracted {
    /// The article.
    pub article: Article,
    /// Non-fatal problems (no date found, charset guessed, ...).
    pub warnings: Vec<String>,
}
