//! Words with their code-point offsets, and word shingles hashed to `u64`.

/// One word of a body: its folded hash and where it is, in code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    /// Hash of the lowercased word, so "The" and "the" match.
    pub hash: u64,
    /// First code point.
    pub start: u32,
    /// One past the last code point.
    pub end: u32,
}

/// Common words of four letters or more that carry no content of their own.
const FUNCTION_WORDS: &[&str] = &[
    "that", "this", "these", "those", "with", "from", "have", "has", "were", "been", "being",
    "they", "them", "their", "there", "which", "would", "could", "should", "about", "after",
    "before", "into", "over", "under", "than", "then", "when", "where", "while", "what", "will",
    "also", "said", "says", "more", "most", "some", "such", "only", "other", "very", "just",
    "like", "upon", "your", "ours", "here",
];

/// Words of `span` that carry content: written in small letters (names are shared by
/// every report of an event, so a run of them is no sign of copying), three letters or
/// more, and no common function word.
pub fn content_words(words: &[Word], chars: &[char], start: u32, end: u32) -> usize {
    let from = words.partition_point(|w| w.start < start);
    words[from..]
        .iter()
        .take_while(|w| w.end <= end)
        .filter(|w| {
            let word = &chars[w.start as usize..w.end as usize];
            word.len() >= 3
                && word[0].is_lowercase()
                && !FUNCTION_WORDS
                    .iter()
                    .any(|f| f.len() == word.len() && f.chars().eq(word.iter().copied()))
        })
        .count()
}

/// Splits `body` into words: maximal runs of letters and digits.
pub fn words(body: &str) -> Vec<Word> {
    let mut out = Vec::with_capacity(body.len() / 6);
    let mut folded = String::new();
    let mut start = 0u32;
    let mut in_word = false;
    let mut pos = 0u32;
    for c in body.chars() {
        if c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric()) {
            if !in_word {
                in_word = true;
                start = pos;
                folded.clear();
            }
            if c.is_ascii() {
                folded.push(c.to_ascii_lowercase());
            } else {
                folded.extend(c.to_lowercase());
            }
        } else if in_word {
            in_word = false;
            out.push(word(&folded, start, pos));
        }
        pos += 1;
    }
    if in_word {
        out.push(word(&folded, start, pos));
    }
    out
}

fn word(folded: &str, start: u32, end: u32) -> Word {
    Word {
        hash: xxhash_rust::xxh3::xxh3_64(folded.as_bytes()),
        start,
        end,
    }
}

/// A hasher for keys that are already well-mixed 64-bit hashes: it passes them through,
/// where the default SipHash would spend most of an index lookup re-hashing them.
#[derive(Default, Clone, Copy)]
pub struct PassThroughHasher(u64);

impl std::hash::Hasher for PassThroughHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0 ^ u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by a mixed hash.
pub type HashKeyed<V> =
    std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<PassThroughHasher>>;

/// Mixes a 64-bit value (splitmix64 finaliser), so sums of hashes stay well spread.
pub fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Hashes every run of `k` consecutive words (fewer than `k` words give none).
pub fn shingles(words: &[Word], k: usize) -> Vec<u64> {
    if words.len() < k || k == 0 {
        return Vec::new();
    }
    words
        .windows(k)
        .map(|w| {
            w.iter()
                .fold(0x9e37_79b9_7f4a_7c15u64, |h, word| mix(h ^ word.hash))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_carry_code_point_offsets_and_fold_case() {
        let body = "Сергей said “Да” — The the.";
        let w = words(body);
        assert_eq!(w.len(), 5);
        assert_eq!((w[2].start, w[2].end), (13, 15));
        assert_eq!(w[3].hash, w[4].hash);
    }

    #[test]
    fn shingles_need_k_words() {
        let w = words("one two three");
        assert_eq!(shingles(&w, 4).len(), 0);
        assert_eq!(shingles(&w, 2).len(), 2);
    }
}
