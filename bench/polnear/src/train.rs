//! Training the attribution tagger on a PolNeAR split: gold BIO tags from the brat spans,
//! averaged perceptron epochs over the texts in a fixed pseudo-random order.

use crate::Doc;
use parallax_core::CharIndex;
use parallax_quotes::tagger::perceptron::Model;
use parallax_quotes::tagger::{decode_segments, Stack, Trainer};
use parallax_quotes::words::Word;

/// Gold tag per token: Cue over Source over Content where they overlap.
pub fn gold_tags(doc: &Doc, words: &[Word]) -> Vec<usize> {
    let index = CharIndex::new(&doc.article.body);
    let mut tags = vec![0usize; words.len()];
    let mut pieces = doc.pieces.clone();
    // Content first, then Source, then Cue, so later labels win.
    pieces.sort_by_key(|p| match p.0 {
        2 => 0,
        0 => 1,
        _ => 2,
    });
    for (label, a, b) in pieces {
        let (Some(sb), Some(eb)) = (index.byte_of(a as u32), index.byte_of(b as u32)) else {
            continue;
        };
        let first = words.partition_point(|w| w.end <= sb);
        let mut k = first;
        // LABELS are Source, Cue, Content; tags are 1+2*(label) for B and 2+2*label for I.
        while k < words.len() && words[k].start < eb {
            tags[k] = if k == first {
                1 + 2 * label
            } else {
                2 + 2 * label
            };
            k += 1;
        }
    }
    tags
}

/// One training text, prepared once.
struct Item {
    words: Vec<Word>,
    mentions: parallax_core::Mentions,
    feats: Vec<Vec<usize>>,
    segments: Vec<(usize, usize)>,
    gold: Vec<usize>,
}

/// Trains one perceptron for `epochs` passes over the segments of `items` (feature rows
/// from `feats_of`); the order is shuffled with a fixed seed each pass.
fn train_model(
    items: &[&Item],
    feats_of: &dyn Fn(&Item) -> Vec<Vec<usize>>,
    epochs: usize,
) -> Model {
    let mut data: Vec<(Vec<Vec<usize>>, Vec<usize>)> = Vec::new();
    for item in items {
        let feats = feats_of(item);
        for &(a, b) in &item.segments {
            data.push((feats[a..b].to_vec(), item.gold[a..b].to_vec()));
        }
    }
    let mut trainer = Trainer::default();
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        for &i in &order {
            trainer.learn(&data[i].0, &data[i].1);
        }
    }
    trainer.finish()
}

/// Trains the stacked tagger: the first tagger's tags on each training text come from a
/// model trained on the other folds, so the second learns from honest mistakes.
pub fn train(docs: &[&Doc], epochs: usize, folds: usize) -> Stack {
    let items: Vec<Item> = docs
        .iter()
        .map(|d| {
            let mentions = parallax_language::analyze(&d.article);
            let (words, mut feats, segments) =
                parallax_quotes::tagger_features(&d.article, &mentions);
            parallax_quotes::tagger::probe::add_probe_features(&mut feats, &d.probe);
            let gold = gold_tags(d, &words);
            Item {
                words,
                mentions,
                feats,
                segments,
                gold,
            }
        })
        .collect();
    let base = |i: &Item| i.feats.clone();
    let mut stage1: Vec<Vec<usize>> = vec![Vec::new(); items.len()];
    for fold in 0..folds {
        let train: Vec<&Item> = items
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != fold)
            .map(|(_, x)| x)
            .collect();
        let model = train_model(&train, &base, epochs);
        for (i, item) in items.iter().enumerate().filter(|(i, _)| i % folds == fold) {
            stage1[i] = decode_segments(&model, &item.feats, &item.segments);
        }
        eprintln!("fold {} of {folds} done", fold + 1);
    }
    let all: Vec<&Item> = items.iter().collect();
    let first = train_model(&all, &base, epochs);
    eprintln!("first tagger done");
    let index_of = |item: &Item| {
        items
            .iter()
            .position(|x| std::ptr::eq(x, item))
            .unwrap_or(0)
    };
    let stacked = |item: &Item| {
        let mut feats = item.feats.clone();
        let d = &docs[index_of(item)];
        parallax_quotes::add_stage_features(
            &d.article,
            &item.mentions,
            &item.words,
            &mut feats,
            &stage1[index_of(item)],
        );
        feats
    };
    let second = train_model(&all, &stacked, epochs);
    eprintln!("second tagger done");
    Stack { first, second }
}
