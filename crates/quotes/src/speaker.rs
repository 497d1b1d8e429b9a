//! The source phrase of a cue: the noun phrase before it ("Kremlin spokesman Dmitry Peskov
//! said"), after it ("said Putin"), or after "according to".

use crate::context::Context;

/// Words skipped between a subject and its verb ("Peskov also said").
const ADVERBS: &[&str] = &[
    "also",
    "later",
    "then",
    "previously",
    "recently",
    "has",
    "have",
    "had",
    "reportedly",
    "once",
    "repeatedly",
    "publicly",
    "privately",
    "again",
    "further",
    "had",
    "would",
    "will",
    "has",
    "have",
    "flatly",
    "quickly",
    "simply",
    "often",
    "never",
    "always",
    "still",
    "even",
    "already",
    "himself",
    "herself",
    "themselves",
    "just",
    "similarly",
    "separately",
    "only",
];
/// Words that end a subject noun phrase on its left.
const BOUNDARY: &[&str] = &[
    "that", "which", "and", "but", "or", "because", "if", "when", "while", "as", "after", "before",
    "since", "so", "than", "where", "although", "though", "whether", "said", "says", "is", "was",
    "are", "were", "be", "been", "to", "in", "on", "at", "for", "with", "by", "from", "of",
    "about", "into", "over", "against", "what", "how", "why", "told", "asked",
];
/// Role nouns written before a name ("spokesman Dmitry Peskov", "press secretary X").
const ROLEISH: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "secretary",
    "press",
    "minister",
    "adviser",
    "advisor",
    "aide",
    "official",
    "director",
    "chairman",
    "chairwoman",
    "leader",
    "chief",
    "strategist",
    "manager",
    "analyst",
    "researcher",
    "economist",
    "professor",
    "host",
    "anchor",
    "correspondent",
    "ambassador",
    "envoy",
    "general",
    "commander",
    "senator",
    "governor",
    "mayor",
    "president",
    "candidate",
    "nominee",
    "lawyer",
    "attorney",
];

/// Words that say when, never who, besides the weekdays.
const TIME_WORDS: &[&str] = &[
    "first",
    "week",
    "weekend",
    "night",
    "morning",
    "afternoon",
    "evening",
    "today",
    "yesterday",
    "tonight",
];

/// True for a weekday or another word of [`TIME_WORDS`].
fn is_time_word(lower: &str) -> bool {
    parallax_core::calendar::is_weekday(lower) || TIME_WORDS.contains(&lower)
}

/// Relative and personal pronouns that are a whole source by themselves.
const PRONOUN_SOURCES: &[&str] = &["who", "he", "she", "they", "i", "we", "you", "it", "which"];

/// "boldly", "repeatedly": a manner adverb between a subject and its verb.
fn is_ly_adverb(lower: &str) -> bool {
    lower.len() > 4
        && lower.ends_with("ly")
        && !matches!(
            lower,
            "only" | "family" | "ally" | "italy" | "rally" | "early"
        )
}

/// Words written with a dot that does not end the sentence ("Mr.", "U.S.", "G.K.").
pub fn is_abbreviation(lower: &str) -> bool {
    if lower.contains('.') && lower.split('.').all(|p| p.chars().count() == 1) {
        return true;
    }
    matches!(
        lower,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "sen"
            | "rep"
            | "gov"
            | "gen"
            | "lt"
            | "col"
            | "st"
            | "jr"
            | "sr"
            | "prof"
            | "rev"
            | "sgt"
            | "cpl"
            | "capt"
            | "det"
            | "insp"
            | "supt"
            | "cmdr"
            | "adm"
            | "maj"
            | "pvt"
            | "const"
            | "atty"
            | "hon"
            | "fr"
            | "u.s"
            | "u.n"
            | "u.k"
            | "d.c"
            | "inc"
            | "co"
            | "corp"
    ) || (lower.chars().count() == 1 && lower.chars().all(char::is_alphabetic))
}

/// Token range of the subject noun phrase ending right before token `cue`, not reaching
/// before token `floor`. Returns `(start, end)` token indices.
pub fn np_before(ctx: &Context<'_>, cue: usize, floor: usize) -> Option<(usize, usize)> {
    // "Senator Harry Kell of Ostrel said": the place after "of" says where the speaker is
    // from; the phrase is read from the name before it.
    let mut t = cue;
    while t > floor && cue - t < 3 && ctx.words[t - 1].is_word && ctx.words[t - 1].is_cap(ctx.body)
    {
        t -= 1;
    }
    if t < cue && t >= floor + 2 && ctx.lower_at(t - 1) == "of" {
        let name_end = ctx.words[t - 2].end;
        let named = ctx
            .mentions
            .iter()
            .any(|m| m.end == name_end && m.kind == parallax_core::EntityKind::Person);
        if named {
            let np = np_before_head(ctx, t - 1, floor)?;
            return Some((with_role_head(ctx, np, floor).0, cue));
        }
    }
    let np = np_before_head(ctx, cue, floor)?;
    Some(with_role_head(ctx, np, floor))
}

/// "A spokeswoman for the operator", "a senior official at the ministry": the role noun
/// that governs the phrase found before the cue belongs to the source.
fn with_role_head(ctx: &Context<'_>, np: (usize, usize), floor: usize) -> (usize, usize) {
    let (s, e) = np;
    if s < floor + 2 || !matches!(ctx.lower_at(s - 1), "for" | "of" | "at") {
        return np;
    }
    let role = ctx.lower_at(s - 2);
    let singular = role.strip_suffix('s').unwrap_or(role);
    if !(ROLEISH.contains(&role) || ROLEISH.contains(&singular)) || !ctx.words[s - 2].is_word {
        return np;
    }
    let mut start = s - 2;
    // Up to two modifiers and a determiner: "a senior official", "two ministry officials".
    for _ in 0..3 {
        if start <= floor || !ctx.words[start - 1].is_word {
            break;
        }
        let w = ctx.lower_at(start - 1);
        if BOUNDARY.contains(&w) || PRONOUN_SOURCES.contains(&w) || w.ends_with("ed") {
            break;
        }
        start -= 1;
        if matches!(w, "a" | "an" | "the" | "one" | "two" | "three" | "several") {
            break;
        }
    }
    (start, e)
}

fn np_before_head(ctx: &Context<'_>, cue: usize, floor: usize) -> Option<(usize, usize)> {
    let mut j = cue;
    while j > floor
        && (ADVERBS.contains(&ctx.lower_at(j.wrapping_sub(1)))
            || is_ly_adverb(ctx.lower_at(j.wrapping_sub(1))))
    {
        j -= 1;
    }
    // "Rep. Jane Doe (D-Wis.) said": the party tag belongs to the source.
    if j > floor && ctx.lower_at(j.wrapping_sub(1)) == ")" {
        if let Some(open) = (floor..j - 1)
            .rev()
            .take(8)
            .find(|&k| ctx.lower_at(k) == "(")
        {
            return np_before(ctx, open, floor).map(|(s, _)| (s, j));
        }
    } else if j > floor + 1 && ctx.lower_at(j.wrapping_sub(1)) == "," {
        if let Some(comma) = (floor..j - 1)
            .rev()
            .take(16)
            .find(|&k| ctx.lower_at(k) == ",")
        {
            if comma > floor {
                let np = np_before(ctx, comma, floor)?;
                // "Donna Brazile, the interim chairwoman of the DNC, said": an appositive
                // belongs to the source; "Trump, speaking to veterans, said" does not.
                let opener = ctx.lower_at(comma + 1);
                let appositive = matches!(
                    opener,
                    "a" | "an" | "the" | "who" | "whose" | "which" | "one" | "another"
                ) || ROLEISH.contains(&opener)
                    || ctx.words.get(comma + 1).is_some_and(|w| w.is_cap(ctx.body));
                return Some(if appositive { (np.0, j - 1) } else { np });
            }
        }
    }
    let end = j;
    if end == floor {
        return None;
    }
    let last = ctx.lower_at(end.wrapping_sub(1));
    // "Russia’s declared targets": a possessive before the word means it is no verb.
    if last == "s" && end >= 2 && matches!(ctx.lower_at(end.wrapping_sub(2)), "’" | "'") {
        return None;
    }
    if PRONOUN_SOURCES.contains(&last) {
        return Some((end - 1, end));
    }
    // "Police at first told", "Jurors on Monday asked": a time word is not the source;
    // the phrase before its preposition is.
    if end - 1 > floor + 1
        && is_time_word(last)
        && matches!(ctx.lower_at(end - 2), "on" | "at" | "in" | "last" | "this")
    {
        return np_before_head(ctx, end - 2, floor);
    }
    if matches!(last, "not" | "first") || is_time_word(last) && end - 1 == floor {
        return None;
    }
    // A mention ending here gives the left edge; keep a determiner before it.
    let end_byte = ctx.words[end - 1].end;
    if let Some(m) = ctx.mentions.iter().rev().find(|m| m.end == end_byte) {
        let mut s = ctx.token_at(m.start).max(floor);
        // "Kremlin spokesman Dmitry Peskov", "the Syrian presidency": role words and a
        // determiner before the name belong to the source.
        let mut steps = 0;
        while s > floor
            && steps < 4
            && ctx.words[s - 1].is_word
            && !BOUNDARY.contains(&ctx.lower_at(s.wrapping_sub(1)))
            && !PRONOUN_SOURCES.contains(&ctx.lower_at(s.wrapping_sub(1)))
            && ROLEISH.contains(&ctx.lower_at(s.wrapping_sub(1)))
        {
            s -= 1;
            steps += 1;
            if s > floor
                && ctx.words[s - 1].is_cap(ctx.body)
                && ctx.words[s - 1].is_word
                && !BOUNDARY.contains(&ctx.lower_at(s.wrapping_sub(1)))
            {
                s -= 1;
            }
        }
        if s > floor
            && matches!(
                ctx.lower_at(s.wrapping_sub(1)),
                "the" | "a" | "an" | "another"
            )
        {
            s -= 1;
        }
        return Some((s, end));
    }
    // "officers who have spoken with X in condition of anonymity said": the subject is
    // the phrase before "who".
    let clause_start = (floor..end)
        .rev()
        .take(16)
        .find(|&k| matches!(ctx.lower_at(k), "," | "." | ";"))
        .map_or(floor.max(end.saturating_sub(16)), |k| k + 1);
    if let Some(who) = (clause_start..end)
        .rev()
        .find(|&k| ctx.lower_at(k) == "who")
    {
        if who > floor && who + 1 < end {
            return np_before(ctx, who, floor);
        }
    }
    let mut s = end;
    while s > floor && end - s < 6 {
        let w = &ctx.words[s - 1];
        let lower = ctx.lower_at(s.wrapping_sub(1));
        if !w.is_word {
            // Possessive marks and abbreviation dots stay inside the phrase.
            // An apostrophe stays only as a possessive ("Putin’s"), never as a quote mark.
            let keep = (matches!(lower, "’" | "'") && ctx.lower_at(s) == "s")
                || (lower == "."
                    && s >= 2
                    && ctx.words[s - 2].end == w.start
                    && is_abbreviation(ctx.lower_at(s.wrapping_sub(2))));
            if !keep {
                break;
            }
        } else if BOUNDARY.contains(&lower) {
            break;
        }
        s -= 1;
    }
    (s < end && (s..end).any(|k| ctx.words[k].is_word)).then_some((s, end))
}

/// Token range of the source right after a cue ("said Putin", "according to the Kremlin"),
/// up to punctuation, at most `max` tokens.
pub fn np_after(
    ctx: &Context<'_>,
    from: usize,
    limit: usize,
    max: usize,
) -> Option<(usize, usize)> {
    let first = ctx.lower_at(from);
    if from >= limit
        || matches!(
            first,
            "that"
                | "in"
                | "on"
                | "at"
                | "to"
                | "during"
                | "after"
                | "before"
                | "by"
                | "with"
                | "it"
                | "he"
                | "she"
                | "they"
                | "there"
                | "this"
                | "we"
                | "i"
        ) && !matches!(first, "he" | "she" | "they")
    {
        return None;
    }
    let mut e = from;
    while e < limit && e - from < max {
        let w = &ctx.words[e];
        let lower = ctx.lower_at(e);
        if !w.is_word && !matches!(lower, "’" | "'" | "." | "-") {
            break;
        }
        if lower == "."
            && !(e > from
                && ctx.words[e - 1].end == w.start
                && is_abbreviation(ctx.lower_at(e.wrapping_sub(1))))
        {
            break;
        }
        // "Anchorage businessman and blogger Andrew Halcro": "and" between two role
        // nouns joins them.
        let joins_roles = lower == "and"
            && e > from
            && ctx.words[e - 1].is_word
            && !ctx.words[e - 1].is_cap(ctx.body)
            && ctx
                .words
                .get(e + 1)
                .is_some_and(|n| n.is_word && !n.is_cap(ctx.body));
        if e > from
            && !joins_roles
            && matches!(
                lower,
                "who"
                    | "that"
                    | "which"
                    | "in"
                    | "on"
                    | "at"
                    | "during"
                    | "when"
                    | "after"
                    | "before"
                    | "and"
                    | "as"
                    | "while"
            )
        {
            break;
        }
        e += 1;
    }
    // A joining "and" with nothing after it in the phrase is not part of it.
    if e > from + 1 && ctx.lower_at(e - 1) == "and" {
        e -= 1;
    }
    (e > from).then_some((from, e))
}
