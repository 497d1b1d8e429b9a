use super::{classify, LineKind};

#[track_caller]
fn check(line: &str, expected: LineKind) {
    assert_eq!(classify(line), expected, "{line}");
}

#[test]
fn template_lines_are_junk() {
    for line in [
        "Follow us on: |",
        "Connect with us",
        "Also read: Ships Leave Harbour Early",
        "Read: Council Votes On Budget",
        "please wait",
        "No media source currently available",
        "0:00 0:03:17 0:00",
        "Direct link",
        "XS SM MD LG",
        "LG",
        "Home - Local News - Weather",
        "Ann Example/AGENCY",
        "Bridge at dusk Jo Sample / Flickr CC",
        "12 comments",
        "Boats wait in the harbour on Tuesday. (AP Photo/Jo Sample)",
        "The old pier before the storm [File: Agency]",
    ] {
        check(line, LineKind::Junk);
    }
}

#[test]
fn notices_and_author_boxes_cut_the_rest() {
    check("ATTENTION READERS", LineKind::Cutoff);
    check("Email this story | Print this story", LineKind::Junk);
    check(
        "Get the Gazette delivered every week. 12 issues for £9.99. Click here for more information.",
        LineKind::Junk,
    );
    check(
        "The council will publish its plan in March. Residents can comment until April.",
        LineKind::Other,
    );
    check("Your views", LineKind::Cutoff);
    check("harbourfan wrote:", LineKind::Cutoff);
    check("About Jane Example", LineKind::Cutoff);
    check(
        "Example Radio has been declared an \"undesirable organization\" by the government.",
        LineKind::Cutoff,
    );
}

#[test]
fn article_sentences_stay() {
    for line in [
        "The council said the bridge would reopen on Monday.",
        "Harbour traffic",
        "The ministry declared the group undesirable in 2017, officials said.",
        "Read the full report on the council's website, the mayor said.",
    ] {
        check(line, LineKind::Other);
    }
}
