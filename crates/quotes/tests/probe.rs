//! The probe over contextual token states: trained here on tiny made-up states (no encoder),
//! it (linear or with a hidden layer) learns which dimension marks which edge, reads back from bytes, travels inside a model
//! file, and feeds the edge features only when its logits cover every token.

mod common;

use common::article_from;
use parallax_quotes::context::Context;
use parallax_quotes::tagger::boundary::{Edge, Prepared, TokenSpans};
use parallax_quotes::tagger::mlp::train_mlp_probe;
use parallax_quotes::tagger::probe::{
    bucket, train_probe, Example, Probe, Target, TokenStates, TARGETS,
};
use parallax_quotes::words;

/// Four-wide states: dimension 0 is high on a content's first token, 1 on its last, 2 inside
/// it; dimension 3 is noise that repeats every few tokens.
fn made_up(tokens: usize, contents: &[(usize, usize)]) -> (TokenStates, Vec<[bool; TARGETS]>) {
    let mut rows = Vec::new();
    let mut gold = vec![[false; TARGETS]; tokens];
    for (k, g) in gold.iter_mut().enumerate() {
        let inside = contents.iter().any(|&(a, b)| a <= k && k <= b);
        let first = contents.iter().any(|&(a, _)| a == k);
        let last = contents.iter().any(|&(_, b)| b == k);
        rows.extend([
            if first { 2.0 } else { -0.5 },
            if last { 2.0 } else { -0.5 },
            if inside { 1.0 } else { -1.0 },
            (k % 3) as f32,
        ]);
        g[Target::ContentFirst as usize] = first;
        g[Target::ContentLast as usize] = last;
        g[Target::InContent as usize] = inside;
    }
    (TokenStates { dim: 4, rows }, gold)
}

fn trained() -> Probe {
    let (states, gold) = made_up(60, &[(3, 9), (20, 22), (40, 55)]);
    train_probe(
        &[Example {
            states: &states,
            gold: &gold,
        }],
        4,
        1,
        5,
    )
}

#[test]
fn the_probe_learns_which_dimension_marks_an_edge() {
    let probe = trained();
    let (unseen, gold) = made_up(30, &[(5, 12)]);
    let logits = probe.logits(&unseen);
    assert_eq!(logits.len(), 30);
    for (k, (row, g)) in logits.iter().zip(&gold).enumerate() {
        for t in [Target::ContentFirst, Target::ContentLast, Target::InContent] {
            let t = t as usize;
            assert_eq!(row[t] > 0.0, g[t], "token {k}, target {t}: {}", row[t]);
        }
        // Nothing taught it sources or cues: they stay unlikely.
        assert!(row[Target::SourceFirst as usize] < 0.0);
    }
}

#[test]
fn a_probe_reads_back_and_rejects_other_widths_and_bytes() {
    let probe = trained();
    let back = Probe::from_bytes(&probe.to_bytes()).expect("reads back");
    assert_eq!(back, probe);
    assert_eq!(back.dim(), 4);
    let wrong = TokenStates {
        dim: 3,
        rows: vec![0.0; 9],
    };
    assert!(probe.logits(&wrong).is_empty());
    assert!(Probe::from_bytes(b"PXPRB1\x04\x00\x00\x00").is_none());
    assert!(Probe::from_bytes(b"hello").is_none());
}

#[test]
fn a_probe_with_a_hidden_layer_learns_the_edges_too_and_reads_back() {
    // The same three contents forty times over: a hidden layer needs more steps.
    let contents: Vec<(usize, usize)> = (0..40)
        .flat_map(|r| [(3, 9), (20, 22), (40, 55)].map(|(a, b)| (a + 60 * r, b + 60 * r)))
        .collect();
    let (states, gold) = made_up(2400, &contents);
    let example = [Example {
        states: &states,
        gold: &gold,
    }];
    let probe = train_mlp_probe(&example, 4, 0, 8, 5);
    assert_eq!(
        probe,
        train_mlp_probe(&example, 4, 0, 8, 5),
        "deterministic"
    );
    let (unseen, gold) = made_up(30, &[(5, 12)]);
    let logits = probe.logits(&unseen);
    for (k, (row, g)) in logits.iter().zip(&gold).enumerate() {
        for t in [Target::ContentFirst, Target::ContentLast, Target::InContent] {
            let t = t as usize;
            assert_eq!(row[t] > 0.0, g[t], "token {k}, target {t}: {}", row[t]);
        }
        assert!(row[Target::SourceFirst as usize] < 0.0);
    }
    let back = Probe::from_bytes(&probe.to_bytes()).expect("reads back");
    assert_eq!(back, probe);
}

#[test]
fn a_probe_keeps_its_layers_and_old_probes_read_the_last_layer() {
    let probe = trained().with_layers(vec![3, 6]);
    let back = Probe::from_bytes(&probe.to_bytes()).expect("reads back");
    assert_eq!(back.layers(), &[3, 6]);
    assert_eq!(back, probe);
    // A PXPRB1 probe (no layer list) is the same numbers after the width and window.
    let plain = trained();
    let bytes = plain.to_bytes();
    let mut old = b"PXPRB1".to_vec();
    old.extend_from_slice(&bytes[6..14]);
    old.extend_from_slice(&bytes[22..]);
    let back = Probe::from_bytes(&old).expect("old probe reads");
    assert!(back.layers().is_empty());
    assert_eq!(back, plain);
}

#[test]
fn logits_fall_in_named_buckets() {
    assert_eq!(bucket(-10.0), "<-6");
    assert_eq!(bucket(0.0), "<0.5");
    assert_eq!(bucket(3.0), ">2");
    assert_eq!(bucket(f32::NAN), "nan");
}

#[test]
fn the_edge_features_read_the_probe_only_when_it_covers_every_token() {
    let article = article_from("The mayor said the river would flood by Friday.");
    let mentions = parallax_language::analyze(&article);
    let words = words::tokenize(&article.body);
    let ctx = Context::new(&article, &mentions, &words);
    let spans = TokenSpans {
        content: Some((3, 8)),
        cue: Some((2, 2)),
        source: Some((0, 1)),
    };
    let plain = Prepared::new(&ctx, &[]);
    let base = plain.features(Edge::ContentStart, &spans, 3, None);
    let too_short = Prepared::new(&ctx, &[]).with_probe(vec![[0.0; TARGETS]; 2]);
    assert_eq!(
        too_short.features(Edge::ContentStart, &spans, 3, None),
        base
    );
    let full = Prepared::new(&ctx, &[]).with_probe(vec![[1.0; TARGETS]; words.len()]);
    let with = full.features(Edge::ContentStart, &spans, 3, None);
    assert!(with.len() > base.len());
    assert_eq!(&with[..base.len()], &base[..]);
    assert_eq!(full.probe_at(3, 0), Some("<2"));
    assert_eq!(full.probe_at(-1, 0), Some("edge"));
    assert_eq!(plain.probe_at(3, 0), None);
}

#[test]
fn the_span_features_tell_a_span_the_probe_calls_content_from_one_it_does_not() {
    let article = article_from("The mayor said the river would flood by Friday.");
    let mentions = parallax_language::analyze(&article);
    let words = words::tokenize(&article.body);
    let ctx = Context::new(&article, &mentions, &words);
    let spans = TokenSpans {
        content: Some((3, 8)),
        cue: Some((2, 2)),
        source: Some((0, 1)),
    };
    let logits = |inside: f32| {
        let mut rows = vec![[-3.0f32; TARGETS]; words.len()];
        for row in &mut rows[3..=8] {
            row[Target::InContent as usize] = inside;
        }
        rows
    };
    let features = |inside: f32| {
        Prepared::new(&ctx, &[])
            .with_probe(logits(inside))
            .features(Edge::ContentEnd, &spans, 8, Some(3))
    };
    let (yes, no) = (features(3.0), features(-3.0));
    assert_eq!(yes.len(), no.len());
    assert_ne!(yes, no);
    // The same logits give the same features.
    assert_eq!(features(3.0), yes);
}
