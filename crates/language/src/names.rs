//! Capitalised runs: where a run of capitalised words starts and ends, and how it splits
//! into a title ("Foreign Minister"), a role before it ("Kremlin spokesman") and a name,
//! whose kind [`crate::kinds`] guesses.

use crate::gazetteer::{self, class};
use crate::kinds::name_candidate;
use crate::mentions::{is_cap, Candidate, Words, ROLE_MODIFIERS};
use parallax_core::{EntityKind, MentionForm};

/// Lowercase particles that may sit inside a name ("Bashar al-Assad", "Institute for ...").
const CONNECTORS: &[&str] = &[
    "of", "for", "de", "bin", "ibn", "al", "el", "van", "von", "da", "du", "la", "le",
];

pub(crate) fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && w.chars()
            .all(|c| c.is_uppercase() || c == '.' || c.is_ascii_digit())
}

/// True when token `j` extends the capitalised run before it: a capitalised word, the dot
/// of "Mr." and kin, or a particle followed by a capitalised word.
pub(crate) fn continues_run(words: &Words<'_>, j: usize, b: usize) -> bool {
    let w = words.text(j);
    let lower = words.lower(j);
    let cap_word = words.is_word(j) && is_cap(w) && !lower.ends_with("’s") && lower != "'s";
    let title_dot = w == "."
        && words.tokens[j].start == words.tokens[j - 1].end
        && matches!(
            words.lower(j - 1),
            "mr" | "mrs"
                | "ms"
                | "dr"
                | "gen"
                | "sen"
                | "gov"
                | "rep"
                | "lt"
                | "col"
                | "prof"
                | "rev"
                | "st"
                | "jr"
        );
    // "Robert L. Halvorsen": the dot of a middle initial, when a name goes on after it.
    let initial_dot = w == "."
        && words.tokens[j].start == words.tokens[j - 1].end
        && is_initial(words.text(j - 1))
        && j + 1 < b
        && words.is_word(j + 1)
        && is_cap(words.text(j + 1));
    let particle = CONNECTORS.contains(&lower) && j + 1 < b && is_cap(words.text(j + 1));
    // "Farmers’ Union", "Workers' Party": a plural possessive inside an organisation's name.
    let plural_possessive = matches!(w, "’" | "'")
        && words.tokens[j].start == words.tokens[j - 1].end
        && words.lower(j - 1).ends_with('s')
        && j + 1 < b
        && words.is_word(j + 1)
        && is_cap(words.text(j + 1))
        && words.has(j + 1, class::ORG);
    cap_word || title_dot || initial_dot || particle || plural_possessive
}

/// One capital letter: a middle initial.
fn is_initial(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

pub(crate) fn is_title_case_line(words: &Words<'_>, a: usize, b: usize) -> bool {
    let mut n = 0;
    let mut caps = 0;
    for i in a..b {
        if words.is_word(i)
            && words
                .text(i)
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
        {
            n += 1;
            caps += usize::from(is_cap(words.text(i)));
        }
    }
    n >= 4 && caps * 4 >= n * 3
}

/// Splits a capitalised run at words that never start names ("On", "Monday").
pub(crate) fn split_run(words: &Words<'_>, i: usize, j: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut p = i;
    for k in i..j {
        if words.has(k, class::NOT_NAME)
            && !words.has(k, class::TITLE)
            // "IS" (Islamic State) and "US" are names, not "is" and "us".
            && gazetteer::canonical_alias(words.text(k)).is_none()
            && !CONNECTORS.contains(&words.lower(k))
        {
            if k > p {
                out.push((p, k));
            }
            p = k + 1;
        } else if k > p
            && words.has(k, class::GIVEN)
            && !words.has(k - 1, class::TITLE | class::GIVEN | class::DEMONYM)
            && words.is_word(k - 1)
        {
            // "United Nations Samantha Power": a given name starts a new name.
            out.push((p, k));
            p = k;
        }
    }
    if j > p {
        out.push((p, j));
    }
    // A run must not start or end with a connector or a dot; a capitalised particle that
    // opens a name stays ("Al Qaeda", "De Niro", "La Paz").
    out.into_iter()
        .filter_map(|(mut p, mut q)| {
            while p < q
                && ((CONNECTORS.contains(&words.lower(p))
                    && !(OPENING_PARTICLES.contains(&words.lower(p))
                        && is_cap(words.text(p))
                        && p + 1 < q))
                    || !words.is_word(p))
            {
                p += 1;
            }
            while q > p && CONNECTORS.contains(&words.lower(q - 1)) {
                q -= 1;
            }
            (q > p).then_some((p, q))
        })
        .collect()
}

/// Particles that, capitalised, open a name.
const OPENING_PARTICLES: &[&str] = &["al", "el", "de", "van", "von", "da", "du", "la", "le"];

/// True for a hyphenated adjective made from a name ("US-led", "Iranian-backed",
/// "Soviet-era", "New York-based"): its last part is written in small letters. Such a
/// word describes, it names nothing; names keep capitals after the hyphen ("al-Assad",
/// "Wal-Mart", "Romney-Ryan").
fn is_hyphenated_adjective(word: &str) -> bool {
    word.rsplit_once('-').is_some_and(|(head, tail)| {
        !head.is_empty() && tail.chars().count() >= 2 && tail.chars().all(|c| c.is_lowercase())
    })
}

/// True when a one-word run is no name: a pronoun contraction ("I’m", "We’ll") or a
/// hyphenated adjective ("US-led").
fn is_non_name_word(word: &str) -> bool {
    let lower = word.to_lowercase().replace('’', "'");
    let contraction = ["'m", "'ve", "'ll", "'re", "'d", "n't"]
        .iter()
        .any(|e| lower.ends_with(e))
        && lower.split('\'').next().is_some_and(|head| {
            matches!(
                head,
                "i" | "we" | "you" | "they" | "he" | "she" | "it" | "that" | "there"
            )
        });
    // "S and M", "Liz Cheney (R)": a letter alone names nothing.
    let letter = word.chars().count() == 1;
    letter || contraction || is_hyphenated_adjective(word)
}

pub(crate) fn capital_run(
    words: &Words<'_>,
    p: usize,
    q: usize,
    s: usize,
    title_case: bool,
    out: &mut Vec<Candidate>,
) {
    if q == p + 1 && is_non_name_word(words.text(p)) {
        return;
    }
    // "Arcade Joseph Comeaux, Jr.": a suffix cut off by a comma names nobody alone, nor
    // does "St." cut off from its street or saint.
    if (p..q).all(|k| {
        matches!(
            words.lower(k),
            "jr" | "jr." | "sr" | "sr." | "." | "ii" | "iii" | "iv" | "st" | "st."
        )
    }) {
        return;
    }
    // "New York-based Human Rights Watch": the name starts after the adjective.
    if let Some(k) = (p..q)
        .rev()
        .find(|&k| is_hyphenated_adjective(words.text(k)))
    {
        if k + 1 < q {
            capital_run(words, k + 1, q, s, title_case, out);
        }
        return;
    }
    // "Mitch Kell of Varnia", "Democrat of Ostrel": a known place after "of" is where the
    // person is from, not part of the name (organisations keep it: "Bank of Varnia").
    let q = match (p + 1..q).find(|&k| words.lower(k) == "of") {
        Some(of)
            if of + 1 < q
                && (of + 1..q).all(|k| words.has(k, class::PLACE))
                && !(p..of).any(|k| words.has(k, class::ORG)) =>
        {
            of
        }
        _ => q,
    };
    // Titles and their modifiers at the front: "Russian President", "Foreign Minister", "Mr."
    let mut k = p;
    let mut title_end = p;
    while k < q {
        let w = words.lower(k);
        if words.has(k, class::TITLE) {
            title_end = k + 1;
            if words.text(k + 1) == "." && k + 1 < q {
                title_end = k + 2;
                k += 1;
            }
        } else if k >= 1 && words.lower(k - 1) == "of" && title_end + 1 == k {
            // "Secretary of State": the word after "of" completes the title.
            title_end = k + 1;
        } else if !(words.has(k, class::DEMONYM | class::PLACE)
            || ROLE_MODIFIERS.contains(&w)
            || (w == "of" && title_end == k && k > p))
        {
            break;
        }
        k += 1;
    }
    let title_end = title_end.max(title_after_modifiers(words, p, q));
    // "Anchor Jim Tallow of PBS", "King Abdullah of Jordan": after a person's name, "of"
    // opens where they work or come from, which is a name of its own.
    let person_shaped = title_end > p || (title_end < q && words.has(title_end, class::GIVEN));
    let q = match (title_end + 1..q).find(|&k| words.lower(k) == "of") {
        Some(of) if person_shaped && of + 1 < q && !(p..of).any(|k| words.has(k, class::ORG)) => {
            let before = out.len();
            capital_run(words, of + 1, q, s, title_case, out);
            // What follows "of" there is a workplace or a place, not another person.
            for c in &mut out[before..] {
                if c.kind == EntityKind::Person && c.gender.is_none() && c.role.is_none() {
                    c.kind = EntityKind::Other;
                }
            }
            of
        }
        _ => q,
    };
    // "UN General Assembly", "Attorney General's Office": an organisation word ends the
    // run, so its title words belong to the organisation's name.
    let title_end = if words.has(q - 1, class::ORG) && q - p > 1 {
        p
    } else {
        title_end
    };
    let tokens = words.tokens;
    // "Syrian", "Russian": a nationality adjective alone names nothing.
    if (p..q).all(|k| {
        words.has(k, class::DEMONYM)
            && !words.has(k, class::PLACE | class::ORG)
            && gazetteer::canonical_alias(words.text(k)).is_none()
    }) {
        return;
    }
    if title_end == q {
        // Only a title: a capitalised role ("the Russian President") is handled as a role
        // description; a lone demonym ("Russian") names nothing. A lone title word with no
        // determiner ("King said") may be a surname: coreference keeps it only when the
        // article names a person of that surname ("Billy King").
        let determiner = p > 0
            && matches!(
                words.lower(p - 1),
                "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "your"
            );
        if q == p + 1 && words.is_word(p) && !determiner {
            let mut c = name_candidate(words, p, p, q, s);
            c.kind = EntityKind::Person;
            c.surname_only = true;
            out.push(c);
        }
        return;
    }
    let name_from = title_end;
    if title_case && !words.has(name_from, class::GIVEN) && q - name_from > 1 {
        // Headlines capitalise every word; trust only gazetteer names there.
        for k in name_from..q {
            let lower = words.lower(k);
            if gazetteer::kind_of_name(lower).is_some()
                || gazetteer::canonical_alias(words.text(k)).is_some()
            {
                out.push(name_candidate(words, k, k, k + 1, s));
            }
        }
        return;
    }
    let q = if title_case && words.has(name_from, class::GIVEN) {
        q.min(name_from + 2)
    } else {
        q
    };
    let mut c = name_candidate(words, p, name_from, q, s);
    // Sentence-initial, quote marks and brackets before it aside ("“Nobody in…").
    let first_word = (0..p)
        .rev()
        .take_while(|&k| words.tokens[k].start >= words.sentence_start(s))
        .all(|k| !words.is_word(k));
    c.initial = q == p + 1 && first_word;
    // "Farmers said…" at a sentence start, where the text also writes "farmers": a group.
    if c.initial
        && c.kind != EntityKind::Place
        && c.gender.is_none()
        && plural(words.lower(p))
        && words.written_lowercase(p)
    {
        c.kind = EntityKind::Group;
    }
    // "RAGING floodwater swamped…": a tabloid lead's first word in capitals is no acronym.
    if c.initial
        && c.form == MentionForm::Acronym
        && words.text(p).chars().count() >= 5
        && words.is_word(q)
        && words.text(q).chars().next().is_some_and(char::is_lowercase)
    {
        return;
    }
    if title_end > p {
        let title: Vec<&str> = (p..title_end)
            .filter(|&k| words.is_word(k))
            .map(|k| words.lower(k))
            .collect();
        c.gender = c
            .gender
            .or_else(|| title.iter().find_map(|t| gazetteer::title_gender(t)));
        c.kind = EntityKind::Person;
        c.form = MentionForm::Name;
        let role: Vec<&str> = title
            .into_iter()
            .filter(|t| gazetteer::title_gender(t).is_none() || t.len() > 3)
            .collect();
        if !role.is_empty() {
            c.role = Some(role.join(" "));
        }
    } else if let Some(role) = role_before(words, p) {
        c.role = Some(role);
        if c.kind == EntityKind::Other {
            c.kind = EntityKind::Person;
        }
    }
    let _ = tokens;
    out.push(c);
}

/// End of a title whose capitalised modifiers no list knows ("Kestrian Fisheries Minister
/// Aleksandr Tovey", "Supreme Court Justice Amy Barrett"): the last title word of the run
/// when a name follows it, unless the run opens with a given name ("Martin Luther King Jr.").
fn title_after_modifiers(words: &Words<'_>, p: usize, q: usize) -> usize {
    if words.has(p, class::GIVEN) {
        return p;
    }
    let Some(t) = (p..q).rev().find(|&k| words.has(k, class::TITLE)) else {
        return p;
    };
    let mut end = t + 1;
    if end < q && words.text(end) == "." {
        end += 1;
    }
    // The name after it: at least one word, not a suffix alone.
    let rest: Vec<&str> = (end..q)
        .filter(|&k| words.is_word(k))
        .map(|k| words.lower(k))
        .collect();
    if rest.is_empty()
        || rest
            .iter()
            .all(|w| matches!(*w, "jr" | "jr." | "sr" | "sr." | "ii" | "iii"))
    {
        return p;
    }
    end
}

/// True for a lowercase plural noun ("farmers", "workers", "democrats"), not a surname in -ss.
pub(crate) fn plural(lower: &str) -> bool {
    lower.len() > 3 && lower.ends_with('s') && !lower.ends_with("ss") && !lower.ends_with("us")
}

/// Lowercase role words right before a name ("Kremlin spokesman Dmitry Peskov").
fn role_before(words: &Words<'_>, p: usize) -> Option<String> {
    let mut k = p;
    while k > 0
        && (words.has(k - 1, class::TITLE | class::ROLE_HEAD)
            || ROLE_MODIFIERS.contains(&words.lower(k - 1)))
        && !is_cap(words.text(k - 1))
    {
        k -= 1;
    }
    if k == p || !words.has(p - 1, class::TITLE | class::ROLE_HEAD) {
        return None;
    }
    // One capitalised modifier before the role ("Kremlin", "Russian").
    if k > 0 && words.has(k - 1, class::DEMONYM | class::ORG) {
        k -= 1;
    }
    Some((k..p).map(|i| words.lower(i)).collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contractions_and_hyphenated_adjectives_name_nothing() {
        assert!(is_non_name_word("I’m"));
        assert!(is_non_name_word("We'll"));
        assert!(is_non_name_word("US-led"));
        assert!(is_non_name_word("Soviet-era"));
        assert!(is_non_name_word("Ethiopian-flagged"));
        assert!(!is_non_name_word("al-Assad"));
        assert!(!is_non_name_word("Wal-Mart"));
        assert!(is_non_name_word("Iranian-backed"));
        assert!(!is_non_name_word("O’Brien"));
        assert!(!is_non_name_word("Al-Assad"));
    }
}
