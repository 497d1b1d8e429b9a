//! A linear ranker over hashed features: scores each candidate and picks the best. Trained as
//! an averaged perceptron (Collins 2002) on lists of candidates with one right answer.

/// Hash space of the ranker's features (a power of two).
pub const RANK_BUCKETS: usize = 1 << 18;

/// Hashes a feature template number and its parts into `0..RANK_BUCKETS`.
pub fn hash(template: u16, parts: &[&str]) -> usize {
    let mut h: u64 = 0x84222325cbf29ce4 ^ u64::from(template).wrapping_mul(0x9e37_79b9);
    h = h.wrapping_mul(0x100_0000_01b3);
    for p in parts {
        for b in p.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    (h as usize) & (RANK_BUCKETS - 1)
}

/// Trained ranker weights.
#[derive(Clone, Debug, Default)]
pub struct Ranker {
    weights: Vec<f32>,
}

fn score(weights: &[f32], feats: &[usize]) -> f32 {
    feats
        .iter()
        .map(|&f| weights.get(f).copied().unwrap_or(0.0))
        .sum()
}

fn best(weights: &[f32], candidates: &[Vec<usize>]) -> Option<usize> {
    let mut top: Option<(usize, f32)> = None;
    for (i, c) in candidates.iter().enumerate() {
        let s = score(weights, c);
        // Ties go to the earlier candidate, so ranking is deterministic.
        if top.is_none_or(|(_, t)| s > t) {
            top = Some((i, s));
        }
    }
    top.map(|t| t.0)
}

impl Ranker {
    /// Index of the best-scoring candidate; `None` when there are none.
    pub fn best(&self, candidates: &[Vec<usize>]) -> Option<usize> {
        best(&self.weights, candidates)
    }

    /// The score of every candidate.
    pub fn scores(&self, candidates: &[Vec<usize>]) -> Vec<f32> {
        candidates.iter().map(|c| score(&self.weights, c)).collect()
    }

    /// Serialises the non-zero weights as (index, f32).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = b"PXRNK1".to_vec();
        for (i, w) in self.weights.iter().enumerate() {
            if *w != 0.0 {
                out.extend_from_slice(&(i as u32).to_le_bytes());
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// Reads what [`Ranker::to_bytes`] wrote; `None` when the bytes are not a ranker.
    pub fn from_bytes(bytes: &[u8]) -> Option<Ranker> {
        let rest = bytes.strip_prefix(b"PXRNK1")?;
        if rest.len() % 8 != 0 {
            return None;
        }
        let mut weights = vec![0.0f32; RANK_BUCKETS];
        for entry in rest.chunks_exact(8) {
            let i = u32::from_le_bytes(entry[..4].try_into().ok()?) as usize;
            *weights.get_mut(i)? = f32::from_le_bytes(entry[4..].try_into().ok()?);
        }
        Some(Ranker { weights })
    }
}

/// Averaged-perceptron training state for a [`Ranker`].
pub struct RankerTrainer {
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    step: u32,
}

impl Default for RankerTrainer {
    fn default() -> Self {
        RankerTrainer {
            weights: vec![0.0; RANK_BUCKETS],
            totals: vec![0.0; RANK_BUCKETS],
            stamps: vec![0; RANK_BUCKETS],
            step: 0,
        }
    }
}

impl RankerTrainer {
    /// One step: when the best candidate is not `gold`, moves weights toward `gold`'s
    /// features and away from the winner's.
    pub fn learn(&mut self, candidates: &[Vec<usize>], gold: usize) {
        self.step += 1;
        let Some(guess) = best(&self.weights, candidates) else {
            return;
        };
        if guess == gold || gold >= candidates.len() {
            return;
        }
        let step = self.step;
        for &f in &candidates[gold] {
            self.bump(f, 1.0, step);
        }
        for &f in &candidates[guess] {
            self.bump(f, -1.0, step);
        }
    }

    fn bump(&mut self, i: usize, delta: f32, step: u32) {
        if i >= self.weights.len() {
            return;
        }
        self.totals[i] += f64::from(step - self.stamps[i]) * f64::from(self.weights[i]);
        self.stamps[i] = step;
        self.weights[i] += delta;
    }

    /// The averaged ranker; weights that average to almost nothing are dropped.
    pub fn finish(self) -> Ranker {
        let step = f64::from(self.step.max(1));
        let weights = (0..self.weights.len())
            .map(|i| {
                let total = self.totals[i]
                    + f64::from(self.step - self.stamps[i]) * f64::from(self.weights[i]);
                let v = (total / step) as f32;
                if v.abs() < 1e-6 {
                    0.0
                } else {
                    v
                }
            })
            .collect();
        Ranker { weights }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_to_prefer_a_feature_and_reads_back() {
        let lists = [
            (vec![vec![1, 5], vec![2, 7]], 1),
            (vec![vec![2, 3], vec![1, 4], vec![9]], 0),
        ];
        let mut trainer = RankerTrainer::default();
        for _ in 0..5 {
            for (c, g) in &lists {
                trainer.learn(c, *g);
            }
        }
        let ranker = trainer.finish();
        let back = Ranker::from_bytes(&ranker.to_bytes()).expect("a ranker reads back");
        for (c, g) in &lists {
            assert_eq!(ranker.best(c), Some(*g));
            assert_eq!(back.best(c), Some(*g));
        }
    }
}
