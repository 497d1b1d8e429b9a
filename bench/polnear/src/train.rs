//! Training the attribution tagger on a PolNeAR split: gold BIO tags from the brat spans,
//! averaged perceptron epochs over the texts in a fixed pseudo-random order.

use crate::Doc;
use parallax_core::CharIndex;
use parallax_quotes::tagger::{Model, Trainer};
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

/// Trains for `epochs` passes; the text order is shuffled with a fixed seed each pass.
pub fn train(docs: &[Doc], epochs: usize) -> Model {
    let mut data: Vec<(Vec<Vec<usize>>, Vec<usize>)> = Vec::new();
    for d in docs {
        let mentions = parallax_language::analyze(&d.article);
        let (words, feats, segments) = parallax_quotes::tagger_features(&d.article, &mentions);
        let gold = gold_tags(d, &words);
        for (a, b) in segments {
            data.push((feats[a..b].to_vec(), gold[a..b].to_vec()));
        }
    }
    let mut trainer = Trainer::default();
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        for &i in &order {
            trainer.learn(&data[i].0, &data[i].1);
        }
        eprintln!("epoch {} done", epoch + 1);
    }
    trainer.finish()
}
