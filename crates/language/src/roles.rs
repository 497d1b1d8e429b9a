//! Role descriptions ("the Russian leader", "a source") and collective sources ("analysts",
//! "intelligence officers"): mentions without a proper name.

use crate::gazetteer::{self, class};
use crate::mentions::{is_cap, Candidate, Words, DETERMINERS, ROLE_MODIFIERS};
use parallax_core::{EntityKind, MentionForm};

/// "the Russian leader", "a source", "Kremlin spokesman" without a following name.
pub fn role_description(
    words: &Words<'_>,
    i: usize,
    b: usize,
    s: usize,
    out: &mut Vec<Candidate>,
) -> Option<usize> {
    let det = words.lower(i);
    // "Valdoria’s foreign minister": a named possessor works as "the".
    let possessor = matches!(det, "’s" | "'s") && i > 0 && is_cap(words.text(i - 1));
    if !matches!(det, "the" | "a" | "an" | "another" | "one") && !possessor {
        return None;
    }
    let mut k = i + 1;
    let mut head = None;
    while k < b && k <= i + 5 {
        let w = words.lower(k);
        // After a possessor any two lowercase words may modify the role ("fisheries").
        let free = possessor
            && k <= i + 2
            && words.is_word(k)
            && !is_cap(words.text(k))
            && !words.has(k, class::NOT_NAME);
        if words.has(k, class::ROLE_HEAD) && !ROLE_MODIFIERS.contains(&w) {
            head = Some(k);
            // "prime minister", "press secretary": keep a following head word too.
            if k + 1 < b && words.has(k + 1, class::ROLE_HEAD) && !is_cap(words.text(k + 1)) {
                head = Some(k + 1);
            }
            break;
        }
        let modifier = free
            || words.has(k, class::DEMONYM | class::ORG)
            || ROLE_MODIFIERS.contains(&w)
            || (is_cap(words.text(k)) && !words.has(k, class::NOT_NAME));
        if !modifier || !words.is_word(k) {
            return None;
        }
        k += 1;
    }
    let h = head?;
    // "the Ministry of Defense": a name, not a role description.
    if is_cap(words.text(h)) && words.lower(h + 1) == "of" && h + 2 < b && is_cap(words.text(h + 2))
    {
        return None;
    }
    // "the Russian President Vladimir Putin": a title, not a role description.
    if h + 1 < b && is_cap(words.text(h + 1)) && !words.has(h + 1, class::NOT_NAME) {
        return None;
    }
    let lower_head = words.lower(h);
    let kind = match lower_head {
        "presidency" | "ministry" | "government" | "administration" | "army" | "military"
        | "campaign" => EntityKind::Organization,
        _ => EntityKind::Person,
    };
    let from = if possessor { i - 1 } else { i + 1 };
    let role = (from..=h)
        .filter(|&k| words.is_word(k) && !matches!(words.lower(k), "’s" | "'s"))
        .map(|k| words.lower(k))
        .collect::<Vec<_>>()
        .join(" ");
    // The role covers its possessor ("Valdoria’s foreign minister"), which stays a mention
    // of its own too.
    let start = if possessor { i - 1 } else { i };
    out.push(Candidate {
        start: words.tokens[start].start,
        end: words.tokens[h].end,
        name_start: words.tokens[start].start,
        form: MentionForm::Role,
        kind,
        gender: gazetteer::title_gender(lower_head),
        role: Some(role),
        definite: det == "the" || possessor,
        sentence: s,
        initial: false,
        surname_only: false,
    });
    Some(h + 1)
}

/// "analysts", "intelligence officers", "U.S. officials", "some experts".
pub fn group_mention(words: &Words<'_>, a: usize, i: usize, s: usize, out: &mut Vec<Candidate>) {
    let mut k = i;
    while k > a && k + 3 > i {
        let prev = k - 1;
        let w = words.lower(prev);
        let modifier = words.has(prev, class::DEMONYM)
            || ROLE_MODIFIERS.contains(&w)
            || (is_cap(words.text(prev)) && !words.has(prev, class::NOT_NAME))
            || DETERMINERS.contains(&w);
        if !modifier || !words.is_word(prev) {
            break;
        }
        k -= 1;
        if DETERMINERS.contains(&w) {
            break;
        }
    }
    // A capitalised modifier that is itself a mention stays one; the group starts after it
    // only when it is a place ("Syria experts" still names experts).
    let role = (k..=i)
        .map(|j| words.lower(j))
        .collect::<Vec<_>>()
        .join(" ");
    out.push(Candidate {
        start: words.tokens[k].start,
        end: words.tokens[i].end,
        name_start: words.tokens[k].start,
        form: MentionForm::Role,
        kind: EntityKind::Group,
        gender: None,
        role: Some(role),
        definite: words.lower(k) == "the",
        sentence: s,
        initial: false,
        surname_only: false,
    });
}
