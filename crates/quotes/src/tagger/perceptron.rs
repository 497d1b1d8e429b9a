//! The averaged structured perceptron: Viterbi decoding, training, and model files.

use super::{label_of, BUCKETS, TAGS};

/// True when tag `b` may follow tag `a` (an inside tag continues its own label).
fn allowed(a: Option<usize>, b: usize) -> bool {
    if b == 0 || b % 2 == 1 {
        return true;
    }
    matches!(a, Some(p) if p != 0 && label_of(p) == label_of(b))
}

/// Trained weights: emission per (feature bucket, tag) and transition per (previous, tag).
pub struct Model {
    weights: Vec<f32>,
    transitions: [[f32; TAGS]; TAGS + 1],
}

impl Model {
    /// Viterbi decoding of one article's feature rows into tags.
    pub fn decode(&self, feats: &[Vec<usize>]) -> Vec<usize> {
        decode_with(&self.weights, &self.transitions, feats)
    }

    /// The emission score of every tag at every token (the evidence before transitions).
    pub fn emissions(&self, feats: &[Vec<usize>]) -> Vec<[f32; TAGS]> {
        feats
            .iter()
            .map(|row| {
                let mut emit = [0.0f32; TAGS];
                for &f in row {
                    if let Some(w) = self.weights.get(f * TAGS..f * TAGS + TAGS) {
                        for t in 0..TAGS {
                            emit[t] += w[t];
                        }
                    }
                }
                emit
            })
            .collect()
    }

    /// Serialises the model: a header, the transitions, a scale, then non-zero weights as
    /// (index, 16-bit value).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = b"PXTAG2".to_vec();
        for row in &self.transitions {
            for v in row {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        // Weights are stored as 16-bit steps of the largest weight: a third of the size of
        // (index, f32) pairs' worth of precision is not needed for an argmax.
        let max = self
            .weights
            .iter()
            .fold(0.0f32, |m, w| m.max(w.abs()))
            .max(1e-9);
        let scale = max / f32::from(i16::MAX);
        out.extend_from_slice(&scale.to_le_bytes());
        for (i, v) in self.weights.iter().enumerate() {
            let q = (v / scale).round() as i16;
            // Steps of one or two are a rounding of weights that hardly ever move a tag, and
            // dropping them keeps the file well under 50 MB.
            if q.unsigned_abs() > 40 {
                out.extend_from_slice(&(i as u32).to_le_bytes());
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
        out
    }

    /// Reads what [`Model::to_bytes`] wrote; `None` when the bytes are not a model.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let rest = bytes.strip_prefix(b"PXTAG2")?;
        let f32_at = |b: &[u8]| b.try_into().ok().map(f32::from_le_bytes);
        let mut transitions = [[0.0f32; TAGS]; TAGS + 1];
        let head = (TAGS + 1) * TAGS * 4;
        if rest.len() < head + 4 {
            return None;
        }
        for (k, chunk) in rest[..head].chunks_exact(4).enumerate() {
            transitions[k / TAGS][k % TAGS] = f32_at(chunk)?;
        }
        let scale = f32_at(&rest[head..head + 4])?;
        let mut weights = vec![0.0f32; BUCKETS * TAGS];
        for entry in rest[head + 4..].chunks_exact(6) {
            let i = u32::from_le_bytes(entry[..4].try_into().ok()?) as usize;
            let q = i16::from_le_bytes(entry[4..].try_into().ok()?);
            *weights.get_mut(i)? = f32::from(q) * scale;
        }
        Some(Model {
            weights,
            transitions,
        })
    }
}

fn decode_with(
    weights: &[f32],
    transitions: &[[f32; TAGS]; TAGS + 1],
    feats: &[Vec<usize>],
) -> Vec<usize> {
    let n = feats.len();
    if n == 0 {
        return Vec::new();
    }
    let mut score = vec![[f32::NEG_INFINITY; TAGS]; n];
    let mut back = vec![[0u8; TAGS]; n];
    for k in 0..n {
        let mut emit = [0.0f32; TAGS];
        for &f in &feats[k] {
            let row = &weights[f * TAGS..f * TAGS + TAGS];
            for t in 0..TAGS {
                emit[t] += row[t];
            }
        }
        for t in 0..TAGS {
            if k == 0 {
                if allowed(None, t) {
                    score[0][t] = transitions[TAGS][t] + emit[t];
                }
                continue;
            }
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0;
            for p in 0..TAGS {
                if !allowed(Some(p), t) {
                    continue;
                }
                let s = score[k - 1][p] + transitions[p][t];
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            score[k][t] = best + emit[t];
            back[k][t] = arg as u8;
        }
    }
    let mut t = (0..TAGS)
        .max_by(|&a, &b| score[n - 1][a].total_cmp(&score[n - 1][b]))
        .unwrap_or(0);
    let mut tags = vec![0; n];
    for k in (0..n).rev() {
        tags[k] = t;
        t = back[k][t] as usize;
    }
    tags
}

/// Averaged-perceptron training state.
pub struct Trainer {
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    transitions: [[f32; TAGS]; TAGS + 1],
    trans_totals: [[f64; TAGS]; TAGS + 1],
    trans_stamps: [[u32; TAGS]; TAGS + 1],
    step: u32,
}

impl Default for Trainer {
    fn default() -> Self {
        Trainer {
            weights: vec![0.0; BUCKETS * TAGS],
            totals: vec![0.0; BUCKETS * TAGS],
            stamps: vec![0; BUCKETS * TAGS],
            transitions: [[0.0; TAGS]; TAGS + 1],
            trans_totals: [[0.0; TAGS]; TAGS + 1],
            trans_stamps: [[0; TAGS]; TAGS + 1],
            step: 0,
        }
    }
}

impl Trainer {
    /// One perceptron step on one article: decode, and move weights toward the gold tags.
    pub fn learn(&mut self, feats: &[Vec<usize>], gold: &[usize]) {
        self.step += 1;
        let guess = decode_with(&self.weights, &self.transitions, feats);
        if guess == gold {
            return;
        }
        let step = self.step;
        for k in 0..feats.len() {
            let (g, p) = (gold[k], guess[k]);
            let gp = if k == 0 { TAGS } else { gold[k - 1] };
            let pp = if k == 0 { TAGS } else { guess[k - 1] };
            if g != p {
                for &f in &feats[k] {
                    self.bump(f * TAGS + g, 1.0, step);
                    self.bump(f * TAGS + p, -1.0, step);
                }
            }
            if g != p || gp != pp {
                self.bump_transition(gp, g, 1.0, step);
                self.bump_transition(pp, p, -1.0, step);
            }
        }
    }

    fn bump(&mut self, i: usize, delta: f32, step: u32) {
        self.totals[i] += f64::from(step - self.stamps[i]) * f64::from(self.weights[i]);
        self.stamps[i] = step;
        self.weights[i] += delta;
    }

    fn bump_transition(&mut self, a: usize, b: usize, delta: f32, step: u32) {
        self.trans_totals[a][b] +=
            f64::from(step - self.trans_stamps[a][b]) * f64::from(self.transitions[a][b]);
        self.trans_stamps[a][b] = step;
        self.transitions[a][b] += delta;
    }

    /// The averaged model.
    #[allow(clippy::needless_range_loop)]
    pub fn finish(self) -> Model {
        let step = f64::from(self.step.max(1));
        let avg = |w: f32, total: f64, stamp: u32| {
            ((total + f64::from(self.step - stamp) * f64::from(w)) / step) as f32
        };
        let weights = (0..self.weights.len())
            .map(|i| {
                let v = avg(self.weights[i], self.totals[i], self.stamps[i]);
                if v.abs() < 1e-4 {
                    0.0
                } else {
                    v
                }
            })
            .collect();
        let mut transitions = [[0.0; TAGS]; TAGS + 1];
        for a in 0..=TAGS {
            for b in 0..TAGS {
                transitions[a][b] = avg(
                    self.transitions[a][b],
                    self.trans_totals[a][b],
                    self.trans_stamps[a][b],
                );
            }
        }
        Model {
            weights,
            transitions,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_toy_pattern_and_survives_a_round_trip() {
        // Feature 1 marks a cue (tag 3), feature 2 a source (tag 1), feature 3 content (5, 6).
        let feats = vec![vec![0, 2], vec![0, 1], vec![0, 3], vec![0, 3], vec![0]];
        let gold = vec![1, 3, 5, 6, 0];
        let mut trainer = Trainer::default();
        for _ in 0..5 {
            trainer.learn(&feats, &gold);
        }
        let model = trainer.finish();
        assert_eq!(model.decode(&feats), gold);
        let back = Model::from_bytes(&model.to_bytes()).expect("a model reads back");
        assert_eq!(back.decode(&feats), gold);
    }
}
