//! A light tokenizer: words and single punctuation marks as byte ranges.

/// A token as a byte range, with its lowercase text.
#[derive(Clone, Debug)]
pub struct Word {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Lowercase text.
    pub lower: String,
    /// True for words, false for punctuation.
    pub is_word: bool,
}

impl Word {
    /// True when the word starts with a capital letter.
    pub fn is_cap(&self, body: &str) -> bool {
        body.get(self.start..)
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_uppercase)
    }
}

/// Splits `body` into words (letters and digits with inner `-`, `'`, `’`, `.`) and marks.
pub fn tokenize(body: &str) -> Vec<Word> {
    let mut out = Vec::with_capacity(body.len() / 5);
    let mut skip_to = 0;
    for (b, c) in body.char_indices() {
        if b < skip_to || c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Word {
                start: b,
                end: b + c.len_utf8(),
                lower: c.to_string(),
                is_word: false,
            });
            continue;
        }
        let mut end = b + c.len_utf8();
        loop {
            let rest = &body[end..];
            let mut cs = rest.chars();
            match (cs.next(), cs.next()) {
                (Some(n), _) if n.is_alphanumeric() => end += n.len_utf8(),
                (Some(j), Some(n))
                    if matches!(j, '-' | '\'' | '’' | '.') && n.is_alphanumeric() =>
                {
                    // Keep "’s" apart so that "Putin’s" ends the name.
                    if matches!(j, '\'' | '’')
                        && rest[j.len_utf8()..].starts_with('s')
                        && !rest[j.len_utf8() + 1..].starts_with(char::is_alphanumeric)
                    {
                        break;
                    }
                    end += j.len_utf8() + n.len_utf8();
                }
                _ => break,
            }
        }
        skip_to = end;
        out.push(Word {
            start: b,
            end,
            lower: body[b..end].to_lowercase(),
            is_word: true,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn words_do_not_overlap() {
        let text = "Putin’s U.S. visit, he said.";
        let words: Vec<&str> = super::tokenize(text)
            .iter()
            .map(|w| &text[w.start..w.end])
            .collect();
        assert_eq!(
            words,
            ["Putin", "’", "s", "U.S", ".", "visit", ",", "he", "said", "."]
        );
    }
}
