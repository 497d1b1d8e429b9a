//! What the claims stage knows about one sentence: its content words, entities,
//! figures, dates, polarity, speaker, and how check-worthy it is.

use crate::figures::{figures, Figure};
use parallax_core::{CharSpan, DateRange};

/// English function words and reporting verbs: they say how something was reported,
/// not what, so they take no part in matching claims.
#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few",
    "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
    "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
    "itself", "just", "me", "more", "most", "my", "myself", "of", "off", "on", "once", "only",
    "or", "other", "our", "ours", "out", "over", "own", "same", "she", "should", "so", "some",
    "such", "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they",
    "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we",
    "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
    "would", "you", "your", "said", "says", "say", "told", "tells", "according", "added",
    "adding", "stated", "noted", "reported", "reports", "reporters", "mr", "mrs", "ms", "dr",
    "per", "cent", "percent", "one", "new", "may", "might", "must", "shall", "yet", "however",
    "now", "last", "first", "week", "year", "years", "day", "days", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tomorrow",
    "s", "t", "not", "no", "never", "nor", "neither", "don", "didn", "doesn", "isn", "wasn",
    "weren", "aren", "won", "wouldn", "couldn", "hasn", "haven", "hadn", "deny", "denied",
    "denies",
];

/// Words that flip a statement's polarity.
#[rustfmt::skip]
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "neither", "nor", "denied", "denies", "deny", "n't", "didn", "doesn",
    "isn", "wasn", "weren", "aren", "won", "hasn", "haven", "hadn", "couldn", "wouldn",
];

/// Verbs and phrases that mark reported speech.
#[rustfmt::skip]
const REPORTING_CUES: &[&str] = &[
    "said", "says", "told", "according to", "announced", "confirmed", "stated", "claimed",
    "reported", "insisted", "warned", "estimated", "denied", "added", "declared",
];

/// Phrases that mark page furniture rather than reporting.
#[rustfmt::skip]
const BOILERPLATE: &[&str] = &[
    "http://", "https://", "www.", "click here", "subscribe", "sign up", "follow us",
    "newsletter", "all rights reserved", "copyright", "©", "read more", "also read", "cookie",
    "advertisement", "contributed to this report", "photo:", "image:", "getty images",
    "ap photo", "share this", "comments", "log in", "download the app", "published:", "updated:", "last modified",
];

/// True for a word that carries content (not a function word or reporting verb).
pub fn is_content_word(word: &str) -> bool {
    word.chars().any(|c| c.is_alphabetic()) && !STOPWORDS.contains(&word)
}

/// The lower-cased words of `text` (letters, digits, inner hyphens and apostrophes).
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c: char| c == '-' || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect()
}

/// Everything the aligner needs about one candidate sentence.
#[derive(Clone, Debug)]
pub struct SentenceFacts {
    /// Position of the article in `Analysis::articles`.
    pub article: usize,
    /// Position of the sentence in its article.
    pub order: usize,
    /// The sentence in code points.
    pub span: CharSpan,
    /// The sentence text.
    pub text: String,
    /// Content words (lower-cased, possessives cut, no numbers), deduplicated, sorted.
    pub terms: Vec<String>,
    /// Entities mentioned, as `@n:` plus the folded canonical name (the corpus entity's
    /// when resolved, else the article's).
    pub entities: Vec<String>,
    /// Figures.
    pub figures: Vec<Figure>,
    /// Resolved dates of the time expressions inside.
    pub dates: Vec<DateRange>,
    /// The folded text of each of those time expressions, in the same order.
    pub date_texts: Vec<String>,
    /// True when the sentence is negated.
    pub negated: bool,
    /// Speaker of a quote overlapping the sentence: corpus entity id when resolved.
    pub speaker: Option<parallax_core::EntityId>,
    /// Check-worthiness score; see [`worthiness`].
    pub worth: u32,
    /// Hashes of the sentence's word 5-grams that hold at least three lower-case content
    /// words, sorted: a shared one means the two sentences quote or copy the same words.
    pub shingles: Vec<u64>,
    /// News frames the sentence evokes ("killed", "displaced"; see [`crate::frames`]).
    pub frames: Vec<&'static str>,
}

/// Content terms of a sentence, without figures: so that two outlets' versions of one
/// claim with different numbers still share their frame.
pub fn terms(text: &str) -> Vec<String> {
    let mut out: Vec<String> = words(text)
        .into_iter()
        .map(|w| w.strip_suffix("'s").map(str::to_owned).unwrap_or(w))
        .filter(|w| is_content_word(w) && !w.chars().all(|c| c.is_numeric() || c == ','))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Hashes of the word 5-grams of `text` with at least three content words written in
/// lower case (so a run of names and titles, "said White House spokesman Eric Schultz",
/// does not count as shared wording), sorted and deduplicated.
pub fn shingles(text: &str) -> Vec<u64> {
    let raw: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c: char| c == '-' || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .collect();
    let lower: Vec<String> = raw
        .iter()
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect();
    let plain: Vec<bool> = raw
        .iter()
        .zip(&lower)
        .map(|(w, l)| is_content_word(l) && !w.starts_with(char::is_uppercase))
        .collect();
    let mut out: Vec<u64> = (0..lower.len().saturating_sub(4))
        .filter(|&i| plain[i..i + 5].iter().filter(|&&p| p).count() >= 3)
        .map(|i| {
            let mut h = std::hash::DefaultHasher::new();
            std::hash::Hash::hash(&lower[i..i + 5], &mut h);
            std::hash::Hasher::finish(&h)
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The figures of `text`, with the same notion of content word as matching.
pub fn sentence_figures(text: &str) -> Vec<Figure> {
    figures(text, |w| {
        is_content_word(w) && w.chars().all(|c| c.is_alphabetic() || c == '-')
    })
}

/// True when `text` states its content negatively ("did not", "denied").
pub fn is_negated(text: &str) -> bool {
    let lower = text.to_lowercase().replace('’', "'");
    lower.contains("n't")
        || words(&lower)
            .iter()
            .any(|w| NEGATIONS.contains(&w.as_str()))
}

/// True when some negation word of `text` sits within four words of one of `terms`
/// (sorted): the negation bears on what the two sentences share, not on added material.
pub fn negation_near(text: &str, terms: &[String]) -> bool {
    let ws = words(text);
    ws.iter().enumerate().any(|(i, w)| {
        let negation = NEGATIONS.contains(&w.as_str()) || w.ends_with("n't");
        negation
            && ws[i.saturating_sub(4)..(i + 5).min(ws.len())]
                .iter()
                .any(|x| x != w && terms.binary_search(x).is_ok())
    })
}

/// True when the sentence is page furniture, a question or too short to claim anything.
pub fn is_unclaimable(text: &str) -> bool {
    let lower = text.to_lowercase();
    let trimmed = text.trim_end_matches(['"', '\'', '”', '’', '»', ')', ' ']);
    let n_words = words(text).len();
    !(6..=90).contains(&n_words)
        || trimmed.ends_with('?')
        || is_question(&lower)
        || BOILERPLATE.iter().any(|b| lower.contains(b))
}

/// True when the sentence (or the quotation it opens with) is worded as a question
/// ("What would be your view if …", "Why should we …") even when a closing quote and a
/// cue follow instead of a question mark.
fn is_question(lower: &str) -> bool {
    const WH: &[&str] = &["what", "why", "how", "who", "where", "when", "which"];
    const AUX: &[&str] = &[
        "would", "will", "can", "could", "should", "shall", "do", "does", "did", "is", "are",
        "was", "were", "has", "have", "had", "must", "might",
    ];
    let ws = words(lower);
    let ws: Vec<&str> = ws.iter().map(String::as_str).take(2).collect();
    matches!(ws.as_slice(), [wh, aux] if WH.contains(wh) && AUX.contains(aux))
        || lower.contains("?\u{2019}")
        || lower.contains("?\u{201d}")
        || lower.contains("?\"")
}

/// How check-worthy a sentence is: 2 for a figure, 1 per named entity (up to 2),
/// 1 for reported speech (a quote overlaps it or a reporting cue is present), 1 for a
/// resolved date. A sentence needs [`MIN_WORTH`] to become a claim candidate.
pub fn worthiness(text: &str, figures: usize, entities: usize, quoted: bool, dates: usize) -> u32 {
    let lower = text.to_lowercase();
    let cue = quoted || REPORTING_CUES.iter().any(|c| lower.contains(c));
    2 * u32::from(figures > 0) + entities.min(2) as u32 + u32::from(cue) + u32::from(dates > 0)
}

/// Lowest [`worthiness`] of a claim candidate: a figure alone, or an entity plus a
/// speaker, date or second entity.
pub const MIN_WORTH: u32 = 2;

/// Capitalised words not at the start of the sentence, as a stand-in for entities when
/// the language stage found none.
pub fn capitalised_names(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut first = true;
    for raw in text.split_whitespace() {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if !first && w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() > 1 {
            let folded = w.to_lowercase();
            if !STOPWORDS.contains(&folded.as_str()) {
                out.push(folded);
            }
        }
        first = raw.ends_with(['.', ':', '“', '"']) && w.len() > 3;
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_drop_function_words_numbers_and_possessives() {
        assert_eq!(
            terms("Officials said 250,000 people died in Varnia’s north."),
            vec!["died", "north", "officials", "people", "varnia"]
        );
    }

    #[test]
    fn shingles_need_plain_content_words_not_names() {
        assert!(shingles("said White House spokesman Eric Schultz").is_empty());
        let a = shingles("“putting people back to work,” he said");
        assert_eq!(a.len(), 2, "two windows hold three plain content words");
        let b = shingles("That is not putting people back to work.");
        assert!(a.iter().any(|h| b.contains(h)));
    }

    #[test]
    fn negation_and_questions() {
        assert!(is_negated("The ministry didn’t confirm the figure."));
        assert!(is_negated("He denied the report."));
        assert!(!is_negated("Nobody expected the notice."));
        assert!(is_unclaimable(
            "Will the bridge reopen before the winter storms come?"
        ));
        assert!(is_unclaimable(
            "Follow us on social media for the latest updates now."
        ));
        assert!(is_unclaimable(
            "What would you say if the council were to close the harbour for a month’,” the mayor said."
        ));
        assert!(!is_unclaimable(
            "What the council decided on Monday will close the harbour for a month."
        ));
    }

    #[test]
    fn capitalised_names_skip_the_first_word() {
        assert_eq!(
            capitalised_names("The Varnian army said Colonel Dask left Ostrel."),
            vec!["colonel", "dask", "ostrel", "varnian"]
        );
    }
}
