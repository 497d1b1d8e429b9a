//! Links to other articles printed inside a body: teasers tagged in capitals
//! ("Ferry strike ends \[VIDEO\]") and "read also" lines in the languages news is read in.

use regex::Regex;
use std::sync::LazyLock;

/// A short line that ends in a capitalised tag in brackets after a few words of headline:
/// "... [INSIGHT]", "... [ PICS ]|". A tag alone ("[ EXN ]") is a source label.
static TAGGED_TEASER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\S+(?:\s+\S+){2,}\s*\[\s*\p{Lu}{3,}(?:\s+\p{Lu}{2,})?\s*\]\s*\|?\s*$")
        .expect("static regex")
});

/// "Read also" in other languages, opening the line (optionally in brackets).
static READ_ALSO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[(\[]?\s*(?:leggi anche|leia também|leia mais|lea también|lee también|lire aussi|à lire aussi|lesen sie auch|lesen sie mehr|mehr zum thema|lees ook|czytaj też|czytaj także|читайте также|читайте еще|читати також|diğer haberler|ayrıca okuyun)\b")
        .expect("static regex")
});

/// A teaser headline cut short for a list: "Ferry strike ends after four da..". A short
/// line whose only sentence mark is a closing "..", glued to the last word.
fn is_truncated_teaser(line: &str) -> bool {
    // Exactly two dots: a sentence that trails off takes three or an ellipsis.
    let head = line
        .strip_suffix("..")
        .filter(|h| !h.ends_with('.') && !h.ends_with(char::is_whitespace));
    head.is_some_and(|h| {
        let words = h.split_whitespace().count();
        (2..=12).contains(&words) && !h.contains(['.', '!', '?', '…'])
    })
}

/// A teaser or "read also" line with its link (4 to 30 words; a bare label stays).
pub fn is_link_line(line: &str) -> bool {
    let line = line.trim();
    line.split_whitespace().count() <= 30
        && (TAGGED_TEASER.is_match(line)
            || is_truncated_teaser(line)
            || (READ_ALSO.is_match(line) && line.split_whitespace().count() >= 4))
}

#[cfg(test)]
mod tests {
    use super::is_link_line;

    #[test]
    fn teasers_and_read_also() {
        for link in [
            "Harbour ferry strike: union makes final offer [VIDEO]",
            "Storm fears: islanders stock up on bread [ INSIGHT]|",
            "( Leggi anche su: il traghetto riparte –FOTO )",
            "Lesen Sie auch: Die Fähre fährt wieder",
            "Ferry strike ends after four da..",
        ] {
            assert!(is_link_line(link), "{link}");
        }
        for sentence in [
            "The council met on Monday [and voted].",
            "The mayor said the ferry would run again [AP].",
            "[ EXN ]",
            "He paused. And then…",
            "If you are …",
            "The offer is believed to be for at least eight years...",
        ] {
            assert!(!is_link_line(sentence), "{sentence}");
        }
    }
}
