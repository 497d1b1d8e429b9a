//! Publication dates from the many ways pages write them.

use chrono::{Datelike, NaiveDate};
use regex::Regex;
use std::sync::LazyLock;

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d])((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?:[^\d]|$)")
        .expect("static regex")
});
static COMPACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^((?:19|20)\d{2})(\d{2})(\d{2})(?:T|$)").expect("static regex"));
static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b")
        .expect("static regex")
});
static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?([a-z]{3,9})\.?,?\s+((?:19|20)\d{2})\b",
    )
    .expect("static regex")
});
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)|/((?:19|20)\d{2})-(\d{2})-(\d{2})(?:/|-|$)",
    )
    .expect("static regex")
});

fn month_number(name: &str) -> Option<u32> {
    let name = name.to_ascii_lowercase();
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let prefix = name.get(..3)?;
    let n = MONTHS.iter().position(|m| *m == prefix)? as u32 + 1;
    // "sept" and full names are fine; reject words that only share a prefix ("marine").
    (parallax_core::calendar::MONTHS[n as usize - 1].starts_with(&name) || name == "sept")
        .then_some(n)
}

fn ymd(y: &str, m: u32, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m, d.parse().ok()?)
}

/// Parses the first date in `text`: ISO 8601, RFC 2822, "October 23, 2015",
/// "23 October 2015". Returns `None` for dates before 1990 or after `today`.
pub fn parse_date(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let text = text.trim();
    let date = chrono::DateTime::parse_from_rfc2822(text)
        .ok()
        .map(|d| d.date_naive())
        .or_else(|| {
            ISO.captures(text)
                .and_then(|c| ymd(&c[1], c[2].parse().ok()?, &c[3]))
        })
        .or_else(|| {
            COMPACT
                .captures(text)
                .and_then(|c| ymd(&c[1], c[2].parse().ok()?, &c[3]))
        })
        .or_else(|| {
            MONTH_FIRST
                .captures_iter(text)
                .find_map(|c| ymd(&c[3], month_number(&c[1])?, &c[2]))
        })
        .or_else(|| {
            DAY_FIRST
                .captures_iter(text)
                .find_map(|c| ymd(&c[3], month_number(&c[2])?, &c[1]))
        })?;
    plausible(date, today)
}

/// A date in a URL path such as `/2015/10/23/`.
pub fn date_in_url(url: &str, today: NaiveDate) -> Option<NaiveDate> {
    let c = URL_DATE.captures(url)?;
    let date = if c.get(1).is_some() {
        ymd(&c[1], c[2].parse().ok()?, &c[3])
    } else {
        ymd(&c[4], c[5].parse().ok()?, &c[6])
    }?;
    plausible(date, today)
}

fn plausible(date: NaiveDate, today: NaiveDate) -> Option<NaiveDate> {
    (date.year() >= 1990 && date <= today).then_some(date)
}

/// Today's date, the upper bound for any publication date.
pub fn today() -> NaiveDate {
    // A page may be dated in a time zone ahead of UTC.
    chrono::Utc::now().date_naive() + chrono::Days::new(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()
    }

    #[test]
    fn formats() {
        let d = NaiveDate::from_ymd_opt(2015, 10, 23);
        for text in [
            "2015-10-23T08:00:00+03:00",
            "Fri, 23 Oct 2015 08:00:00 GMT",
            "October 23, 2015",
            "Oct. 23, 2015 8:00 a.m.",
            "23 October 2015",
            "Published 23rd of October 2015",
            "2015/10/23",
            "20151023T080000",
        ] {
            assert_eq!(parse_date(text, today()), d, "{text}");
        }
    }

    #[test]
    fn future_and_nonsense_are_rejected() {
        assert_eq!(parse_date("2031-01-01", today()), None);
        assert_eq!(parse_date("Marine 12, 2015", today()), None);
        assert_eq!(parse_date("2015-13-40", today()), None);
    }

    #[test]
    fn url_dates() {
        assert_eq!(
            date_in_url("https://example.org/news/2015/10/23/bridge", today()),
            NaiveDate::from_ymd_opt(2015, 10, 23)
        );
        assert_eq!(
            date_in_url("https://example.org/news/1234/56", today()),
            None
        );
    }
}
