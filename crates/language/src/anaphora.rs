//! Anaphora inside one article: role descriptions ("the Russian leader") and pronouns
//! joined back to the entity they stand for.

use crate::coref::{compatible_given, link_name, person_parts, Draft, Linked};
use crate::mentions::Candidate;
use parallax_core::{EntityKind, MentionForm};

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

pub(crate) fn link_role(
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
    let in_organisation = heads_an_organisation(body, c, &candidates[ci + 1..]);
    if c.kind != EntityKind::Group && !in_organisation {
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
    if c.definite && !in_organisation {
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

/// "the president of the Drenn Association of Economists": a role held in a named
/// organisation is not the head of state or the other president named before it
/// ("the president of Russia", a place, still is).
fn heads_an_organisation(body: &str, c: &Candidate, after: &[Candidate]) -> bool {
    let Some(next) = after.first() else {
        return false;
    };
    let gap = body.get(c.end..next.start).unwrap_or("x");
    next.kind == EntityKind::Organization
        && matches!(
            gap,
            " of " | " of the " | " at " | " at the " | " for " | " for the "
        )
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
pub(crate) fn named_by_role(body: &str, candidates: &[Candidate], i: usize) -> bool {
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

pub(crate) fn link_pronoun(
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
