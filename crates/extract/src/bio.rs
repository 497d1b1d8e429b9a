//! An author's bio printed as the body's last paragraph: "Jane Example is the Gazette's
//! harbour reporter ...". Known by the byline's name opening it, followed by a verb of
//! description.

const BIO_VERBS: &[&str] = &[
    "is", "was", "writes", "covers", "has", "reports", "edits", "curates", "joined",
];

/// Drops trailing paragraphs that open with a name of `byline` followed within two words
/// by a describing verb ("Jane is a ...", "Jane Example covers ..."). Keeps at least one
/// paragraph.
pub fn drop_trailing_bio(paragraphs: &mut Vec<String>, byline: Option<&str>) {
    let Some(byline) = byline else {
        return;
    };
    let names: Vec<&str> = byline
        .split([',', ' '])
        .filter(|w| w.chars().count() >= 3 && w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    if names.is_empty() {
        return;
    }
    while paragraphs.len() > 1 {
        let last = paragraphs.last().map(String::as_str).unwrap_or_default();
        let words: Vec<&str> = last.split_whitespace().collect();
        let opens_with_name = words.first().is_some_and(|w| names.contains(w));
        let describes = words
            .iter()
            .skip(1)
            .take(3)
            .map(|w| w.trim_end_matches(','))
            .position(|w| BIO_VERBS.contains(&w))
            .is_some_and(|at| words[1..=at].iter().all(|w| names.contains(w)) || at == 0);
        if opens_with_name && describes && words.len() <= 100 {
            paragraphs.pop();
        } else {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::drop_trailing_bio;

    #[test]
    fn bios_go_and_stories_stay() {
        let mut p = vec![
            "The ferry sailed again on Tuesday.".to_owned(),
            "Jane Example is the Gazette's harbour reporter and spends her days on the pier."
                .to_owned(),
        ];
        drop_trailing_bio(&mut p, Some("Jane Example"));
        assert_eq!(p.len(), 1);
        let mut p = vec![
            "The ferry sailed again on Tuesday.".to_owned(),
            "Example said the pier was safe.".to_owned(),
        ];
        drop_trailing_bio(&mut p, Some("Jane Example"));
        assert_eq!(p.len(), 2);
        let mut p = vec!["Jane is a reporter.".to_owned()];
        drop_trailing_bio(&mut p, Some("Jane Example"));
        assert_eq!(p.len(), 1);
    }
}
