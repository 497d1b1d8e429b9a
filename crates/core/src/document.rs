//! What a reader hands to the extract stage: one document, still raw.

use std::path::PathBuf;

/// The kind of input a document was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    /// A plain-text dump of a page: one block per line.
    Text,
    /// An HTML page (possibly gzipped on disk).
    Html,
    /// One record of a JSON Lines file.
    Jsonl,
    /// One response record of a WARC archive.
    Warc,
    /// One item of an RSS or Atom feed.
    Feed,
}

/// The content of a raw document, before extraction.
#[derive(Clone, Debug, PartialEq)]
pub enum Payload {
    /// Undecoded HTML bytes; the extract stage finds the charset.
    Html {
        /// The page bytes as stored.
        bytes: Vec<u8>,
        /// Charset named by the transport (HTTP `Content-Type`), if any.
        declared_charset: Option<String>,
    },
    /// Text that is already decoded: a page dump or a JSONL `text` field.
    Text(String),
}

/// Metadata a container format carries beside the content (JSONL fields, WARC and
/// feed headers). Extraction prefers it to what it finds in the page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RecordHints {
    /// The record's URL.
    pub url: Option<String>,
    /// The outlet's name, as the record gives it.
    pub outlet: Option<String>,
    /// Publication date or date-time, as the record gives it (unparsed).
    pub published: Option<String>,
    /// The headline, as the record gives it.
    pub title: Option<String>,
    /// The byline, as the record gives it.
    pub byline: Option<String>,
}

/// One document as read from disk, before extraction.
#[derive(Clone, Debug, PartialEq)]
pub struct RawDocument {
    /// Stable name of the document: the file path, the record's URL, or `path#N`.
    pub source: String,
    /// The file the document was read from.
    pub path: PathBuf,
    /// The input kind.
    pub format: InputFormat,
    /// The content.
    pub payload: Payload,
    /// What the container said about the document.
    pub hints: RecordHints,
}
