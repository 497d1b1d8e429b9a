//! Who copied whom, as the texts themselves tell.
//!
//! A copy is its source edited: sentences dropped (trimmed), a new intro put on top, a
//! dateline changed, paragraphs moved. So the copy's words are, more than the source's,
//! found in the other text, once an intro of its own is set aside ([`Verdict::Coverage`]);
//! and when both are covered alike, the one that opens with text of its own may be the
//! copy ([`Verdict::Intro`], weak: a copy that dropped its source's first sentence
//! looks the same from the other side).

use crate::align::Passage;
use crate::tokens::Word;
use parallax_core::CharSpan;

/// Words before a text's first shared passage above which they are an intro of its own,
/// not a dateline ("LONDON, Oct. 23 (Reuters) -" is under it).
pub const INTRO_WORDS: usize = 8;

/// Difference in covered share above which the more covered text is the copy.
pub const COVERAGE_MARGIN: f32 = 0.05;

/// Days apart within which a [`Verdict::Coverage`] outweighs the dates. Pages are
/// often dated a day or more off: time zones, or the date a page was last updated
/// rather than first published. On copies dated near their source (`bench/reuse`),
/// dates alone put three in four the right way round; the covered share, all of them.
pub const TEXT_OVER_DATES_DAYS: i64 = 2;

/// What one side of a pair shares with the other.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Side {
    /// Words inside shared passages.
    pub shared: usize,
    /// Words before the first shared passage.
    pub lead: usize,
    /// All words.
    pub total: usize,
}

impl Side {
    /// Reads one side from its words and its passage spans.
    pub fn of(words: &[Word], spans: impl Iterator<Item = CharSpan>) -> Side {
        let spans: Vec<CharSpan> = spans.collect();
        let inside = |w: &Word| {
            spans
                .iter()
                .any(|s| s.start() <= w.start && w.end <= s.end())
        };
        let first = spans.iter().map(|s| s.start()).min().unwrap_or(u32::MAX);
        Side {
            shared: words.iter().filter(|w| inside(w)).count(),
            lead: words.iter().take_while(|w| w.end <= first).count(),
            total: words.len(),
        }
    }

    fn has_intro(self) -> bool {
        self.lead >= INTRO_WORDS
    }

    /// Share of the words found in the other text, an intro of its own set aside.
    pub fn covered(self) -> f32 {
        let own = if self.has_intro() { self.lead } else { 0 };
        self.shared as f32 / self.total.saturating_sub(own).max(1) as f32
    }
}

/// What the texts say of which side is the copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// One side is more fully found in the other, by [`COVERAGE_MARGIN`] or more:
    /// `true` when `a` is the copy.
    Coverage(bool),
    /// Covered alike, and only one side opens with an intro of its own: `true` when
    /// `a` is. Weak evidence.
    Intro(bool),
    /// The texts do not tell.
    Silent,
}

/// Which side the texts say is the copy.
pub fn verdict(a: Side, b: Side) -> Verdict {
    let (ca, cb) = (a.covered(), b.covered());
    if (ca - cb).abs() >= COVERAGE_MARGIN {
        return Verdict::Coverage(ca > cb);
    }
    match (a.has_intro(), b.has_intro()) {
        (true, false) => Verdict::Intro(true),
        (false, true) => Verdict::Intro(false),
        _ => Verdict::Silent,
    }
}

/// Both sides of `passages`: the source's (spans in `source_words`) and the target's.
pub fn sides(passages: &[Passage], source_words: &[Word], target_words: &[Word]) -> (Side, Side) {
    (
        Side::of(source_words, passages.iter().map(|p| p.source)),
        Side::of(target_words, passages.iter().map(|p| p.target)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(shared: usize, lead: usize, total: usize) -> Side {
        Side {
            shared,
            lead,
            total,
        }
    }

    #[test]
    fn the_trimmed_text_is_the_copy() {
        // The copy dropped a quarter of the source's sentences.
        let (copy, source) = (side(300, 0, 300), side(300, 0, 400));
        assert_eq!(verdict(copy, source), Verdict::Coverage(true));
        assert_eq!(verdict(source, copy), Verdict::Coverage(false));
    }

    #[test]
    fn a_new_intro_makes_the_copy_even_when_nothing_was_dropped() {
        // Sixty words of its own on top of the whole source: coverage alone would blame
        // the source; with the intro set aside both are covered alike, and the intro tells.
        assert_eq!(
            verdict(side(300, 60, 360), side(300, 0, 300)),
            Verdict::Intro(true)
        );
    }

    #[test]
    fn a_dateline_is_no_intro_and_equal_texts_do_not_tell() {
        assert_eq!(
            verdict(side(300, 5, 305), side(300, 0, 300)),
            Verdict::Silent
        );
        assert_eq!(
            verdict(side(300, 0, 300), side(300, 0, 300)),
            Verdict::Silent
        );
    }
}
