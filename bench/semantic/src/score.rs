//! BCubed precision, recall and F1 of a clustering against gold labels.

use std::collections::HashMap;

/// BCubed figures of one clustering.
#[derive(Clone, Copy, Debug, Default)]
pub struct BCubed {
    /// Mean, over items, of the share of the item's cluster that shares its gold label.
    pub precision: f64,
    /// Mean, over items, of the share of the item's gold class inside its cluster.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
    /// Predicted clusters.
    pub clusters: usize,
}

/// Scores `predicted[i]` (any cluster labels) against `gold[i]`.
pub fn bcubed<P: Eq + std::hash::Hash, G: Eq + std::hash::Hash>(
    predicted: &[P],
    gold: &[G],
) -> BCubed {
    let n = predicted.len().min(gold.len());
    if n == 0 {
        return BCubed::default();
    }
    let mut cluster_size: HashMap<&P, f64> = HashMap::new();
    let mut class_size: HashMap<&G, f64> = HashMap::new();
    let mut both: HashMap<(&P, &G), f64> = HashMap::new();
    for i in 0..n {
        *cluster_size.entry(&predicted[i]).or_default() += 1.0;
        *class_size.entry(&gold[i]).or_default() += 1.0;
        *both.entry((&predicted[i], &gold[i])).or_default() += 1.0;
    }
    let (mut p, mut r) = (0.0, 0.0);
    for i in 0..n {
        let shared = both[&(&predicted[i], &gold[i])];
        p += shared / cluster_size[&predicted[i]];
        r += shared / class_size[&gold[i]];
    }
    let (precision, recall) = (p / n as f64, r / n as f64);
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    BCubed {
        precision,
        recall,
        f1,
        clusters: cluster_size.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::bcubed;

    #[test]
    fn perfect_clustering_scores_one() {
        let s = bcubed(&[7, 7, 3], &["a", "a", "b"]);
        assert_eq!(
            (s.precision, s.recall, s.f1, s.clusters),
            (1.0, 1.0, 1.0, 2)
        );
    }

    #[test]
    fn one_big_cluster_has_full_recall_and_low_precision() {
        // Cluster of 4 holding classes of 2 and 2: each item's precision is 1/2.
        let s = bcubed(&[0, 0, 0, 0], &["a", "a", "b", "b"]);
        assert_eq!((s.precision, s.recall), (0.5, 1.0));
    }

    #[test]
    fn singletons_have_full_precision() {
        // Class of 3 split into singletons: each item's recall is 1/3.
        let s = bcubed(&[0, 1, 2], &["a", "a", "a"]);
        assert_eq!(s.precision, 1.0);
        assert!((s.recall - 1.0 / 3.0).abs() < 1e-12);
    }
}
