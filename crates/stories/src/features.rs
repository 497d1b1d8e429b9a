//! Turning an article into weighted terms: content words, names, numbers.
//!
//! Two events of the same kind ("a star enters rehab", "an earthquake strikes") share
//! their topic words, so what tells them apart is who, where, when and how much. Words
//! that look like names (capitalised away from a sentence start), numbers and the
//! headline's words therefore count more than other content words.

use crate::lexicon::{is_not_name, STOPWORDS};

/// What kind of term a feature is; kinds get different weights.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TermKind {
    /// A lowercase content word, lightly stemmed.
    Word,
    /// A capitalised word away from a sentence start: usually part of a name.
    Name,
    /// A number with at least two digits, or a decimal ("6.1", "2008", "33").
    Number,
    /// Two content words in a row once function words are dropped ("surprise visit",
    /// "armed opposition"): a phrase says more about one event than its words apart.
    Phrase,
}

/// One term occurrence, before interning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawTerm {
    /// Folded text, prefixed by nothing: kinds are kept apart by [`TermKind`].
    pub text: String,
    /// Its kind.
    pub kind: TermKind,
    /// True when it occurs in the headline.
    pub in_title: bool,
    /// True when it occurs in the lead (first two paragraphs).
    pub in_lead: bool,
    /// True when the word was written with a capital (headline or sentence start).
    pub capitalised: bool,
}

fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(&word) || parallax_core::calendar::is_weekday(word)
}

/// Strips common English inflections so "killed", "kills" and "killing" meet.
pub fn stem(word: &str) -> &str {
    let n = word.len();
    for suffix in ["ings", "ing", "edly", "ed", "ies", "es", "s"] {
        if n > suffix.len() + 3
            && word.ends_with(suffix)
            && !(suffix == "s" && word.ends_with("ss"))
            && word.is_char_boundary(n - suffix.len())
        {
            return &word[..n - suffix.len()];
        }
    }
    word
}

/// One name term per entity mention the language stage found (names and acronyms,
/// not pronouns or roles), under the entity's fullest name: "Assad" and "Bashar
/// al-Assad" become one term, which capitalised words alone cannot do.
pub fn entity_terms(mentions: &parallax_core::Mentions) -> Vec<RawTerm> {
    use parallax_core::MentionForm;
    mentions
        .mentions
        .iter()
        .filter(|m| matches!(m.form, MentionForm::Name | MentionForm::Acronym))
        .filter_map(|m| {
            let entity = mentions.entity(m.entity)?;
            if entity.kind != parallax_core::EntityKind::Person {
                return None;
            }
            let name = parallax_core::text::fold(&entity.name);
            (name.chars().count() >= 2 && !is_not_name(&name)).then(|| RawTerm {
                text: format!("@{name}"),
                kind: TermKind::Name,
                in_title: false,
                in_lead: m.span.start() < 600,
                capitalised: true,
            })
        })
        .collect()
}

/// Every term of an article: headline first, then the body.
pub fn raw_terms(title: Option<&str>, body: &str) -> Vec<RawTerm> {
    let mut out = Vec::with_capacity(body.len() / 8);
    if let Some(title) = title {
        // Headlines capitalise every word; only digits and the words themselves count.
        push_terms(title, true, true, false, &mut out);
    }
    let mut lead_end = body.len();
    let mut paragraphs = 0;
    for (i, _) in body.match_indices("\n\n") {
        paragraphs += 1;
        if paragraphs == 2 {
            lead_end = i;
            break;
        }
    }
    if lead_end < 400 {
        lead_end = body
            .char_indices()
            .nth(600)
            .map_or(body.len(), |(b, _)| b)
            .max(lead_end);
    }
    push_terms(&body[..lead_end], false, true, true, &mut out);
    push_terms(&body[lead_end..], false, false, true, &mut out);
    mark_names(&mut out);
    add_phrases(&mut out);
    out
}

fn add_phrases(terms: &mut Vec<RawTerm>) {
    let phrases: Vec<RawTerm> = terms
        .windows(2)
        .filter(|w| {
            w[0].kind != TermKind::Number
                && w[1].kind != TermKind::Number
                && w[0].in_title == w[1].in_title
        })
        .map(|w| RawTerm {
            text: format!("{} {}", w[0].text, w[1].text),
            kind: TermKind::Phrase,
            in_title: w[1].in_title,
            in_lead: w[1].in_lead,
            capitalised: false,
        })
        .collect();
    terms.extend(phrases);
}

/// A capitalised word at a sentence start or in the headline is a name when the body
/// also uses it as one mid-sentence ("Lohan said ..." after "... Lindsay Lohan ...");
/// otherwise it is an ordinary word and gets stemmed.
fn mark_names(terms: &mut [RawTerm]) {
    // A capitalised word the article also writes in lowercase ("Minister" beside
    // "minister"), a month or a title is not a name.
    let lowercase: std::collections::HashSet<String> = terms
        .iter()
        .filter(|t| t.kind == TermKind::Word && !t.capitalised)
        .map(|t| t.text.clone())
        .collect();
    for t in terms.iter_mut() {
        if t.kind == TermKind::Name && (is_not_name(&t.text) || lowercase.contains(stem(&t.text))) {
            t.kind = TermKind::Word;
            t.text = stem(&t.text).to_owned();
        }
    }
    let names: std::collections::HashSet<String> = terms
        .iter()
        .filter(|t| t.kind == TermKind::Name)
        .map(|t| t.text.clone())
        .collect();
    for t in terms.iter_mut() {
        if t.kind == TermKind::Word && t.capitalised {
            if names.contains(&t.text) {
                t.kind = TermKind::Name;
            } else {
                t.text = stem(&t.text).to_owned();
            }
        }
    }
}

fn push_terms(
    text: &str,
    in_title: bool,
    in_lead: bool,
    names_from_case: bool,
    out: &mut Vec<RawTerm>,
) {
    let mut sentence_start = true;
    let mut word = String::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() {
            let start = i;
            word.clear();
            // A word: letters/digits, with inner '.', ',' between digits and inner apostrophes.
            while i < chars.len() {
                let c = chars[i];
                let next_alnum = chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
                if c.is_alphanumeric()
                    || (matches!(c, '.' | ',')
                        && next_alnum
                        && chars[i - 1].is_ascii_digit()
                        && chars[i + 1].is_ascii_digit())
                    || (matches!(c, '\'' | '’' | '-') && next_alnum)
                {
                    word.push(c);
                    i += 1;
                } else {
                    break;
                }
            }
            let capitalised = chars[start].is_uppercase();
            let is_name = capitalised && names_from_case && !sentence_start;
            emit(&word, is_name, capitalised, in_title, in_lead, out);
            sentence_start = false;
        } else {
            if matches!(c, '.' | '!' | '?' | '\n' | ':' | '“' | '"' | '‘') {
                sentence_start = true;
            }
            i += 1;
        }
    }
}

fn emit(
    word: &str,
    is_name: bool,
    capitalised: bool,
    in_title: bool,
    in_lead: bool,
    out: &mut Vec<RawTerm>,
) {
    let folded: String = word
        .chars()
        .map(|c| if c == '’' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect();
    let folded = folded
        .strip_suffix("'s")
        .map(str::to_owned)
        .unwrap_or(folded);
    let digits = folded.chars().filter(char::is_ascii_digit).count();
    if digits > 0 {
        let numeric = folded.trim_end_matches(|c: char| !c.is_ascii_digit());
        if digits >= 2 || numeric.contains('.') {
            out.push(RawTerm {
                text: numeric.replace(',', ""),
                kind: TermKind::Number,
                in_title,
                in_lead,
                capitalised: false,
            });
        }
        return;
    }
    if folded.chars().count() < 2 || is_stopword(&folded) {
        return;
    }
    // A capitalised word at a sentence start or in a headline keeps its unstemmed form
    // until `mark_names` knows whether the article uses it as a name elsewhere.
    let kind = if is_name {
        TermKind::Name
    } else {
        TermKind::Word
    };
    let text = if is_name || capitalised {
        folded
    } else {
        stem(&folded).to_owned()
    };
    out.push(RawTerm {
        text,
        kind,
        in_title,
        in_lead,
        capitalised,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(terms: &[RawTerm]) -> String {
        terms
            .iter()
            .map(|t| format!("{:?}:{}", t.kind, t.text))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn names_numbers_and_stems() {
        let terms = raw_terms(
            None,
            "The actress Mara Vell, 33, entered rehab. Police said a 6.1 quake hit Orvia’s coast.",
        );
        assert_eq!(
            render(&terms),
            "Word:actress Name:mara Name:vell Number:33 Word:enter Word:rehab Word:police \
             Number:6.1 Word:quake Word:hit Name:orvia Word:coast Phrase:actress mara \
             Phrase:mara vell Phrase:enter rehab Phrase:rehab police Phrase:quake hit \
             Phrase:hit orvia Phrase:orvia coast"
        );
    }
}
