//! Feature extraction: hashed feature indices for every token of an article.

use super::BUCKETS;
use crate::context::Context;
use crate::cues::{cue_at, CueKind};
use crate::words::Word;
use crate::Attribution;
use parallax_core::MentionForm;

/// Hashes a feature template and its parts into `0..BUCKETS`.
pub(crate) fn fnv(template: u8, parts: &[&str]) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(template);
    h = h.wrapping_mul(0x100_0000_01b3);
    for p in parts {
        for b in p.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    (h as usize) & (BUCKETS - 1)
}

fn shape(w: &Word, body: &str) -> &'static str {
    let text = body.get(w.start..w.end).unwrap_or("");
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => {
            if text.chars().all(|c| !c.is_lowercase()) {
                "XX"
            } else {
                "Xx"
            }
        }
        Some(c) if c.is_lowercase() => "x",
        Some(c) if c.is_ascii_digit() => "d",
        Some(_) => "p",
        None => "",
    }
}

/// Feature indices of every token of one article.
pub fn features(ctx: &Context<'_>, rules: &[Attribution]) -> Vec<Vec<usize>> {
    let n = ctx.words.len();
    // Rule tags per token (as label letters), quote depth, sentence edges, mentions.
    let mut rule = vec!["O"; n];
    let set = |a: usize,
               b: usize,
               begin: &'static str,
               inside: &'static str,
               rule: &mut Vec<&'static str>| {
        let (s, e) = (ctx.token_at(a), ctx.token_end(b));
        for (k, r) in rule.iter_mut().enumerate().take(e).skip(s) {
            *r = if k == s { begin } else { inside };
        }
    };
    let mut rule_kind = vec!["-"; n];
    for r in rules {
        for &(a, b) in &r.parts {
            set(a, b, "BT", "IT", &mut rule);
            let kind = match r.kind {
                parallax_core::QuoteKind::Direct => "D",
                parallax_core::QuoteKind::Partial => "P",
                parallax_core::QuoteKind::Indirect => "I",
            };
            for slot in rule_kind
                .iter_mut()
                .take(ctx.token_end(b))
                .skip(ctx.token_at(a))
            {
                *slot = kind;
            }
        }
        if let Some((a, b)) = r.source {
            set(a, b, "BS", "IS", &mut rule);
        }
        if let Some((a, b)) = r.cue {
            set(a, b, "BC", "IC", &mut rule);
        }
    }
    let mut mention = vec!["-"; n];
    let mut mention_kind = vec!["-"; n];
    for m in &ctx.mentions {
        let kind = match m.kind {
            parallax_core::EntityKind::Person => "per",
            parallax_core::EntityKind::Organization => "org",
            parallax_core::EntityKind::Place => "loc",
            parallax_core::EntityKind::Group => "grp",
            parallax_core::EntityKind::Other => "oth",
        };
        let (a, b) = (ctx.token_at(m.start), ctx.token_end(m.end));
        for slot in mention_kind.iter_mut().take(b).skip(a) {
            *slot = kind;
        }
        let form = match m.form {
            MentionForm::Name => "N",
            MentionForm::Acronym => "A",
            MentionForm::Role => "R",
            MentionForm::Pronoun => "P",
        };
        for slot in mention
            .iter_mut()
            .take(ctx.token_end(m.end))
            .skip(ctx.token_at(m.start))
        {
            *slot = form;
        }
    }
    let mut sent_first = vec![false; n];
    let mut sent_last = vec![false; n];
    let mut sent_id = vec![0usize; n];
    for (si, &(s, e)) in ctx.sentences.iter().enumerate() {
        let (a, b) = (ctx.token_at(s), ctx.token_end(e));
        if a < b && b <= n {
            sent_first[a] = true;
            sent_last[b - 1] = true;
            for id in sent_id.iter_mut().take(b).skip(a) {
                *id = si;
            }
        }
    }
    let mut sent_start = vec![0usize; n];
    let mut sent_end = vec![n; n];
    for &(s, e) in &ctx.sentences {
        let (a, b) = (ctx.token_at(s), ctx.token_end(e));
        for k in a..b.min(n) {
            sent_start[k] = a;
            sent_end[k] = b;
        }
    }
    let sentence_count = ctx.sentences.len().max(1);
    let mut sent_has_cue = vec!["nocue"; sentence_count];
    let mut sent_has_quote = vec!["noq"; sentence_count];
    for k in 0..n {
        if cue_at(&ctx.lower, k).is_some() {
            sent_has_cue[sent_id[k].min(sentence_count - 1)] = "cue";
        }
        if matches!(ctx.lower_at(k), "“" | "”" | "\"" | "«" | "»") {
            sent_has_quote[sent_id[k].min(sentence_count - 1)] = "q";
        }
    }
    let mut first_cue: Vec<Option<usize>> = vec![None; sentence_count];
    let mut last_cue: Vec<Option<usize>> = vec![None; sentence_count];
    for (k, &id) in sent_id.iter().enumerate() {
        if matches!(
            cue_at(&ctx.lower, k),
            Some((CueKind::Verb | CueKind::AccordingTo | CueKind::Belief, _))
        ) {
            let sid = id.min(sentence_count - 1);
            first_cue[sid].get_or_insert(k);
            last_cue[sid] = Some(k);
        }
    }
    let mut inside_quote = vec![false; n];
    let mut depth = false;
    for (k, w) in ctx.words.iter().enumerate() {
        let l = ctx.lower_at(k);
        let is_open = matches!(l, "“" | "«" | "„") || (l == "\"" && !depth);
        let is_close = matches!(l, "”" | "»") || (l == "\"" && depth);
        if is_open {
            depth = true;
        } else if is_close {
            depth = false;
        }
        inside_quote[k] = depth || is_close;
        let _ = w;
    }
    let cue_kind: Vec<&str> = (0..n)
        .map(|k| match cue_at(&ctx.lower, k) {
            Some((CueKind::Verb, _)) => "V",
            Some((CueKind::Participle, _)) => "P",
            Some((CueKind::AccordingTo, _)) => "A",
            Some((CueKind::Belief, _)) => "B",
            None => "-",
        })
        .collect();
    // Distance to the nearest cue word on each side within the sentence, bucketed.
    let bucket = |d: usize| match d {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=5 => "3-5",
        6..=10 => "6-10",
        _ => "far",
    };
    let mut left_cue = vec!["none"; n];
    let mut last: Option<usize> = None;
    for k in 0..n {
        if sent_first[k] {
            last = None;
        }
        left_cue[k] = last.map_or("none", |c| bucket(k - c));
        if cue_kind[k] != "-" {
            last = Some(k);
        }
    }
    let mut right_cue = vec!["none"; n];
    let mut next: Option<usize> = None;
    for k in (0..n).rev() {
        if sent_last[k] {
            next = None;
        }
        right_cue[k] = next.map_or("none", |c| bucket(c - k));
        if cue_kind[k] != "-" {
            next = Some(k);
        }
    }
    let w = |k: isize| -> &str {
        if k < 0 {
            "<s>"
        } else {
            ctx.lower.get(k as usize).copied().unwrap_or("</s>")
        }
    };
    let mut out = Vec::with_capacity(n);
    for k in 0..n {
        let i = k as isize;
        let word = &ctx.words[k];
        let sh = shape(word, ctx.body);
        let suffix: String = w(i).chars().rev().take(3).collect();
        // A stem of sorts for rare reporting words ("accus-ed", "critic-ized").
        let prefix: String = w(i).chars().take(5).collect();
        let r = |d: isize| -> &str {
            let j = i + d;
            if j < 0 || j as usize >= n {
                "<>"
            } else {
                rule[j as usize]
            }
        };
        let q = if inside_quote[k] { "q" } else { "-" };
        let first = if sent_first[k] { "F" } else { "-" };
        let lastf = if sent_last[k] { "L" } else { "-" };
        let mut f = vec![
            fnv(0, &[]),
            fnv(1, &[w(i)]),
            fnv(2, &[w(i - 1)]),
            fnv(3, &[w(i + 1)]),
            fnv(4, &[w(i - 2)]),
            fnv(5, &[w(i + 2)]),
            fnv(6, &[w(i - 1), w(i)]),
            fnv(7, &[w(i), w(i + 1)]),
            fnv(8, &[sh]),
            fnv(9, &[&suffix]),
            fnv(10, &[r(0)]),
            fnv(11, &[r(-1), r(0)]),
            fnv(12, &[r(0), r(1)]),
            fnv(13, &[r(0), q]),
            fnv(14, &[q]),
            fnv(15, &[first, lastf]),
            fnv(16, &[cue_kind[k]]),
            fnv(17, &[left_cue[k], right_cue[k]]),
            fnv(18, &[mention[k]]),
            fnv(19, &[mention[k], right_cue[k]]),
            fnv(20, &[q, left_cue[k], right_cue[k]]),
            fnv(21, &[sh, r(0)]),
            fnv(22, &[w(i - 1), r(0)]),
            fnv(23, &[cue_kind[k], r(0)]),
            fnv(24, &[first, r(0)]),
            fnv(25, &[w(i), right_cue[k]]),
            fnv(26, &[w(i), left_cue[k]]),
            fnv(27, &[r(-2), r(-1), r(0)]),
            fnv(28, &[mention[k], r(0)]),
            fnv(29, &[sh, w(i - 1)]),
        ];
        let from_start = k - sent_start[k];
        let to_end = sent_end[k].saturating_sub(k + 1);
        let pos = |d: usize| match d {
            0 => "0",
            1 => "1",
            2 => "2",
            3..=5 => "3",
            _ => "6",
        };
        let (ps, pe) = (pos(from_start), pos(to_end));
        let prev_shape = if k > 0 {
            shape(&ctx.words[k - 1], ctx.body)
        } else {
            "<s>"
        };
        let next_shape = ctx.words.get(k + 1).map_or("</s>", |x| shape(x, ctx.body));
        f.extend([
            fnv(31, &[w(i - 3)]),
            fnv(32, &[w(i + 3)]),
            fnv(33, &[ps, pe]),
            fnv(34, &[ps, r(0)]),
            fnv(35, &[pe, r(0)]),
            fnv(36, &[prev_shape, sh, next_shape]),
            fnv(
                37,
                &[
                    sent_has_cue[sent_id[k].min(sentence_count - 1)],
                    sent_has_quote[sent_id[k].min(sentence_count - 1)],
                    q,
                ],
            ),
            fnv(38, &[w(i), q]),
            fnv(39, &[pe, w(i + 1)]),
            fnv(40, &[ps, w(i - 1)]),
            fnv(41, &[w(i - 1), w(i), w(i + 1)]),
            fnv(42, &[mention[k], cue_kind[(k + 1).min(n - 1)]]),
            fnv(52, &[&prefix]),
            fnv(53, &[&prefix, r(0)]),
            fnv(54, &[&prefix, left_cue[k], right_cue[k]]),
            fnv(55, &[w(i - 1), w(i + 1)]),
            fnv(56, &[w(i), w(i + 2)]),
            fnv(57, &[w(i - 2), w(i)]),
        ]);
        // Where this token sits against its sentence's first and last cue word, and where
        // those cues sit in the sentence ("…, X said." puts the cue at the end).
        let sid = sent_id[k].min(sentence_count - 1);
        let side = |c: Option<usize>| match c {
            None => "n",
            Some(c) if k < c => "b",
            Some(c) if k == c => "c",
            Some(_) => "a",
        };
        let place = |c: Option<usize>| match c {
            None => "n",
            Some(c) if sent_end[k].saturating_sub(c) <= 5 => "end",
            Some(c) if c - sent_start[k] <= 5 => "start",
            Some(_) => "mid",
        };
        let (fc, lc) = (first_cue[sid], last_cue[sid]);
        f.extend([
            fnv(49, &[mention_kind[k]]),
            fnv(50, &[mention_kind[k], right_cue[k]]),
            fnv(51, &[mention_kind[k], w(i + 1)]),
            fnv(47, &[rule_kind[k], r(0)]),
            fnv(48, &[rule_kind[k], r(-1), r(0)]),
            fnv(43, &[side(fc), place(fc)]),
            fnv(44, &[side(lc), place(lc)]),
            fnv(45, &[side(fc), place(fc), r(0)]),
            fnv(46, &[side(lc), place(lc), first, lastf]),
        ]);
        if k > 0 && sent_id[k] != sent_id[k - 1] {
            f.push(fnv(30, &["newsent", r(0)]));
        }
        out.push(f);
    }
    out
}

/// Token ranges decoded as one sequence each: the paragraphs (lines) of the body.
pub fn segments(ctx: &Context<'_>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut covered = 0;
    for &(s, e) in &ctx.paragraphs {
        let (a, b) = (ctx.token_at(s).max(covered), ctx.token_end(e));
        if a < b {
            if a > covered {
                out.push((covered, a));
            }
            out.push((a, b));
            covered = b;
        }
    }
    if covered < ctx.words.len() {
        out.push((covered, ctx.words.len()));
    }
    out
}

/// Adds features read off a first tagger's tags (stacking): the predicted labels around each
/// token, and how far the nearest predicted cue and source are within the sentence.
pub fn add_stage_features(ctx: &Context<'_>, feats: &mut [Vec<usize>], stage1: &[usize]) {
    let n = feats.len().min(stage1.len());
    let name = |t: usize| {
        ["O", "BS", "IS", "BC", "IC", "BT", "IT"]
            .get(t)
            .copied()
            .unwrap_or("O")
    };
    let at = |k: isize| -> &str {
        if k < 0 || k as usize >= n {
            "<>"
        } else {
            name(stage1[k as usize])
        }
    };
    let bucket = |d: usize| match d {
        0..=1 => "1",
        2..=3 => "3",
        4..=8 => "8",
        9..=20 => "20",
        _ => "far",
    };
    // Nearest predicted cue on each side within the sentence.
    let mut left = vec!["none"; n];
    let mut right = vec!["none"; n];
    let mut sent_has_content = vec!["-"; n];
    for &(s, e) in &ctx.sentences {
        let (a, b) = (ctx.token_at(s), ctx.token_end(e).min(n));
        let mut last = None;
        for k in a..b {
            left[k] = last.map_or("none", |c| bucket(k - c));
            if super::label_of(stage1[k]) == 2 {
                last = Some(k);
            }
        }
        let mut next = None;
        for k in (a..b).rev() {
            right[k] = next.map_or("none", |c| bucket(c - k));
            if super::label_of(stage1[k]) == 2 {
                next = Some(k);
            }
        }
        if (a..b).any(|k| super::label_of(stage1[k]) == 3) {
            for slot in sent_has_content.iter_mut().take(b).skip(a) {
                *slot = "T";
            }
        }
    }
    // Which parts the first tagger's attribution around each token has ("S-C-T" complete,
    // "S--" a source without cue), so the second can distrust incomplete ones.
    let mut group_shape = vec!["none"; n];
    for a in super::spans::attributions_from_tags(ctx, &stage1[..n]) {
        let shape = match (a.source.is_some(), a.cue.is_some(), !a.parts.is_empty()) {
            (true, true, true) => "SCT",
            (false, true, true) => "-CT",
            (true, true, false) => "SC-",
            (false, true, false) => "-C-",
            (true, false, true) => "S-T",
            (true, false, false) => "S--",
            (false, false, true) => "--T",
            (false, false, false) => "---",
        };
        let spans = a.parts.iter().copied().chain(a.source).chain(a.cue);
        for (s, e) in spans {
            for slot in group_shape
                .iter_mut()
                .take(ctx.token_end(e).min(n))
                .skip(ctx.token_at(s))
            {
                *slot = shape;
            }
        }
    }
    for (k, f) in feats.iter_mut().enumerate().take(n) {
        let i = k as isize;
        let w = ctx.lower_at(k);
        f.extend([
            fnv(60, &[at(i)]),
            fnv(61, &[at(i - 1), at(i)]),
            fnv(62, &[at(i), at(i + 1)]),
            fnv(63, &[at(i - 2), at(i - 1), at(i)]),
            fnv(64, &[at(i), at(i + 1), at(i + 2)]),
            fnv(65, &[left[k], right[k]]),
            fnv(66, &[at(i), left[k], right[k]]),
            fnv(67, &[w, at(i)]),
            fnv(68, &[sent_has_content[k], at(i)]),
            fnv(69, &[at(i - 1), at(i + 1)]),
            fnv(70, &[group_shape[k], at(i)]),
        ]);
    }
}
