//! The anchor: single-pass online TF-IDF clustering (incremental IDF, cosine to each
//! cluster's centroid), as the dataset README describes it, optionally with a time
//! window on candidate clusters. It scans every cluster: fine for a few hundred articles.

use chrono::NaiveDate;
use parallax_core::Article;
use parallax_stories::lexicon::STOPWORDS;
use std::collections::HashMap;

/// Cluster index of every article, in stream order.
pub fn cluster(articles: &[Article], threshold: f32, window_days: Option<i64>) -> Vec<usize> {
    let mut df: HashMap<String, u32> = HashMap::new();
    let mut clusters: Vec<(HashMap<String, f32>, Option<NaiveDate>)> = Vec::new();
    let mut out = Vec::with_capacity(articles.len());
    for (seen, a) in articles.iter().enumerate() {
        let docs = seen as f32 + 1.0;
        let mut tf: HashMap<String, f32> = HashMap::new();
        let text = format!("{}\n{}", a.title.as_deref().unwrap_or(""), a.body);
        for word in text
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .filter(|w| w.chars().count() >= 2 && !STOPWORDS.contains(&w.as_str()))
        {
            *tf.entry(word).or_default() += 1.0;
        }
        for w in tf.keys() {
            *df.entry(w.clone()).or_default() += 1;
        }
        let mut vector: HashMap<String, f32> = tf
            .into_iter()
            .map(|(w, n)| {
                let idf = ((1.0 + docs) / (1.0 + df[&w] as f32)).ln() + 1.0;
                (w, (1.0 + n.ln()) * idf)
            })
            .collect();
        normalise(&mut vector);
        let mut best: Option<(usize, f32)> = None;
        for (c, (centroid, last)) in clusters.iter().enumerate() {
            if let (Some(window), Some(d), Some(l)) = (window_days, a.published, last) {
                if (d - *l).num_days().abs() > window {
                    continue;
                }
            }
            let norm = centroid.values().map(|v| v * v).sum::<f32>().sqrt();
            let dot: f32 = vector
                .iter()
                .filter_map(|(w, v)| centroid.get(w).map(|c| c * v))
                .sum();
            let cosine = if norm > 0.0 { dot / norm } else { 0.0 };
            if best.is_none_or(|(_, s)| cosine > s) {
                best = Some((c, cosine));
            }
        }
        let c = match best {
            Some((c, s)) if s >= threshold => c,
            _ => {
                clusters.push((HashMap::new(), None));
                clusters.len() - 1
            }
        };
        let (centroid, last) = &mut clusters[c];
        for (w, v) in vector {
            *centroid.entry(w).or_default() += v;
        }
        if let Some(d) = a.published {
            *last = Some(last.map_or(d, |l: NaiveDate| l.max(d)));
        }
        out.push(c);
    }
    out
}

fn normalise(v: &mut HashMap<String, f32>) {
    let norm = v.values().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.values_mut().for_each(|x| *x /= norm);
    }
}
