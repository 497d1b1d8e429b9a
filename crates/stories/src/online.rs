//! The online clusterer: one article at a time, assigned through an inverted index.
//!
//! Each story keeps a centroid (the sum of its members' unit vectors). A new article
//! looks up its heaviest terms in an inverted index from term to stories, scores only
//! the stories found there (at most [`Params::max_candidates`]) by cosine to their
//! centroid, discounted by the gap in days to the story's time span (or by a fixed
//! amount when either side is undated), and joins the best one if it clears
//! [`Params::threshold`]. Posting lists and centroids are capped, so the cost per
//! article stays flat however many stories exist. A story can give up a member that
//! joined it just over the threshold when a later article would join only through that
//! member: the two leave together as a new story (see `split`).
//!
//! Document frequencies grow with each article, unless the caller counted a whole batch
//! first ([`OnlineClusterer::count_background`]); assignment stays one article at a time.

use crate::dating::BodyRule;
use crate::features::RawTerm;

use crate::vector::{SparseVec, TermId, Vocabulary, Weights};
use chrono::NaiveDate;

mod split;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use split::Member;

/// Settings of the clusterer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    /// Least score to join an existing story (event level). Tuned on stories-dev it comes
    /// out at 0.12 for the whole and for the median random half (0.09 for a quarter,
    /// 0.11 for dev followed by a renamed copy of itself); the five seeds keep their
    /// events apart from 0.11 to 0.13.
    pub threshold: f32,
    /// Least score for a new story to join the storyline of its nearest story.
    pub storyline_threshold: f32,
    /// Heaviest article terms looked up in the index.
    pub query_terms: usize,
    /// Heaviest member terms that point to a story in the index.
    pub index_terms: usize,
    /// Most stories scored in full per article.
    pub max_candidates: usize,
    /// Most stories one posting list keeps (the most recent ones).
    pub posting_cap: usize,
    /// Most terms a centroid keeps.
    pub centroid_cap: usize,
    /// Days of gap over which the time discount reaches half of `time_penalty`.
    pub time_scale_days: f32,
    /// Largest score discount for an article far in time from a story.
    pub time_penalty: f32,
    /// Share of the score that comes from names and numbers alone (the rest is the
    /// cosine over all terms). 0.35 against 0.3: the same or better in every held-out
    /// protocol of the bench (random quarters 0.918 -> 0.928, ECB+ <-> BASIL 0.925 ->
    /// 0.934); 0.45 and 0.15 were worse on quarters and on halves.
    pub specific_share: f32,
    /// Score taken off when the article or the story has no date. An unknown gap is not
    /// a zero gap: without this, undated pairs would be favoured over dated pairs a day
    /// apart, and events of one storyline would merge whenever time is missing.
    pub undated_discount: f32,
    /// Also requires the article to come close to one of the story's recent members: a
    /// centroid doubles what its members share, so an article matching only a small
    /// story's storyline-wide terms could clear the threshold against the centroid while
    /// matching no member as well.
    pub member_check: bool,
    /// Counts the document frequencies of the whole batch before the online pass
    /// ([`crate::cluster_with`] only), so the first articles are weighed with what the
    /// collection says is common. Storyline-wide words and names ("Syria" in a batch about
    /// the war there) then weigh as little at the second article as at the last.
    pub batch_document_frequencies: bool,
    /// Adds the language stage's entities as name terms when mentions are given.
    pub use_entities: bool,
    /// Which body dates give an undated article a "not before" day ([`When::NotBefore`];
    /// [`crate::cluster_with`] reads them from the mentions' time expressions).
    pub body_dates: BodyRule,
    /// Days by which an undated article's "not before" day may pass a story's last
    /// publication date before it counts as a gap: a bound can be a little late (an
    /// announced date the future markers missed, a report filed the day after).
    pub bound_slack_days: f32,
    /// A member that joined its story by less than this over [`Params::threshold`] is a
    /// doubtful member: when a later article would join only through it (it clears the
    /// threshold against that member but not against the story without it), the two
    /// leave together as a new story of the same storyline ([`Placement::moved`]). 0 turns
    /// the check off. 0.05 raised every held-out protocol of the bench (means and worst
    /// runs; 0.03 and 0.08 did less), see bench/stories/README.md.
    pub split_margin: f32,
    /// A later article this close to the doubtful member is a copy of it: it brings no
    /// evidence of its own, so it triggers no split. Without it, the copies of a story's
    /// doubtful members left their true story (random quarters' worst 0.866 -> 0.845).
    pub split_copy: f32,
    /// Term weights.
    pub weights: Weights,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            threshold: 0.12,
            storyline_threshold: 0.08,
            query_terms: 30,
            index_terms: 40,
            max_candidates: 50,
            posting_cap: 500,
            centroid_cap: 1000,
            time_scale_days: 7.0,
            time_penalty: 0.15,
            specific_share: 0.35,
            undated_discount: 0.055,
            batch_document_frequencies: true,
            member_check: true,
            use_entities: true,
            body_dates: BodyRule::Days,
            bound_slack_days: 30.0,
            split_margin: 0.05,
            split_copy: 0.6,
            weights: Weights::default(),
        }
    }
}

/// What the clusterer knows of an article's time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// Published on this day.
    Published(NaiveDate),
    /// Undated, but its body reports this day as past: it comes on or after it
    /// (see [`crate::dating`]). It never stretches a story's time span.
    NotBefore(NaiveDate),
    /// Nothing is known.
    Unknown,
}

impl When {
    /// The publication date, if any.
    pub fn published(self) -> Option<NaiveDate> {
        match self {
            When::Published(d) => Some(d),
            _ => None,
        }
    }
}

/// Where one article went.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placement {
    /// Story index, in order of creation.
    pub story: u32,
    /// Storyline index, in order of creation.
    pub storyline: u32,
    /// Score against the story when joining it; 1 for a story's first article.
    pub score: f32,
    /// The best-scoring earlier story and its score, joined or not.
    pub nearest: Option<(u32, f32)>,
    /// An earlier article (by arrival number, from 0) that left its story for this one
    /// with this article; see [`Params::split_margin`].
    pub moved: Option<u32>,
}

struct Cluster {
    /// Sum of the members' profiles (term weights without IDF).
    profile: HashMap<TermId, f32>,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
    indexed: HashSet<TermId>,
    storyline: u32,
    /// The most recent members, for [`Params::member_check`] and the split check.
    members: Vec<Member>,
    /// Publication dates of every dated member (for a span without one member).
    dates: Vec<NaiveDate>,
    /// Articles in the story.
    size: u32,
    /// Norms, refreshed when the story changes or the collection
    /// grew by a percent.
    cache: Option<Summary>,
}

/// What scoring needs of a story besides its profile.
#[derive(Clone)]
struct Summary {
    /// `ln(N + 1)` when computed.
    ln_docs: f32,
    /// Squared centroid norm under that IDF.
    norm2: f32,
    /// Squared norm of its names and numbers.
    specific2: f32,
}

/// Members kept per story for [`Params::member_check`].
const MEMBER_VECTORS: usize = 16;
/// Terms kept per member vector.
const MEMBER_TERMS: usize = 128;

/// Online clusterer state.
pub struct OnlineClusterer {
    params: Params,
    vocab: Vocabulary,
    clusters: Vec<Cluster>,
    postings: HashMap<TermId, Vec<u32>>,
    storylines: u32,
    /// Articles added so far.
    arrivals: u32,
}

impl OnlineClusterer {
    /// An empty clusterer.
    pub fn new(params: Params) -> OnlineClusterer {
        OnlineClusterer {
            params,
            vocab: Vocabulary::default(),
            clusters: Vec::new(),
            postings: HashMap::default(),
            storylines: 0,
            arrivals: 0,
        }
    }

    /// Counts one article of the batch in the document frequencies, before the online
    /// pass; see [`Params::batch_document_frequencies`].
    pub fn count_background(&mut self, terms: &[RawTerm]) {
        self.vocab.count(terms);
    }

    /// Ends [`OnlineClusterer::count_background`]: articles added from now on are weighed
    /// with those counts and not counted again.
    pub fn fix_document_frequencies(&mut self) {
        self.vocab.fix_counts(&self.params.weights);
    }

    /// Number of stories so far.
    pub fn story_count(&self) -> usize {
        self.clusters.len()
    }

    /// Places one article published on `date` (or undated); returns where it went and
    /// its term vector.
    pub fn add(&mut self, terms: &[RawTerm], date: Option<NaiveDate>) -> (Placement, SparseVec) {
        self.add_when(terms, date.map_or(When::Unknown, When::Published))
    }

    /// Places one article with what is known of its time; returns where it went and its
    /// term vector.
    pub fn add_when(&mut self, terms: &[RawTerm], when: When) -> (Placement, SparseVec) {
        let p = self.params;
        let date = when.published();
        let (profile, vector) = self.vocab.add_and_weigh(terms, &p.weights);
        let ln_docs = self.vocab.ln_docs();
        let mut votes: HashMap<u32, f32> = HashMap::default();
        for (term, weight) in vector.top_terms(p.query_terms) {
            if let Some(list) = self.postings.get(&term) {
                for &c in list {
                    *votes.entry(c).or_default() += weight;
                }
            }
        }
        let mut ranked: Vec<(u32, f32)> = votes.into_iter().collect();
        ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(p.max_candidates);
        let specific_norm = vector
            .entries
            .iter()
            .filter(|(t, _)| self.vocab.is_specific(*t))
            .map(|(_, w)| w * w)
            .sum::<f32>()
            .sqrt();
        let mut best: Option<(u32, f32, Option<usize>)> = None;
        // The storyline link asks whether the topic is the same, not the event: it is
        // scored against the centroid, without the undated discount or the member check.
        let mut best_line: Option<(u32, f32)> = None;
        for (c, _) in ranked {
            let summary = self.summary(c, ln_docs);
            let (norm2, specific_norm2) = (summary.norm2, summary.specific2);
            let cluster = &self.clusters[c as usize];
            if norm2 <= 0.0 {
                continue;
            }
            let (mut dot, mut specific_dot) = (0.0, 0.0);
            for (t, w) in &vector.entries {
                if let Some(raw) = cluster.profile.get(t) {
                    let o = raw * self.vocab.idf(*t, ln_docs);
                    dot += w * o;
                    if self.vocab.is_specific(*t) {
                        specific_dot += w * o;
                    }
                }
            }
            let cosine = dot / norm2.sqrt();
            let similarity = if specific_norm > 0.0 && specific_norm2 > 0.0 {
                let specific = specific_dot / (specific_norm * specific_norm2.sqrt());
                (1.0 - p.specific_share) * cosine + p.specific_share * specific
            } else {
                cosine
            };
            let discounts = self.time_discount(cluster, when);
            let line_score = similarity - discounts + self.undated(cluster, date);
            if best_line.is_none_or(|(bc, bs)| line_score > bs || (line_score == bs && c < bc)) {
                best_line = Some((c, line_score));
            }
            let mut score = similarity - discounts;
            let mut through = None;
            if p.member_check && score >= p.threshold {
                let (k, nearest_member) = cluster
                    .members
                    .iter()
                    .enumerate()
                    .map(|(k, m)| (k, self.blend(&vector, &m.vector)))
                    .fold((0, 0.0f32), |a, b| if b.1 > a.1 { b } else { a });
                if nearest_member - discounts < score {
                    score = nearest_member - discounts;
                }
                through = Some(k);
            }
            if best.is_none_or(|(bc, bs, _)| score > bs || (score == bs && c < bc)) {
                best = Some((c, score, through));
            }
        }
        let arrival = self.arrivals;
        self.arrivals += 1;
        let nearest = best.map(|(c, s, _)| (c, s));
        let placement = match best {
            Some((c, score, through)) if score >= p.threshold => {
                match through.and_then(|k| self.split_check(c, k, &vector, when, ln_docs)) {
                    Some((k, pair)) => {
                        let story = self.split_off(c, k);
                        let moved = self.clusters[story as usize].members[0].arrival;
                        Placement {
                            story,
                            storyline: self.clusters[c as usize].storyline,
                            score: pair,
                            nearest,
                            moved: Some(moved),
                        }
                    }
                    None => Placement {
                        story: c,
                        storyline: self.clusters[c as usize].storyline,
                        score,
                        nearest,
                        moved: None,
                    },
                }
            }
            _ => {
                let storyline = match best_line {
                    Some((c, score)) if score >= p.storyline_threshold => {
                        self.clusters[c as usize].storyline
                    }
                    _ => {
                        self.storylines += 1;
                        self.storylines - 1
                    }
                };
                Placement {
                    story: self.new_cluster(storyline),
                    storyline,
                    score: 1.0,
                    nearest,
                    moved: None,
                }
            }
        };
        let member = Member {
            vector: member_vector(&vector),
            profile: (placement.score < p.threshold + p.split_margin).then(|| profile.clone()),
            score: placement.score,
            date,
            arrival,
        };
        self.absorb(placement.story, &profile, member);
        (placement, vector)
    }

    /// Opens an empty story in `storyline`.
    fn new_cluster(&mut self, storyline: u32) -> u32 {
        self.clusters.push(Cluster {
            profile: HashMap::default(),
            first: None,
            last: None,
            indexed: HashSet::default(),
            storyline,
            members: Vec::new(),
            dates: Vec::new(),
            size: 0,
            cache: None,
        });
        (self.clusters.len() - 1) as u32
    }

    /// The story's norms under today's IDF (not the IDF its members had on arrival:
    /// early in a stream every term looks rare),
    /// cached while the collection grows by less than a percent.
    fn summary(&mut self, story: u32, ln_docs: f32) -> Summary {
        let cluster = &self.clusters[story as usize];
        if let Some(cached) = &cluster.cache {
            if ln_docs - cached.ln_docs < 0.01 {
                return cached.clone();
            }
        }
        let (mut norm2, mut specific2) = (0.0f32, 0.0f32);
        for (&t, &raw) in &cluster.profile {
            let w = raw * self.vocab.idf(t, ln_docs);
            norm2 += w * w;
            if self.vocab.is_specific(t) {
                specific2 += w * w;
            }
        }
        let summary = Summary {
            ln_docs,
            norm2,
            specific2,
        };
        self.clusters[story as usize].cache = Some(summary.clone());
        summary
    }

    /// The similarity of two articles, weighed as against a story: cosine over all terms
    /// blended with the cosine over names and numbers.
    fn blend(&self, a: &SparseVec, b: &SparseVec) -> f32 {
        let (mut i, mut j) = (0, 0);
        let (mut dot, mut specific_dot) = (0.0f32, 0.0f32);
        let (mut a_specific, mut b2, mut b_specific) = (0.0f32, 0.0f32, 0.0f32);
        let (x, y) = (&a.entries, &b.entries);
        for &(t, w) in x {
            if self.vocab.is_specific(t) {
                a_specific += w * w;
            }
        }
        for &(t, w) in y {
            b2 += w * w;
            if self.vocab.is_specific(t) {
                b_specific += w * w;
            }
        }
        while i < x.len() && j < y.len() {
            match x[i].0.cmp(&y[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let d = x[i].1 * y[j].1;
                    dot += d;
                    if self.vocab.is_specific(x[i].0) {
                        specific_dot += d;
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
        if b2 <= 0.0 {
            return 0.0;
        }
        let cosine = dot / b2.sqrt();
        if a_specific > 0.0 && b_specific > 0.0 {
            let specific = specific_dot / (a_specific * b_specific).sqrt();
            (1.0 - self.params.specific_share) * cosine + self.params.specific_share * specific
        } else {
            cosine
        }
    }

    /// The undated discount when it applies, else 0.
    fn undated(&self, cluster: &Cluster, date: Option<NaiveDate>) -> f32 {
        if date.is_none() || cluster.first.is_none() {
            self.params.undated_discount
        } else {
            0.0
        }
    }

    /// Score discount for an article `when` away from the story's span;
    /// [`Params::undated_discount`] when either is undated, or more when an undated
    /// article's "not before" day lies past the story's last date by more than
    /// [`Params::bound_slack_days`]: the true gap is at least that far.
    fn time_discount(&self, cluster: &Cluster, when: When) -> f32 {
        self.span_discount(cluster.first.zip(cluster.last), when)
    }

    /// [`OnlineClusterer::time_discount`] against a span of publication dates.
    fn span_discount(&self, span: Option<(NaiveDate, NaiveDate)>, when: When) -> f32 {
        let p = &self.params;
        let by_gap = |gap: f32| p.time_penalty * gap / (gap + p.time_scale_days);
        let Some((first, last)) = span else {
            return p.undated_discount;
        };
        match when {
            When::Published(d) => by_gap(if d < first {
                (first - d).num_days()
            } else if d > last {
                (d - last).num_days()
            } else {
                0
            } as f32),
            When::NotBefore(d) => {
                let gap = (d - last).num_days() as f32 - p.bound_slack_days;
                if gap > 0.0 {
                    by_gap(gap).max(p.undated_discount)
                } else {
                    p.undated_discount
                }
            }
            When::Unknown => p.undated_discount,
        }
    }

    /// Adds a member to a story: its profile to the centroid, its date to the span, its
    /// heaviest terms to the index.
    fn absorb(&mut self, story: u32, profile: &SparseVec, member: Member) {
        let p = self.params;
        let cluster = &mut self.clusters[story as usize];
        cluster.cache = None;
        cluster.size += 1;
        for &(t, w) in &profile.entries {
            *cluster.profile.entry(t).or_default() += w;
        }
        if cluster.profile.len() > p.centroid_cap {
            // Keep the terms most members share; singletons of long stories go first.
            let mut weights: Vec<f32> = cluster.profile.values().copied().collect();
            let keep = p.centroid_cap / 2;
            weights.select_nth_unstable_by(keep, |a, b| b.total_cmp(a));
            let floor = weights[keep];
            cluster.profile.retain(|_, w| *w > floor);
        }
        if let Some(d) = member.date {
            cluster.first = Some(cluster.first.map_or(d, |f| f.min(d)));
            cluster.last = Some(cluster.last.map_or(d, |l| l.max(d)));
            cluster.dates.push(d);
        }
        let top = member.vector.top_terms(p.index_terms);
        cluster.members.push(member);
        if cluster.members.len() > MEMBER_VECTORS {
            cluster.members.remove(0);
        }
        for (t, _) in top {
            if cluster.indexed.insert(t) {
                let list = self.postings.entry(t).or_default();
                list.push(story);
                if list.len() > p.posting_cap {
                    list.drain(..p.posting_cap / 2);
                }
            }
        }
    }
}

/// A member's heaviest terms, sorted by term, for the member check.
fn member_vector(vector: &SparseVec) -> SparseVec {
    let mut member = SparseVec {
        entries: vector.top_terms(MEMBER_TERMS),
    };
    member.entries.sort_unstable_by_key(|e| e.0);
    member
}
