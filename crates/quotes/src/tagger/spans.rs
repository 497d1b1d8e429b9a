//! From tags back to attributions.

use super::label_of;
use crate::context::Context;
use crate::Attribution;

/// True when the last segment is a second content piece after a cue, in a split quote:
/// “That,” said Obama, “is our goal.”
fn split_quote(ctx: &Context<'_>, group: &[(usize, usize, usize)]) -> bool {
    let Some((last, before)) = group.split_last() else {
        return false;
    };
    let Some(prev_content) = before.iter().rposition(|s| s.0 == 3) else {
        return false;
    };
    let cue_between = before[prev_content..].iter().any(|s| s.0 == 2);
    let opens_quote = matches!(ctx.lower_at(last.1), "“" | "\"" | "«" | "‘");
    let prev = &before[prev_content];
    let prev_closes_quote = matches!(ctx.lower_at(prev.2), "”" | "\"" | "»" | "’");
    // "The truth, the senator said then, was that …": a clause interrupted by its
    // attribution between commas, within one sentence.
    let interrupted = ctx.lower_at(prev.2 + 1) == ","
        && last.1 >= 1
        && ctx.lower_at(last.1.wrapping_sub(1)) == ","
        && !(prev.2..last.1).any(|k| matches!(ctx.lower_at(k), "." | "!" | "?"));
    cue_between && (opens_quote && prev_closes_quote || interrupted)
}

/// Turns tags back into attributions: each cue with the nearest source and content spans
/// around it; content pieces separated only by a cue or source become one split content.
pub fn attributions_from_tags(ctx: &Context<'_>, tags: &[usize]) -> Vec<Attribution> {
    // Segments (label, first token, last token).
    let mut segs: Vec<(usize, usize, usize)> = Vec::new();
    for (k, &t) in tags.iter().enumerate() {
        let label = label_of(t);
        if label == 0 {
            continue;
        }
        match segs.last_mut() {
            Some(s) if t % 2 == 0 && s.0 == label && s.2 + 1 == k => s.2 = k,
            _ => segs.push((label, k, k)),
        }
    }
    let bytes = |a: usize, b: usize| (ctx.words[a].start, ctx.words[b].end);
    let mut out: Vec<Attribution> = Vec::new();
    let mut pending_source: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < segs.len() {
        // Group a run of segments without gaps wider than a few tokens into one attribution.
        let mut j = i + 1;
        let mut seen = [false; 4];
        seen[segs[i].0] = true;
        while j < segs.len() {
            let gap = segs[j].1 - segs[j - 1].2;
            let joins = if segs[j].0 == 3 && seen[3] {
                // A second content piece: only the rest of a quote split around its cue,
                // “A,” she said, possibly in a new sentence, “B.”
                gap <= 4 && split_quote(ctx, &segs[i..=j])
            } else {
                gap <= 4
                    && !seen[segs[j].0]
                    && !(segs[j - 1].2 + 1..segs[j].1)
                        .any(|k| matches!(ctx.lower_at(k), "." | "!" | "?"))
            };
            if !joins {
                break;
            }
            seen[segs[j].0] = true;
            j += 1;
        }
        let group = &segs[i..j];
        let contents: Vec<(usize, usize)> = group
            .iter()
            .filter(|s| s.0 == 3)
            .map(|s| bytes(s.1, s.2))
            .collect();
        let source = group.iter().find(|s| s.0 == 1).map(|s| bytes(s.1, s.2));
        let cue = group.iter().find(|s| s.0 == 2).map(|s| bytes(s.1, s.2));
        // Every attribution has a cue: a group without one is dropped, unless it is a lone
        // source that a cue group right after it lacks ("Trump, speaking to veterans, said").
        if cue.is_none() {
            if let (Some(src), Some(next)) = (source, segs.get(j)) {
                let gap_ok = next.1 <= group.last().map_or(0, |g| g.2) + 15
                    && !(group.last().map_or(0, |g| g.2) + 1..next.1)
                        .any(|k| matches!(ctx.lower_at(k), "." | "!" | "?"));
                if gap_ok && next.0 == 2 {
                    pending_source = Some(src);
                }
            }
            // A lone content right after an attribution that has none is its content.
            if source.is_none() && !contents.is_empty() {
                let first = group[0].1;
                if let Some(last) = out.last_mut().filter(|l| l.parts.is_empty()) {
                    let last_end = ctx.token_end(
                        last.cue
                            .map_or(0, |c| c.1)
                            .max(last.source.map_or(0, |s| s.1)),
                    );
                    if first <= last_end + 15
                        && !(last_end..first).any(|k| matches!(ctx.lower_at(k), "." | "!" | "?"))
                    {
                        last.parts = contents;
                    }
                }
            }
            i = j;
            continue;
        }
        let source = source.or(pending_source.take());
        let m = source.and_then(|(a, b)| ctx.mention_in(a, b));
        out.push(Attribution {
            kind: parallax_core::QuoteKind::Indirect,
            parts: contents,
            cue,
            source,
            entity: m.map(|m| m.entity),
            mention: m.map(|m| (m.form, (m.start, m.end))),
        });
        i = j;
    }
    out
}
