//! The content filter: trained on a made-up choice it keeps or drops a content as taught,
//! a low enough bias keeps every content, the edge ranker's leads are read per attribution,
//! and the filter travels in the model file while older files still load without one.

mod common;

use common::article_from;
use parallax_core::QuoteKind;
use parallax_quotes::context::Context;
use parallax_quotes::tagger::boundary::Prepared;
use parallax_quotes::tagger::filter::{choices, filter_contents};
use parallax_quotes::tagger::refine::{content_margins, train_ranker};
use parallax_quotes::tagger::{Model, Stack, Trainer};
use parallax_quotes::{words, Attribution};

const BODY: &str = "The mayor said the river would flood by Friday.";

/// "said" as the cue, "The mayor" as the source, the rest of the sentence as the content.
fn said() -> Attribution {
    let at = |w: &str| BODY.find(w).expect("in the body");
    Attribution {
        kind: QuoteKind::Indirect,
        parts: vec![(at("the river"), at("."))],
        cue: Some((at("said"), at("said") + 4)),
        source: Some((0, at(" said"))),
        entity: None,
        mention: None,
    }
}

/// Runs `check` on the fixture's prepared article.
fn with_prep(check: impl FnOnce(&Prepared<'_, '_>)) {
    let article = article_from(BODY);
    let mentions = parallax_language::analyze(&article);
    let words = words::tokenize(&article.body);
    let ctx = Context::new(&article, &mentions, &words);
    check(&Prepared::new(&ctx, &[]));
}

#[test]
fn the_filter_keeps_or_drops_a_content_as_it_was_taught() {
    with_prep(|prep| {
        let list = choices(prep, &said(), None).expect("a content has choices");
        assert_eq!(list.len(), 2);
        for (gold, kept) in [(0, true), (1, false)] {
            let filter = train_ranker(&[(list.clone(), gold)], 3);
            let mut found = vec![said()];
            filter_contents(prep, &filter, &mut found, &[], 0.0);
            assert_eq!(!found[0].parts.is_empty(), kept, "taught {gold}");
            // The cue and source stay either way.
            assert_eq!(found[0].cue, said().cue);
            assert_eq!(found[0].source, said().source);
        }
        let dropper = train_ranker(&[(list, 1)], 3);
        let mut found = vec![said()];
        filter_contents(prep, &dropper, &mut found, &[], -1e9);
        assert_eq!(found[0].parts, said().parts);
    });
}

#[test]
fn a_cue_without_content_has_no_choices_and_no_margins() {
    with_prep(|prep| {
        let bare = Attribution {
            parts: Vec::new(),
            ..said()
        };
        assert!(choices(prep, &bare, None).is_none());
        let list = choices(prep, &said(), None).expect("choices");
        let ranker = train_ranker(&[(list, 0)], 1);
        let margins = content_margins(prep, &ranker, &[said(), bare]);
        assert_eq!(margins.len(), 2);
        assert!(margins[0].is_some());
        assert!(margins[1].is_none());
    });
}

#[test]
fn the_filter_travels_in_the_model_file_and_older_files_load_without_one() {
    let list = with_list();
    let model = Model {
        stack: Stack {
            first: Trainer::default().finish(),
            second: Trainer::default().finish(),
        },
        ranker: None,
        sources: None,
        probe: None,
        probe_in_tagger: false,
        filter: Some(train_ranker(&[(list, 1)], 2)),
    };
    let bytes = model.to_bytes();
    let back = Model::from_bytes(&bytes).expect("reads back");
    let filter_bytes = |m: &Model| m.filter.as_ref().map(|f| f.to_bytes());
    assert_eq!(filter_bytes(&back), filter_bytes(&model));
    assert!(filter_bytes(&back).is_some());
    // A file of the previous version: five parts under its tag.
    let mut old = Model {
        filter: None,
        ..back
    }
    .to_bytes();
    old.truncate(old.len() - 8);
    old[..5].copy_from_slice(b"PXTM3");
    let old = Model::from_bytes(&old).expect("a five-part file reads");
    assert!(old.filter.is_none());
}

/// The fixture's choice list.
fn with_list() -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    with_prep(|prep| out = choices(prep, &said(), None).expect("choices"));
    out
}
