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
    cue_between && opens_quote && prev_closes_quote
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
