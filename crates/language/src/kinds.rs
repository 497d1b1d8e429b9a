//! What kind of thing a capitalised name is (person, organisation, place, group or other)
//! when no gazetteer knows it: read from its words, its shape and what stands around it.

use crate::gazetteer::{self, class};
use crate::mentions::{Candidate, Words};
use crate::names::{is_acronym, plural};
use parallax_core::{EntityKind, MentionForm};

/// The candidate for the name in tokens `name_from..q` of the run starting at `p`, in
/// sentence `s`, with its kind guessed.
pub(crate) fn name_candidate(
    words: &Words<'_>,
    p: usize,
    name_from: usize,
    q: usize,
    s: usize,
) -> Candidate {
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
    // “Happy Feet”, “Van Helsing.”: a name that is the whole quotation is a title of a work.
    let quoted_title = p > 0 && matches!(words.lower(p - 1), "“" | "\"") && {
        let mut k = q;
        while matches!(words.lower(k), "." | "," | "!" | "?") {
            k += 1;
        }
        matches!(words.lower(k), "”" | "\"")
    };
    // "Medal of Honor", "Bill of Rights": a thing named before "of".
    let thing_of = (name_from + 1..q).any(|k| {
        words.lower(k) == "of"
            && matches!(
                words.lower(k - 1),
                "medal" | "order" | "bill" | "book" | "act" | "declaration" | "charter" | "award"
            )
    });
    if kind == EntityKind::Other {
        // "Church Avenue": the last word decides before an organisation word inside.
        // "Gulf of Aden", "Strait of Hormuz": a natural feature named before "of".
        let feature_of = q - name_from >= 3
            && words.lower(name_from + 1) == "of"
            && matches!(
                words.lower(name_from),
                "gulf" | "bay" | "strait" | "straits" | "sea" | "isle" | "lake" | "cape" | "mount"
            );
        // "Quay St.": the abbreviation's dot is a token of its own.
        let head = if words.lower(q - 1) == "." && q >= name_from + 2 {
            q - 2
        } else {
            q - 1
        };
        let place_head = !single
            && gender.is_none()
            && (feature_of
                || gazetteer::contains(gazetteer::PLACE_HEADS, words.lower(head))
                    && !words.has(head, class::ORG));
        kind = if place_head {
            EntityKind::Place
        } else if (name_from..q).any(|k| words.has(k, class::ORG)) || acronym {
            EntityKind::Organization
        } else if !single
            && gender.is_none()
            && (gazetteer::contains(gazetteer::THING_HEADS, words.lower(q - 1))
                || quoted_title
                || thing_of)
        {
            EntityKind::Other
        } else if !single
            && words.has(q - 1, class::GROUP_HEAD)
            && !words.has(name_from, class::GIVEN)
        {
            // "Congressional Republicans", "Western Diplomats": a described group.
            EntityKind::Group
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
        surname_only: false,
    }
}
