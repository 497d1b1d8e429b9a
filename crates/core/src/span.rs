//! Code-point spans and the index that maps them to UTF-8 bytes.

use serde::{Deserialize, Serialize};

/// Half-open range `[start, end)` of Unicode code points in `Article::body`,
/// the same numbers Python's `body[start:end]` takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct CharSpan {
    start: u32,
    end: u32,
}

impl CharSpan {
    /// Returns `None` when `end < start`, so an inverted span can never exist.
    pub fn new(start: u32, end: u32) -> Option<CharSpan> {
        (start <= end).then_some(CharSpan { start, end })
    }

    /// First code point of the span.
    pub fn start(self) -> u32 {
        self.start
    }

    /// One past the last code point of the span.
    pub fn end(self) -> u32 {
        self.end
    }

    /// Number of code points covered.
    pub fn char_len(self) -> u32 {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when the two spans share at least one code point.
    pub fn overlaps(self, other: CharSpan) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies wholly inside `self`.
    pub fn contains(self, other: CharSpan) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: CharSpan) -> CharSpan {
        CharSpan {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

/// Maps code-point offsets to byte offsets (and back) for one text.
///
/// Built once per body; every lookup is then `O(log n)` or `O(1)`.
#[derive(Clone, Debug)]
pub struct CharIndex {
    /// Byte offset of every code point, plus the text length at the end.
    byte_of_char: Vec<u32>,
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> CharIndex {
        let mut byte_of_char: Vec<u32> = text.char_indices().map(|(b, _)| b as u32).collect();
        byte_of_char.push(text.len() as u32);
        CharIndex { byte_of_char }
    }

    /// Number of code points in the indexed text.
    pub fn char_len(&self) -> u32 {
        (self.byte_of_char.len() - 1) as u32
    }

    /// Byte offset of code point `char_pos`, or `None` past the end.
    pub fn byte_of(&self, char_pos: u32) -> Option<usize> {
        self.byte_of_char
            .get(char_pos as usize)
            .map(|&b| b as usize)
    }

    /// Code point that starts at or contains byte `byte_pos` (clamped to the end).
    pub fn char_of(&self, byte_pos: usize) -> u32 {
        match self.byte_of_char.binary_search(&(byte_pos as u32)) {
            Ok(i) => i as u32,
            Err(i) => i.saturating_sub(1) as u32,
        }
    }

    /// Converts a byte range (as regexes report them) into a code-point span.
    pub fn span_of_bytes(&self, start_byte: usize, end_byte: usize) -> CharSpan {
        let start = self.char_of(start_byte);
        let end = self.char_of(end_byte).max(start);
        CharSpan { start, end }
    }

    /// Byte range of `span`, or `None` when it runs past the text.
    pub fn byte_range(&self, span: CharSpan) -> Option<std::ops::Range<usize>> {
        Some(self.byte_of(span.start)?..self.byte_of(span.end)?)
    }

    /// The text `span` covers, or `None` when it runs past the end of `text`.
    pub fn slice<'t>(&self, text: &'t str, span: CharSpan) -> Option<&'t str> {
        text.get(self.byte_range(span)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn slices_cyrillic_and_curly_quotes_by_code_point() {
        let body = "Сергей said “да” — twice.";
        let index = CharIndex::new(body);
        let span = CharSpan::new(12, 16).expect("ordered");
        assert_eq!(index.slice(body, span), Some("“да”"));
        assert_eq!(
            index.span_of_bytes(body.find('“').unwrap(), body.find(" —").unwrap()),
            span
        );
    }

    #[test]
    fn inverted_span_is_rejected() {
        assert_eq!(CharSpan::new(3, 2), None);
    }

    proptest! {
        #[test]
        fn slice_agrees_with_chars(body in "\\PC{0,40}", a in 0u32..50, b in 0u32..50) {
            let span = CharSpan::new(a.min(b), a.max(b)).unwrap();
            let expected: Option<String> = (span.end() as usize <= body.chars().count()).then(|| {
                let len = (span.end() - span.start()) as usize;
                body.chars().skip(span.start() as usize).take(len).collect()
            });
            prop_assert_eq!(CharIndex::new(&body).slice(&body, span).map(str::to_owned), expected);
        }
    }
}
