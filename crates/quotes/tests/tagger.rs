//! The learned model end to end on our own fixtures: a tiny model is trained in the test from
//! marked-up sentences (`fixtures/tagger/train.txt`, `{S1:source} {C1:cue} {T1:content}`),
//! then finds the quotes of a text it has not seen (`fixtures/tagger/held_out.txt`); on random
//! text its spans stay inside the body. FIXME: the held-out speaker of "The traders’ guild
//! warned" is the mention "guild", not the whole phrase, and its content keeps the "that"
//! that the training marks leave out.

mod common;

use common::article_from;
use parallax_core::{Article, CharIndex, Mentions};
use parallax_quotes::context::Context;
use parallax_quotes::tagger::boundary::Prepared;
use parallax_quotes::tagger::refine::{train_ranker, CueContent, Examples, GoldLink};
use parallax_quotes::tagger::{decode_segments, find_quotes_tagged, Error, Model, Stack, Trainer};
use parallax_quotes::{add_stage_features, tagger_features, words};
use std::fmt::Write;

/// A marked span: label (0 Source, 1 Cue, 2 Content), attribution number, bytes.
type Marked = (usize, usize, (usize, usize));

/// Strips `{S1:...}` marks, returning the body and the marked spans in its bytes.
fn parse_markup(text: &str) -> (String, Vec<Marked>) {
    let mut body = String::new();
    let mut marks = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        body.push_str(&rest[..open]);
        let inner = &rest[open + 1..];
        let close = inner.find('}').expect("fixture marks are closed");
        let (head, span_text) = inner[..close].split_once(':').expect("marks have a colon");
        let label = match &head[..1] {
            "S" => 0,
            "C" => 1,
            _ => 2,
        };
        let id: usize = head[1..].parse().expect("marks are numbered");
        marks.push((label, id, (body.len(), body.len() + span_text.len())));
        body.push_str(span_text);
        rest = &inner[close + 1..];
    }
    body.push_str(rest);
    (body, marks)
}

/// Gold tag per token: B and I of Source (1, 2), Cue (3, 4), Content (5, 6).
fn gold_tags(words: &[words::Word], marks: &[Marked]) -> Vec<usize> {
    let mut tags = vec![0; words.len()];
    for &(label, _, (a, b)) in marks {
        for (k, w) in words.iter().enumerate() {
            if w.start >= a && w.end <= b {
                tags[k] = if w.start == a {
                    1 + 2 * label
                } else {
                    2 + 2 * label
                };
            }
        }
    }
    tags
}

fn train_perceptron(
    feats: &[Vec<usize>],
    gold: &[usize],
    segments: &[(usize, usize)],
) -> parallax_quotes::tagger::perceptron::Model {
    let mut trainer = Trainer::default();
    for _ in 0..10 {
        for &(a, b) in segments {
            trainer.learn(&feats[a..b], &gold[a..b]);
        }
    }
    trainer.finish()
}

/// Trains the whole model on the marked-up fixture: both taggers, then the rankers on the
/// tagger's own output.
fn tiny_model() -> Model {
    let text = std::fs::read_to_string("tests/fixtures/tagger/train.txt").expect("fixture");
    let (body, marks) = parse_markup(&text);
    let article = article_from(&body);
    let mentions: Mentions = parallax_language::analyze(&article);
    let (words, feats, segments) = tagger_features(&article, &mentions);
    let gold = gold_tags(&words, &marks);
    let first = train_perceptron(&feats, &gold, &segments);
    let mut stacked = feats.clone();
    let stage1 = decode_segments(&first, &feats, &segments);
    add_stage_features(&article, &mentions, &words, &mut stacked, &stage1);
    let second = train_perceptron(&stacked, &gold, &segments);
    let mut model = Model {
        stack: Stack { first, second },
        ranker: None,
        sources: None,
        probe: None,
        probe_in_tagger: false,
        filter: None,
    };
    let tagged = model.attributions(&article, &mentions);
    let ctx = Context::new(&article, &mentions, &words);
    let rules = parallax_quotes::attributions(&article, &mentions);
    let prep = Prepared::new(&ctx, &rules);
    let spans = |label: usize| -> Vec<(usize, usize)> {
        marks.iter().filter(|m| m.0 == label).map(|m| m.2).collect()
    };
    let links: Vec<GoldLink> = marks
        .iter()
        .filter(|m| m.0 == 1)
        .map(|c| {
            let source = marks.iter().find(|m| m.0 == 0 && m.1 == c.1).map(|m| m.2);
            (c.2, source)
        })
        .collect();
    let mut examples = Examples::default();
    let cue_contents: Vec<CueContent> = marks
        .iter()
        .filter(|m| m.0 == 1)
        .filter_map(|c| {
            let content = marks.iter().find(|m| m.0 == 2 && m.1 == c.1)?;
            Some((c.2, content.2))
        })
        .collect();
    examples.add(
        &prep,
        &tagged,
        &spans(2),
        &spans(0),
        &spans(1),
        &cue_contents,
    );
    examples.add_sources(&prep, &tagged, &rules, &links);
    model.ranker = Some(train_ranker(&examples.lists, 10));
    model.sources = Some(train_ranker(&examples.source_lists, 10));
    model
}

fn render(article: &Article, model: &Model) -> String {
    let mentions = parallax_language::analyze(article);
    let index = CharIndex::new(&article.body);
    let text = |s| index.slice(&article.body, s).unwrap_or("<out of body>");
    let mut out = String::new();
    for q in find_quotes_tagged(article, &mentions, model) {
        writeln!(out, "{:?}: {}", q.kind, text(q.span)).unwrap();
        writeln!(out, "  cue: {}", q.cue.map_or("-", text)).unwrap();
        writeln!(out, "  speaker: {}", q.speaker.mention.map_or("-", text)).unwrap();
    }
    out
}

fn held_out() -> Article {
    article_from(&std::fs::read_to_string("tests/fixtures/tagger/held_out.txt").expect("fixture"))
}

#[test]
fn a_tiny_model_finds_the_quotes_of_an_unseen_text() {
    insta::assert_snapshot!(render(&held_out(), &tiny_model()));
}

#[test]
fn a_model_reads_back_from_its_file_and_finds_the_same_quotes() {
    let model = tiny_model();
    let path = std::env::temp_dir().join(format!("parallax-tagger-{}.bin", std::process::id()));
    std::fs::write(&path, model.to_bytes()).expect("temp file");
    let back = Model::load(&path).expect("the model reads back");
    let _ = std::fs::remove_file(&path);
    assert_eq!(render(&held_out(), &back), render(&held_out(), &model));
}

#[test]
fn load_says_why_a_file_is_not_a_model() {
    let path = std::env::temp_dir().join(format!("parallax-not-a-model-{}", std::process::id()));
    std::fs::write(&path, b"hello").expect("temp file");
    let err = Model::load(&path);
    let _ = std::fs::remove_file(&path);
    assert!(matches!(err, Err(Error::NotAModel { .. })));
    let missing = Model::load(std::path::Path::new("/nonexistent/parallax-model.bin"));
    assert!(matches!(missing, Err(Error::Io { .. })));
}

#[test]
fn a_probe_travels_in_the_model_file_and_older_files_still_load() {
    use parallax_quotes::tagger::probe::{train_probe, Example, TokenStates, TARGETS};
    let mut model = tiny_model();
    let states = TokenStates {
        dim: 2,
        rows: (0..40).map(|i| (i % 5) as f32).collect(),
    };
    let gold: Vec<[bool; TARGETS]> = (0..20).map(|k| [k % 4 == 0; TARGETS]).collect();
    let example = Example {
        states: &states,
        gold: &gold,
    };
    let before = render(&held_out(), &model);
    // A file written before the probe existed: three parts under the old tag.
    let mut old = model.to_bytes();
    old.truncate(old.len() - 8);
    old[..5].copy_from_slice(b"PXTM2");
    let old = Model::from_bytes(&old).expect("a three-part file reads");
    assert!(old.probe.is_none());
    assert_eq!(render(&held_out(), &old), before);
    model.probe = Some(train_probe(&[example], 2, 1, 2));
    let back = Model::from_bytes(&model.to_bytes()).expect("reads back");
    assert_eq!(back.probe, model.probe);
    // Without states the probe stays silent and the quotes are the model's plain ones.
    assert_eq!(render(&held_out(), &back), before);
}

mod properties {
    use super::*;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn model() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(tiny_model)
    }

    /// Words, names, cues, quote marks and line breaks, glued at random.
    fn pieces() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("“".to_string()),
            Just("”".to_string()),
            Just("\"".to_string()),
            Just("«".to_string()),
            Just(" said ".to_string()),
            Just(" told reporters that ".to_string()),
            Just(" according to ".to_string()),
            Just(" Mayor Elena Varga".to_string()),
            Just(" she ".to_string()),
            Just(", ".to_string()),
            Just(". ".to_string()),
            Just("\n".to_string()),
            Just("é—".to_string()),
            "[a-zé ]{0,8}",
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn learned_quotes_lie_inside_the_body(body in pieces()) {
            let article = article_from(&body);
            let mentions = parallax_language::analyze(&article);
            let chars = body.chars().count() as u32;
            for q in find_quotes_tagged(&article, &mentions, model()) {
                prop_assert!(q.span.end() <= chars);
                for s in q.parts.iter().chain(q.cue.iter()).chain(q.speaker.mention.iter()) {
                    prop_assert!(s.start() <= s.end() && s.end() <= chars);
                }
            }
        }
    }
}
