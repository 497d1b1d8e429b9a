//! A date for every article that has one to give: its publication date, or, for an article
//! without one, a day it cannot come before, read from its body.
//!
//! An undated article often still says when things happened: "on Oct. 22, 2013", a
//! dateline, "in March 2013". The language stage resolves such expressions without an
//! article date only when they carry a year, so every resolved time expression of an
//! undated article is absolute. They do not give the article's date: measured on dated
//! articles with their date hidden (`bench/stories`), the latest full date in a body is
//! within a day of the publication date for only a quarter of them, because news recalls
//! older events ("born on April 22, 1923", "since Sept. 11, 2001"). What they do give is a
//! **bound**: an article reporting something as past comes after it. So the body date is
//! the latest absolute date the body does not announce as still to come ("will be held
//! on", "scheduled for"), and the clusterer reads it as "not before", never as the day of
//! the event. A month-day without a year ("on July 7") resolves to nothing without an
//! article date and is never guessed.

use chrono::NaiveDate;
use parallax_core::{Article, CharIndex, CharSpan, Mentions};

/// Where an article's date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateOrigin {
    /// The article's publication date.
    Published,
    /// A date written in the body, for an article without a publication date: the time
    /// expression at `span` (code points into `Article::body`).
    Body {
        /// The expression the date was read from.
        span: CharSpan,
    },
}

/// The date an article is placed at in time, and where it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ArticleDate {
    /// The day.
    pub date: NaiveDate,
    /// Its origin.
    pub origin: DateOrigin,
}

impl ArticleDate {
    /// True when the date was read from the body rather than published with the article.
    pub fn is_estimate(&self) -> bool {
        matches!(self.origin, DateOrigin::Body { .. })
    }
}

/// Which of an undated article's absolute dates bound its date from below.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyRule {
    /// None: undated articles stay undated.
    Off,
    /// Full dates ("Oct. 22, 2013").
    Days,
    /// Full dates and months named with their year ("in March 2013" counts from its
    /// first day).
    DaysAndMonths,
    /// Full dates, months and years ("in 2013" counts from January 1).
    DaysMonthsYears,
}

impl BodyRule {
    /// The longest time expression, in days, that the rule reads.
    fn longest_days(self) -> Option<i64> {
        match self {
            BodyRule::Off => None,
            BodyRule::Days => Some(0),
            BodyRule::DaysAndMonths => Some(31),
            BodyRule::DaysMonthsYears => Some(366),
        }
    }
}

/// Words before a date, in its sentence, that announce it as still to come ("the trial
/// opens on", "is scheduled for", "will be held on"): such a date bounds nothing.
const FUTURE_MARKERS: &[&str] = &[
    "will",
    "'ll",
    "’ll",
    "shall",
    "scheduled",
    "planned",
    "plans",
    "slated",
    "upcoming",
    "expected",
    "due",
    "until",
    "till",
    "by",
    "deadline",
    "next",
];

/// The article's date: its publication date, else the body bound by `rule`.
pub fn article_date(
    article: &Article,
    mentions: Option<&Mentions>,
    rule: BodyRule,
) -> Option<ArticleDate> {
    if let Some(date) = article.published {
        return Some(ArticleDate {
            date,
            origin: DateOrigin::Published,
        });
    }
    let (date, span) = body_bound(&article.body, mentions?, rule)?;
    Some(ArticleDate {
        date,
        origin: DateOrigin::Body { span },
    })
}

/// The latest day an article **without** a publication date can be said to come on or
/// after: the latest start of an absolute date its body reports as past, by `rule`, with
/// the span it was read from. (With a publication date, the language stage also resolves
/// relative expressions, which this does not tell apart.)
pub fn body_bound(
    body: &str,
    mentions: &Mentions,
    rule: BodyRule,
) -> Option<(NaiveDate, CharSpan)> {
    let longest = rule.longest_days()?;
    // Built at the first date worth checking: most undated articles state none.
    let mut index: Option<CharIndex> = None;
    let mut best: Option<(NaiveDate, CharSpan)> = None;
    for t in &mentions.times {
        let Some(r) = t.resolved else { continue };
        if (r.end - r.start).num_days() > longest || best.is_some_and(|(d, _)| d >= r.start) {
            continue;
        }
        let index = index.get_or_insert_with(|| CharIndex::new(body));
        if !announced(body, index, mentions, t.span) {
            best = Some((r.start, t.span));
        }
    }
    best
}

/// True when the sentence of `span`, before it, holds a word of [`FUTURE_MARKERS`].
fn announced(body: &str, index: &CharIndex, mentions: &Mentions, span: CharSpan) -> bool {
    let after = mentions
        .sentences
        .partition_point(|s| s.start() <= span.start());
    let from = after
        .checked_sub(1)
        .and_then(|i| mentions.sentences.get(i))
        .map_or(0, |s| s.start());
    let Some(before) = CharSpan::new(from, span.start()).and_then(|s| index.slice(body, s)) else {
        return false;
    };
    before
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .any(|w| {
            let w = w.to_lowercase();
            FUTURE_MARKERS.contains(&w.as_str())
                || FUTURE_MARKERS
                    .iter()
                    .any(|m| m.starts_with(['\'', '’']) && w.ends_with(m))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::{DateRange, TimeExpression};

    /// Mentions of `body` with one sentence per line and a time expression at each
    /// `(text, first day, last day)`.
    fn mentions(body: &str, times: &[(&str, &str, &str)]) -> Mentions {
        let index = CharIndex::new(body);
        let span_of = |text: &str| {
            let start = body.find(text).expect("text in body");
            index.span_of_bytes(start, start + text.len())
        };
        let mut line_start = 0;
        let sentences = body
            .split_inclusive('\n')
            .map(|line| {
                let span = index.span_of_bytes(line_start, line_start + line.len());
                line_start += line.len();
                span
            })
            .collect();
        Mentions {
            sentences,
            times: times
                .iter()
                .map(|(text, from, to)| TimeExpression {
                    span: span_of(text),
                    resolved: Some(DateRange {
                        start: from.parse().expect("date"),
                        end: to.parse().expect("date"),
                    }),
                })
                .collect(),
            ..Mentions::default()
        }
    }

    fn bound(body: &str, times: &[(&str, &str, &str)], rule: BodyRule) -> Option<String> {
        body_bound(body, &mentions(body, times), rule).map(|(d, span)| {
            format!(
                "{d} from “{}”",
                CharIndex::new(body).slice(body, span).unwrap_or("?")
            )
        })
    }

    #[test]
    fn the_latest_past_date_bounds_the_article() {
        let body = "Vell, born on June 2, 1988, entered rehab on Oct. 22, 2013.\n\
                    She had toured since March 2013.\n\
                    Her trial is scheduled for May 9, 2014.\n\
                    She retired in 2015.";
        let times = [
            ("June 2, 1988", "1988-06-02", "1988-06-02"),
            ("Oct. 22, 2013", "2013-10-22", "2013-10-22"),
            ("March 2013", "2013-03-01", "2013-03-31"),
            ("May 9, 2014", "2014-05-09", "2014-05-09"),
            ("2015", "2015-01-01", "2015-12-31"),
        ];
        assert_eq!(
            bound(body, &times, BodyRule::Days).as_deref(),
            Some("2013-10-22 from “Oct. 22, 2013”")
        );
        assert_eq!(
            bound(body, &times, BodyRule::DaysAndMonths).as_deref(),
            Some("2013-10-22 from “Oct. 22, 2013”")
        );
        assert_eq!(
            bound(body, &times, BodyRule::DaysMonthsYears).as_deref(),
            Some("2015-01-01 from “2015”")
        );
        assert_eq!(bound(body, &times, BodyRule::Off), None);
        assert_eq!(bound(body, &[], BodyRule::Days), None);
    }

    #[test]
    fn a_published_date_comes_first() {
        let body = "The quake struck on Oct. 22, 2013.";
        let mut article = parallax_core::Article::from_text("t", body);
        let m = mentions(body, &[("Oct. 22, 2013", "2013-10-22", "2013-10-22")]);
        let estimate = article_date(&article, Some(&m), BodyRule::Days).expect("a bound");
        assert!(estimate.is_estimate());
        assert_eq!(estimate.date.to_string(), "2013-10-22");
        article.published = "2013-10-23".parse().ok();
        let published = article_date(&article, Some(&m), BodyRule::Days).expect("a date");
        assert_eq!(published.origin, DateOrigin::Published);
        assert_eq!(published.date.to_string(), "2013-10-23");
    }

    proptest::proptest! {
        /// Spans outside the body or out of order with the sentences never panic, and
        /// the bound is one of the article's own dates.
        #[test]
        fn any_spans_give_one_of_the_dates(
            body in "\\PC{0,60}",
            times in proptest::collection::vec((0u32..80, 0u32..10, 0i64..4000), 0..6),
            cuts in proptest::collection::vec(0u32..80, 0..4),
        ) {
            let base: NaiveDate = "2000-01-01".parse().expect("date");
            let mut sentences: Vec<CharSpan> =
                cuts.iter().filter_map(|&c| CharSpan::new(c, c + 3)).collect();
            sentences.sort_unstable_by_key(|s| s.start());
            let m = Mentions {
                sentences,
                times: times
                    .iter()
                    .filter_map(|&(start, len, day)| {
                        let d = base + chrono::Duration::days(day);
                        Some(TimeExpression {
                            span: CharSpan::new(start, start + len)?,
                            resolved: Some(DateRange { start: d, end: d }),
                        })
                    })
                    .collect(),
                ..Mentions::default()
            };
            if let Some((d, span)) = body_bound(&body, &m, BodyRule::Days) {
                proptest::prop_assert!(m
                    .times
                    .iter()
                    .any(|t| t.span == span && t.resolved.map(|r| r.start) == Some(d)));
            }
        }
    }
}
