//! The outlet named in a page dump's own text: its footer, notices and staff credits.
//!
//! A dump has no `og:site_name`, but a news page names its outlet in a few set phrases:
//! "The Daily Example is published by ...", "About The Ledger - Policies", "Example News
//! has been declared ...", "Follow Example News on", "Subscribe to Example News",
//! "© 2025 Example News", "EXN and Agencies". Each gives a candidate; when two strong
//! candidates disagree there is no answer (no outlet beats a wrong one). A masthead line
//! at the top that starts with the candidate ("EXN Example News Service") gives its full
//! name.

use crate::credits;
use regex::Regex;
use std::sync::LazyLock;

/// One capitalised name of one to six words ("RFE/RL", "The Open Ledger").
const NAME: &str = r"((?:The |the )?[\p{Lu}\d][\w&/.'’-]*(?: (?:of |de |for |and |& )?[\p{Lu}\d][\w&/.'’-]*){0,5})";

/// "<Name> is published by", "<Name> is funded by", "<Name> has been declared".
static SELF_NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"^{NAME},? (?:is (?:published|owned|funded|financed|produced) by\b|is part of\b|is a (?:registered )?trademark\b|has been (?:declared|designated|labell?ed|listed) (?:as )?an? "?(?:undesirable|foreign|extremist)\b)"#
    ))
    .expect("static regex")
});

/// "About <Name> - Policies & Disclosures - Comment Policy": a footer link list.
static ABOUT_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^About {NAME} [-|·•]")).expect("static regex"));

/// "Follow <Name> on", "Subscribe to <Name>", "Like <Name> on Facebook".
static FOLLOW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:Follow|Like|Subscribe to|Support) {NAME}(?: on\b| for\b| newsletters?\b|[.!:]?$)"
    ))
    .expect("static regex")
});

/// "© 2025 Name", "Copyright 2015 Name", "(c) 2015-2024 Name".
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:©|\([cC]\)|Copyright|COPYRIGHT)(?: ©)? ?(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?,? )?{NAME}(?:[.,;]|$| All rights)"
    ))
    .expect("static regex")
});

/// "TBP and Agencies", "Ledger staff with agencies": the outlet's own newsroom.
static STAFF_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([\p{Lu}][\w&/.-]*(?: [\p{Lu}][\w&/.-]*){0,2})(?: [Ss]taff)? (?:and|with|&) (?:[Aa]gencies|[Ww]ires|[Nn]ews [Aa]gencies)\.?$")
        .expect("static regex")
});

/// Names of companies, not of news outlets: a copyright line often names the owner.
const COMPANY_WORDS: &[&str] = &[
    "group",
    "inc",
    "inc.",
    "ltd",
    "ltd.",
    "llc",
    "limited",
    "corporation",
    "corp",
    "corp.",
    "company",
    "holdings",
    "plc",
    "gmbh",
    "ag",
    "s.a.",
    "media",
    "publishing",
    "publications",
    "enterprises",
    "all",
];

/// Words that a name never is on its own (the capture took a sentence start).
const NOT_OUTLETS: &[&str] = &[
    "us", "our", "this", "the", "it", "he", "she", "they", "we", "you", "me", "him", "her", "them",
    "all", "his", "my", "your", "their", "its",
];

/// The outlet that the lines of a dump name, with some confidence.
pub fn outlet_in_text(text: &str) -> Option<String> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut strong: Vec<String> = Vec::new();
    let mut weak: Vec<String> = Vec::new();
    // Notices and credits sit at the page's edges; the story's own sentences in the
    // middle ("Kenya is part of ...") never name the outlet.
    let tail_from = lines.len() * 3 / 5;
    for (n, line) in lines.iter().enumerate() {
        if line.split_whitespace().count() > 60 || (n >= 8 && n < tail_from) {
            continue;
        }
        for re in [&*SELF_NOTICE, &*ABOUT_LINK, &*FOLLOW] {
            if let Some(name) = re.captures(line).and_then(|c| accept(&c[1])) {
                strong.push(name);
            }
        }
        if let Some(name) = STAFF_CREDIT.captures(line).and_then(|c| accept(&c[1])) {
            strong.push(name);
        }
        if let Some(name) = COPYRIGHT.captures(line).and_then(|c| accept(&c[1])) {
            weak.push(name);
        }
    }
    let pick = |names: &[String]| -> Option<Option<String>> {
        let first = names.first()?;
        let agree = names.iter().all(|n| same_name(n, first));
        Some(agree.then(|| first.clone()))
    };
    let name = match pick(&strong) {
        Some(choice) => choice?,
        None => pick(&weak)??,
    };
    Some(masthead(&lines, &name).unwrap_or(name))
}

/// A candidate name, or `None` when it is a company, an agency or a pronoun.
fn accept(raw: &str) -> Option<String> {
    let name = raw.trim().trim_end_matches(['.', ',', '’', '\'']).trim();
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    let last = words.last()?;
    if COMPANY_WORDS.contains(&last.as_str())
        || (words.len() == 1 && NOT_OUTLETS.contains(&last.as_str()))
        || words.iter().any(|w| w == "all" || w == "rights")
    {
        return None;
    }
    // A wire agency in a credit line is not the page's own outlet.
    if credits::agencies_in(name)
        .iter()
        .any(|a| a.eq_ignore_ascii_case(name))
    {
        return None;
    }
    Some(name.to_owned())
}

fn bare(name: &str) -> String {
    let lower = name.to_lowercase();
    lower
        .strip_prefix("the ")
        .unwrap_or(&lower)
        .trim()
        .to_owned()
}

fn same_name(a: &str, b: &str) -> bool {
    bare(a) == bare(b)
}

/// A short line near the top (the masthead) that starts with `name`: the outlet's full
/// printed name ("EXN" → "EXN Example News Service", "The Daily Example" → "Daily
/// Example").
fn masthead(lines: &[&str], name: &str) -> Option<String> {
    let key = bare(name);
    lines
        .iter()
        .take_while(|l| !crate::text::is_paragraph_like(l))
        .take(12)
        .find(|l| {
            let lower = l.to_lowercase();
            let lower = lower.strip_prefix("the ").unwrap_or(&lower);
            let words = l.split_whitespace().count();
            words <= 6
                && !STAFF_CREDIT.is_match(l)
                && credits::credit_line(l).is_none()
                && !l.ends_with(['.', '!', '?', ':'])
                && lower.starts_with(&key)
                && lower[key.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| c.is_whitespace())
        })
        .map(|l| l.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::outlet_in_text;

    fn check(text: &str, expected: Option<&str>) {
        assert_eq!(outlet_in_text(text).as_deref(), expected, "{text}");
    }

    #[test]
    fn outlets_from_footers_notices_and_credits() {
        check(
            "Story text goes here and on.\nAbout The Harbour Ledger - Policies & Disclosures - Comment Policy",
            Some("The Harbour Ledger"),
        );
        check(
            "Story.\nHBS has been declared an \"undesirable organization\" by the government.",
            Some("HBS"),
        );
        check(
            "Home\nHBS Harbour Broadcasting Service\nA headline\nThe ferry ran aground on Tuesday, the harbour master said.\nHBS is funded by the people of the island.",
            Some("HBS Harbour Broadcasting Service"),
        );
        check(
            "Skip to main content\nIsland Gazette\nNews | Sport\nThe ferry ran aground on Tuesday, the harbour master said.\nThe Island Gazette is published by Northsea Media Group.\n© 2025 Northsea Media Group. All rights reserved.",
            Some("Island Gazette"),
        );
        check("Story.\nIGP and Agencies", Some("IGP"));
        check(
            "Story.\nCopyright 2015 The Island Post",
            Some("The Island Post"),
        );
        check(
            "Story.\nFollow Island Gazette on Twitter",
            Some("Island Gazette"),
        );
    }

    #[test]
    fn no_outlet_when_unsure() {
        // An author box, a wire credit, an owner company, and two outlets that disagree.
        check(
            "Story.\nAbout Jane Example\nJane writes about ferries.",
            None,
        );
        check("Story.\nReuters and Agencies", None);
        check(
            "Story.\n© 2025 Northsea Media Group. All rights reserved.",
            None,
        );
        check(
            "Story.\nAbout The Harbour Ledger - Policies\nFollow Island Gazette on Twitter",
            None,
        );
        check("Follow us on Twitter\nSubscribe to our newsletter", None);
    }
}
