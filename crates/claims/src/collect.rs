//! Gathers the candidate sentences of one story's articles, with their facts.

use crate::facts::{
    capitalised_names, is_negated, is_unclaimable, sentence_figures, terms, worthiness,
    SentenceFacts, MIN_WORTH,
};
use crate::sentence::sentence_ranges;
use parallax_core::{Analysis, CharIndex, MentionForm};

/// The check-worthy sentences of the articles at `positions` (indexes into
/// `analysis.articles`), in article order then body order.
pub fn candidates(analysis: &Analysis, positions: &[usize]) -> Vec<SentenceFacts> {
    let mut out = Vec::new();
    for &i in positions {
        let article = &analysis.articles[i];
        let body = &article.body;
        let index = CharIndex::new(body);
        let mentions = analysis.mentions.get(i);
        let quotes = analysis.quotes.get(i).map(Vec::as_slice).unwrap_or(&[]);
        let has_entities = mentions.is_some_and(|m| !m.mentions.is_empty());
        for (order, range) in sentence_ranges(body, &index, mentions)
            .into_iter()
            .enumerate()
        {
            let range = skip_orphan_quote(body, skip_dateline(body, range));
            let text = &body[range.clone()];
            if is_unclaimable(text) {
                continue;
            }
            let span = index.span_of_bytes(range.start, range.end);
            let mut entities: Vec<String> = if has_entities {
                let m = mentions.expect("has_entities implies mentions");
                m.mentions
                    .iter()
                    .filter(|x| span.contains(x.span) && x.form != MentionForm::Pronoun)
                    // Keyed by canonical name, not id: when cross-article resolution
                    // splits one entity in two, the names still meet.
                    .map(|x| match analysis.entities.resolve(article.id, x.entity) {
                        Some(e) => format!("@n:{}", parallax_core::text::fold(&e.name)),
                        None => m
                            .entity(x.entity)
                            .map(|e| format!("@n:{}", parallax_core::text::fold(&e.name)))
                            .unwrap_or_default(),
                    })
                    .filter(|k| !k.is_empty())
                    .collect()
            } else {
                capitalised_names(text)
                    .into_iter()
                    .map(|n| format!("@n:{n}"))
                    .collect()
            };
            entities.sort_unstable();
            entities.dedup();
            let (dates, date_texts): (Vec<_>, Vec<_>) = mentions
                .map(|m| &m.times[..])
                .unwrap_or(&[])
                .iter()
                .filter(|t| span.contains(t.span))
                .filter_map(|t| {
                    let text = index.slice(body, t.span)?;
                    Some((t.resolved?, parallax_core::text::fold(text)))
                })
                .unzip();
            // The sentence is (part of) a quote when the quote covers at least half of it,
            // or overlaps it with its cue inside: a quote that merely runs into the
            // sentence does not make the sentence its speaker's.
            let quote = quotes.iter().find(|q| {
                let shared = overlap(q.span, span);
                shared * 2 >= span.char_len()
                    || (shared > 0 && q.cue.is_some_and(|c| span.contains(c)))
            });
            // Reported speech names its speaker in the same sentence; a speaker found
            // further off is more often a neighbour's than this statement's.
            let speaker = quote
                .filter(|q| {
                    q.kind != parallax_core::QuoteKind::Indirect
                        || q.speaker.mention.is_some_and(|m| span.contains(m))
                })
                .and_then(|q| q.speaker.entity)
                .and_then(|local| analysis.entities.resolve(article.id, local))
                .map(|e| e.id);
            let figures = sentence_figures(text);
            let worth = worthiness(
                text,
                figures.iter().filter(|f| f.unit != "year").count(),
                entities.len(),
                quote.is_some(),
                dates.len(),
            );
            if worth < MIN_WORTH {
                continue;
            }
            out.push(SentenceFacts {
                article: i,
                order,
                span,
                text: text.to_owned(),
                terms: terms(text),
                entities,
                figures,
                dates,
                date_texts,
                negated: is_negated(text),
                speaker,
                worth,
                shingles: crate::facts::shingles(text),
                frames: crate::frames::frame_classes(text),
            });
        }
    }
    out
}

/// Moves the start of a sentence past a leading dateline ("OSTREL (MPA) — "), which
/// names where the copy was filed, not what it claims.
fn skip_dateline(body: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    static DATELINE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let re = DATELINE.get_or_init(|| {
        regex::Regex::new(r"^\p{Lu}[\p{Lu}\s.,'-]{1,40}(?:\([^)]{1,30}\))?\s*[—–-]{1,2}\s+")
            .expect("dateline regex is valid")
    });
    match body.get(range.clone()).and_then(|t| re.find(t)) {
        Some(m) if m.end() < range.len() => range.start + m.end()..range.end,
        _ => range,
    }
}

/// Number of code points two spans share.
fn overlap(a: parallax_core::CharSpan, b: parallax_core::CharSpan) -> u32 {
    a.end()
        .min(b.end())
        .saturating_sub(a.start().max(b.start()))
}

/// Moves the start past a quote mark that stands alone before a space (`“ But …`): the
/// closing mark of the previous sentence, left behind by a split.
fn skip_orphan_quote(body: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let Some(text) = body.get(range.clone()) else {
        return range;
    };
    let mut chars = text.char_indices();
    match (chars.next(), chars.next()) {
        (Some((_, '“' | '”' | '"' | '\'' | '’' | '‘')), Some((at, ' '))) => {
            let rest = &text[at..];
            let lead = rest.len() - rest.trim_start().len();
            range.start + at + lead..range.end
        }
        _ => range,
    }
}

#[cfg(test)]
mod tests {
    use super::{skip_dateline, skip_orphan_quote};

    #[test]
    fn datelines_and_orphan_quotes_are_left_out_of_the_claim() {
        let body = "OSTREL (MPA) — The dam fell.";
        assert_eq!(&body[skip_dateline(body, 0..body.len())], "The dam fell.");
        let body = "“ But markets fell 3.9 percent.";
        assert_eq!(
            &body[skip_orphan_quote(body, 0..body.len())],
            "But markets fell 3.9 percent."
        );
        let body = "“Markets fell,” he said.";
        assert_eq!(&body[skip_orphan_quote(body, 0..body.len())], body);
    }
}
