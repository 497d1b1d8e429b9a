//! Cross-article resolution: one corpus entity per person, organisation, place or group,
//! whatever spelling each outlet used.

use crate::coref::surname_word;
use crate::fold::{fold_name, is_latin, skeleton};
use crate::gazetteer;
use parallax_core::{Article, Entity, EntityId, EntityKind, EntityTable, LocalEntityId, Mentions};
use std::collections::{HashMap, HashSet};

/// How a local entity is matched across articles.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    /// A named person: folded surname; the given-name skeleton is matched separately.
    Person(String),
    /// Anything with a stable name: canonical alias or folded name, with its kind.
    Named(EntityKind, String),
    /// An anonymous source or unresolved role: never merged with another article's.
    Unique(usize, u32),
}

fn is_role_only(name: &str) -> bool {
    let first_lower = name.chars().next().is_some_and(char::is_lowercase);
    let last = name.split_whitespace().last().unwrap_or("").to_lowercase();
    first_lower
        || (gazetteer::contains(gazetteer::ROLE_HEADS, &last)
            || gazetteer::contains(gazetteer::GROUP_HEADS, &last))
            && !given_and_surname(name)
}

/// "Billy King", "Janice Leader": a known given name, or a plain capitalised word, before a
/// capitalised surname that happens to be a role word ("Kremlin spokesman", "General
/// Manager" and "Russian President" stay roles).
fn given_and_surname(name: &str) -> bool {
    use gazetteer::class;
    let words: Vec<&str> = name.split_whitespace().collect();
    let [first, .., last] = words[..] else {
        return false;
    };
    let lower = first.to_lowercase();
    let first_class = gazetteer::word_class(&lower);
    let plain = first_class
        & (class::TITLE
            | class::DEMONYM
            | class::PLACE
            | class::ORG
            | class::ROLE_HEAD
            | class::NOT_NAME)
        == 0
        && !crate::mentions::ROLE_MODIFIERS.contains(&lower.as_str());
    last.starts_with(char::is_uppercase)
        && first.starts_with(char::is_uppercase)
        && (first_class & class::GIVEN != 0 || plain && words.len() == 2)
}

/// One local entity of one article, waiting for its corpus entity.
struct Member {
    article: usize,
    local: LocalEntityId,
    given: Option<String>,
}

/// Resolves every article's entities into one corpus-wide table.
pub fn resolve_entities(articles: &[Article], mentions: &[Mentions]) -> EntityTable {
    // Surnames that name a person somewhere, so lone "Obama" of kind Other can join them.
    let mut person_surnames: HashMap<String, ()> = HashMap::new();
    for m in mentions {
        for e in &m.entities {
            if e.kind == EntityKind::Person && !is_role_only(&e.name) {
                if let Some(last) = surname_word(&e.name) {
                    person_surnames.insert(fold_name(last), ());
                }
            }
        }
    }
    let mut groups: Vec<(Key, Vec<Member>)> = Vec::new();
    let mut index: HashMap<Key, usize> = HashMap::new();
    for (ai, m) in mentions.iter().enumerate() {
        for e in &m.entities {
            let words: Vec<&str> = e.name.split_whitespace().collect();
            let folded_last = surname_word(&e.name).map(fold_name).unwrap_or_default();
            let key = if is_role_only(&e.name) && e.kind != EntityKind::Place {
                if e.kind == EntityKind::Organization {
                    Key::Named(e.kind, fold_name(&e.name))
                } else {
                    Key::Unique(ai, e.id.0)
                }
            } else if e.kind == EntityKind::Person
                || (e.kind == EntityKind::Other
                    && words.len() == 1
                    && person_surnames.contains_key(&folded_last))
            {
                Key::Person(folded_last)
            } else {
                let canon = gazetteer::canonical_alias(&e.name)
                    .map_or_else(|| fold_name(&e.name), |c| c.to_lowercase());
                let kind = if e.kind == EntityKind::Other {
                    EntityKind::Other
                } else {
                    e.kind
                };
                Key::Named(kind, canon)
            };
            let given =
                (words.len() >= 2 && matches!(key, Key::Person(_))).then(|| skeleton(words[0]));
            let gi = *index.entry(key.clone()).or_insert_with(|| {
                groups.push((key, Vec::new()));
                groups.len() - 1
            });
            groups[gi].1.push(Member {
                article: ai,
                local: e.id,
                given,
            });
        }
    }
    let mut table = EntityTable::default();
    let mut all_clusters: Vec<Vec<&Member>> = Vec::new();
    let mut roles: Vec<&Member> = Vec::new();
    for (key, members) in &groups {
        if matches!(key, Key::Unique(..)) {
            roles.extend(members.iter());
            continue;
        }
        // Split a surname group by given name; members without one join the largest.
        let mut clusters: Vec<(Option<String>, Vec<&Member>)> = Vec::new();
        for m in members {
            if let Some(g) = &m.given {
                match clusters.iter_mut().find(|(cg, _)| cg.as_ref() == Some(g)) {
                    Some(c) => c.1.push(m),
                    None => clusters.push((Some(g.clone()), vec![m])),
                }
            }
        }
        let bare: Vec<&Member> = members.iter().filter(|m| m.given.is_none()).collect();
        if clusters.is_empty() {
            clusters.push((None, bare));
        } else if !bare.is_empty() {
            let largest = (0..clusters.len())
                .max_by_key(|&i| (clusters[i].1.len(), usize::MAX - i))
                .unwrap_or(0);
            clusters[largest].1.extend(bare);
        }
        all_clusters.extend(clusters.into_iter().map(|(_, c)| c));
    }
    // "the Russian leader" left unresolved in its article joins the person that other
    // articles call "Russian President X"; anonymous sources stay on their own.
    for m in roles {
        let target = mentions[m.article]
            .entity(m.local)
            .and_then(|e| role_owner(e, &all_clusters, mentions));
        match target {
            Some(i) => all_clusters[i].push(m),
            None => all_clusters.push(vec![m]),
        }
    }
    merge_acronyms(&mut all_clusters, mentions);
    for cluster in all_clusters {
        {
            let id = EntityId(table.entities.len() as u32);
            let mut name = String::new();
            let mut name_rank = (false, false, false, 0, 0, 0);
            let mut kinds: HashMap<EntityKind, usize> = HashMap::new();
            let mut full_person = false;
            let mut aliases: Vec<String> = Vec::new();
            let mut uses: HashMap<&str, usize> = HashMap::new();
            for m in &cluster {
                if let Some(e) = mentions[m.article].entity(m.local) {
                    *uses.entry(e.name.as_str()).or_default() += 1;
                }
            }
            for m in &cluster {
                let Some(e) = mentions[m.article].entity(m.local) else {
                    continue;
                };
                // Proper names win over role descriptions ("Vladimir Putin", not
                // "Russian President"), Latin script over others, full names over
                // acronyms and surnames; then the spelling most articles use; then the longest.
                let rank = (
                    !is_role_only(&e.name),
                    is_latin(&e.name),
                    acronym_of(&e.name).is_none(),
                    e.name.split_whitespace().count(),
                    uses.get(e.name.as_str()).copied().unwrap_or(0),
                    e.name.chars().count(),
                );
                if rank > name_rank {
                    name_rank = rank;
                    name = e.name.clone();
                }
                *kinds.entry(e.kind).or_default() += 1;
                full_person |= e.kind == EntityKind::Person && named_person(e);
                for a in std::iter::once(&e.name).chain(&e.aliases) {
                    if !aliases.contains(a) && aliases.len() < 40 {
                        aliases.push(a.clone());
                    }
                }
                table.resolved.insert((articles[m.article].id, m.local), id);
            }
            // Beside a person named as one, Other is no evidence: "Bush" in "the Bush
            // administration" votes for nothing where articles say President George W. Bush.
            if full_person {
                kinds.remove(&EntityKind::Other);
            }
            let kind = [
                EntityKind::Person,
                EntityKind::Organization,
                EntityKind::Place,
                EntityKind::Group,
                EntityKind::Other,
            ]
            .into_iter()
            .max_by_key(|k| {
                (
                    kinds.get(k).copied().unwrap_or(0),
                    matches!(k, EntityKind::Person),
                )
            })
            .unwrap_or(EntityKind::Other);
            table.entities.push(Entity {
                id,
                name,
                kind,
                aliases,
            });
        }
    }
    table
}

/// The cluster of named people whose aliases carry the role an unresolved role entity names
/// ("Russian President" in "Russian President Vladimir Putin"), when exactly one does.
fn role_owner(
    role: &parallax_core::LocalEntity,
    clusters: &[Vec<&Member>],
    mentions: &[Mentions],
) -> Option<usize> {
    if role.kind != EntityKind::Person {
        return None;
    }
    let lower = role.name.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let (head, mods) = words.split_last()?;
    // A bare "the spokesman" could be anyone's; require a modifier ("Russian", "Kremlin").
    if mods.is_empty()
        || !mods.iter().all(|m| {
            gazetteer::contains(gazetteer::DEMONYMS, m)
                || gazetteer::contains(gazetteer::ORG_WORDS, m)
                || gazetteer::demonym_shaped(m)
        })
    {
        return None;
    }
    let prefix = mods.join(" ");
    let heads: &[&str] = if *head == "leader" {
        &[
            "president",
            "prime minister",
            "premier",
            "leader",
            "king",
            "chancellor",
        ]
    } else {
        std::slice::from_ref(head)
    };
    let titles: Vec<String> = heads.iter().map(|h| format!("{prefix} {h} ")).collect();
    let mut owners = Vec::new();
    for (i, cluster) in clusters.iter().enumerate() {
        let holds = cluster.iter().any(|m| {
            mentions[m.article].entity(m.local).is_some_and(|e| {
                e.kind == EntityKind::Person
                    && e.aliases.iter().any(|a| {
                        let a = a.to_lowercase();
                        titles.iter().any(|t| a.starts_with(t.as_str()))
                    })
            })
        });
        if holds {
            owners.push(i);
        }
    }
    (owners.len() == 1).then(|| owners[0])
}

/// The letters of an acronym ("GSFB", "U.N."), when `name` is one.
fn acronym_of(name: &str) -> Option<String> {
    let letters: String = name.chars().filter(|c| *c != '.').collect();
    (letters.chars().count() >= 2 && letters.chars().all(|c| c.is_uppercase())).then_some(letters)
}

/// Upper-case initials of the words of a multi-word name, particles skipped:
/// "Ostrel Valley Farmers’ Union" → "OVFU".
fn initials(name: &str) -> Option<String> {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .filter(|w| !matches!(*w, "of" | "for" | "the" | "and" | "&" | "de" | "on" | "in"))
        .collect();
    if words.len() < 2 {
        return None;
    }
    words
        .iter()
        .map(|w| {
            w.chars()
                .next()
                .filter(|c| c.is_uppercase())
                .map(|c| c.to_uppercase().to_string())
        })
        .collect()
}

/// True when the words of `short` run, in order and next to each other, inside the longer
/// `name` (both folded).
fn contains_words(name: &str, short: &str) -> bool {
    name.len() > short.len() && format!(" {name} ").contains(&format!(" {short} "))
}

/// Whether clusters `a` and `b` are talked about in the same company: some article names
/// both, or their articles share two other entities. Initials alone are weak across a
/// corpus ("BBC" is not "Banstead Baptist Church", "VP" not "Vancouver Police").
/// `in_article` lists the clusters each article names.
fn same_context(
    clusters: &[Vec<&Member>],
    in_article: &HashMap<usize, Vec<usize>>,
    a: usize,
    b: usize,
) -> bool {
    let company = |c: usize| -> HashSet<usize> {
        clusters[c]
            .iter()
            .flat_map(|m| in_article.get(&m.article).into_iter().flatten().copied())
            .collect()
    };
    let (ca, cb) = (company(a), company(b));
    // Naming both in one article puts each in the other's company.
    ca.contains(&b) || ca.intersection(&cb).filter(|&&c| c != a && c != b).count() >= 2
}

/// Joins a cluster known only by an acronym ("GSFB") to the one organisation in the corpus
/// whose name those are the initials of ("Grey Sound Fisheries Board") when some article
/// uses both, whether or not every article that uses the acronym spells the name out; and
/// a short name to the one organisation whose name holds it.
fn merge_acronyms(clusters: &mut Vec<Vec<&Member>>, mentions: &[Mentions]) {
    let entity = |m: &Member| mentions[m.article].entity(m.local);
    let acronyms: Vec<Option<String>> = clusters
        .iter()
        .map(|c| {
            let mut letters = None;
            for m in c {
                let e = entity(m)?;
                let a = acronym_of(&e.name)?;
                if letters.get_or_insert_with(|| a.clone()) != &a {
                    return None;
                }
            }
            letters
        })
        .collect();
    // "Valley Farmers" for "Ostrel Valley Farmers’ Union": a short name without an
    // organisation word, all of whose words run inside one organisation's longer name.
    let short_names: Vec<Option<String>> = clusters
        .iter()
        .map(|c| {
            let e = entity(c.first()?)?;
            let folded = fold_name(&e.name);
            let words: Vec<&str> = folded.split(' ').collect();
            // Each word a capitalised one and no nationality ("Police officers",
            // "African-American" are no short names; "Wal-Mart" is).
            let name_words = e.name.split([' ', '-']).filter(|w| !w.is_empty());
            let ok = words.len() >= 2
                && name_words.clone().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && !gazetteer::demonym_shaped(&w.to_lowercase())
                })
                && matches!(e.kind, EntityKind::Group | EntityKind::Other)
                && !gazetteer::contains(gazetteer::ORG_WORDS, words[words.len() - 1])
                && c.iter()
                    .all(|m| entity(m).is_some_and(|x| fold_name(&x.name) == folded));
            ok.then_some(folded)
        })
        .collect();
    let mut in_article: HashMap<usize, Vec<usize>> = HashMap::new();
    for (c, members) in clusters.iter().enumerate() {
        for m in members {
            let named = in_article.entry(m.article).or_default();
            if named.last() != Some(&c) {
                named.push(c);
            }
        }
    }
    let mut into: Vec<Option<usize>> = vec![None; clusters.len()];
    for i in 0..clusters.len() {
        if acronyms[i].is_none() && short_names[i].is_none() {
            continue;
        }
        let owners: Vec<usize> = (0..clusters.len())
            .filter(|&j| j != i && acronyms[j].is_none())
            .filter(|&j| {
                clusters[j].iter().any(|m| {
                    entity(m).is_some_and(|e| {
                        let org = matches!(
                            e.kind,
                            EntityKind::Organization | EntityKind::Group | EntityKind::Other
                        );
                        match (&acronyms[i], &short_names[i]) {
                            (Some(a), _) => org && initials(&e.name).as_deref() == Some(a.as_str()),
                            (None, Some(short)) => {
                                e.kind == EntityKind::Organization
                                    && contains_words(&fold_name(&e.name), short)
                            }
                            _ => false,
                        }
                    })
                })
            })
            .collect();
        if let [owner] = owners[..] {
            if acronyms[i].is_none() || same_context(clusters, &in_article, i, owner) {
                into[i] = Some(owner);
            }
        }
    }
    for i in 0..clusters.len() {
        if let Some(owner) = into[i] {
            let moved = std::mem::take(&mut clusters[i]);
            clusters[owner].extend(moved);
        }
    }
    clusters.retain(|c| !c.is_empty());
}

/// A person's name with evidence beyond its shape: a known given name first, or a title
/// before it in some mention ("President George W. Bush", "Judge Halvorsen").
fn named_person(e: &parallax_core::LocalEntity) -> bool {
    let first = e
        .name
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let titled = e.aliases.iter().any(|a| {
        a.len() > e.name.len()
            && a.ends_with(e.name.split_whitespace().last().unwrap_or(""))
            && a.split_whitespace().next().is_some_and(|w| {
                gazetteer::word_class(w.to_lowercase().trim_end_matches('.'))
                    & gazetteer::class::TITLE
                    != 0
            })
    });
    !is_role_only(&e.name) && (gazetteer::given_name_gender(&first).is_some() || titled)
}
