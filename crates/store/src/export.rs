//! The JSONL export: six files whose names and fields are a public contract.
//!
//! Offsets are Unicode code-point offsets into the article's `body`.

use parallax_core::{Analysis, ArticleId, CharIndex, CharSpan, EntityId, OriginKind, QuoteKind};
use serde::Serialize;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Why the export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A file could not be created or written.
    #[error("cannot write {}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
}

/// How many lines each export file received; written to `manifest.json` too, so a
/// reader can tell a complete export from one cut short.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ExportCounts {
    /// Lines in `articles.jsonl`.
    pub articles: usize,
    /// Lines in `entities.jsonl`.
    pub entities: usize,
    /// Lines in `quotes.jsonl`.
    pub quotes: usize,
    /// Lines in `reuse.jsonl`.
    pub reuse: usize,
    /// Lines in `stories.jsonl`.
    pub stories: usize,
    /// Lines in `claims.jsonl`.
    pub claims: usize,
    /// Documents reported as problems (in `problems.jsonl`).
    pub problems: usize,
}

struct Lines {
    path: PathBuf,
    out: BufWriter<File>,
    count: usize,
}

impl Lines {
    fn create(dir: &Path, name: &str) -> Result<Lines, StoreError> {
        let path = dir.join(name);
        let file = File::create(&path).map_err(|source| StoreError::Io {
            path: path.clone(),
            source,
        })?;
        Ok(Lines {
            path,
            out: BufWriter::new(file),
            count: 0,
        })
    }

    fn write(&mut self, value: &impl Serialize) -> Result<(), StoreError> {
        let io = |source: std::io::Error| StoreError::Io {
            path: self.path.clone(),
            source,
        };
        serde_json::to_writer(&mut self.out, value).map_err(|e| io(e.into()))?;
        self.out.write_all(b"\n").map_err(io)?;
        self.count += 1;
        Ok(())
    }

    fn finish(mut self) -> Result<usize, StoreError> {
        self.out.flush().map_err(|source| StoreError::Io {
            path: self.path.clone(),
            source,
        })?;
        Ok(self.count)
    }
}

/// Public id of an entity.
pub fn entity_key(id: EntityId) -> String {
    format!("e{}", id.0)
}

fn span_json(article: ArticleId, span: CharSpan) -> Value {
    json!({"article": article, "start": span.start(), "end": span.end()})
}

/// Writes the six export files, `problems.jsonl` and `manifest.json` into `dir`.
pub fn write_export(dir: &Path, analysis: &Analysis) -> Result<ExportCounts, StoreError> {
    std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    // A manifest left by an earlier run would vouch for files this run may not finish;
    // it goes first and comes back last.
    let manifest = dir.join("manifest.json");
    match std::fs::remove_file(&manifest) {
        Ok(()) => {}
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
        Err(source) => {
            return Err(StoreError::Io {
                path: manifest,
                source,
            })
        }
    }
    let mut counts = ExportCounts::default();
    let indexes: Vec<CharIndex> = analysis
        .articles
        .iter()
        .map(|a| CharIndex::new(&a.body))
        .collect();
    let text_of = |i: usize, span: CharSpan| -> String {
        indexes[i]
            .slice(&analysis.articles[i].body, span)
            .unwrap_or_default()
            .to_owned()
    };
    let position = analysis.article_positions();

    let story_of: HashMap<ArticleId, parallax_core::StoryId> = analysis
        .assignments
        .iter()
        .map(|s| (s.article, s.story))
        .collect();
    let mut file = Lines::create(dir, "articles.jsonl")?;
    for (i, a) in analysis.articles.iter().enumerate() {
        let provenance = analysis.provenance.get(i);
        let (origin, copied_from) = match provenance.map(|p| &p.origin) {
            Some(OriginKind::Republished(src)) => ("republished", Some(src.to_string())),
            Some(OriginKind::Rewritten(src)) => ("rewritten", Some(src.to_string())),
            Some(OriginKind::Wire(agency)) => ("wire", Some(agency.clone())),
            Some(OriginKind::Original) | None => ("original", None),
        };
        let story = story_of.get(&a.id).map(|s| format!("s{}", s.0));
        let times: Vec<Value> = analysis
            .mentions
            .get(i)
            .map(|m| &m.times[..])
            .unwrap_or(&[])
            .iter()
            .map(|t| {
                json!({
                    "start": t.span.start(), "end": t.span.end(), "text": text_of(i, t.span),
                    "date_start": t.resolved.map(|r| r.start), "date_end": t.resolved.map(|r| r.end),
                })
            })
            .collect();
        file.write(&json!({
            "id": a.id,
            "source": a.source,
            "title": a.title,
            "byline": a.byline,
            "outlet": a.outlet,
            "published": a.published,
            "credits": a.credits,
            "language": a.language,
            "body": a.body,
            "field_sources": a.field_sources,
            "origin": origin,
            "origin_of": copied_from,
            "independence_key": provenance.map(|p| &p.independence_key),
            "story": story,
            "times": times,
        }))?;
    }
    counts.articles = file.finish()?;

    // Collect every mention of every corpus entity.
    let mut mentions_of: HashMap<EntityId, Vec<Value>> = HashMap::new();
    for (i, a) in analysis.articles.iter().enumerate() {
        for m in analysis
            .mentions
            .get(i)
            .map(|m| &m.mentions[..])
            .unwrap_or(&[])
        {
            if let Some(&global) = analysis.entities.resolved.get(&(a.id, m.entity)) {
                mentions_of.entry(global).or_default().push(json!({
                    "article": a.id, "start": m.span.start(), "end": m.span.end(),
                    "text": text_of(i, m.span), "form": m.form,
                }));
            }
        }
    }
    let mut file = Lines::create(dir, "entities.jsonl")?;
    for e in &analysis.entities.entities {
        file.write(&json!({
            "id": entity_key(e.id),
            "name": e.name,
            "kind": e.kind,
            "aliases": e.aliases,
            "mentions": mentions_of.remove(&e.id).unwrap_or_default(),
        }))?;
    }
    counts.entities = file.finish()?;

    let mut file = Lines::create(dir, "quotes.jsonl")?;
    for (i, a) in analysis.articles.iter().enumerate() {
        for (n, q) in analysis
            .quotes
            .get(i)
            .map(|q| &q[..])
            .unwrap_or(&[])
            .iter()
            .enumerate()
        {
            let entity = q
                .speaker
                .entity
                .and_then(|local| analysis.entities.resolve(a.id, local));
            let local_name = q.speaker.entity.and_then(|local| {
                analysis
                    .mentions
                    .get(i)?
                    .entity(local)
                    .map(|e| e.name.clone())
            });
            file.write(&json!({
                "id": format!("{}-q{}", a.id, n + 1),
                "article": a.id,
                "kind": match q.kind {
                    QuoteKind::Direct => "direct",
                    QuoteKind::Partial => "partial",
                    QuoteKind::Indirect => "indirect",
                },
                "text": text_of(i, q.span),
                "start": q.span.start(),
                "end": q.span.end(),
                "parts": q.parts.iter().map(|p| json!({"start": p.start(), "end": p.end()})).collect::<Vec<_>>(),
                "cue": q.cue.map(|c| text_of(i, c)),
                "cue_start": q.cue.map(|c| c.start()),
                "cue_end": q.cue.map(|c| c.end()),
                "speaker": {
                    "entity": entity.map(|e| entity_key(e.id)),
                    "name": entity.map(|e| e.name.clone()).or(local_name),
                    "mention": q.speaker.mention.map(|m| text_of(i, m)),
                    "mention_start": q.speaker.mention.map(|m| m.start()),
                    "mention_end": q.speaker.mention.map(|m| m.end()),
                },
            }))?;
        }
    }
    counts.quotes = file.finish()?;

    let mut file = Lines::create(dir, "reuse.jsonl")?;
    for link in &analysis.reuse {
        file.write(&json!({
            "source_article": link.source,
            "target_article": link.target,
            "similarity": link.similarity,
            "passages": link.passages.iter().map(|p| json!({
                "source_start": p.source.start(), "source_end": p.source.end(),
                "target_start": p.target.start(), "target_end": p.target.end(),
            })).collect::<Vec<_>>(),
        }))?;
    }
    counts.reuse = file.finish()?;

    let mut file = Lines::create(dir, "stories.jsonl")?;
    for s in &analysis.stories {
        let mut outlets: Vec<&str> = s
            .articles
            .iter()
            .filter_map(|id| analysis.articles[*position.get(id)?].outlet.as_deref())
            .collect();
        outlets.sort_unstable();
        outlets.dedup();
        file.write(&json!({
            "id": format!("s{}", s.id.0),
            "title": s.title,
            "articles": s.articles,
            "start": s.start,
            "end": s.end,
            "storyline": s.storyline.map(|l| format!("l{}", l.0)),
            "outlets": outlets,
        }))?;
    }
    counts.stories = file.finish()?;

    let mut file = Lines::create(dir, "claims.jsonl")?;
    for c in &analysis.claims {
        let evidence = |list: &[parallax_core::Evidence]| -> Vec<Value> {
            list.iter().map(|e| span_json(e.article, e.span)).collect()
        };
        file.write(&json!({
            "id": format!("c{}", c.id.0),
            "story": format!("s{}", c.story.0),
            "text": c.text,
            "attributed_to": c.attributed_to.map(entity_key),
            "support": evidence(&c.support),
            "independent_sources": c.independent_sources,
            "contradicted_by": evidence(&c.contradicted_by),
            "omitted_by": c.omitted_by,
            "elsewhere_in_storyline": evidence(&c.elsewhere_in_storyline),
        }))?;
    }
    counts.claims = file.finish()?;

    let mut file = Lines::create(dir, "problems.jsonl")?;
    for p in &analysis.problems {
        file.write(p)?;
    }
    counts.problems = file.finish()?;

    let text = serde_json::to_string_pretty(&json!({
        "format": "parallax-export/1",
        "offsets": "unicode code points into body",
        "complete": true,
        "counts": counts,
        "notes": analysis.skipped.iter().map(|n| &n.reason).collect::<Vec<_>>(),
    }))
    .expect("counts serialise");
    std::fs::write(&manifest, text).map_err(|source| StoreError::Io {
        path: manifest,
        source,
    })?;
    Ok(counts)
}
