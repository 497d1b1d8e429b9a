//! How well the body bounds an article's date: each rule of
//! [`parallax_stories::dating::BodyRule`] run on the dated articles of dev with their
//! date hidden (the language stage run again without it), the bound compared with the
//! publication date (a bound holds when it is not after it); then how many of the
//! undated articles get a bound at all.

use crate::f3;
use parallax_bench_common::Table;
use parallax_core::Article;
use parallax_stories::dating::{body_bound, BodyRule};

const RULES: [(BodyRule, &str); 3] = [
    (BodyRule::Days, "full dates (shipped)"),
    (BodyRule::DaysAndMonths, "full dates, months"),
    (BodyRule::DaysMonthsYears, "full dates, months, years"),
];

/// The dating table for a stream whose dated articles serve as the test, and the cost of
/// the shipped rule in microseconds per undated article (language stage not counted).
pub fn table(articles: &[Article]) -> (Table, f64) {
    let hidden: Vec<(chrono::NaiveDate, &Article, parallax_core::Mentions)> = articles
        .iter()
        .filter_map(|a| {
            let published = a.published?;
            let mut bare = a.clone();
            bare.published = None;
            Some((published, a, parallax_language::analyze(&bare)))
        })
        .collect();
    let undated: Vec<(&Article, parallax_core::Mentions)> = articles
        .iter()
        .filter(|a| a.published.is_none())
        .map(|a| (a, parallax_language::analyze(a)))
        .collect();
    let mut table = Table::new(&[
        "rule",
        "dated, date hidden",
        "bounded",
        "holds",
        "within 7 days",
        "within a year",
        "after by > 30 days",
        "undated",
        "bounded",
    ]);
    for (rule, name) in RULES {
        let errors: Vec<i64> = hidden
            .iter()
            .filter_map(|(published, a, m)| {
                body_bound(&a.body, m, rule).map(|(d, _)| (*published - d).num_days())
            })
            .collect();
        let n = errors.len().max(1) as f64;
        let share =
            |ok: &dyn Fn(i64) -> bool| f3(errors.iter().filter(|&&e| ok(e)).count() as f64 / n);
        let undated_bounded = undated
            .iter()
            .filter(|(a, m)| body_bound(&a.body, m, rule).is_some())
            .count();
        table.row(vec![
            name.to_owned(),
            hidden.len().to_string(),
            errors.len().to_string(),
            share(&|e| e >= 0),
            share(&|e| (0..=7).contains(&e)),
            share(&|e| (0..=366).contains(&e)),
            share(&|e| e < -30),
            undated.len().to_string(),
            undated_bounded.to_string(),
        ]);
    }
    let passes = 100;
    let start = std::time::Instant::now();
    for _ in 0..passes {
        for (a, m) in &undated {
            std::hint::black_box(body_bound(&a.body, m, BodyRule::Days));
        }
    }
    let micros = start.elapsed().as_secs_f64() * 1e6 / (passes * undated.len().max(1)) as f64;
    (table, micros)
}
