//! Choosing between the two readings of a page's body ([`crate::html::Candidates`]).

use crate::html::Candidates;
use crate::text::CleanText;
use std::collections::HashSet;

/// How two candidate bodies relate, in word trigrams.
#[derive(Clone, Copy, Debug, Default)]
pub struct Agreement {
    /// Words in the rs-trafilatura candidate.
    pub trafilatura_words: usize,
    /// Words in the density candidate.
    pub density_words: usize,
    /// Share of the rs-trafilatura candidate's trigrams the density candidate has.
    pub trafilatura_in_density: f64,
    /// Share of the density candidate's trigrams the rs-trafilatura candidate has.
    pub density_in_trafilatura: f64,
}

fn words(paragraphs: &[String]) -> Vec<String> {
    paragraphs
        .iter()
        .flat_map(|p| p.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn trigrams(words: &[String]) -> Vec<(&str, &str, &str)> {
    words
        .windows(3)
        .map(|w| (w[0].as_str(), w[1].as_str(), w[2].as_str()))
        .collect()
}

fn share_in(grams: &[(&str, &str, &str)], other: &HashSet<(&str, &str, &str)>) -> f64 {
    if grams.is_empty() {
        return 0.0;
    }
    grams.iter().filter(|g| other.contains(g)).count() as f64 / grams.len() as f64
}

/// Measures how far the two candidates agree.
pub fn agreement(both: &Candidates) -> Agreement {
    let (a, b) = (
        words(&both.trafilatura.paragraphs),
        words(&both.density.paragraphs),
    );
    let (ga, gb) = (trigrams(&a), trigrams(&b));
    let (sa, sb): (HashSet<_>, HashSet<_>) =
        (ga.iter().copied().collect(), gb.iter().copied().collect());
    Agreement {
        trafilatura_words: a.len(),
        density_words: b.len(),
        trafilatura_in_density: share_in(&ga, &sb),
        density_in_trafilatura: share_in(&gb, &sa),
    }
}

/// Words a density reading needs before it is taken without a second opinion.
const ENOUGH_WORDS: usize = 20;

/// Whether the density reading can be taken as it is, without running rs-trafilatura.
pub fn density_suffices(density: &CleanText) -> bool {
    words(&density.paragraphs).len() >= ENOUGH_WORDS
}

/// Picks the body text from the two candidates.
///
/// The density reading comes first: it takes one block and its like, so a page that
/// also shows other stories, teasers or a comment thread gives only its story. It is
/// set aside when it found next to nothing, where rs-trafilatura's wider net helps.
pub fn choose(both: Candidates) -> CleanText {
    let agreement = agreement(&both);
    let Candidates {
        mut trafilatura,
        mut density,
    } = both;
    if agreement.density_words < ENOUGH_WORDS
        && agreement.trafilatura_words > agreement.density_words
    {
        return trafilatura;
    }
    density.extractor_byline = trafilatura.extractor_byline.take();
    density
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(paragraphs: &[&str]) -> CleanText {
        CleanText {
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            ..CleanText::default()
        }
    }

    #[test]
    fn density_reading_wins_unless_it_found_next_to_nothing() {
        let story = "The ferry ran again on Tuesday, three weeks after the storm tore away the pier and left the islanders without a crossing.";
        let teasers = "More stories: council votes on parking fees, a bakery opens on Quay Street, and the lighthouse keeper retires.";
        let chosen = choose(Candidates {
            trafilatura: text(&[story, teasers]),
            density: text(&[story]),
        });
        assert_eq!(chosen.paragraphs, vec![story.to_owned()]);
        assert!(density_suffices(&text(&[story])));

        let stub = text(&["Share this story"]);
        assert!(!density_suffices(&stub));
        let chosen = choose(Candidates {
            trafilatura: text(&[story]),
            density: stub,
        });
        assert_eq!(chosen.paragraphs, vec![story.to_owned()]);
    }

    #[test]
    fn agreement_counts_shared_trigrams() {
        let both = Candidates {
            trafilatura: text(&["one two three four", "five six seven"]),
            density: text(&["one two three four"]),
        };
        let a = agreement(&both);
        assert_eq!((a.trafilatura_words, a.density_words), (7, 4));
        assert_eq!(a.density_in_trafilatura, 1.0);
        assert!((a.trafilatura_in_density - 2.0 / 5.0).abs() < 1e-9);
    }
}
