//! Prints what rs-trafilatura returns for an HTML file (before our cleaning).

fn main() {
    let path = std::env::args().nth(1).expect("an HTML file");
    let bytes = std::fs::read(path).expect("readable file");
    let decoded = parallax_extract::charset::decode(&bytes, None);
    let options = rs_trafilatura::Options {
        page_type: Some(rs_trafilatura::page_type::PageType::Article),
        ..rs_trafilatura::Options::default()
    };
    let result = rs_trafilatura::extract_with_options(&decoded.text, &options).expect("extracts");
    println!("{}", result.content_text);
}
