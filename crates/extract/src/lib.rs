//! RawDocument → Article: the clean body and its metadata.
//!
//! Entry point: [`extract`]. Text dumps go through the line cleaner ([`text::clean`]);
//! a record's text that already reads clean is cleaned gently ([`gentle`]), and a text the
//! cleaner empties entirely is kept raw with a warning. The dump cleaner:
//! template lines out, credits, bylines and datelines into metadata, the headline taken
//! from the lines before the story. HTML is decoded ([`charset::decode`]) and parsed once;
//! its body is found by our readability-style density extractor ([`density_text`]) and
//! cleaned by the same line rules ([`html::body`]). rs-trafilatura runs only when that
//! reading finds next to nothing, and [`choose::choose`] then picks between the two.
//! Metadata comes from `<meta>`, JSON-LD and `<time>` ([`htmlmeta::scan`]). [`fields::choose`]
//! picks each field and records where it came from; an undeclared language is detected
//! from the body ([`language::detect`]). After a whole corpus is extracted,
//! [`strip_shared_template`] removes lines an outlet prints on many of its pages.

pub mod bio;
pub mod charset;
pub mod choose;
pub mod credits;
pub mod dates;
mod density;
mod density_names;
pub mod density_text;
pub mod fields;
pub mod gentle;
pub mod html;
pub mod htmlmeta;
pub mod language;
pub mod links;
pub mod notices;
pub mod outlet;
pub mod patterns;
mod teasers;
pub mod template;
pub mod text;
pub mod visible;

pub use template::strip_shared_template;

use parallax_core::{Article, ArticleId, Extracted, InputFormat, Payload, RawDocument};

/// Why a document yielded no article.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// Nothing that looks like article text was found.
    #[error("{document}: no article text found")]
    NoBody {
        /// The document's source name.
        document: String,
    },
}

/// Extracts the article from one raw document.
pub fn extract(doc: &RawDocument) -> Result<Extracted, ExtractError> {
    let mut warnings = Vec::new();
    let (clean, page) = match &doc.payload {
        Payload::Text(text) => {
            // A record's text is usually the article already: clean it gently.
            let from_record = matches!(doc.format, InputFormat::Jsonl | InputFormat::Feed);
            let mode = if from_record && gentle::looks_clean(text) {
                text::Mode::Article
            } else {
                text::Mode::Dump
            };
            let titles: Vec<&str> = doc.hints.title.as_deref().into_iter().collect();
            let mut clean = text::clean_with_titles(text, mode, &titles);
            clean.outlet = outlet::outlet_in_text(text);
            (clean, None)
        }
        Payload::Html {
            bytes,
            declared_charset,
        } => {
            let decoded = charset::decode(bytes, declared_charset.as_deref());
            if decoded.source == charset::CharsetSource::Detected {
                warnings.push(format!("charset guessed: {}", decoded.encoding.name()));
            }
            let page = htmlmeta::scan(&decoded.text);
            let url = doc.hints.url.as_deref().or(page.canonical.as_deref());
            let titles: Vec<&str> = [
                page.h1.as_deref(),
                page.meta(&["og:title"]).map(|(_, t)| t),
                page.title_tag.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect();
            (html::body(&decoded.text, url, &titles), Some(page))
        }
    };
    let mut clean = clean;
    if clean.paragraphs.is_empty() {
        // A text whose only words look like template (a video page that is just its
        // headline) is still a document: keep it as it is rather than lose it.
        if let Payload::Text(text) = &doc.payload {
            clean.paragraphs = gentle::raw_paragraphs(text);
            if !clean.paragraphs.is_empty() {
                warnings.push("cleaning left no text; kept the raw text".into());
            }
        }
    }
    let fields = fields::choose(doc, page.as_ref(), &clean);
    bio::drop_trailing_bio(&mut clean.paragraphs, fields.byline.as_deref());
    let body = clean.paragraphs.join("\n\n");
    if body.trim().is_empty() {
        return Err(ExtractError::NoBody {
            document: doc.source.clone(),
        });
    }
    if fields.published.is_none() {
        warnings.push("no publication date found".into());
    }
    Ok(Extracted {
        article: Article {
            id: ArticleId::from_source_and_body(&doc.source, &body),
            source: doc.source.clone(),
            title: fields.title,
            byline: fields.byline,
            outlet: fields.outlet,
            published: fields.published,
            credits: clean.credits,
            language: fields.language.or_else(|| language::detect(&body)),
            body,
            field_sources: fields.sources,
        },
        warnings,
    })
}
