//! Finding entity mentions: capitalised runs split into titles and names, role
//! descriptions ("the Russian leader"), collective sources ("analysts") and pronouns.

use crate::gazetteer::{self, class, word_class, Gender};
use crate::tokens::Token;
use parallax_core::{EntityKind, MentionForm};

/// A mention before coreference: where it is and what it looks like.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// First byte of the mention (a title or determiner included).
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// First byte of the name itself, after any title.
    pub name_start: usize,
    /// Name, acronym, role or pronoun.
    pub form: MentionForm,
    /// What the gazetteers and shape say it is.
    pub kind: EntityKind,
    /// Gender implied by a title, given name or pronoun.
    pub gender: Option<Gender>,
    /// Lowercase role words attached to it ("russian president", "kremlin spokesman").
    pub role: Option<String>,
    /// For roles and groups: "the X" (true) or "a X" (false).
    pub definite: bool,
    /// Sentence number.
    pub sentence: usize,
    /// True for a one-word name that opens its sentence, where capitals prove nothing.
    pub initial: bool,
}

/// Lowercase words that modify a role head ("former", "senior", "press").
pub(crate) const ROLE_MODIFIERS: &[&str] = &[
    "former",
    "senior",
    "top",
    "chief",
    "deputy",
    "foreign",
    "defense",
    "defence",
    "press",
    "career",
    "presidential",
    "military",
    "intelligence",
    "government",
    "campaign",
    "vice",
    "prime",
    "interior",
    "finance",
    "state",
    "local",
    "regional",
    "national",
    "security",
    "independent",
    "political",
    "diplomatic",
    "longtime",
    "veteran",
    "democratic",
    "republican",
    "top-ranking",
    "high-ranking",
    "white",
    "house",
    "federal",
    "administration",
];
/// Determiners that open role descriptions and group mentions.
pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "another", "one", "some", "many", "several", "other", "most", "two", "three",
];
/// Lowercase particles that may sit inside a name ("Bashar al-Assad", "Institute for ...").
const CONNECTORS: &[&str] = &[
    "of", "for", "de", "bin", "ibn", "al", "el", "van", "von", "da", "du", "la", "le",
];

pub(crate) fn is_cap(w: &str) -> bool {
    let mut chars = w.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => true,
        // "al-Assad", "el-Sisi", "bin-Laden": a lowercase particle before a capitalised part.
        Some(_) => w.split_once('-').is_some_and(|(p, rest)| {
            p.len() <= 3 && rest.chars().next().is_some_and(char::is_uppercase)
        }),
        None => false,
    }
}

fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && w.chars()
            .all(|c| c.is_uppercase() || c == '.' || c.is_ascii_digit())
}

/// Per-token lowercase text and class bits, computed once.
pub struct Words<'a> {
    body: &'a str,
    pub(crate) tokens: &'a [Token],
    lower: Vec<String>,
    classes: Vec<u32>,
    sentence_starts: Vec<usize>,
}

impl<'a> Words<'a> {
    /// Looks every token up once.
    pub fn new(body: &'a str, tokens: &'a [Token]) -> Words<'a> {
        let lower: Vec<String> = tokens.iter().map(|t| t.text(body).to_lowercase()).collect();
        let classes = lower.iter().map(|l| word_class(l)).collect();
        Words {
            body,
            tokens,
            lower,
            classes,
            sentence_starts: Vec::new(),
        }
    }
    /// Records the first byte of every sentence, for sentence-initial checks.
    pub fn set_sentences(&mut self, starts: Vec<usize>) {
        self.sentence_starts = starts;
    }
    fn sentence_start(&self, s: usize) -> usize {
        self.sentence_starts.get(s).copied().unwrap_or(0)
    }
    /// Lowercase text of every token.
    pub fn lowers(&self) -> &[String] {
        &self.lower
    }
    pub(crate) fn text(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.body)
    }
    pub(crate) fn has(&self, i: usize, bit: u32) -> bool {
        self.classes.get(i).is_some_and(|c| c & bit != 0)
    }
    pub(crate) fn lower(&self, i: usize) -> &str {
        self.lower.get(i).map_or("", String::as_str)
    }
    /// True when the word at `i` is also written all in lowercase somewhere in the text.
    pub(crate) fn written_lowercase(&self, i: usize) -> bool {
        let lower = self.lower(i);
        self.tokens
            .iter()
            .any(|t| t.text(self.body) == lower && t.start != self.tokens[i].start)
    }
    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_word)
    }
}

/// Finds mention candidates in every sentence (given as token index ranges).
pub fn find_candidates(words: &Words<'_>, sentences: &[(usize, usize)]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (s, &(a, b)) in sentences.iter().enumerate() {
        let title_case = is_title_case_line(words, a, b);
        let mut i = a;
        while i < b {
            if !words.is_word(i) {
                i += 1;
                continue;
            }
            if let Some(next) = crate::roles::role_description(words, i, b, s, &mut out) {
                i = next;
                continue;
            }
            if words.has(i, class::GROUP_HEAD) && (!is_cap(words.text(i)) || i == a) {
                crate::roles::group_mention(words, a, i, s, &mut out);
                i += 1;
                continue;
            }
            if let Some(&(_, g)) = gazetteer::PRONOUNS
                .iter()
                .find(|(p, _)| *p == words.lower(i))
            {
                if !matches!(words.lower(i), "his" | "her") {
                    let t = words.tokens[i];
                    out.push(Candidate {
                        start: t.start,
                        end: t.end,
                        name_start: t.start,
                        form: MentionForm::Pronoun,
                        kind: if g.is_some() {
                            EntityKind::Person
                        } else {
                            EntityKind::Group
                        },
                        gender: g,
                        role: None,
                        definite: true,
                        sentence: s,
                        initial: false,
                    });
                }
                i += 1;
                continue;
            }
            if is_cap(words.text(i)) {
                let mut j = i + 1;
                while j < b && continues_run(words, j, b) {
                    j += 1;
                }
                // "Intelligence officers" at a sentence start is a group, not a name.
                if j == i + 1 && i == a && words.has(j, class::GROUP_HEAD) {
                    i = j;
                    continue;
                }
                for (p, q) in split_run(words, i, j) {
                    capital_run(words, p, q, s, title_case, &mut out);
                }
                i = j;
                continue;
            }
            i += 1;
        }
    }
    out
}

/// True when token `j` extends the capitalised run before it: a capitalised word, the dot
/// of "Mr." and kin, or a particle followed by a capitalised word.
fn continues_run(words: &Words<'_>, j: usize, b: usize) -> bool {
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
    let particle = CONNECTORS.contains(&lower) && j + 1 < b && is_cap(words.text(j + 1));
    // "Farmers’ Union", "Workers' Party": a plural possessive inside an organisation's name.
    let plural_possessive = matches!(w, "’" | "'")
        && words.tokens[j].start == words.tokens[j - 1].end
        && words.lower(j - 1).ends_with('s')
        && j + 1 < b
        && words.is_word(j + 1)
        && is_cap(words.text(j + 1))
        && words.has(j + 1, class::ORG);
    cap_word || title_dot || particle || plural_possessive
}

fn is_title_case_line(words: &Words<'_>, a: usize, b: usize) -> bool {
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
fn split_run(words: &Words<'_>, i: usize, j: usize) -> Vec<(usize, usize)> {
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
    // A run must not start or end with a connector or a dot.
    out.into_iter()
        .filter_map(|(mut p, mut q)| {
            while p < q && (CONNECTORS.contains(&words.lower(p)) || !words.is_word(p)) {
                p += 1;
            }
            while q > p && CONNECTORS.contains(&words.lower(q - 1)) {
                q -= 1;
            }
            (q > p).then_some((p, q))
        })
        .collect()
}

fn capital_run(
    words: &Words<'_>,
    p: usize,
    q: usize,
    s: usize,
    title_case: bool,
    out: &mut Vec<Candidate>,
) {
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
        // description; a lone demonym ("Russian") names nothing.
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
fn plural(lower: &str) -> bool {
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

fn name_candidate(words: &Words<'_>, p: usize, name_from: usize, q: usize, s: usize) -> Candidate {
    let start = words.tokens[p].start;
    let name_start = words.tokens[name_from].start;
    let end = words.tokens[q - 1].end;
    let text = &words.body[name_start..end];
    let lower = text.to_lowercase();
    let single = q - name_from == 1;
    let acronym = single && is_acronym(text);
    let the_before = p == name_from && p > 0 && words.lower(p - 1) == "the";
    let plural_group =
        !single && the_before && plural(words.lower(q - 1)) && !words.has(name_from, class::GIVEN);
    let mut kind = gazetteer::kind_of_name(&lower).unwrap_or(EntityKind::Other);
    if kind == EntityKind::Other {
        if let Some(canon) = gazetteer::canonical_alias(text) {
            kind =
                gazetteer::kind_of_name(&canon.to_lowercase()).unwrap_or(EntityKind::Organization);
        }
    }
    let gender = words
        .has(name_from, class::GIVEN)
        .then(|| gazetteer::given_name_gender(words.lower(name_from)))
        .flatten();
    if kind == EntityKind::Other {
        kind = if (name_from..q).any(|k| words.has(k, class::ORG)) || acronym {
            EntityKind::Organization
        } else if !single
            && gender.is_none()
            && gazetteer::contains(gazetteer::PLACE_HEADS, words.lower(q - 1))
        {
            EntityKind::Place
        } else if !single
            && gender.is_none()
            && gazetteer::contains(gazetteer::THING_HEADS, words.lower(q - 1))
        {
            EntityKind::Other
        } else if plural_group {
            // "the Valley Farmers", "the Young Turks": a plural name after "the" is a group.
            EntityKind::Group
        } else if !single && the_before && gender.is_none() && !words.has(name_from, class::GIVEN) {
            // "the Open Ledger", "the Korvath Herald": people are not named with "the".
            EntityKind::Organization
        } else if gender.is_some()
            || !single
            || matches!(
                words.lower(q),
                "said" | "says" | "told" | "added" | "explained" | "asked" | "insisted" | "warned"
            )
        {
            EntityKind::Person
        } else {
            EntityKind::Other
        };
    }
    // A group's mention keeps its article: "the Valley Farmers".
    let start = if kind == EntityKind::Group && plural_group {
        words.tokens[p - 1].start
    } else {
        start
    };
    Candidate {
        start,
        end,
        name_start,
        form: if acronym && gazetteer::kind_of_name(&lower).is_none() {
            MentionForm::Acronym
        } else {
            MentionForm::Name
        },
        kind,
        gender,
        role: None,
        definite: true,
        sentence: s,
        initial: false,
    }
}
