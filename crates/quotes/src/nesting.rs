//! Tidying the attributions users see: a partial quote inside reported speech is one
//! statement, and a second verb of the same subject shares its speaker.

use crate::context::Context;
use crate::Attribution;
use parallax_core::QuoteKind;

/// "Tovey said the quota was “painful but necessary”": the quoted words are a partial quote
/// that takes the reported speech's cue and speaker, and the reported speech around it is
/// dropped. Attributions stay in body order.
pub fn fold_nested_partials(out: &mut Vec<Attribution>) {
    let mut drop = vec![false; out.len()];
    for i in 0..out.len() {
        if out[i].kind != QuoteKind::Indirect
            || (out[i].entity.is_none() && out[i].source.is_none())
        {
            continue;
        }
        let (Some(first), Some(last)) = (out[i].parts.first(), out[i].parts.last()) else {
            continue;
        };
        let (s, e) = (first.0, last.1);
        let inner: Vec<usize> = (0..out.len())
            .filter(|&j| {
                out[j].kind == QuoteKind::Partial
                    && out[j].parts.iter().all(|p| p.0 >= s && p.1 <= e)
            })
            .collect();
        if inner.is_empty() {
            continue;
        }
        let outer = out[i].clone();
        for j in inner {
            let p = &mut out[j];
            p.cue = outer.cue;
            p.source = outer.source;
            p.entity = outer.entity;
            p.mention = outer.mention;
        }
        drop[i] = true;
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// "She called it a “first step” but warned that “…”": an attribution with a cue and no
/// source, in the same sentence as the one before it, shares that one's speaker.
pub fn share_coordinated_speaker(ctx: &Context<'_>, out: &mut [Attribution]) {
    for i in 1..out.len() {
        let (Some(cue), Some(prev_cue)) = (out[i].cue, out[i - 1].cue) else {
            continue;
        };
        if out[i].source.is_some() || out[i].entity.is_some() || out[i - 1].entity.is_none() {
            continue;
        }
        let between = ctx.body.get(prev_cue.1..cue.0).unwrap_or("");
        let coordinated = between.contains(" but ") || between.contains(" and ");
        if coordinated && ctx.sentence_of(cue.0) == ctx.sentence_of(prev_cue.0) {
            out[i].source = out[i - 1].source;
            out[i].entity = out[i - 1].entity;
            out[i].mention = out[i - 1].mention;
        }
    }
}
