//! Indirect speech: "Putin said he was hopeful that…", "…, sources said.", "According to
//! Peskov, …", each with its cue, source and content clause.

use crate::context::Context;
use crate::cues::{cue_at, takes_listener, CueKind};
use crate::direct::subject_of_sentence;
use crate::marks::Region;
use crate::speaker::{np_after, np_before};
use crate::Attribution;
use parallax_core::QuoteKind;

/// Words that can open a reported clause right after its verb.
const CLAUSE_OPENERS: &[&str] = &[
    "he", "she", "it", "they", "we", "i", "you", "there", "this", "these", "those", "the", "a",
    "an", "his", "her", "its", "their", "our", "my", "no", "some", "many", "most", "all", "if",
    "whether", "what", "how", "why",
];

/// Words after a reporting verb that start an adverbial or object, not a reported clause.
const NOT_CLAUSE_OPENERS: &[&str] = &[
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "of",
    "about",
    "during",
    "after",
    "before",
    "from",
    "so",
    "yes",
    "no",
    "nothing",
    "little",
    "much",
    "more",
    "less",
    "something",
    "anything",
    "later",
    "earlier",
    "recently",
    "repeatedly",
    "again",
    "also",
    "only",
    "just",
    "previously",
    "yesterday",
    "today",
    "tonight",
    "last",
    "this",
    "next",
    "when",
    "while",
    "as",
    "than",
    "goodbye",
    "hello",
    "sorry",
    "thanks",
    "instead",
    "otherwise",
    "too",
    "either",
    "not",
    "and",
    "or",
    "but",
    "because",
    "since",
    "though",
    "although",
    "once",
    "privately",
    "publicly",
    "separately",
    "afterward",
    "afterwards",
    "then",
    "now",
    "here",
    "there",
];

/// Words that open a time or place phrase between a verb and its "that" clause, beside
/// month and weekday names ([`opens_adverbial`]).
const ADVERBIAL_OPENERS: &[&str] = &[
    "through",
    "via",
    "on",
    "in",
    "during",
    "at",
    "last",
    "this",
    "earlier",
    "yesterday",
    "today",
    "repeatedly",
    "publicly",
    "privately",
    "recently",
    "again",
    "also",
    "while",
    "after",
    "before",
    "late",
    "early",
    "jan",
    "feb",
    "aug",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Finds reported speech outside the quoted `regions`.
pub fn indirect_speech(ctx: &Context<'_>, regions: &[Region]) -> Vec<Attribution> {
    let quoted = |byte: usize| regions.iter().any(|r| r.open <= byte && byte < r.close);
    let mut out = Vec::new();
    for &(s, e) in &ctx.sentences {
        let first = ctx.token_at(s);
        let last = ctx.token_end(e);
        if first >= last {
            continue;
        }
        // Content ends before the sentence's final stop (quote marks stay).
        let mut content_end_tok = last;
        while content_end_tok > first
            && matches!(
                ctx.lower_at(content_end_tok.wrapping_sub(1)),
                "." | "!" | "?" | ";"
            )
        {
            content_end_tok -= 1;
        }
        let mut i = first;
        while i < last {
            if quoted(ctx.words[i].start) || !ctx.words[i].is_word {
                i += 1;
                continue;
            }
            let Some((kind, cue_end)) = cue_at(&ctx.lower, i) else {
                i += 1;
                continue;
            };
            if verb_is_noun_or_passive(ctx, i, first) {
                i += 1;
                continue;
            }
            if let Some(a) = attribute(
                ctx,
                regions,
                kind,
                i,
                cue_end,
                first,
                content_end_tok,
                &quoted,
            ) {
                let content_end = a.parts.last().map_or(0, |p| p.1);
                out.push(a);
                // Go on after this content: a sentence may hold two reports.
                i = ctx.token_end(content_end).max(i + 1);
                continue;
            }
            i += 1;
        }
    }
    out
}

/// True when the cue word at `cue` is a noun ("their claims", "the reports") or a passive
/// participle with no speaker before it ("the rumour being reported").
pub(crate) fn verb_is_noun_or_passive(ctx: &Context<'_>, cue: usize, first: usize) -> bool {
    cue > first
        && matches!(
            ctx.lower_at(cue - 1),
            "the"
                | "a"
                | "an"
                | "their"
                | "his"
                | "her"
                | "its"
                | "our"
                | "my"
                | "your"
                | "these"
                | "those"
                | "being"
                | "been"
                | "be"
        )
}

fn span(ctx: &Context<'_>, a: usize, b: usize) -> Option<(usize, usize)> {
    (a < b).then(|| (ctx.words[a].start, ctx.words[b - 1].end))
}

#[allow(clippy::too_many_arguments)]
fn attribute(
    ctx: &Context<'_>,
    regions: &[Region],
    kind: CueKind,
    cue: usize,
    cue_end: usize,
    first: usize,
    end: usize,
    quoted: &dyn Fn(usize) -> bool,
) -> Option<Attribution> {
    let make = |content: (usize, usize), source: Option<(usize, usize)>| {
        let content = span(ctx, content.0, content.1)?;
        // A report whose content is one quotation was attributed as a direct quote.
        if quoted(content.0) && quoted(content.1.saturating_sub(1)) {
            return None;
        }
        let source = source.and_then(|(a, b)| span(ctx, a, b));
        let m = source.and_then(|(a, b)| ctx.mention_in(a, b));
        Some(Attribution {
            kind: QuoteKind::Indirect,
            parts: vec![content],
            cue: span(ctx, cue, cue_end),
            source,
            entity: m.map(|m| m.entity),
            mention: m.map(|m| (m.form, (m.start, m.end))),
        })
    };
    match kind {
        CueKind::AccordingTo => {
            let src = np_after(ctx, cue_end, end, 8)?;
            if ctx.lower_at(src.1) == "," && src.1 + 1 < end {
                return make((src.1 + 1, end), Some(src));
            }
            if cue > first + 2 && ctx.lower_at(cue.wrapping_sub(1)) == "," {
                return make((first, cue - 1), Some(src));
            }
            None
        }
        CueKind::Participle => {
            if ctx.lower_at(cue_end) == "that" || participle_clause(ctx, cue, cue_end, end) {
                let subject = subject_of_sentence(ctx, regions, cue)
                    .or_else(|| opening_subject(ctx, first, cue))
                    .or_else(|| subject_of_earlier_cue(ctx, first, cue));
                return make((cue_end, end), subject);
            }
            None
        }
        CueKind::Verb | CueKind::Belief => {
            // "…, X said." and "…, said X." at the end of the sentence.
            let before = np_before(ctx, cue, first);
            let inverted = if ctx.lower_at(cue.wrapping_sub(1)) == "," {
                np_after(ctx, cue_end, end, 6)
            } else {
                None
            };
            // "…, said Batchelder.": the source follows the cue.
            // "…, said its members would accept the limits" is a clause, not a source.
            // "…, reports said.": a source that is itself a reporting verb is no source.
            let inverted = inverted
                .filter(|inv| cue_at(&ctx.lower, inv.0).is_none())
                .filter(|inv| inv.1 >= end || matches!(ctx.lower_at(inv.1), "," | "." | ";"))
                .filter(|inv| {
                    !(inv.0..inv.1).any(|k| {
                        matches!(
                            ctx.lower_at(k),
                            "would"
                                | "will"
                                | "could"
                                | "should"
                                | "must"
                                | "may"
                                | "might"
                                | "can"
                                | "had"
                                | "has"
                                | "have"
                                | "was"
                                | "were"
                                | "is"
                                | "are"
                        )
                    })
                });
            let before = if inverted.is_some() { None } else { before };
            // "…, Russian President Vladimir Putin’s spokesman Dmitry Peskov said …": a
            // possessive phrase before the role belongs to the source, back to the comma.
            let before = before.map(|b| {
                let comma = (first + 2..b.0).rev().take(8).find(|&k| {
                    ctx.lower_at(k) == ","
                        && (k + 1..b.0)
                            .all(|j| ctx.words[j].is_word || matches!(ctx.lower_at(j), "’" | "'"))
                        && (k + 1..b.0).any(|j| matches!(ctx.lower_at(j), "’" | "'"))
                });
                comma.map_or(b, |k| (k + 1, b.1))
            });
            let src_start = before.map_or(cue, |b| b.0);
            if kind == CueKind::Verb
                && src_start > first + 2
                && ctx.lower_at(src_start.wrapping_sub(1)) == ","
            {
                let mut tail_end = inverted.map_or(cue_end, |s| s.1);
                // "…, Sen. Graham told The Huffington Post on Thursday."
                if inverted.is_none() && takes_listener(ctx.lower_at(cue)) {
                    while tail_end < end
                        && tail_end < cue_end + 5
                        && ctx.words[tail_end].is_word
                        && !matches!(ctx.lower_at(tail_end), "on" | "in" | "that" | "at")
                    {
                        tail_end += 1;
                    }
                }
                let quote_follows = ctx.lower_at(tail_end) == ","
                    && matches!(ctx.lower_at(tail_end + 1), "“" | "\"" | "«" | "„" | "‘");
                if quote_follows {
                    return None;
                }
                if tail_end >= end
                    || matches!(
                        ctx.lower_at(tail_end),
                        "," | "in"
                            | "on"
                            | "at"
                            | "during"
                            | "after"
                            | "."
                            | "to"
                            | "when"
                            | "while"
                            | "before"
                            | "and"
                    )
                {
                    let source = if inverted.is_some() && src_start == cue {
                        inverted
                    } else {
                        before
                    };
                    if source.is_some() {
                        return make((first, src_start - 1), source);
                    }
                }
            }
            let source = before?;
            // "called Lavrov on Tuesday", "declined to comment": no reported clause follows.
            if matches!(ctx.lower_at(cue), "called" | "calls" | "declined") {
                return None;
            }
            // "X said (that) …" and "X told reporters (that) …".
            let mut k = cue_end;
            if takes_listener(ctx.lower_at(cue)) {
                let limit = (k + 5).min(end);
                // "told the debate audience that …", "told a Security Council meeting on
                // October 22 that …": the listener (and a time adverbial) runs to "that".
                if let Some(that) = (k..(k + 10).min(end)).find(|&j| ctx.lower_at(j) == "that") {
                    if (k..that).all(|j| ctx.words[j].is_word) {
                        k = that;
                    }
                }
                while k < limit
                    && ctx.lower_at(k) != "that"
                    && ctx.words[k].is_word
                    && !CLAUSE_OPENERS.contains(&ctx.lower_at(k))
                    // "told reporters Moscow would …": a name after a lower-case
                    // listener opens the clause.
                    && !(k > cue_end
                        && ctx.words[k].is_cap(ctx.body)
                        && !ctx.words[k - 1].is_cap(ctx.body))
                {
                    k += 1;
                }
                if k == cue_end && ctx.lower_at(k) != "that" {
                    return None;
                }
            }
            // "said on Tuesday that", "said during a rally in Michigan that".
            if k == cue_end && ctx.lower_at(k) != "that" && opens_adverbial(ctx.lower_at(k)) {
                if let Some(that) = (k + 1..(k + 10).min(end)).find(|&j| ctx.lower_at(j) == "that")
                {
                    if (k..that).all(|j| ctx.words[j].is_word || ctx.lower_at(j) == ",") {
                        k = that;
                    }
                }
            }
            let opener = ctx.lower_at(k);
            // "he’d", "she’ll": the pronoun opens the clause.
            let bare = opener.split(['’', '\'']).next().unwrap_or(opener);
            let person_source = ctx
                .mention_in(ctx.words[source.0].start, ctx.words[source.1 - 1].end)
                .is_some();
            let clause = opener == "that"
                || (kind == CueKind::Verb
                    && (CLAUSE_OPENERS.contains(&bare)
                        || ctx.words.get(k).is_some_and(|w| w.is_cap(ctx.body) && w.is_word)
                        // "Johnson says hackers are …": any word that cannot start an
                        // adverbial, when the subject is a known mention.
                        || (person_source
                            && ctx.words.get(k).is_some_and(|w| w.is_word)
                            && !NOT_CLAUSE_OPENERS.contains(&opener)
                            && !parallax_core::calendar::is_weekday(opener))));
            if clause && end > k + 2 {
                // ", calling the meeting …" after the clause is a second report.
                let stop = (k + 1..end)
                    .find(|&j| {
                        ctx.lower_at(j) == ","
                            && matches!(cue_at(&ctx.lower, j + 1), Some((CueKind::Participle, _)))
                    })
                    .unwrap_or(end);
                return make((k, stop), Some(source));
            }
            None
        }
    }
}

/// "…,” the officer said, adding that …": with no named subject in the sentence, the
/// participle borrows the phrase before the reporting verb it hangs on.
fn subject_of_earlier_cue(ctx: &Context<'_>, first: usize, cue: usize) -> Option<(usize, usize)> {
    let verb = (first..cue)
        .rev()
        .find(|&k| matches!(cue_at(&ctx.lower, k), Some((CueKind::Verb, _))))?;
    np_before(ctx, verb, first)
}

/// Participles whose object can be a reported clause without "that": "…, saying they
/// had targeted …", "…, adding it was too early …".
const CLAUSE_PARTICIPLES: &[&str] = &[
    "saying",
    "adding",
    "noting",
    "arguing",
    "warning",
    "explaining",
    "insisting",
    "claiming",
    "stressing",
    "suggesting",
    "declaring",
    "stating",
    "predicting",
];

/// Subject pronouns that open a reported clause.
const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i", "you", "there"];

/// Finite verbs and auxiliaries that show a run of words is a clause.
const FINITE: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may",
    "might", "must", "should", "did", "does", "do",
];

/// True when the participle at `cue` ("saying", "adding") is followed by a clause with no
/// "that": a subject pronoun, or a name or determiner phrase followed within a few words
/// by a finite verb or auxiliary ("saying the strikes had hit …").
fn participle_clause(ctx: &Context<'_>, cue: usize, cue_end: usize, end: usize) -> bool {
    if !CLAUSE_PARTICIPLES.contains(&ctx.lower_at(cue)) || end < cue_end + 3 {
        return false;
    }
    let opener = ctx.lower_at(cue_end);
    let bare = opener.split(['’', '\'']).next().unwrap_or(opener);
    if SUBJECT_PRONOUNS.contains(&bare) {
        return true;
    }
    let nominal = ctx
        .words
        .get(cue_end)
        .is_some_and(|w| w.is_word && w.is_cap(ctx.body))
        || matches!(
            opener,
            "the" | "its" | "their" | "his" | "her" | "some" | "many"
        );
    nominal
        && (cue_end + 1..(cue_end + 7).min(end))
            .take_while(|&j| ctx.words[j].is_word)
            .any(|j| FINITE.contains(&ctx.lower_at(j)))
}

/// The noun phrase that opens the sentence when a verb follows it ("Several coastal
/// councils have criticised …", "The harbour authority defended …"): the subject of a
/// participle's report when no mention names it.
fn opening_subject(ctx: &Context<'_>, first: usize, cue: usize) -> Option<(usize, usize)> {
    let mut e = first;
    while e < cue && e - first < 6 && ctx.words[e].is_word {
        let w = ctx.lower_at(e);
        let verb = FINITE.contains(&w) || (e > first && w.len() > 4 && w.ends_with("ed"));
        if verb {
            return (e > first && !SUBJECT_PRONOUNS.contains(&ctx.lower_at(first)))
                .then_some((first, e));
        }
        e += 1;
    }
    None
}

/// True when `lower` opens a time or place phrase: "on", "last", "Tuesday", "October".
fn opens_adverbial(lower: &str) -> bool {
    ADVERBIAL_OPENERS.contains(&lower)
        || parallax_core::calendar::is_month(lower)
        || parallax_core::calendar::is_weekday(lower)
}
