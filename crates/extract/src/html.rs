//! The article body of an HTML page: rs-trafilatura finds the main block, then the text
//! cleaner removes the template lines it let through and moves credits into metadata.

use crate::text::{self, CleanText, Mode};

/// The two readings of a page's body, each already cleaned by the line rules.
pub struct Candidates {
    /// rs-trafilatura's main block.
    pub trafilatura: CleanText,
    /// The density extractor's block ([`crate::density_text`]).
    pub density: CleanText,
}

fn trafilatura_reading(html: &str, url: Option<&str>, titles: &[&str]) -> CleanText {
    let options = rs_trafilatura::Options {
        url: url.map(str::to_owned),
        // Every input here is meant to be a news article: skipping the page-type
        // classifier saves a fifth of the time and changes no AEB output.
        page_type: Some(rs_trafilatura::page_type::PageType::Article),
        ..rs_trafilatura::Options::default()
    };
    let spaced = space_blocks(html);
    let (raw, author) = match rs_trafilatura::extract_with_options(&spaced, &options) {
        Ok(result) => (result.content_text, result.metadata.author),
        Err(_) => (String::new(), None),
    };
    let mut clean = text::clean_with_titles(&raw, Mode::Body, titles);
    clean.extractor_byline = author;
    clean
}

fn density_reading(parsed: &scraper::Html, titles: &[&str]) -> CleanText {
    let dense = crate::density_text::article_text(parsed).unwrap_or_default();
    text::clean_with_titles(&dense, Mode::Body, titles)
}

/// Reads the page both ways: rs-trafilatura and the density extractor (for benches and
/// diagnostics; [`body`] asks rs-trafilatura only when the density reading needs it).
pub fn candidates(html: &str, url: Option<&str>, titles: &[&str]) -> Candidates {
    let parsed = scraper::Html::parse_document(html);
    Candidates {
        trafilatura: trafilatura_reading(html, url, titles),
        density: density_reading(&parsed, titles),
    }
}

/// Extracts the cleaned body text of a decoded page. `url` helps the extractor.
pub fn body(html: &str, url: Option<&str>, titles: &[&str]) -> CleanText {
    let parsed = scraper::Html::parse_document(html);
    let density = density_reading(&parsed, titles);
    let mut clean = if crate::choose::density_suffices(&density) {
        density
    } else {
        crate::choose::choose(Candidates {
            trafilatura: trafilatura_reading(html, url, titles),
            density,
        })
    };
    if clean.paragraphs.is_empty() {
        // Short pages (feed items, stubs) fall below the extractors' size limits: take
        // their visible text instead.
        let author = clean.extractor_byline.take();
        clean = text::clean(&crate::visible::visible_text_of(&parsed), Mode::Dump);
        clean.extractor_byline = author;
    }
    credits_outside_body(html, &parsed, &mut clean.credits);
    clean
}

/// "Based on reporting by EXN" printed under the article but outside the block the
/// extractor chose. Only "reporting by/from" lines count: a bare agency name elsewhere
/// on the page may belong to a teaser.
fn credits_outside_body(html: &str, parsed: &scraper::Html, credits: &mut Vec<String>) {
    let lower_has = |needle: &str| {
        html.as_bytes()
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
    };
    if !lower_has("reporting by") && !lower_has("reporting from") {
        return;
    }
    for line in crate::visible::visible_text_of(parsed).lines() {
        let line = line.trim();
        if line.split_whitespace().count() > 14 || !line.to_lowercase().contains("reporting") {
            continue;
        }
        for name in crate::credits::credit_line(line).unwrap_or_default() {
            if !credits.contains(&name) {
                credits.push(name);
            }
        }
    }
}

/// Puts a newline after every closing block tag that is directly followed by markup.
/// Minified pages (`<p>one.</p><p>Two</p>`) otherwise come out of the extractor with
/// the paragraphs glued together ("one.Two").
fn space_blocks(html: &str) -> std::borrow::Cow<'_, str> {
    const CLOSERS: [&str; 10] = [
        "</p>",
        "</div>",
        "</li>",
        "</h1>",
        "</h2>",
        "</h3>",
        "</h4>",
        "</blockquote>",
        "</tr>",
        "</P>",
    ];
    if !CLOSERS.iter().any(|c| html.contains(&format!("{c}<"))) {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() + html.len() / 50);
    let mut rest = html;
    while let Some(at) = rest.find("</") {
        let tail = &rest[at..];
        let closer = CLOSERS.iter().find(|c| tail.starts_with(**c));
        match closer {
            Some(c) => {
                out.push_str(&rest[..at + c.len()]);
                rest = &rest[at + c.len()..];
                if rest.starts_with('<') {
                    out.push('\n');
                }
            }
            None => {
                out.push_str(&rest[..at + 2]);
                rest = &rest[at + 2..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn minified_paragraphs_stay_apart() {
        assert_eq!(
            super::space_blocks("<p>One.</p><p>Two</p> <div>x</div>"),
            "<p>One.</p>\n<p>Two</p> <div>x</div>"
        );
        let body = super::body(
            "<html><body><article><p>The council met on Monday and agreed the plan after a long debate.</p><p>Work starts in spring and will take two years, the mayor said.</p></article></body></html>",
            None,
            &[],
        );
        assert_eq!(body.paragraphs.len(), 2, "{:?}", body.paragraphs);
    }
}
