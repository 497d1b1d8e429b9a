//! Passage alignment: the runs of words two bodies share, as code-point spans in both.
//!
//! Seeds are word 4-grams of the earlier body; each one found in the later body is
//! extended forward word by word. Runs that follow each other in both bodies with a
//! few changed words between them merge into one passage, so a light edit inside a
//! sentence does not split it, while dropped or reordered paragraphs become separate
//! passages. Passages shorter than [`MIN_PASSAGE_WORDS`] are dropped.

use crate::tokens::Word;
use parallax_core::{CharSpan, PassagePair};
use std::collections::HashMap;

/// Fewest words a shared passage needs: about one short sentence. Shorter runs
/// ("on sharing the waters of the river") recur in independent reports of one event.
pub const MIN_PASSAGE_WORDS: usize = 10;
/// Fewest content words ([`crate::tokens::content_words`]) a passage needs to make a link
/// on its own.
pub const MIN_CONTENT_WORDS: usize = 6;
/// Fewest words of a further passage once the pair shares a full one: a copy also
/// reuses its short sentences.
pub const MIN_EXTRA_PASSAGE_WORDS: usize = 6;
/// Words per alignment seed.
const SEED: usize = 4;
/// Most changed words between two runs that still make one passage.
const MAX_GAP_WORDS: usize = 3;

/// One aligned run: `len` words from `source_word` in the source, `target_word` in the target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    source_word: usize,
    target_word: usize,
    len: usize,
}

/// A shared passage with its word counts, before it becomes a [`PassagePair`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Passage {
    /// Where it is in the source body.
    pub source: CharSpan,
    /// Where it is in the target body.
    pub target: CharSpan,
    /// Words matched in the target.
    pub matched_words: usize,
}

impl Passage {
    /// The pair the core type records.
    pub fn pair(self) -> PassagePair {
        PassagePair {
            source: self.source,
            target: self.target,
        }
    }
}

/// Finds the passages `target` shares with `source`, in target order.
///
/// `*_text` are the bodies, used only to let a span end on the punctuation that closes
/// its last word ("said." rather than "said").
pub fn align(
    source: &[Word],
    source_text: &[char],
    target: &[Word],
    target_text: &[char],
) -> Vec<Passage> {
    let runs = runs(source, target);
    let mut passages = Vec::new();
    let mut i = 0;
    while i < runs.len() {
        let first = runs[i];
        let mut last = first;
        let mut matched = first.len;
        let mut j = i + 1;
        while j < runs.len() {
            let next = runs[j];
            let target_gap = next.target_word.checked_sub(last.target_word + last.len);
            let source_gap = next.source_word.checked_sub(last.source_word + last.len);
            match (target_gap, source_gap) {
                (Some(t), Some(s)) if t <= MAX_GAP_WORDS && s <= MAX_GAP_WORDS => {
                    matched += next.len;
                    last = next;
                    j += 1;
                }
                _ => break,
            }
        }
        // Length counts the changed words inside the passage too: an edited sentence is
        // still a reused sentence.
        let target_words = last.target_word + last.len - first.target_word;
        if target_words >= MIN_EXTRA_PASSAGE_WORDS && matched * 4 >= target_words * 3 {
            let source_span = span(
                source,
                source_text,
                first.source_word,
                last.source_word + last.len,
            );
            let target_span = span(
                target,
                target_text,
                first.target_word,
                last.target_word + last.len,
            );
            if let (Some(s), Some(t)) = (source_span, target_span) {
                passages.push(Passage {
                    source: s,
                    target: t,
                    matched_words: matched,
                });
            }
        }
        i = j;
    }
    if passages.iter().all(|p| p.matched_words < MIN_PASSAGE_WORDS) {
        passages.clear();
    }
    passages
}

/// Maximal shared runs, greedily longest first at each target position, in target order.
fn runs(source: &[Word], target: &[Word]) -> Vec<Run> {
    let mut out = Vec::new();
    if source.len() < SEED || target.len() < SEED {
        return out;
    }
    let seed_key = |w: &[Word]| w.iter().fold(0u64, |h, x| h.rotate_left(17) ^ x.hash);
    let mut seeds: HashMap<u64, Vec<usize>> = HashMap::with_capacity(source.len());
    for (pos, window) in source.windows(SEED).enumerate() {
        seeds.entry(seed_key(window)).or_default().push(pos);
    }
    let mut t = 0;
    while t + SEED <= target.len() {
        let mut best: Option<Run> = None;
        if let Some(positions) = seeds.get(&seed_key(&target[t..t + SEED])) {
            for &s in positions.iter().take(32) {
                let len = source[s..]
                    .iter()
                    .zip(&target[t..])
                    .take_while(|(a, b)| a.hash == b.hash)
                    .count();
                if len >= SEED && best.is_none_or(|b| len > b.len) {
                    best = Some(Run {
                        source_word: s,
                        target_word: t,
                        len,
                    });
                }
            }
        }
        match best {
            Some(run) => {
                out.push(run);
                t += run.len;
            }
            None => t += 1,
        }
    }
    out
}

/// The span from word `from` to just before word `to`, closing punctuation included.
fn span(words: &[Word], text: &[char], from: usize, to: usize) -> Option<CharSpan> {
    let start = words.get(from)?.start;
    let mut end = words.get(to.checked_sub(1)?)?.end;
    while let Some(&c) = text.get(end as usize) {
        if matches!(c, '.' | '!' | '?' | '"' | '”' | '’' | '\'' | ')' | '»') {
            end += 1;
        } else {
            break;
        }
    }
    CharSpan::new(start, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::words;

    fn check(source: &str, target: &str) -> Vec<(String, String)> {
        let (sc, tc): (Vec<char>, Vec<char>) = (source.chars().collect(), target.chars().collect());
        let cut = |text: &[char], s: CharSpan| -> String {
            text[s.start() as usize..s.end() as usize].iter().collect()
        };
        align(&words(source), &sc, &words(target), &tc)
            .into_iter()
            .map(|p| (cut(&sc, p.source), cut(&tc, p.target)))
            .collect()
    }

    #[test]
    fn finds_one_reordered_sentence_with_a_light_edit() {
        let source = "Alpha beta gamma delta. The council voted on Tuesday to close the old bridge for repairs. Omega.";
        let target =
            "New intro here. The council voted on Monday to close the old bridge for repairs. Bye.";
        assert_eq!(
            check(source, target),
            vec![(
                "The council voted on Tuesday to close the old bridge for repairs.".to_owned(),
                "The council voted on Monday to close the old bridge for repairs.".to_owned()
            )]
        );
    }

    #[test]
    fn short_common_phrases_are_not_passages() {
        assert!(check(
            "He said on Monday that it rained.",
            "She said on Monday that snow fell."
        )
        .is_empty());
    }
}
