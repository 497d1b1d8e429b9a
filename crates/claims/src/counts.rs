//! Counts of the same thing in differently worded sentences: "The talks brought together
//! 48 delegates from both governments" and "More than 60 delegates crammed into a hall in
//! Lindmark's capital" share almost no words, yet they count the same unit (delegates)
//! at the same event (an entity they both name) and cannot both be true.
//!
//! The aligner's cosine pass never meets such pairs (they fall below
//! [`crate::align::SAME_COUNT_COSINE`]); this module finds the pairs that count the same
//! specific unit, whatever their cosine, and decides whether their figures contradict.
//! It is strict, because a story counts many things: the unit must name what is counted
//! by itself (not "people") and follow the figure; each sentence holds one figure of it;
//! the story gives at most two versions of that count and no article gives two; counts
//! under ten need a shared news frame; the sentences share an anchor (a named entity or
//! a news frame); neither is negated; and years, dates and episode words ("later",
//! "last") are shared, so that last year's count is not played against this year's.

use crate::facts::SentenceFacts;
use crate::figures::Figure;
use crate::frames::is_specific_unit;
use std::collections::HashMap;

/// Words that place a count in another episode than the story's main one.
#[rustfmt::skip]
const EPISODE_CUES: &[&str] = &[
    "later", "earlier", "previously", "previous", "again", "last", "next", "former", "ago",
    "since", "past", "prior",
];

/// The episode cues of a sentence, sorted.
fn episode_cues(text: &str) -> Vec<String> {
    let mut out: Vec<String> = crate::facts::words(text)
        .into_iter()
        .filter(|w| EPISODE_CUES.contains(&w.as_str()))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// True when the counted noun follows the figure in `text` ("48 delegates"): a unit
/// borrowed from elsewhere ("Reid, 33, earned") says nothing about what is counted.
fn counted_directly(text: &str, f: &Figure) -> bool {
    let lower = text.to_lowercase();
    let surface = f.surface.to_lowercase();
    lower.match_indices(&surface).any(|(at, m)| {
        let rest = lower[at + m.len()..].trim_start_matches([' ', '-']);
        rest.starts_with(f.unit.as_str())
    })
}

/// True for a figure that counts something specific (not a year, a sum or a share).
fn counts_specific(f: &Figure) -> bool {
    !f.unit.is_empty()
        && f.unit != "year"
        && !matches!(f.unit.as_str(), "percent" | "$" | "€" | "£")
        && is_specific_unit(&f.unit)
}

/// The pairs `(a, b)` with `a < b`, from different articles, that count the same
/// specific unit, in order. Built from an index of units: never all pairs.
pub fn same_unit_pairs(sentences: &[SentenceFacts]) -> Vec<(usize, usize)> {
    let mut by_unit: HashMap<&str, Vec<usize>> = HashMap::new();
    for (s, facts) in sentences.iter().enumerate() {
        let mut units: Vec<&str> = facts
            .figures
            .iter()
            .filter(|f| counts_specific(f))
            .map(|f| f.unit.as_str())
            .collect();
        units.sort_unstable();
        units.dedup();
        for unit in units {
            by_unit.entry(unit).or_default().push(s);
        }
    }
    let mut out = Vec::new();
    for (unit, members) in &by_unit {
        if !one_count_per_article(sentences, members, unit) {
            continue;
        }
        for (i, &a) in members.iter().enumerate() {
            for &b in &members[i + 1..] {
                if sentences[a].article != sentences[b].article {
                    out.push((a, b));
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// True when the story holds at most two versions of the count of `unit` and no
/// article gives two: a story that counts games, miles or youths again and again is
/// counting different things, not disagreeing about one.
fn one_count_per_article(sentences: &[SentenceFacts], members: &[usize], unit: &str) -> bool {
    let mut versions: Vec<&Figure> = Vec::new();
    let mut by_article: HashMap<usize, Vec<&Figure>> = HashMap::new();
    for &s in members {
        for f in sentences[s].figures.iter().filter(|f| f.unit == unit) {
            let own = by_article.entry(sentences[s].article).or_default();
            if own.iter().any(|g| !g.compatible(f)) {
                return false;
            }
            own.push(f);
            if !versions.iter().any(|g| g.compatible(f)) {
                versions.push(f);
            }
        }
    }
    versions.len() <= 2
}

/// True when the two sentences name the same time or neither names one: a year, or a
/// resolved date, on one side only or different on both sides may mean another event.
fn same_time(a: &SentenceFacts, b: &SentenceFacts) -> bool {
    let years = |s: &SentenceFacts| -> Vec<u64> {
        let mut v: Vec<u64> = s
            .figures
            .iter()
            .filter(|f| f.unit == "year")
            .map(|f| f.value as u64)
            .collect();
        v.sort_unstable();
        v
    };
    let dated = |s: &SentenceFacts| !s.dates.is_empty();
    if years(a) != years(b) {
        return false;
    }
    match (dated(a), dated(b)) {
        (false, false) => true,
        (true, true) => {
            a.date_texts.iter().any(|t| b.date_texts.contains(t))
                || a.dates
                    .iter()
                    .any(|x| b.dates.iter().any(|y| x.start <= y.end && y.start <= x.end))
        }
        _ => false,
    }
}

/// True when the sentences share a named entity other than the counted unit itself,
/// or a news frame: what makes two counts counts of one event.
fn shared_anchor(a: &SentenceFacts, b: &SentenceFacts, unit: &str) -> bool {
    let entity = a.entities.iter().any(|e| {
        let name = e.trim_start_matches("@n:");
        name != unit && name.strip_suffix('s') != Some(unit) && b.entities.binary_search(e).is_ok()
    });
    entity || a.frames.iter().any(|f| b.frames.contains(f))
}

/// Smallest count compared without a shared news frame: small counts ("two boats",
/// "six games") are too often a part of a whole or another episode.
const MIN_UNFRAMED: f64 = 10.0;

/// True when `a` and `b` count the same specific unit about the same event with figures
/// that cannot both hold ("48 delegates" and "more than 60 delegates"; not "about 1,200
/// tonnes" and "1,150 tonnes"). Each sentence must hold one figure of that unit: "178
/// of 369 punches" or "won 18 of 23 games" are parts and totals, not two versions of
/// one count.
pub fn count_conflict(a: &SentenceFacts, b: &SentenceFacts) -> bool {
    if a.negated || b.negated || !same_time(a, b) || episode_cues(&a.text) != episode_cues(&b.text)
    {
        return false;
    }
    let framed = a.frames.iter().any(|f| b.frames.contains(f));
    // Two different news frames ("killed" and "injured") count different people.
    if !a.frames.is_empty() && !b.frames.is_empty() && !framed {
        return false;
    }
    a.figures.iter().filter(|f| counts_specific(f)).any(|x| {
        let of_unit = |s: &SentenceFacts| s.figures.iter().filter(|f| f.unit == x.unit).count();
        let Some(y) = b.figures.iter().find(|f| f.unit == x.unit) else {
            return false;
        };
        of_unit(a) == 1
            && counted_directly(&a.text, x)
            && counted_directly(&b.text, y)
            && of_unit(b) == 1
            && (framed || x.value.min(y.value) >= MIN_UNFRAMED)
            && !x.compatible(y)
            && shared_anchor(a, b, &x.unit)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{sentence_figures, terms};

    /// A sentence of `article` naming `entities`, with its figures and frames.
    fn facts(article: usize, text: &str, entities: &[&str]) -> SentenceFacts {
        SentenceFacts {
            article,
            order: 0,
            span: parallax_core::CharSpan::new(0, text.chars().count() as u32).expect("span"),
            text: text.to_owned(),
            terms: terms(text),
            entities: entities.iter().map(|e| format!("@n:{e}")).collect(),
            figures: sentence_figures(text),
            dates: Vec::new(),
            date_texts: Vec::new(),
            negated: crate::facts::is_negated(text),
            speaker: None,
            worth: 1,
            shingles: Vec::new(),
            frames: crate::frames::frame_classes(text),
        }
    }

    const EXACT: &str = "The summit in Pellaria drew 48 delegates from both ministries.";

    fn conflict(other: &str, entities: &[&str]) -> bool {
        let a = facts(0, EXACT, &["pellaria"]);
        let b = facts(1, other, entities);
        count_conflict(&a, &b) && count_conflict(&b, &a)
    }

    #[test]
    fn a_lower_bound_above_the_count_contradicts_it() {
        let other = "More than 60 delegates packed a ballroom in Pellaria.";
        assert!(conflict(other, &["pellaria"]));
        // No shared anchor: nothing says it is the same gathering.
        assert!(!conflict(other, &["varnia"]));
    }

    #[test]
    fn near_misses_do_not_contradict() {
        let p = &["pellaria"];
        assert!(!conflict("About 50 delegates gathered in Pellaria.", p));
        assert!(!conflict(
            "More than 60 journalists packed a room in Pellaria.",
            p
        ));
        assert!(!conflict(
            "Last year more than 60 delegates met in Pellaria.",
            p
        ));
        assert!(!conflict(
            "More than 60 delegates met in Pellaria in 2019.",
            p
        ));
        assert!(!conflict("Pellaria, 60, greeted the delegates.", p));
    }

    #[test]
    fn stories_that_count_a_unit_often_are_left_alone() {
        let s = [
            facts(0, "They won 18 games in Pellaria.", &["pellaria"]),
            facts(1, "They lost 12 games in Pellaria.", &["pellaria"]),
            facts(2, "They played 30 games in Pellaria.", &["pellaria"]),
        ];
        assert!(same_unit_pairs(&s).is_empty());
        assert_eq!(same_unit_pairs(&s[..2]), vec![(0, 1)]);
    }
}
