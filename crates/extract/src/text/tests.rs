use super::*;

#[test]
fn headline_shapes() {
    assert!(is_headline_like("Council Approves New Harbour Bridge"));
    assert!(is_headline_like("Ferries and Bridges"));
    assert!(!is_headline_like("A spokesman for the council said so."));
    assert!(!is_headline_like(
        "The mayor's press secretary Jane Example"
    ));
}
