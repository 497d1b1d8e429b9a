//! Aligning one story's candidate sentences into claims.
//!
//! Two sentences of different articles *agree* when their content words and entities
//! match closely (TF-IDF cosine, IDF over the story's candidates, figures left out), or
//! when they share a figure and part of their frame. They *conflict* when their frames
//! match but a figure, a date or the polarity differs. Agreeing sentences are merged,
//! strongest pair first, into clusters that hold at most one sentence per article and
//! no conflicting pair.

use crate::facts::SentenceFacts;
use crate::figures::Figure;
use std::collections::HashMap;

/// Cosine above which two sentences state the same claim. On 60 hand-labelled BASIL
/// pairs (`bench/claims`), 0.5 gave P 0.97 / R 0.71, 0.4 gives 0.97 / 0.78 and 0.35
/// gives 0.93 / 0.86; clustering is transitive, so precision wins.
pub const AGREE_COSINE: f32 = 0.4;
/// Cosine above which two sentences sharing a figure or a five-word run (a quote)
/// state the same claim.
pub const AGREE_WITH_FIGURE_COSINE: f32 = 0.25;
/// Cosine above which two sentences that count the same specific thing (the same
/// specific unit, or a generic one under the same news frame: see [`crate::frames`])
/// are compared on that figure even though their wording differs. The lowest threshold:
/// pairs below it are never compared.
pub const SAME_COUNT_COSINE: f32 = 0.15;
/// Cosine above which two sentences share a frame, so that a different figure or date
/// is a contradiction rather than another claim.
pub const CONFLICT_COSINE: f32 = 0.45;
/// Cosine above which opposite polarity is a contradiction (higher: negation words are
/// common and a loose match would flag unrelated sentences).
pub const NEGATION_COSINE: f32 = 0.7;
/// Entities weigh more than words: they name who and where.
const ENTITY_WEIGHT: f32 = 1.5;

/// How two sentences relate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Relation {
    /// Same claim.
    Agree(f32),
    /// Same frame, different figure, date or polarity.
    Conflict,
}

/// The clusters and conflicts of one story.
#[derive(Debug, Default)]
pub struct Alignment {
    /// Clusters of sentence indexes, each sorted.
    pub clusters: Vec<Vec<usize>>,
    /// `cluster_of[s]` is the cluster of sentence `s`.
    pub cluster_of: Vec<usize>,
    /// Sentence pairs that conflict.
    pub conflicts: Vec<(usize, usize)>,
    /// Sentences with an agreeing partner outside their cluster (a repeat in one
    /// article, or a link the constraints refused).
    pub linked: Vec<bool>,
    /// Pair similarities that agreed, for picking representatives.
    pub agree: HashMap<(usize, usize), f32>,
}

/// Sparse TF-IDF vectors of the sentences (content words, entities, and figures with
/// their unit) over interned term ids, each sorted by id
/// and normalised to unit length, and the number of distinct terms.
fn vectors(sentences: &[SentenceFacts]) -> (Vec<Vec<(u32, f32)>>, usize) {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut df: Vec<u32> = Vec::new();
    let mut raw: Vec<Vec<(u32, f32)>> = Vec::with_capacity(sentences.len());
    for s in sentences {
        // A figure with what it counts ("48 delegates") is a feature too: two outlets
        // rarely give the same count of the same thing by chance.
        let figure_tokens: Vec<String> = s
            .figures
            .iter()
            .filter(|f| f.unit != "year" && !f.unit.is_empty())
            .map(|f| format!("#{}:{}", f.value, f.unit))
            .collect();
        let mut v: Vec<(u32, f32)> = s
            .terms
            .iter()
            .map(|t| (t.as_str(), 1.0))
            .chain(s.entities.iter().map(|e| (e.as_str(), ENTITY_WEIGHT)))
            .chain(figure_tokens.iter().map(|f| (f.as_str(), ENTITY_WEIGHT)))
            .map(|(t, w)| {
                let next = ids.len() as u32;
                let id = *ids.entry(t.to_owned()).or_insert(next);
                (id, w)
            })
            .collect();
        v.sort_by_key(|&(id, _)| id);
        v.dedup_by_key(|&mut (id, _)| id);
        for &(id, _) in &v {
            if id as usize == df.len() {
                df.push(0);
            }
            df[id as usize] += 1;
        }
        raw.push(v);
    }
    let n = sentences.len() as f32;
    for v in &mut raw {
        for (id, w) in v.iter_mut() {
            *w *= (1.0 + n / df[*id as usize] as f32).ln();
        }
        let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt().max(1e-6);
        v.iter_mut().for_each(|(_, w)| *w /= norm);
    }
    (raw, df.len())
}

fn shares_figure(a: &[Figure], b: &[Figure]) -> bool {
    a.iter()
        .filter(|f| f.unit != "year")
        .any(|fa| b.iter().any(|fb| fa.unit == fb.unit && fa.same_value(fb)))
}

/// Figure classes: a percentage, a sum of money, a year, or a count.
fn class(f: &Figure) -> &str {
    match f.unit.as_str() {
        "percent" | "year" | "$" | "€" | "£" => &f.unit,
        _ => "count",
    }
}

/// True when the figures disagree: one unit carries values with no compatible pair
/// ("at least 70" and "about 100" are compatible, see [`Figure::compatible`]), or each sentence has exactly one figure of one class and unit (or no unit)
/// and the values differ.
fn figures_conflict(a: &[Figure], b: &[Figure]) -> bool {
    let by_unit = a.iter().any(|fa| {
        let same_unit: Vec<&Figure> = b
            .iter()
            .filter(|fb| fb.unit == fa.unit && !fa.unit.is_empty())
            .collect();
        !same_unit.is_empty()
            && !same_unit.iter().any(|fb| fb.compatible(fa))
            && !a
                .iter()
                .any(|fa2| fa2.unit == fa.unit && same_unit.iter().any(|fb| fb.compatible(fa2)))
    });
    let single = a.len() == 1
        && b.len() == 1
        && class(&a[0]) == class(&b[0])
        && (a[0].unit == b[0].unit || a[0].unit.is_empty() || b[0].unit.is_empty())
        && !a[0].compatible(&b[0]);
    by_unit || single
}

/// True when both sentences date what they say and no day of one meets a day of the
/// other, while no time expression is worded the same in both: the same words ("on
/// Thursday") resolved against two publication dates differ by resolution, not by claim.
fn dates_conflict(a: &SentenceFacts, b: &SentenceFacts) -> bool {
    !a.dates.is_empty()
        && !b.dates.is_empty()
        && !a.date_texts.iter().any(|t| b.date_texts.contains(t))
        && !a
            .dates
            .iter()
            .any(|x| b.dates.iter().any(|y| x.start <= y.end && y.start <= x.end))
}

/// True when the negated sentence holds four fifths of the other's terms and more: its
/// negation may sit in the added material ("… administration, but if that candidate
/// is not right …"), which extends the claim rather than denying it.
fn elaborates(a: &SentenceFacts, b: &SentenceFacts) -> bool {
    let (longer, shorter) = if a.negated { (a, b) } else { (b, a) };
    if longer.terms.len() <= shorter.terms.len() {
        return false;
    }
    let inside = shorter
        .terms
        .iter()
        .filter(|t| longer.terms.binary_search(t).is_ok())
        .count();
    inside * 5 >= shorter.terms.len() * 4
}

/// How sentences `a` and `b` relate at cosine `cos`, if at all.
pub fn relate(a: &SentenceFacts, b: &SentenceFacts, cos: f32) -> Option<Relation> {
    if a.text == b.text {
        return Some(Relation::Agree(1.0));
    }
    // A date is often not what a sentence claims (a release date beside a shooting
    // date), so dates contradict only at the tighter frame threshold.
    let dates_differ = dates_conflict(a, b);
    let figure_conflict = figures_conflict(&a.figures, &b.figures) || dates_differ;
    if figures_conflict(&a.figures, &b.figures) && cos >= CONFLICT_COSINE
        || dates_differ && cos >= NEGATION_COSINE
    {
        return Some(Relation::Conflict);
    }
    let (negated, other) = if a.negated { (a, b) } else { (b, a) };
    if cos >= NEGATION_COSINE
        && a.negated != b.negated
        && similar_size(a, b)
        && !elaborates(a, b)
        && crate::facts::negation_near(&negated.text, &other.terms)
    {
        return Some(Relation::Conflict);
    }
    // Below the frame threshold, sentences worded differently still meet through what
    // they count ("2,000 people forced from their homes" / "1,200 people displaced").
    if (SAME_COUNT_COSINE..AGREE_WITH_FIGURE_COSINE).contains(&cos) {
        return match same_count_relation(a, b) {
            Some(Relation::Agree(_)) if !figure_conflict => Some(Relation::Agree(cos)),
            Some(Relation::Conflict) => Some(Relation::Conflict),
            _ => None,
        };
    }
    if cos < CONFLICT_COSINE && same_count_relation(a, b) == Some(Relation::Conflict) {
        return Some(Relation::Conflict);
    }
    // Sentences that share one figure but disagree on another are neither the same
    // claim nor (below the frame threshold) a contradiction.
    let agree = !figure_conflict
        && shared_terms(a, b) >= 2
        && (cos >= AGREE_COSINE
            || (cos >= AGREE_WITH_FIGURE_COSINE
                && (shares_figure(&a.figures, &b.figures) || shares_shingle(a, b))));
    agree.then_some(Relation::Agree(cos))
}

/// Number of content terms and entities the two sentences share.
fn shared_terms(a: &SentenceFacts, b: &SentenceFacts) -> usize {
    let count =
        |x: &[String], y: &[String]| x.iter().filter(|t| y.binary_search(t).is_ok()).count();
    count(&a.terms, &b.terms) + count(&a.entities, &b.entities)
}

/// True when the sentences share a five-word run with three content words: the same
/// quote, or copied wording.
fn shares_shingle(a: &SentenceFacts, b: &SentenceFacts) -> bool {
    a.shingles
        .iter()
        .any(|h| b.shingles.binary_search(h).is_ok())
}

/// The figures the two sentences count the same way: same unit, and that unit is
/// specific or both sentences share a news frame (and neither frames it otherwise).
fn same_count_pairs<'f>(
    a: &'f SentenceFacts,
    b: &'f SentenceFacts,
) -> Vec<(&'f Figure, &'f Figure)> {
    let shared_frame = a.frames.iter().any(|f| b.frames.contains(f));
    let other_frames = !a.frames.is_empty() && !b.frames.is_empty() && !shared_frame;
    if other_frames {
        return Vec::new();
    }
    let mut out = Vec::new();
    for fa in a.figures.iter().filter(|f| f.unit != "year") {
        for fb in b.figures.iter().filter(|f| f.unit == fa.unit) {
            if crate::frames::is_specific_unit(&fa.unit) || shared_frame && !fa.unit.is_empty() {
                out.push((fa, fb));
            }
        }
    }
    out
}

/// How two differently worded sentences relate through what they count: the same count
/// with the same value agrees; under a shared news frame, incompatible values (and no
/// compatible pair for that unit) conflict.
fn same_count_relation(a: &SentenceFacts, b: &SentenceFacts) -> Option<Relation> {
    let pairs = same_count_pairs(a, b);
    if pairs.is_empty() || shared_terms(a, b) < 2 {
        return None;
    }
    // Only a shared news frame makes different values a contradiction: two specific
    // counts in one story ("13 nautical miles", "150 nautical miles") are as often two
    // facts as two versions of one.
    let framed = a.frames.iter().any(|f| b.frames.contains(f));
    let unit_agrees = |unit: &str| pairs.iter().any(|(x, y)| x.unit == unit && x.compatible(y));
    if framed
        && shared_context(a, b, &pairs) >= 2
        && pairs.iter().any(|(x, _)| !unit_agrees(&x.unit))
    {
        return Some(Relation::Conflict);
    }
    pairs
        .iter()
        .any(|(x, y)| x.same_value(y))
        .then_some(Relation::Agree(0.0))
}

/// Shared content terms besides what the figures count and the frame words themselves
/// ("people", "killed"), and shared entities not already counted as a term: how much
/// of the setting two sentences share.
fn shared_context(a: &SentenceFacts, b: &SentenceFacts, pairs: &[(&Figure, &Figure)]) -> usize {
    let counted = |t: &str| {
        pairs
            .iter()
            .any(|(x, _)| t == x.unit || t.strip_suffix('s') == Some(x.unit.as_str()))
            || crate::frames::is_frame_word(t)
    };
    let terms: Vec<&String> = a
        .terms
        .iter()
        .filter(|t| b.terms.binary_search(t).is_ok() && !counted(t))
        .collect();
    let entities = a
        .entities
        .iter()
        .filter(|e| b.entities.binary_search(e).is_ok())
        .filter(|e| {
            let name = e.trim_start_matches("@n:");
            !counted(name) && !terms.iter().any(|t| t.as_str() == name)
        })
        .count();
    terms.len() + entities
}

/// True when neither sentence has more than half again the other's content terms.
fn similar_size(a: &SentenceFacts, b: &SentenceFacts) -> bool {
    let (x, y) = (a.terms.len().max(1), b.terms.len().max(1));
    x.min(y) * 3 >= x.max(y) * 2
}

/// The pairs `(a, b, cosine)` with `a < b`, from different articles, whose TF-IDF cosine
/// is at least `min_cosine`, in order. Cosines are accumulated through an inverted index
/// over interned terms: never all pairs, and no pair twice.
pub fn similar_pairs(sentences: &[SentenceFacts], min_cosine: f32) -> Vec<(usize, usize, f32)> {
    let (vecs, vocabulary) = vectors(sentences);
    let mut postings: Vec<Vec<(usize, f32)>> = vec![Vec::new(); vocabulary];
    for (s, v) in vecs.iter().enumerate() {
        for &(t, w) in v {
            postings[t as usize].push((s, w));
        }
    }
    let mut out = Vec::new();
    let mut dot = vec![0f32; sentences.len()];
    let mut touched: Vec<usize> = Vec::new();
    for (a, v) in vecs.iter().enumerate() {
        for &(t, wa) in v {
            // Postings are in sentence order: only partners after `a` are new.
            let list = &postings[t as usize];
            let from = list.partition_point(|&(b, _)| b <= a);
            for &(b, wb) in &list[from..] {
                if dot[b] == 0.0 {
                    touched.push(b);
                }
                dot[b] += wa * wb;
            }
        }
        touched.sort_unstable();
        for &b in &touched {
            let cos = std::mem::take(&mut dot[b]);
            if cos >= min_cosine && sentences[a].article != sentences[b].article {
                out.push((a, b, cos));
            }
        }
        touched.clear();
    }
    out
}

/// Aligns `sentences` (one story's candidates) into clusters.
pub fn align(sentences: &[SentenceFacts]) -> Alignment {
    align_with(sentences, None)
}

/// True when two sentences that the embeddings find close may agree: neither their
/// figures nor their dates differ, and both or neither deny.
pub fn may_agree(a: &SentenceFacts, b: &SentenceFacts) -> bool {
    !figures_conflict(&a.figures, &b.figures) && !dates_conflict(a, b) && a.negated == b.negated
}

/// [`align`], with sentence embeddings (one unit vector per sentence) when given: pairs
/// the lexical rules leave apart agree when their embeddings are close (see
/// [`crate::semantic`]); they merge after every lexical agreement.
pub fn align_with(sentences: &[SentenceFacts], vectors: Option<&[Vec<f32>]>) -> Alignment {
    let mut agree_pairs: Vec<(f32, usize, usize)> = Vec::new();
    let mut conflicts = Vec::new();
    let mut related = std::collections::HashSet::new();
    for (a, b, cos) in similar_pairs(sentences, SAME_COUNT_COSINE) {
        match relate(&sentences[a], &sentences[b], cos) {
            Some(Relation::Agree(cos)) => agree_pairs.push((cos, a, b)),
            Some(Relation::Conflict) => conflicts.push((a, b)),
            None => continue,
        }
        related.insert((a, b));
    }
    if let Some(vectors) = vectors {
        for (a, b) in crate::semantic::close_pairs(sentences, vectors) {
            if !related.contains(&(a, b)) && may_agree(&sentences[a], &sentences[b]) {
                agree_pairs.push((0.0, a, b));
                related.insert((a, b));
            }
        }
    }
    // Counts of the same unit at the same event, however worded (see [`crate::counts`]).
    for (a, b) in crate::counts::same_unit_pairs(sentences) {
        if !related.contains(&(a, b)) && crate::counts::count_conflict(&sentences[a], &sentences[b])
        {
            conflicts.push((a, b));
        }
    }
    agree_pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    conflicts.sort_unstable();

    let n = sentences.len();
    let mut cluster_of: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|s| vec![s]).collect();
    let mut linked = vec![false; n];
    let conflicting = |m1: &[usize], m2: &[usize]| {
        m1.iter().any(|&a| {
            m2.iter()
                .any(|&b| conflicts.binary_search(&(a.min(b), a.max(b))).is_ok())
        })
    };
    let mut agree = HashMap::new();
    for &(cos, a, b) in &agree_pairs {
        agree.insert((a, b), cos);
        let (ca, cb) = (cluster_of[a], cluster_of[b]);
        if ca == cb {
            continue;
        }
        let shares_article = members[ca].iter().any(|&x| {
            members[cb]
                .iter()
                .any(|&y| sentences[x].article == sentences[y].article)
        });
        if shares_article || conflicting(&members[ca], &members[cb]) {
            linked[a] = true;
            linked[b] = true;
            continue;
        }
        let (keep, gone) = (ca.min(cb), ca.max(cb));
        let moved = std::mem::take(&mut members[gone]);
        for &s in &moved {
            cluster_of[s] = keep;
        }
        members[keep].extend(moved);
        members[keep].sort_unstable();
    }
    // Renumber clusters densely, in order of their first sentence.
    let mut clusters = Vec::new();
    let mut dense = vec![usize::MAX; n];
    for &c in &cluster_of {
        if dense[c] == usize::MAX {
            dense[c] = clusters.len();
            clusters.push(members[c].clone());
        }
    }
    let cluster_of = cluster_of.iter().map(|&c| dense[c]).collect();
    Alignment {
        clusters,
        cluster_of,
        conflicts,
        linked,
        agree,
    }
}
