//! Within-article coreference: surnames, titles, roles, acronyms and pronouns joined to the
//! entity they refer to.

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

/// Words that head a role and may stand for a head of state or government.
const LEADER_HEADS: &[&str] = &[
    "president",
    "prime minister",
    "premier",
    "king",
    "chancellor",
    "leader",
    "head",
    "emir",
    "dictator",
    "strongman",
];

fn person_parts(name: &str) -> (Option<String>, Option<String>) {
    let parts: Vec<&str> = name
        .split_whitespace()
        .filter(|p| !matches!(*p, "Jr." | "Sr." | "Jr" | "II" | "III"))
        .collect();
    match parts.as_slice() {
        [] => (None, None),
        [only] => (Some(fold_name(only)), None),
        [first, .., last] => (Some(fold_name(last)), Some(skeleton(first))),
    }
}

fn compatible_given(a: &Option<String>, b: &Option<String>) -> bool {
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
        if let Some(role) = &c.role {
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
fn is_shouted(name: &str) -> bool {
    name.chars().count() >= 5 && name.chars().all(|c| c.is_uppercase())
}

fn link_name(c: &Candidate, name: &str, drafts: &mut Vec<Draft>) -> usize {
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

fn role_words(role: &str) -> (Vec<&str>, &str) {
    let words: Vec<&str> = role.split_whitespace().collect();
    let head = words.last().copied().unwrap_or("");
    (words[..words.len().saturating_sub(1)].to_vec(), head)
}

fn heads_match(a: &str, b: &str) -> bool {
    a == b
        || a == "leader" && LEADER_HEADS.iter().any(|h| b.ends_with(h))
        || b == "leader" && LEADER_HEADS.iter().any(|h| a.ends_with(h))
}

fn link_role(
    body: &str,
    c: &Candidate,
    ci: usize,
    candidates: &[Candidate],
    linked: &[Linked],
    drafts: &mut Vec<Draft>,
) -> Option<usize> {
    let role = c.role.clone().unwrap_or_default();
    // Apposition: "Stephen Sackur, the Hardtalk host," and "Anna B., a researcher at ...".
    // (A possessor inside the role, "Lindmark’s special envoy", is not the name before it.)
    let before = candidates[..ci].iter().rposition(|p| p.start < c.start);
    if let Some(prev) = before.and_then(|p| candidates.get(p)) {
        let gap = body.get(prev.end..c.start).unwrap_or("x");
        if gap.trim() == ","
            && prev.kind == EntityKind::Person
            && prev.form == MentionForm::Name
            && c.kind != EntityKind::Group
        {
            if let Some(&(_, _, e, _)) = linked.iter().rev().find(|l| l.0 == prev.start) {
                return Some(e);
            }
        }
    }
    // Apposition with the name after: "The Merovian envoy, Yulia Marek, hit back".
    // "Lindmark’s special envoy for the Ostrel basin, Helena Brask,": a short phrase with
    // a preposition may sit between them.
    let next = candidates[ci + 1..]
        .iter()
        .take(4)
        .find(|n| n.kind == EntityKind::Person && n.form != MentionForm::Pronoun);
    if let Some(next) = next {
        let gap = body.get(c.end..next.start).unwrap_or("x").trim();
        let next_name = body.get(next.name_start..next.end).unwrap_or("");
        let phrase = gap.strip_suffix(',').map(str::trim_end).unwrap_or("x");
        let short_phrase = phrase.is_empty()
            || (["for ", "of ", "to ", "at ", "in "]
                .iter()
                .any(|p| phrase.starts_with(p))
                && phrase.split_whitespace().count() <= 6
                && !phrase.contains([',', '.', ';', '“', '"']));
        if short_phrase
            && c.definite
            && c.kind == EntityKind::Person
            && next.kind == EntityKind::Person
            && next.form == MentionForm::Name
            && next_name.split_whitespace().count() >= 2
        {
            let (surname, given) = person_parts(next_name);
            if let Some(i) = drafts.iter().position(|d| {
                d.kind == EntityKind::Person
                    && d.surname == surname
                    && compatible_given(&d.given, &given)
            }) {
                return Some(i);
            }
        }
    }
    // "Valdoria’s foreign minister, Ostrakov,": a lone surname after the role is that person.
    if named_by_role(body, candidates, ci + 1) {
        if let Some(next) = candidates.get(ci + 1) {
            let person = Candidate {
                kind: EntityKind::Person,
                ..next.clone()
            };
            let name = body.get(next.name_start..next.end).unwrap_or("");
            return Some(link_name(&person, name, drafts));
        }
    }
    let (mods, head) = role_words(&role);
    let mods: Vec<&str> = mods
        .into_iter()
        .filter(|m| !matches!(*m, "the" | "a" | "an" | "another" | "former"))
        .collect();
    if c.kind != EntityKind::Group {
        // The most recently mentioned person whose role has the same head and modifiers.
        for &(_, _, e, _) in linked.iter().rev() {
            let d = &drafts[e];
            if d.kind != EntityKind::Person || d.surname.is_none() {
                continue;
            }
            let fits = d.roles.iter().any(|r| {
                let (rm, rh) = role_words(r);
                heads_match(head, rh) && mods.iter().all(|m| rm.contains(m) || r.contains(m))
            });
            if fits && c.definite {
                return Some(e);
            }
        }
    }
    // "the source" again is the earlier "a source"; "another source" is a new one.
    if c.definite {
        if let Some(&(_, _, e, _)) = linked.iter().rev().find(|l| {
            let d = &drafts[l.2];
            d.surname.is_none()
                && d.key.is_none()
                && d.roles.iter().any(|r| {
                    role_words(r).1 == head
                        && (*r == role || !role.contains(' '))
                        && (c.kind == EntityKind::Group) == (d.kind == EntityKind::Group)
                })
        }) {
            return Some(e);
        }
    }
    let name = body.get(c.start..c.end).unwrap_or("").to_string();
    let name = name
        .strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .map(str::to_string)
        .unwrap_or(name);
    drafts.push(Draft {
        name,
        kind: c.kind,
        gender: c.gender,
        surname: None,
        given: None,
        key: None,
        aliases: Vec::new(),
        roles: Vec::new(),
    });
    Some(drafts.len() - 1)
}

/// True when a reporting verb follows byte `end` ("Peskov said", "he added").
fn speaks_after(body: &str, end: usize) -> bool {
    let rest = body.get(end..).unwrap_or("").trim_start();
    let rest = rest.strip_prefix("also ").unwrap_or(rest);
    [
        "said",
        "says",
        "told",
        "added",
        "explained",
        "insisted",
        "warned",
        "asked",
        "noted",
        "stressed",
    ]
    .iter()
    .any(|v| rest.starts_with(v) && !rest[v.len()..].starts_with(char::is_alphabetic))
}

/// True when candidate `i` is a lone capitalised word of unknown kind right after a definite
/// person role and a comma, and closed by a comma or the end of the sentence
/// ("Valdoria’s foreign minister, Ostrakov, has…").
fn named_by_role(body: &str, candidates: &[Candidate], i: usize) -> bool {
    let (Some(c), Some(role)) = (
        candidates.get(i),
        i.checked_sub(1).and_then(|p| candidates.get(p)),
    ) else {
        return false;
    };
    let name = body.get(c.name_start..c.end).unwrap_or("");
    let after = body.get(c.end..).unwrap_or("").trim_start();
    role.form == MentionForm::Role
        && role.definite
        && role.kind == EntityKind::Person
        && c.form == MentionForm::Name
        && c.kind == EntityKind::Other
        && !name.contains(' ')
        && body.get(role.end..c.start).is_some_and(|g| g.trim() == ",")
        && (after.starts_with(',') || after.starts_with('.'))
}

/// True when the mention at byte `start` is the subject that opens its sentence: at most
/// two words ("Pensioner", "The envoy") and no comma before it since the sentence began.
pub(crate) fn opens_sentence(body: &str, start: usize) -> bool {
    let before = body.get(..start).unwrap_or("");
    let from = before
        .rfind(['\n', '.', '!', '?', '”', '"'])
        .map_or(0, |i| i + 1);
    let prefix = before.get(from..).unwrap_or("").trim();
    prefix.split_whitespace().count() <= 2 && !prefix.contains([',', '“', '‘'])
}

fn link_pronoun(
    body: &str,
    c: &Candidate,
    linked: &[Linked],
    drafts: &mut [Draft],
) -> Option<usize> {
    // "…, he added": the subject of a reporting verb is most likely the last speaker, not
    // the last person named.
    if c.gender.is_some() && speaks_after(body, c.end) {
        let added = body
            .get(c.end..)
            .unwrap_or("")
            .trim_start()
            .starts_with("add");
        let mut most_recent = true;
        for &(start, end, e, form) in linked.iter().rev().take(30) {
            let d = &drafts[e];
            let compatible = form != MentionForm::Pronoun
                && d.kind == EntityKind::Person
                && d.gender.is_none_or(|dg| Some(dg) == c.gender);
            let first = most_recent;
            most_recent = most_recent && !compatible;
            // "Pensioner Ada Wirth, 81, was carried out. / “…,” she said.": a person who
            // opens a later paragraph as its subject takes the floor (but "he added" goes on).
            if first
                && compatible
                && !added
                && opens_sentence(body, start)
                && linked.iter().any(|l| {
                    l.2 != e
                        && l.3 != MentionForm::Pronoun
                        && l.1 < start
                        && speaks_after(body, l.1)
                        && body.get(l.1..start).is_some_and(|gap| gap.contains('\n'))
                })
            {
                return Some(e);
            }
            if compatible && speaks_after(body, end) {
                if let Some(g) = c.gender {
                    drafts[e].gender.get_or_insert(g);
                }
                return Some(e);
            }
        }
    }
    for &(_, _, e, form) in linked.iter().rev().take(40) {
        let d = &drafts[e];
        let ok = match c.gender {
            Some(g) => {
                d.kind == EntityKind::Person
                    && d.gender.is_none_or(|dg| dg == g)
                    && form != MentionForm::Pronoun
                    || (form == MentionForm::Pronoun
                        && d.kind == EntityKind::Person
                        && d.gender == Some(g))
            }
            None => {
                matches!(d.kind, EntityKind::Group | EntityKind::Organization)
                    && form != MentionForm::Pronoun
            }
        };
        if ok {
            if let Some(g) = c.gender {
                drafts[e].gender.get_or_insert(g);
            }
            return Some(e);
        }
    }
    None
}
