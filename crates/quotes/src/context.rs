//! One article prepared for attribution: tokens, sentences, paragraphs and mentions, with
//! lookups from bytes to tokens and from token ranges to speakers.

use crate::words::Word;
use parallax_core::{Article, CharIndex, EntityKind, LocalEntityId, MentionForm, Mentions};

/// A mention as a byte range, with its entity, form and the entity's kind.
#[derive(Clone, Copy, Debug)]
pub struct ByteMention {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Entity in the article.
    pub entity: LocalEntityId,
    /// Name, acronym, role or pronoun.
    pub form: MentionForm,
    /// Kind of the entity.
    pub kind: EntityKind,
}

/// Everything the attribution rules look at.
pub struct Context<'a> {
    /// The body.
    pub body: &'a str,
    /// Code-point index of the body.
    pub index: CharIndex,
    /// Tokens in order.
    pub words: &'a [Word],
    /// Lowercase token texts, borrowed from `words`.
    pub lower: Vec<&'a str>,
    /// Sentence byte ranges.
    pub sentences: Vec<(usize, usize)>,
    /// Paragraph (line) byte ranges.
    pub paragraphs: Vec<(usize, usize)>,
    /// Mentions in body order.
    pub mentions: Vec<ByteMention>,
}

impl<'a> Context<'a> {
    /// Prepares `article` with the language stage's `mentions`.
    pub fn new(article: &'a Article, mentions: &Mentions, words: &'a [Word]) -> Context<'a> {
        let body = article.body.as_str();
        let index = CharIndex::new(body);
        let mut paragraphs = Vec::new();
        let mut start = 0;
        for line in body.split('\n') {
            let end = start + line.len();
            if !line.trim().is_empty() {
                paragraphs.push((start, end));
            }
            start = end + 1;
        }
        let mut sentences: Vec<(usize, usize)> = mentions
            .sentences
            .iter()
            .filter_map(|s| index.byte_range(*s).map(|r| (r.start, r.end)))
            .collect();
        if sentences.is_empty() {
            sentences = paragraphs.clone();
        }
        let byte_mentions = mentions
            .mentions
            .iter()
            .filter_map(|m| {
                let r = index.byte_range(m.span)?;
                let kind = mentions
                    .entity(m.entity)
                    .map_or(EntityKind::Other, |e| e.kind);
                Some(ByteMention {
                    start: r.start,
                    end: r.end,
                    entity: m.entity,
                    form: m.form,
                    kind,
                })
            })
            .collect();
        Context {
            body,
            index,
            lower: words
                .iter()
                .enumerate()
                .map(|(i, w)| {
                    // "the United States said": a reporting verb inside a name keeps its
                    // capital so that no cue table matches it.
                    let in_name = i > 0
                        && w.is_cap(body)
                        && words[i - 1].is_word
                        && words[i - 1].is_cap(body)
                        && crate::cues::cue_at(&[w.lower.as_str()], 0).is_some();
                    match body.get(w.start..w.end).filter(|_| in_name) {
                        Some(original) => original,
                        None => w.lower.as_str(),
                    }
                })
                .collect(),
            words,
            sentences,
            paragraphs,
            mentions: byte_mentions,
        }
    }

    /// Index of the first token starting at or after `byte`.
    pub fn token_at(&self, byte: usize) -> usize {
        self.words.partition_point(|w| w.start < byte)
    }

    /// Index one past the last token ending at or before `byte`.
    pub fn token_end(&self, byte: usize) -> usize {
        self.words.partition_point(|w| w.end <= byte)
    }

    /// The sentence holding `byte`.
    pub fn sentence_of(&self, byte: usize) -> (usize, usize) {
        let i = self.sentences.partition_point(|s| s.1 <= byte);
        self.sentences
            .get(i)
            .copied()
            .filter(|s| s.0 <= byte)
            .unwrap_or((byte, byte))
    }

    /// The paragraph holding `byte`, as index and range.
    pub fn paragraph_of(&self, byte: usize) -> Option<(usize, (usize, usize))> {
        let i = self.paragraphs.partition_point(|p| p.1 < byte);
        self.paragraphs
            .get(i)
            .filter(|p| p.0 <= byte)
            .map(|p| (i, *p))
    }

    /// The best speaker mention inside `start..end` bytes: the first one when a relative
    /// clause follows it ("officers who spoke to X"), else the last one; places last.
    pub fn mention_in(&self, start: usize, end: usize) -> Option<ByteMention> {
        let text = self.body.get(start..end).unwrap_or("");
        // "Amsel, who described", "Justice Scalia who said": the relative pronoun stands
        // for the name right before it (the source span stays the pronoun).
        if matches!(text, "who" | "Who") {
            let before = self.body.get(..start).unwrap_or("").trim_end();
            let name_end = before.strip_suffix(',').unwrap_or(before).trim_end().len();
            return self
                .mentions
                .iter()
                .rev()
                .find(|m| m.end == name_end)
                .copied();
        }
        // "Merovia’s chief negotiator, X": a possessor is not the speaker.
        let possessive = |m: &ByteMention| {
            let after = self.body.get(m.end..).unwrap_or("");
            after.starts_with("’s") || after.starts_with("'s")
        };
        let inside: Vec<ByteMention> = self
            .mentions
            .iter()
            .filter(|m| m.start >= start && m.end <= end)
            .copied()
            .collect();
        let all = inside.clone();
        // "Iran's seismologic center said", "Georgia prosecutors say", "Anchorage
        // businessman": when every name is a possessor or a place and words follow it
        // (two after a possessor: "Grimm's office" is still Grimm's), the speaker is the
        // phrase itself ("Moscow said" alone keeps its place).
        let words_needed = if inside.iter().any(possessive) { 2 } else { 1 };
        if !inside.is_empty()
            && inside
                .iter()
                .all(|m| possessive(m) || m.kind == EntityKind::Place)
            && inside.iter().map(|m| m.end).max().is_some_and(|last| {
                self.body
                    .get(last..end)
                    .is_some_and(|rest| rest.split_whitespace().count() >= words_needed)
            })
        {
            return None;
        }
        let inside: Vec<ByteMention> = if inside.iter().any(|m| !possessive(m)) {
            inside.into_iter().filter(|m| !possessive(m)).collect()
        } else {
            inside
        };
        // "officers who spoke to X", "Anna B., a researcher at X,": the head comes first.
        let relative = text.contains(" who ") || text.contains(" which ") || text.contains(',');
        let speakers: Vec<&ByteMention> = inside
            .iter()
            .filter(|m| m.kind != EntityKind::Place)
            .collect();
        // "Anchor Jim Tallow of PBS said": the person before "of" speaks, not the workplace.
        if let Some(m) = speakers.iter().find(|m| {
            m.kind == EntityKind::Person
                && self
                    .body
                    .get(m.end..)
                    .is_some_and(|a| a.starts_with(" of "))
        }) {
            return Some(**m);
        }
        let pick = |list: &[&ByteMention]| {
            if relative {
                list.first().map(|m| **m)
            } else {
                list.last().map(|m| **m)
            }
        };
        pick(&speakers)
            .or_else(|| inside.last().copied())
            .or_else(|| all.last().copied())
    }

    /// Lowercase text of token `i`, or "" past the end.
    pub fn lower_at(&self, i: usize) -> &str {
        self.lower.get(i).copied().unwrap_or("")
    }
}
