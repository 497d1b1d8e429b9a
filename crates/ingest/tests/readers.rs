//! Golden tests: each reader on the hand-written fixtures, rendered as readable text.

use parallax_core::{Payload, RawDocument};
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
