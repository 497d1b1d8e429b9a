//! Sentence boundaries that survive abbreviations ("Mr.", "U.S.", "Sept.").

use crate::tokens::{is_dotted_acronym, Token};

/// Abbreviations that end with a dot but rarely end a sentence (lowercase, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "maj",
    "adm", "cmdr", "st", "jr", "sr", "rev", "hon", "pres", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thurs",
    "fri", "sat", "sun", "inc", "corp", "co", "ltd", "no", "vs", "etc", "approx", "dept", "est",
    "fig", "ft", "mt", "ave", "blvd", "univ", "e.g", "i.e", "a.m", "p.m",
];

/// Words after which a dotted acronym ("U.S.") is read as ending the sentence.
const SENTENCE_OPENERS: &[&str] = &[
    "The", "He", "She", "It", "They", "We", "I", "But", "And", "This", "That", "There", "In", "A",
    "An", "His", "Her", "Their", "Its", "Our", "As", "At", "On", "When", "If", "So",
];

/// Returns sentence byte ranges over `body`, given its tokens. Newlines always end a
/// sentence, since extract puts paragraphs and headings on their own lines.
pub fn split_sentences(body: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0;
    for (i, t) in tokens.iter().enumerate() {
        // A newline between the previous token and this one closes the sentence.
        if let Some(s) = start {
            if body
                .get(last_end..t.start)
                .is_some_and(|gap| gap.contains('\n'))
            {
                out.push((s, last_end));
                start = None;
            }
        }
        if start.is_none() {
            start = Some(t.start);
        }
        last_end = t.end;
        let text = t.text(body);
        let ends = match text {
            "!" | "?" => true,
            "." => !is_abbreviation_before(body, tokens, i),
            _ if t.is_word
                && text.ends_with('.')
                && is_dotted_acronym(text.trim_end_matches('.')) =>
            {
                next_word_opens_sentence(body, tokens, i)
            }
            _ => false,
        };
        if ends {
            // Closing quotes and brackets belong to the sentence they close.
            let mut j = i + 1;
            while let Some(n) = tokens.get(j) {
                if n.start == last_end && matches!(n.text(body), "”" | "\"" | "’" | "'" | ")" | "»")
                {
                    last_end = n.end;
                    j += 1;
                } else {
                    break;
                }
            }
            // Only end when the next token starts something sentence-like.
            let next = tokens.get(j).map(|n| n.text(body));
            let opens = next.is_none_or(|n| {
                n.chars().next().is_some_and(|c| {
                    c.is_uppercase()
                        || c.is_ascii_digit()
                        || matches!(c, '“' | '"' | '‘' | '«' | '(' | '—' | '-')
                })
            });
            if opens {
                if let Some(s) = start.take() {
                    out.push((s, last_end));
                }
            }
        }
    }
    if let Some(s) = start {
        out.push((s, last_end));
    }
    // Sentence-ending punctuation absorbed by the skipped tokens already moved last_end.
    out.retain(|(s, e)| e > s);
    merge_overlaps(out)
}

fn merge_overlaps(spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (s, e) in spans {
        match out.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

fn is_abbreviation_before(body: &str, tokens: &[Token], dot: usize) -> bool {
    let Some(prev) = dot.checked_sub(1).and_then(|p| tokens.get(p)) else {
        return false;
    };
    if prev.end != tokens[dot].start || !prev.is_word {
        return false;
    }
    let word = prev.text(body);
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    // A single capital letter followed by a dot is an initial ("George W. Bush").
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

fn next_word_opens_sentence(body: &str, tokens: &[Token], i: usize) -> bool {
    match tokens.get(i + 1) {
        None => true,
        Some(n) => SENTENCE_OPENERS.contains(&n.text(body)) || matches!(n.text(body), "“" | "\""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text, &tokenize(text))
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn keeps_abbreviations_inside_sentences() {
        assert_eq!(
            sentences(
                "Mr. Putin met U.S. officials on Sept. 28 in New York. He left. “Fine,” he said."
            ),
            [
                "Mr. Putin met U.S. officials on Sept. 28 in New York.",
                "He left.",
                "“Fine,” he said."
            ]
        );
    }

    #[test]
    fn dotted_acronym_can_end_a_sentence() {
        assert_eq!(
            sentences("He flew to the U.S. The talks began."),
            ["He flew to the U.S.", "The talks began."]
        );
    }
}
