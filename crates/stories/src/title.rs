//! A story's title: the headline of its most central member.

use crate::vector::SparseVec;
use parallax_core::Article;
use rustc_hash::FxHashMap as HashMap;

/// Terms of a member vector kept to judge centrality; enough for a ranking.
const KEPT_TERMS: usize = 24;

/// Collects truncated member vectors per story and picks the most central member.
#[derive(Default)]
pub struct TitlePicker {
    members: HashMap<u32, Vec<(usize, SparseVec)>>,
}

impl TitlePicker {
    /// Remembers that article `index` (with `vector`) joined `story`.
    pub fn add(&mut self, story: u32, index: usize, vector: SparseVec) {
        let mut entries = vector.top_terms(KEPT_TERMS);
        entries.sort_unstable_by_key(|e| e.0);
        self.members
            .entry(story)
            .or_default()
            .push((index, SparseVec { entries }));
    }

    /// Moves article `index` from story `from` to story `to`.
    pub fn move_member(&mut self, index: usize, from: u32, to: u32) {
        let Some(list) = self.members.get_mut(&from) else {
            return;
        };
        if let Some(k) = list.iter().position(|(i, _)| *i == index) {
            let member = list.remove(k);
            self.members.entry(to).or_default().push(member);
        }
    }

    /// For every story, the article index whose vector is closest to the others',
    /// among the members for which `titled` holds when there are any.
    pub fn finish(self, titled: impl Fn(usize) -> bool) -> Vec<(u32, usize)> {
        let mut out: Vec<(u32, usize)> = self
            .members
            .into_iter()
            .map(|(story, members)| {
                let mut centroid: HashMap<u32, f32> = HashMap::default();
                for (_, v) in &members {
                    for &(t, w) in &v.entries {
                        *centroid.entry(t).or_default() += w;
                    }
                }
                let any_titled = members.iter().any(|(i, _)| titled(*i));
                let best = members
                    .iter()
                    .filter(|(i, _)| !any_titled || titled(*i))
                    .map(|(i, v)| (*i, v.dot_map(&centroid)))
                    .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
                    .map_or(0, |(i, _)| i);
                (story, best)
            })
            .collect();
        out.sort_unstable();
        out
    }
}

/// The article's headline, or its first sentence cut to a readable length.
pub fn headline(article: &Article) -> String {
    if let Some(t) = article
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        return t.to_owned();
    }
    let first = article
        .body
        .split("\n")
        .map(str::trim)
        .find(|l| l.split_whitespace().count() >= 4)
        .unwrap_or("");
    let sentence_end = first
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?') && first[i + 1..].starts_with(' '))
        .map_or(first.len(), |(i, c)| i + c.len_utf8());
    let sentence = &first[..sentence_end];
    if sentence.chars().count() <= 120 {
        return sentence.to_owned();
    }
    let cut: String = sentence.chars().take(117).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}
