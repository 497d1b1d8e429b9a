//! Golden tests: every fixture through `extract`, rendered with each metadata field, its
//! source, and each paragraph's code-point span beside the text it covers.

use parallax_core::{Article, CharIndex, InputFormat, Payload, RawDocument, RecordHints};
use parallax_extract::extract;
use proptest::prelude::*;
use std::path::Path;

fn doc(path: &Path, declared_charset: Option<&str>, url: Option<&str>) -> RawDocument {
    let bytes = std::fs::read(path).expect("fixture exists");
    let name = path
        .file_name()
        .expect("a file")
        .to_string_lossy()
        .into_owned();
    let (format, payload) = if name.ends_with(".txt") {
        (
            InputFormat::Text,
            Payload::Text(String::from_utf8(bytes).expect("UTF-8 fixture")),
        )
    } else {
        (
            InputFormat::Html,
            Payload::Html {
                bytes,
                declared_charset: declared_charset.map(str::to_owned),
            },
        )
    };
    RawDocument {
        source: name,
        path: path.to_path_buf(),
        format,
        payload,
        hints: RecordHints {
            url: url.map(str::to_owned),
            ..RecordHints::default()
        },
    }
}

fn render(article: &Article) -> String {
    let s = &article.field_sources;
    let mut out = format!(
        "title: {:?} <- {:?}\nbyline: {:?} <- {:?}\npublished: {:?} <- {:?}\noutlet: {:?} <- {:?}\ncredits: {:?}\nlanguage: {:?}\n",
        article.title,
        s.title,
        article.byline,
        s.byline,
        article.published,
        s.published,
        article.outlet,
        s.outlet,
        article.credits,
        article.language,
    );
    let index = CharIndex::new(&article.body);
    for span in article.paragraphs() {
        let text = index
            .slice(&article.body, span)
            .expect("paragraph spans lie in the body");
        out.push_str(&format!("[{}..{}] {}\n", span.start(), span.end(), text));
    }
    out
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn text_dumps() {
    insta::glob!("fixtures/dump_*.txt", |path| {
        let extracted = extract(&doc(path, None, None)).expect("a body");
        insta::assert_snapshot!(render(&extracted.article));
    });
}

/// Text from JSONL records: a clean article keeps its deck and short closing lines, and a
/// record that is only its headline keeps it rather than being lost.
#[test]
fn record_texts() {
    insta::glob!("fixtures/record_*.txt", |path| {
        let mut d = doc(path, None, None);
        d.format = InputFormat::Jsonl;
        let extracted = extract(&d).expect("a body");
        insta::assert_snapshot!(format!(
            "{}warnings: {:?}",
            render(&extracted.article),
            extracted.warnings
        ));
    });
}

/// Whole pages through the density reading: the story without its summary, navigation, rails, teaser
/// lists, hidden or landmark boxes; a body split by advertising; only the first story of
/// an endless page; a post embedded in the story; an old table layout with `<br>`-separated text and a results table;
/// repeated recipe headings and ingredient lists kept, one-link paragraphs dropped;
/// readers' comments under an old page's story cut at their heading; a short story
/// keeps out a longer comment thread.
#[test]
fn html_pages() {
    insta::glob!("fixtures/page_*.html", |path| {
        let extracted = extract(&doc(path, None, None)).expect("a body");
        insta::assert_snapshot!(render(&extracted.article));
    });
}

#[test]
fn html_metadata_from_json_ld_meta_and_time() {
    let d = doc(
        &fixture("meta_full.html"),
        None,
        Some("https://gazette.example/news/bridge"),
    );
    insta::assert_snapshot!(render(&extract(&d).expect("a body").article));
}

#[test]
fn html_metadata_from_text_and_url() {
    let d = doc(
        &fixture("meta_sparse.html"),
        None,
        Some("https://www.mirane-tribune.co.uk/2015/10/21/library"),
    );
    insta::assert_snapshot!(render(&extract(&d).expect("a body").article));
}

#[test]
fn charsets_from_meta_transport_and_detection() {
    let cases = [
        ("charset_windows1251.html", None, "Мост через гавань"),
        ("charset_koi8r.html", Some("koi8-r"), "Мост через гавань"),
        ("charset_koi8r.html", None, "Мост через гавань"),
        ("charset_shift_jis.html", None, "港の橋が月曜日に再開した"),
    ];
    for (name, declared, expected) in cases {
        let extracted = extract(&doc(&fixture(name), declared, None)).expect("a body");
        assert!(
            extracted.article.body.contains(expected)
                && !extracted.article.body.contains('\u{FFFD}'),
            "{name} with {declared:?}: {}",
            extracted.article.body
        );
    }
}

#[test]
fn outlet_template_shared_across_articles_is_stripped() {
    let make = |n: usize| {
        let body = format!(
            "Story number {n} tells its own news about the harbour, where the ferries run again after the storm.\n\nIts second paragraph adds what the harbour master said about the damage to pier number {n}.\n\nSign up for our morning briefing, delivered every weekday.",
        );
        Article {
            id: parallax_core::ArticleId::from_source_and_body(&n.to_string(), &body),
            source: n.to_string(),
            title: None,
            byline: None,
            outlet: Some("Example Gazette".into()),
            published: None,
            credits: Vec::new(),
            language: None,
            body,
            field_sources: Default::default(),
        }
    };
    let mut articles: Vec<Article> = (0..3).map(make).collect();
    parallax_extract::strip_shared_template(&mut articles);
    for (n, a) in articles.iter().enumerate() {
        assert!(!a.body.contains("Sign up"), "{}", a.body);
        assert!(
            a.body.starts_with(&format!("Story number {n} ")),
            "{}",
            a.body
        );
    }
}

#[test]
fn versions_of_one_story_are_not_template() {
    let shared = "The council approved the new harbour bridge on Monday night after a debate that lasted four years and split the city.\n\nWork will start next spring, the mayor said.";
    let mut articles: Vec<Article> = (0..3)
        .map(|n| {
            let body = format!("{shared}\n\nUpdate {n}: the vote was nine to four.");
            Article {
                id: parallax_core::ArticleId::from_source_and_body(&n.to_string(), &body),
                source: n.to_string(),
                title: None,
                byline: None,
                outlet: Some("Example Gazette".into()),
                published: None,
                credits: Vec::new(),
                language: None,
                body,
                field_sources: Default::default(),
            }
        })
        .collect();
    let before: Vec<String> = articles.iter().map(|a| a.body.clone()).collect();
    parallax_extract::strip_shared_template(&mut articles);
    let after: Vec<String> = articles.iter().map(|a| a.body.clone()).collect();
    assert_eq!(after, before);
}

/// An HTML page with no charset and no URL, as generated input.
fn html_page(bytes: Vec<u8>) -> RawDocument {
    RawDocument {
        source: "p".into(),
        path: "p.html".into(),
        format: InputFormat::Html,
        payload: Payload::Html {
            bytes,
            declared_charset: None,
        },
        hints: RecordHints::default(),
    }
}

proptest! {
    #[test]
    fn text_extraction_never_panics(lines in proptest::collection::vec("\\PC{0,80}", 0..30)) {
        let text = lines.join("\n");
        let d = RawDocument {
            source: "p".into(),
            path: "p.txt".into(),
            format: InputFormat::Text,
            payload: Payload::Text(text),
            hints: RecordHints::default(),
        };
        if let Ok(e) = extract(&d) {
            let index = CharIndex::new(&e.article.body);
            for span in e.article.paragraphs() {
                prop_assert!(index.slice(&e.article.body, span).is_some());
            }
        }
    }

    #[test]
    fn html_extraction_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400), tag in "(p|div|time|meta|script|title|h1)") {
        let mut page = format!("<html><head><{tag} datetime=\"2015-1-1\" content=\"x\">").into_bytes();
        page.extend_from_slice(&bytes);
        let d = html_page(page);
        let _ = extract(&d);
    }

    #[test]
    fn tag_soup_never_panics(parts in proptest::collection::vec(
        "(<p>|</p>|<div class=\"story\">|<div class=\"sidebar\">|</div>|<br>|<td>|<table>|</table>|<a href=\"/author/x\">|</a>|<h1>|<time>|<ul><li>|</li></ul>|Words, words and more words here\\.|x)",
        0..120,
    )) {
        let page = format!("<html><body>{}</body></html>", parts.concat()).into_bytes();
        let d = html_page(page);
        if let Ok(e) = extract(&d) {
            let index = CharIndex::new(&e.article.body);
            for span in e.article.paragraphs() {
                prop_assert!(index.slice(&e.article.body, span).is_some());
            }
        }
    }
}
