//! Prints what the density extractor finds in an HTML file (before our cleaning).

fn main() {
    let path = std::env::args().nth(1).expect("an HTML file");
    let bytes = std::fs::read(path).expect("readable file");
    let decoded = parallax_extract::charset::decode(&bytes, None);
    let parsed = scraper::Html::parse_document(&decoded.text);
    println!(
        "{}",
        parallax_extract::density_text::article_text(&parsed).unwrap_or_default()
    );
}
