//! Spelling-insensitive keys for names: diacritics, articles and transliteration variants
//! folded away, so "Sergei" meets "Sergey" and "al-Assad" meets "Assad".

/// Lowercase, diacritics removed, "al-"/"el-" particles dropped, apostrophes removed and
/// common transliteration endings unified ("-ey"/"-y" → "-i", "kh" → "h", double letters once).
pub fn fold_name(name: &str) -> String {
    let mut plain = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ē' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' | 'č' | 'ć' => 'c',
            'ñ' | 'ń' => 'n',
            'š' | 'ś' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ł' => 'l',
            '’' | '\'' | '.' | '‘' => continue,
            '-' | '‐' => ' ',
            c => c,
        };
        plain.push(c);
    }
    let mut out = String::with_capacity(plain.len());
    for word in plain.split_whitespace() {
        if matches!(word, "al" | "el" | "ul" | "the") {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        let mut w = word
            .replace("kh", "h")
            .replace("ph", "f")
            .replace("ou", "u");
        if let Some(stem) = w.strip_suffix("ey") {
            w = format!("{stem}ei");
        } else if let Some(stem) = w.strip_suffix('y') {
            w = format!("{stem}i");
        }
        let mut prev = None;
        for c in w.chars() {
            if Some(c) != prev {
                out.push(c);
            }
            prev = Some(c);
        }
    }
    out
}

/// First letter plus consonants of the folded name: "bashar" and "bashir" both give "bshr".
/// Used only for given names, where vowel spellings vary most between outlets.
pub fn skeleton(name: &str) -> String {
    let folded = fold_name(name);
    let mut out = String::with_capacity(folded.len());
    for (i, c) in folded.chars().enumerate() {
        if i == 0 || !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | ' ') {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_transliteration_variants() {
        assert_eq!(fold_name("Sergey"), fold_name("Sergei"));
        assert_eq!(fold_name("Dmitry"), fold_name("Dmitri"));
        assert_eq!(fold_name("al-Assad"), fold_name("Assad"));
        assert_eq!(skeleton("Bashar"), skeleton("Bashir"));
        assert_ne!(fold_name("Lavrov"), fold_name("Shoigu"));
    }
}
