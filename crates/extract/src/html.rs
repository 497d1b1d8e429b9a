//! The article body of an HTML page: rs-trafilatura finds the main block, then the text
//! cleaner removes the template lines it let through and moves credits into metadata.

use crate::text::{self, CleanText, Mode};

/// Extracts the cleaned body text of a decoded page. `url` helps the extractor.
pub fn body(html: &str, url: Option<&str>, titles: &[&str]) -> CleanText {
    let options = rs_trafilatura::Options {
        url: url.map(str::to_owned),
        // Every input here is meant to be a news article: skipping the page-type
        // classifier saves a fifth of the time and changes no AEB output.
        page_type: Some(rs_trafilatura::page_type::PageType::Article),
        ..rs_trafilatura::Options::default()
    };
    let (raw, author) = match rs_trafilatura::extract_with_options(html, &options) {
        Ok(result) => (result.content_text, result.metadata.author),
        Err(_) => (String::new(), None),
    };
    let mut clean = text::clean_with_titles(&raw, Mode::Body, titles);
    clean.extractor_byline = author;
    if clean.paragraphs.is_empty() {
        // Short pages (feed items, stubs) fall below the extractor's size limits: take
        // their visible text instead.
        let author = clean.extractor_byline.take();
        clean = text::clean(&crate::visible::visible_text(html), Mode::Dump);
        clean.extractor_byline = author;
        let experiment = std::env::var("PX_EXP").unwrap_or_default();
        if experiment.contains('x') && !clean.paragraphs.is_empty() {
            let alt = text::clean(&crate::visible::visible_text(html), Mode::Dump);
            let alt_text: String = alt
                .paragraphs
                .iter()
                .map(|p| parallax_core::text::fold(p))
                .collect::<Vec<_>>()
                .join("\n");
            let len = |c: &CleanText| c.paragraphs.iter().map(String::len).sum::<usize>();
            if len(&alt) * 10 >= len(&clean) * 3 {
                let kept: Vec<String> = clean
                    .paragraphs
                    .iter()
                    .filter(|p| alt_text.contains(&parallax_core::text::fold(p)))
                    .cloned()
                    .collect();
                let kept_len: usize = kept.iter().map(String::len).sum();
                if kept_len * 2 >= len(&clean) {
                    clean.paragraphs = kept;
                }
            }
        }
    }
    clean
}
