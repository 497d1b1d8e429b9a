//! One storyline, two events: a leader's visit abroad (two articles) and his
//! spokesman's radio interview (two articles). All four share the storyline's names
//! (the president, both countries, the air campaign); the events differ in their
//! anchors (the host city, the palace and the meetings against the radio station, its
//! studio and its host). None is dated, so time cannot tell the events apart.
//!
//! Wanted, and what the snapshot shows: two stories in one storyline, the visit's
//! articles together and the interview's together. It takes the batch's document
//! frequencies (the storyline's names weigh little from the second article on) and the
//! discount for undated pairs.

mod common;

#[test]
fn events_of_one_storyline() {
    let articles = common::stream(
        include_str!("fixtures/storyline.txt"),
        "fixture://storyline/",
        |n| format!("Outlet {n}"),
    );
    insta::assert_snapshot!(common::render(&articles, false));
}
