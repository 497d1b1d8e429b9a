//! Reads text on stdin and prints what the text cleaner keeps (`--body` for body mode).

use std::io::Read;

fn main() {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).expect("stdin");
    let mode = if std::env::args().any(|a| a == "--body") {
        parallax_extract::text::Mode::Body
    } else {
        parallax_extract::text::Mode::Dump
    };
    let clean = parallax_extract::text::clean(&text, mode);
    println!(
        "title: {:?}\nbyline: {:?}\ncredits: {:?}\npublished: {:?}",
        clean.title, clean.byline, clean.credits, clean.published
    );
    for p in clean.paragraphs {
        println!("| {p}");
    }
}
