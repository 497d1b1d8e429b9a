//! Golden tests: each reader on the hand-written fixtures, rendered as readable text.

use parallax_core::{InputFormat, Payload, RawDocument};
use parallax_ingest::{read_bytes, read_file, ReadError};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// One block per document: source, format, hints, payload head; errors without the path.
fn render(results: &[Result<RawDocument, ReadError>]) -> String {
    let mut out = String::new();
    for result in results {
        match result {
            Ok(doc) => {
                // Sources built from the path name the fixture only, so snapshots do not
                // depend on where the checkout lives.
                let source = doc
                    .source
                    .rsplit_once("fixtures/")
                    .map_or(doc.source.as_str(), |(_, s)| s);
                out.push_str(&format!("doc {source} ({:?})\n", doc.format));
                let h = &doc.hints;
                for (name, value) in [
                    ("url", &h.url),
                    ("outlet", &h.outlet),
                    ("published", &h.published),
                    ("title", &h.title),
                    ("byline", &h.byline),
                ] {
                    if let Some(v) = value {
                        out.push_str(&format!("  {name}: {v}\n"));
                    }
                }
                match &doc.payload {
                    Payload::Text(t) => out.push_str(&format!("  text: {t}\n")),
                    Payload::Html {
                        bytes,
                        declared_charset,
                    } => {
                        let text = String::from_utf8_lossy(bytes);
                        let body = text.split("<body>").nth(1).unwrap_or(&text);
                        let head: String = body.chars().take(90).collect();
                        out.push_str(&format!(
                            "  html ({} bytes, charset {:?}): {}\n",
                            bytes.len(),
                            declared_charset,
                            head.replace('\n', " ")
                        ));
                    }
                }
            }
            Err(err) => {
                let text = err.to_string();
                let text = text
                    .split_once(": ")
                    .map_or(text.as_str(), |(_, rest)| rest);
                out.push_str(&format!("error: {text}\n"));
            }
        }
    }
    out
}

#[test]
fn warc_takes_html_responses_and_counts_the_rest() {
    let plain = render(&read_file(&fixture("archive.warc")));
    insta::assert_snapshot!(plain);
    // The gzipped archive (one member per record) reads the same.
    let gzipped = render(&read_file(&fixture("archive.warc.gz")));
    assert_eq!(gzipped, plain);
}

#[test]
fn truncated_warc_reports_the_cut() {
    insta::assert_snapshot!(render(&read_file(&fixture("truncated.warc"))));
}

#[test]
fn rss_items_full_and_summary_only() {
    insta::assert_snapshot!(render(&read_file(&fixture("feed_rss.xml"))));
}

#[test]
fn atom_entries() {
    insta::assert_snapshot!(render(&read_file(&fixture("feed_atom.xml"))));
}

#[test]
fn jsonl_records_and_bad_lines() {
    insta::assert_snapshot!(render(&read_file(&fixture("records.jsonl"))));
}

#[test]
fn text_dumps_in_utf16_and_legacy_charsets_are_read() {
    let line = "Café owners in Zürich said the new rules take effect on Monday.";
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(line.encode_utf16().flat_map(u16::to_le_bytes));
    let latin1: Vec<u8> = line.chars().map(|c| c as u8).collect();
    for bytes in [utf16, latin1, line.as_bytes().to_vec()] {
        let got = read_bytes(Path::new("dump.txt"), InputFormat::Text, bytes);
        assert_eq!(
            render(&got),
            format!("doc dump.txt (Text)\n  text: {line}\n")
        );
    }
}

#[test]
fn utf16_html_with_a_byte_order_mark_is_a_page() {
    let page = "<html><body><p>The ferry resumed service.</p></body></html>";
    let mut bytes = vec![0xfe, 0xff];
    bytes.extend(page.encode_utf16().flat_map(u16::to_be_bytes));
    let got = read_bytes(Path::new("page.html"), InputFormat::Html, bytes);
    assert!(matches!(got.as_slice(), [Ok(doc)] if doc.format == InputFormat::Html));
}

#[test]
fn feeds_cut_short_or_empty_say_so() {
    let cut = "<rss><channel><title>Gazette</title><item><title>A</title>\
               <description>Whole item.</description></item><item><title>B</title>";
    let empty = "<rss version=\"2.0\"><channel><title>Gazette</title></channel></rss>";
    let render_feed = |text: &str| {
        render(&read_bytes(
            Path::new("feed.xml"),
            InputFormat::Feed,
            text.as_bytes().to_vec(),
        ))
    };
    let cut = render_feed(cut);
    assert!(cut.starts_with("doc feed.xml#1 (Feed)"), "{cut}");
    assert!(
        cut.ends_with("error: record 2: the file ends inside this item (cut short?)\n"),
        "{cut}"
    );
    assert_eq!(
        render_feed(empty),
        "error: record 1: a feed with no items\n"
    );
}

proptest! {
    #[test]
    fn readers_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        for format in [
            parallax_core::InputFormat::Text,
            parallax_core::InputFormat::Html,
            parallax_core::InputFormat::Jsonl,
            parallax_core::InputFormat::Warc,
            parallax_core::InputFormat::Feed,
        ] {
            let _ = read_bytes(Path::new("fuzz"), format, bytes.clone());
        }
    }

    #[test]
    fn warc_like_input_never_panics(
        length in 0u32..400,
        kind in "(response|request|metadata)",
        body in "\\PC{0,300}",
    ) {
        let text = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nContent-Length: {length}\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{body}\r\n\r\n"
        );
        let _ = read_bytes(Path::new("fuzz.warc"), parallax_core::InputFormat::Warc, text.into_bytes());
    }
}
