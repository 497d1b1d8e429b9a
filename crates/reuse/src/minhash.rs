//! MinHash signatures and a banded LSH index that takes one article at a time.
//!
//! Each signature holds [`NUM_HASHES`] minima of multiply-shift hashes over the article's
//! shingles; [`LshIndex`] splits it into [`BANDS`] bands of [`ROWS`] rows and keeps one
//! bucket table per band. `query_then_insert` returns the earlier articles that share a
//! band, so the work per article does not grow with the collection (buckets are capped).

use crate::tokens::{mix, HashKeyed};

/// Number of hash functions in a signature.
pub const NUM_HASHES: usize = 64;
/// Number of LSH bands.
pub const BANDS: usize = 16;
/// Rows per band (`BANDS * ROWS == NUM_HASHES`).
pub const ROWS: usize = NUM_HASHES / BANDS;
/// Most articles one bucket remembers; beyond it a bucket is boilerplate, not reuse.
const BUCKET_CAP: usize = 256;

/// A MinHash signature.
pub type Signature = [u32; NUM_HASHES];

/// The hash family of the signatures: fixed seeds, so runs are deterministic.
pub struct MinHasher {
    multipliers: [u64; NUM_HASHES],
    offsets: [u64; NUM_HASHES],
}

impl Default for MinHasher {
    fn default() -> Self {
        let mut multipliers = [0u64; NUM_HASHES];
        let mut offsets = [0u64; NUM_HASHES];
        for i in 0..NUM_HASHES {
            multipliers[i] = mix(0x5eed_0000 + i as u64) | 1;
            offsets[i] = mix(0xb1a5_0000 + i as u64);
        }
        MinHasher {
            multipliers,
            offsets,
        }
    }
}

impl MinHasher {
    /// The signature of a set of shingle hashes (all `u32::MAX` for an empty set).
    pub fn signature(&self, shingles: &[u64]) -> Signature {
        let mut sig = [u32::MAX; NUM_HASHES];
        for &s in shingles {
            for (i, slot) in sig.iter_mut().enumerate() {
                let h = (self.multipliers[i]
                    .wrapping_mul(s)
                    .wrapping_add(self.offsets[i])
                    >> 32) as u32;
                if h < *slot {
                    *slot = h;
                }
            }
        }
        sig
    }
}

/// Estimated Jaccard similarity: the share of equal minima.
pub fn estimate_jaccard(a: &Signature, b: &Signature) -> f32 {
    if a[0] == u32::MAX || b[0] == u32::MAX {
        return 0.0;
    }
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f32 / NUM_HASHES as f32
}

/// One LSH bucket; most hold one article, kept inline so they allocate nothing.
struct Bucket {
    first: u32,
    rest: Vec<u32>,
}

/// Banded LSH over signatures; articles are numbered by arrival.
#[derive(Default)]
pub struct LshIndex {
    bands: Vec<HashKeyed<Bucket>>,
}

impl LshIndex {
    /// Earlier articles sharing at least one band with `sig`; then remembers `sig` as `id`.
    pub fn query_then_insert(&mut self, id: u32, sig: &Signature, found: &mut Vec<u32>) {
        if self.bands.is_empty() {
            self.bands = (0..BANDS).map(|_| HashKeyed::default()).collect();
        }
        if sig[0] == u32::MAX {
            return;
        }
        for (band, table) in self.bands.iter_mut().enumerate() {
            let key = sig[band * ROWS..(band + 1) * ROWS]
                .iter()
                .fold(band as u64, |h, &v| mix(h ^ u64::from(v)));
            match table.entry(key) {
                std::collections::hash_map::Entry::Vacant(slot) => {
                    slot.insert(Bucket {
                        first: id,
                        rest: Vec::new(),
                    });
                }
                std::collections::hash_map::Entry::Occupied(mut slot) => {
                    let bucket = slot.get_mut();
                    found.push(bucket.first);
                    found.extend_from_slice(&bucket.rest);
                    if bucket.rest.len() + 1 < BUCKET_CAP {
                        bucket.rest.push(id);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_sets_estimate_one_and_disjoint_sets_near_zero() {
        let hasher = MinHasher::default();
        let a: Vec<u64> = (0..200).map(mix).collect();
        let b: Vec<u64> = (1000..1200).map(mix).collect();
        assert_eq!(
            estimate_jaccard(&hasher.signature(&a), &hasher.signature(&a)),
            1.0
        );
        assert!(estimate_jaccard(&hasher.signature(&a), &hasher.signature(&b)) < 0.1);
    }

    #[test]
    fn lsh_finds_a_near_duplicate_but_not_a_stranger() {
        let hasher = MinHasher::default();
        let a: Vec<u64> = (0..200).map(mix).collect();
        let near: Vec<u64> = (5..200).map(mix).collect();
        let far: Vec<u64> = (5000..5200).map(mix).collect();
        let mut index = LshIndex::default();
        let mut found = Vec::new();
        index.query_then_insert(0, &hasher.signature(&a), &mut found);
        index.query_then_insert(1, &hasher.signature(&far), &mut found);
        assert!(found.is_empty());
        index.query_then_insert(2, &hasher.signature(&near), &mut found);
        assert!(found.contains(&0) && !found.contains(&1));
    }
}
