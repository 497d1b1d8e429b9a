//! Clustering a small hand-made stream: two events of the same kind (two rehab stays,
//! two earthquakes) must land in four stories. FIXME: the snapshot shows four storylines;
//! the two rehab stories (and the two quakes) should share one, but their similarity
//! falls below `Params::storyline_threshold` with only eight articles of IDF.

mod common;

#[test]
fn same_kind_events_stay_apart() {
    let articles = common::stream(include_str!("fixtures/stream.txt"), "fixture://", |n| {
        format!("Outlet {}", n % 3)
    });
    insta::assert_snapshot!(common::render(&articles, true));
}
