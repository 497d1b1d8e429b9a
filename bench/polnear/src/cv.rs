//! Cross-validation inside one split: every text is tagged by a stacked tagger trained on the
//! other folds, so its attributions are honest (what the tagger does on unseen text). The
//! refiner learns from these, and `cv` scores them; they can be cached in a small text file.

use crate::{train, Doc};
use parallax_core::CharIndex;
use parallax_quotes::context::Context;
use parallax_quotes::tagger::boundary::Prepared;
use parallax_quotes::tagger::model::NONE_BIAS;
use parallax_quotes::tagger::model::{attributions_of_tags, tag_article};
use parallax_quotes::tagger::refine::{
    content_margins, fill_contents, refine, train_ranker, CueContent, Examples, GoldLink,
};
use parallax_quotes::tagger::source::choose_sources;
use parallax_quotes::tagger::Ranker;
use parallax_quotes::tagger::TAGS;
use parallax_quotes::words::tokenize;
use parallax_quotes::Attribution;
use std::path::Path;

/// Tags and emission scores per text.
pub type Tagged = (Vec<Vec<usize>>, Vec<Vec<[f32; TAGS]>>);

/// The tagger's honest output on a split: tags, emission scores, and attributions.
pub struct Honest {
    /// Tags per token of each text.
    pub tags: Vec<Vec<usize>>,
    /// Emission scores per token of each text.
    pub scores: Vec<Vec<[f32; TAGS]>>,
    /// Attributions read off each text's tags.
    pub attributions: Vec<Vec<Attribution>>,
    /// Honest probe logits per token of each text (empty without MiniLM states).
    pub probe: crate::states::Logits,
}

/// The tagger's tags on every text of `docs`, each from a model that did not see it.
pub fn honest_tags(docs: &[Doc], epochs: usize, inner_folds: usize, outer_folds: usize) -> Tagged {
    let mut out: Tagged = (vec![Vec::new(); docs.len()], vec![Vec::new(); docs.len()]);
    for fold in 0..outer_folds {
        let train_docs: Vec<&Doc> = docs
            .iter()
            .enumerate()
            .filter(|(i, _)| i % outer_folds != fold)
            .map(|(_, d)| d)
            .collect();
        let stack = train::train(&train_docs, epochs, inner_folds);
        for (i, d) in docs
            .iter()
            .enumerate()
            .filter(|(i, _)| i % outer_folds == fold)
        {
            let m = parallax_language::analyze(&d.article);
            (out.0[i], out.1[i]) = tag_article(&d.article, &m, &stack, &d.probe);
        }
        eprintln!("outer fold {} of {outer_folds} done", fold + 1);
    }
    out
}

/// Attributions read off every text's tags.
pub fn attributions_of(docs: &[Doc], tags: &[Vec<usize>]) -> Vec<Vec<Attribution>> {
    docs.iter()
        .zip(tags)
        .map(|(d, t)| {
            let m = parallax_language::analyze(&d.article);
            attributions_of_tags(&d.article, &m, t)
        })
        .collect()
}

/// Writes tags and scores, one text a line: tags, then `|`, then seven scores per token.
pub fn save(path: &Path, all: &Tagged) -> Result<(), String> {
    let mut s = String::new();
    for (tags, scores) in all.0.iter().zip(&all.1) {
        let t: Vec<String> = tags.iter().map(usize::to_string).collect();
        s.push_str(&t.join(" "));
        s.push('|');
        let f: Vec<String> = scores.iter().flatten().map(|x| format!("{x:.3}")).collect();
        s.push_str(&f.join(" "));
        s.push('\n');
    }
    std::fs::write(path, s).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Reads what [`save`] wrote for `n` texts.
pub fn load(path: &Path, n: usize) -> Result<Tagged, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut out: Tagged = (Vec::new(), Vec::new());
    for line in text.lines() {
        let (tags, scores) = line.split_once('|').unwrap_or((line, ""));
        out.0
            .push(tags.split(' ').filter_map(|t| t.parse().ok()).collect());
        let flat: Vec<f32> = scores.split(' ').filter_map(|t| t.parse().ok()).collect();
        out.1.push(
            flat.chunks_exact(TAGS)
                .map(|c| {
                    let mut row = [0.0; TAGS];
                    row.copy_from_slice(c);
                    row
                })
                .collect(),
        );
    }
    if out.0.len() != n {
        return Err(format!(
            "{}: {} texts, not {n}",
            path.display(),
            out.0.len()
        ));
    }
    Ok(out)
}

/// Writes attributions per text, one line each: text number, cue, source, content parts
/// (byte offsets), for looking at errors.
pub fn save_attributions(path: &Path, all: &[Vec<Attribution>]) -> Result<(), String> {
    let pair = |p: Option<(usize, usize)>| p.map_or("-".into(), |(a, b)| format!("{a} {b}"));
    let mut s = String::new();
    for (i, atts) in all.iter().enumerate() {
        for a in atts {
            let parts: Vec<String> = a.parts.iter().map(|&p| pair(Some(p))).collect();
            s.push_str(&format!(
                "{i}\t{}\t{}\t{}\n",
                pair(a.cue),
                pair(a.source),
                parts.join(";")
            ));
        }
    }
    std::fs::write(path, s).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Gold Content, Source and Cue spans of one text in bytes (a Content in pieces from its first
/// to its last character).
pub(crate) fn gold_bytes(doc: &Doc) -> [Vec<(usize, usize)>; 3] {
    let index = CharIndex::new(&doc.article.body);
    let bytes = |l: usize| -> Vec<(usize, usize)> {
        doc.gold.by_label[l]
            .iter()
            .filter_map(|&(a, b)| Some((index.byte_of(a as u32)?, index.byte_of(b as u32)?)))
            .collect()
    };
    [bytes(2), bytes(0), bytes(1)]
}

/// Gold (cue, source) byte ranges of one text's attributions.
fn gold_links(doc: &Doc) -> Vec<GoldLink> {
    let index = CharIndex::new(&doc.article.body);
    let bytes = |(a, b): (usize, usize)| Some((index.byte_of(a as u32)?, index.byte_of(b as u32)?));
    doc.links
        .iter()
        .filter_map(|l| Some((bytes(l.cue?)?, l.source.and_then(bytes))))
        .collect()
}

/// Text `i` prepared for the rankers, with the tagger's scores when `mode` has `x`, its
/// tags when it has `t`, and the probe's logits when it has `p`.
pub(crate) fn prepared<'c, 'a>(
    ctx: &'c Context<'a>,
    rules: &[Attribution],
    honest: &Honest,
    i: usize,
    mode: &str,
) -> Prepared<'c, 'a> {
    let mut prep = Prepared::new(ctx, rules);
    if mode.contains('x') {
        prep = prep.with_scores(honest.scores[i].clone());
    }
    if mode.contains('t') {
        prep = prep.with_tags(&honest.tags[i]);
    }
    if mode.contains('p') {
        if let Some(logits) = honest.probe.get(i) {
            prep = prep.with_probe(logits.clone());
        }
    }
    prep.with_cues(&honest.attributions[i])
}

/// Gold (cue, content) byte ranges of one text's attributions.
fn cue_contents(doc: &Doc) -> Vec<CueContent> {
    let index = CharIndex::new(&doc.article.body);
    let bytes = |(a, b): (usize, usize)| Some((index.byte_of(a as u32)?, index.byte_of(b as u32)?));
    doc.links
        .iter()
        .filter_map(|l| Some((bytes(l.cue?)?, bytes(l.content?)?)))
        .collect()
}

/// The ranker's training lists from texts `which` of `docs`, with the tagger's honest
/// attributions on them.
pub fn ranker_examples(
    docs: &[Doc],
    honest: &Honest,
    which: &[usize],
    mode: &str,
    chooser: Option<&Ranker>,
) -> Examples {
    let mut ex = Examples::default();
    for &i in which {
        let d = &docs[i];
        let m = parallax_language::analyze(&d.article);
        let words = tokenize(&d.article.body);
        let ctx = Context::new(&d.article, &m, &words);
        let rules = parallax_quotes::attributions(&d.article, &m);
        let prep = prepared(&ctx, &rules, honest, i, mode);
        let [contents, sources, cues] = gold_bytes(d);
        ex.add_sources(&prep, &honest.attributions[i], &rules, &gold_links(d));
        let mut filled = honest.attributions[i].clone();
        if let Some(chooser) = chooser {
            choose_sources(&prep, chooser, &rules, &mut filled, NONE_BIAS);
        }
        if mode.contains('f') {
            fill_contents(&prep, &mut filled);
        }
        ex.add(&prep, &filled, &contents, &sources, &cues, &cue_contents(d));
    }
    ex
}

/// Trains the edge ranker and the source chooser on texts `which`; with `o` in `mode` the
/// edge ranker learns from the attributions as the chooser leaves them (as it runs).
pub fn train_rankers(
    docs: &[Doc],
    honest: &Honest,
    which: &[usize],
    mode: &str,
    epochs: usize,
) -> (Ranker, Ranker, Examples) {
    let ex = ranker_examples(docs, honest, which, mode, None);
    let sources = train_ranker(&ex.source_lists, epochs);
    let ex = if mode.contains('o') {
        ranker_examples(docs, honest, which, mode, Some(&sources))
    } else {
        ex
    };
    (train_ranker(&ex.lists, epochs), sources, ex)
}

/// Refines every text's honest attributions with a ranker trained on the other folds; with
/// the ranker's leads on each content's edges before it moved them.
pub fn refined_attributions(
    docs: &[Doc],
    honest: &Honest,
    folds: usize,
    epochs: usize,
    mode: &str,
) -> Refined {
    let mut out = honest.attributions.clone();
    let mut margins = vec![Vec::new(); docs.len()];
    let none_bias = std::env::var("PX_NONE_BIAS")
        .ok()
        .and_then(|b| b.parse().ok())
        .unwrap_or(NONE_BIAS);
    for fold in 0..folds {
        let train: Vec<usize> = (0..docs.len()).filter(|i| i % folds != fold).collect();
        let (ranker, sources, ex) = train_rankers(docs, honest, &train, mode, epochs);
        if fold == 0 {
            eprintln!(
                "gold edge among candidates (content, source, cue: start, end): {:?} of {:?}",
                ex.found, ex.asked
            );
        }
        if fold == 0 {
            eprintln!("gold source among candidates: {:?}", ex.source_found);
        }
        let held: Vec<usize> = (0..docs.len()).filter(|i| i % folds == fold).collect();
        let test = ranker_examples(docs, honest, &held, mode, None);
        let mut right = [[0usize; 3]; 6];
        for ((feats, gold), (slot, tagged)) in test.lists.iter().zip(&test.origin) {
            right[*slot][0] += 1;
            right[*slot][1] += usize::from(*tagged == Some(*gold));
            right[*slot][2] += usize::from(ranker.best(feats) == Some(*gold));
        }
        eprintln!("fold {fold}: per edge [lists, tagger right, ranker right]: {right:?}");
        for i in (0..docs.len()).filter(|i| i % folds == fold) {
            let d = &docs[i];
            let m = parallax_language::analyze(&d.article);
            let words = tokenize(&d.article.body);
            let ctx = Context::new(&d.article, &m, &words);
            let rules = parallax_quotes::attributions(&d.article, &m);
            let prep = prepared(&ctx, &rules, honest, i, mode);
            if mode.contains('s') {
                choose_sources(&prep, &sources, &rules, &mut out[i], none_bias);
            }
            if mode.contains('f') {
                fill_contents(&prep, &mut out[i]);
            }
            if mode.contains('e') {
                margins[i] = content_margins(&prep, &ranker, &out[i]);
                refine(&prep, &ranker, &mut out[i], mode.contains('c'));
            }
        }
    }
    (out, margins)
}

/// The edge ranker's leads per attribution of one text ([`content_margins`]).
pub type Margins = Vec<Option<[f32; 2]>>;

/// Refined attributions per text, and the edge ranker's leads on each before it moved them.
pub type Refined = (Vec<Vec<Attribution>>, Vec<Margins>);

/// Diagnostic: tagged source segments that no attribution kept, and how many match a gold
/// source exactly.
pub fn lone_sources(docs: &[Doc], honest: &Honest, kept: &[Vec<Attribution>]) -> (usize, usize) {
    let (mut lone, mut right) = (0, 0);
    for (i, d) in docs.iter().enumerate() {
        let words = tokenize(&d.article.body);
        let tags = &honest.tags[i];
        if tags.len() != words.len() {
            continue;
        }
        let [_, sources, _] = gold_bytes(d);
        let mut k = 0;
        while k < tags.len() {
            if tags[k] == 1 {
                let mut e = k + 1;
                while e < tags.len() && tags[e] == 2 {
                    e += 1;
                }
                let span = (words[k].start, words[e - 1].end);
                let used = kept[i]
                    .iter()
                    .any(|a| a.source.is_some_and(|s| s.0 < span.1 && span.0 < s.1));
                if !used {
                    lone += 1;
                    right += usize::from(sources.contains(&span));
                }
                k = e;
            } else {
                k += 1;
            }
        }
    }
    (lone, right)
}
