//! Golden tests: each fixture's sentences, entities, mentions and times, rendered with the
//! text they cover. A fixture's first line may be `published: YYYY-MM-DD`.

use parallax_core::{Article, CharIndex, EntityId, EntityTable};
use std::fmt::Write;

fn article_from(text: &str) -> Article {
    let (published, body) = match text.strip_prefix("published: ") {
        Some(rest) => {
            let (date, body) = rest.split_once('\n').unwrap_or((rest, ""));
            (
                chrono::NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").ok(),
                body,
            )
        }
        None => (None, text),
    };
    Article {
        published,
        language: Some("en".into()),
        ..Article::from_text("fixture", body)
    }
}

fn render(article: &Article) -> String {
    let m = parallax_language::analyze(article);
    let index = CharIndex::new(&article.body);
    let text = |s| index.slice(&article.body, s).unwrap_or("<out of body>");
    let mut out = String::new();
    writeln!(out, "# sentences").unwrap();
    for s in &m.sentences {
        writeln!(out, "[{}..{}] {}", s.start(), s.end(), text(*s)).unwrap();
    }
    writeln!(out, "\n# entities").unwrap();
    for e in &m.entities {
        let spans: Vec<String> = m
            .mentions
            .iter()
            .filter(|x| x.entity == e.id)
            .map(|x| format!("{}({:?})", text(x.span), x.form))
            .collect();
        writeln!(
            out,
            "e{} {:?} {:?}: {}",
            e.id.0,
            e.kind,
            e.name,
            spans.join(", ")
        )
        .unwrap();
    }
    writeln!(out, "\n# times").unwrap();
    for t in &m.times {
        let resolved = t
            .resolved
            .map_or("?".to_string(), |r| format!("{}..{}", r.start, r.end));
        writeln!(out, "{:?} -> {}", text(t.span), resolved).unwrap();
    }
    out
}

/// The corpus-wide entity table of `articles`.
fn resolved(articles: &[Article]) -> EntityTable {
    let mentions: Vec<_> = articles.iter().map(parallax_language::analyze).collect();
    parallax_language::resolve_entities(articles, &mentions)
}

/// The entity whose name or an alias is `name`.
fn entity_named(table: &EntityTable, name: &str) -> Option<EntityId> {
    table
        .entities
        .iter()
        .find(|e| e.name == name || e.aliases.iter().any(|a| a == name))
        .map(|e| e.id)
}

#[test]
fn language_on_fixtures() {
    insta::glob!("fixtures/*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        insta::assert_snapshot!(render(&article_from(&text)));
    });
}

#[test]
fn resolves_across_articles() {
    let a = article_from("published: 2015-10-01\nRussian Foreign Minister Sergey Lavrov met Sergey Shoigu. Lavrov spoke. ISIL fighters fled the U.S. strikes.");
    let b = article_from("published: 2015-10-02\nSergei Lavrov said the Islamic State was weak. ISIS lost ground, the United States said. The Russian leader agreed.");
    let c = article_from("published: 2015-10-03\nRussian President Vladimir Putin met Bashir Assad. Syrian President Bashar al-Assad thanked him. The US and Russia agreed that IS must be defeated.");
    let articles = [a, b, c];
    let table = resolved(&articles);
    let mut lines: Vec<String> = table
        .entities
        .iter()
        .map(|e| format!("{:?} {:?} {:?}", e.kind, e.name, e.aliases))
        .collect();
    lines.sort();
    insta::assert_snapshot!(lines.join("\n"));
}

#[test]
fn resolves_titles_transliterations_and_acronyms() {
    let a = article_from("published: 2024-06-05\nAfter a long night of talks in the port, Zembrian Energy Minister Ilya Korsak met the union leader Oksana Delvi of the Harbour Workers’ Union (HWU). Mr Korsak spoke first.");
    let b = article_from("published: 2024-06-06\nIlia Korsak and Оксана Делви signed the deal on a wet afternoon. The HWU welcomed it. His cousin, the energy adviser Pavel Korsak, was not there.");
    let c = article_from("published: 2024-06-07\nTrade chief Alexei Morin and Aleksandr Morin, his brother, met Alexander Morin's lawyer. The Harbour Workers' Union said nothing, but on the quay the Harbour Workers were angry.");
    let articles = [a, b, c];
    let table = resolved(&articles);
    let mut lines: Vec<String> = table
        .entities
        .iter()
        .map(|e| format!("{:?} {:?} {:?}", e.kind, e.name, e.aliases))
        .collect();
    lines.sort();
    insta::assert_snapshot!(lines.join("\n"));
}

#[test]
fn a_person_named_with_a_title_is_not_outvoted_by_bare_mentions() {
    // Three articles speak of "the Halvard administration"; one names President Pyotr
    // Halvard. The bare surname is no evidence of a kind, so he stays a person.
    let bare = |d: &str| {
        article_from(&format!(
            "published: {d}\nThe Halvard administration cut the harbour budget. Critics of the Halvard plan protested."
        ))
    };
    let named = article_from(
        "published: 2024-03-04\nPresident Pyotr Halvard defended the harbour budget on Monday.",
    );
    let articles = [
        bare("2024-03-01"),
        bare("2024-03-02"),
        bare("2024-03-03"),
        named,
    ];
    let table = resolved(&articles);
    let halvard = table
        .entities
        .iter()
        .find(|e| e.name.contains("Halvard"))
        .expect("Halvard is an entity");
    assert_eq!(
        halvard.kind,
        parallax_core::EntityKind::Person,
        "{halvard:?}"
    );
}

#[test]
fn an_acronym_joins_a_name_from_another_article_only_in_the_same_company() {
    // "GSFB" is never spelled out where it is used, but its article shares the harbour
    // master and the town with the one that names the Grey Sound Fisheries Board. "KVC"
    // shares nothing with the choir whose initials it happens to have.
    let articles = [
        article_from("published: 2024-03-01\nThe Grey Sound Fisheries Board met harbour master Lena Ostrova in Mirane on Monday."),
        article_from("published: 2024-03-02\nLena Ostrova said the GSFB would cut the quota. Fishermen in Mirane were angry."),
        article_from("published: 2024-03-03\nThe Kestrel Valley Choir sang in Dorrin on Sunday."),
        article_from("published: 2024-03-04\nThe KVC said on Thursday that its shares rose on the Varnia exchange."),
    ];
    let table = resolved(&articles);
    let named = |name: &str| entity_named(&table, name);
    assert_eq!(named("GSFB"), named("Grey Sound Fisheries Board"));
    assert!(named("KVC").is_some());
    assert_ne!(named("KVC"), named("Kestrel Valley Choir"));
}

#[test]
fn a_generational_suffix_is_no_surname() {
    // Two men whose names end in "Jr." are not one person; the surname comes before it.
    let articles = [
        article_from("published: 2024-03-01\nHarbour commissioner Pavel Ostrum Jr. opened the new pier in Mirane on Monday."),
        article_from("published: 2024-03-02\nThe escaped inmate Dario Kell Jr. was caught near the quay in Mirane on Tuesday."),
        article_from("published: 2024-03-03\nMr. Ostrum said the pier had cost four million crowns, more than planned."),
    ];
    let table = resolved(&articles);
    let named = |name: &str| entity_named(&table, name);
    assert!(named("Pavel Ostrum Jr.").is_some());
    assert_ne!(named("Pavel Ostrum Jr."), named("Dario Kell Jr."));
    assert_eq!(named("Pavel Ostrum Jr."), named("Mr. Ostrum"));
}

#[test]
fn a_surname_that_is_a_role_word_still_joins_across_articles() {
    // "King" and "Leader" are role words ("the king", "the leader"); after a given name
    // they are surnames, and the person is one across articles. A role stays a role.
    let a = article_from("published: 2024-05-02\nTeam president Billy King fired the coach on Monday. The Kremlin spokesman said nothing.");
    let b = article_from("published: 2024-05-03\nBilly King said the team needed a new direction. A Kremlin spokesman declined to comment.");
    let articles = [a, b];
    let table = resolved(&articles);
    let king = entity_named(&table, "Billy King").expect("Billy King is an entity");
    let articles_of = |id: EntityId| {
        table
            .resolved
            .iter()
            .filter(|(_, e)| **e == id)
            .map(|((article, _), _)| *article)
            .collect::<std::collections::HashSet<_>>()
            .len()
    };
    assert_eq!(articles_of(king), 2);
    let spokesmen = table
        .entities
        .iter()
        .filter(|e| e.name.to_lowercase().contains("spokesman"))
        .count();
    assert_eq!(spokesmen, 2, "{:?}", table.entities);
}
