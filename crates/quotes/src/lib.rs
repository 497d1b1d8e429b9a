//! Who said what: quotes and reported speech in one article, each with a cue and a speaker.
//!
//! [`find_quotes`] tokenizes the body ([`words`]), pairs quote marks into regions
//! ([`marks`]), attributes each region from the cue and source around it ([`direct`], with
//! the reporting verbs of [`cues`] and the noun phrases of [`speaker`]), then finds reported
//! speech outside quotes ([`indirect`]). [`attributions`] exposes the same results with the
//! source phrase's span, for evaluation against attribution corpora; [`find_quotes`] then
//! tidies them for users ([`nesting`]: a partial quote inside reported speech is one partial
//! quote with the reported speech's cue and speaker).
//!
//! The default path is rules only. [`tagger::find_quotes_tagged`] runs an optional learned
//! model ([`tagger::Model`]: two stacked averaged perceptrons over BIO tags, reading the rules'
//! output as features, then linear rankers that choose each cue's source and re-place content
//! and source edges); it is trained and measured by `bench/polnear` and is several times
//! slower. [`attributions_tagged`] runs the tagger alone.

pub mod context;
pub mod cues;
pub mod direct;
pub mod indirect;
pub mod marks;
pub mod nesting;
pub mod speaker;
pub mod tagger;
pub mod words;

use parallax_core::{
    Article, EntityKind, LocalEntityId, MentionForm, Mentions, Quote, QuoteKind, Speaker,
};

/// One attribution in byte offsets: content parts, cue, source phrase and speaker.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// Content pieces in body order (quote marks included for direct and partial quotes).
    pub parts: Vec<(usize, usize)>,
    /// The cue's bytes.
    pub cue: Option<(usize, usize)>,
    /// The source phrase's bytes ("Kremlin spokesman Dmitry Peskov", "a source").
    pub source: Option<(usize, usize)>,
    /// The entity the source refers to.
    pub entity: Option<LocalEntityId>,
    /// The mention inside the source phrase that names the speaker.
    pub mention: Option<(MentionForm, (usize, usize))>,
}

/// Every attribution of one article, in body order, in byte offsets.
pub fn attributions(article: &Article, mentions: &Mentions) -> Vec<Attribution> {
    let words = words::tokenize(&article.body);
    let ctx = context::Context::new(article, mentions, &words);
    attributions_in(&ctx)
}

/// Tokens, per-token feature indices, and token ranges decoded separately.
pub type TaggerInput = (Vec<words::Word>, Vec<Vec<usize>>, Vec<(usize, usize)>);

/// The tagger's input for one article: its tokens, each token's feature indices, and the
/// token ranges (paragraphs) decoded as separate sequences.
pub fn tagger_features(article: &Article, mentions: &Mentions) -> TaggerInput {
    let words = words::tokenize(&article.body);
    let (feats, segments) = {
        let ctx = context::Context::new(article, mentions, &words);
        (
            tagger::features(&ctx, &attributions_in(&ctx)),
            tagger::segments(&ctx),
        )
    };
    (words, feats, segments)
}

/// Attributions from the learned tagger (slower; see [`tagger`]).
pub fn attributions_tagged(
    article: &Article,
    mentions: &Mentions,
    model: &tagger::Stack,
) -> Vec<Attribution> {
    let words = words::tokenize(&article.body);
    let ctx = context::Context::new(article, mentions, &words);
    let feats = tagger::features(&ctx, &attributions_in(&ctx));
    let tags = model.decode(&ctx, &feats, &tagger::segments(&ctx));
    tagger::attributions_from_tags(&ctx, &tags)
}

/// Adds the stacking features of a first tagger's `tags` to one article's `feats`.
pub fn add_stage_features(
    article: &Article,
    mentions: &Mentions,
    words: &[words::Word],
    feats: &mut [Vec<usize>],
    tags: &[usize],
) {
    let ctx = context::Context::new(article, mentions, words);
    tagger::add_stage_features(&ctx, feats, tags);
}

fn attributions_in(ctx: &context::Context<'_>) -> Vec<Attribution> {
    let (mut out, regions) = direct::direct_quotes(ctx);
    let indirect = indirect::indirect_speech(ctx, &regions);
    for a in indirect {
        let overlaps = out.iter().any(|d| {
            d.parts
                .iter()
                .any(|p| a.parts.iter().any(|q| p.0 < q.1 && q.0 < p.1))
                && d.kind == QuoteKind::Direct
        });
        if !overlaps {
            out.push(a);
        }
    }
    out.sort_by_key(|a| a.parts.first().map_or(0, |p| p.0));
    prefer_last_speaker(ctx, &mut out);
    out
}

/// Pronoun speakers: the nearest earlier named speaker of the same gender is a better
/// referent than the nearest earlier name of any kind ("..., Peskov said. ... he added").
pub(crate) fn prefer_last_speaker(ctx: &context::Context<'_>, out: &mut [Attribution]) {
    let gender_of = |e: LocalEntityId| -> Option<bool> {
        let (mut he, mut she) = (0, 0);
        for m in ctx
            .mentions
            .iter()
            .filter(|m| m.entity == e && m.form == MentionForm::Pronoun)
        {
            match ctx
                .body
                .get(m.start..m.end)
                .map(str::to_lowercase)
                .as_deref()
            {
                Some("he" | "him") => he += 1,
                Some("she" | "her") => she += 1,
                _ => {}
            }
        }
        (he != she).then_some(he > she)
    };
    let mut last_named: Option<usize> = None;
    for i in 0..out.len() {
        match out[i].mention {
            Some((MentionForm::Pronoun, (a, b))) => {
                let male = match ctx.body.get(a..b).map(str::to_lowercase).as_deref() {
                    Some("he" | "him") => Some(true),
                    Some("she" | "her") => Some(false),
                    _ => None,
                };
                if let (Some(l), Some(male)) = (last_named, male) {
                    if took_the_floor(ctx, &out[l], out[i].entity, a) {
                        continue;
                    }
                    // (The learned path may leave an attribution without content.)
                    let near = match (out[l].parts.first(), out[i].parts.first()) {
                        (Some(a), Some(b)) => a.0 + 3000 > b.0,
                        _ => false,
                    };
                    if let Some(e) = out[l].entity.filter(|_| near) {
                        if gender_of(e).is_none_or(|g| g == male) {
                            out[i].entity = Some(e);
                        }
                    }
                }
            }
            Some(_) => {
                // A person named in full somewhere ("Merovia says" makes no person of a
                // country named once as a speaker).
                let person = out[i].entity.is_some_and(|e| {
                    ctx.mentions
                        .iter()
                        .any(|m| m.entity == e && m.kind == EntityKind::Person)
                        && ctx.mentions.iter().any(|m| {
                            m.entity == e
                                && m.form == MentionForm::Name
                                && ctx
                                    .body
                                    .get(m.start..m.end)
                                    .is_some_and(|t| t.contains(' '))
                        })
                });
                if person {
                    last_named = Some(i);
                }
            }
            None => {}
        }
    }
}

/// True when the language stage resolved a pronoun to someone named after the last named
/// speaker's statement, in a later paragraph, either as the subject opening a sentence
/// ("Pensioner Ada Wirth, 81, was carried out. / “…,” she said.") or in the pronoun's own
/// paragraph: that person, not the last speaker, is meant.
fn took_the_floor(
    ctx: &context::Context<'_>,
    last: &Attribution,
    current: Option<LocalEntityId>,
    pronoun: usize,
) -> bool {
    let (Some(current), Some(end)) = (current, last.parts.last().map(|p| p.1)) else {
        return false;
    };
    if last.entity == Some(current) {
        return false;
    }
    let paragraph = ctx.paragraph_of(pronoun).map(|p| p.0);
    ctx.mentions.iter().any(|m| {
        m.entity == current
            && m.form != MentionForm::Pronoun
            && m.start > end
            && m.start < pronoun
            && ctx
                .body
                .get(end..m.start)
                .is_some_and(|gap| gap.contains('\n'))
            && (opens_sentence(ctx.body, m.start)
                || ctx.paragraph_of(m.start).map(|p| p.0) == paragraph)
    })
}

/// True when byte `start` begins the subject of its sentence: at most two words and no
/// comma or quote mark before it since the sentence began.
fn opens_sentence(body: &str, start: usize) -> bool {
    let before = body.get(..start).unwrap_or("");
    let from = before
        .rfind(['\n', '.', '!', '?', '”', '"'])
        .map_or(0, |i| i + 1);
    let prefix = before.get(from..).unwrap_or("").trim();
    prefix.split_whitespace().count() <= 2 && !prefix.contains([',', '“', '‘'])
}

/// Finds the quotes of one article.
pub fn find_quotes(article: &Article, mentions: &Mentions) -> Vec<Quote> {
    let words = words::tokenize(&article.body);
    let ctx = context::Context::new(article, mentions, &words);
    let found = attributions_in(&ctx);
    into_quotes(&ctx, found)
}

/// Turns one article's attributions (rules' or the learned model's) into [`Quote`]s:
/// partial quotes nested in a larger report are folded into it, coordinated sources share
/// their speaker, and byte spans become code-point spans.
pub(crate) fn into_quotes(ctx: &context::Context<'_>, mut found: Vec<Attribution>) -> Vec<Quote> {
    let index = parallax_core::CharIndex::new(ctx.body);
    let span = |(a, b): (usize, usize)| index.span_of_bytes(a, b);
    nesting::fold_nested_partials(&mut found);
    nesting::share_coordinated_speaker(ctx, &mut found);
    found
        .into_iter()
        .filter_map(|a| {
            let first = *a.parts.first()?;
            let last = *a.parts.last()?;
            Some(Quote {
                kind: a.kind,
                span: span((first.0, last.1)),
                parts: if a.parts.len() > 1 {
                    a.parts.iter().map(|&p| span(p)).collect()
                } else {
                    Vec::new()
                },
                cue: a.cue.map(span),
                speaker: Speaker {
                    mention: a.mention.map(|(_, m)| span(m)).or(a.source.map(span)),
                    entity: a.entity,
                },
            })
        })
        .collect()
}
