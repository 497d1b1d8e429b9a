//! Spelling-insensitive keys for names: diacritics, articles and transliteration variants
//! folded away, so "Sergei" meets "Sergey" and "al-Assad" meets "Assad".

/// Lowercase, diacritics removed, "al-"/"el-" particles dropped, apostrophes removed and
/// common transliteration endings unified ("-ey"/"-y" → "-i", "kh" → "h", double letters once).
pub fn fold_name(name: &str) -> String {
    let mut plain = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        if let Some(latin) = cyrillic_to_latin(c) {
            plain.push_str(latin);
            continue;
        }
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
            .replace("ou", "u")
            .replace('x', "ks");
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

/// True when every letter of `name` is Latin (diacritics allowed): "Yulia Marek" rather
/// than "Юлия Марек" names an entity.
pub fn is_latin(name: &str) -> bool {
    name.chars()
        .all(|c| !c.is_alphabetic() || (c as u32) < 0x250)
}

/// Latin spelling of one lowercase Cyrillic letter (the BGN/PCGN romanisation news uses:
/// "Юлия" → "yuliya"), so a name in Cyrillic meets its Latin transliteration.
fn cyrillic_to_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ґ' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' => "e",
        'є' => "ye",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' => "i",
        'ї' => "yi",
        'й' | 'ы' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ю' => "yu",
        'я' => "ya",
        _ => return None,
    })
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
        assert_eq!(fold_name("Марек"), fold_name("Marek"));
        assert_eq!(skeleton("Юлия"), skeleton("Yulia"));
        assert_eq!(skeleton("Alexander"), skeleton("Aleksandr"));
        assert_ne!(skeleton("Alexander"), skeleton("Alexei"));
    }
}
