//! The shipped learned model: the stacked tagger and the boundary ranker in one file, and the
//! entry points that turn an article into attributions or [`Quote`]s with it.

use super::boundary::Prepared;
use super::probe::{Probe, TokenStates};
use super::ranker::Ranker;
use super::stack::Stack;
use crate::{context::Context, words, Attribution};
use parallax_core::{Article, Mentions, Quote, QuoteKind};
use std::path::{Path, PathBuf};

/// Why a model file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read.
    #[error("cannot read {}", .path.display())]
    Io {
        /// The model file.
        path: PathBuf,
        /// What went wrong.
        #[source]
        source: std::io::Error,
    },
    /// The bytes are not a model written by [`Model::to_bytes`].
    #[error("{} is not a parallax tagger model", .path.display())]
    NotAModel {
        /// The model file.
        path: PathBuf,
    },
}

/// The learned attribution model: a stacked BIO tagger finds cues, sources and contents;
/// a ranker re-chooses each cue's source (or none), and another re-places the edges of each
/// content and source.
pub struct Model {
    /// The tagger.
    pub stack: Stack,
    /// The edge ranker ([`super::refine`]); without it the tagger's edges stand.
    pub ranker: Option<Ranker>,
    /// The source chooser ([`super::source`]); without it the tagger's sources stand.
    pub sources: Option<Ranker>,
    /// A probe over contextual token states ([`super::probe`]) whose logits both rankers
    /// read; when present, the rankers were trained with it and want states
    /// ([`Model::attributions_with_states`]).
    pub probe: Option<Probe>,
    /// Whether the tagger itself reads the probe's logits as features
    /// ([`super::probe::add_probe_features`]).
    pub probe_in_tagger: bool,
    /// The content filter ([`super::filter`]), run after the edge ranker; without it every
    /// content stands.
    pub filter: Option<Ranker>,
}

const MAGIC: &[u8] = b"PXTM4";
/// Files written before the content filter: five parts.
const MAGIC_3: &[u8] = b"PXTM3";
/// Files written before the probe: three parts.
const MAGIC_2: &[u8] = b"PXTM2";

/// Added to the source chooser's score for "no source": the chooser, trained on single
/// choices, drops more sources than F1 over a corpus wants (chosen on train cross-validation).
pub const NONE_BIAS: f32 = -4.0;

/// Whether the edge ranker re-places cue edges too (chosen on train cross-validation).
pub const CUE_EDGES: bool = true;

impl Model {
    /// Reads a model file written by `parallax-bench-polnear train`.
    pub fn load(path: &Path) -> Result<Model, Error> {
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Model::from_bytes(&bytes).ok_or_else(|| Error::NotAModel {
            path: path.to_path_buf(),
        })
    }

    /// The tagger, the edge ranker, the source chooser and the probe, each length-prefixed
    /// (length 0 for a missing part).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        let ranker = |r: &Option<Ranker>| r.as_ref().map(Ranker::to_bytes).unwrap_or_default();
        for part in [
            self.stack.to_bytes(),
            ranker(&self.ranker),
            ranker(&self.sources),
            self.probe.as_ref().map(Probe::to_bytes).unwrap_or_default(),
            vec![u8::from(self.probe_in_tagger)],
            ranker(&self.filter),
        ] {
            out.extend_from_slice(&(part.len() as u64).to_le_bytes());
            out.extend_from_slice(&part);
        }
        out
    }

    /// Reads what [`Model::to_bytes`] wrote, or a bare tagger; `None` when the bytes are
    /// neither.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let (mut rest, count) = match (
            bytes.strip_prefix(MAGIC),
            bytes.strip_prefix(MAGIC_3),
            bytes.strip_prefix(MAGIC_2),
        ) {
            (Some(rest), _, _) => (rest, 6),
            (_, Some(rest), _) => (rest, 5),
            (_, _, Some(rest)) => (rest, 3),
            _ => {
                return Stack::from_bytes(bytes).map(|stack| Model {
                    stack,
                    ranker: None,
                    sources: None,
                    probe: None,
                    probe_in_tagger: false,
                    filter: None,
                })
            }
        };
        let mut parts = Vec::new();
        for _ in 0..count {
            let len = u64::from_le_bytes(rest.get(..8)?.try_into().ok()?) as usize;
            parts.push(rest.get(8..8usize.checked_add(len)?)?);
            rest = &rest[8 + len..];
        }
        let ranker = |b: &[u8]| {
            if b.is_empty() {
                Some(None)
            } else {
                Ranker::from_bytes(b).map(Some)
            }
        };
        Some(Model {
            stack: Stack::from_bytes(parts[0])?,
            ranker: ranker(parts[1])?,
            sources: ranker(parts[2])?,
            probe: match parts.get(3) {
                Some(b) if !b.is_empty() => Some(Probe::from_bytes(b)?),
                _ => None,
            },
            probe_in_tagger: parts.get(4).is_some_and(|b| b.first() == Some(&1)),
            filter: match parts.get(5) {
                Some(b) => ranker(b)?,
                None => None,
            },
        })
    }

    /// Attributions of one article in byte offsets, as [`crate::attributions`] gives them.
    /// A model with a probe wants states ([`Model::attributions_with_states`]); without
    /// them its rankers run without the probe's features, which they were not trained for.
    pub fn attributions(&self, article: &Article, mentions: &Mentions) -> Vec<Attribution> {
        self.attributions_with_states(article, mentions, None)
    }

    /// [`Model::attributions`] with contextual states for every token of
    /// [`words::tokenize`]`(&article.body)`, read by the model's probe (states of another
    /// width or length are ignored).
    pub fn attributions_with_states(
        &self,
        article: &Article,
        mentions: &Mentions,
        states: Option<&TokenStates>,
    ) -> Vec<Attribution> {
        self.run(article, mentions, states, true)
    }

    /// The tagger's attributions alone, before the rankers (for measuring what they add).
    pub fn tagger_attributions(
        &self,
        article: &Article,
        mentions: &Mentions,
        states: Option<&TokenStates>,
    ) -> Vec<Attribution> {
        self.run(article, mentions, states, false)
    }

    fn run(
        &self,
        article: &Article,
        mentions: &Mentions,
        states: Option<&TokenStates>,
        rank: bool,
    ) -> Vec<Attribution> {
        let words = words::tokenize(&article.body);
        let ctx = Context::new(article, mentions, &words);
        let rules = crate::attributions_in(&ctx);
        let mut feats = super::features(&ctx, &rules);
        let logits = match (&self.probe, states) {
            (Some(probe), Some(states)) => probe.logits(states),
            _ => Vec::new(),
        };
        if self.probe_in_tagger {
            super::probe::add_probe_features(&mut feats, &logits);
        }
        let (tags, scores) = self
            .stack
            .decode_with_scores(&ctx, &feats, &super::segments(&ctx));
        let mut found = super::attributions_from_tags(&ctx, &tags);
        if !rank {
            return found;
        }
        let prep = Prepared::new(&ctx, &rules)
            .with_scores(scores)
            .with_tags(&tags)
            .with_cues(&found);
        let prep = prep.with_probe(logits);
        if let Some(sources) = &self.sources {
            super::source::choose_sources(&prep, sources, &rules, &mut found, NONE_BIAS);
        }
        let margins = match (&self.ranker, &self.filter) {
            (Some(ranker), Some(_)) => super::refine::content_margins(&prep, ranker, &found),
            _ => Vec::new(),
        };
        if let Some(ranker) = &self.ranker {
            super::refine::refine(&prep, ranker, &mut found, CUE_EDGES);
        }
        if let Some(filter) = &self.filter {
            super::filter::filter_contents(
                &prep,
                filter,
                &mut found,
                &margins,
                super::filter::DROP_BIAS,
            );
        }
        for a in &mut found {
            a.kind = kind_of(&ctx, &a.parts);
        }
        found
    }
}

/// Direct when the content is one quotation from its first mark to its last, partial when
/// it holds a quotation, else indirect.
fn kind_of(ctx: &Context<'_>, parts: &[(usize, usize)]) -> QuoteKind {
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return QuoteKind::Indirect;
    };
    let text = ctx.body.get(first.0..last.1).unwrap_or("");
    let opens = |c: char| matches!(c, '“' | '"' | '«' | '„');
    let closes = |c: char| matches!(c, '”' | '"' | '»');
    let trimmed = text.trim_end_matches(['.', ',', '!', '?', ';', ':']);
    if trimmed.starts_with(opens) && trimmed.ends_with(closes) && trimmed.chars().count() > 1 {
        QuoteKind::Direct
    } else if text.contains(opens) {
        QuoteKind::Partial
    } else {
        QuoteKind::Indirect
    }
}

/// The quotes of one article as the learned model finds them: the same inputs and output as
/// [`crate::find_quotes`], slower, and measured on PolNeAR by `bench/polnear`.
pub fn find_quotes_tagged(article: &Article, mentions: &Mentions, model: &Model) -> Vec<Quote> {
    find_quotes_tagged_with_states(article, mentions, model, None)
}

/// [`find_quotes_tagged`] with the contextual token states a model with a MiniLM probe
/// reads (see [`Model::attributions_with_states`]).
pub fn find_quotes_tagged_with_states(
    article: &Article,
    mentions: &Mentions,
    model: &Model,
    states: Option<&TokenStates>,
) -> Vec<Quote> {
    let mut found = model.attributions_with_states(article, mentions, states);
    let words = words::tokenize(&article.body);
    let ctx = Context::new(article, mentions, &words);
    // Pronoun speakers get the rules' treatment: the nearest earlier named speaker of the
    // same gender ("…, Peskov said. … he added").
    found.sort_by_key(|a| a.parts.first().map_or(0, |p| p.0));
    crate::prefer_last_speaker(&ctx, &mut found);
    crate::into_quotes(&ctx, found)
}

/// The stacked tagger's tag for every token of one article, with its emission scores (for
/// caching in training); `logits` are the probe's, read as features by a tagger trained
/// with them (empty for one that was not).
pub fn tag_article(
    article: &Article,
    mentions: &Mentions,
    stack: &Stack,
    logits: &[[f32; super::probe::TARGETS]],
) -> (Vec<usize>, Vec<[f32; super::TAGS]>) {
    let words = words::tokenize(&article.body);
    let ctx = Context::new(article, mentions, &words);
    let mut feats = super::features(&ctx, &crate::attributions_in(&ctx));
    super::probe::add_probe_features(&mut feats, logits);
    stack.decode_with_scores(&ctx, &feats, &super::segments(&ctx))
}

/// Attributions read off one article's tags ([`tag_article`]).
pub fn attributions_of_tags(
    article: &Article,
    mentions: &Mentions,
    tags: &[usize],
) -> Vec<Attribution> {
    let words = words::tokenize(&article.body);
    let ctx = Context::new(article, mentions, &words);
    if tags.len() != words.len() {
        return Vec::new();
    }
    super::attributions_from_tags(&ctx, tags)
}
