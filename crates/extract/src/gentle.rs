//! Text that is already an article: telling it apart from a page dump, splitting a date
//! label off the paragraph it was printed into, and the last resort when cleaning leaves
//! nothing.
//!
//! A JSONL record or a feed item usually carries the article text an archive already
//! extracted. The dump cleaner's density rules would cut its short closing lines and its
//! deck, so such text goes through [`crate::text::Mode::Article`] when
//! [`looks_clean`] says it holds no template.

use crate::patterns::{self, LineKind};
use crate::text::is_paragraph_like;

/// Text with no notice or author box, few template lines, and at least three quarters
/// of its characters in running text.
pub fn looks_clean(text: &str) -> bool {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return false;
    }
    let mut junk = 0usize;
    let (mut running, mut total) = (0usize, 0usize);
    for line in &lines {
        let line = split_date_label(line).map_or(*line, |(_, rest)| rest);
        match patterns::classify(line) {
            LineKind::Cutoff => return false,
            LineKind::Junk => junk += 1,
            LineKind::Other => {}
        }
        total += line.len();
        if is_paragraph_like(line) {
            running += line.len();
        }
    }
    junk * 10 <= lines.len() && running * 4 >= total * 3
}

const DATE_LABELS: &[&str] = &[
    "updated",
    "last updated",
    "published",
    "first published",
    "posted",
    "posted on",
];

const DATE_WORDS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "am",
    "pm",
    "a.m",
    "p.m",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "et",
    "est",
    "edt",
    "pt",
    "pst",
    "pdt",
    "ct",
    "cdt",
    "cst",
    "at",
    "on",
    "|",
    "-",
    "–",
    "—",
    "updated",
    "last",
    "published",
    "posted",
    "first",
];

/// "Last updated at 22:46 GMT The minister said ..." → the date part and the sentence,
/// when a date label opens a line that goes on into running text.
pub fn split_date_label(line: &str) -> Option<(&str, &str)> {
    let lower = line.trim_start().to_lowercase();
    if !DATE_LABELS.iter().any(|l| lower.starts_with(l)) {
        return None;
    }
    let mut rest = line.trim_start();
    let mut consumed = 0usize;
    loop {
        let token_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let token = &rest[..token_end];
        let bare = token
            .trim_matches(|c: char| matches!(c, ',' | ':' | ';' | '.' | '(' | ')'))
            .to_lowercase();
        let date_like = bare.is_empty()
            || bare.chars().any(|c| c.is_ascii_digit())
            || DATE_WORDS.contains(&bare.as_str())
            || parallax_core::calendar::is_month(&bare)
            || parallax_core::calendar::is_weekday(&bare);
        if !date_like || token.is_empty() {
            break;
        }
        consumed += 1;
        rest = rest[token_end..].trim_start();
    }
    let sentence = rest;
    let label = line.trim_start()[..line.trim_start().len() - sentence.len()].trim_end();
    let opens_capitalised = sentence
        .chars()
        .find(|c| c.is_alphanumeric() || *c == '“' || *c == '"')
        .is_some_and(|c| !c.is_lowercase());
    (consumed >= 1
        && sentence.split_whitespace().count() >= 8
        && opens_capitalised
        && is_paragraph_like(sentence))
    .then_some((label, sentence))
}

/// The paragraphs of `text` as they are: one per non-empty line, whitespace collapsed.
/// Used when the cleaner kept nothing of a text that has words (a record that is only
/// its headline must not be lost).
pub fn raw_paragraphs(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| l.chars().any(char::is_alphanumeric))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_labels_split_from_running_text() {
        let (label, rest) = split_date_label(
            "Last updated at 22:46 GMT The champion kept his three belts by stopping the challenger in the sixth round.",
        )
        .expect("a split");
        assert_eq!(label, "Last updated at 22:46 GMT");
        assert!(rest.starts_with("The champion"));
        let (label, rest) = split_date_label(
            "Updated: The mayor on Sunday tried to clarify her comment about the harbour bridge tolls.",
        )
        .expect("a split");
        assert_eq!(label, "Updated:");
        assert!(rest.starts_with("The mayor"));
        assert_eq!(split_date_label("Updated: 12 March 2025, 10:02"), None);
        assert_eq!(split_date_label("Posted in Politics"), None);
    }

    #[test]
    fn clean_text_is_told_from_a_dump() {
        let article = "The council approved the bridge on Monday after a long debate.\n\nWork starts in May, the mayor said, and should take two years.\n\nGet well soon!";
        assert!(looks_clean(article));
        let dump = "Home\nNews\nSport\nThe council approved the bridge on Monday after a long debate.\nFollow us on Twitter\nAbout the author";
        assert!(!looks_clean(dump));
    }

    #[test]
    fn raw_paragraphs_keep_every_worded_line() {
        assert_eq!(
            raw_paragraphs("  Star swimmer  dies at 91 \n\n---\n"),
            vec!["Star swimmer dies at 91".to_owned()]
        );
    }
}
