//! Time expressions ("on Tuesday", "October 22", "three weeks ago", "since the end of
//! September", "in 2006") resolved to calendar days relative to the article's date, in the
//! manner of HeidelTime's news rules: a missing year is the one nearest the article date.

use crate::tokens::Token;
use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};
use parallax_core::DateRange;

/// A found time expression as a byte range and its resolution.
pub type Found = (usize, usize, Option<DateRange>);

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];
const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];
const NUMBERS: &[(&str, u32)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("several", 3),
    ("few", 3),
];

fn day(d: NaiveDate) -> Option<DateRange> {
    Some(DateRange { start: d, end: d })
}

fn month_range(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let start = NaiveDate::from_ymd_opt(year, month, 1)?;
    let end = start.checked_add_months(Months::new(1))?.pred_opt()?;
    Some((start, end))
}

fn nearest_year(anchor: NaiveDate, month: u32, dom: u32) -> Option<NaiveDate> {
    (anchor.year() - 1..=anchor.year() + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, dom))
        .min_by_key(|d| (*d - anchor).num_days().abs())
}

fn number(word: &str) -> Option<u32> {
    word.parse()
        .ok()
        .or_else(|| NUMBERS.iter().find(|(w, _)| *w == word).map(|(_, n)| *n))
}

/// Finds and resolves time expressions; `lower[i]` is token `i` lowercased.
pub fn find_times(
    body: &str,
    tokens: &[Token],
    lower: &[String],
    anchor: Option<NaiveDate>,
) -> Vec<Found> {
    let mut out = Vec::new();
    let w = |i: usize| lower.get(i).map_or("", String::as_str);
    let month_at = |i: usize| -> Option<u32> {
        // "mid-November", "early-March": the part is written onto the month.
        let name = ["mid-", "early-", "late-"]
            .iter()
            .find_map(|p| w(i).strip_prefix(p))
            .unwrap_or(w(i));
        let m = MONTHS.iter().find(|(n, _)| *n == name)?.1;
        // "May" and "March" are also verbs and names: require a neighbouring number or "of"/"in".
        if matches!(w(i), "may" | "march")
            && !(w(i + 1).parse::<u32>().is_ok()
                || matches!(
                    w(i.wrapping_sub(1)),
                    "in" | "of" | "since" | "early" | "late" | "mid"
                ))
        {
            return None;
        }
        Some(m)
    };
    let mut i = 0;
    while i < tokens.len() {
        let start_tok = i;
        // Weekdays.
        if let Some(&(_, wd)) = WEEKDAYS.iter().find(|(n, _)| *n == w(i)) {
            let (s, dir) = match w(i.wrapping_sub(1)) {
                "last" | "on" | "since" | "this" | "next" | "by" | "until" => (i - 1, w(i - 1)),
                _ => (i, ""),
            };
            let future = dir == "next" || sentence_has_future(body, tokens, lower, i);
            let resolved = anchor.and_then(|a| {
                let back = (a.weekday().num_days_from_monday() + 7 - wd.num_days_from_monday()) % 7;
                if future {
                    let fwd =
                        (wd.num_days_from_monday() + 7 - a.weekday().num_days_from_monday()) % 7;
                    day(a + Duration::days(i64::from(if fwd == 0 { 7 } else { fwd })))
                } else if dir == "last" && back == 0 {
                    day(a - Duration::days(7))
                } else {
                    day(a - Duration::days(i64::from(back)))
                }
            });
            out.push((tokens[s].start, tokens[i].end, resolved));
            i += 1;
            continue;
        }
        // Month with or without a day and year: "October 22", "Oct. 22, 2015", "22 October".
        if let Some(m) = month_at(i) {
            let mut j = i + 1;
            if w(j) == "." && w(i).len() <= 4 {
                j += 1;
            }
            let mut dom = None;
            let mut s = i;
            if let Some(d) = w(j).parse::<u32>().ok().filter(|d| (1..=31).contains(d)) {
                dom = Some(d);
                j += 1;
            } else if let Some(d) = w(i.wrapping_sub(1))
                .parse::<u32>()
                .ok()
                .filter(|d| (1..=31).contains(d))
            {
                dom = Some(d);
                s = i - 1;
            }
            let mut k = j;
            if w(k) == "," {
                k += 1;
            }
            let year = w(k)
                .parse::<i32>()
                .ok()
                .filter(|y| (1900..=2100).contains(y));
            if year.is_some() {
                j = k + 1;
            }
            // "the end of", "early", "mid-", "late" narrow a month.
            let (part, s) = month_part(lower, s);
            let part = match w(i).split_once('-') {
                Some(("mid", _)) => "mid",
                Some(("early", _)) => "early",
                Some(("late", _)) => "late",
                _ => part,
            };
            let end_tok = j - 1;
            let resolved = match (dom, year, anchor) {
                (Some(d), Some(y), _) => NaiveDate::from_ymd_opt(y, m, d).and_then(day),
                (Some(d), None, Some(a)) => nearest_year(a, m, d).and_then(day),
                (None, y, a) => {
                    let y = y.or_else(|| a.and_then(|a| nearest_year(a, m, 15).map(|d| d.year())));
                    y.and_then(|y| month_range(y, m))
                        .map(|(a0, b0)| narrow(a0, b0, part))
                }
                _ => None,
            };
            let (s, resolved) = since(lower, s, resolved, anchor);
            out.push((tokens[s].start, tokens[end_tok].end, resolved));
            i = j;
            continue;
        }
        // Relative words.
        let rel = match w(i) {
            "today" => anchor.and_then(day),
            "yesterday" => anchor.and_then(|a| day(a - Duration::days(1))),
            "tomorrow" => anchor.and_then(|a| day(a + Duration::days(1))),
            _ => None,
        };
        if rel.is_some() || (anchor.is_none() && matches!(w(i), "today" | "yesterday" | "tomorrow"))
        {
            out.push((tokens[i].start, tokens[i].end, rel));
            i += 1;
            continue;
        }
        if matches!(w(i), "last" | "next" | "this") && matches!(w(i + 1), "week" | "month" | "year")
        {
            let shift: i32 = match w(i) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
            let resolved = anchor.and_then(|a| period(a, w(i + 1), shift));
            out.push((tokens[i].start, tokens[i + 1].end, resolved));
            i += 2;
            continue;
        }
        // "three weeks ago".
        if let (Some(n), true) = (number(w(i)), w(i + 2) == "ago") {
            let unit = w(i + 1).trim_end_matches('s');
            if matches!(unit, "day" | "week" | "month" | "year") {
                let resolved = anchor.and_then(|a| {
                    let d = match unit {
                        "day" => a - Duration::days(i64::from(n)),
                        "week" => a - Duration::weeks(i64::from(n)),
                        "month" => a.checked_sub_months(Months::new(n))?,
                        _ => a.with_year(a.year() - n as i32)?,
                    };
                    day(d)
                });
                let s = if w(i.wrapping_sub(1)) == "a" && w(i) == "few" {
                    i - 1
                } else {
                    i
                };
                out.push((tokens[s].start, tokens[i + 2].end, resolved));
                i += 3;
                continue;
            }
        }
        // A bare year after a preposition: "in 2006".
        if let Some(y) = w(i)
            .parse::<i32>()
            .ok()
            .filter(|y| (1900..=2100).contains(y) && w(i).len() == 4)
        {
            if matches!(
                w(i.wrapping_sub(1)),
                "in" | "since"
                    | "by"
                    | "until"
                    | "from"
                    | "before"
                    | "after"
                    | "during"
                    | "of"
                    | "early"
                    | "late"
                    | "mid"
            ) {
                let resolved = NaiveDate::from_ymd_opt(y, 1, 1)
                    .zip(NaiveDate::from_ymd_opt(y, 12, 31))
                    .map(|(s, e)| DateRange { start: s, end: e });
                let (s, resolved) = since(lower, i, resolved, anchor);
                out.push((tokens[s].start, tokens[i].end, resolved));
            }
        }
        i = start_tok + 1;
    }
    out
}

fn sentence_has_future(body: &str, tokens: &[Token], lower: &[String], i: usize) -> bool {
    let mut k = i;
    while k > 0 && i - k < 12 {
        k -= 1;
        let t = tokens[k].text(body);
        if matches!(t, "." | "!" | "?") {
            break;
        }
        if matches!(
            lower[k].as_str(),
            "will"
                | "’ll"
                | "'ll"
                | "shall"
                | "plans"
                | "scheduled"
                | "upcoming"
                | "expect"
                | "expects"
                | "forecast"
                | "forecasts"
        ) {
            return true;
        }
        // "is expected to brief", "is due to address"; not "as expected" or "due to rain".
        if matches!(lower[k].as_str(), "expected" | "due")
            && k > 0
            && matches!(lower[k - 1].as_str(), "is" | "are" | "’s" | "'s")
        {
            return true;
        }
    }
    false
}

fn month_part(lower: &[String], s: usize) -> (&'static str, usize) {
    let w = |i: usize| lower.get(i).map_or("", String::as_str);
    if s >= 3 && w(s - 1) == "of" && matches!(w(s - 2), "end" | "beginning" | "start" | "middle") {
        let part = match w(s - 2) {
            "end" => "late",
            "middle" => "mid",
            _ => "early",
        };
        let from = if w(s - 3) == "the" { s - 3 } else { s - 2 };
        return (part, from);
    }
    if s >= 1 && matches!(w(s - 1), "early" | "mid" | "late") {
        return (
            match w(s - 1) {
                "early" => "early",
                "mid" => "mid",
                _ => "late",
            },
            s - 1,
        );
    }
    ("", s)
}

fn narrow(start: NaiveDate, end: NaiveDate, part: &str) -> DateRange {
    let at = |d: u32| start.with_day(d).unwrap_or(start);
    match part {
        "early" => DateRange { start, end: at(10) },
        "mid" => DateRange {
            start: at(11),
            end: at(20),
        },
        "late" => DateRange { start: at(21), end },
        _ => DateRange { start, end },
    }
}

/// "since X" runs from X to the article date.
fn since(
    lower: &[String],
    s: usize,
    resolved: Option<DateRange>,
    anchor: Option<NaiveDate>,
) -> (usize, Option<DateRange>) {
    if s >= 1 && lower.get(s - 1).is_some_and(|w| w == "since") {
        let r = resolved.map(|r| DateRange {
            start: r.start,
            end: anchor.filter(|a| *a >= r.start).unwrap_or(r.end),
        });
        return (s - 1, r);
    }
    (s, resolved)
}

fn period(a: NaiveDate, unit: &str, shift: i32) -> Option<DateRange> {
    match unit {
        "week" => {
            let monday = a - Duration::days(i64::from(a.weekday().num_days_from_monday()))
                + Duration::weeks(i64::from(shift));
            Some(DateRange {
                start: monday,
                end: monday + Duration::days(6),
            })
        }
        "month" => {
            let first = a.with_day(1)?;
            let first = if shift < 0 {
                first.checked_sub_months(Months::new(1))?
            } else if shift > 0 {
                first.checked_add_months(Months::new(1))?
            } else {
                first
            };
            let (s, e) = month_range(first.year(), first.month())?;
            Some(DateRange { start: s, end: e })
        }
        _ => {
            let y = a.year() + shift;
            Some(DateRange {
                start: NaiveDate::from_ymd_opt(y, 1, 1)?,
                end: NaiveDate::from_ymd_opt(y, 12, 31)?,
            })
        }
    }
}
