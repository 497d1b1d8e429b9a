//! Property tests: any text, however broken its quote marks, gives quotes whose spans lie
//! inside the body, and the language stage's mentions and times do too.

use parallax_core::{Article, ArticleId, CharIndex, FieldSources};
use proptest::prelude::*;

fn article(body: &str) -> Article {
    Article {
        id: ArticleId::from_source_and_body("prop", body),
        source: "prop".into(),
        title: None,
        byline: None,
        outlet: None,
        published: chrono::NaiveDate::from_ymd_opt(2015, 10, 23),
        credits: Vec::new(),
        language: None,
        body: body.to_string(),
        field_sources: FieldSources::default(),
    }
}

/// Words, names, cues and every kind of quote mark, glued at random.
fn pieces() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("\"".to_string()),
        Just("''".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("„".to_string()),
        Just(" said ".to_string()),
        Just(" according to ".to_string()),
        Just(" Mr. Putin".to_string()),
        Just(" he ".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        Just(" on Tuesday".to_string()),
        Just(" October 22".to_string()),
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn spans_stay_inside_the_body(body in pieces()) {
        let a = article(&body);
        let mentions = parallax_language::analyze(&a);
        let index = CharIndex::new(&a.body);
        let len = index.char_len();
        for m in &mentions.mentions {
            prop_assert!(m.span.end() <= len);
            prop_assert!(mentions.entity(m.entity).is_some());
        }
        for t in &mentions.times {
            prop_assert!(t.span.end() <= len);
        }
        for q in parallax_quotes::find_quotes(&a, &mentions) {
            prop_assert!(q.span.end() <= len);
            for p in &q.parts {
                prop_assert!(q.span.contains(*p));
            }
            if let Some(c) = q.cue {
                prop_assert!(c.end() <= len);
            }
            if let Some(m) = q.speaker.mention {
                prop_assert!(m.end() <= len);
            }
        }
    }
}
