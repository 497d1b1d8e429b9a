//! Counting independent sources: articles that share a provenance key (copies of one
//! wire text, one copy chain), one outlet, or outlets of one owner count once.
//!
//! The ownership table ships in `data/owners.csv` (outlet or host, owner); a file named
//! by `PARALLAX_OWNERS` adds rows for your own outlets.

use parallax_core::{
    text::fold, Analysis, ArticleId, CharIndex, CharSpan, Evidence, OriginKind, QuoteKind,
    ReuseLink,
};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The ownership table: the shipped `data/owners.csv`, plus the rows of the CSV file
/// named by the `PARALLAX_OWNERS` environment variable, if set (same format; its rows
/// win). Read once per process.
pub fn owners() -> &'static HashMap<String, String> {
    static TABLE: OnceLock<HashMap<String, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = parse_owners(include_str!("../data/owners.csv"));
        if let Some(path) = std::env::var_os("PARALLAX_OWNERS") {
            match std::fs::read_to_string(&path) {
                Ok(text) => table.extend(parse_owners(&text)),
                Err(err) => eprintln!(
                    "parallax: ignoring PARALLAX_OWNERS={}: {err}",
                    std::path::Path::new(&path).display()
                ),
            }
        }
        table
    })
}

/// Parses `outlet,owner` lines; `#` starts a comment line.
pub fn parse_owners(csv: &str) -> HashMap<String, String> {
    csv.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once(','))
        .map(|(outlet, owner)| (fold(outlet), owner.trim().to_owned()))
        .collect()
}

/// The owner of `outlet` (a name or a host) according to `table`, if listed.
pub fn owner_of<'t>(table: &'t HashMap<String, String>, outlet: &str) -> Option<&'t str> {
    let key = fold(outlet);
    let host = key.strip_prefix("www.").unwrap_or(&key);
    if let Some(owner) = table.get(host) {
        return Some(owner);
    }
    // A host matches its parent domains: "news.bbc.co.uk" → "bbc.co.uk".
    let mut rest = host;
    while let Some((_, parent)) = rest.split_once('.') {
        if parent.contains('.') {
            if let Some(owner) = table.get(parent) {
                return Some(owner);
            }
        }
        rest = parent;
    }
    None
}

/// The keys under which article `i` is *not* independent of others: its provenance
/// key, its wire credits when it republishes wire copy, its outlet and its owner.
pub fn source_keys(analysis: &Analysis, i: usize, table: &HashMap<String, String>) -> Vec<String> {
    let article = &analysis.articles[i];
    let mut keys = Vec::new();
    match analysis.provenance.get(i) {
        Some(p) if p.article == article.id => {
            keys.push(format!("key:{}", p.independence_key));
            if let OriginKind::Wire(agency) = &p.origin {
                keys.push(format!("wire:{}", fold(agency)));
            }
        }
        _ => keys.push(format!("article:{}", article.id)),
    }
    if let Some(outlet) = article.outlet.as_deref().filter(|o| !o.trim().is_empty()) {
        keys.push(format!("outlet:{}", fold(outlet)));
        if let Some(owner) = owner_of(table, outlet) {
            keys.push(format!("owner:{}", fold(owner)));
        }
    }
    keys
}

/// Number of independent sources among `articles` (positions in `Analysis::articles`):
/// the connected groups of articles that share any [`source_keys`], or that `copies`
/// links (pairs of indexes into `articles`: one copied the other's passage).
pub fn count_independent(
    analysis: &Analysis,
    articles: &[usize],
    copies: &[(usize, usize)],
) -> u32 {
    // Rows supplied with the input (`Analysis::owners`) extend the shipped table.
    let merged;
    let table = if analysis.owners.is_empty() {
        owners()
    } else {
        let mut extended = owners().clone();
        extended.extend(
            analysis
                .owners
                .iter()
                .map(|(outlet, owner)| (fold(outlet), owner.trim().to_owned())),
        );
        merged = extended;
        &merged
    };
    let mut parent: Vec<usize> = (0..articles.len()).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut first_with_key: HashMap<String, usize> = HashMap::new();
    for (n, &i) in articles.iter().enumerate() {
        for key in source_keys(analysis, i, table) {
            match first_with_key.get(&key) {
                Some(&m) => {
                    let (a, b) = (find(&mut parent, n), find(&mut parent, m));
                    parent[a.max(b)] = a.min(b);
                }
                None => {
                    first_with_key.insert(key, n);
                }
            }
        }
    }
    for &(x, y) in copies {
        if x < articles.len() && y < articles.len() {
            let (a, b) = (find(&mut parent, x), find(&mut parent, y));
            parent[a.max(b)] = a.min(b);
        }
    }
    (0..articles.len())
        .filter(|&n| find(&mut parent, n) == n)
        .count() as u32
}

/// Where the reuse stage found copied passages, by (source, target) article.
pub struct ReuseIndex<'a> {
    analysis: &'a Analysis,
    position: HashMap<ArticleId, usize>,
    links: HashMap<(ArticleId, ArticleId), Vec<&'a ReuseLink>>,
}

impl<'a> ReuseIndex<'a> {
    /// Indexes `analysis.reuse`.
    pub fn new(analysis: &'a Analysis) -> ReuseIndex<'a> {
        let mut links: HashMap<_, Vec<_>> = HashMap::new();
        for link in &analysis.reuse {
            links
                .entry((link.source, link.target))
                .or_default()
                .push(link);
        }
        let position = analysis.article_positions();
        ReuseIndex {
            analysis,
            position,
            links,
        }
    }

    /// True when a passage copied between the two articles (either way) covers at least
    /// three fifths of both evidence spans (a shared phrase in a rewritten sentence is
    /// not a copied claim), and not mostly inside a direct or partial quote:
    /// outlets that quote the same statement each heard or read it, but one that takes
    /// another's reporting sentence is repeating it.
    pub fn copied(&self, a: Evidence, b: Evidence) -> bool {
        let check = |src: Evidence, dst: Evidence| {
            self.links
                .get(&(src.article, dst.article))
                .is_some_and(|links| {
                    links.iter().flat_map(|l| &l.passages).any(|p| {
                        let (in_src, in_dst) =
                            (overlap(p.source, src.span), overlap(p.target, dst.span));
                        in_src * 5 >= src.span.char_len() * 3
                            && in_dst * 5 >= dst.span.char_len() * 3
                            && !self.quoted(dst.article, p.target, dst.span)
                    })
                })
        };
        check(a, b) || check(b, a)
    }

    /// True when the text where `passage` meets `span` in `article` is quoted speech:
    /// direct or partial quotes cover at least half of it, or it holds a double quote
    /// mark (the quotes stage may have missed a quote; erring here only keeps two outlets
    /// counted apart).
    pub fn quoted(&self, article: ArticleId, passage: CharSpan, span: CharSpan) -> bool {
        let Some(meet) = CharSpan::new(
            passage.start().max(span.start()),
            passage.end().min(span.end()),
        ) else {
            return false;
        };
        let Some(&i) = self.position.get(&article) else {
            return false;
        };
        let body = &self.analysis.articles[i].body;
        let has_marks = CharIndex::new(body)
            .slice(body, meet)
            .is_some_and(|t| t.contains(['“', '”', '"', '«', '»', '„']));
        if has_marks {
            return true;
        }
        let quotes = self.analysis.quotes.get(i).map_or(&[][..], Vec::as_slice);
        let quoted: u32 = quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Indirect)
            .map(|q| overlap(q.span, meet))
            .sum();
        quoted * 2 >= meet.char_len() && !meet.is_empty()
    }
}

/// Number of code points two spans share.
fn overlap(a: CharSpan, b: CharSpan) -> u32 {
    a.end()
        .min(b.end())
        .saturating_sub(a.start().max(b.start()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(outlet: &str, body: &str) -> parallax_core::Article {
        parallax_core::Article {
            id: parallax_core::ArticleId::from_source_and_body(outlet, body),
            source: outlet.into(),
            title: None,
            byline: None,
            outlet: Some(outlet.into()),
            published: None,
            credits: Vec::new(),
            language: None,
            body: body.into(),
            field_sources: Default::default(),
        }
    }

    #[test]
    fn outlets_of_one_owner_and_one_outlet_count_once() {
        let mut analysis = Analysis::default();
        for (outlet, body) in [
            ("BBC News", "a"),
            ("BBC Russian", "b"),
            ("Varnia Herald", "c"),
            ("Varnia Herald", "d"),
        ] {
            let a = article(outlet, body);
            analysis.provenance.push(parallax_core::Provenance {
                article: a.id,
                origin: OriginKind::Original,
                independence_key: a.id.to_string(),
            });
            analysis.articles.push(a);
        }
        assert_eq!(count_independent(&analysis, &[0, 1, 2, 3], &[]), 2);
        assert_eq!(count_independent(&analysis, &[0, 2], &[]), 2);
        assert_eq!(count_independent(&analysis, &[0, 2], &[(0, 1)]), 1);
        assert_eq!(count_independent(&analysis, &[], &[]), 0);
    }

    #[test]
    fn shipped_table_parses_and_hosts_match_parents() {
        let table = owners();
        assert_eq!(owner_of(table, "BBC  News"), Some("BBC"));
        assert_eq!(owner_of(table, "www.news.bbc.co.uk"), Some("BBC"));
        assert_eq!(
            owner_of(table, "Voice of America"),
            owner_of(table, "rferl.org")
        );
        assert_eq!(owner_of(table, "co.uk"), None);
        assert_eq!(owner_of(table, "The Varnia Herald"), None);
    }
}
