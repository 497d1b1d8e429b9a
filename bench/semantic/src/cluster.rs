//! Single-pass online centroid clustering over TF-IDF vectors, sentence embeddings, or
//! a weighted sum of both cosines. Each article joins the most similar story so far
//! when the score reaches the threshold, and starts a new story otherwise.

use parallax_core::Article;
use std::collections::HashMap;

/// Words too common to say anything about an event.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "but", "by", "can", "could", "did", "do", "for", "from", "had", "has", "have", "he",
    "her", "his", "how", "i", "if", "in", "into", "is", "it", "its", "last", "more", "most", "new",
    "no", "not", "of", "on", "one", "or", "other", "our", "out", "over", "said", "says", "she",
    "so", "some", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "to", "two", "up", "was", "we", "were", "what", "when", "where", "which", "who",
    "will", "with", "would", "you", "year", "years",
];

/// One article's features: a unit TF-IDF vector (sorted term ids) and, when a model
/// is loaded, its unit embedding.
pub struct Features {
    tfidf: Vec<(u32, f32)>,
    embedding: Option<Vec<f32>>,
}

/// TF-IDF vectors of `articles` with document frequencies from the same stream (the
/// batch, as the project's clusterer now does), paired with their embeddings.
pub fn features(articles: &[Article], embeddings: Option<&[Vec<f32>]>) -> (Vec<Features>, usize) {
    let mut vocab: HashMap<String, u32> = HashMap::new();
    let mut counts: Vec<HashMap<u32, f32>> = Vec::with_capacity(articles.len());
    let mut df: Vec<f32> = Vec::new();
    for article in articles {
        let mut tf: HashMap<u32, f32> = HashMap::new();
        let title = article.title.as_deref().unwrap_or("");
        // The headline counts twice: it names the event in the fewest words.
        for (text, weight) in [(title, 2.0), (article.body.as_str(), 1.0)] {
            for word in text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() > 1)
            {
                let word = word.to_lowercase();
                if STOPWORDS.contains(&word.as_str()) {
                    continue;
                }
                let next = vocab.len() as u32;
                let id = *vocab.entry(word).or_insert(next);
                *tf.entry(id).or_default() += weight;
            }
        }
        df.resize(vocab.len(), 0.0);
        for &id in tf.keys() {
            df[id as usize] += 1.0;
        }
        counts.push(tf);
    }
    let n = articles.len() as f32;
    let out = counts
        .into_iter()
        .enumerate()
        .map(|(i, tf)| {
            let mut v: Vec<(u32, f32)> = tf
                .into_iter()
                .map(|(id, c)| {
                    (
                        id,
                        (1.0 + c.ln()) * ((n + 1.0) / (df[id as usize] + 1.0)).ln(),
                    )
                })
                .filter(|&(_, w)| w > 0.0)
                .collect();
            v.sort_unstable_by_key(|&(id, _)| id);
            let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt().max(1e-12);
            v.iter_mut().for_each(|(_, w)| *w /= norm);
            Features {
                tfidf: v,
                embedding: embeddings.map(|e| e[i].clone()),
            }
        })
        .collect();
    (out, vocab.len())
}

struct Centroid {
    tfidf_sum: Vec<f32>,
    tfidf_norm2: f32,
    embedding_sum: Vec<f32>,
    embedding_norm2: f32,
}

/// Clusters the stream in order; `tfidf_weight` is the TF-IDF cosine's share of the
/// score (1: TF-IDF only, 0: embeddings only). Returns each article's cluster number.
pub fn single_pass(
    features: &[Features],
    vocab: usize,
    tfidf_weight: f32,
    threshold: f32,
) -> Vec<usize> {
    let mut clusters: Vec<Centroid> = Vec::new();
    let mut out = Vec::with_capacity(features.len());
    for f in features {
        let mut best: Option<(usize, f32, f32, f32)> = None;
        for (c, centroid) in clusters.iter().enumerate() {
            let dot_t: f32 = f
                .tfidf
                .iter()
                .map(|&(id, w)| w * centroid.tfidf_sum[id as usize])
                .sum();
            let dot_e: f32 = match &f.embedding {
                Some(e) => e
                    .iter()
                    .zip(&centroid.embedding_sum)
                    .map(|(a, b)| a * b)
                    .sum(),
                _ => 0.0,
            };
            let cos_t = dot_t / centroid.tfidf_norm2.sqrt().max(1e-12);
            let cos_e = dot_e / centroid.embedding_norm2.sqrt().max(1e-12);
            let score = tfidf_weight * cos_t + (1.0 - tfidf_weight) * cos_e;
            if best.is_none_or(|(_, s, _, _)| score > s) {
                best = Some((c, score, dot_t, dot_e));
            }
        }
        match best {
            Some((c, score, dot_t, dot_e)) if score >= threshold => {
                let centroid = &mut clusters[c];
                // |S + x|^2 = |S|^2 + 2 S.x + |x|^2, with |x| = 1 for both vectors.
                centroid.tfidf_norm2 += 2.0 * dot_t + 1.0;
                for &(id, w) in &f.tfidf {
                    centroid.tfidf_sum[id as usize] += w;
                }
                if let Some(e) = &f.embedding {
                    centroid.embedding_norm2 += 2.0 * dot_e + 1.0;
                    centroid
                        .embedding_sum
                        .iter_mut()
                        .zip(e)
                        .for_each(|(s, x)| *s += x);
                }
                out.push(c);
            }
            _ => {
                let mut tfidf_sum = vec![0.0; vocab];
                for &(id, w) in &f.tfidf {
                    tfidf_sum[id as usize] = w;
                }
                clusters.push(Centroid {
                    tfidf_sum,
                    tfidf_norm2: 1.0,
                    embedding_sum: f.embedding.clone().unwrap_or_default(),
                    embedding_norm2: 1.0,
                });
                out.push(clusters.len() - 1);
            }
        }
    }
    out
}
