//! Within-article coreference: surnames, titles, roles, acronyms and pronouns joined to the
//! entity they refer to.

use crate::anaphora::{link_pronoun, link_role, named_by_role};
use crate::fold::{fold_name, is_latin, skeleton};
use crate::gazetteer::{self, Gender};
use crate::mentions::Candidate;
use parallax_core::{EntityKind, MentionForm};

/// An entity while the article is being read.
#[derive(Clone, Debug)]
pub struct Draft {
    /// Fullest name seen.
    pub name: String,
    /// Its kind.
    pub kind: EntityKind,
    /// Gender, when a name, title or pronoun says.
    pub gender: Option<Gender>,
    /// Folded surname of a person.
    pub surname: Option<String>,
    /// Skeleton of a person's given name.
    pub given: Option<String>,
    /// Canonical alias or folded name of a non-person.
    pub key: Option<String>,
    /// Surface forms, in order of first use.
    pub aliases: Vec<String>,
    /// Lowercase role phrases ("russian president").
    pub roles: Vec<String>,
}

/// A resolved mention as byte range, entity index and form.
pub type Linked = (usize, usize, usize, MentionForm);

/// True for a generational suffix after a name ("Jr.", "Sr", "III").
pub(crate) fn is_name_suffix(word: &str) -> bool {
    matches!(
        word.trim_end_matches(','),
        "Jr." | "Sr." | "Jr" | "Sr" | "II" | "III" | "IV"
    )
}

/// The surname of a person's name: its last word before any generational suffix
/// ("Joseph R. Biden Jr." → "Biden").
pub(crate) fn surname_word(name: &str) -> Option<&str> {
    name.split_whitespace().rev().find(|w| !is_name_suffix(w))
}

pub(crate) fn person_parts(name: &str) -> (Option<String>, Option<String>) {
    let parts: Vec<&str> = name
        .split_whitespace()
        .filter(|p| !is_name_suffix(p))
        .collect();
    match parts.as_slice() {
        [] => (None, None),
        [only] => (Some(fold_name(only)), None),
        [first, .., last] => (Some(fold_name(last)), Some(skeleton(first))),
    }
}

pub(crate) fn compatible_given(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => {
            x == y || (x.len() == 1 || y.len() == 1) && x.chars().next() == y.chars().next()
        }
        _ => true,
    }
}

/// Joins candidates into entities; returns the entities and the linked mentions in body order.
pub fn resolve(body: &str, candidates: &[Candidate]) -> (Vec<Draft>, Vec<Linked>) {
    let mut drafts: Vec<Draft> = Vec::new();
    let name_of = |c: &Candidate| body.get(c.name_start..c.end).unwrap_or("").to_string();
    // Pass 1: full person names (two words or more) found anywhere fix who the surnames are.
    for c in candidates {
        let name = name_of(c);
        if c.kind == EntityKind::Person
            && c.form == MentionForm::Name
            && name.split_whitespace().count() >= 2
        {
            let (surname, given) = person_parts(&name);
            let found = drafts.iter().position(|d| {
                d.kind == EntityKind::Person
                    && d.surname == surname
                    && compatible_given(&d.given, &given)
            });
            match found {
                Some(i) => {
                    let d = &mut drafts[i];
                    if d.given.is_none() {
                        d.given = given;
                    }
                    let rank = |n: &str| (is_latin(n), n.chars().count());
                    if rank(&name) > rank(&d.name) {
                        d.name = name;
                    }
                }
                None => drafts.push(Draft {
                    name,
                    kind: EntityKind::Person,
                    gender: c.gender,
                    surname,
                    given,
                    key: None,
                    aliases: Vec::new(),
                    roles: Vec::new(),
                }),
            }
        }
    }
    // Pass 2: every candidate in body order.
    let mut linked: Vec<Linked> = Vec::new();
    for (ci, c) in candidates.iter().enumerate() {
        let surface = body.get(c.start..c.end).unwrap_or("").to_string();
        let entity = match c.form {
            // "King said" after "Billy King": the person of that surname, else nobody.
            _ if c.surname_only => {
                let (surname, _) = person_parts(&name_of(c));
                // A person named by a given name and this surname, not a run of titles,
                // places and modifiers ("Los Angeles County Sheriff", "Assistant Coach").
                let named = |d: &Draft| match d.name.split_whitespace().collect::<Vec<_>>()[..] {
                    [first, _] => {
                        let lower = first.to_lowercase();
                        let class = crate::gazetteer::word_class(&lower);
                        use crate::gazetteer::class::{DEMONYM, NOT_NAME, ORG, PLACE, TITLE};
                        class & (PLACE | DEMONYM | TITLE | ORG | NOT_NAME) == 0
                            && !crate::mentions::ROLE_MODIFIERS.contains(&lower.as_str())
                            && !matches!(lower.as_str(), "assistant" | "acting" | "interim")
                            && !lower.ends_with("ing")
                    }
                    _ => false,
                };
                drafts.iter().position(|d| {
                    d.kind == EntityKind::Person
                        && d.given.is_some()
                        && d.surname == surname
                        && named(d)
                })
            }
            MentionForm::Name | MentionForm::Acronym if named_by_role(body, candidates, ci) => {
                let person = Candidate {
                    kind: EntityKind::Person,
                    ..c.clone()
                };
                Some(link_name(&person, &name_of(c), &mut drafts))
            }
            MentionForm::Name | MentionForm::Acronym => {
                Some(link_name(c, &name_of(c), &mut drafts))
            }
            MentionForm::Role => link_role(body, c, ci, candidates, &linked, &mut drafts),
            MentionForm::Pronoun => link_pronoun(body, c, &linked, &mut drafts),
        };
        let Some(e) = entity else { continue };
        let d = &mut drafts[e];
        if d.gender.is_none() {
            d.gender = c.gender;
        }
        if let Some(role) = c.role.as_ref().filter(|_| !hypothetical(body, c)) {
            if !d.roles.contains(role) {
                d.roles.push(role.clone());
            }
        }
        if c.form != MentionForm::Pronoun && !d.aliases.contains(&surface) {
            d.aliases.push(surface);
        }
        linked.push((c.start, c.end, e, c.form));
    }
    // A one-word name of unknown kind seen only at sentence starts is likely a common word
    // ("World powers met"): drop it.
    let mut keep = vec![false; drafts.len()];
    for (ci, c) in candidates.iter().enumerate() {
        let _ = ci;
        if !c.initial {
            if let Some(l) = linked.iter().find(|l| l.0 == c.start && l.1 == c.end) {
                keep[l.2] = true;
            }
        }
    }
    let dropped: Vec<bool> = drafts
        .iter()
        .enumerate()
        .map(|(i, d)| d.kind == EntityKind::Other && !keep[i])
        .collect();
    if dropped.iter().any(|&d| d) {
        let mut remap = vec![usize::MAX; drafts.len()];
        let mut kept = Vec::new();
        for (i, d) in drafts.into_iter().enumerate() {
            if !dropped[i] {
                remap[i] = kept.len();
                kept.push(d);
            }
        }
        drafts = kept;
        linked = linked
            .into_iter()
            .filter(|l| remap[l.2] != usize::MAX)
            .map(|(s, e, x, f)| (s, e, remap[x], f))
            .collect();
    }
    (drafts, linked)
}

/// True for a word in capitals longer than most acronyms ("TESSALY", "DRENN").
/// "a President Irving would …": a title after an indefinite article is what the person
/// might become, not a role that "the president" can later refer to.
fn hypothetical(body: &str, c: &Candidate) -> bool {
    c.form == MentionForm::Name
        && body
            .get(..c.start)
            .and_then(|before| before.split_whitespace().next_back())
            .is_some_and(|w| matches!(w, "a" | "an" | "A" | "An"))
}

fn is_shouted(name: &str) -> bool {
    name.chars().count() >= 5 && name.chars().all(|c| c.is_uppercase())
}

pub(crate) fn link_name(c: &Candidate, name: &str, drafts: &mut Vec<Draft>) -> usize {
    if let Some(canon) = gazetteer::canonical_alias(name) {
        let key = Some(format!("alias:{canon}"));
        if let Some(i) = drafts.iter().position(|d| d.key == key) {
            return i;
        }
        let kind = gazetteer::kind_of_name(&canon.to_lowercase()).unwrap_or(
            if c.kind == EntityKind::Other {
                EntityKind::Organization
            } else {
                c.kind
            },
        );
        drafts.push(Draft {
            name: canon.to_string(),
            kind,
            gender: None,
            surname: None,
            given: None,
            key,
            aliases: Vec::new(),
            roles: Vec::new(),
        });
        return drafts.len() - 1;
    }
    let words = name.split_whitespace().count();
    let (surname, given) = person_parts(name);
    if c.kind == EntityKind::Person || c.kind == EntityKind::Other {
        // A lone word that is the surname of a person named in full is that person.
        let found = drafts.iter().position(|d| {
            d.kind == EntityKind::Person
                && d.surname.is_some()
                && d.surname == surname
                && (words > 1 || d.given.is_some() || c.kind == EntityKind::Person)
                && compatible_given(&d.given, &given)
        });
        if let Some(i) = found {
            return i;
        }
    }
    let key = Some(fold_name(name));
    if let Some(i) = drafts
        .iter()
        .position(|d| d.key == key && d.kind != EntityKind::Person)
    {
        // "TESSALY, March 11" in a dateline, then "Tessaly": the name is the mixed-case one.
        if is_shouted(&drafts[i].name) && !is_shouted(name) {
            let d = &mut drafts[i];
            d.name = name.to_string();
            if d.kind == EntityKind::Organization && c.kind != EntityKind::Organization {
                d.kind = c.kind;
            }
        }
        // "Assad" first seen bare, then as "Syrian President Assad": a person after all.
        if c.kind == EntityKind::Person && drafts[i].kind == EntityKind::Other {
            let d = &mut drafts[i];
            d.kind = EntityKind::Person;
            d.surname = surname;
            d.given = given;
            d.key = None;
            d.gender = d.gender.or(c.gender);
        }
        return i;
    }
    if c.kind == EntityKind::Person {
        drafts.push(Draft {
            name: name.to_string(),
            kind: c.kind,
            gender: c.gender,
            surname,
            given,
            key: None,
            aliases: Vec::new(),
            roles: Vec::new(),
        });
    } else {
        drafts.push(Draft {
            name: name.to_string(),
            kind: c.kind,
            gender: None,
            surname: None,
            given: None,
            key,
            aliases: Vec::new(),
            roles: Vec::new(),
        });
    }
    drafts.len() - 1
}
