//! Contextual token states for the probe: an encoder (MiniLM in `parallax-pipeline`) reads
//! an article in chunks of whole sentences, and its wordpiece states are averaged onto the
//! quote finder's own tokens ([`crate::words::tokenize`]).

use super::probe::TokenStates;
use crate::words::Word;

/// Groups of whole sentences of at most about `max` bytes, never across a paragraph, as
/// byte ranges: the texts the encoder reads (short enough that no piece is cut).
pub fn chunks(
    sentences: &[(usize, usize)],
    paragraphs: &[(usize, usize)],
    max: usize,
) -> Vec<(usize, usize)> {
    let para_of = |b: usize| paragraphs.partition_point(|p| p.1 <= b);
    let mut out: Vec<(usize, usize)> = Vec::new();
    for &(s, e) in sentences {
        match out.last_mut() {
            Some(last) if para_of(last.0) == para_of(s) && e - last.0 <= max => last.1 = e,
            _ => out.push((s, e)),
        }
    }
    out
}

/// Mean of the wordpiece states over each token they overlap (pieces in absolute bytes).
pub fn to_tokens(words: &[Word], pieces: &[(usize, usize, &[f32])], dim: usize) -> TokenStates {
    let mut rows = vec![0.0f32; words.len() * dim];
    let mut counts = vec![0u32; words.len()];
    for &(s, e, state) in pieces {
        let mut k = words.partition_point(|w| w.end <= s);
        while k < words.len() && words[k].start < e {
            for (r, v) in rows[k * dim..(k + 1) * dim].iter_mut().zip(state) {
                *r += v;
            }
            counts[k] += 1;
            k += 1;
        }
    }
    for (k, &c) in counts.iter().enumerate().filter(|(_, &c)| c > 1) {
        for r in &mut rows[k * dim..(k + 1) * dim] {
            *r /= c as f32;
        }
    }
    TokenStates { dim, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_keep_sentences_whole_and_paragraphs_apart() {
        let sentences = [(0, 40), (41, 80), (81, 130), (140, 170)];
        let paragraphs = [(0, 130), (140, 170)];
        assert_eq!(
            chunks(&sentences, &paragraphs, 100),
            vec![(0, 80), (81, 130), (140, 170)]
        );
    }

    #[test]
    fn pieces_are_averaged_onto_the_tokens_they_touch() {
        let words = crate::words::tokenize("Putin said");
        let pieces: [(usize, usize, &[f32]); 3] = [
            (0, 3, &[1.0, 0.0]),
            (3, 5, &[3.0, 2.0]),
            (6, 10, &[0.5, 0.5]),
        ];
        let states = to_tokens(&words, &pieces, 2);
        assert_eq!(states.rows, vec![2.0, 1.0, 0.5, 0.5]);
    }
}
