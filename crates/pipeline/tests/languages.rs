//! Articles not in English skip the English-only rules, and the run says so.

use parallax_core::{InputFormat, Payload, RawDocument, RecordHints};
use parallax_pipeline::{analyze_documents, Silent};
use std::path::PathBuf;

fn text(name: &str, body: &str) -> RawDocument {
    RawDocument {
        source: name.into(),
        path: PathBuf::from(name),
        format: InputFormat::Text,
        payload: Payload::Text(body.into()),
        hints: RecordHints::default(),
    }
}

#[test]
fn a_german_article_gets_no_entities_or_quotes_and_a_note() {
    let german = text(
        "de.txt",
        "Bürgermeisterin Anna Keller hat am Dienstag den neuen Bahnhof in Lindau eröffnet. \
         „Wir haben lange darauf gewartet“, sagte Keller nach der Feier vor zahlreichen \
         Gästen. Der Bau hatte drei Jahre gedauert und kostete mehr als vierzig Millionen Euro.",
    );
    let english = text(
        "en.txt",
        "Mayor Anna Keller opened the new railway station in Lindau on Tuesday. \
         \"We have waited a long time for this,\" Keller said after the ceremony, which drew \
         many guests. The building work took three years and cost more than forty million euros.",
    );
    let analysis = analyze_documents(vec![german, english], &Silent);
    let position = |name: &str| {
        analysis
            .articles
            .iter()
            .position(|a| a.source == name)
            .expect("article kept")
    };
    let (de, en) = (position("de.txt"), position("en.txt"));
    assert_eq!(analysis.articles[de].language.as_deref(), Some("de"));
    assert!(analysis.mentions[de].entities.is_empty());
    assert!(analysis.quotes[de].is_empty());
    assert!(!analysis.mentions[en].entities.is_empty());
    assert_eq!(analysis.quotes[en].len(), 1);
    let notes: Vec<&str> = analysis.skipped.iter().map(|n| n.reason.as_str()).collect();
    assert_eq!(
        notes,
        [
            "1 article is not in English (de: 1): in stories, reuse and claims, \
          but no entities or quotes (those rules read English only)"
        ]
    );
}
