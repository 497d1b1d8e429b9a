//! Sentence spans: the language stage's when it gave any, else a small splitter of our
//! own that knows paragraphs, closing quotes and common abbreviations.

use parallax_core::{CharIndex, Mentions};
use std::ops::Range;

/// Words that end with a period without ending a sentence.
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen", "rep",
    "gov", "pres", "st", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb",
    "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e",
    "approx", "est", "fig", "rev", "hon", "messrs",
];

/// Byte ranges of the sentences of `body`, trimmed of surrounding whitespace.
///
/// Uses `mentions.sentences` when the language stage filled it; spans that do not fit
/// the body are skipped rather than trusted.
pub fn sentence_ranges(
    body: &str,
    index: &CharIndex,
    mentions: Option<&Mentions>,
) -> Vec<Range<usize>> {
    if let Some(m) = mentions.filter(|m| !m.sentences.is_empty()) {
        // Our splitter may still cut inside one of them (a closing quote followed by a
        // new sentence: `… stop.” Indian commandos …`); it never merges two.
        return m
            .sentences
            .iter()
            .filter_map(|s| index.byte_range(*s))
            .filter_map(|r| trim(body, r))
            .flat_map(|r| {
                let base = r.start;
                split_sentences(&body[r])
                    .into_iter()
                    .map(move |inner| base + inner.start..base + inner.end)
            })
            .collect();
    }
    split_sentences(body)
}

/// Splits `body` into sentences: paragraphs first, then at `.`, `!` or `?` (with any
/// closing quotes or brackets) followed by space and an upper-case letter, digit or
/// opening quote, unless the word before the period is an abbreviation or an initial.
pub fn split_sentences(body: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut para_start = 0usize;
    for para in body.split("\n\n") {
        let base = para_start;
        para_start += para.len() + 2;
        let mut start = 0usize;
        let chars: Vec<(usize, char)> = para.char_indices().collect();
        let mut i = 0usize;
        while i < chars.len() {
            let (b, c) = chars[i];
            // A semicolon joins two statements: each is a claim of its own.
            if c == ';' && chars.get(i + 1).is_some_and(|&(_, n)| n == ' ') {
                if let Some(r) = trim(body, base + start..base + b + 1) {
                    out.push(r);
                }
                start = chars.get(i + 1).map_or(para.len(), |&(bn, _)| bn);
                i += 1;
                continue;
            }
            if matches!(c, '.' | '!' | '?' | '\n') {
                let mut j = i + 1;
                while j < chars.len() && is_closer(chars[j].1) {
                    j += 1;
                }
                let end = chars.get(j).map_or(para.len(), |&(bj, _)| bj);
                let mut k = j;
                while k < chars.len() && chars[k].1.is_whitespace() {
                    k += 1;
                }
                let next = chars.get(k).map(|&(_, c)| c);
                let breaks = c == '\n'
                    || (k > j
                        && next
                            .is_some_and(|n| n.is_uppercase() || n.is_numeric() || is_opener(n))
                        && !(c == '.' && is_abbreviation(&para[start..b])));
                if breaks || next.is_none() {
                    if let Some(r) = trim(body, base + start..base + end) {
                        out.push(r);
                    }
                    start = chars.get(k).map_or(para.len(), |&(bk, _)| bk);
                    i = k;
                    continue;
                }
            }
            i += 1;
        }
        if start < para.len() {
            if let Some(r) = trim(body, base + start..base + para.len()) {
                out.push(r);
            }
        }
    }
    out
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '.' | '!' | '?'
    )
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '„' | '(' | '[')
}

/// True when `before` (the sentence so far, up to the period) ends with an abbreviation
/// or a single initial ("J.").
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    let mut letters = lower.chars().filter(|c| c.is_alphabetic());
    let single = letters.next().is_some() && letters.next().is_none() && word.chars().count() == 1;
    single || ABBREVIATIONS.contains(&lower.as_str())
}

/// Trims whitespace off both ends; `None` when nothing but space is left.
fn trim(body: &str, range: Range<usize>) -> Option<Range<usize>> {
    let text = body.get(range.clone())?;
    let lead = text.len() - text.trim_start().len();
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| range.start + lead..range.start + lead + trimmed.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(body: &str) -> Vec<&str> {
        split_sentences(body)
            .into_iter()
            .map(|r| &body[r])
            .collect()
    }

    #[test]
    fn splits_at_periods_but_not_abbreviations_or_initials() {
        let body = "Mr. Orlov met Gen. Vance in the U.S. capital. He left at 5 p.m. on Friday.\n\nA new “paragraph.” Then J. Smith spoke!";
        assert_eq!(
            pieces(body),
            vec![
                "Mr. Orlov met Gen. Vance in the U.S. capital.",
                "He left at 5 p.m. on Friday.",
                "A new “paragraph.”",
                "Then J. Smith spoke!",
            ]
        );
    }

    #[test]
    fn splits_inside_given_sentences_but_never_merges_them() {
        let body = "They ordered the boats to stop.” Commandos boarded one. Then calm.";
        let index = CharIndex::new(body);
        let given = Mentions {
            sentences: vec![
                index.span_of_bytes(0, body.find(" Then").expect("in body")),
                index.span_of_bytes(body.find("Then").expect("in body"), body.len()),
            ],
            ..Mentions::default()
        };
        let got: Vec<&str> = sentence_ranges(body, &index, Some(&given))
            .into_iter()
            .map(|r| &body[r])
            .collect();
        assert_eq!(
            got,
            vec![
                "They ordered the boats to stop.”",
                "Commandos boarded one.",
                "Then calm."
            ]
        );
    }

    #[test]
    fn keeps_decimal_numbers_and_cyrillic_whole() {
        let body = "Рост составил 2.5 процента. Это много; очень.";
        assert_eq!(
            pieces(body),
            vec!["Рост составил 2.5 процента.", "Это много;", "очень."]
        );
    }
}
