//! The content filter's training and its honest (cross-validated) effect: every text's
//! refined contents are judged by a filter trained on the other folds' refined contents,
//! labelled exact or not against gold.

use crate::cv::{gold_bytes, prepared, Honest, Refined};
use crate::Doc;
use parallax_quotes::context::Context;
use parallax_quotes::tagger::filter::{choices, filter_contents};
use parallax_quotes::tagger::refine::train_ranker;
use parallax_quotes::tagger::Ranker;
use parallax_quotes::words::tokenize;
use parallax_quotes::Attribution;

/// Trains the filter on texts `which`, whose refined attributions are `refined`: keep when a
/// content matches a gold content exactly, drop otherwise.
pub fn train_filter(
    docs: &[Doc],
    honest: &Honest,
    (refined, margins): &Refined,
    which: &[usize],
    mode: &str,
    epochs: usize,
) -> Ranker {
    let mut lists = Vec::new();
    for &i in which {
        let d = &docs[i];
        let m = parallax_language::analyze(&d.article);
        let words = tokenize(&d.article.body);
        let ctx = Context::new(&d.article, &m, &words);
        let rules = parallax_quotes::attributions(&d.article, &m);
        let prep = prepared(&ctx, &rules, honest, i, mode);
        let [contents, _, _] = gold_bytes(d);
        for (k, a) in refined[i].iter().enumerate() {
            let (Some(f), Some(l)) = (a.parts.first(), a.parts.last()) else {
                continue;
            };
            let lead = margins[i].get(k).copied().flatten();
            if let Some(c) = choices(&prep, a, lead) {
                let exact = contents.contains(&(f.0, l.1));
                lists.push((c, usize::from(!exact)));
            }
        }
    }
    train_ranker(&lists, epochs)
}

/// The refined attributions with each fold's contents filtered by a filter trained on the
/// other folds, with `bias` added to the drop score.
pub fn filtered(
    docs: &[Doc],
    honest: &Honest,
    refined: &Refined,
    folds: usize,
    epochs: usize,
    mode: &str,
    bias: f32,
) -> Vec<Vec<Attribution>> {
    let mut out = refined.0.clone();
    for fold in 0..folds {
        let train: Vec<usize> = (0..docs.len()).filter(|i| i % folds != fold).collect();
        let filter = train_filter(docs, honest, refined, &train, mode, epochs);
        for i in (0..docs.len()).filter(|i| i % folds == fold) {
            let d = &docs[i];
            let m = parallax_language::analyze(&d.article);
            let words = tokenize(&d.article.body);
            let ctx = Context::new(&d.article, &m, &words);
            let rules = parallax_quotes::attributions(&d.article, &m);
            let prep = prepared(&ctx, &rules, honest, i, mode);
            filter_contents(&prep, &filter, &mut out[i], &refined.1[i], bias);
        }
    }
    out
}
