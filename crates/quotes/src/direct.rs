//! Direct and partial quotes: quoted regions with the cue and source around them, split
//! quotes joined, and paragraphs that open a quote with no cue given to the last speaker.

use crate::context::Context;
use crate::cues::{quote_cue_at, CueKind};
use crate::marks::{regions_in, Region};
use crate::speaker::{np_after, np_before};
use crate::Attribution;
use parallax_core::QuoteKind;

/// Finds every quoted region of the article and attributes it; returns the attributions and
/// the regions (indirect speech must not reuse their text).
pub fn direct_quotes(ctx: &Context<'_>) -> (Vec<Attribution>, Vec<Region>) {
    let mut regions = Vec::new();
    for &(s, e) in &ctx.paragraphs {
        regions_in(ctx.body, s, e, &mut regions);
    }
    let mut out: Vec<Attribution> = Vec::new();
    let mut skip_next = false;
    for (ri, r) in regions.iter().enumerate() {
        if skip_next {
            skip_next = false;
            continue;
        }
        let Some((para, (p_start, p_end))) = ctx.paragraph_of(r.open) else {
            continue;
        };
        let prev_close = ri
            .checked_sub(1)
            .map(|p| regions[p].close)
            .filter(|&c| c > p_start)
            .unwrap_or(p_start);
        let next = regions.get(ri + 1).filter(|n| n.open < p_end);
        let next_open = next.map_or(p_end, |n| n.open);
        let (sent_start, _) = ctx.sentence_of(r.open);
        let pre_floor = ctx.token_at(prev_close.max(sent_start).max(p_start));
        let open_tok = ctx.token_at(r.open);
        let close_tok = ctx.token_at(r.close);
        let post_limit = ctx.token_end(next_open);
        let inner = ctx.body.get(r.inner_start..r.inner_end).unwrap_or("");
        let inner_trim = inner.trim_end();
        let ends_sentence = inner_trim.ends_with(['.', '!', '?']);
        let words_inside = inner.split_whitespace().count();

        // Cue after the quote: “...,” he said / said Putin / Peskov said.
        let mut post = None;
        let first_after = ctx.words.get(close_tok);
        let post_ok = r.closed
            && first_after.is_some_and(|w| w.start < next_open)
            && (!ends_sentence
                || inner_trim.ends_with(['?', '!'])
                || first_after
                    .is_some_and(|w| !w.is_cap(ctx.body) || ctx.lower_at(close_tok) == ","));
        if post_ok {
            let mut k = close_tok;
            if ctx.lower_at(k) == "," {
                k += 1;
            }
            let stop = (k + 14).min(post_limit);
            let mut i = k;
            while i < stop
                && (ctx.words[i].is_word
                    // "Rep. Jason Chaffetz (R-Utah) said", "Mitch McConnell, R-Ky., said"
                    || matches!(ctx.lower_at(i), "(" | ")" | "-" | ",") && i > k
                    || matches!(ctx.lower_at(i), "." | "’" | "'")
                        && i > k
                        && ctx.words[i - 1].end == ctx.words[i].start
                        && crate::speaker::is_abbreviation(ctx.lower_at(i.wrapping_sub(1)))
                    // "the actress's rep Jack Ketsoyan tells": a possessive inside the source.
                    || matches!(ctx.lower_at(i), "’" | "'") && i > k && ctx.lower_at(i + 1) == "s")
            {
                // "… under the reported circumstances": a cue word after a determiner is
                // no cue.
                let cue = quote_cue_at(&ctx.lower, i)
                    .filter(|_| !crate::indirect::verb_is_noun_or_passive(ctx, i, k));
                if let Some((kind, cue_end)) = cue {
                    if kind != CueKind::AccordingTo {
                        let source = if i > k {
                            np_before(ctx, i, k)
                        } else {
                            np_after(ctx, cue_end, post_limit, 6)
                        };
                        if source.is_some() {
                            post = Some((i, cue_end, source));
                        }
                    }
                    break;
                }
                i += 1;
            }
        }
        // Cue before the quote: Peskov said, “...” / He explained: “...”
        let mut pre = None;
        if post.is_none() && open_tok > pre_floor {
            let mut i = open_tok;
            while i > pre_floor {
                i -= 1;
                let cue = quote_cue_at(&ctx.lower, i)
                    .filter(|_| !crate::indirect::verb_is_noun_or_passive(ctx, i, pre_floor));
                if let Some((kind, cue_end)) = cue {
                    let source = match kind {
                        CueKind::AccordingTo => np_after(ctx, cue_end, open_tok, 8),
                        CueKind::Participle => subject_of_sentence(ctx, &regions, i),
                        _ => np_before(ctx, i, pre_floor)
                            .or_else(|| np_after(ctx, cue_end, open_tok, 6)),
                    };
                    pre = Some((i, cue_end, source));
                    break;
                }
            }
        }
        // Human Rights Watch said in a report:¶“The conditions …”: a paragraph that ends
        // with a colon after a cue introduces the quote that opens the next one.
        if post.is_none() && pre.is_none() {
            pre = cue_before_colon(ctx, &regions, para, r.open);
        }
        let before = ctx.lower_at(open_tok.wrapping_sub(1));
        let at_sentence_start = open_tok == ctx.token_at(sent_start) || open_tok == pre_floor;
        let partial = !(at_sentence_start
            || matches!(
                before,
                ":" | "," | "—" | "said" | "says" | "added" | "asked"
            ))
            || (!ends_sentence
                && !inner_trim.ends_with([',', '—'])
                && words_inside < 8
                && post.is_none());
        // “Love Won Out Conference”, "The Book of Mormon.": a name or title in quote
        // marks is not something someone said.
        if partial && is_title(inner) {
            continue;
        }
        let mut parts = vec![(r.open, r.close)];
        let (cue, source) = match (post, pre) {
            (Some((c0, c1, src)), _) => {
                // “That,” said Obama, “is our goal.”: the second part belongs to this quote.
                if let Some(n) = next {
                    let clause_end = ctx.token_end(n.open);
                    let gap = ctx.body.get(r.close..n.open).unwrap_or("");
                    if inner_trim.ends_with([',', '—'])
                        && gap.trim_end().ends_with(',')
                        && !gap.contains(['.', '\n'])
                        && clause_end <= c1 + 8
                    {
                        parts.push((n.open, n.close));
                        skip_next = true;
                    }
                }
                (Some((c0, c1)), src)
            }
            (None, Some((c0, c1, src))) => (Some((c0, c1)), src),
            _ => (None, None),
        };
        let mut attribution = Attribution {
            kind: if partial {
                QuoteKind::Partial
            } else {
                QuoteKind::Direct
            },
            parts,
            cue: cue.map(|(a, b)| (ctx.words[a].start, ctx.words[b - 1].end)),
            source: source.map(|(a, b)| (ctx.words[a].start, ctx.words[b - 1].end)),
            entity: None,
            mention: None,
        };
        if let Some((a, b)) = attribution.source {
            if let Some(m) = ctx.mention_in(a, b) {
                attribution.entity = Some(m.entity);
                attribution.mention = Some((m.form, (m.start, m.end)));
            }
        }
        if attribution.cue.is_none() {
            // A paragraph that opens with a quote and names no speaker continues the last one.
            let opens_paragraph = ctx
                .body
                .get(p_start..r.open)
                .is_some_and(|t| t.trim().is_empty());
            let last = out.last().filter(|l| {
                l.parts
                    .last()
                    .and_then(|p| ctx.paragraph_of(p.0))
                    .is_some_and(|(lp, _)| lp + 1 >= para && lp <= para)
            });
            match last {
                Some(l) if opens_paragraph || !partial => {
                    attribution.source = l.source;
                    attribution.entity = l.entity;
                    attribution.mention = l.mention;
                }
                _ if partial && words_inside <= 3 => continue,
                _ => {}
            }
        }
        out.push(attribution);
    }
    // “A,” she said on Monday. “B.”: the quote after the cue sentence goes on in the same
    // voice; it is one quote split around its cue.
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = (&out[i], &out[i + 1]);
        let a_end = a.parts.last().map_or(0, |p| p.1);
        let b_start = b.parts[0].0;
        let cue_after = a.cue.is_some_and(|c| c.0 >= a_end);
        let same_paragraph = ctx.paragraph_of(a_end.saturating_sub(1)).map(|p| p.0)
            == ctx.paragraph_of(b_start).map(|p| p.0);
        let gap = ctx.body.get(a_end..b_start).unwrap_or("");
        if cue_after
            && b.cue.is_none()
            && same_paragraph
            && gap.chars().count() < 120
            && a.kind == QuoteKind::Direct
            && b.kind == QuoteKind::Direct
        {
            let parts = out[i + 1].parts.clone();
            out[i].parts.extend(parts);
            out.remove(i + 1);
            continue;
        }
        i += 1;
    }
    // An unclosed quote whose next paragraph continues it takes that paragraph's speaker.
    for i in (0..out.len().saturating_sub(1)).rev() {
        let unclosed = regions
            .iter()
            .any(|r| r.open == out[i].parts[0].0 && !r.closed);
        if unclosed && out[i].cue.is_none() && out[i + 1].source.is_some() {
            out[i].source = out[i + 1].source;
            out[i].entity = out[i + 1].entity;
            out[i].mention = out[i + 1].mention;
        }
    }
    (out, regions)
}

/// True for a short run of two or more capitalised words, small function words aside
/// ("Bathing Beauty", "The Book of Mormon."): a title or name, not words spoken.
fn is_title(inner: &str) -> bool {
    const SMALL: &[&str] = &[
        "of", "the", "a", "an", "and", "in", "on", "to", "for", "at", "by", "with", "&",
    ];
    let words: Vec<&str> = inner
        .trim()
        .trim_end_matches(['.', ',', '!', '?', ';', ':'])
        .split_whitespace()
        .collect();
    let capitalised = |w: &&str| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    // One capitalised word ("Yes.", "Strong.") may well be spoken; two or more are a name.
    (2..=7).contains(&words.len())
        && words.first().is_some_and(capitalised)
        && words.iter().all(|w| capitalised(w) || SMALL.contains(w))
}

/// A cue's first token, one past its last, and the token range of its source.
type TokenCue = (usize, usize, Option<(usize, usize)>);

/// The cue and source of the sentence that ends paragraph `para - 1` with a colon, when
/// the quote at byte `open` opens paragraph `para`.
fn cue_before_colon(
    ctx: &Context<'_>,
    regions: &[Region],
    para: usize,
    open: usize,
) -> Option<TokenCue> {
    let (p_start, _) = *ctx.paragraphs.get(para)?;
    let (q_start, q_end) = *ctx.paragraphs.get(para.checked_sub(1)?)?;
    let previous = ctx.body.get(q_start..q_end)?.trim_end();
    if !ctx.body.get(p_start..open)?.trim().is_empty() || !previous.ends_with(':') {
        return None;
    }
    let colon = q_start + previous.len() - 1;
    let (sent_start, _) = ctx.sentence_of(colon);
    let floor = ctx.token_at(sent_start.max(q_start));
    let colon_tok = ctx.token_at(colon);
    let quoted = |b: usize| regions.iter().any(|r| r.open <= b && b < r.close);
    (floor..colon_tok).rev().find_map(|i| {
        if quoted(ctx.words[i].start) {
            return None;
        }
        let (kind, cue_end) = quote_cue_at(&ctx.lower, i)?;
        let source = match kind {
            CueKind::AccordingTo => np_after(ctx, cue_end, colon_tok, 8),
            CueKind::Participle => subject_of_sentence(ctx, regions, i),
            _ => np_before(ctx, i, floor).or_else(|| np_after(ctx, cue_end, colon_tok, 6)),
        };
        Some((i, cue_end, source))
    })
}

/// The speaker a participle cue borrows ("he said, adding that …"): the nearest mention
/// before `cue` in its sentence that is outside quotes and not a place.
pub fn subject_of_sentence(
    ctx: &Context<'_>,
    regions: &[Region],
    cue: usize,
) -> Option<(usize, usize)> {
    let cue_start = ctx.words.get(cue)?.start;
    let (s, _) = ctx.sentence_of(cue_start);
    let quoted = |b: usize| regions.iter().any(|r| r.open <= b && b < r.close);
    let m = ctx.mentions.iter().rev().find(|m| {
        m.start >= s
            && m.end <= cue_start
            && !quoted(m.start)
            && m.kind != parallax_core::EntityKind::Place
    })?;
    Some((ctx.token_at(m.start), ctx.token_end(m.end)))
}
