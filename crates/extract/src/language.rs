//! The body's language when the page does not declare one (whatlang trigram model).

/// ISO 639-1 code of the language `text` is written in, when the detector is confident.
pub fn detect(text: &str) -> Option<String> {
    // A few thousand characters decide as well as the whole body, and cost less.
    let sample = match text.char_indices().nth(4000) {
        Some((end, _)) => &text[..end],
        None => text,
    };
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() {
        return None;
    }
    iso_639_1(info.lang().code()).map(str::to_owned)
}

fn iso_639_1(code: &str) -> Option<&'static str> {
    const TABLE: &[(&str, &str)] = &[
        ("eng", "en"),
        ("rus", "ru"),
        ("ukr", "uk"),
        ("deu", "de"),
        ("fra", "fr"),
        ("spa", "es"),
        ("por", "pt"),
        ("ita", "it"),
        ("nld", "nl"),
        ("pol", "pl"),
        ("ces", "cs"),
        ("slk", "sk"),
        ("slv", "sl"),
        ("hrv", "hr"),
        ("srp", "sr"),
        ("bul", "bg"),
        ("mkd", "mk"),
        ("bel", "be"),
        ("ron", "ro"),
        ("hun", "hu"),
        ("fin", "fi"),
        ("swe", "sv"),
        ("nob", "nb"),
        ("dan", "da"),
        ("ell", "el"),
        ("tur", "tr"),
        ("ara", "ar"),
        ("heb", "he"),
        ("pes", "fa"),
        ("urd", "ur"),
        ("hin", "hi"),
        ("ben", "bn"),
        ("tam", "ta"),
        ("tel", "te"),
        ("mar", "mr"),
        ("guj", "gu"),
        ("kan", "kn"),
        ("mal", "ml"),
        ("pan", "pa"),
        ("tha", "th"),
        ("vie", "vi"),
        ("ind", "id"),
        ("jpn", "ja"),
        ("kor", "ko"),
        ("cmn", "zh"),
        ("kat", "ka"),
        ("hye", "hy"),
        ("aze", "az"),
        ("kaz", "kk"),
        ("uzb", "uz"),
        ("lit", "lt"),
        ("lav", "lv"),
        ("est", "et"),
        ("epo", "eo"),
        ("afr", "af"),
        ("zul", "zu"),
        ("tgl", "tl"),
        ("jav", "jv"),
        ("sin", "si"),
        ("nep", "ne"),
        ("khm", "km"),
        ("amh", "am"),
        ("yid", "yi"),
        ("lat", "la"),
        ("sna", "sn"),
        ("aka", "ak"),
        ("cat", "ca"),
        ("tuk", "tk"),
        ("ori", "or"),
        ("mya", "my"),
    ];
    TABLE
        .iter()
        .find(|(three, _)| *three == code)
        .map(|(_, two)| *two)
}

#[cfg(test)]
mod tests {
    #[test]
    fn detects_common_languages() {
        assert_eq!(
            super::detect(
                "The council approved the new bridge on Monday after a long debate about the cost."
            )
            .as_deref(),
            Some("en")
        );
        assert_eq!(
            super::detect("Городской совет одобрил строительство нового моста в понедельник после долгих споров.").as_deref(),
            Some("ru")
        );
        assert_eq!(super::detect("12 34"), None);
    }
}
