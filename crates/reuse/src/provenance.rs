//! Who copied whom: the direction of each link, each article's origin, and the key
//! that groups all copies of one independent text.

use crate::wire::{outlet_is_agency, wire_agency};
use parallax_core::{Article, ArticleId, OriginKind, Provenance};
use std::collections::HashMap;

/// Share of the target's words copied above which it republishes its source.
pub const REPUBLISHED_COVERAGE: f32 = 0.7;
/// Share copied above which a rewrite counts as the same source for corroboration.
pub const SAME_SOURCE_COVERAGE: f32 = 0.5;
/// Share copied above which a target is a rewrite rather than an original that quotes a line.
pub const REWRITTEN_COVERAGE: f32 = 0.1;

/// What is known about one article when deciding directions.
pub struct Facts {
    /// Agency the article credits, if any.
    pub agency: Option<String>,
    /// True when the outlet is itself that agency.
    pub is_agency_site: bool,
}

impl Facts {
    /// Reads the facts from an article.
    pub fn of(article: &Article) -> Facts {
        let agency = wire_agency(article);
        let is_agency_site = agency
            .as_deref()
            .is_some_and(|a| outlet_is_agency(article, a));
        Facts {
            agency,
            is_agency_site,
        }
    }
}

/// What credits and dates say of a pair `(earlier, later)` in stream order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Said {
    /// Credits tell: `true` when `later` is the source.
    Credits(bool),
    /// Dates tell, `days` apart: `true` when `later` is the source.
    Dates {
        /// Whether `later` is the source.
        later_is_source: bool,
        /// Days between the two dates.
        days: i64,
    },
    /// Neither tells (no credits that differ; no dates, or the same day).
    Nothing,
}

impl Said {
    /// Whether `later` is the source, as far as credits and dates tell.
    pub fn later_is_source(self) -> Option<bool> {
        match self {
            Said::Credits(v) => Some(v),
            Said::Dates {
                later_is_source, ..
            } => Some(later_is_source),
            Said::Nothing => None,
        }
    }
}

/// What credits and dates say of which of `earlier` and `later` (in stream order) is
/// the source of text they share.
///
/// The agency's own site beats everyone; then an article carrying the wire's dateline
/// beats one without it ("/TASS/" names the origin whoever printed first); then the
/// earlier publication date.
pub fn said(earlier: (&Article, &Facts), later: (&Article, &Facts)) -> Said {
    let (ea, ef) = earlier;
    let (la, lf) = later;
    if ef.is_agency_site != lf.is_agency_site {
        return Said::Credits(lf.is_agency_site);
    }
    if ef.agency.is_some() != lf.agency.is_some() {
        return Said::Credits(lf.agency.is_some());
    }
    match (ea.published, la.published) {
        (Some(e), Some(l)) if e != l => Said::Dates {
            later_is_source: l < e,
            days: (l - e).num_days().abs(),
        },
        _ => Said::Nothing,
    }
}

/// One incoming link as provenance sees it.
#[derive(Clone, Copy, Debug)]
pub struct Incoming {
    /// Index of the source article.
    pub source: usize,
    /// Share of the target's words found in the source.
    pub coverage: f32,
}

/// Builds every article's provenance from the best incoming link of each.
pub fn provenance(
    articles: &[Article],
    facts: &[Facts],
    best: &[Option<Incoming>],
) -> Vec<Provenance> {
    let own_key = |i: usize| -> String {
        let a = &articles[i];
        match (&facts[i].agency, a.outlet.as_deref()) {
            (Some(agency), _) => format!("wire:{}", parallax_core::text::fold(agency)),
            (None, Some(outlet)) => format!("outlet:{}", parallax_core::text::fold(outlet)),
            (None, None) => format!("article:{}", a.id),
        }
    };
    // An article inherits its source's key when it copies enough of it; follow the chain
    // to its root, stopping at a cycle (possible when dates and credits disagree).
    let inherits = |i: usize| -> Option<usize> {
        let link = best[i]?;
        (facts[i].agency.is_none() && link.coverage >= SAME_SOURCE_COVERAGE).then_some(link.source)
    };
    let mut keys: HashMap<usize, String> = HashMap::new();
    let mut out = Vec::with_capacity(articles.len());
    for (i, article) in articles.iter().enumerate() {
        let key = match keys.get(&i) {
            Some(k) => k.clone(),
            None => {
                let mut root = i;
                let mut steps = 0;
                while let Some(next) = inherits(root) {
                    if next == i || steps > articles.len() {
                        root = i;
                        break;
                    }
                    root = next;
                    steps += 1;
                }
                let k = own_key(root);
                keys.insert(i, k.clone());
                k
            }
        };
        let origin = match (&facts[i].agency, best[i]) {
            (Some(agency), _) if !facts[i].is_agency_site => OriginKind::Wire(agency.clone()),
            (_, Some(link)) if link.coverage >= REPUBLISHED_COVERAGE => {
                OriginKind::Republished(articles[link.source].id)
            }
            (_, Some(link)) if link.coverage >= REWRITTEN_COVERAGE => {
                OriginKind::Rewritten(articles[link.source].id)
            }
            _ => OriginKind::Original,
        };
        out.push(Provenance {
            article: article.id,
            origin,
            independence_key: key,
        });
    }
    out
}

/// The copy families a run found: for every article that others copy, who republished
/// and who rewrote it. Built from the provenance list.
#[derive(Clone, Debug, PartialEq)]
pub struct CopyFamily {
    /// The article copied from.
    pub origin: ArticleId,
    /// Articles that republish it whole.
    pub republishers: Vec<ArticleId>,
    /// Articles that rewrite parts of it.
    pub rewriters: Vec<ArticleId>,
}

/// Groups provenance into copy families, ordered by the origin's first appearance.
pub fn copy_families(provenance: &[Provenance]) -> Vec<CopyFamily> {
    let mut index: HashMap<ArticleId, usize> = HashMap::new();
    let mut families: Vec<CopyFamily> = Vec::new();
    for p in provenance {
        let (origin, republished) = match p.origin {
            OriginKind::Republished(s) => (s, true),
            OriginKind::Rewritten(s) => (s, false),
            _ => continue,
        };
        let slot = *index.entry(origin).or_insert_with(|| {
            families.push(CopyFamily {
                origin,
                republishers: Vec::new(),
                rewriters: Vec::new(),
            });
            families.len() - 1
        });
        let family = &mut families[slot];
        if republished {
            family.republishers.push(p.article);
        } else {
            family.rewriters.push(p.article);
        }
    }
    families
}
