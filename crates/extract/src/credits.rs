//! Wire and agency credits, bylines and datelines found in text lines.
//!
//! Credits come from credit lines ("Based on reporting by Reuters", "TBP and Agencies"),
//! from datelines ("LONDON, October 23. /TASS/.", "MOSCOW (Reuters) -") and from photo
//! credits ("Jane Doe/AP Photo"). Datelines are cut off the paragraph they open.

use regex::Regex;
use std::sync::LazyLock;

/// News agencies whose names mark wire copy. Matched as whole words, case-sensitively
/// for the short acronyms.
const AGENCIES: &[&str] = &[
    "Reuters",
    "AP",
    "Associated Press",
    "AFP",
    "Agence France-Presse",
    "TASS",
    "ITAR-TASS",
    "RIA Novosti",
    "RIA",
    "Interfax",
    "Xinhua",
    "dpa",
    "DPA",
    "ANI",
    "PTI",
    "IANS",
    "UPI",
    "Bloomberg",
    "EFE",
    "ANSA",
    "Kyodo",
    "Yonhap",
    "Anadolu",
    "Anadolu Agency",
    "AAP",
    "CP",
    "Canadian Press",
    "KCNA",
    "IRNA",
    "Fars",
    "Tasnim",
    "Sputnik",
    "Ukrinform",
    "UNIAN",
    "BelTA",
    "APA",
    "Trend",
    "WAM",
    "SPA",
    "MENA",
    "KUNA",
    "QNA",
    "Bernama",
    "Antara",
    "PAP",
    "CTK",
    "MTI",
    "BTA",
    "Agerpres",
    "HINA",
    "Tanjug",
    "Lusa",
    "NTB",
    "TT",
    "Ritzau",
    "STT",
    "Belga",
    "APA-OTS",
    "Jiji",
    "CNA",
    "Agencies",
    "agencies",
    "wire services",
    "news agencies",
];

static AGENCY_RE: LazyLock<Regex> = LazyLock::new(|| {
    let mut names: Vec<&str> = AGENCIES.to_vec();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let alternation = names
        .iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(r"(?:^|[^\w-])({alternation})(?:$|[^\w-])")).expect("static regex")
});

/// "Based on reporting by Reuters", "With reporting by AP and AFP", "Compiled by ...".
static REPORTING_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(?(?:based on|with|additional|compiled from|compiled with) (?:\w+ )?(?:reporting|reports|material|information) (?:by|from) (.{2,80}?)\)?\.?$")
        .expect("static regex")
});

/// "TBP and Agencies", "Reuters", "AFP/dpa", "Staff and agencies", "(Reuters)".
static CREDIT_ONLY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\(?(?:[\p{Lu}][\w/.-]*|staff|wires?)(?:\s*(?:,|/|&|and|with|\+)\s*(?:[\p{Lu}][\w/.-]*|agencies|wires?)){0,4}\)?\.?$")
        .expect("static regex")
});

/// "LONDON, October 23. /TASS/." or "MOSCOW, Oct 22 (Reuters) -" or "PARIS (AP) —".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[\p{Lu}][\p{Lu}\p{M} .'-]{1,40}(?:,\s*[\p{L}. ]{2,30})?(?:,\s*(?:\p{L}{3,9}\.?\s+\d{1,2}|\d{1,2}\s+\p{L}{3,9})(?:,?\s*\d{4})?)?\.?\s*)(?:/([\p{L}-]{2,20})/\.?|\(([\p{L} -]{2,30})\)\s*[-–—:]|[-–—]\s*(?:\(([\p{L} -]{2,30})\)\s*[-–—]?)?)\s*")
        .expect("static regex")
});

/// "By Jane Doe and John Roe, Reuters" and similar byline lines.
static BYLINE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:by|von|par|por|di|door|av|af)\s+(.{3,120})$").expect("static regex")
});

/// Agency names mentioned in `text`, in order of appearance, deduplicated.
pub fn agencies_in(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in AGENCY_RE.captures_iter(text) {
        let name = canonical(&c[1]);
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

fn canonical(name: &str) -> String {
    match name {
        "agencies" | "news agencies" | "wire services" => "Agencies".to_owned(),
        "Associated Press" => "AP".to_owned(),
        "Agence France-Presse" => "AFP".to_owned(),
        "ITAR-TASS" => "TASS".to_owned(),
        other => other.to_owned(),
    }
}

/// If the whole line is a credit line, the names it credits.
pub fn credit_line(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    if let Some(c) = REPORTING_LINE.captures(line) {
        let names = split_names(&c[1]);
        return (!names.is_empty()).then_some(names);
    }
    if line.split_whitespace().count() <= 6 && CREDIT_ONLY_LINE.is_match(line) {
        let agencies = agencies_in(line);
        if !agencies.is_empty() {
            return Some(split_names(line.trim_matches(['(', ')', '.'])));
        }
    }
    None
}

fn split_names(list: &str) -> Vec<String> {
    list.split([',', '/', '&', '+'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" with "))
        .map(|p| p.trim().trim_matches(['(', ')', '.']).trim())
        .filter(|p| !p.is_empty() && p.len() <= 40)
        .map(canonical)
        .collect()
}

/// Splits a dateline off the start of a paragraph: returns the credited agency (if any)
/// and the byte offset where the story text starts.
pub fn dateline(paragraph: &str) -> Option<(Option<String>, usize)> {
    let c = DATELINE.captures(paragraph)?;
    let whole = c.get(0)?;
    let agency = c
        .get(1)
        .or_else(|| c.get(2))
        .or_else(|| c.get(3))
        .map(|m| canonical(m.as_str().trim()));
    // A bare "CITY —" dateline is only trusted when the city is in capitals.
    let head = &paragraph[..whole.end()];
    let caps = head.chars().filter(|c| c.is_uppercase()).count();
    let letters = head.chars().filter(|c| c.is_alphabetic()).count();
    if agency.is_none() && caps * 2 < letters {
        return None;
    }
    if let Some(a) = &agency {
        if !AGENCY_RE.is_match(a) && a.chars().any(char::is_lowercase) && a.len() > 12 {
            return None;
        }
    }
    let rest = &paragraph[whole.end()..];
    // The story must go on after the dateline.
    (rest.split_whitespace().count() >= 3).then_some((agency, whole.end()))
}

/// Author names from a byline line ("By Jane Doe and John Roe, Reuters"), without the
/// agency, titles or dates. `None` when the line is not a byline.
pub fn byline_names(line: &str) -> Option<String> {
    let line = line.trim();
    if line.split_whitespace().count() > 14 {
        return None;
    }
    let rest = BYLINE_LINE.captures(line)?.get(1)?.as_str();
    names_from(rest)
}

/// Cleans a raw author string ("Jane Doe | Reuters", "By JANE DOE, Staff Writer").
pub fn names_from(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let raw = BYLINE_LINE
        .captures(raw)
        .and_then(|c| c.get(1))
        .map_or(raw, |m| m.as_str());
    let mut names: Vec<String> = Vec::new();
    for part in raw
        .split([',', '|', ';', '/', '•', '·', '\n'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" & "))
        .flat_map(split_after_sentence_stop)
    {
        let part = without_trailing_date(part.trim().trim_end_matches('.'));
        if part.is_empty() || AGENCY_RE.find(part).is_some_and(|m| m.start() <= 1) {
            continue;
        }
        if looks_like_name(part) || is_shared_staff_byline(part) {
            let name = unshouted(part);
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    (!names.is_empty()).then(|| names.join(", "))
}

/// "STEVE PEOPLES" → "Steve Peoples": a name printed in capitals, as wire bylines often
/// are, in the case people write it. Names with any lowercase letter stay as they are.
fn unshouted(name: &str) -> String {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 4 || name.chars().any(char::is_lowercase) {
        return name.to_owned();
    }
    let mut out = String::with_capacity(name.len());
    let mut word_start = true;
    for c in name.chars() {
        if c.is_alphabetic() {
            if word_start {
                out.push(c);
            } else {
                out.extend(c.to_lowercase());
            }
            word_start = false;
        } else {
            out.push(c);
            // "O'NEIL" → "O'Neil", "JEAN-PAUL" → "Jean-Paul"; "J.R." keeps its capitals.
            word_start = matches!(c, ' ' | '-' | '\'' | '’' | '.');
        }
    }
    out
}

/// "Jane Doe. Example Wire": a period after a word of three or more letters ends the
/// name (an initial such as "J." does not).
fn split_after_sentence_stop(part: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in part.match_indices(". ") {
        let word = part[start..i].rsplit(' ').next().unwrap_or("");
        if word.chars().count() >= 3 && word.chars().all(char::is_alphabetic) {
            out.push(&part[start..i]);
            start = i + 2;
        }
    }
    out.push(&part[start..]);
    out
}

/// Weekdays and months that author markup runs into ("Jane Doe Monday").
#[rustfmt::skip]
const DATE_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "updated", "published", "posted", "on",
];

/// Drops a trailing date ("Jane Doe Monday", "Jane Doe Nov. 19, 2019") from a name.
fn without_trailing_date(part: &str) -> &str {
    let mut end = part.len();
    loop {
        let head = part[..end].trim_end();
        let Some((rest, last)) = head.rsplit_once(' ') else {
            return head;
        };
        let word = last.trim_end_matches(['.', ',']).to_lowercase();
        let datey = DATE_WORDS.contains(&word.as_str())
            || (!word.is_empty() && word.chars().all(|c| c.is_ascii_digit() || c == ':'));
        if !datey || rest.split_whitespace().count() < 2 {
            return head;
        }
        end = rest.len();
    }
}

/// True when a byline part names the outlet rather than a person: its words are all
/// among the outlet's ("Example Insider" for the outlet "Example Insider Deutschland").
pub fn names_outlet(part: &str, outlet: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (p, o) = (words(part), words(outlet));
    if p.is_empty() || o.is_empty() {
        return false;
    }
    p.iter().all(|w| o.contains(w))
}

const NOT_NAME_WORDS: &[&str] = &[
    "staff",
    "writer",
    "reporter",
    "correspondent",
    "editor",
    "news",
    "desk",
    "team",
    "updated",
    "published",
    "posted",
    "contributor",
    "columnist",
    "senior",
    "chief",
    "times",
    "post",
    "daily",
    "press",
    "media",
    "online",
    "the",
    "agency",
    "service",
    "bureau",
    "admin",
    "guest",
    "opinion",
    "view",
    "comments",
    "read",
    "min",
    "share",
    "follow",
    "email",
    "business",
    "international",
    "sport",
    "sports",
    "politics",
    "world",
    "magazine",
    "network",
    "radio",
    "channel",
    "digital",
    "wire",
    "editor-at-large",
    "editors",
    "reporters",
    "staffer",
];

/// A newsroom's shared byline: one or two name-like words and "Staff", "Newsdesk" or
/// "Desk" ("Ledger Staff", "Courier Newsdesk"), never a job title ("Staff Writer").
pub fn is_shared_staff_byline(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let Some((last, head)) = words.split_last() else {
        return false;
    };
    matches!(*last, "Staff" | "Newsdesk" | "Desk")
        && (1..=2).contains(&head.len())
        && head.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                && !NOT_NAME_WORDS.contains(&w.to_lowercase().as_str())
        })
}

/// Two to four capitalised words, no digits, none of them a job title or outlet word.
pub fn looks_like_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(2..=4).contains(&words.len()) || text.len() > 60 {
        return false;
    }
    words.iter().all(|w| {
        let first = w.chars().next().unwrap_or(' ');
        (first.is_uppercase()
            || matches!(
                *w,
                "de" | "van" | "von" | "der" | "da" | "al" | "bin" | "la" | "le"
            ))
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
            && !NOT_NAME_WORDS.contains(&w.to_lowercase().as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_lines() {
        assert_eq!(
            credit_line("Based on reporting by Reuters"),
            Some(vec!["Reuters".into()])
        );
        assert_eq!(
            credit_line("XYZ and Agencies"),
            Some(vec!["XYZ".into(), "Agencies".into()])
        );
        assert_eq!(credit_line("(Reuters)"), Some(vec!["Reuters".into()]));
        assert_eq!(credit_line("The mayor spoke to Reuters on Monday."), None);
    }

    #[test]
    fn datelines() {
        let p = "LONDON, October 23. /TASS/. The council met on Friday.";
        let (agency, at) = dateline(p).unwrap();
        assert_eq!(agency.as_deref(), Some("TASS"));
        assert_eq!(&p[at..], "The council met on Friday.");
        let p = "OSLO (Reuters) - Ferries resumed service on Monday.";
        let (agency, at) = dateline(p).unwrap();
        assert_eq!(agency.as_deref(), Some("Reuters"));
        assert_eq!(&p[at..], "Ferries resumed service on Monday.");
        assert!(dateline("The council met on Friday - and voted.").is_none());
    }

    #[test]
    fn bylines_keep_names_only() {
        assert_eq!(
            byline_names("By Jane Example and John Sample, Reuters").as_deref(),
            Some("Jane Example, John Sample")
        );
        assert_eq!(byline_names("By the way, the bridge is open."), None);
        assert_eq!(names_from("Staff Writer"), None);
        assert_eq!(names_from("Ledger Staff").as_deref(), Some("Ledger Staff"));
        assert_eq!(names_from("Reuters Staff"), None);
        assert_eq!(
            names_from("Lena Ostrova Monday").as_deref(),
            Some("Lena Ostrova")
        );
        assert_eq!(
            names_from("Ivo Marten, Dara Quill Nov. 19, 2019").as_deref(),
            Some("Ivo Marten, Dara Quill")
        );
        assert_eq!(
            names_from("Ivo Marten. Halmark Courier International").as_deref(),
            Some("Ivo Marten")
        );
        assert_eq!(names_from("J. R. Quill").as_deref(), Some("J. R. Quill"));
        assert_eq!(names_from("Courier Editor-at-large"), None);
        assert_eq!(
            names_from("Ivo Marten, Courier Business").as_deref(),
            Some("Ivo Marten")
        );
        assert_eq!(names_from("Courier Sport"), None);
    }

    #[test]
    fn outlet_parts_are_not_names() {
        assert!(names_outlet(
            "Halmark Courier",
            "Halmark Courier Deutschland"
        ));
        assert!(!names_outlet("Dara Courier", "Courier"));
        assert!(!names_outlet("Dara Quill", "Halmark Courier"));
        assert!(!names_outlet("Michael Fox", "Fox News"));
    }

    #[test]
    fn bylines_in_capitals_are_written_as_names() {
        assert_eq!(
            names_from("By STEVE PEOPLES").as_deref(),
            Some("Steve Peoples")
        );
        assert_eq!(
            names_from("By MARY O'NEIL and JEAN-PAUL DUBOIS, Associated Press").as_deref(),
            Some("Mary O'Neil, Jean-Paul Dubois")
        );
        assert_eq!(
            names_from("By Dana McAllister").as_deref(),
            Some("Dana McAllister")
        );
    }
}
