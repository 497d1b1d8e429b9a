//! Winnowed shingle fingerprints and their inverted index, to find articles that share
//! as little as one sentence (MinHash only sees whole-body similarity).
//!
//! Winnowing (Schleimer, Wilkerson and Aiken 2003) keeps the smallest shingle hash of
//! every window of [`WINDOW`] shingles, so any shared run of `WINDOW + k - 1` words
//! yields at least one shared fingerprint.

use crate::tokens::HashKeyed;

/// Shingles per winnowing window.
pub const WINDOW: usize = 8;
/// Most articles one fingerprint remembers; a commoner one is boilerplate.
const POSTING_CAP: usize = 64;

/// The winnowed fingerprints of a shingle sequence, deduplicated.
pub fn winnow(shingles: &[u64]) -> Vec<u64> {
    let mut out: Vec<u64> = Vec::new();
    if shingles.is_empty() {
        return out;
    }
    let window = WINDOW.min(shingles.len());
    let mut last_pick = usize::MAX;
    for start in 0..=shingles.len() - window {
        // Rightmost minimum, as in the paper, so ties pick a new position rarely.
        let mut best = start;
        for i in start..start + window {
            if shingles[i] <= shingles[best] {
                best = i;
            }
        }
        if best != last_pick {
            out.push(shingles[best]);
            last_pick = best;
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The articles holding one fingerprint; most fingerprints occur once, so the first
/// article is kept inline and the list allocates only for the second.
struct Posting {
    first: u32,
    rest: Vec<u32>,
}

/// Inverted index from fingerprint to the articles holding it.
#[derive(Default)]
pub struct FingerprintIndex {
    postings: HashKeyed<Posting>,
}

impl FingerprintIndex {
    /// Adds to `found` every earlier article sharing a fingerprint (once per shared
    /// fingerprint), then remembers `fingerprints` as article `id`.
    pub fn query_then_insert(&mut self, id: u32, fingerprints: &[u64], found: &mut Vec<u32>) {
        for &fp in fingerprints {
            match self.postings.entry(fp) {
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(Posting {
                        first: id,
                        rest: Vec::new(),
                    });
                }
                std::collections::hash_map::Entry::Occupied(mut slot) => {
                    let posting = slot.get_mut();
                    if posting.rest.len() + 1 < POSTING_CAP {
                        found.push(posting.first);
                        found.extend_from_slice(&posting.rest);
                        posting.rest.push(id);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::mix;

    #[test]
    fn a_shared_run_of_one_window_shares_a_fingerprint() {
        let shared: Vec<u64> = (0..WINDOW as u64).map(mix).collect();
        let mut a: Vec<u64> = (100..140).map(mix).collect();
        a.extend(&shared);
        let mut b: Vec<u64> = shared.clone();
        b.extend((500..530).map(mix));
        let (fa, fb) = (winnow(&a), winnow(&b));
        assert!(fa.iter().any(|f| fb.contains(f)));
    }
}
