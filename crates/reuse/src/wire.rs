//! Wire credits: which news agency an article's text comes from.
//!
//! Two places tell: `Article::credits` (filled by the extract stage) and the dateline at
//! the head of the body, in the forms agencies print it: "LONDON, October 23. /TASS/.",
//! "MOSCOW (Reuters) -", "PARIS, May 2 (AFP) —", "WASHINGTON — (AP)".

use parallax_core::Article;
use regex::Regex;
use std::sync::OnceLock;

/// Agencies known by name: canonical name and the lowercase forms that mean it.
const AGENCIES: &[(&str, &[&str])] = &[
    ("TASS", &["tass", "itar-tass", "itar tass"]),
    ("Reuters", &["reuters", "thomson reuters"]),
    ("AP", &["ap", "associated press", "the associated press"]),
    (
        "AFP",
        &["afp", "agence france-presse", "agence france presse"],
    ),
    ("Xinhua", &["xinhua", "xinhua news agency"]),
    ("RIA Novosti", &["ria novosti", "ria"]),
    ("Interfax", &["interfax"]),
    ("Sputnik", &["sputnik"]),
    ("dpa", &["dpa", "deutsche presse-agentur"]),
    ("UPI", &["upi", "united press international"]),
    ("Bloomberg", &["bloomberg"]),
    ("ANI", &["ani"]),
    ("PTI", &["pti", "press trust of india"]),
    ("EFE", &["efe"]),
    ("ANSA", &["ansa"]),
    ("Kyodo", &["kyodo", "kyodo news"]),
    ("Yonhap", &["yonhap"]),
    ("Anadolu", &["anadolu", "anadolu agency", "aa"]),
    ("IRNA", &["irna"]),
    ("SANA", &["sana"]),
    ("PA", &["pa", "press association"]),
    ("CP", &["cp", "canadian press", "the canadian press"]),
    ("AAP", &["aap", "australian associated press"]),
];

/// How many leading characters of a body may hold the dateline.
const DATELINE_REACH_CHARS: usize = 600;

/// The canonical agency name for a credit, when it names a known agency.
pub fn canonical_agency(credit: &str) -> Option<&'static str> {
    let folded =
        parallax_core::text::fold(credit.trim().trim_matches(|c: char| !c.is_alphanumeric()));
    AGENCIES
        .iter()
        .find(|(_, forms)| forms.contains(&folded.as_str()))
        .map(|(name, _)| *name)
}

fn dateline_patterns() -> &'static [Regex; 2] {
    static PATTERNS: OnceLock<[Regex; 2]> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        [
            // "LONDON, October 23. /TASS/." — the slashes make any name a credit.
            Regex::new(r"(?m)^[\p{Lu}][\p{L} .'-]{1,40},\s+\p{L}+\.?\s+\d{1,2}\.?\s*/\s*([\p{L}][\p{L} -]{0,30}?)\s*/")
                .expect("valid regex"),
            // "MOSCOW (Reuters) -", "PARIS, May 2 (AFP) —": only known agencies count.
            Regex::new(r"(?m)^[\p{Lu}][\p{Lu}\p{L} .,'\d-]{1,50}?\(([\p{L} .-]{2,30})\)\s*[-–—:]")
                .expect("valid regex"),
        ]
    })
}

/// The agency credited in the body's dateline, if any.
pub fn dateline_agency(body: &str) -> Option<String> {
    let head_end = body
        .char_indices()
        .nth(DATELINE_REACH_CHARS)
        .map_or(body.len(), |(b, _)| b);
    let head = &body[..head_end];
    let [slashes, parens] = dateline_patterns();
    if let Some(c) = slashes.captures(head) {
        let name = c[1].trim();
        return Some(canonical_agency(name).map_or_else(|| name.to_owned(), str::to_owned));
    }
    let c = parens.captures(head)?;
    canonical_agency(&c[1]).map(str::to_owned)
}

/// The wire agency an article credits: a known agency among the extract stage's credits,
/// then the dateline. An unknown credit alone ("Agencies", the outlet's own initials) is
/// not taken for a wire: it would make an outlet's own reporting look copied.
pub fn wire_agency(article: &Article) -> Option<String> {
    article
        .credits
        .iter()
        .find_map(|c| canonical_agency(c).map(str::to_owned))
        .or_else(|| dateline_agency(&article.body))
}

/// True when the article's own outlet is the agency (the wire's own site).
pub fn outlet_is_agency(article: &Article, agency: &str) -> bool {
    let Some(outlet) = article.outlet.as_deref() else {
        return false;
    };
    let host = outlet.split('.').next().unwrap_or(outlet);
    canonical_agency(outlet) == Some(agency)
        || canonical_agency(host) == Some(agency)
        || parallax_core::text::fold(outlet) == parallax_core::text::fold(agency)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_agency_datelines() {
        let cases = [
            (
                "Caption line\nPhoto: Someone/TASS\nLONDON, October 23. /TASS/. The talks ended.",
                Some("TASS"),
            ),
            ("MOSCOW (Reuters) - The rouble fell.", Some("Reuters")),
            ("PARIS, May 2 (AFP) — Strikes went on.", Some("AFP")),
            ("BERLIN (Our Correspondent) - Nothing.", None),
            ("The mayor (D) - who spoke - left.", None),
        ];
        for (body, expected) in cases {
            assert_eq!(dateline_agency(body).as_deref(), expected, "{body}");
        }
    }

    #[test]
    fn canonical_names_fold_variants() {
        assert_eq!(canonical_agency("The Associated Press"), Some("AP"));
        assert_eq!(canonical_agency("ITAR-TASS"), Some("TASS"));
        assert_eq!(canonical_agency("Daily Planet"), None);
    }
}
