//! Reads `examples/corpus/expected.json` and scores an `Analysis` against it, fact by fact.

use parallax_core::{Analysis, Article, CharIndex, CharSpan, OriginKind, QuoteKind};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The gold file, kept as JSON: each check reads the part it needs.
pub struct Gold {
    pub articles: usize,
    json: Value,
}

impl Gold {
    pub fn load(path: &Path) -> Gold {
        let text = std::fs::read_to_string(path).expect("expected.json is readable");
        let json: Value = serde_json::from_str(&text).expect("expected.json is JSON");
        Gold {
            articles: json["articles"].as_u64().expect("article count") as usize,
            json,
        }
    }

    fn list(&self, key: &str) -> &[Value] {
        self.json[key].as_array().map(Vec::as_slice).unwrap_or(&[])
    }
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// The report: one line per fact, grouped in sections, with a tally per section.
pub struct Report<'a> {
    analysis: &'a Analysis,
    by_source: BTreeMap<&'a str, usize>,
    out: String,
}

impl<'a> Report<'a> {
    pub fn new(analysis: &'a Analysis) -> Report<'a> {
        let by_source = analysis
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.source.as_str(), i))
            .collect();
        Report {
            analysis,
            by_source,
            out: String::new(),
        }
    }

    pub fn finish(self) -> String {
        self.out
    }

    fn article(&self, source: &str) -> Option<(usize, &'a Article)> {
        let i = *self.by_source.get(source)?;
        Some((i, &self.analysis.articles[i]))
    }

    fn section(&mut self, title: &str, lines: Vec<(bool, String)>) {
        let passed = lines.iter().filter(|(ok, _)| *ok).count();
        self.out
            .push_str(&format!("## {title}: {passed}/{}\n", lines.len()));
        for (ok, line) in lines {
            self.out
                .push_str(&format!("{} {line}\n", if ok { "✓" } else { "✗" }));
        }
        self.out.push('\n');
    }

    fn short(&self, source: &str) -> String {
        source
            .rsplit('/')
            .find(|s| !s.is_empty())
            .unwrap_or(source)
            .to_owned()
    }

    pub fn metadata(&mut self, gold: &Gold) {
        let mut lines = Vec::new();
        let Some(map) = gold.json["by_source"].as_object() else {
            return;
        };
        for (source, want) in map {
            let name = self.short(source);
            let Some((_, a)) = self.article(source) else {
                lines.push((false, format!("{name}: not found")));
                continue;
            };
            let published = a.published.map(|d| d.to_string());
            let fields: [(&str, Option<String>, Value); 5] = [
                ("outlet", a.outlet.clone(), want["outlet"].clone()),
                ("published", published, want["published"].clone()),
                ("title", a.title.clone(), want["title"].clone()),
                ("byline", a.byline.clone(), want["byline"].clone()),
                ("language", a.language.clone(), want["language"].clone()),
            ];
            for (field, got, want) in fields {
                let ok = got.as_deref() == want.as_str();
                lines.push((ok, format!("{name} {field}: {got:?}")));
            }
            let mut credits = a.credits.clone();
            credits.sort();
            let mut want_credits: Vec<String> = strings(&want["credits"])
                .into_iter()
                .map(str::to_owned)
                .collect();
            want_credits.sort();
            lines.push((
                credits == want_credits,
                format!("{name} credits: {credits:?}"),
            ));
        }
        self.section("metadata", lines);
    }

    pub fn boilerplate(&mut self, gold: &Gold) {
        let mut lines = Vec::new();
        for needle in gold
            .list("boilerplate_must_not_appear")
            .iter()
            .filter_map(Value::as_str)
        {
            let found: Vec<String> = self
                .analysis
                .articles
                .iter()
                .filter(|a| a.body.contains(needle))
                .map(|a| self.short(&a.source))
                .collect();
            lines.push((found.is_empty(), format!("{needle:?} absent {found:?}")));
        }
        for needle in gold
            .list("boilerplate_paragraphs_must_not_appear")
            .iter()
            .filter_map(Value::as_str)
        {
            let found: Vec<String> = self
                .analysis
                .articles
                .iter()
                .filter(|a| a.body.split("\n\n").any(|p| p.trim() == needle))
                .map(|a| self.short(&a.source))
                .collect();
            lines.push((
                found.is_empty(),
                format!("paragraph {needle:?} absent {found:?}"),
            ));
        }
        for needle in gold
            .list("printed_twice_appear_at_most_once")
            .iter()
            .filter_map(Value::as_str)
        {
            let worst = self
                .analysis
                .articles
                .iter()
                .map(|a| a.body.matches(needle).count())
                .max()
                .unwrap_or(0);
            lines.push((worst <= 1, format!("caption at most once (max {worst})")));
        }
        for date in gold
            .list("script_dates_must_not_be_published")
            .iter()
            .filter_map(Value::as_str)
        {
            let used = self
                .analysis
                .articles
                .iter()
                .any(|a| a.published.map(|d| d.to_string()).as_deref() == Some(date));
            lines.push((!used, format!("script date {date} not used as published")));
        }
        self.section("boilerplate and dates from scripts", lines);
    }

    fn story_of(&self, source: &str) -> Option<u32> {
        let (_, a) = self.article(source)?;
        self.analysis
            .assignments
            .iter()
            .find(|s| s.article == a.id)
            .map(|s| s.story.0)
    }

    pub fn stories(&mut self, gold: &Gold) {
        let mut lines = Vec::new();
        let mut gold_story_of = BTreeMap::new();
        for (g, story) in gold.list("stories").iter().enumerate() {
            let members = strings(&story["articles"]);
            let predicted: BTreeSet<Option<u32>> =
                members.iter().map(|s| self.story_of(s)).collect();
            for s in &members {
                gold_story_of.insert(s.to_string(), g);
            }
            lines.push((
                predicted.len() == 1,
                format!(
                    "{:?}: {} articles in {} predicted stories",
                    story["name"].as_str().unwrap_or("?"),
                    members.len(),
                    predicted.len()
                ),
            ));
        }
        let mut merged = 0;
        for s in &self.analysis.stories {
            let golds: BTreeSet<usize> = s
                .articles
                .iter()
                .filter_map(|id| {
                    let a = self.analysis.articles.iter().find(|a| a.id == *id)?;
                    gold_story_of.get(&a.source).copied()
                })
                .collect();
            if golds.len() > 1 {
                merged += 1;
            }
        }
        lines.push((
            merged == 0,
            format!("predicted stories mixing gold stories: {merged}"),
        ));
        lines.push((
            self.analysis.stories.len() == gold.list("stories").len(),
            format!("{} stories predicted", self.analysis.stories.len()),
        ));
        self.section("stories", lines);
    }

    fn linked(&self, a: &str, b: &str) -> bool {
        let (Some((_, a)), Some((_, b))) = (self.article(a), self.article(b)) else {
            return false;
        };
        self.analysis.reuse.iter().any(|l| {
            (l.source == a.id && l.target == b.id) || (l.source == b.id && l.target == a.id)
        })
    }

    pub fn reuse(&mut self, gold: &Gold) {
        let mut lines = Vec::new();
        for wire in gold.list("wire_copies") {
            let origin = wire["origin"].as_str().unwrap_or_default();
            let credit = wire["origin_credit"].as_str().unwrap_or_default();
            for copy in wire["copies"].as_array().into_iter().flatten() {
                let source = copy["source"].as_str().unwrap_or_default();
                let name = self.short(source);
                lines.push((
                    self.linked(origin, source),
                    format!("{name} linked to its origin"),
                ));
                let provenance = self
                    .article(source)
                    .and_then(|(i, _)| self.analysis.provenance.get(i));
                let origin_id = self.article(origin).map(|(_, a)| a.id);
                let ok = match provenance.map(|p| &p.origin) {
                    Some(OriginKind::Wire(agency)) => agency == credit,
                    Some(OriginKind::Republished(id) | OriginKind::Rewritten(id)) => {
                        Some(*id) == origin_id
                    }
                    _ => false,
                };
                lines.push((
                    ok,
                    format!(
                        "{name} origin: {:?}",
                        provenance.map(|p| &p.origin).map(|o| self.origin_name(o))
                    ),
                ));
                let same_key = provenance.map(|p| &p.independence_key)
                    == self
                        .article(origin)
                        .and_then(|(i, _)| self.analysis.provenance.get(i))
                        .map(|p| &p.independence_key);
                lines.push((
                    same_key,
                    format!("{name} shares its origin's independence key"),
                ));
            }
        }
        for pair in gold.list("not_copies") {
            let p = strings(&pair["pair"]);
            if let [a, b] = p[..] {
                lines.push((
                    !self.linked(a, b),
                    format!("{} and {} not linked", self.short(a), self.short(b)),
                ));
            }
        }
        self.section("reuse and provenance", lines);
    }

    fn origin_name(&self, origin: &OriginKind) -> String {
        let source_of = |id| {
            self.analysis
                .articles
                .iter()
                .find(|a| a.id == id)
                .map(|a| self.short(&a.source))
                .unwrap_or_default()
        };
        match origin {
            OriginKind::Original => "original".into(),
            OriginKind::Wire(agency) => format!("wire {agency}"),
            OriginKind::Republished(id) => format!("republished from {}", source_of(*id)),
            OriginKind::Rewritten(id) => format!("rewritten from {}", source_of(*id)),
        }
    }

    fn evidence_text(
        &self,
        article: parallax_core::ArticleId,
        span: CharSpan,
    ) -> Option<(usize, &'a str)> {
        let i = self
            .analysis
            .articles
            .iter()
            .position(|a| a.id == article)?;
        let body = &self.analysis.articles[i].body;
        Some((i, CharIndex::new(body).slice(body, span)?))
    }

    pub fn claims(&mut self, gold: &Gold) {
        let mut lines = Vec::new();
        for want in gold.list("corroborated_claims") {
            let needle = want["text_contains"].as_str().unwrap_or_default();
            let expected = want["independent_sources"].as_u64().unwrap_or(0) as u32;
            let best = self
                .analysis
                .claims
                .iter()
                .filter(|c| {
                    c.text.contains(needle)
                        || c.support.iter().any(|e| {
                            self.evidence_text(e.article, e.span)
                                .is_some_and(|(_, t)| t.contains(needle))
                        })
                })
                .max_by_key(|c| c.independent_sources);
            match best {
                Some(c) => lines.push((
                    c.independent_sources == expected,
                    format!(
                        "{needle:?}: {} independent sources (gold {expected}), {} supporting passages",
                        c.independent_sources,
                        c.support.len()
                    ),
                )),
                None => lines.push((false, format!("{needle:?}: no claim found"))),
            }
        }
        for want in gold.list("contradictions") {
            let a = want["figure_a"].as_str().unwrap_or_default();
            let b = want["figure_b"].as_str().unwrap_or_default();
            let found = self.analysis.claims.iter().any(|c| {
                let states = |fig: &str, list: &[parallax_core::Evidence]| {
                    list.iter().any(|e| {
                        self.evidence_text(e.article, e.span)
                            .is_some_and(|(_, t)| t.contains(fig))
                    })
                };
                (states(a, &c.support) && states(b, &c.contradicted_by))
                    || (states(b, &c.support) && states(a, &c.contradicted_by))
            });
            lines.push((found, format!("{a:?} contradicted by {b:?}")));
        }
        self.section("claims", lines);
    }

    /// Every name the gold gives a canonical speaker (variants and descriptions).
    fn speaker_names(gold: &Gold, canonical: &str) -> Vec<String> {
        let mut names = vec![canonical.to_owned()];
        for alias in gold.list("aliases") {
            if alias["canonical"].as_str() == Some(canonical) {
                names.extend(strings(&alias["variants"]).into_iter().map(str::to_owned));
            }
        }
        names
    }

    pub fn quotes(&mut self, gold: &Gold) {
        let mut lines = Vec::new();
        for want in gold.list("quotes") {
            let source = want["source"].as_str().unwrap_or_default();
            let needle = want["text_contains"].as_str().unwrap_or_default();
            let canonical = want["speaker"].as_str().unwrap_or_default();
            let kind = want["kind"].as_str().unwrap_or_default();
            let label = format!("{} {needle:?}", self.short(source));
            let Some((i, article)) = self.article(source) else {
                lines.push((false, format!("{label}: article not found")));
                continue;
            };
            let index = CharIndex::new(&article.body);
            let found = self.analysis.quotes[i].iter().find(|q| {
                index
                    .slice(&article.body, q.span)
                    .is_some_and(|t| t.contains(needle))
            });
            let Some(q) = found else {
                lines.push((false, format!("{label}: not found")));
                continue;
            };
            let got_kind = match q.kind {
                QuoteKind::Direct => "direct",
                QuoteKind::Partial => "partial",
                QuoteKind::Indirect => "indirect",
            };
            let entity = q
                .speaker
                .entity
                .and_then(|local| self.analysis.entities.resolve(article.id, local));
            let names = Self::speaker_names(gold, canonical);
            let speaker_ok = entity.is_some_and(|e| {
                names.iter().any(|n| n == &e.name || e.aliases.contains(n))
                    || e.name.ends_with(canonical)
            });
            let got_speaker = entity.map(|e| e.name.as_str()).unwrap_or("-");
            lines.push((
                speaker_ok && got_kind == kind,
                format!("{label}: {got_kind} by {got_speaker}"),
            ));
        }
        self.section("quotes (kind and speaker)", lines);
    }

    pub fn aliases(&mut self, gold: &Gold) {
        let mut lines = Vec::new();
        for alias in gold.list("aliases") {
            let canonical = alias["canonical"].as_str().unwrap_or_default();
            let variants = strings(&alias["variants"]);
            let ids: BTreeSet<Option<u32>> = variants
                .iter()
                .map(|v| {
                    self.analysis
                        .entities
                        .entities
                        .iter()
                        .find(|e| e.name == *v || e.aliases.iter().any(|a| a == v))
                        .map(|e| e.id.0)
                })
                .collect();
            let ok = ids.len() == 1 && !ids.contains(&None);
            lines.push((
                ok,
                format!(
                    "{canonical}: {} variants in {} entities",
                    variants.len(),
                    ids.len()
                ),
            ));
        }
        self.section("aliases across outlets", lines);
    }

    pub fn dates(&mut self, gold: &Gold) {
        let mut lines = Vec::new();
        for want in gold.list("relative_dates") {
            let source = want["source"].as_str().unwrap_or_default();
            let text = want["text"].as_str().unwrap_or_default();
            // Gold gives a day (`date`), or for vaguer expressions only the `month`
            // ("2025-04") or `year` (2022) the resolved range must start in.
            let (expected, prefix_len) = match (&want["date"], &want["month"], &want["year"]) {
                (Value::String(d), _, _) => (d.clone(), 10),
                (_, Value::String(m), _) => (m.clone(), 7),
                (_, _, Value::Number(y)) => (y.to_string(), 4),
                _ => (String::new(), 10),
            };
            let label = format!("{} {text:?}", self.short(source));
            let Some((i, article)) = self.article(source) else {
                lines.push((false, format!("{label}: article not found")));
                continue;
            };
            let index = CharIndex::new(&article.body);
            let hit = self.analysis.mentions[i].times.iter().find(|t| {
                index
                    .slice(&article.body, t.span)
                    .is_some_and(|s| !s.is_empty() && (text.contains(s) || s.contains(text)))
            });
            let got = hit.and_then(|t| t.resolved).map(|r| r.start.to_string());
            let ok = got
                .as_deref()
                .is_some_and(|g| g.get(..prefix_len) == Some(expected.as_str()));
            lines.push((ok, format!("{label}: {got:?}")));
        }
        self.section("relative dates", lines);
    }
}
