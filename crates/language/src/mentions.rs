//! Finding entity mentions: capitalised runs split into titles and names, role
//! descriptions ("the Russian leader"), collective sources ("analysts") and pronouns.

use crate::gazetteer::{self, class, word_class, Gender};
use crate::names::{capital_run, continues_run, is_title_case_line, split_run};
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
    /// A lone title word ("King said") kept only if it is the surname of a person the
    /// article names in full ("Billy King").
    pub surname_only: bool,
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

/// Per-token lowercase text and class bits, computed once.
pub struct Words<'a> {
    pub(crate) body: &'a str,
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
    pub(crate) fn sentence_start(&self, s: usize) -> usize {
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
                        surname_only: false,
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
                let before = out.len();
                for (p, q) in split_run(words, i, j) {
                    capital_run(words, p, q, s, title_case, &mut out);
                }
                // "Jim Tallow of PBS" yields PBS first; keep the text's order.
                out[before..].sort_by_key(|c| c.start);
                i = j;
                continue;
            }
            i += 1;
        }
    }
    out
}
