//! What a figure counts, beyond its unit: "2,000 people were forced from their homes"
//! and "1,200 people have been displaced" count the same thing (the displaced) in
//! different words. A small lexicon of news frames lets the aligner compare such
//! figures even when the two sentences share few words.

/// Frame classes and the words or phrases that evoke them (lower case).
#[rustfmt::skip]
const FRAMES: &[(&str, &[&str])] = &[
    ("killed", &["killed", "dead", "died", "deaths", "death toll", "fatalities", "lives", "killing", "perished", "bodies"]),
    ("injured", &["injured", "wounded", "hurt", "injuries", "hospitalised", "hospitalized"]),
    ("displaced", &["displaced", "evacuated", "homeless", "fled", "flee", "forced from their homes", "evacuation", "shelters", "left their homes"]),
    ("arrested", &["arrested", "detained", "in custody", "arrests", "detentions"]),
    ("missing", &["missing", "unaccounted"]),
    ("rescued", &["rescued", "pulled from", "saved"]),
];

/// Units too general to say on their own what is counted.
const GENERIC_UNITS: &[&str] = &[
    "", "people", "person", "year", "day", "week", "month", "hour", "minute", "time", "percent",
    "$", "€", "£", "other", "more", "each", "total",
];

/// The frame classes `text` evokes, sorted.
pub fn frame_classes(text: &str) -> Vec<&'static str> {
    let lower = format!(" {} ", crate::facts::words(text).join(" "));
    let mut out: Vec<&'static str> = FRAMES
        .iter()
        .filter(|(_, cues)| cues.iter().any(|c| lower.contains(&format!(" {c} "))))
        .map(|(class, _)| *class)
        .collect();
    out.sort_unstable();
    out
}

/// True when `word` is one of the frame cues (a single word of the lexicon).
pub fn is_frame_word(word: &str) -> bool {
    FRAMES.iter().any(|(_, cues)| cues.contains(&word))
}

/// True when a unit names what is counted by itself ("tonnes", "delegates").
pub fn is_specific_unit(unit: &str) -> bool {
    !GENERIC_UNITS.contains(&unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paraphrases_share_a_frame() {
        assert_eq!(
            frame_classes("Some 2,000 people were forced from their homes."),
            vec!["displaced"]
        );
        assert_eq!(
            frame_classes("About 1,200 people have been displaced."),
            vec!["displaced"]
        );
        assert_eq!(
            frame_classes("Three died and five were hurt."),
            vec!["injured", "killed"]
        );
        assert!(frame_classes("The deadline passed.").is_empty());
        assert!(is_specific_unit("tonne") && !is_specific_unit("people"));
    }
}
