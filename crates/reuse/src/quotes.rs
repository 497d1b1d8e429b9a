//! Which characters of a body sit inside quotation marks.

use parallax_core::CharSpan;

/// Prefix counts of quoted characters, so any span's quoted share is `O(1)`.
pub struct QuoteMask {
    quoted_before: Vec<u32>,
}

impl QuoteMask {
    /// Marks the text between “curly” quotes and between pairs of straight `"` quotes.
    /// A paragraph break closes any open quote, as news style reopens quotes per paragraph.
    pub fn new(text: &[char]) -> QuoteMask {
        let mut quoted_before = Vec::with_capacity(text.len() + 1);
        quoted_before.push(0);
        let (mut open, mut count) = (false, 0u32);
        for &c in text {
            match c {
                '“' | '«' => open = true,
                '”' | '»' => open = false,
                '"' => open = !open,
                '\n' => open = false,
                _ => {}
            }
            if open {
                count += 1;
            }
            quoted_before.push(count);
        }
        QuoteMask { quoted_before }
    }

    /// True when at least three fifths of `span` is quoted (a quote with its "he said").
    pub fn mostly_quoted(&self, span: CharSpan) -> bool {
        let at = |i: u32| self.quoted_before.get(i as usize).copied().unwrap_or(0);
        let quoted = at(span.end()).saturating_sub(at(span.start()));
        span.char_len() > 0 && quoted * 5 >= span.char_len() * 3
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_share_of_a_span() {
        let text: Vec<char> = "The mayor said on Monday that “we will build the bridge” today."
            .chars()
            .collect();
        let mask = QuoteMask::new(&text);
        let quote = CharSpan::new(30, 56).unwrap();
        assert_eq!(
            text[30..56].iter().collect::<String>(),
            "“we will build the bridge”"
        );
        assert!(mask.mostly_quoted(quote));
        assert!(!mask.mostly_quoted(CharSpan::new(0, 63).unwrap()));
    }
}
