//! Words and punctuation of a text, as byte ranges into it.

/// One token: a word (letters, digits, inner hyphens, apostrophes and dots) or one
/// punctuation character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// True for words, false for punctuation.
    pub is_word: bool,
}

impl Token {
    /// The text the token covers.
    pub fn text(self, body: &str) -> &str {
        body.get(self.start..self.end).unwrap_or("")
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | '&' | '‐')
}

/// Splits `text` into tokens. Possessive `'s` / `’s` becomes its own token so that
/// "Putin’s" yields the name "Putin"; dotted acronyms keep their final dot ("U.S.").
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Token {
                start: b,
                end: b + c.len_utf8(),
                is_word: false,
            });
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if c.is_alphanumeric() {
                j += 1;
            } else if is_joiner(c) && chars.get(j + 1).is_some_and(|n| n.1.is_alphanumeric()) {
                j += 2;
            } else {
                break;
            }
        }
        let end_of = |k: usize| chars.get(k).map_or(text.len(), |x| x.0);
        let mut end = end_of(j);
        let word = &text[b..end];
        // "U.S" + "." and "U.N" + "." are acronyms with a final dot.
        if chars.get(j).is_some_and(|x| x.1 == '.') && is_dotted_acronym(word) {
            j += 1;
            end = end_of(j);
        }
        // Split a possessive ending off the word.
        let word = &text[b..end];
        let poss = ["’s", "'s"]
            .iter()
            .find(|p| word.len() > p.len() + 1 && word.ends_with(*p));
        if let Some(p) = poss {
            let cut = end - p.len();
            out.push(Token {
                start: b,
                end: cut,
                is_word: true,
            });
            out.push(Token {
                start: cut,
                end,
                is_word: true,
            });
        } else {
            out.push(Token {
                start: b,
                end,
                is_word: true,
            });
        }
        i = j;
    }
    out
}

/// "U.S", "U.N", "e.g" and the like: single letters joined by dots.
pub fn is_dotted_acronym(word: &str) -> bool {
    let mut parts = 0;
    for part in word.split('.') {
        if part.chars().count() != 1 {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn splits_words_and_keeps_acronyms() {
        assert_eq!(
            words("Putin’s U.S. visit, al-Assad's."),
            ["Putin", "’s", "U.S.", "visit", ",", "al-Assad", "'s", "."]
        );
    }
}
