//! Figures in a sentence: numbers with the unit they count, so that "250,000 dead" and
//! "300,000 dead" can be told apart from "250,000 dead" and "a quarter of a million".

use regex::Regex;
use std::sync::OnceLock;

/// One number in a sentence and what it counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// The value, with "million", "thousand" and "percent" applied as scale or unit.
    pub value: f64,
    /// What it counts: "percent", "$", the next content word ("people", "dead"), or,
    /// when nothing follows, the previous one ("toll"). Years get "year".
    pub unit: String,
    /// The surface text, for explanations.
    pub surface: String,
    /// How the text bounds the value ("at least 70", "up to 120", "about 930").
    pub bound: Bound,
}

/// The qualifier in front of a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// No qualifier: the value itself.
    Exact,
    /// "more than", "at least", "over": the value or more.
    AtLeast,
    /// "up to", "fewer than", "nearly": the value or less.
    AtMost,
    /// "about", "around", "some", "an estimated": within 15 percent.
    About,
}

/// Qualifiers that make a figure a lower bound, an upper bound, or an estimate.
#[rustfmt::skip]
const AT_LEAST: &[&str] = &[
    "more than", "at least", "over", "upwards of", "in excess of", "exceeding", "above",
    "as many as",
];
#[rustfmt::skip]
const AT_MOST: &[&str] = &[
    "up to", "less than", "fewer than", "under", "at most", "below", "nearly", "almost",
    "just under",
];
#[rustfmt::skip]
const ABOUT: &[&str] = &[
    "about", "around", "roughly", "approximately", "some", "an estimated", "estimated",
    "close to", "nearly about", "an approximate",
];

/// "Two other victims", "three more deaths": a part of a total, so at least the value.
fn partial_or(next_word: &str, bound: Bound) -> Bound {
    if matches!(
        next_word,
        "other" | "others" | "more" | "additional" | "further" | "new"
    ) {
        Bound::AtLeast
    } else {
        bound
    }
}

/// The bound the words right before a figure put on it.
fn bound_before(before: &str) -> Bound {
    let lower = before
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '$' | '€' | '£'))
        .to_lowercase();
    let ends = |list: &[&str]| {
        list.iter().any(|q| {
            lower.ends_with(q)
                && lower[..lower.len() - q.len()].ends_with(|c: char| !c.is_alphanumeric())
                || lower == *q
        })
    };
    if ends(AT_LEAST) {
        Bound::AtLeast
    } else if ends(AT_MOST) {
        Bound::AtMost
    } else if ends(ABOUT) {
        Bound::About
    } else {
        Bound::Exact
    }
}

impl Figure {
    /// True when the two values are the same figure (within half a percent, so that
    /// "2.5 million" and "2,500,000" agree).
    pub fn same_value(&self, other: &Figure) -> bool {
        let scale = self.value.abs().max(other.value.abs()).max(1e-9);
        (self.value - other.value).abs() / scale < 0.005
    }

    /// The range of values the text allows.
    fn range(&self) -> (f64, f64) {
        let v = self.value;
        match self.bound {
            Bound::Exact => (v, v),
            Bound::AtLeast => (v, f64::INFINITY),
            Bound::AtMost => (f64::NEG_INFINITY, v),
            Bound::About => (v * 0.85, v * 1.15),
        }
    }

    /// True when both figures can be true at once: their ranges meet (within rounding).
    /// "At least 70 injured" and "about 100 injured" are compatible; "250,000" and
    /// "300,000" are not.
    pub fn compatible(&self, other: &Figure) -> bool {
        let ((a0, a1), (b0, b1)) = (self.range(), other.range());
        let slack = 0.005 * self.value.abs().max(other.value.abs());
        a0 <= b1 + slack && b0 <= a1 + slack
    }
}

#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];

#[rustfmt::skip]
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("two", 2.0), ("three", 3.0), ("four", 4.0), ("five", 5.0), ("six", 6.0), ("seven", 7.0),
    ("eight", 8.0), ("nine", 9.0), ("ten", 10.0), ("eleven", 11.0), ("twelve", 12.0),
    ("fifteen", 15.0), ("twenty", 20.0), ("thirty", 30.0), ("forty", 40.0), ("fifty", 50.0),
    ("hundred", 100.0), ("dozen", 12.0),
];

fn number_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?ix)
            (?P<cur>[$€£])?\s?
            (?P<num>\b\d{1,3}(?:,\d{3})+(?:\.\d+)?|\b\d+(?:\.\d+)?)
            (?P<suffix>st|nd|rd|th|:\d\d)?
            (?:\s?(?P<scale>million|billion|thousand|trillion|bn|mln|mm|m)\b)?
            (?:\s?(?P<pct>%|percent\b|per\scent\b))?",
        )
        .expect("figure regex is valid")
    })
}

/// The figures in `sentence`, in order. Ordinals, clock times and day numbers next to a
/// month name are left out: dates are compared through the language stage's times.
pub fn figures(sentence: &str, is_content: impl Fn(&str) -> bool) -> Vec<Figure> {
    let mut out = Vec::new();
    for caps in number_regex().captures_iter(sentence) {
        let whole = caps.get(0).expect("group 0 always matches");
        let num = caps.name("num").expect("num is not optional");
        if caps.name("suffix").is_some() {
            continue;
        }
        let before = &sentence[..num.start()];
        let after = &sentence[whole.end()..];
        // A number glued to a name ("AK-47", "F-16", "G20") is part of the name.
        let mut back = before.chars().rev();
        match (back.next(), back.next()) {
            (Some('-'), Some(c)) | (Some(c), _) if c.is_alphabetic() => continue,
            _ => {}
        }
        // So is one after a short code in capitals ("AK 47", "F 16").
        let prev_raw = before.split_whitespace().last().unwrap_or("");
        if (1..=3).contains(&prev_raw.chars().count())
            && prev_raw.chars().all(|c| c.is_ascii_uppercase())
            && before.ends_with(' ')
        {
            continue;
        }
        // Scores and ranges ("58-3", "9-14", "50-70 percent") are two numbers at once.
        if after.starts_with('-') && after[1..].starts_with(|c: char| c.is_ascii_digit())
            || before.ends_with('-')
                && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        // Phone numbers and codes: a leading zero, or digit groups in a row.
        let digits = num.as_str();
        let glued_group = before
            .trim_end_matches(' ')
            .ends_with(|c: char| c.is_ascii_digit())
            && before.ends_with(' ')
            || after.starts_with(' ') && after[1..].starts_with(|c: char| c.is_ascii_digit());
        if (digits.len() > 1 && digits.starts_with('0') && !digits.starts_with("0.")) || glued_group
        {
            continue;
        }
        let prev_word = last_word(before);
        let next_word = first_word(after);
        if MONTHS.contains(&prev_word.as_str()) || MONTHS.contains(&next_word.as_str()) {
            continue;
        }
        // Clock times ("7 p.m.", "10am", "0900 GMT") say when, not how many.
        let after_lower = after.trim_start().to_lowercase();
        if [
            "a.m",
            "p.m",
            "am ",
            "pm ",
            "am.",
            "pm.",
            "am,",
            "pm,",
            "gmt",
            "utc",
            "local time",
        ]
        .iter()
        .any(|t| after_lower.starts_with(t))
            || matches!(after_lower.as_str(), "am" | "pm")
        {
            continue;
        }
        let Ok(mut value) = num.as_str().replace(',', "").parse::<f64>() else {
            continue;
        };
        value *= match caps
            .name("scale")
            .map(|m| m.as_str().to_lowercase())
            .as_deref()
        {
            Some("thousand") => 1e3,
            Some("million" | "mln" | "mm" | "m") => 1e6,
            Some("billion" | "bn") => 1e9,
            Some("trillion") => 1e12,
            _ => 1.0,
        };
        let plain_year = caps.name("scale").is_none()
            && caps.name("pct").is_none()
            && caps.name("cur").is_none()
            && !num.as_str().contains([',', '.'])
            && (1900.0..=2100.0).contains(&value);
        let unit = if caps.name("pct").is_some() {
            "percent".to_owned()
        } else if let Some(cur) = caps.name("cur") {
            cur.as_str().to_owned()
        } else if plain_year {
            "year".to_owned()
        } else {
            unit_word(before, after, &is_content)
        };
        out.push(Figure {
            value,
            unit,
            surface: whole.as_str().trim().to_owned(),
            bound: partial_or(&next_word, bound_before(&sentence[..whole.start()])),
        });
    }
    // Small counts written out ("three soldiers") matter as much as digits.
    let lower = sentence.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        if let Some(&(_, value)) = NUMBER_WORDS.iter().find(|(name, _)| name == w) {
            let prev = i.checked_sub(1).map(|p| words[p]);
            // "two hundred": "hundred" scales the word before it, not a second figure.
            if matches!(*w, "hundred" | "dozen")
                && prev.is_some_and(|p| NUMBER_WORDS.iter().any(|(n, _)| *n == p))
            {
                continue;
            }
            let scale = match words.get(i + 1).copied() {
                Some("hundred") if *w != "hundred" => 1e2,
                Some("thousand") => 1e3,
                Some("million") => 1e6,
                Some("billion") => 1e9,
                _ => 1.0,
            };
            // "several hundred", "a few dozen": at least two of them, no more said.
            let vague = matches!(*w, "hundred" | "dozen")
                && prev.is_some_and(|p| matches!(p, "several" | "few" | "many"));
            let skip = usize::from(scale > 1.0);
            let Some(next) = words[i + 1 + skip..].iter().take(2).find(|n| is_content(n)) else {
                continue;
            };
            out.push(Figure {
                value: value * scale * if vague { 2.0 } else { 1.0 },
                unit: stem(next),
                surface: (*w).to_owned(),
                bound: if vague {
                    Bound::AtLeast
                } else {
                    partial_or(
                        words.get(i + 1 + skip).copied().unwrap_or(""),
                        bound_before(&words[..i].join(" ")),
                    )
                },
            });
        }
    }
    out
}

/// The word a figure counts: the next content word within two words, else the
/// previous content word within three.
fn unit_word(before: &str, after: &str, is_content: &impl Fn(&str) -> bool) -> String {
    // A number word ("two sons, ages 16") is another figure, not what this one counts.
    let is_content = |w: &str| is_content(w) && !NUMBER_WORDS.iter().any(|(n, _)| *n == w);
    let after_words = words_lower(after);
    if let Some(w) = after_words.iter().take(2).find(|w| is_content(w)) {
        return stem(w);
    }
    let before_words = words_lower(before);
    // The earliest of the last three content words: "the death toll rose to 250,000"
    // counts the toll, not the rising.
    before_words
        .iter()
        .rev()
        .take(3)
        .rfind(|w| is_content(w))
        .map(|w| stem(w))
        .unwrap_or_default()
}

/// Crude plural folding so "soldier" and "soldiers" count the same thing.
fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    match w.strip_suffix('s') {
        Some(base) if base.chars().count() > 2 && !base.ends_with('s') => base.to_owned(),
        _ => w,
    }
}

fn words_lower(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn last_word(text: &str) -> String {
    words_lower(text).pop().unwrap_or_default()
}

fn first_word(text: &str) -> String {
    words_lower(text).into_iter().next().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(w: &str) -> bool {
        w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !matches!(
                w,
                "the" | "of" | "to" | "a" | "were" | "rose" | "at" | "in" | "on" | "by"
            )
    }

    fn render(sentence: &str) -> String {
        figures(sentence, content)
            .iter()
            .map(|f| format!("{}={}:{}", f.surface, f.value, f.unit))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn reads_scales_percent_currency_and_units() {
        assert_eq!(
            render("About 250,000 people were killed."),
            "250,000=250000:people"
        );
        assert_eq!(
            render("The toll rose to 2.5 million."),
            "2.5 million=2500000:toll"
        );
        assert_eq!(
            render("Turnout was 80 percent, or 80%."),
            "80 percent=80:percent 80%=80:percent"
        );
        assert_eq!(
            render("It cost $5 billion in 2015."),
            "$5 billion=5000000000:$ 2015=2015:year"
        );
        assert_eq!(render("Three soldiers died."), "three=3:soldier");
    }

    #[test]
    fn skips_dates_ordinals_and_clock_times() {
        assert_eq!(render("On October 22 at 10:30, the 3rd convoy left."), "");
        assert_eq!(render("She was hit at 7 p.m. and again at 9pm."), "");
        assert_eq!(
            render("They seized six AK-47 rifles and an F-16."),
            "six=6:rifle"
        );
        assert_eq!(
            render("Over a hundred billion dollars passed."),
            "hundred=100000000000:dollar"
        );
    }

    #[test]
    fn qualifiers_make_ranges() {
        let one = |s: &str| figures(s, content).remove(0);
        assert_eq!(one("at least 70 people were hurt").bound, Bound::AtLeast);
        assert_eq!(one("It cost over $5 million.").bound, Bound::AtLeast);
        assert_eq!(one("some 930 miles away").bound, Bound::About);
        assert_eq!(one("a toll of 250,000 dead").bound, Bound::Exact);
        assert!(one("at least 70 hurt").compatible(&one("about 100 hurt")));
        assert!(one("some 930 miles").compatible(&one("about 940 miles")));
        assert!(one("more than 100 mph").compatible(&one("up to 120 mph")));
        assert!(!one("250,000 dead").compatible(&one("300,000 dead")));
        assert!(one("the two other victims").compatible(&one("the three victims")));
        assert!(!one("up to 50 dead").compatible(&one("more than 60 dead")));
        assert!(!one("Turnout was 80 percent").compatible(&one("Turnout was 60 percent")));
        // Vague multiples bound from below only; spelled-out hundreds are one figure.
        assert!(one("several hundred hectares").compatible(&one("about 900 hectares")));
        assert!(!one("several hundred hectares").compatible(&one("150 hectares")));
        assert!(one("two hundred people").same_value(&one("200 people")));
        assert_eq!(render("Two hundred people fled."), "two=200:people");
    }

    #[test]
    fn same_value_tolerates_rounding_only() {
        let f = |v: f64| Figure {
            value: v,
            bound: Bound::Exact,
            unit: String::new(),
            surface: String::new(),
        };
        assert!(f(2_500_000.0).same_value(&f(2_500_000.0)));
        assert!(!f(250_000.0).same_value(&f(300_000.0)));
        assert!(!f(80.0).same_value(&f(60.0)));
    }
}
