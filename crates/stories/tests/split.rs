//! The split check on a hand-made stream: three articles on one hijacking, then a navy
//! ship foiling another pirate attack. Set just under the navy article's score against
//! the hijacking story, the threshold lets it join that story as a doubtful member; the
//! next navy article then joins only through it, and the two leave together.

mod common;

use parallax_stories::features::raw_terms;
use parallax_stories::{OnlineClusterer, Params, Placement};

/// Places every article of the fixture; returns the placements.
fn run(params: Params) -> Vec<Placement> {
    let articles = common::stream(include_str!("fixtures/split.txt"), "fixture://", |n| {
        format!("Outlet {n}")
    });
    let mut clusterer = OnlineClusterer::new(params);
    articles
        .iter()
        .map(|a| {
            let terms = raw_terms(a.title.as_deref(), &a.body);
            clusterer.add(&terms, a.published).0
        })
        .collect()
}

/// A threshold just under the first navy article's score against the hijacking story.
fn doubtful_threshold() -> f32 {
    let off = Params {
        split_margin: 0.0,
        ..Params::default()
    };
    let placements = run(off);
    let (story, score) = placements[3].nearest.expect("a candidate story");
    assert_eq!(story, 0, "{placements:?}");
    assert!(score > 0.02, "{placements:?}");
    score - 0.01
}

#[test]
fn without_the_check_the_second_event_follows_its_first_article() {
    let placements = run(Params {
        threshold: doubtful_threshold(),
        split_margin: 0.0,
        ..Params::default()
    });
    let stories: Vec<u32> = placements.iter().map(|p| p.story).collect();
    assert_eq!(stories, [0, 0, 0, 0, 0, 0], "{placements:?}");
}

/// The check on, at the doubtful threshold, with no article counted as a copy.
fn split_on() -> Params {
    Params {
        threshold: doubtful_threshold(),
        split_copy: 1.5,
        ..Params::default()
    }
}

#[test]
fn a_doubtful_member_leaves_with_the_article_that_joins_through_it() {
    let placements = run(split_on());
    let stories: Vec<u32> = placements.iter().map(|p| p.story).collect();
    // Article 3 first joins story 0; article 4 takes it into story 1; article 5 follows.
    assert_eq!(stories, [0, 0, 0, 0, 1, 1], "{placements:?}");
    assert_eq!(placements[4].moved, Some(3));
    assert_eq!(placements[4].storyline, placements[0].storyline);
    assert!(placements
        .iter()
        .enumerate()
        .all(|(i, p)| i == 4 || p.moved.is_none()));
}

#[test]
fn a_copy_of_the_doubtful_member_does_not_take_it_away() {
    // Counted as a copy from its score against the doubtful member, the same article
    // brings no evidence of its own: nothing moves and the stream stays in one story.
    let pair = run(split_on())[4].score;
    let placements = run(Params {
        split_copy: pair,
        ..split_on()
    });
    assert!(
        placements.iter().all(|p| p.story == 0 && p.moved.is_none()),
        "{placements:?}"
    );
}

#[test]
fn the_moved_article_changes_story_in_the_output() {
    let articles = common::stream(include_str!("fixtures/split.txt"), "fixture://", |n| {
        format!("Outlet {n}")
    });
    // Counting the batch first would weigh terms differently from `run`.
    let params = Params {
        batch_document_frequencies: false,
        ..split_on()
    };
    let (assignments, stories) = parallax_stories::cluster_with(&articles, &[], params);
    let story_of: Vec<u32> = assignments.iter().map(|a| a.story.0).collect();
    assert_eq!(story_of, [0, 0, 0, 1, 1, 1]);
    let ids = |range: std::ops::Range<usize>| -> Vec<_> {
        articles[range].iter().map(|a| a.id).collect()
    };
    assert_eq!(stories[0].articles, ids(0..3));
    assert_eq!(stories[1].articles, ids(3..6));
    assert_eq!((stories[0].start, stories[0].end), (None, None));
    assert_eq!(
        (stories[1].start, stories[1].end),
        (articles[3].published, articles[5].published)
    );
    assert_eq!(stories[1].storyline, stories[0].storyline);
}
